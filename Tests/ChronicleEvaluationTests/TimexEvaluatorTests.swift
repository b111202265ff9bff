import ChronicleCore
import ChronicleFormats
import Foundation
import Testing

@testable import ChronicleEvaluation

/// Builds annotations by finding expression texts in a sentence (the n-th occurrence, from 0).
func annotate(_ text: String, _ expressions: [(String, TimeExpression.Kind, String)], occurrences: [Int] = []) -> AnnotatedText {
    let scalars = Array(text.unicodeScalars)
    var timexes: [TimeExpression] = []
    for (index, (needle, kind, value)) in expressions.enumerated() {
        let pattern = Array(needle.unicodeScalars)
        let wanted = index < occurrences.count ? occurrences[index] : 0
        var seen = 0
        var found: TextSpan?
        for start in 0...(scalars.count - pattern.count) where Array(scalars[start..<start + pattern.count]) == pattern {
            if seen == wanted {
                found = TextSpan(start: start, end: start + pattern.count)
                break
            }
            seen += 1
        }
        guard let span = found else { fatalError("\(needle) not in \(text)") }
        timexes.append(TimeExpression(id: "t\(index + 1)", span: span, text: needle, kind: kind, value: value))
    }
    return AnnotatedText(text: text, timeExpressions: timexes)
}

func expectClose(_ actual: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) < 1e-12, "\(actual) is not \(expected)", sourceLocation: sourceLocation)
}

@Suite("TimexEvaluator")
struct TimexEvaluatorTests {
    let evaluator = TimexEvaluator()
    static let sentence = "The mill closed on Monday after last week's storm; it had run for two years until noon."

    /// 3 gold, 3 system: 1 strict match, 2 relaxed matches, 2 types right, 1 value right.
    static let handComputed = EvaluationPair(
        name: "mill.tml",
        gold: annotate(sentence, [
            ("Monday", .date, "2015-10-26"), ("last week", .date, "2015-W43"), ("two years", .duration, "P2Y"),
        ]),
        system: annotate(sentence, [
            ("Monday", .date, "2015-10-26"), ("week", .date, "2015-W44"), ("noon", .time, "2015-10-29T12:00"),
        ]))

    @Test func scoresAHandComputedCase() throws {
        let evaluation = evaluator.evaluate([Self.handComputed])
        let counts = evaluation.counts
        #expect(counts == TimexCounts(gold: 3, system: 3, strictMatches: 1, relaxedMatches: 2, correctType: 2, correctValue: 1))
        // strict: P = 1/3, R = 1/3, F1 = 1/3
        expectClose(counts.strict.precision, 1.0 / 3)
        expectClose(counts.strict.recall, 1.0 / 3)
        expectClose(counts.strict.f1, 1.0 / 3)
        // relaxed: P = R = F1 = 2/3
        expectClose(counts.relaxed.precision, 2.0 / 3)
        expectClose(counts.relaxed.recall, 2.0 / 3)
        expectClose(counts.relaxed.f1, 2.0 / 3)
        // type: 2 correct of 3 system, 3 gold; accuracy 2 of 2 relaxed matches
        expectClose(counts.type.f1, 2.0 / 3)
        expectClose(counts.typeAccuracy, 1)
        // value: 1 correct of 3 system, 3 gold; accuracy 1 of 2 relaxed matches
        expectClose(counts.value.precision, 1.0 / 3)
        expectClose(counts.value.recall, 1.0 / 3)
        expectClose(counts.value.f1, 1.0 / 3)
        expectClose(counts.valueAccuracy, 0.5)
        #expect(evaluation.failures.isEmpty)
    }

    @Test func scoresUnequalCounts() throws {
        // 4 gold, 2 system: "Monday" strict with the right value; "the week" overlaps "last week" with the wrong type.
        let sentence = "On Monday and last week, and in 1998 and 2001, nothing."
        let pair = EvaluationPair(
            name: "unequal",
            gold: annotate(sentence, [("Monday", .date, "X1"), ("last week", .date, "W"), ("1998", .date, "1998"), ("2001", .date, "2001")]),
            system: annotate(sentence, [("Monday", .date, "X1"), ("week", .duration, "W")]))
        let counts = evaluator.evaluate([pair]).counts
        #expect(counts == TimexCounts(gold: 4, system: 2, strictMatches: 1, relaxedMatches: 2, correctType: 1, correctValue: 2))
        // strict P = 1/2, R = 1/4, F1 = 2 * 1/8 / 3/4 = 1/3
        expectClose(counts.strict.precision, 0.5)
        expectClose(counts.strict.recall, 0.25)
        expectClose(counts.strict.f1, 1.0 / 3)
        // relaxed P = 1, R = 1/2, F1 = 2/3
        expectClose(counts.relaxed.f1, 2.0 / 3)
        // type P = 1/2, R = 1/4; value P = 1, R = 1/2
        expectClose(counts.type.f1, 1.0 / 3)
        expectClose(counts.value.precision, 1)
        expectClose(counts.value.recall, 0.5)
        expectClose(counts.typeAccuracy, 0.5)
        expectClose(counts.valueAccuracy, 1)
    }

    @Test func addsCountsOverDocumentsBeforeDividing() throws {
        let perfect = EvaluationPair(
            name: "perfect", gold: annotate("Now.", [("Now", .date, "PRESENT_REF")]), system: annotate("Now.", [("Now", .date, "PRESENT_REF")]))
        let evaluation = evaluator.evaluate([Self.handComputed, perfect])
        #expect(evaluation.documents.map(\.name) == ["mill.tml", "perfect"])
        #expect(evaluation.counts == TimexCounts(gold: 4, system: 4, strictMatches: 2, relaxedMatches: 3, correctType: 3, correctValue: 2))
        expectClose(evaluation.counts.strict.f1, 0.5)
        expectClose(evaluation.counts.relaxed.f1, 0.75)
    }

    @Test func trimsWhiteSpaceBeforeComparingExtents() throws {
        let text = "Rain on Monday , then sun."
        var system = annotate(text, [("Monday ", .date, "D")])
        system.timeExpressions[0].span = TextSpan(start: 7, end: 15)  // " Monday " with both spaces
        let pair = EvaluationPair(name: "trim", gold: annotate(text, [("Monday", .date, "D")]), system: system)
        let counts = evaluator.evaluate([pair]).counts
        #expect(counts.strictMatches == 1)
        #expect(counts.relaxedMatches == 1)
    }

    @Test func matchesOneToOne() throws {
        let text = "They met Monday morning and left."
        let pair = EvaluationPair(
            name: "one-to-one",
            gold: annotate(text, [("Monday morning", .time, "TMO")]),
            system: annotate(text, [("Monday", .date, "D"), ("morning", .time, "TMO")]))
        let result = try evaluator.evaluate(pair).get()
        #expect(result.counts == TimexCounts(gold: 1, system: 2, strictMatches: 0, relaxedMatches: 1, correctType: 0, correctValue: 0))
        #expect(result.errors.map(\.kind) == [.extent, .type, .value, .spurious])
        #expect(result.errors[0].system?.text == "Monday")
        #expect(result.errors[3].system?.text == "morning")
    }

    @Test func prefersStrictMatchesThenGoesLeftToRight() throws {
        // Gold A = "early May", B = "May 5"; system X = "May" (overlaps A only), Y = "May 5" (identical to B).
        let text = "From early May to May 5."
        let pair = EvaluationPair(
            name: "order",
            gold: annotate(text, [("early May", .date, "A"), ("May 5", .date, "B")]),
            system: annotate(text, [("May", .date, "A"), ("May 5", .date, "B")], occurrences: [0, 0]))
        let result = try evaluator.evaluate(pair).get()
        #expect(result.counts == TimexCounts(gold: 2, system: 2, strictMatches: 1, relaxedMatches: 2, correctType: 2, correctValue: 2))
        #expect(result.errors.map(\.kind) == [.extent])
    }

    @Test func refusesToScoreDifferentTexts() throws {
        let pair = EvaluationPair(
            name: "changed.tml",
            gold: annotate("It rained on Monday.", [("Monday", .date, "D")]),
            system: annotate("It rained on Tuesday.", [("Tuesday", .date, "D")]))
        let evaluation = evaluator.evaluate([pair, Self.handComputed])
        #expect(evaluation.documents.map(\.name) == ["mill.tml"])
        #expect(evaluation.failures.count == 1)
        let failure = try #require(evaluation.failures.first)
        #expect(failure.name == "changed.tml")
        #expect(failure.message.contains("differ"))
        #expect(failure.message.contains("scalar 13"))
        #expect(evaluation.counts.gold == 3)
    }

    @Test func listsErrorsWithContext() throws {
        let result = try evaluator.evaluate(Self.handComputed).get()
        #expect(result.errors.map(\.kind) == [.extent, .value, .missed, .spurious])
        let extent = result.errors[0]
        #expect(extent.document == "mill.tml")
        #expect(extent.gold?.text == "last week")
        #expect(extent.system?.text == "week")
        #expect(extent.context == "…e mill closed on Monday after [last week]'s storm; it had run for two y…")
        let missed = result.errors[2]
        #expect(missed.gold?.value == "P2Y")
        #expect(missed.system == nil)
        #expect(result.errors[3].gold == nil)
        #expect(result.errors[3].system?.text == "noon")
        #expect(result.errors[3].context.hasSuffix("for two years until [noon]."))
    }

    @Test func handlesEmptyCorpora() {
        let evaluation = evaluator.evaluate([])
        #expect(evaluation.counts == TimexCounts())
        #expect(evaluation.counts.strict.f1 == 0)
        #expect(evaluation.counts.typeAccuracy == 0)
        let nothing = EvaluationPair(name: "n", gold: annotate("Calm.", []), system: annotate("Calm.", []))
        #expect(evaluator.evaluate([nothing]).counts.relaxed.precision == 0)
    }
}

@Suite("Evaluation renderers")
struct EvaluationRendererTests {
    @Test func rendersAnAlignedTable() {
        let evaluation = TimexEvaluator().evaluate([TimexEvaluatorTests.handComputed])
        #expect(EvaluationTableRenderer().render(evaluation) == """
            TempEval-3 Task A (timex): 1 document scored

                           precision  recall      F1  accuracy
            strict match      0.3333  0.3333  0.3333
            relaxed match     0.6667  0.6667  0.6667
            type              0.6667  0.6667  0.6667    1.0000
            value             0.3333  0.3333  0.3333    0.5000

            gold 3, system 3, strict matches 1, relaxed matches 2, correct type 2, correct value 1

            """)
    }

    @Test func formatsRatios() {
        #expect(EvaluationTableRenderer.format(1) == "1.0000")
        #expect(EvaluationTableRenderer.format(0) == "0.0000")
        #expect(EvaluationTableRenderer.format(0.84713) == "0.8471")
        #expect(EvaluationTableRenderer.format(0.00005) == "0.0001")
        #expect(EvaluationTableRenderer.format(0.99996) == "1.0000")
    }

    @Test func rendersTheErrorListing() {
        let evaluation = TimexEvaluator(contextWidth: 8).evaluate([TimexEvaluatorTests.handComputed])
        #expect(ErrorListingRenderer().render(evaluation) == """
            errors: 1 missed, 1 spurious, 1 extent, 0 type, 1 value
            mill.tml: extent: gold 32-41 "last week" DATE 2015-W43 | system 37-41 "week" DATE 2015-W44 | …y after [last week]'s storm…
            mill.tml: value: gold 32-41 "last week" DATE 2015-W43 | system 37-41 "week" DATE 2015-W44 | …y after [last week]'s storm…
            mill.tml: missed: gold 66-75 "two years" DURATION P2Y | …run for [two years] until n…
            mill.tml: spurious: system 82-86 "noon" TIME 2015-10-29T12:00 | …s until [noon].

            """)
    }

    @Test func rendersJSON() throws {
        let failing = EvaluationPair(name: "bad", gold: annotate("a", []), system: annotate("b", []))
        let evaluation = TimexEvaluator().evaluate([TimexEvaluatorTests.handComputed, failing])
        let json = EvaluationJSONRenderer(style: .compact, includesErrors: true).render(evaluation)
        #expect(json.hasPrefix(#"{"documents":1,"counts":{"gold":3,"system":3,"strictMatches":1,"relaxedMatches":2,"correctType":2,"correctValue":1},"strict":{"precision":0.3333333333333333,"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let value = try #require(object["value"] as? [String: Double])
        #expect(value["accuracy"] == 0.5)
        let failures = try #require(object["failures"] as? [[String: String]])
        #expect(failures.first?["document"] == "bad")
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.count == 4)
        #expect(errors[2]["system"] is NSNull)

        let withoutErrors = EvaluationJSONRenderer().render(evaluation)
        #expect(!withoutErrors.contains("\"errors\""))
        #expect(withoutErrors.contains("\n  \"strict\": {\n    \"precision\": "))
    }
}
