import ChronicleCore
import ChronicleText
import Testing

/// The words of `text` as written, surface tokens joined with "|" inside a word group: "do|n't" is one
/// surface token holding two words, "do" and "n't".
func segmented(_ text: String) -> [String] {
    let words = SentenceSplitter().wordsAndSentences(text, tokens: Tokenizer().tokenize(text)).words
    let scalars = Array(text.unicodeScalars)
    var result: [String] = []
    for word in words {
        var form = ""
        form.unicodeScalars.append(contentsOf: scalars[word.span.start..<word.span.end])
        if word.continuesToken, let last = result.popLast() {
            result.append(last + "|" + form)
        } else {
            result.append(form)
        }
    }
    return result
}

/// Word segmentation in the conventions of UD English EWT, on sentences written for these tests.
@Suite("Words")
struct WordSegmentationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let words: [String]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // Abbreviations keep their period; initials too.
        Case(text: "Mr. Lee met Dr. Ruiz in the U.S. capital", words: ["Mr.", "Lee", "met", "Dr.", "Ruiz", "in", "the", "U.S.", "capital"]),
        Case(text: "Send it by Oct. 3, e.g. by courier", words: ["Send", "it", "by", "Oct.", "3", ",", "e.g.", "by", "courier"]),
        Case(text: "Written by J. R. Smith, Ph.D. and friends", words: ["Written", "by", "J.", "R.", "Smith", ",", "Ph.D.", "and", "friends"]),
        Case(text: "We open at 9 a.m. sharp", words: ["We", "open", "at", "9", "a.m.", "sharp"]),
        // Numbers, times and ordinals.
        Case(text: "Prices rose 3.5% to $1,250.75 at 7:30", words: ["Prices", "rose", "3.5", "%", "to", "$", "1,250.75", "at", "7:30"]),
        Case(text: "Music of the 1990s peaked on the 28th", words: ["Music", "of", "the", "1990s", "peaked", "on", "the", "28th"]),
        Case(text: "Call 713-853-3989 or +44 20 before 11/28/2000", words: ["Call", "713-853-3989", "or", "+44", "20", "before", "11/28/2000"]),
        Case(text: "Shifts of 5-10 hours, 1/2 of them at 5pm", words: ["Shifts", "of", "5", "-", "10", "hours", ",", "1", "/", "2", "of", "them", "at", "5", "pm"]),
        // Web text: URLs, e-mail addresses, handles, hashtags, file names, emoticons, emoji.
        Case(text: "See http://example.org/a-b/c.html, or www.example.com.", words: ["See", "http://example.org/a-b/c.html", ",", "or", "www.example.com", "."]),
        Case(text: "Mail jane.doe@mail.example.com (or Doe@ENRON)", words: ["Mail", "jane.doe@mail.example.com", "(", "or", "Doe@ENRON", ")"]),
        Case(text: "Thanks @maria_k for #SwiftLang tips :-)", words: ["Thanks", "@maria_k", "for", "#SwiftLang", "tips", ":-)"]),
        Case(text: "Open budget.xls then report.PDF now", words: ["Open", "budget.xls", "then", "report.PDF", "now"]),
        Case(text: "Go team 🇫🇷👍🏽 👨‍👩‍👧!", words: ["Go", "team", "🇫🇷", "👍🏽", "👨‍👩‍👧", "!"]),
        // Clitics are split off, as separate words of one surface token.
        Case(text: "I'm sure they don't know Kardashian's plans", words: ["I|'m", "sure", "they", "do|n't", "know", "Kardashian|'s", "plans"]),
        Case(text: "We can't, won't and shouldn’t", words: ["We", "ca|n't", ",", "wo|n't", "and", "should|n’t"]),
        Case(text: "The parents' car is Khloé's", words: ["The", "parents|'", "car", "is", "Khloé|'s"]),
        Case(text: "You cannot say dont, gonna", words: ["You", "can|not", "say", "do|nt", ",", "gon|na"]),
        Case(text: "O'Brien said it's ok", words: ["O'Brien", "said", "it|'s", "ok"]),
        Case(text: "Songs of the '90s", words: ["Songs", "of", "the", "'90s"]),
        // Hyphens: EWT keeps a few prefixes attached and splits the rest.
        Case(text: "A post-hospitalization e-mail", words: ["A", "post-hospitalization", "e-mail"]),
        Case(text: "The 30-year-old state-of-the-art plan", words: ["The", "30", "-", "year", "-", "old", "state", "-", "of", "-", "the", "-", "art", "plan"]),
        Case(text: "AT&T and P&G -- rivals", words: ["AT&T", "and", "P&G", "--", "rivals"]),
        // Runs of punctuation.
        Case(text: "Really?! Wait... what??", words: ["Really", "?!", "Wait", "...", "what", "??"]),
    ]

    @Test("Words as EWT writes them", arguments: cases)
    func words(_ example: Case) {
        #expect(segmented(example.text) == example.words)
    }

    @Test("A clitic split inside a token shares the token")
    func cliticSpans() {
        let text = "They don't"
        let tokens = Tokenizer().tokenize(text)
        let words = WordSegmenter().words(in: text, tokens: tokens)
        #expect(words.map(\.span) == [TextSpan(start: 0, end: 4), TextSpan(start: 5, end: 7), TextSpan(start: 7, end: 10)])
        #expect(words.map(\.tokens) == [0..<1, 1..<2, 1..<4])  // `don` `'` `t`: "do" and "n't" both cover `don`
        #expect(words.map(\.continuesToken) == [false, false, true])
        #expect(words.map(\.spaceBefore) == [true, true, false])
    }

    @Test("Offsets count scalars, bytes count bytes")
    func offsets() {
        let text = "Café’s “menu”"
        let words = WordSegmenter().words(in: text, tokens: Tokenizer().tokenize(text))
        #expect(words.map(\.span) == [
            TextSpan(start: 0, end: 4), TextSpan(start: 4, end: 6), TextSpan(start: 7, end: 8),
            TextSpan(start: 8, end: 12), TextSpan(start: 12, end: 13),
        ])
        #expect(words.map(\.byteStart) == [0, 5, 10, 13, 17])
    }

    @Test("The fine tokens are left as they are")
    func tokensUnchanged() {
        let text = "Oct. 28, the 1990s: 7:30"
        let tokens = Tokenizer().tokenize(text)
        #expect(tokens.count == 11)  // Oct . 28 , the 1990 s : 7 : 30
        let words = WordSegmenter().words(in: text, tokens: tokens)
        #expect(words.map(\.tokens) == [0..<2, 2..<3, 3..<4, 4..<5, 5..<7, 7..<8, 8..<11])
    }

    @Test("A range of tokens is segmented on its own")
    func range() {
        let text = "He said: \"Mr. Smith won't.\""
        let tokens = Tokenizer().tokenize(text)
        var utf8 = text
        let words = utf8.withUTF8 { WordSegmenter().words(bytes: $0, tokens: tokens, in: 4..<tokens.count) }
        #expect(words.first?.span.start == 10)
        #expect(words.count == 6)  // Mr. Smith wo n't . "
    }
}
