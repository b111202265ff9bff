import ChronicleCore
import Foundation
import Testing

@testable import ChronicleFormats

@Suite("TimeMLWriter")
struct TimeMLWriterTests {
    let writer = TimeMLWriter()
    let reader = TimeMLReader()

    /// Builds a document whose expressions are found by their text (the n-th occurrence, counting from 0).
    static func document(
        _ text: String, creationTime: CreationTime? = CreationTime(parsing: "2015-10-29"),
        _ expressions: [(text: String, occurrence: Int, kind: TimeExpression.Kind, value: String)]
    ) -> Document {
        var timexes: [TimeExpression] = []
        for (index, e) in expressions.enumerated() {
            let span = span(of: e.text, occurrence: e.occurrence, in: text)
            timexes.append(TimeExpression(id: "t\(index + 1)", span: span, text: e.text, kind: e.kind, value: e.value))
        }
        return Document(id: "doc-1", text: text, creationTime: creationTime, timeExpressions: timexes)
    }

    static func span(of needle: String, occurrence: Int = 0, in text: String) -> TextSpan {
        let scalars = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        var seen = 0
        for start in 0...(scalars.count - pattern.count) where Array(scalars[start..<start + pattern.count]) == pattern {
            if seen == occurrence { return TextSpan(start: start, end: start + pattern.count) }
            seen += 1
        }
        fatalError("\(needle) not found")
    }

    /// The expressions as the reader returns them, for comparison (sorted by span).
    static func normalised(_ expressions: [TimeExpression]) -> [TimeExpression] {
        expressions.map { e in
            var copy = e
            copy.yearInference = nil
            return copy
        }.sorted { $0.span < $1.span }
    }

    func roundTrip(_ document: Document) throws -> TimeMLDocument {
        let output = writer.write(document)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let read = try reader.read(output.xml)
        #expect(read.text == document.text)
        #expect(read.id == document.id)
        #expect(read.creationTime == document.creationTime)
        #expect(Self.normalised(read.timeExpressions) == Self.normalised(document.timeExpressions))
        return read
    }

    @Test func writesTheTempEvalLayout() throws {
        let document = Self.document("The dam opened on Monday.", [("Monday", 0, .date, "2015-10-26")])
        let xml = writer.write(document).xml
        #expect(xml == """
            <?xml version="1.0" ?>
            <TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">

            <DOCID>doc-1</DOCID>

            <DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-29" temporalFunction="false" functionInDocument="CREATION_TIME">2015-10-29</TIMEX3></DCT>

            <TEXT>The dam opened on <TIMEX3 tid="t1" type="DATE" value="2015-10-26" temporalFunction="false" functionInDocument="NONE">Monday</TIMEX3>.</TEXT>

            </TimeML>

            """)
    }

    @Test func roundTripsNonASCIIEmojiAndMarkupCharacters() throws {
        let text = "Khloé 🎉 said \"Q&A <live>\" at 7 p.m. on Tuesday; R&D > sales since 2014.\r\nTabs\there, 👨‍👩‍👧 too — Friday."
        let document = Self.document(text, [
            ("7 p.m. on Tuesday", 0, .time, "2015-10-27T19:00"),
            ("2014", 0, .date, "2014"),
            ("Friday", 0, .date, "2015-10-30"),
        ])
        let read = try roundTrip(document)
        #expect(read.timeExpressions.map(\.text) == ["7 p.m. on Tuesday", "2014", "Friday"])
    }

    @Test func roundTripsEveryAttribute() throws {
        let text = "Since early 2014, about every two weeks, and two days later as well."
        var document = Self.document(text, [
            ("early 2014", 0, .date, "2014"),
            ("every two weeks", 0, .set, "P2W"),
            ("two days later", 0, .date, "2015-10-31"),
        ])
        document.timeExpressions[0].modifier = .start
        document.timeExpressions[0].anchor = .creationTime("2015-10-29")
        document.timeExpressions[1].frequency = "1X"
        document.timeExpressions[1].quantifier = "EVERY"
        document.timeExpressions[1].modifier = .approximately
        document.timeExpressions[2].anchor = .expression(id: "t1", value: "2014")
        let xml = writer.write(document).xml
        #expect(xml.contains(#"<TIMEX3 tid="t1" type="DATE" value="2014" mod="START" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">early 2014</TIMEX3>"#))
        #expect(xml.contains(#"<TIMEX3 tid="t2" type="SET" value="P2W" mod="APPROX" freq="1X" quant="EVERY" temporalFunction="false" functionInDocument="NONE">"#))
        _ = try roundTrip(document)
    }

    @Test func roundTripsWithoutCreationTimeAndWithADateTime() throws {
        let plain = Self.document("Nothing before noon.", creationTime: nil, [("noon", 0, .time, "XXXX-XX-XXT12:00")])
        let xml = writer.write(plain).xml
        #expect(!xml.contains("<DCT>"))
        _ = try roundTrip(plain)

        let timed = Self.document("Nothing before noon.", creationTime: CreationTime(parsing: "2015-10-29T08:15"), [])
        #expect(writer.write(timed).xml.contains(#"type="TIME" value="2015-10-29T08:15""#))
        _ = try roundTrip(timed)
    }

    @Test func roundTripsEmptyAndExpressionOnlyTexts() throws {
        _ = try roundTrip(Document(id: "empty", text: ""))
        _ = try roundTrip(Self.document("yesterday", [("yesterday", 0, .date, "2015-10-28")]))
        _ = try roundTrip(Self.document("today&tomorrow", [("today", 0, .date, "2015-10-29"), ("tomorrow", 0, .date, "2015-10-30")]))
    }

    @Test func skipsOverlappingAndOutOfRangeSpansWithDiagnostics() throws {
        let text = "From late May to June."
        let timexes = [
            TimeExpression(id: "t1", span: TextSpan(start: 5, end: 13), text: "late May", kind: .date, value: "2015-05", modifier: .end),
            TimeExpression(id: "t2", span: TextSpan(start: 10, end: 13), text: "May", kind: .date, value: "2015-05"),
            TimeExpression(id: "t3", span: TextSpan(start: 17, end: 40), text: "June.", kind: .date, value: "2015-06"),
            TimeExpression(id: "t4", span: TextSpan(start: 3, end: 3), text: "", kind: .date, value: "X"),
            TimeExpression(id: "t5", span: TextSpan(start: -2, end: 1), text: "F", kind: .date, value: "X"),
            TimeExpression(id: "t6", span: TextSpan(start: 17, end: 21), text: "June", kind: .date, value: "2015-06"),
        ]
        let document = Document(id: "overlaps", text: text, creationTime: nil, timeExpressions: timexes)
        let output = writer.write(document)
        #expect(output.diagnostics.count == 4)
        #expect(output.diagnostics.allSatisfy { $0.code == TimeMLWriter.unwritableExpression })
        let read = try reader.read(output.xml)
        #expect(read.text == text)
        #expect(read.timeExpressions.map(\.id) == ["t1", "t6"])
        #expect(read.timeExpressions.map(\.text) == ["late May", "June"])
    }

    @Test func renamesMissingAndDuplicateIds() throws {
        let text = "Monday and Tuesday and Wednesday."
        let timexes = [
            TimeExpression(id: "", span: Self.span(of: "Monday", in: text), text: "Monday", kind: .date, value: "2015-10-26"),
            TimeExpression(id: "t0", span: Self.span(of: "Tuesday", in: text), text: "Tuesday", kind: .date, value: "2015-10-27"),
            TimeExpression(id: "t1", span: Self.span(of: "Wednesday", in: text), text: "Wednesday", kind: .date, value: "2015-10-28"),
        ]
        let output = writer.write(Document(text: text, creationTime: CreationTime(parsing: "2015-10-29"), timeExpressions: timexes))
        #expect(output.diagnostics.count == 2)
        let read = try reader.read(output.xml)
        #expect(read.timeExpressions.map(\.id) == ["t2", "t3", "t1"])
        #expect(Set(read.timeExpressions.map(\.id)).count == 3)
    }

    @Test func replacesCharactersXMLCannotCarry() throws {
        let text = "bell\u{07} at noon"
        let document = Document(text: text, timeExpressions: [
            TimeExpression(id: "t1", span: TextSpan(start: 9, end: 13), text: "noon", kind: .time, value: "T12:00"),
        ])
        let output = writer.write(document)
        #expect(output.diagnostics.count == 1)
        let read = try reader.read(output.xml)
        #expect(read.text == "bell\u{FFFD} at noon")
        #expect(read.timeExpressions.first?.span == TextSpan(start: 9, end: 13))
        #expect(read.timeExpressions.first?.text == "noon")
    }

    /// Random texts (markup characters, non-ASCII, emoji, line ends) with random non-overlapping spans round-trip.
    @Test func randomDocumentsRoundTrip() throws {
        var generator = SplitMix64(seed: 2015)
        let pieces = ["a", "Z", " ", "\n", "\r\n", "\t", "&", "<", ">", "\"", "'", "é", "Khloé", "🎉", "👍🏽", "&amp;", "]]>", "ß", "中"]
        for round in 0..<300 {
            var text = ""
            for _ in 0..<Int(generator.next() % 40) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let count = text.unicodeScalars.count
            var timexes: [TimeExpression] = []
            var position = 0
            while position < count, timexes.count < 5 {
                let start = position + Int(generator.next() % 6)
                let end = start + 1 + Int(generator.next() % 6)
                guard end <= count else { break }
                let covered = Document(text: text).text(of: TextSpan(start: start, end: end))
                timexes.append(TimeExpression(
                    id: "t\(timexes.count + 1)", span: TextSpan(start: start, end: end), text: covered,
                    kind: TimeExpression.Kind.allCases[Int(generator.next() % 4)], value: "V&<\"\(round)"))
                position = end
            }
            _ = try roundTrip(Document(id: "r\(round)", text: text, creationTime: CreationTime(parsing: "1999-12-31"), timeExpressions: timexes))
        }
    }
}
