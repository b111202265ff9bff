import ChronicleCore
import ChronicleText
import Testing

/// The sentences of `text`, as written.
func sentences(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return SentenceSplitter().split(text, tokens: Tokenizer().tokenize(text)).map { sentence in
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars[sentence.span.start..<sentence.span.end])
        return string
    }
}

@Suite("Sentences")
struct SentenceSplittingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let sentences: [String]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // Abbreviations before dates, names and numbers do not end sentences.
        Case(text: "The vote is on Oct. 28 in Boston. It will be close.", sentences: ["The vote is on Oct. 28 in Boston.", "It will be close."]),
        Case(text: "They met on Wednesday, Oct. 28, 2015. Nothing came of it.", sentences: ["They met on Wednesday, Oct. 28, 2015.", "Nothing came of it."]),
        Case(text: "Mr. Smith and Dr. J. Brown arrived. No. 5 left.", sentences: ["Mr. Smith and Dr. J. Brown arrived.", "No. 5 left."]),
        Case(text: "It starts at 5 p.m. on Friday. Bring food.", sentences: ["It starts at 5 p.m. on Friday.", "Bring food."]),
        // An abbreviation that ends a sentence ends it when a typical opener follows.
        Case(text: "He moved to the U.S. The rest is history.", sentences: ["He moved to the U.S.", "The rest is history."]),
        Case(text: "They sell apples, pears, etc. But not plums.", sentences: ["They sell apples, pears, etc.", "But not plums."]),
        Case(text: "U.S. President Lincoln spoke.", sentences: ["U.S. President Lincoln spoke."]),
        // Quotations.
        Case(text: "She said: \"We won.\" The crowd cheered.", sentences: ["She said: \"We won.\"", "The crowd cheered."]),
        Case(text: "\"Are you coming?\" he asked.", sentences: ["\"Are you coming?\" he asked."]),
        Case(text: "“It is over,” she said. “Go home.”", sentences: ["“It is over,” she said.", "“Go home.”"]),
        Case(text: "He wrote \"no.\" Then he left.", sentences: ["He wrote \"no.\"", "Then he left."]),
        // Headlines: set apart by a blank line, or a short line before the text.
        Case(text: "Storm Hits Coast\n\nThe storm arrived on Monday.", sentences: ["Storm Hits Coast", "The storm arrived on Monday."]),
        Case(text: "Markets Rally After Rate Cut\nStocks rose sharply on Tuesday.", sentences: ["Markets Rally After Rate Cut", "Stocks rose sharply on Tuesday."]),
        Case(text: "By Jane Doe\nWASHINGTON -- The vote failed.", sentences: ["By Jane Doe", "WASHINGTON -- The vote failed."]),
        Case(text: "the report was long and it was\nwritten in haste", sentences: ["the report was long and it was\nwritten in haste"]),
        // Other marks and web text.
        Case(text: "Really?! Yes... maybe. ok then", sentences: ["Really?!", "Yes... maybe.", "ok then"]),
        Case(text: "Great food :) The staff were nice.", sentences: ["Great food :)", "The staff were nice."]),
        Case(text: "Steps: 1. Mix the flour. 2. Bake it.", sentences: ["Steps:", "1. Mix the flour.", "2. Bake it."]),
        Case(text: "Prices rose 3.5 percent. 2015 was a good year.", sentences: ["Prices rose 3.5 percent.", "2015 was a good year."]),
    ]

    @Test("Sentence boundaries", arguments: cases)
    func boundaries(_ example: Case) {
        #expect(sentences(example.text) == example.sentences)
    }

    @Test("A sentence-final abbreviation gives its period to the sentence, as EWT does")
    func finalAbbreviation() {
        let text = "They sell apples, pears, etc. But not plums etc."
        let words = SentenceSplitter().wordsAndSentences(text, tokens: Tokenizer().tokenize(text)).words
        let forms = words.map { word in String(text.unicodeScalars.dropFirst(word.span.start).prefix(word.span.length)) }
        #expect(forms == ["They", "sell", "apples", ",", "pears", ",", "etc", ".", "But", "not", "plums", "etc", "."])
    }

    @Test("Sentences cover whole words and tokens")
    func coverage() {
        let text = "It's 7:30 a.m. in the U.S. The end.\n\nNew paragraph here"
        let tokens = Tokenizer().tokenize(text)
        let (words, sentences) = SentenceSplitter().wordsAndSentences(text, tokens: tokens)
        #expect(sentences.count == 3)
        #expect(sentences.first?.tokens.lowerBound == 0)
        #expect(sentences.last?.tokens.upperBound == tokens.count)
        for (previous, next) in zip(sentences, sentences.dropFirst()) {
            #expect(previous.tokens.upperBound == next.tokens.lowerBound)
        }
        let document = Document(text: text, tokens: tokens, sentences: sentences, words: words)
        #expect(sentences.map { document.wordRange(of: $0).count } == [8, 3, 3])  // "U.S." gives its period
    }

    @Test("No words, no sentences")
    func empty() {
        #expect(sentences("").isEmpty)
        #expect(sentences("  \n\n ").isEmpty)
    }
}
