import ChronicleCore
import Foundation
import Testing

@testable import ChronicleEvaluation

@Suite("CAT reader")
struct CATReaderTests {
    static let document = """
        <?xml version="1.0" ?><Document doc_id="4596" doc_name="4596-Apple_Corps.txt">
        <token number="0" sentence="0" t_id="1">Apple</token>
        <token number="1" sentence="0" t_id="2">wins</token>
        <token number="2" sentence="1" t_id="3">AT&amp;T</token>
        <token number="3" sentence="1" t_id="4">'s</token>
        <token number="4" sentence="1" t_id="5">"</token>
        <token number="5" sentence="1" t_id="6">court</token>
        <token number="6" sentence="1" t_id="7">case</token>
        <token number="7" sentence="1" t_id="8">"</token>
        <token number="8" sentence="1" t_id="9">(</token>
        <token number="9" sentence="1" t_id="10">$</token>
        <token number="10" sentence="1" t_id="11">5</token>
        <token number="11" sentence="1" t_id="12">)</token>
        <token number="12" sentence="1" t_id="13">ended</token>
        <token number="13" sentence="1" t_id="14">.</token>
        <!-- markables are skipped -->
        <Markables>
        <EVENT_MENTION m_id="1"><token_anchor t_id="13"/></EVENT_MENTION>
        </Markables>
        </Document>
        """

    @Test func readsTokensAndSentences() throws {
        let document = try CATReader().read(Self.document)
        #expect(document.id == "4596")
        #expect(document.name == "4596-Apple_Corps.txt")
        #expect(document.tokens.count == 14)
        #expect(document.tokens[2] == CATDocument.Token(id: 3, sentence: 1, number: 2, text: "AT&T"))
        #expect(document.tokens.map(\.sentence) == [0, 0] + Array(repeating: 1, count: 12))
    }

    @Test func rebuildsTheTextWithTokenSpans() throws {
        let text = try CATReader().read(Self.document).rebuiltText()
        #expect(text.text == "Apple wins\nAT&T's \"court case\" ($5) ended.")
        #expect(text.headline == "Apple wins")
        let scalars = Array(text.text.unicodeScalars)
        for (token, span) in zip(text.tokens, text.spans) {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == token.text)
        }
        // A span maps back to the tokens it overlaps, named as the task names event mentions.
        let court = span(of: "court case", in: text.text)
        #expect(text.tokenIndices(overlapping: court) == 5..<7)
        #expect(text.mentionID(for: court) == "4596-1-court_case")
        #expect(text.mentionID(for: span(of: "ende", in: text.text)) == "4596-1-ended")
        #expect(text.mentionID(for: span(of: "wins", in: text.text)) == "4596-0-wins")
        #expect(text.mentionID(for: TextSpan(start: 10, end: 11)) == nil, "the line break between sentences")
        // A span across two sentences keeps the tokens of the first.
        #expect(text.mentionID(for: span(of: "wins\nAT", in: text.text)) == "4596-0-wins")
    }

    @Test func reportsMalformedXML() {
        func message(_ xml: String) -> String {
            do {
                _ = try CATReader().read(xml)
                return "no error"
            } catch {
                return error.description
            }
        }
        let start = #"<Document doc_id="1">"#
        #expect(message(start + #"<token number="0" sentence="0" t_id="1">a</tokens></Document>"#)
            == "1:63: end tag </tokens> does not match the open element <token>")
        #expect(message(start + "\n" + #"<token number="0" sentence="0">a</token></Document>"#) == "2:1: token without t_id")
        #expect(message(start + #"<token number="0" sentence="x" t_id="1">a</token></Document>"#)
            == #"1:22: token sentence="x" is not a number"#)
        #expect(message(start + #"<token number="0" sentence="0" t_id="1"> </token></Document>"#) == #"1:22: token t_id="1" has no text"#)
        #expect(message(start + #"<token number="0" sentence="0" t_id="1">a &nbsp; b</token></Document>"#)
            == "1:64: invalid character reference &nbsp;")
        #expect(message(start + #"<token number="0" sentence="0" t_id="1">a"#) == "1:22: element <token> is never closed")
        #expect(message(#"<Document><token number="0" sentence="0" t_id="1">a</token></Document>"#) == "1:1: <Document> has no doc_id")
        #expect(message(#"<TimeML doc_id="1"></TimeML>"#) == "1:1: the root element is <TimeML>, not <Document>")
        #expect(message("") == "1:1: no <Document> element")
        #expect(message(start + "<token number=0>") == "1:36: malformed attribute number: expected a quoted value")
        #expect(message(start + "<!-- never closed") == "1:22: unterminated comment")
        #expect(throws: CATReadError.self) { try CATReader().read(Data([0x3C, 0xFF, 0xFE])) }
    }
}

@Suite("SemEval-2015 TimeLine trial data", .enabled(if: TimeLineData.isAvailable, "needs ../shared/data/semeval2015-timeline-trial next to the package"))
struct TimeLineTrialDataTests {
    /// Gold mentions name CAT sentences and tokens, in lower case now and then (`16900-2-pre-orders` for
    /// `Pre-orders`); one names a document that is not there (`9590` for `9509`).
    @Test func everyGoldMentionNamesTokensOfItsSentence() throws {
        var words: [String: [Int: Set<String>]] = [:]
        for url in try TimeLineData.files("corpus-cat", ".xml") {
            let document = try CATReader().read(contentsOf: url)
            for token in document.tokens { words[document.id, default: [:]][token.sentence, default: []].insert(token.text.lowercased()) }
        }
        #expect(words.count == 30)
        var mentions = 0
        var unresolved: [String] = []
        for url in try TimeLineData.files("gold-timelines", ".txt") {
            let gold = try EntityTimeline(parsing: String(contentsOf: url, encoding: .utf8))
            for event in gold.events {
                for mention in event.mentions {
                    mentions += 1
                    let parts = mention.split(separator: "-", maxSplits: 2).map(String.init)
                    guard let sentence = words[parts[0]]?[Int(parts[1]) ?? -1] else {
                        unresolved.append(mention)
                        continue
                    }
                    for word in parts[2].split(separator: "_") { #expect(sentence.contains(word.lowercased()), "\(mention)") }
                }
            }
        }
        #expect(mentions == 197)
        #expect(unresolved == ["9590-10-access"])
    }

    @Test func goldAgainstItselfScoresOne() throws {
        let gold = try TimeLineData.files("gold-timelines", ".txt").map { try EntityTimeline(parsing: String(contentsOf: $0, encoding: .utf8)) }
        #expect(gold.map(\.entity) == ["Beatles Apple Corps", "iPhone 3G", "iPhone 4", "iPod", "iTunes store", "Steve Jobs"])
        let evaluation = TimeLineEvaluator().evaluate(gold.map { (gold: $0, system: $0) })
        #expect(evaluation.counts.scores.f1 == 1)
        #expect(evaluation.errors.isEmpty)
    }
}

/// The TimeLine trial data, next to the package (`../shared/data/semeval2015-timeline-trial`).
enum TimeLineData {
    static let directory = SharedData.directory.appendingPathComponent("semeval2015-timeline-trial")
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("gold-timelines").path) }

    static func files(_ subdirectory: String, _ suffix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory.appendingPathComponent(subdirectory), includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(suffix) && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
