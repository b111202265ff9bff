/// One token of a document: a word, a number, a punctuation mark or a symbol.
///
/// Tokens keep two coordinates: UTF-8 byte offsets, which the scanners use internally, and
/// Unicode scalar offsets (``span``), which every public output uses.
public struct Token: Hashable, Sendable, Codable {
    public enum Kind: UInt8, Hashable, Sendable, Codable {
        /// Letters, possibly with inner apostrophes or periods of an abbreviation ("don't" is split, "U.S." is one token).
        case word
        /// ASCII digits only ("2015", "7", "28").
        case number
        /// One punctuation character (",", ".", "-", "'", "(").
        case punctuation
        /// Anything else: symbols, emoji, URLs, @handles, #hashtags.
        case symbol
    }

    public var kind: Kind
    /// Scalar offsets into the document text.
    public var span: TextSpan
    /// UTF-8 byte offsets into the document text.
    public var byteStart: Int32
    public var byteEnd: Int32
    /// Whether white space separates this token from the previous one (true for the first token).
    public var spaceBefore: Bool

    public init(kind: Kind, span: TextSpan, byteStart: Int32, byteEnd: Int32, spaceBefore: Bool) {
        self.kind = kind
        self.span = span
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.spaceBefore = spaceBefore
    }

    public var byteRange: Range<Int> { Int(byteStart)..<Int(byteEnd) }
}

/// A sentence: a range of tokens and the text span they cover.
public struct Sentence: Hashable, Sendable, Codable {
    public var tokens: Range<Int>
    public var span: TextSpan

    public init(tokens: Range<Int>, span: TextSpan) {
        self.tokens = tokens
        self.span = span
    }
}
