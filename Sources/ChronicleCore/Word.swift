/// A syntactic word, as Universal Dependencies (UD English EWT) counts words.
///
/// Words are built on top of the fine-grained ``Token``s: several tokens can form one word ("U.S." is
/// `U` `.` `S` `.`, "7:30" is `7` `:` `30`), and one written form can hold two words ("don't" is "do" +
/// "n't", "Kardashian's" is "Kardashian" + "'s"). When a clitic is split off inside a token, both words
/// list that token in ``tokens`` ("do" and "n't" both cover the token `don`).
///
/// The tags and the lemma are `nil` until a part-of-speech tagger has seen the word.
public struct Word: Hashable, Sendable, Codable {
    /// Scalar offsets into the document text.
    public var span: TextSpan
    /// UTF-8 byte offsets into the document text.
    public var byteStart: Int32
    public var byteEnd: Int32
    /// The fine tokens the word covers, wholly or (for a split clitic) partly.
    public var tokens: Range<Int>
    /// Whether white space separates this word from the previous one (true for the first word).
    public var spaceBefore: Bool
    /// Whether this word is written together with the previous word as one surface token, UD's
    /// "multiword token": true for "n't" in "don't" and for "'s" in "Kardashian's".
    public var continuesToken: Bool
    /// The universal part-of-speech tag (UD's UPOS column).
    public var universalTag: UniversalTag?
    /// The language-specific tag; for English, the Penn Treebank tag (UD's XPOS column: "NNS", "VBD").
    public var pennTag: String?
    /// The dictionary form ("be" for "was", "not" for "n't").
    public var lemma: String?

    public init(
        span: TextSpan, byteStart: Int32, byteEnd: Int32, tokens: Range<Int>, spaceBefore: Bool,
        continuesToken: Bool = false, universalTag: UniversalTag? = nil, pennTag: String? = nil, lemma: String? = nil
    ) {
        self.span = span
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.tokens = tokens
        self.spaceBefore = spaceBefore
        self.continuesToken = continuesToken
        self.universalTag = universalTag
        self.pennTag = pennTag
        self.lemma = lemma
    }

    public var byteRange: Range<Int> { Int(byteStart)..<Int(byteEnd) }
}

/// The seventeen universal part-of-speech tags of Universal Dependencies.
public enum UniversalTag: String, CaseIterable, Hashable, Sendable, Codable {
    case adjective = "ADJ"
    case adposition = "ADP"
    case adverb = "ADV"
    case auxiliary = "AUX"
    case coordinatingConjunction = "CCONJ"
    case determiner = "DET"
    case interjection = "INTJ"
    case noun = "NOUN"
    case numeral = "NUM"
    case particle = "PART"
    case pronoun = "PRON"
    case properNoun = "PROPN"
    case punctuation = "PUNCT"
    case subordinatingConjunction = "SCONJ"
    case symbol = "SYM"
    case verb = "VERB"
    case other = "X"
}

extension Document {
    /// The indices of ``words`` that lie inside `sentence`; empty when the document has no words.
    public func wordRange(of sentence: Sentence) -> Range<Int> {
        let lower = firstWord(startingAtOrAfter: sentence.span.start)
        var upper = lower
        while upper < words.count, words[upper].span.start < sentence.span.end { upper += 1 }
        return lower..<upper
    }

    /// The index of the first word that starts at or after scalar offset `offset` (binary search).
    private func firstWord(startingAtOrAfter offset: Int) -> Int {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].span.start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
