import ChronicleCore
import ChronicleText

/// Adds Chronicle's linguistic layer to documents: words in UD English EWT conventions (see
/// ``WordSegmenter``), sentences (see ``SentenceSplitter``), and for every word its universal tag, Penn
/// tag and lemma (see ``PartOfSpeechTagger``).
///
/// ```swift
/// var document = Document(text: "Kardashian's show didn't air on Oct. 28.")
/// LanguageAnnotator().annotate(&document)
/// document.words.map(\.lemma)  // "Kardashian", "'s", "show", "do", "not", "air", "on", "October", "28", "."
/// document.words[3].pennTag    // "VBD" ("did")
/// ```
public struct LanguageAnnotator: Sendable {
    public let tagger: PartOfSpeechTagger

    /// An annotator tagging with `tagger`, by default one using the model that ships with Chronicle.
    public init(tagger: PartOfSpeechTagger = PartOfSpeechTagger()) {
        self.tagger = tagger
    }

    /// A new document for `text`, annotated.
    public func annotate(_ text: String, id: String = "") -> Document {
        var document = Document(id: id, text: text)
        annotate(&document)
        return document
    }

    /// Fills the words of `document` with their tags and lemmas, and its sentences (replacing any it had);
    /// tokenises it first when it has no tokens yet.
    public func annotate(_ document: inout Document) {
        var text = document.text
        var tokens = document.tokens
        var words: [Word] = []
        var sentences: [Sentence] = []
        text.withUTF8 { bytes in
            if tokens.isEmpty { tokens = Tokenizer().tokenize(bytes: bytes) }
            (words, sentences) = SentenceSplitter().wordsAndSentences(bytes: bytes, tokens: tokens)
            var first = 0
            for sentence in sentences {
                var end = first
                while end < words.count, words[end].span.start < sentence.span.end { end += 1 }
                tagger.tag(&words, in: first..<end, text: bytes)
                first = end
            }
        }
        document.tokens = tokens
        document.words = words
        document.sentences = sentences
    }

    /// The tagged words made of the tokens `range` (one sentence, or a stretch of one) of a tokenised text:
    /// the cheap way to get tags in one place only, for instance where a time expression candidate hinges
    /// on a word's part of speech ("may" the verb or the month, "fall" the verb or the season).
    public func words(of range: Range<Int>, tokens: [Token], text bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words = WordSegmenter().words(bytes: bytes, tokens: tokens, in: range)
        tagger.tag(&words, in: 0..<words.count, text: bytes)
        return words
    }
}
