import ChronicleCore
import ChronicleTime
import Testing

/// The tagger must never crash and must always report spans that cover exactly their text, whatever
/// the input: random soups of time words, numbers, punctuation and odd characters are the kind of
/// input that reaches corner cases no example does.
@Suite("Robustness")
struct RobustnessTests {
    static let pieces = [
        "the", "a", "last", "next", "this", "early", "late", "mid", "-", ",", ".", "'", "’", "s", "of", "ago", "earlier",
        "later", "Friday", "Fridays", "May", "march", "Oct", "Oct.", "Sept.", "2015", "1990s", "'90s", "28", "28th",
        "30", "31", "1/2", "2 1/2", "999999999", "1,000,000,000,000", "million", "million million", "year", "years",
        "quarter", "third", "half", "week", "weekend", "night", "morning", "7", ":", "30", "p.m.", "a.m", "noon",
        "midnight", "every", "twice", "times", "daily", "about", "more", "than", "at", "least", "up", "to", "no",
        "Christmas", "Easter", "Day", "New", "Year", "'s", "fiscal", "year-end", "post", "pre", "the day", "before",
        "after", "February", "29", "30", "Feb.", "0", "00", "24:00", "25:61", "Khloé", "😀", "\u{0301}", "\n\n",
        "\t", "\"", "(", ")", "…", "—", "Q3", "Q9", "H1", "1999-02-30", "2015-10-28", "10/28/2015", "13/13/13",
        "twenty", "twenty-first", "century", "nineteen", "ninety-six", "two thousand", "decades", "hours", "ago",
    ]

    /// A deterministic pseudo-random generator (so a failure can be replayed).
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("Random token soups never crash and keep exact spans", arguments: [nil, "2015-10-28", "2016-02-29T23:59", "1999-12-31"])
    func randomSoups(dct: String?) {
        var random = SplitMix(state: 0xC4_0C1E)
        let tagger = TemporalTagger()
        let creationTime = dct.flatMap { CreationTime(parsing: $0) }
        for _ in 0..<1_500 {
            let count = Int.random(in: 1...14, using: &random)
            var text = ""
            for _ in 0..<count {
                text += Self.pieces.randomElement(using: &random)!
                if Bool.random(using: &random) { text += " " }
            }
            let document = tagger.tag(text, creationTime: creationTime)
            for expression in document.timeExpressions {
                #expect(document.text(of: expression.span) == expression.text, "\(text.debugDescription)")
                #expect(!expression.value.isEmpty, "\(text.debugDescription)")
            }
            // Expressions come in text order and never overlap.
            for (a, b) in zip(document.timeExpressions, document.timeExpressions.dropFirst()) {
                #expect(a.span.end <= b.span.start, "\(text.debugDescription)")
            }
        }
    }

    @Test("Empty, blank and huge inputs")
    func extremeInputs() {
        let tagger = TemporalTagger()
        #expect(tagger.tag("").timeExpressions.isEmpty)
        #expect(tagger.tag(" \n\t ").timeExpressions.isEmpty)
        let line = String(repeating: "Sales rose on Wednesday, Oct. 28, and again last week. ", count: 20_000)
        let document = tagger.tag(line, creationTime: CreationTime(parsing: "2015-10-30"))
        #expect(document.timeExpressions.count == 40_000)
        #expect(document.timeExpressions.first?.value == "2015-10-28")
        #expect(document.diagnostics.isEmpty)
        #expect(document.timeExpressions.last?.value == "2015-W43")
    }
}
