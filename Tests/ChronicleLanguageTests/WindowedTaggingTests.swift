import ChronicleCore
import ChronicleLanguage
import ChronicleText
import Foundation
import Testing

/// Tagging a window of a sentence (`PartOfSpeechTagger.tag(_:in:window:text:)`) gives the window's words the
/// tags and lemmas that tagging the whole sentence gives them, and leaves the other words alone.
@Suite("Tagging a window of a sentence")
struct WindowedTaggingTests {
    /// Sentences written for this test: short and long, headlines in capitals, quotes, numbers, names,
    /// ambiguous words ("may", "fall", "march", "current"), a single word.
    static let texts = [
        "Officials said on Tuesday that the bridge may reopen in March, after repairs that began last fall.",
        "She told reporters she had been interviewed before he was found unconscious on Oct. 13.",
        "The march will start at noon and the protesters plan to walk to the capitol by 3 p.m.",
        "Prices rose 4.5% in the third quarter, the fastest pace since 2008, the agency said Friday.",
        "HOSPITAL DENIES REPORTS OF FILMING",
        "Yes.",
        "\"We will not comment,\" a spokesman for the company, which was founded in 1998 in Austin, Texas, said.",
        "May is a name, and in May the fall of the leaves is still months away; they may fall in October.",
        "He and the minister meet Monday to discuss the treaty that the two countries signed in 1995 and later renewed.",
        "The council, whose members were elected two years ago, has already voted to raise taxes, cut the library's budget and close three schools.",
        "lol cant believe its already december again, see u all at the party saturday!!",
        "On Wednesday, Oct. 28, she clarified on Twitter that most of the interview was done weeks earlier and that the later quotes were required by contract.",
        "Shares of the firm fell sharply Thursday after it reported a loss of $1.2 billion for the year ending in June, its first in a decade.",
        "The current swept the boat away, and the current mayor said the river would be closed until the spring.",
    ]

    /// The sentences of `text` with their words, untagged.
    static func sentences(of text: String) -> [(words: [Word], range: Range<Int>)] {
        var text = text
        return text.withUTF8 { bytes in
            let tokens = Tokenizer().tokenize(bytes: bytes)
            let (words, sentences) = SentenceSplitter().wordsAndSentences(bytes: bytes, tokens: tokens)
            var first = 0
            return sentences.map { sentence in
                var end = first
                while end < words.count, words[end].span.start < sentence.span.end { end += 1 }
                defer { first = end }
                return (words, first..<end)
            }
        }
    }

    /// Checks every window of `text`'s sentences when `everyWindow`, else every one-word window and every
    /// window of length 5 and 12; returns the number of windows checked.
    static func check(_ text: String, everyWindow: Bool, tagger: PartOfSpeechTagger = PartOfSpeechTagger()) -> Int {
        var checked = 0
        var text = text
        text.withUTF8 { bytes in
            for (words, range) in sentences(of: String(decoding: bytes, as: UTF8.self)) {
                var whole = words
                tagger.tag(&whole, in: range, text: bytes)
                var windows: [Range<Int>] = []
                for a in range {
                    if everyWindow {
                        for b in (a + 1)...range.upperBound { windows.append(a..<b) }
                    } else {
                        for length in [1, 5, 12] where a + length <= range.upperBound { windows.append(a..<(a + length)) }
                    }
                }
                for window in windows {
                    var part = words
                    tagger.tag(&part, in: range, window: window, text: bytes)
                    for k in range {
                        if window.contains(k) {
                            #expect(part[k].pennTag == whole[k].pennTag, "word \(k) of \(range) in window \(window): \(String(decoding: bytes, as: UTF8.self))")
                            #expect(part[k].universalTag == whole[k].universalTag)
                            #expect(part[k].lemma == whole[k].lemma)
                        } else {
                            #expect(part[k].pennTag == nil && part[k].lemma == nil, "word \(k) outside window \(window) was tagged")
                        }
                    }
                    checked += 1
                }
            }
        }
        return checked
    }

    @Test("Every window of hand-written sentences gets the whole sentence's tags")
    func everyWindow() {
        var checked = 0
        for text in Self.texts { checked += Self.check(text, everyWindow: true) }
        #expect(checked > 3000)
    }

    @Test("A window is clamped to its sentence, and an empty window tags nothing")
    func edges() {
        var text = Self.texts[0]
        text.withUTF8 { bytes in
            let (words, range) = Self.sentences(of: Self.texts[0])[0]
            var whole = words
            PartOfSpeechTagger().tag(&whole, in: range, text: bytes)
            var part = words
            PartOfSpeechTagger().tag(&part, in: range, window: (range.upperBound - 2)..<(range.upperBound + 5), text: bytes)
            #expect(part[range.upperBound - 1].pennTag == whole[range.upperBound - 1].pennTag)
            #expect(part[range.upperBound - 3].pennTag == nil)
            var none = words
            PartOfSpeechTagger().tag(&none, in: range, window: 3..<3, text: bytes)
            #expect(none.allSatisfy { $0.pennTag == nil })
        }
    }

    @Test(
        "Windows of the UD English EWT test split get the whole sentence's tags",
        .enabled(if: FileManager.default.fileExists(atPath: ewtTestSplit.path),
                 "needs ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu next to the package")
    )
    func treebank() throws {
        let sentences = try CoNLLU.read(String(contentsOf: ewtTestSplit, encoding: .utf8))
        var checked = 0
        // Every 4th sentence as written (its `# text`), re-segmented by Chronicle.
        for (index, sentence) in sentences.enumerated() where index % 4 == 0 {
            guard let text = sentence.text else { continue }
            checked += Self.check(text, everyWindow: false)
        }
        #expect(checked > 10_000)
    }
}
