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
        for (index, tagClass) in zip(range, classes) {
            let tags = model.parts.classes[Int(tagClass)]
            words[index].universalTag = tags.universalTag
            words[index].pennTag = tags.pennTag
            words[index].lemma = lemma(of: UnsafeBufferPointer(rebasing: bytes[words[index].byteRange]), class: tagClass)
        }
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
            var best = decided[word]
            if best == Lexicon.noClass {
                let base = word * classCount
                best = 0
                var bestSum = sums[base]
                for c in 1..<classCount where sums[base + c] > bestSum {
                    best = UInt8(c)
                    bestSum = sums[base + c]
                }
            }
            return best
        }
    }

    /// One greedy pass over the padded word infos (reversed for the backward pass): for each word without a
    /// fixed class, `report` receives its position in `infos` (0 for the first real word), its class scores,
    /// its best class (the first on ties) and the margin of that class over the runner-up.
    private func scorePass(
        _ infos: UnsafeBufferPointer<WordInfo>, direction: Direction, caseStyle: UInt64,
        report: (Int, UnsafeMutablePointer<Int32>, UInt8, Int32) -> Void
    ) {
        let classCount = model.parts.classes.count
        // Dense rows are added 8 classes at a time: room for the padding.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: (classCount + 7) / 8 * 8) { scores in
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: FeatureTemplates.count) { keys in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: FeatureTemplates.count) { slots in
            let scores = scores.baseAddress!
            var previous = FeatureTemplates.noPrevious, beforePrevious = FeatureTemplates.noPrevious
            for i in 2..<(infos.count - 2) {
                var best = infos[i].fixedClass
                if best == Lexicon.noClass {
                    FeatureTemplates.keys(
                        at: i, in: infos, direction: direction, caseStyle: caseStyle, previous: previous,
                        beforePrevious: beforePrevious, into: keys.baseAddress!)
                    scores.initialize(repeating: 0, count: (classCount + 7) / 8 * 8)
                    addWeights(of: keys, slots: slots, to: scores)
                    // The best class and the two best scores, kept in registers (reading them back from memory
                    // made this loop wait on each load).
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
                    best = UInt8(top)
                    report(i - 2, scores, best, bestScore &- secondScore)
                }
                beforePrevious = previous
                previous = UInt64(best)
            }
        }
        }
        }
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
