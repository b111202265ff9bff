// Fuzz target (a): the tokeniser, word segmenter and sentence splitter (ChronicleText).
import ChronicleCore
import ChronicleText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let text = String(decoding: input.rest(), as: UTF8.self)
    let tokens = Tokenizer().tokenize(text)
    let (words, sentences) = SentenceSplitter().wordsAndSentences(text, tokens: tokens)
    checkTokens(tokens, sentences, in: text)
    let alone = SentenceSplitter().split(text, tokens: tokens)
    checkTokens(tokens, alone, in: text)
    let scalars = scalarCount(text)
    for word in words {
        require(word.span.start >= 0 && word.span.start <= word.span.end && word.span.end <= scalars, "word span \(word.span) in \(scalars)")
    }
    // The byte interface agrees with the string one.
    var copy = text
    copy.withUTF8 { bytes in
        require(Tokenizer().tokenize(bytes: bytes) == tokens, "tokenize(bytes:) differs from tokenize(_:)")
        require(SentenceSplitter().split(bytes: bytes, tokens: tokens) == alone, "split(bytes:) differs from split(_:)")
    }
    return 0
}

func warmUp() {}
