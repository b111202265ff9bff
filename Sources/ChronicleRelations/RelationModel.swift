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

    init(linkers: [LinearModel], typers: [LinearModel], thresholds: [Float], allowedLabels: [[Int]], summary: String) {
        self.linkers = linkers
        self.typers = typers
        linkTables = linkers.map { ScoringTable($0, columns: [0, 1]) }
        typeTables = zip(typers, allowedLabels).map { ScoringTable($0, columns: $1) }
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
            return try RelationModel(serialized: RelationModelStorage.decodeBase64(ShippedRelationModel.base64))
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

    /// Scores candidates of one document, summing the weights of each event block once per category and role.
    struct PairScoring {
        let model: RelationModel
        let extractor: PairFeatureExtractor?
        private let events: Int
        /// Per category and role (index `2 * category + role - 1`): per event, where its block's link and type
        /// scores start in ``rows`` (-1: not computed yet).
        private var offsets: [[Int32]]
        private var rows: [Float] = []

        init(model: RelationModel, extractor: PairFeatureExtractor?) {
            self.model = model
            self.extractor = extractor
            events = extractor?.context.events.count ?? 0
            offsets = Array(repeating: [], count: 2 * PairCategory.allCases.count)
        }

        /// Where the block scores of `event` in `role` for `category` start in ``rows``.
        private mutating func block(_ event: Int, role: Int, category: PairCategory) -> Int {
            let slot = 2 * category.rawValue + role - 1
            if offsets[slot].isEmpty { offsets[slot] = Array(repeating: -1, count: events) }
            let known = offsets[slot][event]
            if known >= 0 { return Int(known) }
            let c = category.rawValue
            let features = extractor!.eventBlock(event, role: UInt64(role))
            let start = rows.count
            rows.append(contentsOf: repeatElement(0, count: 2 + model.allowedLabels[c].count))
            rows.withUnsafeMutableBufferPointer { buffer in
                model.linkTables[c].accumulate(features, into: buffer.baseAddress! + start)
                model.typeTables[c].accumulate(features, into: buffer.baseAddress! + start + 2)
            }
            offsets[slot][event] = Int32(start)
            return start
        }

        mutating func score(_ candidate: Candidate, options: RelationRecognizer.Options?) -> ScoredPair? {
            let category = candidate.category, c = category.rawValue
            let allowed = model.allowedLabels[c]
            guard !allowed.isEmpty else { return nil }
            let first = candidate.firstBlock >= 0 ? block(candidate.firstBlock, role: 1, category: category) : -1
            let second = candidate.secondBlock >= 0 ? block(candidate.secondBlock, role: 2, category: category) : -1
            let rows = self.rows
            return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 + allowed.count) { buffer -> ScoredPair? in
                let scores = buffer.baseAddress!
                for k in 0..<(2 + allowed.count) {
                    scores[k] = (first >= 0 ? rows[first + k] : 0) + (second >= 0 ? rows[second + k] : 0)
                }
                model.linkTables[c].accumulate(candidate.features, into: scores, adding: true)
                let margin = scores[1] - scores[0]
                if let options, margin <= model.thresholds[c], !(options.everyEventToCreationTime && category == .eventCreationTime) {
                    return nil
                }
                model.typeTables[c].accumulate(candidate.features, into: scores + 2, adding: true)
                var best = 0
                for k in allowed.indices where scores[2 + k] > scores[2 + best] { best = k }
                var secondBest = -Float.infinity
                for k in allowed.indices where k != best { secondBest = max(secondBest, scores[2 + k]) }
                guard let type = RelationLabel(rawValue: allowed[best])?.type else { return nil }
                return ScoredPair(
                    category: category, source: candidate.source, target: candidate.target, type: type, margin: margin,
                    typeMargin: allowed.count > 1 ? scores[2 + best] - secondBest : 0)
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
            var index: [UInt64: Int32] = [:]
            index.reserveCapacity(count)
            var weights = [Float](repeating: 0, count: count * classes)
            for row in 0..<count {
                index[try u64()] = Int32(row * classes)
                for k in columns {
                    let q = Int16(bitPattern: UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8)
                    position += 2
                    weights[row * classes + k] = Float(q) * scale
                }
            }
            classifiers.append(LinearModel(classes: classes, index: index, weights: weights))
        }
        self.init(
            linkers: Array(classifiers[0..<categories]), typers: Array(classifiers[categories...]), thresholds: thresholds,
            allowedLabels: allowed, summary: summary)
    }

    /// A Swift source file that compiles this model into Chronicle as ``shipped``.
    public func swiftSource(comment: String) -> String {
        let encoded = RelationModelStorage.encodeBase64(serialized())
        var source = "// Generated by `chronicle train relations --swift-out`; do not edit.\n"
        for line in comment.split(separator: "\n", omittingEmptySubsequences: false) { source += "// \(line)\n" }
        source += "\n/// The serialised relation model that ``RelationModel/shipped`` decodes, in base64 (\(encoded.count) characters).\n"
        source += "enum ShippedRelationModel {\n    static let base64: StaticString = \"\(encoded)\"\n}\n"
        return source
    }
}

/// Base64 for compiling models into the binary.
enum RelationModelStorage {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encodeBase64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? alphabet[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(b2 & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decodeBase64(_ text: StaticString) throws -> [UInt8] {
        let bytes = text.withUTF8Buffer { Array($0) }
        return try decodeBase64(bytes)
    }

    static func decodeBase64(_ text: [UInt8]) throws -> [UInt8] {
        var values = [UInt8](repeating: 255, count: 256)
        for (index, character) in alphabet.enumerated() { values[Int(character)] = UInt8(index) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 4 * 3)
        var buffer: UInt32 = 0, bits = 0
        for character in text {
            if character == UInt8(ascii: "=") { break }
            let value = values[Int(character)]
            guard value != 255 else { throw RelationModel.FormatError(description: "bad base64 character \(character)") }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }
}
