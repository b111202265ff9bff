import ChronicleCore
import ChronicleLanguage

/// The trained part of the relation stage: one linear classifier per kind of pair (event–creation time,
/// event–time, event–event in a sentence, main events of consecutive sentences), and for each the margin
/// over "no link" a relation needs to be kept.
///
/// ``RelationModel/shipped`` is compiled into Chronicle; ``RelationTrainer`` makes new ones from TimeML.
public struct RelationModel: Sendable {
    /// Per ``PairCategory``: whether to link a pair (classes 0, no link, and 1, link).
    var linkers: [LinearModel]
    /// Per ``PairCategory``: which relation a linked pair has (classes: ``RelationLabel`` raw values).
    var typers: [LinearModel]
    /// Per category: the margin of "link" over "no link" a pair must exceed.
    var thresholds: [Float]
    /// Per category: the labels (``RelationLabel`` raw values, never `none`) the typer may choose.
    var allowedLabels: [[Int]]
    /// What the model was trained on and how, in words.
    public var summary: String

    /// Per category: the linker's and the typer's (allowed columns only) scoring tables.
    let linkTables: [ScoringTable]
    let typeTables: [ScoringTable]
    /// Per category: the linker's and the typer's columns in one table (one lookup gives both), for the
    /// categories whose pairs are often linked and whose rows are narrow enough; else nil.
    let combinedTables: [ScoringTable?]

    init(linkers: [LinearModel], typers: [LinearModel], thresholds: [Float], allowedLabels: [[Int]], summary: String) {
        self.linkers = linkers
        self.typers = typers
        linkTables = linkers.map { ScoringTable($0, columns: [0, 1]) }
        typeTables = zip(typers, allowedLabels).map { ScoringTable($0, columns: $1) }
        combinedTables = PairCategory.allCases.map { category in
            let c = category.rawValue
            switch category {
            case .eventCreationTime, .eventTime, .sameLemma:
                guard !allowedLabels[c].isEmpty, 2 + allowedLabels[c].count <= 12 else { return nil }
                return ScoringTable([(linkers[c], [0, 1]), (typers[c], allowedLabels[c])])
            case .eventEvent, .mainEvents:
                return nil
            }
        }
        self.thresholds = thresholds
        self.allowedLabels = allowedLabels
        self.summary = summary
    }

    /// A model that links nothing (its classifiers have no features).
    public static let empty = RelationModel(
        linkers: PairCategory.allCases.map { _ in LinearModel(classes: 2) },
        typers: PairCategory.allCases.map { _ in LinearModel(classes: RelationLabel.count) },
        thresholds: PairCategory.allCases.map { _ in .infinity },
        allowedLabels: PairCategory.allCases.map { _ in [] }, summary: "empty")

    /// The number of features with weights, over all classifiers.
    public var featureCount: Int { (linkers + typers).reduce(0) { $0 + $1.featureCount } }

    /// The model compiled into Chronicle (see `Model/ShippedRelationModel.swift`).
    public static let shipped: RelationModel = {
        if ShippedRelationModel.base64.utf8CodeUnitCount == 0 { return .empty }
        do {
            guard let bytes = ShippedRelationModel.base64.withUTF8Buffer({ Base64.decode($0) }) else {
                throw RelationModel.FormatError(description: "the shipped model is not base64")
            }
            return try RelationModel(serialized: bytes)
        } catch {
            preconditionFailure("the shipped relation model does not decode: \(error)")
        }
    }()

    /// The label, the margin of "link" over "no link", and the margin of the label over the next best
    /// label, for a pair of `category` with (complete) `features`.
    func classify(_ features: FeatureVector, category: PairCategory) -> (label: RelationLabel, margin: Float, typeMargin: Float) {
        let candidate = Candidate(category: category, source: .creationTime, target: .creationTime, first: -1, second: -1, features: features)
        var scorer = PairScoring(model: self, extractor: nil)
        guard let scored = scorer.score(candidate, options: nil) else { return (.none, -.infinity, 0) }
        return (RelationLabel(scored.type), scored.margin, scored.typeMargin)
    }

    /// The candidate pairs with their labels, link margins and type margins. With `options`, the pairs that
    /// will not be linked (under their category's threshold, unless the options link them all) are left out
    /// without being typed. Candidates with event blocks need the `extractor` that made them.
    func score(_ candidates: [Candidate], extractor: PairFeatureExtractor?, options: RelationRecognizer.Options? = nil) -> [ScoredPair] {
        var scorer = PairScoring(model: self, extractor: extractor)
        var scored: [ScoredPair] = []
        scored.reserveCapacity(candidates.count)
        for candidate in candidates {
            if let pair = scorer.score(candidate, options: options) { scored.append(pair) }
        }
        return scored
    }

    /// What ``score(_:extractor:options:)`` gives for `extractor.candidates()`, without making the candidates
    /// that cannot be linked under `options` (categories with no labels, or whose threshold no margin exceeds),
    /// and with the features of each candidate made in one reused buffer.
    func score(_ extractor: PairFeatureExtractor, options: RelationRecognizer.Options) -> [ScoredPair] {
        var batch = BatchScoring(model: self, extractor: extractor, options: options)
        var scored: [ScoredPair] = []
        let skipped = PairCategory.allCases.map { category in
            allowedLabels[category.rawValue].isEmpty
                || (thresholds[category.rawValue] == .infinity && !(options.everyEventToCreationTime && category == .eventCreationTime))
        }
        extractor.forEachSite { site in
            if skipped[site.category.rawValue] { return }
            batch.add(site)
            if batch.isFull { batch.flush(into: &scored) }
        }
        batch.flush(into: &scored)
        return scored
    }

    /// Scores the candidates of one document as ``PairScoring`` does (the same sums, added in the same order),
    /// a few dozen at a time: the table slots every candidate of a batch needs are read first, all together, so
    /// that the cache misses overlap instead of following one another.
    struct BatchScoring {
        let model: RelationModel
        let extractor: PairFeatureExtractor
        let options: RelationRecognizer.Options
        private let events: Int
        /// The candidates of the batch, and where their own features lie in ``keys``.
        private var sites: [PairSite] = []
        private var featureRanges: [Range<Int>] = []
        private var keys: [UInt64] = []
        /// Per key of ``keys``: the first key of its home slot (``ScoringTable/probe(_:into:)``).
        private var firstKeys: [UInt64] = []
        /// Per candidate of the batch: its link margin, or nil when it is not linked.
        private var margins: [Float?] = []
        /// Per candidate of the batch scored with a combined table: its type scores (12 per candidate).
        private var typeScores: [Float] = []
        /// Per category and role, per event (index `(2 * category + role - 1) * events + event`): where its
        /// block's link (type) scores start in ``linkRows`` (``typeRows``); -1: not computed. With a combined
        /// table, the link row holds the type scores too.
        private var linkOffsets: [Int32]
        private var typeOffsets: [Int32]
        private var linkRows: [Float] = []
        private var typeRows: [Float] = []
        /// Per role and event (index `(role - 1) * events + event`): where its block's features start and end
        /// in ``blockKeys`` (start -1: not made yet).
        private var blockStarts: [Int32]
        private var blockEnds: [Int32]
        private var blockKeys: [UInt64] = []
        /// The blocks to sum in this batch: their table, features and row.
        private var pending: [(table: ScoringTable, features: Range<Int>, row: Int)] = []
        private var pendingFirstKeys: [UInt64] = []
        private var scratch = FeatureVector()
        private var features = FeatureVector()

        /// How many candidates a batch holds.
        static let size = 24

        init(model: RelationModel, extractor: PairFeatureExtractor, options: RelationRecognizer.Options) {
            self.model = model
            self.extractor = extractor
            self.options = options
            events = extractor.context.events.count
            linkOffsets = Array(repeating: -1, count: 2 * PairCategory.allCases.count * events)
            typeOffsets = linkOffsets
            blockStarts = Array(repeating: -1, count: 2 * events)
            blockEnds = blockStarts
        }

        var isFull: Bool { sites.count >= Self.size }

        /// Adds a candidate to the batch (its features are made now).
        mutating func add(_ site: PairSite) {
            extractor.features(of: site, into: &features)
            let start = keys.count
            keys.append(contentsOf: features.keys)
            sites.append(site)
            featureRanges.append(start..<keys.count)
        }

        /// The table the link scores of a candidate of `category` come from (with its type scores, when combined).
        private func linkTable(_ category: Int) -> ScoringTable {
            model.combinedTables[category] ?? model.linkTables[category]
        }

        /// Where the features of `event`'s block in `role` lie in ``blockKeys``.
        private mutating func blockFeatures(_ event: Int, role: Int) -> Range<Int> {
            let index = (role - 1) * events + event
            if blockStarts[index] >= 0 { return Int(blockStarts[index])..<Int(blockEnds[index]) }
            extractor.eventBlock(event, role: UInt64(role), into: &scratch)
            let start = blockKeys.count
            blockKeys.append(contentsOf: scratch.keys)
            blockStarts[index] = Int32(start)
            blockEnds[index] = Int32(blockKeys.count)
            return start..<blockKeys.count
        }

        /// The row of the block of `event` in `role` for `category` (link or type scores), scheduling its sum
        /// in ``pending`` when it has none yet.
        private mutating func blockRow(_ event: Int, role: Int, category: PairCategory, type: Bool) -> Int {
            let index = (2 * category.rawValue + role - 1) * events + event
            let known = type ? typeOffsets[index] : linkOffsets[index]
            if known >= 0 { return Int(known) }
            let c = category.rawValue
            let range = blockFeatures(event, role: role)
            let table = type ? model.typeTables[c] : linkTable(c)
            let row: Int
            if type {
                row = typeRows.count
                for _ in 0..<table.width { typeRows.append(0) }
                typeOffsets[index] = Int32(row)
            } else {
                row = linkRows.count
                for _ in 0..<table.width { linkRows.append(0) }
                linkOffsets[index] = Int32(row)
            }
            pending.append((table, range, row))
            return row
        }

        /// Reads the home slots of the pending blocks' and the given candidates' features, then sums the
        /// pending blocks into their rows.
        private mutating func probeAndSumBlocks(type: Bool, candidates: [Int]) {
            var total = 0
            for block in pending { total += block.features.count }
            pendingFirstKeys.removeAll(keepingCapacity: true)
            pendingFirstKeys.append(contentsOf: repeatElement(0, count: total))
            firstKeys.removeAll(keepingCapacity: true)
            firstKeys.append(contentsOf: repeatElement(0, count: keys.count))
            let sites = self.sites, featureRanges = self.featureRanges, pending = self.pending
            let model = self.model
            blockKeys.withUnsafeBufferPointer { blockKeys in
                pendingFirstKeys.withUnsafeMutableBufferPointer { blockFirst in
                    var position = 0
                    for block in pending {
                        block.table.probe(UnsafeBufferPointer(rebasing: blockKeys[block.features]), into: blockFirst.baseAddress! + position)
                        position += block.features.count
                    }
                }
                keys.withUnsafeBufferPointer { keys in
                    firstKeys.withUnsafeMutableBufferPointer { first in
                        for i in candidates {
                            let range = featureRanges[i]
                            let c = sites[i].category.rawValue
                            let table = type ? model.typeTables[c] : (model.combinedTables[c] ?? model.linkTables[c])
                            table.probe(UnsafeBufferPointer(rebasing: keys[range]), into: first.baseAddress! + range.lowerBound)
                        }
                    }
                }
                pendingFirstKeys.withUnsafeBufferPointer { blockFirst in
                    var position = 0
                    func sum(_ rows: inout [Float]) {
                        rows.withUnsafeMutableBufferPointer { rows in
                            for block in pending {
                                block.table.accumulate(
                                    UnsafeBufferPointer(rebasing: blockKeys[block.features]), first: blockFirst.baseAddress! + position,
                                    into: rows.baseAddress! + block.row)
                                position += block.features.count
                            }
                        }
                    }
                    if type { sum(&typeRows) } else { sum(&linkRows) }
                }
            }
            self.pending.removeAll(keepingCapacity: true)
        }

        /// The label and type margin from the type scores of a linked candidate of category `c`.
        private static func label(_ scores: UnsafePointer<Float>, allowed: [Int]) -> (type: TemporalRelation.RelationType, margin: Float)? {
            var best = 0
            for k in allowed.indices where scores[k] > scores[best] { best = k }
            var secondBest = -Float.infinity
            for k in allowed.indices where k != best { secondBest = max(secondBest, scores[k]) }
            guard let type = RelationLabel(rawValue: allowed[best])?.type else { return nil }
            return (type, allowed.count > 1 ? scores[best] - secondBest : 0)
        }

        /// Scores the candidates of the batch, appends those linked to `scored` in order, and empties the batch.
        mutating func flush(into scored: inout [ScoredPair]) {
            guard !sites.isEmpty else { return }
            let model = self.model, options = self.options
            // Link scores (and type scores, from combined tables).
            var blocks: [(first: Int, second: Int)] = []
            blocks.reserveCapacity(sites.count)
            for site in sites {
                let first = site.firstBlock >= 0 ? blockRow(site.firstBlock, role: 1, category: site.category, type: false) : -1
                let second = site.secondBlock >= 0 ? blockRow(site.secondBlock, role: 2, category: site.category, type: false) : -1
                blocks.append((first, second))
            }
            probeAndSumBlocks(type: false, candidates: Array(sites.indices))
            margins.removeAll(keepingCapacity: true)
            typeScores.removeAll(keepingCapacity: true)
            typeScores.append(contentsOf: repeatElement(0, count: 12 * sites.count))
            var linked: [Int] = []
            var separate: [Int] = []
            keys.withUnsafeBufferPointer { keys in
                firstKeys.withUnsafeBufferPointer { first in
                    linkRows.withUnsafeBufferPointer { rows in
                        typeScores.withUnsafeMutableBufferPointer { typeScores in
                            withUnsafeTemporaryAllocation(of: Float.self, capacity: 14) { scores in
                                let scores = scores.baseAddress!
                                for (i, site) in sites.enumerated() {
                                    let c = site.category.rawValue
                                    let table = model.combinedTables[c] ?? model.linkTables[c]
                                    let (firstRow, secondRow) = blocks[i]
                                    for k in 0..<table.width {
                                        scores[k] = (firstRow >= 0 ? rows[firstRow + k] : 0) + (secondRow >= 0 ? rows[secondRow + k] : 0)
                                    }
                                    let range = featureRanges[i]
                                    table.accumulate(
                                        UnsafeBufferPointer(rebasing: keys[range]), first: first.baseAddress! + range.lowerBound, into: scores, adding: true)
                                    let margin = scores[1] - scores[0]
                                    if margin <= model.thresholds[c], !(options.everyEventToCreationTime && site.category == .eventCreationTime) {
                                        margins.append(nil)
                                    } else {
                                        margins.append(margin)
                                        linked.append(i)
                                        if model.combinedTables[c] != nil {
                                            for k in 2..<table.width { typeScores[12 * i + k - 2] = scores[k] }
                                        } else {
                                            separate.append(i)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // Type scores of the linked candidates without a combined table.
            if !separate.isEmpty {
                var typeBlocks: [(first: Int, second: Int)] = []
                typeBlocks.reserveCapacity(separate.count)
                for i in separate {
                    let site = sites[i]
                    let first = site.firstBlock >= 0 ? blockRow(site.firstBlock, role: 1, category: site.category, type: true) : -1
                    let second = site.secondBlock >= 0 ? blockRow(site.secondBlock, role: 2, category: site.category, type: true) : -1
                    typeBlocks.append((first, second))
                }
                probeAndSumBlocks(type: true, candidates: separate)
                keys.withUnsafeBufferPointer { keys in
                    firstKeys.withUnsafeBufferPointer { first in
                        typeRows.withUnsafeBufferPointer { rows in
                            typeScores.withUnsafeMutableBufferPointer { typeScores in
                                for (n, i) in separate.enumerated() {
                                    let c = sites[i].category.rawValue
                                    let width = model.allowedLabels[c].count
                                    let scores = typeScores.baseAddress! + 12 * i
                                    let (firstRow, secondRow) = typeBlocks[n]
                                    for k in 0..<width {
                                        scores[k] = (firstRow >= 0 ? rows[firstRow + k] : 0) + (secondRow >= 0 ? rows[secondRow + k] : 0)
                                    }
                                    let range = featureRanges[i]
                                    model.typeTables[c].accumulate(
                                        UnsafeBufferPointer(rebasing: keys[range]), first: first.baseAddress! + range.lowerBound, into: scores, adding: true)
                                }
                            }
                        }
                    }
                }
            }
            // The linked candidates, in order.
            typeScores.withUnsafeBufferPointer { typeScores in
                for i in linked {
                    let site = sites[i]
                    guard let (type, typeMargin) = Self.label(typeScores.baseAddress! + 12 * i, allowed: model.allowedLabels[site.category.rawValue])
                    else { continue }
                    let (source, target) = extractor.endpoints(of: site)
                    scored.append(ScoredPair(
                        category: site.category, source: source, target: target, type: type, margin: margins[i]!, typeMargin: typeMargin,
                        first: site.first, second: site.second))
                }
            }
            sites.removeAll(keepingCapacity: true)
            featureRanges.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true)
        }
    }

    /// Scores candidates of one document, summing the weights of each event block once per category and role
    /// (the type weights only when a pair with the block is linked).
    struct PairScoring {
        let model: RelationModel
        let extractor: PairFeatureExtractor?
        private let events: Int
        /// Per category and role (index `2 * category + role - 1`): per event, where its block's link scores
        /// start in ``linkRows`` and its type scores in ``typeRows`` (-1: not computed yet).
        private var linkOffsets: [[Int32]]
        private var typeOffsets: [[Int32]]
        private var linkRows: [Float] = []
        private var typeRows: [Float] = []
        /// Per role (index `role - 1`): per event, where its block's features lie in ``blockKeys`` (computed once
        /// for every category).
        private var blockRanges: [[Range<Int32>?]]
        private var blockKeys: [UInt64] = []
        private var scratch = FeatureVector()

        init(model: RelationModel, extractor: PairFeatureExtractor?) {
            self.model = model
            self.extractor = extractor
            events = extractor?.context.events.count ?? 0
            linkOffsets = Array(repeating: [], count: 2 * PairCategory.allCases.count)
            typeOffsets = linkOffsets
            blockRanges = [[], []]
        }

        /// Where the features of `event`'s block in `role` lie in ``blockKeys``.
        private mutating func blockFeatures(_ event: Int, role: Int) -> Range<Int> {
            if blockRanges[role - 1].isEmpty { blockRanges[role - 1] = Array(repeating: nil, count: events) }
            if let known = blockRanges[role - 1][event] { return Int(known.lowerBound)..<Int(known.upperBound) }
            extractor!.eventBlock(event, role: UInt64(role), into: &scratch)
            let start = blockKeys.count
            blockKeys.append(contentsOf: scratch.keys)
            blockRanges[role - 1][event] = Int32(start)..<Int32(blockKeys.count)
            return start..<blockKeys.count
        }

        /// Where the block scores of `event` in `role` for `category` start in ``linkRows`` (or, with `type`, in
        /// ``typeRows``).
        private mutating func block(_ event: Int, role: Int, category: PairCategory, type: Bool) -> Int {
            let slot = 2 * category.rawValue + role - 1
            if type {
                if typeOffsets[slot].isEmpty { typeOffsets[slot] = Array(repeating: -1, count: events) }
                let known = typeOffsets[slot][event]
                if known >= 0 { return Int(known) }
            } else {
                if linkOffsets[slot].isEmpty { linkOffsets[slot] = Array(repeating: -1, count: events) }
                let known = linkOffsets[slot][event]
                if known >= 0 { return Int(known) }
            }
            let c = category.rawValue
            let range = blockFeatures(event, role: role)
            let table = type ? model.typeTables[c] : model.linkTables[c]
            let start = type ? typeRows.count : linkRows.count
            func fill(_ rows: inout [Float]) {
                rows.append(contentsOf: repeatElement(0, count: table.width))
                rows.withUnsafeMutableBufferPointer { buffer in
                    blockKeys.withUnsafeBufferPointer { keys in
                        table.accumulate(UnsafeBufferPointer(rebasing: keys[range]), into: buffer.baseAddress! + start)
                    }
                }
            }
            if type {
                fill(&typeRows)
                typeOffsets[slot][event] = Int32(start)
            } else {
                fill(&linkRows)
                linkOffsets[slot][event] = Int32(start)
            }
            return start
        }

        mutating func score(_ candidate: Candidate, options: RelationRecognizer.Options?) -> ScoredPair? {
            guard let result = score(
                category: candidate.category, features: candidate.features, firstBlock: candidate.firstBlock,
                secondBlock: candidate.secondBlock, options: options)
            else { return nil }
            return ScoredPair(
                category: candidate.category, source: candidate.source, target: candidate.target, type: result.type, margin: result.margin,
                typeMargin: result.typeMargin, first: candidate.first, second: candidate.second)
        }

        /// The label, the margin of "link" over "no link" and the type margin of a pair with `features` and
        /// the given event blocks; nil when the category has no labels or, with `options`, when the pair will
        /// not be linked.
        mutating func score(
            category: PairCategory, features: FeatureVector, firstBlock: Int, secondBlock: Int, options: RelationRecognizer.Options?
        ) -> (type: TemporalRelation.RelationType, margin: Float, typeMargin: Float)? {
            let c = category.rawValue
            let allowed = model.allowedLabels[c]
            guard !allowed.isEmpty else { return nil }
            let model = self.model
            let width = allowed.count
            return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 + width) { buffer -> (TemporalRelation.RelationType, Float, Float)? in
                let scores = buffer.baseAddress!
                // The link scores: the blocks' sums, then the pair's own features.
                let firstLink = firstBlock >= 0 ? block(firstBlock, role: 1, category: category, type: false) : -1
                let secondLink = secondBlock >= 0 ? block(secondBlock, role: 2, category: category, type: false) : -1
                linkRows.withUnsafeBufferPointer { rows in
                    for k in 0..<2 {
                        scores[k] = (firstLink >= 0 ? rows[firstLink + k] : 0) + (secondLink >= 0 ? rows[secondLink + k] : 0)
                    }
                }
                features.keys.withUnsafeBufferPointer { model.linkTables[c].accumulate($0, into: scores, adding: true) }
                let margin = scores[1] - scores[0]
                if let options, margin <= model.thresholds[c], !(options.everyEventToCreationTime && category == .eventCreationTime) {
                    return nil
                }
                // The type scores likewise.
                let firstType = firstBlock >= 0 ? block(firstBlock, role: 1, category: category, type: true) : -1
                let secondType = secondBlock >= 0 ? block(secondBlock, role: 2, category: category, type: true) : -1
                typeRows.withUnsafeBufferPointer { rows in
                    for k in 0..<width {
                        scores[2 + k] = (firstType >= 0 ? rows[firstType + k] : 0) + (secondType >= 0 ? rows[secondType + k] : 0)
                    }
                }
                features.keys.withUnsafeBufferPointer { model.typeTables[c].accumulate($0, into: scores + 2, adding: true) }
                var best = 0
                for k in allowed.indices where scores[2 + k] > scores[2 + best] { best = k }
                var secondBest = -Float.infinity
                for k in allowed.indices where k != best { secondBest = max(secondBest, scores[2 + k]) }
                guard let type = RelationLabel(rawValue: allowed[best])?.type else { return nil }
                return (type, margin, allowed.count > 1 ? scores[2 + best] - secondBest : 0)
            }
        }
    }

    // MARK: Serialisation

    /// An error reading a serialised model.
    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    private static let magic = Array("CHRREL1\n".utf8)

    /// The model as bytes (little-endian; weights quantised to 16 bits per category).
    public func serialized() -> [UInt8] {
        var out = Self.magic
        func u8(_ v: Int) { out.append(UInt8(truncatingIfNeeded: v)) }
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        let summaryBytes = Array(summary.utf8)
        u32(UInt32(summaryBytes.count))
        out.append(contentsOf: summaryBytes)
        let classifiers = linkers + typers
        u8(PairCategory.allCases.count)
        for (index, classifier) in classifiers.enumerated() {
            let category = index % PairCategory.allCases.count
            let isLinker = index < PairCategory.allCases.count
            let columns = isLinker ? [0, 1] : allowedLabels[category]
            u8(classifier.classes)
            if isLinker {
                f32(thresholds[category])
            } else {
                u8(allowedLabels[category].count)
                for label in allowedLabels[category] { u8(label) }
            }
            let entries = classifier.entries()
            var largest: Float = 0
            for entry in entries {
                for k in columns { largest = max(largest, abs(entry.weights[entry.weights.startIndex + k])) }
            }
            let scale = largest > 0 ? largest / 32767 : 1
            f32(scale)
            let kept = entries.filter { entry in
                columns.contains { k in abs((entry.weights[entry.weights.startIndex + k] / scale).rounded()) >= 1 }
            }
            u32(UInt32(kept.count))
            for entry in kept {
                u64(entry.key)
                for k in columns {
                    let q = Int16(clamping: Int((entry.weights[entry.weights.startIndex + k] / scale).rounded()))
                    withUnsafeBytes(of: q.littleEndian) { out.append(contentsOf: $0) }
                }
            }
        }
        return out
    }

    /// Reads a model written by ``serialized()``.
    public init(serialized bytes: [UInt8]) throws {
        var position = 0
        func need(_ n: Int) throws {
            if position + n > bytes.count { throw FormatError(description: "the relation model is truncated at byte \(position)") }
        }
        func u8() throws -> Int {
            try need(1)
            position += 1
            return Int(bytes[position - 1])
        }
        func u32() throws -> UInt32 {
            try need(4)
            var v: UInt32 = 0
            for i in 0..<4 { v |= UInt32(bytes[position + i]) << (8 * UInt32(i)) }
            position += 4
            return v
        }
        func u64() throws -> UInt64 {
            try need(8)
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
            position += 8
            return v
        }
        guard bytes.count >= Self.magic.count, Array(bytes[0..<Self.magic.count]) == Self.magic else {
            throw FormatError(description: "not a Chronicle relation model")
        }
        position = Self.magic.count
        let summaryLength = Int(try u32())
        try need(summaryLength)
        let summary = String(decoding: bytes[position..<position + summaryLength], as: UTF8.self)
        position += summaryLength
        let categories = try u8()
        guard categories == PairCategory.allCases.count else {
            throw FormatError(description: "the relation model has \(categories) classifiers, not \(PairCategory.allCases.count)")
        }
        var classifiers: [LinearModel] = []
        var thresholds: [Float] = []
        var allowed: [[Int]] = []
        for index in 0..<(2 * categories) {
            let isLinker = index < categories
            let classes = try u8()
            guard classes == (isLinker ? 2 : RelationLabel.count) else { throw FormatError(description: "unexpected class count \(classes)") }
            var columns = [0, 1]
            if isLinker {
                thresholds.append(Float(bitPattern: try u32()))
            } else {
                let allowedCount = try u8()
                var labels: [Int] = []
                for _ in 0..<allowedCount {
                    let label = try u8()
                    guard label > 0, label < classes else { throw FormatError(description: "bad label \(label)") }
                    labels.append(label)
                }
                allowed.append(labels)
                columns = labels
            }
            let scale = Float(bitPattern: try u32())
            let count = Int(try u32())
            try need(count * (8 + 2 * columns.count))
            // Keys are written ascending (``serialized()``); a model whose keys are not goes through a dictionary.
            var keys: [UInt64] = []
            keys.reserveCapacity(count)
            var weights = [Float](repeating: 0, count: count * classes)
            for row in 0..<count {
                keys.append(try u64())
                for k in columns {
                    let q = Int16(bitPattern: UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8)
                    position += 2
                    weights[row * classes + k] = Float(q) * scale
                }
            }
            if zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) {
                classifiers.append(LinearModel(classes: classes, sortedKeys: keys, rows: weights, quantizationScale: scale))
            } else {
                var index: [UInt64: Int32] = [:]
                for (row, key) in keys.enumerated() { index[key] = Int32(row * classes) }
                classifiers.append(LinearModel(classes: classes, index: index, weights: weights, quantizationScale: scale))
            }
        }
        self.init(
            linkers: Array(classifiers[0..<categories]), typers: Array(classifiers[categories...]), thresholds: thresholds,
            allowedLabels: allowed, summary: summary)
    }

    /// A Swift source file that compiles this model into Chronicle as ``shipped``.
    public func swiftSource(comment: String) -> String {
        let encoded = Base64.encode(serialized())
        var source = "// Generated by `chronicle train relations --swift-out`; do not edit.\n"
        for line in comment.split(separator: "\n", omittingEmptySubsequences: false) { source += "// \(line)\n" }
        source += "\n/// The serialised relation model that ``RelationModel/shipped`` decodes, in base64 (\(encoded.count) characters).\n"
        source += "enum ShippedRelationModel {\n    static let base64: StaticString = \"\(encoded)\"\n}\n"
        return source
    }
}
