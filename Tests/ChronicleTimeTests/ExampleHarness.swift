// The harness for the hand-written example corpus.
//
// Every example is one phrase in news style (written for this corpus, not taken from any
// source), an optional document creation time (DCT), and the exact list of TIMEX3 the
// tagger must find in it. An example with no expected expression must say so explicitly
// with `nothing(...)`; `ex(...)` requires at least one expectation.
//
//     ex("The vigil begins at 7 p.m.", "2015-10-28", .time("7 p.m.", "2015-10-28T19:00")),
//     ex("Profit fell in the third quarter.", "2015-10-28", .date("the third quarter", "2015-Q3")),
//     ex("Talks lasted nearly three years.", "2015-10-28", .duration("nearly three years", "P3Y", .lessThan)),
//     ex("The board meets twice a week.", "2015-10-28", .set("twice a week", "P1W", freq: "2X")),
//     nothing("Officials may decide to delay the vote.", "2015-10-28"),
//
// `tagging(_:)` tags the phrase and compares: every expected expression must be found
// with exactly that text, type, value, mod, freq and quant (an attribute left out of the
// expectation must be absent from the result), and no other expression may be found.
// Each corpus test asserts that they agree; a failure is reported at the line of the example and shows the phrase, the DCT, the
// expected and the actual expressions, and each difference.

import ChronicleCore
import ChronicleTime
import Testing

/// One expected TIMEX3.
struct Timex: Hashable, Sendable, CustomStringConvertible {
    var text: String
    var kind: TimeExpression.Kind
    var value: String
    var mod: TimeExpression.Modifier? = nil
    var freq: String? = nil
    var quant: String? = nil

    static func date(_ text: String, _ value: String, _ mod: TimeExpression.Modifier? = nil) -> Timex {
        Timex(text: text, kind: .date, value: value, mod: mod)
    }

    static func time(_ text: String, _ value: String, _ mod: TimeExpression.Modifier? = nil) -> Timex {
        Timex(text: text, kind: .time, value: value, mod: mod)
    }

    static func duration(_ text: String, _ value: String, _ mod: TimeExpression.Modifier? = nil) -> Timex {
        Timex(text: text, kind: .duration, value: value, mod: mod)
    }

    static func set(_ text: String, _ value: String, freq: String? = nil, quant: String? = nil) -> Timex {
        Timex(text: text, kind: .set, value: value, freq: freq, quant: quant)
    }

    var description: String {
        describeTimex(text: text, kind: kind, value: value, mod: mod, freq: freq, quant: quant)
    }
}

/// One example of the corpus.
struct Example: Sendable, CustomTestStringConvertible {
    /// The text given to the tagger.
    var phrase: String
    /// The DCT as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or `nil` for a document without one.
    var dct: String?
    /// Everything the tagger must find, in text order.
    var expected: [Timex]
    /// Diagnostics the tagger must report (by code), e.g. `.impossibleDate`.
    var warnings: [Diagnostic.Code]
    /// Where the example is written: failures are reported there.
    var sourceLocation: SourceLocation
    /// Set when the tagger is known to get this example wrong, and why. The example is still run:
    /// its failure is reported as a known issue, and the day it passes, Swift Testing reports that
    /// the known issue did not occur, so the marker gets removed.
    var knownLimitation: String?
    /// The kind of text the tagger is told the phrase is (``TemporalTagger/Genre/auto`` unless forced).
    var genre: TemporalTagger.Genre = .auto

    /// The same example, tagged as the given kind of text (`--genre`).
    func genre(_ genre: TemporalTagger.Genre) -> Example {
        var copy = self
        copy.genre = genre
        return copy
    }

    /// The same example, marked as a known limitation of the tagger.
    func knownLimitation(_ reason: String) -> Example {
        var copy = self
        copy.knownLimitation = reason
        return copy
    }

    var testDescription: String {
        "\"\(phrase)\" [\(dct.map { "DCT \($0)" } ?? "no DCT")]"
    }
}

/// The DCT argument of examples that have none.
let noDCT: String? = nil

/// An example in which exactly the listed expressions must be found.
func ex(
    _ phrase: String, _ dct: String?, _ expected: Timex..., warns warnings: [Diagnostic.Code] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) -> Example {
    Example(phrase: phrase, dct: dct, expected: expected, warnings: warnings, sourceLocation: sourceLocation)
}

/// An example in which no time expression at all may be found.
func nothing(
    _ phrase: String, _ dct: String?, warns warnings: [Diagnostic.Code] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) -> Example {
    Example(phrase: phrase, dct: dct, expected: [], warnings: warnings, sourceLocation: sourceLocation)
}

private let taggers = Dictionary(uniqueKeysWithValues: TemporalTagger.Genre.allCases.map {
    ($0, TemporalTagger(options: TemporalTagger.Options(genre: $0)))
})

/// What the tagger found for an example, against what the example expects.
struct TaggingOutcome {
    /// Every difference; empty when the tagger agrees with the example.
    var problems: [String]
    /// The phrase, the DCT, the expected and actual expressions and the problems, for the failure message.
    var report: Comment

    var agrees: Bool { problems.isEmpty }
}

/// Tags the example's phrase and lists every difference from what it expects. Each corpus test asserts
/// `tagging(example).agrees` (inside `allowingKnownLimitation`), so a failure is reported at the example's line.
func tagging(_ example: Example) -> TaggingOutcome {
    var creationTime: CreationTime?
    if let dct = example.dct {
        guard let parsed = CreationTime(parsing: dct) else {
            let problem = "Malformed DCT \"\(dct)\" in the example itself"
            return TaggingOutcome(problems: [problem], report: Comment(rawValue: problem))
        }
        creationTime = parsed
    }

    let document = taggers[example.genre]!.tag(example.phrase, creationTime: creationTime)
    let actual = document.timeExpressions.sorted { $0.span < $1.span }
    var problems: [String] = []

    // Pair each expected expression with the first unused actual one that has the same text.
    var unused = Array(actual.indices)
    for expected in example.expected {
        guard let position = unused.firstIndex(where: { actual[$0].text == expected.text }) else {
            let overlapping = unused.filter { actual[$0].text.contains(expected.text) || expected.text.contains(actual[$0].text) }
            let hint = overlapping.isEmpty ? "" : " (overlapping: \(overlapping.map { "\"\(actual[$0].text)\"" }.joined(separator: ", ")))"
            problems.append("missing \(expected)\(hint)")
            continue
        }
        let found = actual[unused.remove(at: position)]
        var differences: [String] = []
        if found.kind != expected.kind { differences.append("type \(found.kind.rawValue), expected \(expected.kind.rawValue)") }
        if found.value != expected.value { differences.append("value \(found.value), expected \(expected.value)") }
        if found.modifier != expected.mod {
            differences.append("mod \(found.modifier?.rawValue ?? "none"), expected \(expected.mod?.rawValue ?? "none")")
        }
        if found.frequency != expected.freq { differences.append("freq \(found.frequency ?? "none"), expected \(expected.freq ?? "none")") }
        if found.quantifier != expected.quant { differences.append("quant \(found.quantifier ?? "none"), expected \(expected.quant ?? "none")") }
        if !differences.isEmpty { problems.append("\"\(expected.text)\": \(differences.joined(separator: "; "))") }
    }
    for index in unused { problems.append("unexpected \(describe(actual[index])) at \(actual[index].span)") }

    // The reported text must be the text the span covers.
    for expression in actual where document.text(of: expression.span) != expression.text {
        problems.append("\"\(expression.text)\" does not match its span \(expression.span), which covers \"\(document.text(of: expression.span))\"")
    }

    let reported = Set(document.diagnostics.map(\.code))
    for code in example.warnings where !reported.contains(code) {
        problems.append("missing diagnostic \(code)")
    }

    let expectedList = example.expected.isEmpty ? "no time expression" : example.expected.map(\.description).joined(separator: "\n          ")
    let actualList = actual.isEmpty ? "no time expression" : actual.map { "\(describe($0)) at \($0.span)" }.joined(separator: "\n          ")
    let message = """
        Phrase:   \(example.phrase)
        DCT:      \(example.dct ?? "none")\(example.genre == .auto ? "" : ", genre \(example.genre.rawValue)")
        Expected: \(expectedList)
        Actual:   \(actualList)
        Problems: \(problems.joined(separator: "\n          "))
        """
    return TaggingOutcome(problems: problems, report: Comment(rawValue: message))
}

extension Example {
    /// Runs `body`, whose assertion is expected to fail when the example records a known limitation
    /// (and then fails if it no longer does, so a lifted limitation is noticed).
    func allowingKnownLimitation(_ body: () -> Void) {
        if let reason = knownLimitation {
            withKnownIssue(Comment(rawValue: reason)) { body() }
        } else {
            body()
        }
    }
}

private func describe(_ expression: TimeExpression) -> String {
    describeTimex(
        text: expression.text, kind: expression.kind, value: expression.value,
        mod: expression.modifier, freq: expression.frequency, quant: expression.quantifier
    )
}

private func describeTimex(
    text: String, kind: TimeExpression.Kind, value: String,
    mod: TimeExpression.Modifier?, freq: String?, quant: String?
) -> String {
    var parts = ["\"\(text)\"", kind.rawValue, value]
    if let mod { parts.append("mod=\(mod.rawValue)") }
    if let freq { parts.append("freq=\(freq)") }
    if let quant { parts.append("quant=\(quant)") }
    return parts.joined(separator: " ")
}
