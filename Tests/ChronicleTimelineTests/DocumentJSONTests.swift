import ChronicleCore
import ChronicleFormats
import Foundation
import Testing

@testable import ChronicleTimeline

@Suite("Document JSON with events, relations and statements")
struct DocumentJSONTests {
    @Test func documentsWithoutTheNewLayersAreWrittenAsBefore() {
        let document = Document(id: "d", text: "On Monday.", creationTime: CreationTime(parsing: "2015-10-29"),
                                timeExpressions: [TimeExpression(id: "t1", span: TextSpan(start: 3, end: 9), text: "Monday", kind: .date, value: "2015-10-26")])
        #expect(JSONWriter(style: .compact).string(for: document) == #"{"id":"d","dct":"2015-10-29","dctSource":"given","timexes":[{"id":"t1","start":3,"end":9,"text":"Monday","type":"DATE","value":"2015-10-26"}],"warnings":[]}"#)
    }

    @Test func writesEventsRelationsAndStatements() throws {
        var hand = HandDocument("d", "Anna Berg said on Monday that the band split.")
        hand.event("e1", "said", lemma: "say", .reporting)
        hand.event("e2", "split", lemma: "split")
        hand.timex("t1", "Monday", "2015-10-26")
        hand.relate("e1", .isIncluded, "t1")
        hand.relate("e2", .before, "e1")
        let document = hand.build()
        let json = JSONWriter(style: .compact).string(for: document)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.map { $0["instance"] as? String } == ["ei1", "ei2"])
        #expect(events[0]["class"] as? String == "REPORTING")
        let relations = try #require(object["relations"] as? [[String: Any]])
        #expect(relations.map { "\($0["source"]!) \($0["type"]!) \($0["target"]!)" } == ["ei1 IS_INCLUDED t1", "ei2 BEFORE ei1"])
        let statements = try #require(object["statements"] as? [[String: Any]])
        #expect(statements.count == 1)
        #expect(statements[0]["speaker"] as? String == "Anna Berg")
        #expect(statements[0]["event"] as? String == "ei1")
        #expect(statements[0]["stance"] as? String == "asserted")
        #expect((statements[0]["content"] as? [String: Any])?["start"] as? Int == document.text.distance(from: document.text.startIndex, to: document.text.range(of: "the band")!.lowerBound))
        #expect(json.range(of: "\"timexes\"")!.lowerBound < json.range(of: "\"events\"")!.lowerBound)
        #expect(json.range(of: "\"statements\"")!.lowerBound < json.range(of: "\"warnings\"")!.lowerBound)
    }
}
