import ChronicleCore

/// Writes a document's time expressions as deterministic JSON.
///
/// The keys always come in this order (optional keys are left out when they have no value):
///
/// ```json
/// {"id": "...", "dct": "2015-10-29" | null, "dctSource": "given" | "inferred" | null,
///  "timexes": [{"id", "start", "end", "text", "type", "value", "mod"?, "freq"?, "quant"?,
///               "anchor"?: {"kind": "dct" | "expression", "id"?, "value"},
///               "yearInference"?: {"candidates": [...], "chosen": 2015 | null, "rule": "..."}}],
///  "warnings": [{"severity", "code", "message", "start"?, "end"?}]}
/// ```
///
/// `start` and `end` are Unicode scalar offsets into the document text; `warnings` lists every
/// diagnostic of the document, whatever its severity. The compact style writes one line per document
/// (JSON Lines); the pretty style indents by two spaces.
public struct JSONWriter: Sendable {
    /// The layout of the output.
    public var style: JSONValue.Style

    /// Creates a writer with the given layout.
    public init(style: JSONValue.Style = .compact) {
        self.style = style
    }

    /// The JSON text for `document` (no trailing line end).
    public func string(for document: Document) -> String {
        value(for: document).serialized(style)
    }

    /// The JSON value for `document`, for callers that embed it in something larger.
    public func value(for document: Document) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("id", .string(document.id))]
        if let creationTime = document.creationTime {
            members.append(("dct", .string(creationTime.description)))
            members.append(("dctSource", .string(creationTime.source.rawValue)))
        } else {
            members.append(("dct", .null))
            members.append(("dctSource", .null))
        }
        members.append(("timexes", .array(document.timeExpressions.map(Self.value(for:)))))
        members.append(("warnings", .array(document.diagnostics.map(Self.value(for:)))))
        return .object(members)
    }

    /// The JSON object for one time expression.
    public static func value(for expression: TimeExpression) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(expression.id)),
            ("start", .integer(expression.span.start)),
            ("end", .integer(expression.span.end)),
            ("text", .string(expression.text)),
            ("type", .string(expression.kind.rawValue)),
            ("value", .string(expression.value)),
        ]
        if let modifier = expression.modifier { members.append(("mod", .string(modifier.rawValue))) }
        if let frequency = expression.frequency { members.append(("freq", .string(frequency))) }
        if let quantifier = expression.quantifier { members.append(("quant", .string(quantifier))) }
        switch expression.anchor {
        case .creationTime(let value)?:
            members.append(("anchor", .object([("kind", .string("dct")), ("value", .string(value))])))
        case .expression(let id, let value)?:
            members.append(("anchor", .object([("kind", .string("expression")), ("id", .string(id)), ("value", .string(value))])))
        case nil:
            break
        }
        if let inference = expression.yearInference {
            members.append((
                "yearInference",
                .object([
                    ("candidates", .array(inference.candidates.map(JSONValue.integer))),
                    ("chosen", inference.chosen.map(JSONValue.integer) ?? .null),
                    ("rule", .string(inference.rule)),
                ])
            ))
        }
        return .object(members)
    }

    /// The JSON object for one diagnostic.
    public static func value(for diagnostic: Diagnostic) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code.rawValue)),
            ("message", .string(diagnostic.message)),
        ]
        if let span = diagnostic.span {
            members.append(("start", .integer(span.start)))
            members.append(("end", .integer(span.end)))
        }
        return .object(members)
    }
}
