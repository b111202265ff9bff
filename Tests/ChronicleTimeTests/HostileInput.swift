import ChronicleCore
import ChronicleTime
import Testing

/// Input a tagger fed from the web meets sooner or later (issue 14): dates at the edges of the calendar, every
/// Unicode space and dash, right-to-left text, mixed line ends, and a million candidates in one document.
/// None may crash the tagger or give a span that does not cover its text in Unicode scalars.
@Suite("Hostile input")
struct HostileInputTests {
    /// The spaces of Unicode (White_Space) and the dashes (Pd, the minus signs and their compatibility forms).
    static let spaces: [Unicode.Scalar] = ([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680] + Array(0x2000...0x200A)
        + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000]).map { Unicode.Scalar($0)! }
    static let dashes: [Unicode.Scalar] = ([0x2D] + Array(0x2010...0x2015) + [0x2212, 0xFE58, 0xFE63, 0xFF0D]).map { Unicode.Scalar($0)! }

    /// Every span covers exactly its text, counted in Unicode scalars; expressions are in order and apart.
    static func expectExactSpans(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        let scalars = Array(document.text.unicodeScalars)
        for expression in document.timeExpressions {
            #expect(expression.span.start >= 0 && expression.span.end <= scalars.count, sourceLocation: sourceLocation)
            guard expression.span.start >= 0, expression.span.end <= scalars.count else { continue }
            var covered = String.UnicodeScalarView()
            covered.append(contentsOf: scalars[expression.span.start..<expression.span.end])
            #expect(String(covered) == expression.text, sourceLocation: sourceLocation)
        }
        for (a, b) in zip(document.timeExpressions, document.timeExpressions.dropFirst()) {
            #expect(a.span.end <= b.span.start, sourceLocation: sourceLocation)
        }
    }

    @Test("Every Unicode space and dash keeps scalar offsets", arguments: spaces.map { ($0, true) } + dashes.map { ($0, false) })
    func unicodeSpaceOrDash(_ character: Unicode.Scalar, isSpace: Bool) {
        let c = String(Character(character))
        let text = isSpace
            ? "Café ☕ news 😀: on\(c)Monday,\(c)Oct.\(c)26,\(c)2015\(c)it rained, and\(c)two\(c)days\(c)later it stopped."
            : "Ünïcode 😀 on Monday, Oct. 26, from Oct. 5\(c)7, 2015, in 2015\(c)10\(c)26, the 1998\(c)99 season, the twenty\(c)first century."
        let document = TemporalTagger().tag(text, creationTime: CreationTime(parsing: "2015-10-28"))
        Self.expectExactSpans(document)
        #expect(document.timeExpressions.contains { $0.value == "2015-10-26" }, "U+\(String(character.value, radix: 16, uppercase: true))")
    }

    @Test func rightToLeftTextAroundDates() {
        let text = "قال المتحدث يوم Monday, Oct. 26, 2015 إن الاجتماع سيعقد في 2016. "
            + "הודעה: ב־Tuesday, Oct. 27 נפגשו \u{202B}שוב ב־2015-10-27\u{202C} ו־\u{200F}next week\u{200F}."
        let document = TemporalTagger().tag(text, creationTime: CreationTime(parsing: "2015-10-28"))
        Self.expectExactSpans(document)
        let values = document.timeExpressions.map(\.value)
        #expect(values.contains("2015-10-26"))
        #expect(values.contains("2016"))
        #expect(values.contains("2015-10-27"))
    }

    @Test func mixedLineEnds() {
        let text = "The storm hit on Monday.\r\nPower returned on Tuesday.\rSchools reopened on Wednesday.\nThe roads\r\n\r\nopened on Thursday.\r"
        let document = TemporalTagger().tag(text, creationTime: CreationTime(parsing: "2015-10-30"))
        Self.expectExactSpans(document)
        #expect(document.timeExpressions.map(\.value) == ["2015-10-26", "2015-10-27", "2015-10-28", "2015-10-29"])
    }

    /// "1 2 3 4 … 1000000": every number is a candidate (a day, a year, a count) and none may cost more than its
    /// neighbourhood.
    @Test func aMillionCandidates() {
        let text = (1...1_000_000).map(String.init).joined(separator: " ")
        let document = TemporalTagger().tag(text, creationTime: CreationTime(parsing: "2015-10-28"))
        Self.expectExactSpans(document)
        #expect(document.tokens.count == 1_000_000)
    }

    @Test("Dates at the edges of the calendar", arguments: edgeDates)
    func edgeDate(_ example: Example) {
        let outcome = tagging(example)
        example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
    }
}

/// Year 0, year 9999, years before Christ, days that do not exist, and creation times at the ends of the years
/// TIMEX3 can write (BC9999 to 9999): a date beyond them has no value (a `date-out-of-range` warning), not a
/// five-digit year that no TimeML reader takes.
let edgeDates: [Example] = [
    nothing("The warranty was dated February 29, 2023.", "2023-06-01", warns: [.impossibleDate]),
    nothing("The letter was written on the 31st of April.", "2015-10-28", warns: [.impossibleDate]),
    nothing("It happened in the year 0.", "2015-10-28")
        .knownLimitation("\"the year\" before a number the grammar does not take as a year is read as the year of the creation time"),
    ex("The leap day of February 29, 2024 came.", "2024-06-01", .date("February 29, 2024", "2024-02-29")),
    ex("Caesar died in 44 BC.", "2015-10-28", .date("44 BC", "BC0044")),
    ex("The tablet dates from 9999 BC.", "2015-10-28", .date("9999 BC", "BC9999")),
    ex("The lease ends on 9999-12-31.", "2015-10-28", .date("9999-12-31", "9999-12-31")),
    ex("The record starts on 0000-01-01.", "2015-10-28", .date("0000-01-01", "BC0001-01-01")),
    ex("Town records begin in AD 33.", "2015-10-28", .date("AD 33", "0033")),
    // The last day TIMEX3 can write: what comes after it has no value.
    ex("The vault opened yesterday and closes tomorrow.", "9999-12-31", .date("yesterday", "9999-12-30"), warns: [.dateOutOfRange]),
    nothing("The vault closes next year.", "9999-12-31", warns: [.dateOutOfRange]),
    nothing("The vault closes next century.", "9999-12-31", warns: [.dateOutOfRange]),
    // The first: the day before 0001-01-01 is in 1 BC (year 0).
    ex("The vault closed yesterday.", "0001-01-01", .date("yesterday", "BC0001-12-31")),
    ex("It ends in 8000 years, 8000 years from now.", "2015-10-28", .duration("8000 years", "P8000Y"), warns: [.dateOutOfRange]),
    nothing("The rock formed 99999 years ago.", "2015-10-28", warns: [.dateOutOfRange]),
    ex("The rock formed 9000 years ago.", "2015-10-28", .date("9000 years ago", "BC6986")),
]
