import ChronicleCore
import Foundation
import Testing

@testable import ChronicleFormats

/// The shared TempEval-3 data, found next to the package (`../shared/data` from the package root).
/// It is not part of the repository: when it is absent, the tests that need it are reported as skipped.
enum SharedData {
    static let tbaq = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ChronicleFormatsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/data/tbaq-cleaned").standardizedFileURL
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: tbaq.appendingPathComponent("TimeBank").path)
            && FileManager.default.fileExists(atPath: tbaq.appendingPathComponent("AQUAINT").path)
    }

    /// Every `.tml` file of TimeBank and AQUAINT, sorted.
    static func timeMLFiles() throws -> [URL] {
        try ["TimeBank", "AQUAINT"].flatMap { part in
            try FileManager.default.contentsOfDirectory(at: tbaq.appendingPathComponent(part), includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "tml" && !$0.lastPathComponent.hasPrefix(".") }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
    }
}

/// Our own sentences, annotated by hand in the TempEval-3 layout.
enum EventSnippets {
    static let harbour = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>harbour-1</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-29" temporalFunction="false" functionInDocument="CREATION_TIME">2015-10-29</TIMEX3></DCT>
        <TEXT>The mayor <EVENT eid="e1" class="REPORTING">said</EVENT> the harbour <EVENT eid="e2" class="OCCURRENCE" stem="close">closed</EVENT> <SIGNAL sid="s1">before</SIGNAL> <TIMEX3 tid="t1" type="DATE" value="2015-10-26" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Monday</TIMEX3> and would not <EVENT eid="e3" class="OCCURRENCE">reopen</EVENT> twice; the <EVENT eid="e4" class="STATE">storm</EVENT> was over.</TEXT>
        <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
        <MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="UNKNOWN" />
        <MAKEINSTANCE eventID="e3" eiid="ei3" tense="INFINITIVE" aspect="NONE" polarity="NEG" pos="VERB" modality="would" />
        <MAKEINSTANCE eventID="e3" eiid="ei5" tense="INFINITIVE" aspect="NONE" polarity="NEG" pos="VERB" modality="would" />
        <TLINK lid="l1" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t1" signalID="s1" />
        <TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0" />
        <TLINK lid="l3" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei3" />
        <TLINK lid="l4" relType="AFTER" eventInstanceID="ei1" relatedToEventInstance="ei2" />
        </TimeML>
        """
}

@Suite("TimeML events and relations")
struct TimeMLEventTests {
    let reader = TimeMLReader()
    let writer = TimeMLWriter()

    @Test func joinsEventsWithTheirInstances() throws {
        let document = try reader.read(EventSnippets.harbour)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        let events = document.events
        #expect(events.map(\.id) == ["e1", "e2", "e3", "e3", "e4"])
        #expect(events.map(\.instanceID) == ["ei1", "ei2", "ei3", "ei5", ""])
        #expect(events.map(\.text) == ["said", "closed", "reopen", "reopen", "storm"])
        #expect(events[0] == Event(
            id: "e1", instanceID: "ei1", span: TextSpan(start: 10, end: 14), text: "said", lemma: "", eventClass: .reporting,
            tense: .past, partOfSpeech: .verb))
        #expect(events[1].lemma == "close")
        #expect(events[1].partOfSpeech == .unknown)  // pos="UNKNOWN" is kept, so gold round-trips
        #expect(events[2].polarity == .negative)
        #expect(events[2].modality == "would")
        #expect(events[2].tense == .infinitive)
        #expect(events[2].span == events[3].span)
        // No MAKEINSTANCE: TimeML defaults.
        #expect(events[4] == Event(
            id: "e4", instanceID: "", span: events[4].span, text: "storm", lemma: "", eventClass: .state))
        for event in events {
            #expect(document.document.text(of: event.span) == event.text)
        }
    }

    @Test func readsRelationsWithTheirSignals() throws {
        let document = try reader.read(EventSnippets.harbour)
        let before = try #require(document.events.first { $0.id == "e2" })
        #expect(document.relations == [
            TemporalRelation(
                id: "l1", source: .event(instanceID: "ei2"), target: .time(id: "t1"), type: .before,
                signal: TextSpan(start: 34, end: 40)),
            TemporalRelation(id: "l2", source: .event(instanceID: "ei1"), target: .creationTime, type: .isIncluded),
            TemporalRelation(id: "l3", source: .time(id: "t0"), target: .event(instanceID: "ei3"), type: .includes),
            TemporalRelation(id: "l4", source: .event(instanceID: "ei1"), target: .event(instanceID: before.instanceID), type: .after),
        ])
        #expect(document.document.text(of: TextSpan(start: 34, end: 40)) == "before")
    }

    @Test func reportsDanglingReferencesAndUnknownValues() throws {
        let xml = Snippets.document(text: #"He <EVENT eid="e1" class="WALKING">left</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2015-10-26">Monday</TIMEX3>."#)
            .replacingOccurrences(of: "</TimeML>", with: """
                <MAKEINSTANCE eventID="e1" eiid="ei1" tense="SOON" polarity="POS" pos="VERB" />
                <MAKEINSTANCE eventID="e9" eiid="ei9" tense="PAST" />
                <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" />
                <MAKEINSTANCE eiid="ei7" />
                <TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t7" />
                <TLINK lid="l2" relType="BEFORE" eventInstanceID="ei8" relatedToTime="t1" />
                <TLINK lid="l3" relType="OVERLAPS" eventInstanceID="ei1" relatedToTime="t1" />
                <TLINK lid="l4" eventInstanceID="ei1" relatedToTime="t1" />
                <TLINK lid="l5" relType="AFTER" eventInstanceID="ei1" timeID="t1" relatedToTime="t0" />
                <TLINK lid="l6" relType="AFTER" relatedToTime="t0" />
                <TLINK lid="l7" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" signalID="s4" />
                <TLINK lid="l8" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0" />
                </TimeML>
                """)
        let document = try reader.read(xml)
        #expect(document.events.count == 1)
        #expect(document.events[0].eventClass == .occurrence)
        #expect(document.events[0].tense == .none)
        #expect(document.relations.map(\.id) == ["l7", "l8"])
        #expect(document.relations[0].signal == nil)
        let messages = document.diagnostics.map(\.message)
        for fragment in [
            "unknown class \"WALKING\"", "unknown tense \"SOON\"", "names no EVENT e9", "eiid ei1 is repeated",
            "without eventID or eiid", "names no TIMEX3 t7", "names no event instance ei8", "unknown relType \"OVERLAPS\"",
            "TLINK l4 has no relType", "has both eventInstanceID and timeID", "has neither eventInstanceID nor timeID",
            "names no SIGNAL s4",
        ] {
            #expect(messages.contains { $0.contains(fragment) }, "no diagnostic about \(fragment): \(messages)")
        }
        #expect(messages.count == 12)
    }

    @Test func leavesHeadlineEventsOutQuietly() throws {
        let xml = """
            <TimeML><TITLE>Ferry <EVENT eid="e9" class="OCCURRENCE">resumes</EVENT></TITLE>
            <TEXT>It <EVENT eid="e1" class="OCCURRENCE">resumed</EVENT>.</TEXT>
            <MAKEINSTANCE eventID="e9" eiid="ei9" tense="PRESENT" />
            <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" />
            <TLINK lid="l1" relType="SIMULTANEOUS" eventInstanceID="ei9" relatedToEventInstance="ei1" />
            <TLINK lid="l2" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei7" />
            </TimeML>
            """
        let document = try reader.read(xml)
        #expect(document.events.map(\.instanceID) == ["ei1"])
        #expect(document.relations.isEmpty)
        #expect(document.diagnostics.map(\.message) == ["TLINK l2 names no event instance ei7 (relatedToEventInstance); ignored"])
    }

    @Test func writesTheTempEvalLayout() throws {
        let text = "She said it ended Monday."
        let span = { (needle: String) in TimeMLWriterTests.span(of: needle, in: text) }
        let document = Document(
            id: "doc-2", text: text, creationTime: CreationTime(parsing: "2015-10-29"),
            timeExpressions: [TimeExpression(id: "t1", span: span("Monday"), text: "Monday", kind: .date, value: "2015-10-26")])
        let events = [
            Event(id: "e1", instanceID: "ei1", span: span("said"), text: "said", lemma: "say", eventClass: .reporting, tense: .past, partOfSpeech: .verb),
            Event(id: "e2", instanceID: "ei2", span: span("ended"), text: "ended", lemma: "", eventClass: .aspectual,
                  tense: .past, polarity: .negative, modality: "might", partOfSpeech: .verb),
        ]
        let relations = [
            TemporalRelation(id: "l1", source: .event(instanceID: "ei2"), target: .time(id: "t1"), type: .isIncluded),
            TemporalRelation(id: "l2", source: .creationTime, target: .event(instanceID: "ei1"), type: .after),
        ]
        let output = writer.write(document, events: events, relations: relations)
        #expect(output.diagnostics.isEmpty)
        #expect(output.xml == """
            <?xml version="1.0" ?>
            <TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">

            <DOCID>doc-2</DOCID>

            <DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-29" temporalFunction="false" functionInDocument="CREATION_TIME">2015-10-29</TIMEX3></DCT>

            <TEXT>She <EVENT eid="e1" class="REPORTING" stem="say">said</EVENT> it <EVENT eid="e2" class="ASPECTUAL">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2015-10-26" temporalFunction="false" functionInDocument="NONE">Monday</TIMEX3>.</TEXT>

            <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
            <MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="NEG" pos="VERB" modality="might" />
            <TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1" />
            <TLINK lid="l2" relType="AFTER" timeID="t0" relatedToEventInstance="ei1" />

            </TimeML>

            """)
    }

    @Test func roundTripsEventsRelationsAndSignals() throws {
        let gold = try reader.read(EventSnippets.harbour)
        let output = writer.write(gold)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let again = try reader.read(output.xml)
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)")
        #expect(again.text == gold.text)
        #expect(again.timeExpressions == gold.timeExpressions)
        #expect(again.events == gold.events)
        #expect(again.relations == gold.relations)
    }

    @Test func skipsOverlapsAndWhatNamesThemWithDiagnostics() throws {
        let text = "The Monday meeting ran late."
        let span = { (needle: String) in TimeMLWriterTests.span(of: needle, in: text) }
        let document = Document(
            text: text, creationTime: CreationTime(parsing: "2015-10-29"),
            timeExpressions: [TimeExpression(id: "t1", span: span("Monday"), text: "Monday", kind: .date, value: "2015-10-26")])
        let events = [
            Event(id: "e1", instanceID: "ei1", span: span("Monday meeting"), text: "Monday meeting", lemma: "", eventClass: .occurrence),
            Event(id: "e2", instanceID: "ei2", span: span("ran late"), text: "ran late", lemma: "", eventClass: .occurrence),
            Event(id: "e3", instanceID: "ei3", span: span("ran"), text: "ran", lemma: "", eventClass: .occurrence),
            Event(id: "e4", instanceID: "ei4", span: TextSpan(start: 20, end: 99), text: "?", lemma: "", eventClass: .occurrence),
        ]
        let relations = [
            TemporalRelation(id: "l1", source: .event(instanceID: "ei1"), target: .time(id: "t1"), type: .isIncluded),
            TemporalRelation(id: "l2", source: .event(instanceID: "ei2"), target: .time(id: "t1"), type: .after, signal: span("late")),
            TemporalRelation(id: "l3", source: .event(instanceID: "ei2"), target: .time(id: "t9"), type: .after),
        ]
        let output = writer.write(document, events: events, relations: relations)
        let messages = output.diagnostics.map(\.message)
        #expect(output.diagnostics.allSatisfy { $0.code == TimeMLWriter.unwritableExpression })
        #expect(messages.count == 6, "\(messages)")
        for fragment in [
            "event e1 at 4..<18 overlaps a time expression", "event e3 at 19..<22 overlaps event e2",
            "event e4 at 20..<99 lies outside the text", "(ei1 IS_INCLUDED t1): ei1 is not a written event instance",
            "(ei2 AFTER t9): t9 is not a written time expression", "signal at 23..<27 overlaps another element",
        ] {
            #expect(messages.contains { $0.contains(fragment) }, "no diagnostic about \(fragment): \(messages)")
        }
        let read = try reader.read(output.xml)
        #expect(read.events.map(\.id) == ["e2"])
        #expect(read.relations == [TemporalRelation(id: "l2", source: .event(instanceID: "ei2"), target: .time(id: "t1"), type: .after)])
    }

    @Test func renamesMissingAndTakenIdsAndRelationsFollow() throws {
        let text = "Rain fell, rain stopped, sun shone on Monday."
        let span = { (needle: String) in TimeMLWriterTests.span(of: needle, in: text) }
        let document = Document(
            text: text, creationTime: CreationTime(parsing: "2015-10-29"),
            timeExpressions: [TimeExpression(id: "t0", span: span("Monday"), text: "Monday", kind: .date, value: "2015-10-26")])
        let events = [
            Event(id: "", instanceID: "ei1", span: span("fell"), text: "fell", lemma: "", eventClass: .occurrence),
            Event(id: "e1", instanceID: "ei1", span: span("stopped"), text: "stopped", lemma: "", eventClass: .aspectual),
            Event(id: "e1", instanceID: "", span: span("shone"), text: "shone", lemma: "", eventClass: .state),
        ]
        let relations = [
            TemporalRelation(id: "", source: .event(instanceID: "ei1"), target: .creationTime, type: .before),
            TemporalRelation(id: "", source: .event(instanceID: "ei1"), target: .time(id: "t0"), type: .before),
        ]
        let output = writer.write(document, events: events, relations: relations)
        #expect(output.diagnostics.allSatisfy { $0.severity == .note }, "\(output.diagnostics)")
        let read = try reader.read(output.xml)
        #expect(read.timeExpressions.map(\.id) == ["t1"])
        #expect(read.events.map(\.id) == ["e2", "e1", "e3"])
        #expect(read.events.map(\.instanceID) == ["ei1", "ei2", ""])
        // Both relations name ei1, the first event with it ("fell"), and t0, the DCT.
        #expect(read.relations.map(\.id) == ["l1", "l2"])
        #expect(read.relations.allSatisfy { $0.source == .event(instanceID: "ei1") && $0.target == .creationTime })
    }

    // Skipped (not silently passed) when ../shared/data is not next to the package.
    @Test(.enabled(if: SharedData.isAvailable, "needs the TempEval-3 data in ../shared/data next to the package"))
    func roundTripsEveryGoldFile() throws {
        var events = 0, relations = 0
        for file in try SharedData.timeMLFiles() {
            let gold = try reader.read(contentsOf: file)
            #expect(gold.diagnostics.isEmpty, "\(file.lastPathComponent): \(gold.diagnostics.prefix(3))")
            let output = writer.write(gold)
            #expect(output.diagnostics.isEmpty, "\(file.lastPathComponent): \(output.diagnostics.prefix(3))")
            let again = try reader.read(output.xml)
            #expect(again.diagnostics.isEmpty, "\(file.lastPathComponent): \(again.diagnostics.prefix(3))")
            #expect(again.text == gold.text, "\(file.lastPathComponent)")
            for difference in [
                firstDifference(again.timeExpressions, gold.timeExpressions), firstDifference(again.events, gold.events),
                firstDifference(again.relations, gold.relations),
            ] {
                #expect(difference == nil, "\(file.lastPathComponent): \(difference ?? "")")
            }
            events += gold.events.count
            relations += gold.relations.count
        }
        // 11,129 EVENT elements in TEXT, three of them with two instances; 11,115 TLINKs, none dangling.
        #expect(events == 11_132)
        #expect(relations == 11_115)
    }

    /// The first element where the arrays differ, described, or `nil` when they are equal.
    func firstDifference<T: Equatable>(_ read: [T], _ expected: [T]) -> String? {
        guard read != expected else { return nil }
        guard let index = read.indices.first(where: { $0 < expected.count && read[$0] != expected[$0] }) else {
            return "\(read.count) elements instead of \(expected.count)"
        }
        return "at \(index): \(read[index]) instead of \(expected[index])"
    }
}
