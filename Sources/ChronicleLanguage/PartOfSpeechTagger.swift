import ChronicleCore

/// The tags and the lemma of one word.
public struct WordAnalysis: Hashable, Sendable {
    public var universalTag: UniversalTag
    /// The Penn Treebank tag ("NNS", "VBD").
    public var pennTag: String
    public var lemma: String

    public init(universalTag: UniversalTag, pennTag: String, lemma: String) {
        self.universalTag = universalTag
        self.pennTag = pennTag
        self.lemma = lemma
    }
}

/// A part-of-speech tagger and lemmatiser.
///
/// Each word gets a Penn tag and a universal tag together (one class of the model per pair seen in
/// training). Two greedy passes read the sentence, left to right and right to left, each scoring the
/// classes with an averaged perceptron over hashed features of the word (form, affixes, shape, lexicon
/// entry), of its neighbours and of the two classes it chose before; each word takes the class with the
/// best sum of the two passes' scores. Frequent unambiguous words take their class from the lexicon, and
/// confident forward decisions skip the backward scoring. Lemmas come from the model's lexicon of
/// training lemmas, else from rules for the tag (see ``lemma(of:pennTag:)``).
///
/// The tagger is a value that shares its model; one instance can tag from many threads at once.
public struct PartOfSpeechTagger: Sendable {
    public let model: POSModel

    /// A tagger using `model`, by default the model that ships with Chronicle.
    public init(model: POSModel = .shipped) {
        self.model = model
    }

    /// Tags and lemmatises the words of one sentence, given as they are written ("do", "n't").
    public func analyse(_ words: [String]) -> [WordAnalysis] {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(words.count)
        for word in words {
            let start = bytes.count
            bytes.append(contentsOf: word.utf8)
            ranges.append(start..<bytes.count)
        }
        return bytes.withUnsafeBufferPointer { bytes in
            let classes = predict(bytes: bytes, words: ranges)
            return zip(ranges, classes).map { range, tagClass in
                let tags = model.parts.classes[Int(tagClass)]
                return WordAnalysis(
                    universalTag: tags.universalTag, pennTag: tags.pennTag,
                    lemma: lemma(of: UnsafeBufferPointer(rebasing: bytes[range]), class: tagClass))
            }
        }
    }

    /// Fills the tags and lemmas of `words[range]`, one sentence of the UTF-8 text `bytes`.
    public func tag(_ words: inout [Word], in range: Range<Int>, text bytes: UnsafeBufferPointer<UInt8>) {
        guard !range.isEmpty else { return }
        let classes = predict(bytes: bytes, words: words[range].lazy.map(\.byteRange))
        for (index, tagClass) in zip(range, classes) { fill(&words[index], class: tagClass, text: bytes) }
    }

    /// Fills the tags and lemmas of the words `window` of `words[range]`, one sentence of the UTF-8 text
    /// `bytes` (`window` is a part of `range`): the tags ``tag(_:in:text:)`` gives them, scoring only the part
    /// of the sentence they depend on (see ``predict(bytes:words:window:)``).
    public func tag(_ words: inout [Word], in range: Range<Int>, window: Range<Int>, text bytes: UnsafeBufferPointer<UInt8>) {
        let window = window.clamped(to: range)
        guard !window.isEmpty else { return }
        let classes = predict(
            bytes: bytes, words: words[range].lazy.map(\.byteRange),
            window: (window.lowerBound - range.lowerBound)..<(window.upperBound - range.lowerBound))
        for (index, tagClass) in zip(window, classes) { fill(&words[index], class: tagClass, text: bytes) }
    }

    /// Gives `word` the tags of class `tagClass` and its lemma.
    private func fill(_ word: inout Word, class tagClass: UInt8, text bytes: UnsafeBufferPointer<UInt8>) {
        let tags = model.parts.classes[Int(tagClass)]
        word.universalTag = tags.universalTag
        word.pennTag = tags.pennTag
        word.lemma = lemma(of: UnsafeBufferPointer(rebasing: bytes[word.byteRange]), class: tagClass)
    }

    /// A forward decision that beats the runner-up by this much (in perceptron units, 256 to a unit) is kept
    /// without a backward score: the backward pass almost never overturns it, and skipping it makes tagging
    /// about half again as fast (on UD English EWT, accuracy is unchanged to within 0.02 points).
    static let confidentMargin: Int32 = 20 * 256

    /// The classes (indices into the model's tag pairs) of the words `words` of `bytes`, one sentence: for
    /// each word, the best sum of the scores of a forward and a backward greedy pass (the backward pass takes
    /// confident forward decisions as they are).
    func predict(bytes: UnsafeBufferPointer<UInt8>, words: some Collection<Range<Int>>) -> [UInt8] {
        var (infos, caseStyle) = Lexicon.wordInfos(bytes: bytes, words: words, lexicon: model.lexicon)
        // The class of each word known before the backward pass: from the lexicon, or a confident forward decision.
        var decided = infos[2..<(infos.count - 2)].map(\.fixedClass)
        let classCount = model.parts.classes.count, count = decided.count
        guard classCount > 1 else { return [UInt8](repeating: 0, count: count) }
        // Per word left open by the forward pass: the sum of its two passes' scores.
        var sums = [Int32](repeating: 0, count: count * classCount)
        for direction in Direction.allCases {
            if direction == .backward { infos.reverse() }
            infos.withUnsafeMutableBufferPointer { infos in
                sums.withUnsafeMutableBufferPointer { sums in
                    scorePass(UnsafeBufferPointer(infos), direction: direction, caseStyle: caseStyle) { position, scores, best, margin in
                        if direction == .forward {
                            if margin >= Self.confidentMargin {
                                infos[position + 2].fixedClass = best
                                decided[position] = best
                            } else {
                                (sums.baseAddress! + position * classCount).initialize(from: scores, count: classCount)
                            }
                        } else {
                            let sum = sums.baseAddress! + (count - 1 - position) * classCount
                            for c in 0..<classCount { sum[c] &+= scores[c] }
                        }
                    }
                }
            }
        }
        return (0..<count).map { word in
            decided[word] != Lexicon.noClass ? decided[word] : Self.bestClass(sums, at: word * classCount, classCount: classCount)
        }
    }

    /// The class with the best of the `classCount` sums starting at `base` (the first on ties).
    @inline(__always)
    private static func bestClass(_ sums: [Int32], at base: Int, classCount: Int) -> UInt8 {
        var best: UInt8 = 0
        var bestSum = sums[base]
        for c in 1..<classCount where sums[base + c] > bestSum {
            best = UInt8(c)
            bestSum = sums[base + c]
        }
        return best
    }

    /// The classes of the words `window` (positions in `words`, one sentence): the classes
    /// ``predict(bytes:words:)`` gives them, without scoring the whole sentence.
    ///
    /// A pass carries only the classes of the two words it read last, so where two words in a row have fixed
    /// classes, what a pass decides past them does not depend on what it read before them. The forward pass
    /// therefore starts after the last such pair of lexicon classes before the window (or at the first word),
    /// and the backward pass after the first pair after the window whose classes are fixed, by the lexicon or
    /// by a confident forward decision (or at the last word).
    func predict(bytes: UnsafeBufferPointer<UInt8>, words: some Collection<Range<Int>>, window: Range<Int>) -> [UInt8] {
        var (infos, caseStyle) = Lexicon.wordInfos(bytes: bytes, words: words, lexicon: model.lexicon)
        let count = infos.count - 4, classCount = model.parts.classes.count
        let window = window.clamped(to: 0..<count)
        guard classCount > 1 else { return [UInt8](repeating: 0, count: window.count) }
        guard !window.isEmpty else { return [] }
        let noClass = Lexicon.noClass, noPrevious = FeatureTemplates.noPrevious
        // Word p is infos[p + 2]; the forward pass starts at word `start`, the backward pass before word `end`.
        var start = window.lowerBound
        while start > 0, !(infos[start + 1].fixedClass != noClass && (start == 1 || infos[start].fixedClass != noClass)) {
            start -= 1
        }
        var end = count
        // Per word of the window left open by the forward pass: the sum of its two passes' scores.
        var sums = [Int32](repeating: 0, count: window.count * classCount)
        infos.withUnsafeMutableBufferPointer { infos in
        sums.withUnsafeMutableBufferPointer { sums in
            withPassBuffers { buffers in
                var previous = start >= 1 ? UInt64(infos[start + 1].fixedClass) : noPrevious
                var beforePrevious = start >= 2 ? UInt64(infos[start].fixedClass) : noPrevious
                for p in start..<count {
                    var best = infos[p + 2].fixedClass
                    if best == noClass {
                        let margin: Int32
                        (best, margin) = score(
                            p + 2, in: UnsafeBufferPointer(infos), direction: .forward, caseStyle: caseStyle,
                            previous: previous, beforePrevious: beforePrevious, buffers: buffers)
                        if margin >= Self.confidentMargin {
                            infos[p + 2].fixedClass = best
                        } else if window.contains(p) {
                            (sums.baseAddress! + (p - window.lowerBound) * classCount).initialize(from: buffers.scores, count: classCount)
                        }
                    }
                    beforePrevious = previous
                    previous = UInt64(best)
                    if p - 1 >= window.upperBound, infos[p + 1].fixedClass != noClass, infos[p + 2].fixedClass != noClass {
                        end = p - 1
                        break
                    }
                }
                // The backward pass reads the reversed infos: word p is infos[count + 1 - p].
                infos.reverse()
                previous = end < count ? UInt64(infos[count + 1 - end].fixedClass) : noPrevious
                beforePrevious = end + 1 < count ? UInt64(infos[count - end].fixedClass) : noPrevious
                for p in (window.lowerBound..<end).reversed() {
                    let i = count + 1 - p
                    var best = infos[i].fixedClass
                    if best == noClass {
                        (best, _) = score(
                            i, in: UnsafeBufferPointer(infos), direction: .backward, caseStyle: caseStyle,
                            previous: previous, beforePrevious: beforePrevious, buffers: buffers)
                        if window.contains(p) {
                            let sum = sums.baseAddress! + (p - window.lowerBound) * classCount
                            for c in 0..<classCount { sum[c] &+= buffers.scores[c] }
                        }
                    }
                    beforePrevious = previous
                    previous = UInt64(best)
                }
            }
        }
        }
        return window.map { p in
            let fixed = infos[count + 1 - p].fixedClass
            return fixed != noClass ? fixed : Self.bestClass(sums, at: (p - window.lowerBound) * classCount, classCount: classCount)
        }
    }

    /// One greedy pass over the padded word infos (reversed for the backward pass): for each word without a
    /// fixed class, `report` receives its position in `infos` (0 for the first real word), its class scores,
    /// its best class (the first on ties) and the margin of that class over the runner-up.
    private func scorePass(
        _ infos: UnsafeBufferPointer<WordInfo>, direction: Direction, caseStyle: UInt64,
        report: (Int, UnsafeMutablePointer<Int32>, UInt8, Int32) -> Void
    ) {
        withPassBuffers { buffers in
            var previous = FeatureTemplates.noPrevious, beforePrevious = FeatureTemplates.noPrevious
            for i in 2..<(infos.count - 2) {
                var best = infos[i].fixedClass
                if best == Lexicon.noClass {
                    let margin: Int32
                    (best, margin) = score(
                        i, in: infos, direction: direction, caseStyle: caseStyle, previous: previous,
                        beforePrevious: beforePrevious, buffers: buffers)
                    report(i - 2, buffers.scores, best, margin)
                }
                beforePrevious = previous
                previous = UInt64(best)
            }
        }
    }

    /// The scratch memory of a scoring pass: class scores (padded for the dense rows, added 8 classes at a
    /// time), feature keys and their table slots.
    private struct PassBuffers {
        let scores: UnsafeMutablePointer<Int32>
        let keys: UnsafeMutableBufferPointer<UInt32>
        let slots: UnsafeMutableBufferPointer<UInt64>
    }

    @inline(__always)
    private func withPassBuffers<Result>(_ body: (PassBuffers) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: (model.parts.classes.count + 7) / 8 * 8) { scores in
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: FeatureTemplates.count) { keys in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: FeatureTemplates.count) { slots in
            body(PassBuffers(scores: scores.baseAddress!, keys: keys, slots: slots))
        }
        }
        }
    }

    /// Scores the classes of word `i` of the padded infos (read in `direction`), given the classes of the two
    /// words read before it: the scores are left in `buffers.scores`; returns the best class (the first on
    /// ties) and its margin over the runner-up.
    @inline(__always)
    private func score(
        _ i: Int, in infos: UnsafeBufferPointer<WordInfo>, direction: Direction, caseStyle: UInt64,
        previous: UInt64, beforePrevious: UInt64, buffers: PassBuffers
    ) -> (best: UInt8, margin: Int32) {
        let classCount = model.parts.classes.count
        let scores = buffers.scores
        FeatureTemplates.keys(
            at: i, in: infos, direction: direction, caseStyle: caseStyle, previous: previous,
            beforePrevious: beforePrevious, into: buffers.keys.baseAddress!)
        scores.initialize(repeating: 0, count: (classCount + 7) / 8 * 8)
        addWeights(of: buffers.keys, slots: buffers.slots, to: scores)
        // The best class and the two best scores, kept in registers (reading them back from memory made this
        // loop wait on each load).
        var top = 0
        var bestScore = scores[0], secondScore = scores[1]
        if secondScore > bestScore { (top, bestScore, secondScore) = (1, secondScore, bestScore) }
        for c in 2..<classCount {
            let score = scores[c]
            if score > bestScore {
                secondScore = bestScore
                (top, bestScore) = (c, score)
            } else if score > secondScore {
                secondScore = score
            }
        }
        return (UInt8(top), bestScore &- secondScore)
    }

    /// Adds the weights of the features `keys` to the class scores `row`.
    @inline(__always)
    private func addWeights(of keys: UnsafeMutableBufferPointer<UInt32>, slots: UnsafeMutableBufferPointer<UInt64>, to row: UnsafeMutablePointer<Int32>) {
        model.features.values(for: keys, into: slots)
        let denseScores = model.dense?.scores ?? [], stride = model.dense?.stride ?? 0
        model.parts.weights.withUnsafeBufferPointer { weights in
        model.codebook.values.withUnsafeBufferPointer { codebook in
        denseScores.withUnsafeBufferPointer { dense in
            @inline(__always) func add(_ entry: WeightEntry) { row[entry.tagClass] &+= codebook[Int(entry.code)] }
            // Read the first weight of every feature stored apart before adding any, so that the processor
            // fetches them in parallel (the keys are not needed any more).
            for k in slots.indices where slots[k] != KeyTable.missing {
                let feature = FeatureWeights(bits: UInt32(truncatingIfNeeded: slots[k]))
                if feature.isDense {
                    keys[k] = UInt32(UInt16(bitPattern: dense[feature.start * stride]))
                } else if !feature.isInline {
                    keys[k] = UInt32(weights[feature.start])
                }
            }
            for k in slots.indices where slots[k] != KeyTable.missing {
                let feature = FeatureWeights(bits: UInt32(truncatingIfNeeded: slots[k]))
                if feature.isInline {
                    let (first, second) = feature.inlineWeights
                    add(first)
                    add(second)
                } else if feature.isDense {
                    DenseWeights.add(row: dense.baseAddress! + feature.start * stride, to: row, stride: stride)
                } else {
                    add(WeightEntry(UInt16(truncatingIfNeeded: keys[k])))
                    for bits in weights[(feature.start + 1)..<(feature.start + feature.count)] { add(WeightEntry(bits)) }
                }
            }
        }
        }
        }
    }

    /// The lemma of `form` tagged with class `tagClass`.
    func lemma(of form: UnsafeBufferPointer<UInt8>, class tagClass: UInt8) -> String {
        let (tagHash, rule) = model.lemmaRules[Int(tagClass)]
        return lemma(of: form, tagHash: tagHash, rule: rule)
    }

    /// The lemma of `form` for a word tagged `pennTag`: the model's lexicon entry for the form and tag, else
    /// the rule of the tag ("-ies" → "-y", "-ed" and "-ing" removed, "-er"/"-est" removed, ...).
    public func lemma(of form: String, pennTag: String) -> String {
        var form = form
        return form.withUTF8 { lemma(of: $0, tagHash: StableHash.of(pennTag.utf8), rule: LemmaRule(pennTag: pennTag)) }
    }

    private func lemma(of form: UnsafeBufferPointer<UInt8>, tagHash: UInt64, rule: LemmaRule) -> String {
        if let index = model.lemmaTable.value(for: Lemmatizer.key(form: form, tagHash: tagHash)) {
            return model.parts.lemmas[Int(index)]
        }
        return Lemmatizer.lemma(of: form, rule: rule)
    }
}
