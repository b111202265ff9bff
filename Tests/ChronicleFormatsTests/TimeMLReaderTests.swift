import ChronicleCore
import Foundation
import Testing

@testable import ChronicleFormats

/// Hand-written TimeML snippets (our own sentences, in the TempEval-3 layout).
enum Snippets {
    static let basic = """
        <?xml version="1.0" ?>
        <TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">

        <DOCID>river-report-7</DOCID>

        <DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-29" temporalFunction="false" functionInDocument="CREATION_TIME">October 29, 2015</TIMEX3></DCT>

        <TITLE>Ferry service resumes</TITLE>

        <TEXT>
        The ferry <EVENT eid="e1" class="OCCURRENCE">resumed</EVENT> <TIMEX3 tid="t1" type="DATE" value="2015-10-26" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Monday</TIMEX3> after <TIMEX3 type='DURATION' value='P3W' tid='t2'>three weeks</TIMEX3> of repairs &amp; tests.
        </TEXT>

        <MAKEINSTANCE eiid="ei1" eventID="e1" pos="VERB" tense="PAST" aspect="NONE" polarity="POS"/>
        <TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />

        </TimeML>
        """

    /// Wraps `text` (already markup) in a minimal document with a DCT.
    static func document(text: String, dct: String = #"<DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-29" functionInDocument="CREATION_TIME">2015-10-29</TIMEX3></DCT>"#) -> String {
        "<TimeML>\n<DOCID>snippet</DOCID>\n\(dct)\n<TEXT>\(text)</TEXT>\n</TimeML>\n"
    }
}

@Suite("TimeMLReader")
struct TimeMLReaderTests {
    let reader = TimeMLReader()

    @Test func readsTheTempEvalLayout() throws {
        let document = try reader.read(Snippets.basic, fallbackID: "unused")
        #expect(document.id == "river-report-7")
        #expect(document.creationTime == CreationTime(parsing: "2015-10-29"))
        #expect(document.creationTimeExpression?.id == "t0")
        #expect(document.creationTimeExpression?.kind == .date)
        #expect(document.creationTimeExpression?.value == "2015-10-29")
        #expect(document.creationTimeExpression?.text == "October 29, 2015")
        #expect(document.text == "\nThe ferry resumed Monday after three weeks of repairs & tests.\n")
        #expect(document.diagnostics.isEmpty)

        let timexes = document.timeExpressions
        try #require(timexes.count == 2)
        #expect(timexes[0].id == "t1")
        #expect(timexes[0].kind == .date)
        #expect(timexes[0].value == "2015-10-26")
        #expect(timexes[0].text == "Monday")
        #expect(timexes[0].span == TextSpan(start: 19, end: 25))
        #expect(timexes[0].anchor == .creationTime("2015-10-29"))
        #expect(timexes[1].id == "t2")
        #expect(timexes[1].kind == .duration)
        #expect(timexes[1].value == "P3W")
        #expect(timexes[1].text == "three weeks")
        #expect(timexes[1].anchor == nil)
        for timex in timexes {
            #expect(document.document.text(of: timex.span) == timex.text)
        }
    }

    @Test func keepsEventsInstancesAndLinksAsElements() throws {
        let document = try reader.read(Snippets.basic)
        #expect(document.elements.map(\.name) == ["EVENT", "TIMEX3", "TIMEX3", "MAKEINSTANCE", "TLINK"])
        let event = document.elements[0]
        #expect(event[attribute: "eid"] == "e1")
        #expect(event[attribute: "class"] == "OCCURRENCE")
        #expect(event.span == TextSpan(start: 11, end: 18))
        #expect(document.document.text(of: event.span!) == "resumed")
        #expect(document.elements[3][attribute: "tense"] == "PAST")
        #expect(document.elements[3].span == nil)
        #expect(document.elements[4][attribute: "relatedToTime"] == "t1")
        #expect(document.elements[4].attributes.map(\.name) == ["lid", "relType", "eventInstanceID", "relatedToTime"])
    }

    @Test func decodesEntitiesAndCharacterReferences() throws {
        let markup = Snippets.document(
            text: "Fish &amp; chips &lt;3 &gt; &quot;q&quot; &apos;a&apos; caf&#233; &#x1F389; <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2015\">&#50;015</TIMEX3>")
        let document = try reader.read(markup)
        #expect(document.text == "Fish & chips <3 > \"q\" 'a' café 🎉 2015")
        let timex = try #require(document.timeExpressions.first)
        #expect(timex.text == "2015")
        let scalars = Array(document.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[timex.span.start..<timex.span.end])) == "2015")
        #expect(timex.span == TextSpan(start: 33, end: 37))
    }

    @Test func countsOffsetsInUnicodeScalars() throws {
        let markup = Snippets.document(
            text: "Khloé 👍🏽 flew home <TIMEX3 tid=\"t1\" type=\"TIME\" value=\"2015-10-29TEV\">Thursday evening</TIMEX3>.")
        let document = try reader.read(markup)
        let timex = try #require(document.timeExpressions.first)
        // "Khloé " = 6 scalars, "👍🏽" = 2 scalars, " flew home " = 11
        #expect(timex.span == TextSpan(start: 19, end: 35))
        #expect(timex.text == "Thursday evening")
        #expect(document.document.text(of: timex.span) == "Thursday evening")
    }

    @Test func acceptsAttributesInAnyOrderWithEitherQuote() throws {
        let markup = Snippets.document(
            text: #"Sales rose <TIMEX3 value='P1Y' mod = "MORE_THAN"  type="DURATION" tid='t7' >more than a year</TIMEX3> later, and <TIMEX3 quant="EVERY" freq="1X" tid="t8" type="SET" value="P1W">every week</TIMEX3>."#)
        let document = try reader.read(markup)
        #expect(document.timeExpressions.count == 2)
        let first = document.timeExpressions[0]
        #expect(first.id == "t7")
        #expect(first.kind == .duration)
        #expect(first.value == "P1Y")
        #expect(first.modifier == .moreThan)
        let second = document.timeExpressions[1]
        #expect(second.kind == .set)
        #expect(second.frequency == "1X")
        #expect(second.quantifier == "EVERY")
    }

    @Test func keepsEventsNextToTimexesInsideText() throws {
        let markup = Snippets.document(
            text: #"They <EVENT eid="e1" class="OCCURRENCE">met</EVENT><TIMEX3 tid="t1" type="DATE" value="2015-10-28">yesterday</TIMEX3><SIGNAL sid="s1">,</SIGNAL> then <EVENT eid="e2" class="OCCURRENCE">left</EVENT>."#)
        let document = try reader.read(markup)
        #expect(document.text == "They metyesterday, then left.")
        #expect(document.timeExpressions.map(\.span) == [TextSpan(start: 8, end: 17)])
        #expect(document.elements.map(\.name) == ["EVENT", "TIMEX3", "SIGNAL", "EVENT"])
        #expect(document.elements.map(\.span) == [
            TextSpan(start: 5, end: 8), TextSpan(start: 8, end: 17), TextSpan(start: 17, end: 18), TextSpan(start: 24, end: 28),
        ])
    }

    @Test func readsADateTimeCreationTime() throws {
        let markup = Snippets.document(
            text: "Nothing happened.",
            dct: #"<DCT><TIMEX3 functionInDocument="CREATION_TIME" value="2015-10-29T14:30" type="TIME" tid="t0">2015-10-29 14:30</TIMEX3></DCT>"#)
        let document = try reader.read(markup)
        let creationTime = try #require(document.creationTime)
        #expect(creationTime.date.description == "2015-10-29")
        #expect(creationTime.time?.description == "14:30")
        #expect(creationTime.source == .given)
        #expect(document.creationTimeExpression?.kind == .time)
    }

    @Test func readsADocumentWithoutDCTOrDocid() throws {
        let document = try reader.read("<TimeML><TEXT>Rain <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"PRESENT_REF\">now</TIMEX3>.</TEXT></TimeML>", fallbackID: "fallback")
        #expect(document.id == "fallback")
        #expect(document.creationTime == nil)
        #expect(document.creationTimeExpression == nil)
        #expect(document.timeExpressions.count == 1)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func reportsAnUnparseableCreationTime() throws {
        let markup = Snippets.document(
            text: "Quiet.", dct: #"<DCT><TIMEX3 tid="t0" type="DATE" value="sometime">sometime</TIMEX3></DCT>"#)
        let document = try reader.read(markup)
        #expect(document.creationTime == nil)
        #expect(document.creationTimeExpression?.value == "sometime")
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.code == .malformedInput)
        #expect(document.diagnostics.first?.message.contains("sometime") == true)
    }

    @Test func keepsLineEndsAndCommentsOutOfTheText() throws {
        let markup = "<TimeML><TEXT>\r\nLine one<!-- a comment -->,\r\n<![CDATA[a <raw> & part]]> <?pi x?>two\n</TEXT></TimeML>"
        let document = try reader.read(markup)
        #expect(document.text == "\r\nLine one,\r\na <raw> & part two\n")
    }

    @Test func toleratesAStrayAmpersandWithADiagnostic() throws {
        let document = try reader.read(Snippets.document(text: "AT&T and R & D"))
        #expect(document.text == "AT&T and R & D")
        #expect(document.diagnostics.count == 2)
        #expect(document.diagnostics.allSatisfy { $0.code == .malformedInput })
        #expect(document.diagnostics.first?.span == TextSpan(start: 2, end: 3))
    }

    @Test func reportsUnknownModAndMissingValue() throws {
        let document = try reader.read(Snippets.document(
            text: #"<TIMEX3 tid="t1" type="DATE" mod="SOMEWHAT">around now</TIMEX3>"#))
        let timex = try #require(document.timeExpressions.first)
        #expect(timex.modifier == nil)
        #expect(timex.value == "")
        #expect(document.diagnostics.count == 2)
    }

    @Test func resolvesAnchorsOnOtherExpressions() throws {
        let document = try reader.read(Snippets.document(
            text: #"On <TIMEX3 tid="t1" type="DATE" value="2015-07-14">July 14</TIMEX3>, and <TIMEX3 tid="t2" type="DATE" value="2015-07-16" temporalFunction="true" anchorTimeID="t1">two days later</TIMEX3>; <TIMEX3 tid="t3" type="DATE" value="X" anchorTimeID="t99">then</TIMEX3>"#))
        #expect(document.timeExpressions[1].anchor == .expression(id: "t1", value: "2015-07-14"))
        #expect(document.timeExpressions[2].anchor == .expression(id: "t99", value: ""))
        #expect(document.diagnostics.count == 1)
    }

    @Test func readsBytesAndSkipsAByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Snippets.basic.utf8)
        let document = try reader.read(bytes)
        #expect(document.timeExpressions.count == 2)
        let data = Data(Snippets.basic.utf8)
        #expect(try reader.read(data) == document)
    }

    @Test func readsAFileAndFallsBackToItsName() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("story-12.tml")
        try Data("<TimeML><TEXT>Calm.</TEXT></TimeML>".utf8).write(to: url)
        #expect(try reader.read(contentsOf: url).id == "story-12")

        let missing = directory.appendingPathComponent("absent.tml")
        let error = try #require(throws: TimeMLReadError.self) { try reader.read(contentsOf: missing) }
        guard case .unreadableFile = error.reason else {
            Issue.record("expected unreadableFile, got \(error.reason)")
            return
        }
        #expect(error.description.hasPrefix(missing.path + ":"))

        let broken = directory.appendingPathComponent("broken.tml")
        try Data("<TimeML><TEXT>Calm.</TEXT>".utf8).write(to: broken)
        let located = try #require(throws: TimeMLReadError.self) { try reader.read(contentsOf: broken) }
        #expect(located.file == broken.path)
        #expect(located.description == "\(broken.path):1:1: byte 0: element <TimeML> is never closed")
    }
}

@Suite("TimeMLReader on malformed input")
struct TimeMLReaderErrorTests {
    let reader = TimeMLReader()

    func failure(_ markup: String) -> TimeMLReadError? {
        do {
            _ = try reader.read(markup)
            return nil
        } catch {
            return error
        }
    }

    func failure(bytes: [UInt8]) -> TimeMLReadError? {
        do {
            _ = try reader.read(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func unterminatedTag() throws {
        let error = try #require(failure("<TimeML><TEXT>It rained <TIMEX3 tid=\"t1\" type=\"DATE\""))
        #expect(error.reason == .unterminatedTag("TIMEX3"))
        #expect(error.byteOffset == 24)
        #expect(error.line == 1)
        #expect(error.column == 25)
        #expect(error.description == "1:25: byte 24: the input ends inside the <TIMEX3> tag")
    }

    @Test func tagOpenedButNeverFinished() throws {
        // The '>' of the TIMEX3 start tag is missing: the text words become bad attributes.
        let error = try #require(failure("<TimeML><TEXT>It rained <TIMEX3 tid=\"t1\" type=\"DATE\" Monday</TIMEX3></TEXT></TimeML>"))
        guard case .malformedAttribute = error.reason else {
            Issue.record("expected malformedAttribute, got \(error.reason)")
            return
        }
    }

    @Test func unclosedElement() throws {
        let error = try #require(failure("<TimeML>\n<TEXT>It rained.\n"))
        #expect(error.reason == .unclosedElement("TEXT"))
        #expect(error.line == 2)
        #expect(error.column == 1)
    }

    @Test func unclosedTimex() throws {
        let error = try #require(failure(Snippets.document(text: #"<TIMEX3 tid="t1" type="DATE" value="2015">2015"#)))
        #expect(error.reason == .mismatchedEndTag(expected: "TIMEX3", found: "TEXT"))
    }

    @Test func missingText() throws {
        let error = try #require(failure("<TimeML><DOCID>x</DOCID></TimeML>"))
        #expect(error.reason == .missingText)
        #expect(failure("")?.reason == .missingText)
        #expect(failure("just some words")?.reason == .missingText)
    }

    @Test func duplicateText() throws {
        #expect(failure("<TimeML><TEXT>a</TEXT><TEXT>b</TEXT></TimeML>")?.reason == .duplicateText)
        #expect(failure("<TimeML><TEXT>a<TEXT>b</TEXT></TEXT></TimeML>")?.reason == .duplicateText)
    }

    @Test func nestedTimex() throws {
        let error = try #require(failure(Snippets.document(
            text: #"<TIMEX3 tid="t1" type="DATE" value="2015-10">early <TIMEX3 tid="t2" type="DATE" value="2015-10">October</TIMEX3></TIMEX3>"#)))
        #expect(error.reason == .nestedTimex)
        #expect(error.line == 4)
    }

    @Test func mismatchedEndTag() throws {
        let error = try #require(failure(Snippets.document(text: #"<EVENT eid="e1">left</TIMEX3>"#)))
        #expect(error.reason == .mismatchedEndTag(expected: "EVENT", found: "TIMEX3"))
        #expect(failure("<TimeML><TEXT>a</TEXT></TimeML></TimeML>")?.reason == .unexpectedEndTag("TimeML"))
    }

    @Test func badAttributeSyntax() throws {
        let cases = [
            #"<TIMEX3 tid=t1 type="DATE" value="2015">2015</TIMEX3>"#,  // unquoted
            #"<TIMEX3 tid="t1" type value="2015">2015</TIMEX3>"#,  // no value
            #"<TIMEX3 tid="t1"type="DATE" value="2015">2015</TIMEX3>"#,  // no space
            #"<TIMEX3 tid="t1" tid="t2" type="DATE" value="2015">2015</TIMEX3>"#,  // repeated
            #"<TIMEX3 tid="t1" type="DATE value="2015">2015</TIMEX3>"#,  // quote missing: '<' inside the value
            #"<TIMEX3 tid="t1" type="DATE" value="2015" !>2015</TIMEX3>"#,  // stray character
        ]
        for text in cases {
            let error = failure(Snippets.document(text: text))
            guard case .malformedAttribute? = error?.reason else {
                Issue.record("expected malformedAttribute for \(text), got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func malformedTags() throws {
        guard case .malformedTag? = failure(Snippets.document(text: "a < b"))?.reason else {
            Issue.record("a bare '<' must be rejected")
            return
        }
        guard case .malformedTag? = failure(Snippets.document(text: "a </ b>"))?.reason else {
            Issue.record("'</' without a name must be rejected")
            return
        }
        guard case .malformedTag? = failure(Snippets.document(text: "<EVENT eid=\"e1\" / >x</EVENT>"))?.reason else {
            Issue.record("'/' not followed by '>' must be rejected")
            return
        }
        #expect(failure(Snippets.document(text: "x <!-- never closed"))?.reason == .unterminatedMarkup("comment"))
        #expect(failure(Snippets.document(text: "x <![CDATA[ never closed"))?.reason == .unterminatedMarkup("CDATA section"))
    }

    @Test func invalidTimexType() throws {
        let error = try #require(failure(Snippets.document(text: #"<TIMEX3 tid="t1" type="date" value="2015">2015</TIMEX3>"#)))
        guard case .invalidTimex(let why) = error.reason else {
            Issue.record("expected invalidTimex, got \(error.reason)")
            return
        }
        #expect(why.contains("date"))
        guard case .invalidTimex? = failure(Snippets.document(text: #"<TIMEX3 tid="t1" value="2015">2015</TIMEX3>"#))?.reason else {
            Issue.record("a TIMEX3 without type must be rejected")
            return
        }
    }

    @Test func invalidCharacterReferences() throws {
        for reference in ["&#0;", "&#xD800;", "&#x110000;", "&#12", "&#;", "&#xZZ;", "&#99999999999;"] {
            let error = failure(Snippets.document(text: "value \(reference) here"))
            guard case .invalidCharacterReference? = error?.reason else {
                Issue.record("expected invalidCharacterReference for \(reference), got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func invalidUTF8() throws {
        let prefix = Array(Snippets.document(text: "caf").utf8)
        let splice = prefix.count - "</TEXT>\n</TimeML>\n".utf8.count
        for bad: [UInt8] in [[0xFF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82]] {
            var bytes = prefix
            bytes.insert(contentsOf: bad, at: splice)
            let error = try #require(failure(bytes: bytes))
            #expect(error.reason == .invalidUTF8)
            #expect(error.byteOffset == splice)
        }
    }

    @Test func binaryContent() throws {
        var bytes = Array(Snippets.document(text: "nul here").utf8)
        bytes.insert(0x00, at: 60)
        let error = try #require(failure(bytes: bytes))
        #expect(error.reason == .forbiddenCharacter(0))
        #expect(error.byteOffset == 60)
        #expect(error.description.contains("U+0000"))

        // Random binary data is rejected, never crashes.
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let noise = (0..<Int(generator.next() % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            #expect(failure(bytes: noise) != nil)
        }
    }

    @Test func everyErrorDescriptionIsOneLine() throws {
        let inputs = [
            "<TimeML><TEXT>a < b</TEXT></TimeML>", "<TimeML><TEXT>x", "<TimeML><TEXT>x</TEXT>\n</TimeML>\n</TimeML>",
            "<TimeML><TEXT><TIMEX3 tid=\"t1\" type=\"X\">x</TIMEX3></TEXT></TimeML>",
        ]
        for input in inputs {
            let error = try #require(failure(input))
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains("byte \(error.byteOffset)"))
        }
    }

    /// Every prefix and many random mutations of a valid document either read or throw: no crash, no hang.
    @Test func truncationsAndMutationsNeverCrash() throws {
        let bytes = Array(Snippets.basic.utf8)
        for length in 0..<bytes.count {
            _ = failure(bytes: Array(bytes[..<length]))
        }
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("<>/=\"'&;# TIMEX3TEXTé".utf8)
        for _ in 0..<2000 {
            var mutated = bytes
            for _ in 0...(generator.next() % 4) {
                let index = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 3 {
                case 0: mutated.remove(at: index)
                case 1: mutated.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: index)
                default: mutated[index] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                }
            }
            if let document = try? reader.read(mutated) {
                for timex in document.timeExpressions {
                    #expect(timex.span.end <= document.text.unicodeScalars.count)
                }
            }
        }
    }
}

/// A small deterministic random number generator for the robustness tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
