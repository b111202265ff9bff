import ChronicleCore
import ChronicleFormats

/// Renders corpus scores as an aligned plain-text table.
///
/// ```
/// TempEval-3 Task A (timex): 2 documents scored
///
///                 precision  recall      F1  accuracy
/// strict match       0.3333  0.3333  0.3333
/// relaxed match      0.6667  0.6667  0.6667
/// type               0.6667  0.6667  0.6667    1.0000
/// value              0.3333  0.3333  0.3333    0.5000
///
/// gold 3, system 3, strict matches 1, relaxed matches 2, correct type 2, correct value 1
/// ```
///
/// Event scores (Task B) have a row per attribute (class, tense, aspect, polarity, modality, pos) in place of
/// type and value; temporal awareness has one row and the counts behind it. When documents could not be
/// scored, a last line says how many.
public struct EvaluationTableRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The Task A (timex) table, every line ended by a line feed.
    public func render(_ evaluation: TimexEvaluation) -> String {
        let counts = evaluation.counts
        return Self.render(
            title: "TempEval-3 Task A (timex)", scored: evaluation.documents.count,
            header: ["", "precision", "recall", "F1", "accuracy"],
            rows: [
                ["strict match"] + Self.cells(counts.strict),
                ["relaxed match"] + Self.cells(counts.relaxed),
                ["type"] + Self.cells(counts.type) + [Self.format(counts.typeAccuracy)],
                ["value"] + Self.cells(counts.value) + [Self.format(counts.valueAccuracy)],
            ],
            summary: "gold \(counts.gold), system \(counts.system), strict matches \(counts.strictMatches), "
                + "relaxed matches \(counts.relaxedMatches), correct type \(counts.correctType), correct value \(counts.correctValue)",
            failures: evaluation.failures.count)
    }

    /// The Task B (event) table, every line ended by a line feed.
    public func render(_ evaluation: EventEvaluation) -> String {
        let counts = evaluation.counts
        let attributes = EventAttribute.allCases
        return Self.render(
            title: "TempEval-3 Task B (events)", scored: evaluation.documents.count,
            header: ["", "precision", "recall", "F1", "accuracy"],
            rows: [["strict match"] + Self.cells(counts.strict), ["relaxed match"] + Self.cells(counts.relaxed)]
                + attributes.map { [$0.rawValue] + Self.cells(counts.scores(for: $0)) + [Self.format(counts.accuracy(of: $0))] },
            summary: "gold \(counts.gold), system \(counts.system), strict matches \(counts.strictMatches), "
                + "relaxed matches \(counts.relaxedMatches); correct "
                + attributes.map { "\($0.rawValue) \(counts.correct[$0] ?? 0)" }.joined(separator: ", "),
            failures: evaluation.failures.count)
    }

    /// The temporal-awareness (TLINK) table, every line ended by a line feed.
    public func render(_ evaluation: TemporalAwarenessEvaluation) -> String {
        let counts = evaluation.counts
        return Self.render(
            title: "TempEval-3 temporal awareness (TLINK)", scored: evaluation.documents.count,
            header: ["", "precision", "recall", "F1"],
            rows: [["temporal awareness"] + Self.cells(counts.scores)],
            summary: "system \(counts.system) (reduced, \(counts.unaligned) unaligned), verified \(counts.verified); "
                + "gold \(counts.gold) (reduced), recovered \(counts.recovered); "
                + "left out as inconsistent: system \(counts.systemInconsistent), gold \(counts.goldInconsistent)",
            failures: evaluation.failures.count)
    }

    private static func render(title: String, scored: Int, header: [String], rows: [[String]], summary: String, failures: Int) -> String {
        var out = "\(title): \(scored) document\(scored == 1 ? "" : "s") scored\n\n"
        out += table(header: header, rows: rows)
        out += "\n" + summary + "\n"
        if failures > 0 {
            out += "not scored: \(failures) document\(failures == 1 ? "" : "s") (gold and system texts differ)\n"
        }
        return out
    }

    /// The header and rows as aligned columns: the first left-aligned, the others right-aligned, two spaces
    /// apart; every line ended by a line feed.
    static func table(header: [String], rows: [[String]]) -> String {
        let firstWidth = (rows.map { $0[0].count } + [header[0].count]).max()!
        let widths = (1..<header.count).map { column in
            ([header[column].count] + rows.map { column < $0.count ? $0[column].count : 0 }).max()!
        }
        func line(_ cells: [String]) -> String {
            var text = cells[0].padding(to: firstWidth)
            for column in 1..<cells.count {
                text += "  " + cells[column].leftPadding(to: widths[column - 1])
            }
            return text + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    static func cells(_ scores: PrecisionRecall) -> [String] {
        [format(scores.precision), format(scores.recall), format(scores.f1)]
    }

    /// A ratio with four decimals (`0.8471`).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let scaled = Int((abs(value) * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        return "\(value < 0 && scaled != 0 ? "-" : "")\(scaled / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }
}

/// Renders the error listing: one line per disagreement, grouped by document in text order.
///
/// ```
/// errors: 1 missed, 1 spurious, 1 extent, 0 type, 1 value
/// news-1.tml: extent: gold 16-25 "last week" DATE 2015-W43 | system 21-25 "week" DATE 2015-W43 | …arrived [last week] in…
/// ```
///
/// Each expression is shown as `start-end "text" TYPE value` (untrimmed span); control characters in
/// the text are escaped as in ``PlainTextRenderer``. Event errors have the same shape, each event shown as
/// `start-end "text" CLASS tense aspect polarity pos` (and `modality=...` when it has one):
///
/// ```
/// event errors: 0 missed, 0 spurious, 0 extent, 1 class, 0 tense, 0 aspect, 0 polarity, 0 modality, 0 pos
/// news-1.tml: class: gold 4-8 "said" REPORTING PAST NONE POS VERB | system 4-8 "said" OCCURRENCE PAST NONE POS VERB | …
/// ```
///
/// Relation errors show the relation with its own ids and the texts of its endpoints, and, for missed and
/// unverified ones, what the other side's closure entails between them:
///
/// ```
/// TLINK errors: 1 missed, 1 unverified, 0 unaligned, 0 inconsistent
/// news-1.tml: missed: gold l2 ei2 "closed" BEFORE t1 "Monday" | system: none
/// news-1.tml: unverified: system l1 ei7 "said" AFTER t0 "DCT" | gold: IS_INCLUDED
/// ```
public struct ErrorListingRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The listing, every line ended by a line feed.
    public func render(_ evaluation: TimexEvaluation) -> String {
        render(evaluation.errors)
    }

    /// The listing of the given errors, every line ended by a line feed.
    public func render(_ errors: [TimexError]) -> String {
        var tally: [TimexError.Kind: Int] = [:]
        for error in errors { tally[error.kind, default: 0] += 1 }
        var out = "errors: " + TimexError.Kind.allCases.map { "\(tally[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + "\n"
        for error in errors {
            var parts: [String] = []
            if let gold = error.gold { parts.append("gold " + Self.describe(gold)) }
            if let system = error.system { parts.append("system " + Self.describe(system)) }
            parts.append(error.context)
            out += "\(error.document): \(error.kind.rawValue): " + parts.joined(separator: " | ") + "\n"
        }
        return out
    }

    /// The event error listing, every line ended by a line feed.
    public func render(_ evaluation: EventEvaluation) -> String {
        render(evaluation.errors)
    }

    /// The listing of the given event errors, every line ended by a line feed.
    public func render(_ errors: [EventError]) -> String {
        var out = "event errors: " + Self.tally(errors.map(\.kind)) + "\n"
        for error in errors {
            var parts: [String] = []
            if let gold = error.gold { parts.append("gold " + Self.describe(gold)) }
            if let system = error.system { parts.append("system " + Self.describe(system)) }
            parts.append(error.context)
            out += "\(error.document): \(error.kind.rawValue): " + parts.joined(separator: " | ") + "\n"
        }
        return out
    }

    /// The relation error listing, every line ended by a line feed.
    public func render(_ evaluation: TemporalAwarenessEvaluation) -> String {
        render(evaluation.errors)
    }

    /// The listing of the given relation errors, every line ended by a line feed.
    public func render(_ errors: [RelationError]) -> String {
        var out = "TLINK errors: " + Self.tally(errors.map(\.kind)) + "\n"
        for error in errors {
            let relation = error.relation
            var line = "\(error.document): \(error.kind.rawValue): \(error.annotator.rawValue) "
            if !relation.id.isEmpty { line += relation.id + " " }
            line += "\(relation.source) \"\(Self.escape(error.sourceText))\" \(relation.type.rawValue) "
            line += "\(relation.target) \"\(Self.escape(error.targetText))\""
            switch error.kind {
            case .missed: line += " | system: " + (error.counterpart?.rawValue ?? "none")
            case .unverified: line += " | gold: " + (error.counterpart?.rawValue ?? "none")
            case .unaligned: line += " | no gold counterpart for an endpoint"
            case .inconsistent: line += " | contradicts the relations before it"
            }
            out += line + "\n"
        }
        return out
    }

    private static func tally<Kind: CaseIterable & RawRepresentable<String> & Hashable>(_ kinds: [Kind]) -> String {
        var tally: [Kind: Int] = [:]
        for kind in kinds { tally[kind, default: 0] += 1 }
        return Kind.allCases.map { "\(tally[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    }

    static func describe(_ event: Event) -> String {
        var text = "\(event.span.start)-\(event.span.end) \"\(escape(event.text))\" \(event.eventClass.rawValue) "
            + "\(event.tense.rawValue) \(event.aspect.rawValue) \(event.polarity.rawValue) \(event.partOfSpeech.rawValue)"
        if let modality = event.modality { text += " modality=\(escape(modality))" }
        return text
    }

    static func describe(_ expression: TimeExpression) -> String {
        "\(expression.span.start)-\(expression.span.end) \"\(escape(expression.text))\" \(expression.kind.rawValue) \(escape(expression.value))"
    }

    private static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

/// Renders corpus scores (and optionally the error listing) as JSON with a fixed key order:
///
/// ```json
/// {"documents": 2, "counts": {"gold", "system", "strictMatches", "relaxedMatches", "correctType", "correctValue"},
///  "strict": {"precision", "recall", "f1"}, "relaxed": {...},
///  "type": {"precision", "recall", "f1", "accuracy"}, "value": {...},
///  "failures": [{"document", "message"}],
///  "errors": [{"document", "kind", "gold": {"id", "start", "end", "text", "type", "value"} | null, "system": ... | null, "context"}]}
/// ```
///
/// Event (Task B) scores have the same shape, with the attribute scores under `attributes`:
///
/// ```json
/// {"documents": 2, "counts": {"gold", "system", "strictMatches", "relaxedMatches", "correct": {"class", "tense", ...}},
///  "strict": {...}, "relaxed": {...},
///  "attributes": {"class": {"precision", "recall", "f1", "accuracy"}, "tense": ..., "aspect", "polarity", "modality", "pos"},
///  "failures": [...],
///  "errors": [{"document", "kind", "gold": {"id", "instanceID", "start", "end", "text", "class", "tense", "aspect",
///              "polarity", "modality", "pos"} | null, "system": ... | null, "context"}]}
/// ```
///
/// and temporal awareness:
///
/// ```json
/// {"documents": 2, "counts": {"system", "verified", "gold", "recovered", "unaligned", "systemInconsistent", "goldInconsistent"},
///  "scores": {"precision", "recall", "f1"}, "failures": [...],
///  "errors": [{"document", "kind", "annotator", "relation": {"id", "type", "source", "target", "sourceText", "targetText"},
///              "counterpart": "BEFORE" | null}]}
/// ```
///
/// `documents` counts the scored documents; `errors` is present only when asked for.
public struct EvaluationJSONRenderer: Sendable {
    /// The layout of the output.
    public var style: JSONValue.Style
    /// Whether to include the error listing.
    public var includesErrors: Bool

    /// Creates a renderer.
    public init(style: JSONValue.Style = .pretty, includesErrors: Bool = false) {
        self.style = style
        self.includesErrors = includesErrors
    }

    /// The JSON text (no trailing line end).
    public func render(_ evaluation: TimexEvaluation) -> String {
        value(for: evaluation).serialized(style)
    }

    /// The JSON value, for callers that embed it in something larger.
    public func value(for evaluation: TimexEvaluation) -> JSONValue {
        let counts = evaluation.counts
        var members: [(key: String, value: JSONValue)] = [
            ("documents", .integer(evaluation.documents.count)),
            ("counts", .object([
                ("gold", .integer(counts.gold)),
                ("system", .integer(counts.system)),
                ("strictMatches", .integer(counts.strictMatches)),
                ("relaxedMatches", .integer(counts.relaxedMatches)),
                ("correctType", .integer(counts.correctType)),
                ("correctValue", .integer(counts.correctValue)),
            ])),
            ("strict", Self.scores(counts.strict)),
            ("relaxed", Self.scores(counts.relaxed)),
            ("type", Self.scores(counts.type, accuracy: counts.typeAccuracy)),
            ("value", Self.scores(counts.value, accuracy: counts.valueAccuracy)),
            ("failures", Self.failures(evaluation.failures)),
        ]
        if includesErrors {
            func expression(_ e: TimeExpression?) -> JSONValue {
                guard let e else { return .null }
                return .object([
                    ("id", .string(e.id)), ("start", .integer(e.span.start)), ("end", .integer(e.span.end)),
                    ("text", .string(e.text)), ("type", .string(e.kind.rawValue)), ("value", .string(e.value)),
                ])
            }
            members.append(("errors", .array(evaluation.errors.map {
                .object([
                    ("document", .string($0.document)), ("kind", .string($0.kind.rawValue)),
                    ("gold", expression($0.gold)), ("system", expression($0.system)), ("context", .string($0.context)),
                ])
            })))
        }
        return .object(members)
    }

    /// The event (Task B) JSON text (no trailing line end).
    public func render(_ evaluation: EventEvaluation) -> String {
        value(for: evaluation).serialized(style)
    }

    /// The event (Task B) JSON value, for callers that embed it in something larger.
    public func value(for evaluation: EventEvaluation) -> JSONValue {
        let counts = evaluation.counts
        let attributes = EventAttribute.allCases
        var members: [(key: String, value: JSONValue)] = [
            ("documents", .integer(evaluation.documents.count)),
            ("counts", .object([
                ("gold", .integer(counts.gold)),
                ("system", .integer(counts.system)),
                ("strictMatches", .integer(counts.strictMatches)),
                ("relaxedMatches", .integer(counts.relaxedMatches)),
                ("correct", .object(attributes.map { ($0.rawValue, .integer(counts.correct[$0] ?? 0)) })),
            ])),
            ("strict", Self.scores(counts.strict)),
            ("relaxed", Self.scores(counts.relaxed)),
            ("attributes", .object(attributes.map {
                ($0.rawValue, Self.scores(counts.scores(for: $0), accuracy: counts.accuracy(of: $0)))
            })),
            ("failures", Self.failures(evaluation.failures)),
        ]
        if includesErrors {
            func event(_ e: Event?) -> JSONValue {
                guard let e else { return .null }
                return .object([
                    ("id", .string(e.id)), ("instanceID", .string(e.instanceID)),
                    ("start", .integer(e.span.start)), ("end", .integer(e.span.end)), ("text", .string(e.text)),
                ] + attributes.map { ($0.rawValue, $0.value(of: e).map(JSONValue.string) ?? .null) })
            }
            members.append(("errors", .array(evaluation.errors.map {
                .object([
                    ("document", .string($0.document)), ("kind", .string($0.kind.rawValue)),
                    ("gold", event($0.gold)), ("system", event($0.system)), ("context", .string($0.context)),
                ])
            })))
        }
        return .object(members)
    }

    /// The temporal-awareness JSON text (no trailing line end).
    public func render(_ evaluation: TemporalAwarenessEvaluation) -> String {
        value(for: evaluation).serialized(style)
    }

    /// The temporal-awareness JSON value, for callers that embed it in something larger.
    public func value(for evaluation: TemporalAwarenessEvaluation) -> JSONValue {
        let counts = evaluation.counts
        var members: [(key: String, value: JSONValue)] = [
            ("documents", .integer(evaluation.documents.count)),
            ("counts", .object([
                ("system", .integer(counts.system)),
                ("verified", .integer(counts.verified)),
                ("gold", .integer(counts.gold)),
                ("recovered", .integer(counts.recovered)),
                ("unaligned", .integer(counts.unaligned)),
                ("systemInconsistent", .integer(counts.systemInconsistent)),
                ("goldInconsistent", .integer(counts.goldInconsistent)),
            ])),
            ("scores", Self.scores(counts.scores)),
            ("failures", Self.failures(evaluation.failures)),
        ]
        if includesErrors {
            members.append(("errors", .array(evaluation.errors.map { error in
                let relation = error.relation
                return .object([
                    ("document", .string(error.document)), ("kind", .string(error.kind.rawValue)),
                    ("annotator", .string(error.annotator.rawValue)),
                    ("relation", .object([
                        ("id", .string(relation.id)), ("type", .string(relation.type.rawValue)),
                        ("source", .string(relation.source.description)), ("target", .string(relation.target.description)),
                        ("sourceText", .string(error.sourceText)), ("targetText", .string(error.targetText)),
                    ])),
                    ("counterpart", error.counterpart.map { .string($0.rawValue) } ?? .null),
                ])
            })))
        }
        return .object(members)
    }

    private static func scores(_ s: PrecisionRecall, accuracy: Double? = nil) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("precision", .number(s.precision)), ("recall", .number(s.recall)), ("f1", .number(s.f1)),
        ]
        if let accuracy { members.append(("accuracy", .number(accuracy))) }
        return .object(members)
    }

    private static func failures(_ failures: [DocumentFailure]) -> JSONValue {
        .array(failures.map { .object([("document", .string($0.name)), ("message", .string($0.message))]) })
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func leftPadding(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
