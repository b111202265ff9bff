import ChronicleCore

/// Splits text into tokens over its UTF-8 bytes.
public struct Tokenizer: Sendable {
    public init() {}
}
