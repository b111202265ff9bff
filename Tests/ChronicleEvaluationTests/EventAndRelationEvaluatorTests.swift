import ChronicleCore
import ChronicleFormats
import Foundation
import Testing

@testable import ChronicleEvaluation

/// The span of the n-th occurrence (from 0) of `needle` in `text`.
func span(of needle: String, in text: String, occurrence: Int = 0) -> TextSpan {
    let scalars = Array(text.unicodeScalars), pattern = Array(needle.unicodeScalars)
    var seen = 0
    for start in 0...(scalars.count - pattern.count) where Array(scalars[start..<start + pattern.count]) == pattern {
        if seen == occurrence { return TextSpan(start: start, end: start + pattern.count) }
        seen += 1
    }
    fatalError("\(needle) not in \(text)")
}

/// An event on the first occurrence of `needle`, with instance id `ei` + its id's number.
func event(
    _ needle: String, in text: String, id: String, instance: String? = nil, _ eventClass: Event.Class = .occurrence,
    tense: Event.Tense = .none, modality: String? = nil, pos: Event.PartOfSpeech = .verb
) -> Event {
    Event(
        id: id, instanceID: instance ?? "ei" + id.dropFirst(), span: span(of: needle, in: text), text: needle, lemma: "",
        eventClass: eventClass, tense: tense, modality: modality, partOfSpeech: pos)
}

func relation(_ id: String, _ source: String, _ type: TemporalRelation.RelationType, _ target: String) -> TemporalRelation {
    func endpoint(_ name: String) -> TemporalRelation.Endpoint {
        name.hasPrefix("t") ? .time(id: name) : .event(instanceID: name)
    }
    return TemporalRelation(id: id, source: endpoint(source), target: endpoint(target), type: type)
}

@Suite("EventEvaluator")
struct EventEvaluatorTests {
    static let sentence = "The mayor said the harbour closed and would reopen soon after the storm."

    /// Gold: said, closed, reopen, storm ("said" has two instances, counted once).
    /// System: said (strict, all right), "harbour closed" (relaxed, all right), "would reopen" (relaxed;
    /// tense and modality wrong), soon (spurious); storm is missed.
    static let handComputed: EvaluationPair = {
        let text = sentence
        let gold = [
            event("said", in: text, id: "e1", .reporting, tense: .past),
            event("said", in: text, id: "e1", instance: "ei9", .reporting, tense: .past),
            event("closed", in: text, id: "e2", tense: .past),
            event("reopen", in: text, id: "e3", tense: .infinitive, modality: "would"),
            event("storm", in: text, id: "e4", pos: .noun),
        ]
        let system = [
            event("said", in: text, id: "e1", .reporting, tense: .past),
            event("harbour closed", in: text, id: "e2", tense: .past),
            event("would reopen", in: text, id: "e3", tense: .future),
            event("soon", in: text, id: "e4"),
        ]
        return EvaluationPair(
            name: "harbour.tml", gold: AnnotatedText(text: text, timeExpressions: [], events: gold),
            system: AnnotatedText(text: text, timeExpressions: [], events: system))
    }()

    @Test func scoresAHandComputedCase() throws {
        let evaluation = EventEvaluator().evaluate([Self.handComputed])
        let counts = evaluation.counts
        #expect(counts == EventCounts(
            gold: 4, system: 4, strictMatches: 1, relaxedMatches: 3,
            correct: [.eventClass: 3, .tense: 2, .aspect: 3, .polarity: 3, .modality: 2, .partOfSpeech: 3]))
        // strict: 1 of 4 system, 1 of 4 gold
        expectClose(counts.strict.precision, 0.25)
        expectClose(counts.strict.f1, 0.25)
        // relaxed: 3 of 4 both ways
        expectClose(counts.relaxed.f1, 0.75)
        // class: 3 right over 4 system and 4 gold events, 3 of 3 relaxed matches
        expectClose(counts.scores(for: .eventClass).f1, 0.75)
        expectClose(counts.accuracy(of: .eventClass), 1)
        // tense: 2 right
        expectClose(counts.scores(for: .tense).precision, 0.5)
        expectClose(counts.scores(for: .tense).recall, 0.5)
        expectClose(counts.accuracy(of: .tense), 2.0 / 3)
    }

    @Test func listsErrorsInTextOrder() throws {
        let result = try EventEvaluator(contextWidth: 5).evaluate(Self.handComputed).get()
        #expect(result.errors.map(\.kind) == [.extent, .extent, .tense, .modality, .spurious, .missed])
        #expect(result.errors[0].system?.text == "harbour closed")
        #expect(result.errors[3].gold?.modality == "would")
        #expect(result.errors[3].system?.modality == nil)
        #expect(result.errors[5].gold?.text == "storm")
        #expect(result.errors[5].context == "… the [storm].")
        #expect(ErrorListingRenderer().render(result.errors) == """
            event errors: 1 missed, 1 spurious, 2 extent, 0 class, 1 tense, 0 aspect, 0 polarity, 1 modality, 0 pos
            harbour.tml: extent: gold 27-33 "closed" OCCURRENCE PAST NONE POS VERB | system 19-33 "harbour closed" OCCURRENCE PAST NONE POS VERB | … the [harbour closed] and …
            harbour.tml: extent: gold 44-50 "reopen" OCCURRENCE INFINITIVE NONE POS VERB modality=would | system 38-50 "would reopen" OCCURRENCE FUTURE NONE POS VERB | … and [would reopen] soon…
            harbour.tml: tense: gold 44-50 "reopen" OCCURRENCE INFINITIVE NONE POS VERB modality=would | system 38-50 "would reopen" OCCURRENCE FUTURE NONE POS VERB | … and [would reopen] soon…
            harbour.tml: modality: gold 44-50 "reopen" OCCURRENCE INFINITIVE NONE POS VERB modality=would | system 38-50 "would reopen" OCCURRENCE FUTURE NONE POS VERB | … and [would reopen] soon…
            harbour.tml: spurious: system 51-55 "soon" OCCURRENCE NONE NONE POS VERB | …open [soon] afte…
            harbour.tml: missed: gold 66-71 "storm" OCCURRENCE NONE NONE POS NOUN | … the [storm].

            """)
    }

    @Test func scoresHandWrittenTimeML() throws {
        let text = #"Rain <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> and the river <EVENT eid="e2" class="OCCURRENCE">rose</EVENT>."#
        let gold = try TimeMLReader().read(Snippet.document(text, instances: [("e1", "ei1", "PAST"), ("e2", "ei2", "PAST")]))
        let systemText = #"Rain <EVENT eid="e1" class="STATE">fell</EVENT> and the <EVENT eid="e7" class="OCCURRENCE">river rose</EVENT>."#
        let system = try TimeMLReader().read(Snippet.document(systemText, instances: [("e1", "ei1", "PAST"), ("e7", "ei7", "PRESENT")]))
        let counts = EventEvaluator().evaluate([EvaluationPair(name: "river", gold: AnnotatedText(gold), system: AnnotatedText(system))]).counts
        #expect(counts == EventCounts(
            gold: 2, system: 2, strictMatches: 1, relaxedMatches: 2,
            correct: [.eventClass: 1, .tense: 1, .aspect: 2, .polarity: 2, .modality: 2, .partOfSpeech: 2]))
    }

    @Test func refusesDifferentTextsAndHandlesEmptyCorpora() {
        let pair = EvaluationPair(
            name: "changed", gold: AnnotatedText(text: "a", timeExpressions: []), system: AnnotatedText(text: "b", timeExpressions: []))
        let evaluation = EventEvaluator().evaluate([pair])
        #expect(evaluation.failures.map(\.name) == ["changed"])
        #expect(evaluation.counts == EventCounts())
        #expect(evaluation.counts.relaxed.f1 == 0)
        #expect(TemporalAwarenessEvaluator().evaluate([pair]).failures.count == 1)
    }
}

/// Hand-written TimeML with a DCT and the given `MAKEINSTANCE`s and `TLINK`s.
enum Snippet {
    static func document(
        _ text: String, instances: [(event: String, instance: String, tense: String)], links: [String] = []
    ) -> String {
        var xml = """
            <TimeML>
            <DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-29" functionInDocument="CREATION_TIME">2015-10-29</TIMEX3></DCT>
            <TEXT>\(text)</TEXT>

            """
        for (event, instance, tense) in instances {
            xml += #"<MAKEINSTANCE eventID="\#(event)" eiid="\#(instance)" tense="\#(tense)" aspect="NONE" polarity="POS" pos="VERB" />"# + "\n"
        }
        for link in links { xml += link + "\n" }
        return xml + "</TimeML>\n"
    }
}

@Suite("TemporalAwarenessEvaluator")
struct TemporalAwarenessTests {
    static let text = "Alpha Bravo Charlie Delta Echo."

    /// Five events A..E (instances eiA..eiE would be clearer, but TimeML's ei1.. are used: A = ei1, ..., E = ei5).
    static func annotation(_ relations: [TemporalRelation]) -> AnnotatedText {
        let events = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"].enumerated().map { index, word in
            event(word, in: text, id: "e\(index + 1)")
        }
        return AnnotatedText(text: text, timeExpressions: [], events: events, relations: relations, creationTimeID: "t0")
    }

    /// Gold: A BEFORE B, B BEFORE C, C INCLUDES D, D BEFORE E (Ref⁻ is all four; Ref⁺ adds A < C, A < D, B < D, ...).
    /// System: A BEFORE C, C INCLUDES D, A BEFORE D, B SIMULTANEOUS D.
    ///
    /// - Sys⁻: A BEFORE D goes (A⁺ < C⁻ < D⁻); the other three stay. Ref⁺ verifies A BEFORE C and C INCLUDES D
    ///   but not B SIMULTANEOUS D (gold: B BEFORE D). Precision = 2/3.
    /// - Sys⁺: B = D inside C gives C⁻ < B⁻, so with A⁺ < C⁻: A BEFORE B is recovered; B BEFORE C is not;
    ///   C INCLUDES D is; D BEFORE E is not (the system says nothing of E). Recall = 2/4.
    /// - F1 = 2 · (2/3) · (1/2) / (2/3 + 1/2) = 4/7.
    @Test func scoresAHandComputedCase() throws {
        let gold = Self.annotation([
            relation("l1", "ei1", .before, "ei2"), relation("l2", "ei2", .before, "ei3"),
            relation("l3", "ei3", .includes, "ei4"), relation("l4", "ei4", .before, "ei5"),
        ])
        let system = Self.annotation([
            relation("l1", "ei1", .before, "ei3"), relation("l2", "ei3", .includes, "ei4"),
            relation("l3", "ei1", .before, "ei4"), relation("l4", "ei2", .simultaneous, "ei4"),
        ])
        let result = try TemporalAwarenessEvaluator().evaluate(EvaluationPair(name: "abc", gold: gold, system: system)).get()
        #expect(result.counts == TemporalAwarenessCounts(system: 3, verified: 2, gold: 4, recovered: 2))
        expectClose(result.counts.scores.precision, 2.0 / 3)
        expectClose(result.counts.scores.recall, 0.5)
        expectClose(result.counts.scores.f1, 4.0 / 7)
        #expect(result.errors.map(\.kind) == [.missed, .missed, .unverified])
        #expect(result.errors.map(\.relation.id) == ["l2", "l4", "l4"])
        #expect(result.errors[0].counterpart == .isIncluded)  // the system puts B (= D) inside C
        #expect(result.errors[2].counterpart == .before)  // gold: B BEFORE D
        #expect(result.errors[2].sourceText == "Bravo")
    }

    /// End to end: the system's events and time are not the gold ones.
    ///
    /// Gold: "left" (ei1), "arrived" (ei2), "Monday" (t1), DCT t0; ei1 BEFORE ei2, ei1 IS_INCLUDED t1, ei2 BEFORE t0.
    /// System: "left" (ei10, strict match with ei1), "arrived home" (ei20, overlaps "arrived": ei2), "stayed"
    /// (ei30, no gold event), "Monday" (t5: t1), DCT t0; ei10 BEFORE ei20, ei10 IS_INCLUDED t5, ei30 AFTER ei20,
    /// ei20 AFTER t0.
    ///
    /// - Renamed: ei1 BEFORE ei2 and ei1 IS_INCLUDED t1 (both verified), ei2 AFTER t0 (not: gold says BEFORE);
    ///   ei30 AFTER ei20 is unaligned. Precision = 2 / (3 + 1) = 1/2.
    /// - Recall: ei1 BEFORE ei2 and ei1 IS_INCLUDED t1 recovered, ei2 BEFORE t0 not: 2/3.
    /// - F1 = 2 · (1/2) · (2/3) / (1/2 + 2/3) = 4/7.
    @Test func alignsSystemEntitiesByExtent() throws {
        let text = "They left on Monday, stayed, and arrived home."
        let timex = { (id: String) in
            TimeExpression(id: id, span: span(of: "Monday", in: text), text: "Monday", kind: .date, value: "2015-10-26")
        }
        let gold = AnnotatedText(
            text: text, timeExpressions: [timex("t1")],
            events: [event("left", in: text, id: "e1"), event("arrived", in: text, id: "e2")],
            relations: [relation("l1", "ei1", .before, "ei2"), relation("l2", "ei1", .isIncluded, "t1"), relation("l3", "ei2", .before, "t0")],
            creationTimeID: "t0")
        let system = AnnotatedText(
            text: text, timeExpressions: [timex("t5")],
            events: [event("left", in: text, id: "e10"), event("stayed", in: text, id: "e30"), event("arrived home", in: text, id: "e20")],
            relations: [
                relation("l1", "ei10", .before, "ei20"), relation("l2", "ei10", .isIncluded, "t5"),
                relation("l3", "ei30", .after, "ei20"), relation("l4", "ei20", .after, "t0"),
            ],
            creationTimeID: "t0")
        let result = try TemporalAwarenessEvaluator().evaluate(EvaluationPair(name: "trip", gold: gold, system: system)).get()
        #expect(result.counts == TemporalAwarenessCounts(system: 4, verified: 2, gold: 3, recovered: 2, unaligned: 1))
        expectClose(result.counts.scores.f1, 4.0 / 7)
        #expect(ErrorListingRenderer().render(result.errors) == """
            TLINK errors: 1 missed, 1 unverified, 1 unaligned, 0 inconsistent
            trip: missed: gold l3 ei2 "arrived" BEFORE t0 "DCT" | system: AFTER
            trip: unverified: system l4 ei20 "arrived home" AFTER t0 "DCT" | gold: BEFORE
            trip: unaligned: system l3 ei30 "stayed" AFTER ei20 "arrived home" | no gold counterpart for an endpoint

            """)
    }

    @Test func leavesContradictionsOutOfEveryCount() throws {
        let relations = [relation("l1", "ei1", .before, "ei2"), relation("l2", "ei2", .before, "ei1"), relation("l3", "ei3", .after, "ei3")]
        let pair = EvaluationPair(name: "loop", gold: Self.annotation(relations), system: Self.annotation(relations))
        let result = try TemporalAwarenessEvaluator().evaluate(pair).get()
        #expect(result.counts == TemporalAwarenessCounts(system: 1, verified: 1, gold: 1, recovered: 1, systemInconsistent: 2, goldInconsistent: 2))
        #expect(result.counts.scores.f1 == 1)
        #expect(result.errors.map(\.kind) == [.inconsistent, .inconsistent, .inconsistent, .inconsistent])
        #expect(result.errors.map(\.annotator) == [.gold, .gold, .system, .system])
    }

    @Test func scoresHandWrittenTimeMLAndRendersIt() throws {
        let text = #"Rain <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2015-10-26">Monday</TIMEX3>."#
        let gold = try TimeMLReader().read(Snippet.document(text, instances: [("e1", "ei1", "PAST")], links: [
            #"<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />"#,
            #"<TLINK lid="l2" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />"#,
        ]))
        let system = try TimeMLReader().read(Snippet.document(text, instances: [("e1", "ei1", "PAST")], links: [
            #"<TLINK lid="l1" relType="DURING" eventInstanceID="ei1" relatedToTime="t1" />"#,
            #"<TLINK lid="l2" relType="AFTER" timeID="t0" relatedToEventInstance="ei1" />"#,
        ]))
        let evaluation = TemporalAwarenessEvaluator().evaluate([EvaluationPair(name: "rain", gold: AnnotatedText(gold), system: AnnotatedText(system))])
        // DURING is SIMULTANEOUS, not IS_INCLUDED: 1 of 2 each way.
        #expect(evaluation.counts == TemporalAwarenessCounts(system: 2, verified: 1, gold: 2, recovered: 1))
        #expect(EvaluationTableRenderer().render(evaluation) == """
            TempEval-3 temporal awareness (TLINK): 1 document scored

                                precision  recall      F1
            temporal awareness     0.5000  0.5000  0.5000

            system 2 (reduced, 0 unaligned), verified 1; gold 2 (reduced), recovered 1; left out as inconsistent: system 0, gold 0

            """)
        let json = EvaluationJSONRenderer(style: .compact, includesErrors: true).render(evaluation)
        #expect(json.hasPrefix(#"{"documents":1,"counts":{"system":2,"verified":1,"gold":2,"recovered":1,"unaligned":0,"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.map { $0["kind"] as? String } == ["missed", "unverified"])
        #expect(errors[1]["counterpart"] as? String == "IS_INCLUDED")
    }
}

@Suite("Event and TLINK renderers")
struct EventRendererTests {
    @Test func rendersTheEventTableAndJSON() throws {
        let evaluation = EventEvaluator().evaluate([EventEvaluatorTests.handComputed])
        #expect(EvaluationTableRenderer().render(evaluation) == """
            TempEval-3 Task B (events): 1 document scored

                           precision  recall      F1  accuracy
            strict match      0.2500  0.2500  0.2500
            relaxed match     0.7500  0.7500  0.7500
            class             0.7500  0.7500  0.7500    1.0000
            tense             0.5000  0.5000  0.5000    0.6667
            aspect            0.7500  0.7500  0.7500    1.0000
            polarity          0.7500  0.7500  0.7500    1.0000
            modality          0.5000  0.5000  0.5000    0.6667
            pos               0.7500  0.7500  0.7500    1.0000

            gold 4, system 4, strict matches 1, relaxed matches 3; correct class 3, tense 2, aspect 3, polarity 3, modality 2, pos 3

            """)
        let json = EvaluationJSONRenderer(style: .compact, includesErrors: true).render(evaluation)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let attributes = try #require(object["attributes"] as? [String: [String: Double]])
        #expect(attributes["tense"]?["f1"] == 0.5)
        #expect(Set(attributes.keys) == ["class", "tense", "aspect", "polarity", "modality", "pos"])
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.count == 6)
        let gold = try #require(errors[3]["gold"] as? [String: Any])
        #expect(gold["modality"] as? String == "would")
        #expect((errors[3]["system"] as? [String: Any])?["modality"] is NSNull)
    }
}
