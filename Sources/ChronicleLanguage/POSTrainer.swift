import ChronicleCore

/// Trains a ``POSModel`` from treebank sentences: two averaged perceptrons, one reading each sentence left to
/// right and one right to left, each trained greedily (a word is tagged with the tags predicted for the words
/// read before it, as at tagging time); by default two such pairs are trained side by side, each on its own
/// shuffling of the sentences, and their weights added up. After each iteration the model is tested on the
/// development sentences, and the iteration with the best UPOS + XPOS accuracy is kept.
///
/// Training is deterministic: the same sentences, options and seed give a model with the same bytes.
public struct POSTrainer: Sendable {
    /// The choices of a training run.
    public struct Options: Hashable, Sendable {
        /// Passes over the training sentences.
        public var iterations: Int
        /// The seed of the shuffling of the training sentences.
        public var seed: UInt64
        /// Averaged weights smaller than this (in absolute value) are dropped from the model.
        public var pruningThreshold: Double
        /// A word seen this often, always with the same tags, is tagged from the lexicon without scoring.
        public var fixedClassMinimumCount: Int
        /// The number of models trained side by side, each on its own order of the sentences (seeds `seed`,
        /// `seed + 1`, ...), whose weights are added up.
        public var ensembleSize: Int
        /// A word enters the lexicon (its set of tags becomes a feature) when seen this often; rarer words
        /// look unknown, so that the model learns to tag unknown words from their affixes and shape.
        public var lexiconMinimumCount: Int

        public init(
            iterations: Int = 12, seed: UInt64 = 1, pruningThreshold: Double = 1, fixedClassMinimumCount: Int = 100,
            lexiconMinimumCount: Int = 2, ensembleSize: Int = 2
        ) {
            self.ensembleSize = ensembleSize
            self.iterations = iterations
            self.seed = seed
            self.pruningThreshold = pruningThreshold
            self.fixedClassMinimumCount = fixedClassMinimumCount
            self.lexiconMinimumCount = lexiconMinimumCount
        }
    }

    /// What one iteration achieved.
    public struct Iteration: Hashable, Sendable {
        public var number: Int
        /// The share of training words the forward pass tagged right during the iteration (before the update).
        public var trainingAccuracy: Double
        /// Accuracy on the development sentences with the averaged weights after the iteration (gold words).
        public var development: TaggingScores
    }

    /// The outcome of a training run.
    public struct Result: Sendable {
        public var model: POSModel
        public var iterations: [Iteration]
        /// The number of the iteration whose model was kept.
        public var bestIteration: Int
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Trains on `training`, choosing the iteration by the UPOS and XPOS accuracy on `development` (the last
    /// iteration when `development` is empty); `progress` hears about each iteration as it ends.
    public func train(
        on training: [TreebankSentence], development: [TreebankSentence], progress: (Iteration) -> Void = { _ in }
    ) -> Result {
        let corpus = TrainingCorpus(training)
        let lexicon = corpus.lexicon(minimumCount: options.lexiconMinimumCount, fixedClassMinimumCount: options.fixedClassMinimumCount)
        let lemmas = corpus.lemmaExceptions()
        // One forward and one backward perceptron per member of the ensemble, each member with its own order.
        let members = max(1, options.ensembleSize)
        var perceptrons = (0..<members).flatMap { _ in
            Direction.allCases.map { Perceptron(classCount: corpus.classList.count, direction: $0) }
        }
        var randoms = (0..<members).map { SplitMix64(seed: options.seed &+ UInt64($0)) }
        var orders = Array(repeating: Array(corpus.sentences.indices), count: members)
        var best: (score: Double, iteration: Int, model: POSModel)?
        var iterations: [Iteration] = []

        corpus.bytes.withUnsafeBufferPointer { bytes in
            for number in 1...max(1, options.iterations) {
                var correct = 0
                for member in 0..<members {
                    randoms[member].shuffle(&orders[member])
                    for sentence in orders[member] {
                        let words = corpus.sentences[sentence]
                        var (infos, caseStyle) = Lexicon.wordInfos(bytes: bytes, words: corpus.words[words], lexicon: lexicon.table)
                        let right = perceptrons[2 * member].train(infos: infos, caseStyle: caseStyle, gold: corpus.classes[words])
                        if member == 0 { correct += right }
                        infos.reverse()
                        _ = perceptrons[2 * member + 1].train(infos: infos, caseStyle: caseStyle, gold: corpus.classes[words].reversed())
                    }
                }
                let model = POSModel(parts: Perceptron.parts(
                    of: perceptrons, classes: corpus.classList, lexicon: lexicon, lemmas: lemmas,
                    pruningThreshold: options.pruningThreshold, summary: ""))
                let scores = TreebankEvaluation.tagging(of: development, by: PartOfSpeechTagger(model: model))
                let iteration = Iteration(
                    number: number, trainingAccuracy: Double(correct) / Double(max(1, corpus.words.count)), development: scores)
                iterations.append(iteration)
                progress(iteration)
                let score = scores.universalTagAccuracy + scores.pennTagAccuracy
                if development.isEmpty || best == nil || score > best!.score {
                    best = (score, number, model)
                }
            }
        }
        let chosen = best!
        let scores = iterations[chosen.iteration - 1].development
        var parts = chosen.model.parts
        parts.summary = "bidirectional averaged perceptron (ensemble of \(members)) trained on \(training.count) sentences "
            + "(\(corpus.words.count) words), iteration \(chosen.iteration) of \(options.iterations), seed \(options.seed)"
            + (development.isEmpty ? "" : "; development UPOS \(percent(scores.universalTagAccuracy)), "
                + "XPOS \(percent(scores.pennTagAccuracy)), lemmas \(percent(scores.lemmaAccuracy))")
        return Result(model: POSModel(parts: parts), iterations: iterations, bestIteration: chosen.iteration)
    }

}

/// `value` as a percentage with two decimals.
func percent(_ value: Double) -> String {
    let hundredths = Int((value * 10_000).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
}

/// The training sentences as flat arrays: word bytes, word ranges, sentences and gold classes.
private struct TrainingCorpus {
    var bytes: [UInt8] = []
    var words: [Range<Int>] = []
    var sentences: [Range<Int>] = []
    /// The gold class of each word.
    var classes: [UInt8] = []
    /// The gold lemma of each word.
    var lemmas: [String] = []
    /// The tag pairs, most frequent first (at most ``WeightEntry/maximumClasses``; rarer pairs, if any, are
    /// trained as the most frequent one).
    var classList: [POSModel.TagClass] = []

    init(_ treebank: [TreebankSentence]) {
        var counts: [POSModel.TagClass: Int] = [:]
        for sentence in treebank {
            for word in sentence.words {
                counts[POSModel.TagClass(pennTag: word.pennTag, universalTag: word.universalTag), default: 0] += 1
            }
        }
        classList = counts.sorted {
            $0.value != $1.value ? $0.value > $1.value
                : ($0.key.pennTag, $0.key.universalTag.rawValue) < ($1.key.pennTag, $1.key.universalTag.rawValue)
        }.prefix(WeightEntry.maximumClasses).map(\.key)
        let index = Dictionary(uniqueKeysWithValues: classList.enumerated().map { ($0.element, UInt8($0.offset)) })
        for sentence in treebank {
            let first = words.count
            for word in sentence.words {
                let start = bytes.count
                bytes.append(contentsOf: word.form.utf8)
                words.append(start..<bytes.count)
                classes.append(index[POSModel.TagClass(pennTag: word.pennTag, universalTag: word.universalTag)] ?? 0)
                lemmas.append(word.lemma)
            }
            sentences.append(first..<words.count)
        }
    }

    /// The lexicon of the training words: for each normalised form, the set of classes it was seen with
    /// (at least 5% of the time), and, apart for lower-case and capitalised occurrences, its class when it is
    /// frequent and (99%) unambiguous.
    func lexicon(minimumCount: Int, fixedClassMinimumCount: Int) -> (table: KeyTable, keys: [UInt32], values: [UInt32]) {
        // Per word: class counts of its lower-case occurrences, then of its capitalised ones.
        var counts: [UInt32: [Int]] = [:]
        let zeros = [Int](repeating: 0, count: 2 * classList.count)
        bytes.withUnsafeBufferPointer { bytes in
            for (range, tagClass) in zip(words, classes) {
                let key = WordInfo(UnsafeBufferPointer(rebasing: bytes[range])).lexiconKey
                let capitalised = !range.isEmpty && bytes[range.lowerBound] &- 65 < 26
                counts[key, default: zeros][Int(tagClass) + (capitalised ? classList.count : 0)] += 1
            }
        }
        let classCount = classList.count
        func total(_ perClass: [Int]) -> [Int] { (0..<classCount).map { perClass[$0] + perClass[$0 + classCount] } }
        let keys = counts.keys.filter { total(counts[$0]!).reduce(0, +) >= minimumCount }.sorted()
        var sets: [[Int]] = []
        for key in keys {
            let perClass = total(counts[key]!)
            let sum = perClass.reduce(0, +)
            sets.append(perClass.indices.filter { perClass[$0] > 0 && perClass[$0] * 20 >= sum })
        }
        let distinct = Set(sets).sorted { $0.lexicographicallyPrecedes($1) }
        let ambiguityID = Dictionary(
            uniqueKeysWithValues: distinct.enumerated().map { ($0.element, Int(Lexicon.firstAmbiguity) + $0.offset) })
        /// The class of `perClass` when it is frequent and unambiguous enough.
        func fixed(_ perClass: ArraySlice<Int>) -> UInt8 {
            let sum = perClass.reduce(0, +)
            let top = perClass.indices.max { perClass[$0] < perClass[$1] || (perClass[$0] == perClass[$1] && $0 > $1) }
            guard sum >= fixedClassMinimumCount, let top, perClass[top] * 100 >= sum * 99 else { return Lexicon.noClass }
            return UInt8(top - perClass.startIndex)
        }
        var values: [UInt32] = []
        for (key, set) in zip(keys, sets) {
            let perClass = counts[key]!
            values.append(LexiconEntry(
                ambiguity: UInt16(min(ambiguityID[set]!, Int(UInt16.max))), fixedLowercase: fixed(perClass[..<classCount]),
                fixedCapitalised: fixed(perClass[classCount...])).bits)
        }
        return (KeyTable(Array(zip(keys, values)).map { ($0.0, $0.1) }), keys, values)
    }

    /// The lemmas the rules miss: for each lower-cased form and Penn tag, the most frequent gold lemma,
    /// kept when it is right more often than the rule.
    func lemmaExceptions() -> (keys: [UInt32], lemmas: [String]) {
        var counts: [UInt32: [String: Int]] = [:]
        var ruleRight: [UInt32: Int] = [:]
        bytes.withUnsafeBufferPointer { bytes in
            for (index, range) in words.enumerated() {
                let tags = classList[Int(classes[index])]
                let form = UnsafeBufferPointer(rebasing: bytes[range])
                let key = Lemmatizer.key(form: form, tagHash: StableHash.of(tags.pennTag.utf8))
                counts[key, default: [:]][lemmas[index], default: 0] += 1
                if Lemmatizer.lemma(of: form, rule: LemmaRule(pennTag: tags.pennTag)) == lemmas[index] {
                    ruleRight[key, default: 0] += 1
                }
            }
        }
        var result: (keys: [UInt32], lemmas: [String]) = ([], [])
        for key in counts.keys.sorted() {
            let (lemma, count) = counts[key]!.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!
            if count > ruleRight[key, default: 0] {
                result.keys.append(key)
                result.lemmas.append(lemma)
            }
        }
        return result
    }
}

/// The weights of an averaged perceptron during training: for each feature, a block of per-class
/// parameters (class, weight, running total for the average, time of the last change), contiguous so that
/// scoring a feature reads one stretch of memory; a full block moves to a block twice its size.
private struct Perceptron {
    /// A feature's block of parameters.
    struct Block {
        var start: Int32
        var count: UInt8
        var capacity: UInt8
    }

    /// A weight and its class (read together when scoring).
    struct Parameter {
        var weight: Float
        var tagClass: UInt8
    }

    let classCount: Int
    let direction: Direction
    private var index = GrowableKeyTable()
    private var featureKeys: [UInt32] = []
    private var blocks: [Block] = []
    private var parameters: [Parameter] = []
    private var total: [Double] = []
    private var stamp: [Int] = []
    /// The number of words seen so far: the clock of the averaging.
    private var time = 0
    private var keys = [UInt32](repeating: 0, count: FeatureTemplates.count)
    /// The feature number of each key, -1 for a key without weights yet.
    private var features = [Int32](repeating: 0, count: FeatureTemplates.count)
    private var scores: [Float]

    init(classCount: Int, direction: Direction) {
        self.classCount = classCount
        self.direction = direction
        scores = [Float](repeating: 0, count: classCount)
    }

    /// Tags one sentence greedily and updates the weights on every mistake; returns the words tagged right.
    /// For the backward perceptron, `infos` and `gold` are reversed.
    mutating func train(infos: [WordInfo], caseStyle: UInt64, gold: some Collection<UInt8>) -> Int {
        var correct = 0
        var previous = FeatureTemplates.noPrevious, beforePrevious = FeatureTemplates.noPrevious
        infos.withUnsafeBufferPointer { infos in
            for (offset, truth) in gold.enumerated() {
                let i = offset + 2
                time += 1
                var guess = infos[i].fixedClass
                if guess == Lexicon.noClass {
                    keys.withUnsafeMutableBufferPointer { keys in
                        FeatureTemplates.keys(
                            at: i, in: infos, direction: direction, caseStyle: caseStyle, previous: previous,
                            beforePrevious: beforePrevious, into: keys.baseAddress!)
                    }
                    guess = bestClass()
                    if guess != truth {
                        for k in keys.indices {
                            update(k, truth, by: 1)
                            update(k, guess, by: -1)
                        }
                    }
                }
                if guess == truth { correct += 1 }
                beforePrevious = previous
                previous = UInt64(guess)
            }
        }
        return correct
    }

    /// The highest-scoring class for the current ``keys`` (the lowest class number on ties); fills ``features``.
    private mutating func bestClass() -> UInt8 {
        index.values(for: keys, into: &features)
        return scores.withUnsafeMutableBufferPointer { scores in
            scores.initialize(repeating: 0)
            for feature in features where feature >= 0 {
                let block = blocks[Int(feature)]
                for p in Int(block.start)..<(Int(block.start) + Int(block.count)) {
                    scores[Int(parameters[p].tagClass)] += parameters[p].weight
                }
            }
            var best = 0
            for c in 1..<classCount where scores[c] > scores[best] { best = c }
            return UInt8(best)
        }
    }

    /// Adds `delta` to the weight of class `tagClass` for key number `k` of ``keys``.
    private mutating func update(_ k: Int, _ tagClass: UInt8, by delta: Float) {
        var feature = Int(features[k])
        if feature < 0 {
            feature = featureKeys.count
            features[k] = Int32(feature)
            index.insert(keys[k], value: UInt32(feature))
            featureKeys.append(keys[k])
            blocks.append(Block(start: Int32(parameters.count), count: 0, capacity: 2))
            appendSlots(2)
        }
        var block = blocks[feature]
        let start = Int(block.start), count = Int(block.count)
        var p = start
        while p < start + count, parameters[p].tagClass != tagClass { p += 1 }
        if p == start + count {
            if count == Int(block.capacity) {
                // Move the block to a new one twice its size at the end.
                let capacity = min(2 * count, 255)
                let moved = parameters.count
                appendSlots(capacity)
                for k in 0..<count {
                    parameters[moved + k] = parameters[start + k]
                    total[moved + k] = total[start + k]
                    stamp[moved + k] = stamp[start + k]
                }
                block.start = Int32(moved)
                block.capacity = UInt8(capacity)
                p = moved + count
            }
            parameters[p] = Parameter(weight: 0, tagClass: tagClass)
            total[p] = 0
            stamp[p] = time
            block.count += 1
            blocks[feature] = block
        }
        total[p] += Double(time - stamp[p]) * Double(parameters[p].weight)
        stamp[p] = time
        parameters[p].weight += delta
    }

    private mutating func appendSlots(_ count: Int) {
        parameters.append(contentsOf: repeatElement(Parameter(weight: 0, tagClass: 0), count: count))
        total.append(contentsOf: repeatElement(0, count: count))
        stamp.append(contentsOf: repeatElement(0, count: count))
    }

    /// The averaged weight of parameter `p`.
    private func average(_ p: Int) -> Double {
        let now = Double(max(1, time))
        return (total[p] + (now - Double(stamp[p])) * Double(parameters[p].weight)) / now
    }

    /// The averaged weights of `perceptrons` (one per direction) as model parts: pruned, quantised to 8 bits
    /// (see ``WeightCodebook``), sorted by feature key, then class.
    static func parts(
        of perceptrons: [Perceptron], classes: [POSModel.TagClass], lexicon: (table: KeyTable, keys: [UInt32], values: [UInt32]),
        lemmas: (keys: [UInt32], lemmas: [String]), pruningThreshold: Double, summary: String
    ) -> POSModel.Parts {
        // (feature key, class, averaged weight) of both directions, sorted; the keys of the two directions are
        // salted apart, but a 32-bit collision must still give one entry per key and class.
        var parameters: [(key: UInt32, tagClass: UInt8, value: Double)] = []
        for perceptron in perceptrons {
            for (feature, key) in perceptron.featureKeys.enumerated() {
                let block = perceptron.blocks[feature]
                for p in Int(block.start)..<(Int(block.start) + Int(block.count)) {
                    parameters.append((key, perceptron.parameters[p].tagClass, perceptron.average(p)))
                }
            }
        }
        parameters.sort { ($0.key, $0.tagClass) < ($1.key, $1.tagClass) }
        var merged: [(key: UInt32, tagClass: UInt8, value: Double)] = []
        for parameter in parameters {
            if let last = merged.last, last.key == parameter.key, last.tagClass == parameter.tagClass {
                merged[merged.count - 1].value += parameter.value
            } else {
                merged.append(parameter)
            }
        }
        let codebook = WeightCodebook(largest: merged.reduce(0) { max($0, abs($1.value)) })
        var featureKeys: [UInt32] = [], featureCounts: [UInt8] = [], weights: [UInt16] = []
        for parameter in merged {
            let code = codebook.code(for: parameter.value)
            guard abs(parameter.value) >= pruningThreshold, code != 0 else { continue }
            if featureKeys.last != parameter.key {
                featureKeys.append(parameter.key)
                featureCounts.append(0)
            }
            featureCounts[featureCounts.count - 1] += 1
            weights.append(WeightEntry(tagClass: parameter.tagClass, code: code).bits)
        }
        return POSModel.Parts(
            classes: classes, featureKeys: featureKeys, featureCounts: featureCounts, weights: weights,
            weightScale: codebook.scale, lexiconKeys: lexicon.keys, lexiconValues: lexicon.values, lemmaKeys: lemmas.keys, lemmas: lemmas.lemmas,
            summary: summary)
    }
}

/// An open-addressing table from non-zero 32-bit keys to 32-bit values that grows as keys are added.
private struct GrowableKeyTable {
    private var slots = [UInt64](repeating: 0, count: 1 << 16)
    private var count = 0

    func value(for key: UInt32) -> UInt32? {
        let mask = slots.count - 1
        var index = Int(key) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            if UInt32(truncatingIfNeeded: slot >> 32) == key { return UInt32(truncatingIfNeeded: slot) }
            index = (index + 1) & mask
        }
    }

    /// The values of `keys` as feature numbers, -1 for a missing key; the first slots are all read first, so
    /// that the processor fetches them in parallel.
    func values(for keys: [UInt32], into values: inout [Int32]) {
        let mask = slots.count - 1
        slots.withUnsafeBufferPointer { slots in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: keys.count) { first in
            for k in keys.indices { first[k] = slots[Int(keys[k]) & mask] }
            for k in keys.indices {
                var slot = first[k]
                var index = Int(keys[k]) & mask
                while slot != 0, UInt32(truncatingIfNeeded: slot >> 32) != keys[k] {
                    index = (index + 1) & mask
                    slot = slots[index]
                }
                values[k] = slot == 0 ? -1 : Int32(truncatingIfNeeded: slot & 0xFFFF_FFFF)
            }
            }
        }
    }

    /// Adds a key that is not in the table yet.
    mutating func insert(_ key: UInt32, value: UInt32) {
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            for slot in old where slot != 0 { place(slot) }
        }
        place(UInt64(key) << 32 | UInt64(value))
        count += 1
    }

    private mutating func place(_ slot: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: slot >> 32) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = slot
    }
}

/// SplitMix64: a small seeded generator, with a Fisher–Yates shuffle whose sequence is fixed here (the
/// standard library's shuffling algorithm may change between releases). Shared (`package`) with the event
/// and relation trainers.
package struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StableHash.finish(state)
    }

    package mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            items.swapAt(i, j)
        }
    }
}
