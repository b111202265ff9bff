import ChronicleCore
import ChronicleLanguage

/// Trains an ``EventModel`` from documents annotated with events (TimeML EVENTs, one word each, as in
/// TimeBank): an averaged perceptron over the candidate words (verbs, nouns, adjectives and a few more) with
/// eight classes, "no event" and the seven TimeML classes.
///
/// The model's lexicon records, for every lemma (with its coarse part of speech), how often it was an event in
/// the training documents and, apart, in the extra documents (machine-annotated silver data, say), and its
/// most frequent class. While training, a document sees these statistics without its own fold's counts
/// (jackknifing), so that the perceptron learns how far to trust them for lemmas it has not seen.
///
/// Training is deterministic: the same documents, options and seed give a model with the same bytes.
public struct EventTrainer: Sendable {
    /// The choices of a training run.
    public struct Options: Hashable, Sendable {
        /// Passes over the training words.
        public var iterations: Int
        /// The seed of the shuffling of the training words.
        public var seed: UInt64
        /// Averaged weights smaller than this (in absolute value) are dropped from the model.
        public var pruningThreshold: Double
        /// The number of folds of the jackknifed lexicon statistics.
        public var folds: Int
        /// How much a word of the extra documents counts in training, against 1 for a word of the training
        /// documents; 0 uses the extra documents for the lexicon statistics only. With the TempEval-3 silver
        /// data, 0.5 (the default) is best in cross-validation on TimeBank.
        public var extraWeight: Double
        /// The number of perceptrons trained side by side, each on its own order of the examples (seeds `seed`,
        /// `seed + 1`, ...), whose averaged weights are added up.
        public var ensembleSize: Int
        /// Added to the event classes' scores before they are compared with "no event" (in weight units):
        /// above zero, more words are events.
        public var eventBias: Double

        public init(
            iterations: Int = 12, seed: UInt64 = 1, pruningThreshold: Double = 1, folds: Int = 10, extraWeight: Double = 0.5,
            eventBias: Double = 0, ensembleSize: Int = 1
        ) {
            self.ensembleSize = ensembleSize
            self.iterations = iterations
            self.seed = seed
            self.pruningThreshold = pruningThreshold
            self.folds = folds
            self.extraWeight = extraWeight
            self.eventBias = eventBias
        }
    }

    /// The outcome of a training run.
    public struct Result: Sendable {
        public var model: EventModel
        /// The words scored in training (candidates of the training and, if used, extra documents).
        public var examples: Int
        /// Gold events of the training documents, and those that no candidate word covers (the model cannot
        /// learn them) or that a word covers with a different extent.
        public var goldEvents: Int
        public var uncoveredEvents: Int
        public var inexactEvents: Int
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Trains on the events of `documents`, with lexicon statistics (and, with ``Options/extraWeight``, examples)
    /// from `extra`. Documents without words are given the linguistic layer first.
    public func train(on documents: [Document], extra: [Document] = [], progress: (Int) -> Void = { _ in }) -> Result {
        let sources = [documents.map(Self.withWords), extra.map(Self.withWords)]
        let folds = max(1, options.folds)
        // Gold classes of every word, lemma statistics per source, in total and per fold.
        var labels: [[[UInt8]]] = [[], []]
        var totals: [[UInt32: LemmaCounts]] = [[:], [:]]
        var perFold: [[[UInt32: LemmaCounts]]] = Array(repeating: Array(repeating: [:], count: folds), count: 2)
        var verbCounts: [UInt32: Int] = [:]
        var goldEvents = 0, uncovered = 0, inexact = 0
        for source in 0..<2 {
            for (number, document) in sources[source].enumerated() {
                let alignment = Self.labels(of: document)
                labels[source].append(alignment.labels)
                if source == 0 {
                    goldEvents += alignment.events
                    uncovered += alignment.uncovered
                    inexact += alignment.inexact
                }
                for (word, label) in zip(document.words, alignment.labels) {
                    let coarse = EventWordInfo.coarse(word.universalTag)
                    let key = EventWordInfo.lexiconKey(lemma: StableHash.folded(word.lemma ?? ""), coarse: coarse)
                    totals[source][key, default: LemmaCounts()].add(label: Int(label))
                    perFold[source][number % folds][key, default: LemmaCounts()].add(label: Int(label))
                    if coarse == 1 { verbCounts[key, default: 0] += 1 }
                }
            }
        }
        /// Whether a lexicon entry is worth keeping: seen twice, or an event once.
        func keep(_ counts: LemmaCounts) -> Bool { counts.total >= 2 || counts.events > 0 }
        func entry(_ gold: LemmaCounts, _ extra: LemmaCounts, key: UInt32) -> UInt32 {
            let gold = keep(gold) ? gold : LemmaCounts(), extra = keep(extra) ? extra : LemmaCounts()
            return LemmaEntry(gold: gold, extra: extra, seenAsVerb: verbCounts[key, default: 0] >= 2).bits
        }
        let allKeys = Set(totals[0].keys).union(totals[1].keys).sorted()
        var lexiconKeys: [UInt32] = [], lexiconValues: [UInt32] = []
        for key in allKeys {
            let value = entry(totals[0][key] ?? LemmaCounts(), totals[1][key] ?? LemmaCounts(), key: key)
            if value != 0 {
                lexiconKeys.append(key)
                lexiconValues.append(value)
            }
        }

        // The examples: the feature indices of every candidate word, its class and its weight.
        var featureIndex: [UInt32: Int32] = [:]
        var featureKeys: [UInt32] = []
        var exampleFeatures: [Int32] = []
        var exampleLabels: [UInt8] = []
        var exampleWeights: [Float] = []
        var keys = [UInt32](repeating: 0, count: EventFeatures.count)
        for source in 0..<2 where source == 0 || options.extraWeight > 0 {
            let weight = Float(source == 0 ? 1 : options.extraWeight)
            for (number, document) in sources[source].enumerated() {
                let fold = number % folds
                let lexicon: (UInt32) -> UInt32 = { key in
                    var gold = totals[0][key] ?? LemmaCounts(), extra = totals[1][key] ?? LemmaCounts()
                    if source == 0, let own = perFold[0][fold][key] { gold = gold - own }
                    if source == 1, let own = perFold[1][fold][key] { extra = extra - own }
                    return entry(gold, extra, key: key)
                }
                Self.forEachCandidate(in: document, lexicon: lexicon, keys: &keys) { index, keys in
                    for key in keys {
                        if let feature = featureIndex[key] {
                            exampleFeatures.append(feature)
                        } else {
                            let feature = Int32(featureKeys.count)
                            featureIndex[key] = feature
                            featureKeys.append(key)
                            exampleFeatures.append(feature)
                        }
                    }
                    exampleLabels.append(labels[source][number][index])
                    exampleWeights.append(weight)
                }
            }
        }

        // The averaged perceptrons, one per member of the ensemble, each with its own order of the examples.
        let classCount = EventModel.classes.count, width = EventFeatures.count
        var averaged = [Double](repeating: 0, count: featureKeys.count * classCount)
        let members = max(1, options.ensembleSize)
        for member in 0..<members {
            var weights = [Float](repeating: 0, count: featureKeys.count * classCount)
            var totalsOverTime = [Double](repeating: 0, count: featureKeys.count * classCount)
            var order = Array(exampleLabels.indices)
            var random = SplitMix64(seed: options.seed &+ UInt64(member))
            var time = 0.0
            var scores = [Float](repeating: 0, count: classCount)
            for iteration in 1...max(1, options.iterations) {
                random.shuffle(&order)
                for example in order {
                    time += 1
                    let features = exampleFeatures[(example * width)..<((example + 1) * width)]
                    for c in 0..<classCount { scores[c] = 0 }
                    for feature in features {
                        let base = Int(feature) * classCount
                        for c in 0..<classCount { scores[c] += weights[base + c] }
                    }
                    var guess = 0
                    for c in 1..<classCount where scores[c] > scores[guess] { guess = c }
                    let truth = Int(exampleLabels[example])
                    guard guess != truth else { continue }
                    let delta = exampleWeights[example]
                    for feature in features {
                        let base = Int(feature) * classCount
                        weights[base + truth] += delta
                        totalsOverTime[base + truth] += time * Double(delta)
                        weights[base + guess] -= delta
                        totalsOverTime[base + guess] -= time * Double(delta)
                    }
                }
                progress(member * options.iterations + iteration)
            }
            for index in averaged.indices {
                averaged[index] += Double(weights[index]) - totalsOverTime[index] / max(1, time)
            }
        }

        // Averaged, pruned, quantised and sorted by key.
        let codebook = EventCodebook(largest: averaged.reduce(0) { max($0, abs($1)) })
        var rowsByKey: [(key: UInt32, row: UInt64)] = []
        for (feature, key) in featureKeys.enumerated() {
            var row: UInt64 = 0
            for c in 0..<classCount {
                let value = averaged[feature * classCount + c]
                guard abs(value) >= options.pruningThreshold else { continue }
                row |= UInt64(UInt8(bitPattern: codebook.code(for: value))) << UInt64(8 * c)
            }
            if row != 0 { rowsByKey.append((key, row)) }
        }
        rowsByKey.sort { $0.key < $1.key }
        let words = sources[0].reduce(0) { $0 + $1.words.count }
        let summary = "averaged perceptron (\(EventFeatures.count) templates, \(rowsByKey.count) features) trained on "
            + "\(documents.count) documents (\(words) words, \(goldEvents) events)"
            + (extra.isEmpty ? "" : options.extraWeight > 0
                ? " and \(extra.count) extra documents weighted \(options.extraWeight)" : ", lexicon also from \(extra.count) extra documents")
            + ", \(options.iterations) iterations, seed \(options.seed)"
            + (members > 1 ? ", ensemble of \(members)" : "") + ", event bias \(options.eventBias)"
        let parts = EventModel.Parts(
            featureKeys: rowsByKey.map(\.key), rows: rowsByKey.map(\.row), weightScale: codebook.scale,
            lexiconKeys: lexiconKeys, lexiconValues: lexiconValues, eventBias: Int32((options.eventBias * 256).rounded()),
            summary: summary)
        return Result(
            model: EventModel(parts: parts), examples: exampleLabels.count, goldEvents: goldEvents, uncoveredEvents: uncovered,
            inexactEvents: inexact)
    }

    /// The document with its linguistic layer (added when it has no words).
    static func withWords(_ document: Document) -> Document {
        guard document.words.isEmpty else { return document }
        var document = document
        LanguageAnnotator().annotate(&document)
        return document
    }

    /// The gold class of every word (0 for none; see ``EventModel/classes``): an event labels the candidate word
    /// its span overlaps most (the first on ties). Also counts the events no candidate covers, and those whose
    /// word has another extent.
    static func labels(of document: Document) -> (labels: [UInt8], events: Int, uncovered: Int, inexact: Int) {
        var labels = [UInt8](repeating: 0, count: document.words.count)
        var uncovered = 0, inexact = 0, events = 0
        var seen = Set<TextSpan>()
        let words = document.words
        for event in document.events where seen.insert(event.span).inserted {
            events += 1
            // The first word ending after the event's start.
            var low = 0, high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].span.end <= event.span.start { low = middle + 1 } else { high = middle }
            }
            var best: (index: Int, overlap: Int)?
            var index = low
            while index < words.count, words[index].span.start < event.span.end {
                let overlap = min(words[index].span.end, event.span.end) - max(words[index].span.start, event.span.start)
                if overlap > 0, EventFeatures.isCandidate(words[index].universalTag), best == nil || overlap > best!.overlap {
                    best = (index, overlap)
                }
                index += 1
            }
            guard let best, labels[best.index] == 0 else {
                uncovered += 1
                continue
            }
            if words[best.index].span != event.span { inexact += 1 }
            labels[best.index] = UInt8(EventModel.classes.firstIndex(of: event.eventClass)!)
        }
        return (labels, events, uncovered, inexact)
    }

    /// Calls `body` with the index and feature keys of every candidate word of `document`.
    static func forEachCandidate(
        in document: Document, lexicon: (UInt32) -> UInt32, keys: inout [UInt32], _ body: (Int, [UInt32]) -> Void
    ) {
        var text = document.text
        text.withUTF8 { bytes in
            document.words.withUnsafeBufferPointer { words in
                let roles = words.map(GroupRole.init)
                roles.withUnsafeBufferPointer { roles in
                    var infos: [EventWordInfo] = []
                    for range in EventRecognizer.sentenceRanges(of: document) where !range.isEmpty {
                        EventFeatures.infos(words: words, range: range, roles: roles, bytes: bytes, into: &infos)
                        infos.withUnsafeBufferPointer { infos in
                            for index in range where EventFeatures.isCandidate(words[index].universalTag) {
                                let i = index - range.lowerBound + 2
                                let context = EventFeatures.context(
                                    at: i, infos: infos, words: words, start: range.lowerBound,
                                    entry: LemmaEntry(bits: lexicon(infos[i].lexiconKey)), lexicon: lexicon)
                                keys.withUnsafeMutableBufferPointer { EventFeatures.keys(at: i, infos: infos, context: context, into: $0.baseAddress!) }
                                body(index, keys)
                            }
                        }
                    }
                }
            }
        }
    }
}
