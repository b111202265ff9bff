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
/// When documents could not be scored, a last line says how many.
public struct EvaluationTableRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The table, every line ended by a line feed.
    public func render(_ evaluation: TimexEvaluation) -> String {
        let counts = evaluation.counts
        let scored = evaluation.documents.count
        var out = "TempEval-3 Task A (timex): \(scored) document\(scored == 1 ? "" : "s") scored\n\n"
        let header = ["", "precision", "recall", "F1", "accuracy"]
        let rows: [[String]] = [
            ["strict match"] + Self.cells(counts.strict),
            ["relaxed match"] + Self.cells(counts.relaxed),
            ["type"] + Self.cells(counts.type) + [Self.format(counts.typeAccuracy)],
            ["value"] + Self.cells(counts.value) + [Self.format(counts.valueAccuracy)],
        ]
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
        out += line(header)
        for row in rows { out += line(row) }
        out += "\ngold \(counts.gold), system \(counts.system), strict matches \(counts.strictMatches), "
        out += "relaxed matches \(counts.relaxedMatches), correct type \(counts.correctType), correct value \(counts.correctValue)\n"
        if !evaluation.failures.isEmpty {
            let count = evaluation.failures.count
            out += "not scored: \(count) document\(count == 1 ? "" : "s") (gold and system texts differ)\n"
        }
        return out
    }

    private static func cells(_ scores: PrecisionRecall) -> [String] {
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
/// the text are escaped as in ``PlainTextRenderer``.
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
        func scores(_ s: PrecisionRecall, accuracy: Double? = nil) -> JSONValue {
            var members: [(key: String, value: JSONValue)] = [
                ("precision", .number(s.precision)), ("recall", .number(s.recall)), ("f1", .number(s.f1)),
            ]
            if let accuracy { members.append(("accuracy", .number(accuracy))) }
            return .object(members)
        }
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
            ("strict", scores(counts.strict)),
            ("relaxed", scores(counts.relaxed)),
            ("type", scores(counts.type, accuracy: counts.typeAccuracy)),
            ("value", scores(counts.value, accuracy: counts.valueAccuracy)),
            ("failures", .array(evaluation.failures.map {
                .object([("document", .string($0.name)), ("message", .string($0.message))])
            })),
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
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func leftPadding(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
