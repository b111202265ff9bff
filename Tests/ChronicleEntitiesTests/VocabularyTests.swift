import ChronicleCore
import Testing

@testable import ChronicleEntities

/// The vocabulary gives every word the term and lexicon lists the lists themselves give it, and the analysis
/// of a document the same facts about its words whether they are ASCII or not.
@Suite("Vocabulary")
struct VocabularyTests {
    static let words: [String] = {
        var words = Set(Term.allCases.map(\.rawValue).filter { !$0.isEmpty })
        for (list, _) in LexiconFlags.lists { words.formUnion(list) }
        return words.sorted()
    }()

    @Test("Every listed word has its own term and lists, in any case")
    func listedWords() {
        let vocabulary = Vocabulary.shared
        for word in Self.words {
            let entry = vocabulary.entry(of: word)
            #expect(entry.term == Term(rawValue: word) ?? .other, "\(word)")
            #expect(entry.flags == LexiconFlags(of: word), "\(word)")
            if word.utf8.allSatisfy({ $0 < 0x80 }) {
                var upper = word.uppercased()
                let folded = upper.withUTF8 { vocabulary.entry(lowercasing: $0) }
                #expect(folded.term == entry.term && folded.flags == entry.flags, "\(word)")
            }
        }
    }

    @Test("Other words have no term and no lists", arguments: [
        "", "sayy", "Twitterr", "thee", "x", "administrations", "reportedly-ish", "Kardashian", "’tis", "naïve", "\u{212A}", "\u{037E}",
    ])
    func otherWords(word: String) {
        let entry = Vocabulary.shared.entry(of: word)
        #expect(entry.term == Term(rawValue: word) ?? .other)
        #expect(entry.flags == LexiconFlags(of: word))
    }

    @Test("Typographic punctuation has the entry the lists give it", arguments: ["“", "”", "‘", "’", "—", "–", "…"])
    func punctuation(word: String) {
        let entry = Vocabulary.shared.entry(of: word)
        #expect(entry.term == Term(rawValue: word) ?? .other)
        #expect(entry.flags == LexiconFlags(of: word))
    }

    @Test("Words read from their bytes and from their text agree")
    func asciiAndUnicodeWords() {
        // The same sentence with plain and typographic punctuation: the words they share have the same facts.
        let plain = analysis("\"Reports say the star, 35, denied it -- reportedly,\" she told People.")
        let fancy = analysis("“Reports say the star, 35, denied it — reportedly,” she told People.")
        #expect(plain.words.count == fancy.words.count)
        for (a, b) in zip(plain.words, fancy.words) where a.span.length == b.span.length && a.textTerm != .quote && a.textTerm != .hyphen {
            #expect(a.lower == b.lower && a.lowerFlags == b.lowerFlags && a.lemma == b.lemma && a.traits == b.traits)
        }
        #expect(fancy.words.first?.textTerm == .openQuote)
        #expect(fancy.words.first?.isBreakText == true)
        #expect(fancy.words.contains { $0.textTerm == .emDash && $0.isBreakText })
    }

    private func analysis(_ text: String) -> DocumentAnalysis {
        var document = Document(text: text)
        StatementRecognizer().annotate(&document)
        return DocumentAnalysis(document)
    }
}
