import ChronicleCore
import ChronicleFormats
import ChronicleTime
import Testing

/// Hostile input for the readers and writers (issue 14): markup nested 100,000 deep, and text with every
/// Unicode space and dash, right-to-left runs and mixed line ends written as TimeML and read back.
@Suite("Hostile input: formats")
struct HostileInputTests {
    static let depth = 100_000

    @Test func deeplyNestedTimeMLIsReadWithoutRecursion() throws {
        let head = #"<?xml version="1.0" ?><TimeML><DOCID>deep</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-28" functionInDocument="CREATION_TIME">2015-10-28</TIMEX3></DCT><TEXT>"#
        let nested = head + String(repeating: "<s>", count: Self.depth) + "It rained on Monday." + String(repeating: "</s>", count: Self.depth)
            + "</TEXT></TimeML>\n"
        let document = try TimeMLReader().read(nested)
        #expect(document.text == "It rained on Monday.")
        #expect(document.creationTime == CreationTime(parsing: "2015-10-28"))
    }

    @Test func deeplyNestedOrUnclosedTimeMLIsAClearError() throws {
        let timexes = #"<?xml version="1.0" ?><TimeML><TEXT>"# + String(repeating: #"<TIMEX3 tid="t1" type="DATE" value="2015">"#, count: Self.depth)
            + "Monday" + String(repeating: "</TIMEX3>", count: Self.depth) + "</TEXT></TimeML>"
        let nestedError = #expect(throws: TimeMLReadError.self) { try TimeMLReader().read(timexes) }
        #expect(nestedError.map { "\($0)" }?.contains("TIMEX3 nested inside another TIMEX3") == true)
        let unclosed = #"<?xml version="1.0" ?><TimeML><TEXT>"# + String(repeating: "<s>", count: Self.depth) + "It rained.</TEXT></TimeML>"
        let unclosedError = #expect(throws: TimeMLReadError.self) { try TimeMLReader().read(unclosed) }
        #expect(unclosedError.map { "\($0)" }?.contains("does not match the open element <s>") == true)
    }

    @Test(arguments: [
        ("<div>", "</div>"), ("<p><b>", "</p>"), ("<table><tr><td><ul><li>", ""), ("<div><span><b>", "</i>"), ("<article><section>", "</section>"),
    ])
    func deeplyNestedHTMLKeepsItsText(open: String, close: String) {
        let page = "<html><head><title>Deep</title></head><body>" + String(repeating: open, count: Self.depth)
            + "<p>It rained on Monday, Oct. 26, 2015.</p>" + String(repeating: close, count: Self.depth) + "</body></html>"
        let result = HTMLArticleText.reduce(Array(page.utf8))
        #expect(result.text.contains("It rained on Monday, Oct. 26, 2015."))
    }

    /// Every space, every dash, right-to-left runs and CR, LF and CRLF: TimeML gives back the text scalar for
    /// scalar, except U+000B and U+000C, which XML 1.0 cannot carry even as references: each is written as
    /// U+FFFD (one scalar for one, so every offset holds) with a diagnostic.
    @Test func timeMLReproducesEverySpaceDashAndLineEnd() throws {
        let spaces = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680] + Array(0x2000...0x200A) + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
        let dashes = [0x2D] + Array(0x2010...0x2015) + [0x2212, 0xFE58, 0xFE63, 0xFF0D]
        var text = ""
        for space in spaces.map({ String(Character(Unicode.Scalar($0)!)) }) {
            text += "On\(space)Monday,\(space)Oct.\(space)26,\(space)2015\(space)it rained. "
        }
        for dash in dashes.map({ String(Character(Unicode.Scalar($0)!)) }) {
            text += "From Oct. 5\(dash)7, 2015\(dash)16 & 2015\(dash)10\(dash)26 <b> \"x\" 'y'. "
        }
        text += "قال المتحدث يوم Monday, Oct. 26, 2015 إن الاجتماع في 2016. שלום ב־Tuesday, Oct. 27.\r\nOne\rTwo\nThree\r\n\r\n on Friday.\r"
        let document = TemporalTagger().tag(text, creationTime: CreationTime(parsing: "2015-10-28"), id: "spaces")
        #expect(document.timeExpressions.count > 40)

        let output = TimeMLWriter().write(document)
        let unwritable = text.unicodeScalars.filter { $0.value == 0x0B || $0.value == 0x0C }.count
        #expect(output.diagnostics.count == 1)
        #expect(output.diagnostics.first?.message.contains("\(unwritable) characters") == true)
        let read = try TimeMLReader().read(output.xml)
        var expected = String.UnicodeScalarView()
        expected.append(contentsOf: text.unicodeScalars.map { $0.value == 0x0B || $0.value == 0x0C ? "\u{FFFD}" : $0 })
        #expect(read.text == String(expected))
        #expect(read.text.unicodeScalars.count == text.unicodeScalars.count)
        #expect(read.timeExpressions.map(\.span) == document.timeExpressions.map(\.span))
        #expect(read.timeExpressions.map(\.value) == document.timeExpressions.map(\.value))
        // Without the two characters XML cannot carry, the text comes back exactly.
        let writable = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value != 0x0B && $0.value != 0x0C }))
        let clean = TemporalTagger().tag(writable, creationTime: CreationTime(parsing: "2015-10-28"), id: "spaces")
        let cleanOutput = TimeMLWriter().write(clean)
        #expect(cleanOutput.diagnostics.isEmpty)
        #expect(try TimeMLReader().read(cleanOutput.xml).text == writable)
    }
}
