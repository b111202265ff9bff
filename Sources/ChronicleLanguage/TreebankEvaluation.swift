import ChronicleCore

/// How many predicted items match gold items: precision, recall and F1.
public struct F1Score: Hashable, Sendable {
    public var gold: Int
    public var system: Int
    public var correct: Int

    public init(gold: Int, system: Int, correct: Int) {
        self.gold = gold
        self.system = system
        self.correct = correct
    }

    public var precision: Double { system == 0 ? 0 : Double(correct) / Double(system) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { gold + system == 0 ? 0 : 2 * Double(correct) / Double(gold + system) }
}

/// Accuracy of tags and lemmas on gold words.
public struct TaggingScores: Hashable, Sendable {
    public var words = 0
    public var universalTagsCorrect = 0
    public var pennTagsCorrect = 0
    public var lemmasCorrect = 0

    public init() {}

    public var universalTagAccuracy: Double { fraction(universalTagsCorrect) }
    public var pennTagAccuracy: Double { fraction(pennTagsCorrect) }
    public var lemmaAccuracy: Double { fraction(lemmasCorrect) }

    private func fraction(_ count: Int) -> Double { words == 0 ? 0 : Double(count) / Double(words) }
}

/// Tokens and sentences found in raw text, scored against a treebank.
public struct SegmentationScores: Hashable, Sendable {
    /// Surface tokens (a multiword token such as "don't" counts once).
    public var tokens: F1Score
    public var sentences: F1Score

    public init(tokens: F1Score, sentences: F1Score) {
        self.tokens = tokens
        self.sentences = sentences
    }
}

/// The system's text differs from the treebank's once white space is removed, so spans cannot be aligned.
public struct TextMismatchError: Error, Hashable, Sendable, CustomStringConvertible {
    public var goldCharacters: Int
    public var systemCharacters: Int

    public var description: String {
        "the text has \(systemCharacters) non-space characters in the system's words but \(goldCharacters) in the treebank's"
    }
}

/// Scoring the linguistic layer against a UD treebank, as the CoNLL 2018 shared task does.
public enum TreebankEvaluation {
    /// The raw text of a treebank as the CoNLL 2018 shared task builds it: each sentence's `# text`, sentences
    /// of one paragraph separated by a space, paragraphs and documents by a blank line.
    public static func documentText(of sentences: [TreebankSentence]) -> String {
        var text = ""
        for (index, sentence) in sentences.enumerated() {
            if index > 0 { text += sentence.startsParagraph || sentence.startsDocument ? "\n\n" : " " }
            text += sentence.text ?? writtenText(of: sentence)
        }
        return text
    }

    /// A sentence's text rebuilt from its surface tokens and their `SpaceAfter=No` marks.
    static func writtenText(of sentence: TreebankSentence) -> String {
        var text = ""
        for (index, token) in sentence.tokens.enumerated() {
            text += token.form
            if !token.noSpaceAfter, index + 1 < sentence.tokens.count { text += " " }
        }
        return text
    }

    /// Accuracy of `tag` on the gold words of `sentences`: `tag` receives one sentence's word forms and
    /// returns, per word, the universal tag, the Penn tag and the lemma.
    public static func tagging(
        of sentences: [TreebankSentence], tag: ([String]) -> [(UniversalTag, String, String)]
    ) -> TaggingScores {
        var scores = TaggingScores()
        for sentence in sentences {
            let predicted = tag(sentence.words.map(\.form))
            for (gold, guess) in zip(sentence.words, predicted) {
                scores.words += 1
                if gold.universalTag == guess.0 { scores.universalTagsCorrect += 1 }
                if gold.pennTag == guess.1 { scores.pennTagsCorrect += 1 }
                if gold.lemma == guess.2 { scores.lemmasCorrect += 1 }
            }
        }
        return scores
    }

    /// Accuracy of `tagger` on the gold words of `sentences`.
    public static func tagging(of sentences: [TreebankSentence], by tagger: PartOfSpeechTagger) -> TaggingScores {
        tagging(of: sentences) { forms in tagger.analyse(forms).map { ($0.universalTag, $0.pennTag, $0.lemma) } }
    }

    /// Token and sentence F1 of `document` (the words and sentences a system found in
    /// ``documentText(of:)``) against `sentences`.
    ///
    /// As in the CoNLL 2018 evaluation script, both sides are reduced to their non-space characters
    /// (space separators, Unicode category Zs, are dropped from gold forms) and a token or sentence
    /// is correct when it starts and ends at the same character offsets.
    public static func segmentation(of document: Document, against sentences: [TreebankSentence]) throws(TextMismatchError) -> SegmentationScores {
        var goldTokens: [Range<Int>] = [], goldSentences: [Range<Int>] = []
        var offset = 0
        for sentence in sentences {
            let start = offset
            for token in sentence.tokens {
                let length = token.form.unicodeScalars.reduce(0) { $0 + ($1.properties.generalCategory == .spaceSeparator ? 0 : 1) }
                goldTokens.append(offset..<(offset + length))
                offset += length
            }
            goldSentences.append(start..<offset)
        }
        let goldCharacters = offset

        // Every non-space scalar of the text lies in exactly one word, in order.
        var systemTokens: [Range<Int>] = []
        var wordOffsets: [Int] = []
        wordOffsets.reserveCapacity(document.words.count + 1)
        offset = 0
        for word in document.words {
            wordOffsets.append(offset)
            offset += word.span.length
            if word.continuesToken, let last = systemTokens.popLast() {
                systemTokens.append(last.lowerBound..<offset)
            } else {
                systemTokens.append((offset - word.span.length)..<offset)
            }
        }
        wordOffsets.append(offset)
        guard offset == goldCharacters else { throw TextMismatchError(goldCharacters: goldCharacters, systemCharacters: offset) }
        let systemSentences = document.sentences.compactMap { sentence -> Range<Int>? in
            let words = document.wordRange(of: sentence)
            return words.isEmpty ? nil : wordOffsets[words.lowerBound]..<wordOffsets[words.upperBound]
        }
        return SegmentationScores(tokens: score(goldTokens, systemTokens), sentences: score(goldSentences, systemSentences))
    }

    /// Matches two sorted lists of spans by their bounds.
    private static func score(_ gold: [Range<Int>], _ system: [Range<Int>]) -> F1Score {
        var correct = 0, g = 0, s = 0
        while g < gold.count, s < system.count {
            if gold[g] == system[s] {
                correct += 1
                g += 1
                s += 1
            } else if gold[g].lowerBound < system[s].lowerBound || (gold[g].lowerBound == system[s].lowerBound && gold[g].upperBound < system[s].upperBound) {
                g += 1
            } else {
                s += 1
            }
        }
        return F1Score(gold: gold.count, system: system.count, correct: correct)
    }
}

extension TreebankEvaluation {
    /// The figures the linguistic layer must reach on the UD English EWT test split.
    public struct Floors: Hashable, Sendable {
        public var universalTagAccuracy = 0.955
        public var pennTagAccuracy = 0.950
        public var lemmaAccuracy = 0.96
        public var tokenF1 = 0.98
        public var sentenceF1 = 0.85

        public init() {}

        /// Each figure with its floor, named as `chronicle eval pos` names them.
        public func checks(tagging: TaggingScores, segmentation: SegmentationScores) -> [(name: String, value: Double, floor: Double)] {
            [
                ("UPOS accuracy", tagging.universalTagAccuracy, universalTagAccuracy),
                ("XPOS accuracy", tagging.pennTagAccuracy, pennTagAccuracy),
                ("lemma accuracy", tagging.lemmaAccuracy, lemmaAccuracy),
                ("token F1", segmentation.tokens.f1, tokenF1),
                ("sentence F1", segmentation.sentences.f1, sentenceF1),
            ]
        }
    }

    /// Tag and lemma accuracy on the gold words of `sentences`, and token and sentence F1 of `annotator` on
    /// their text (joined as ``documentText(of:)`` joins it).
    public static func evaluate(
        _ sentences: [TreebankSentence], annotator: LanguageAnnotator = LanguageAnnotator()
    ) throws(TextMismatchError) -> (tagging: TaggingScores, segmentation: SegmentationScores) {
        let tagging = tagging(of: sentences, by: annotator.tagger)
        let document = annotator.annotate(documentText(of: sentences))
        return (tagging, try segmentation(of: document, against: sentences))
    }
}
