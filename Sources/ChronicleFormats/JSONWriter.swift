import ChronicleCore

/// Writes a document's time expressions as deterministic JSON.
///
/// The keys always come in this order (optional keys are left out when they have no value):
///
/// ```json
/// {"id": "...", "dct": "2015-10-29" | null, "dctSource": "given" | "inferred" | null,
///  "timexes": [{"id", "start", "end", "text", "type", "value", "mod"?, "freq"?, "quant"?,
///               "anchor"?: {"kind": "dct" | "expression" | "narrative", "id"?, "value"},
///               "yearInference"?: {"candidates": [...], "chosen": 2015 | null, "rule": "..."}}],
///  "events"?: [{"id", "instance", "start", "end", "text", "lemma", "class", "tense", "aspect", "polarity",
///               "modality"?, "pos"}],
///  "relations"?: [{"id", "source", "target", "type", "signal"?: {"start", "end"}}],
///  "statements"?: [{"id", "speaker": "..." | null, "speakerSpan"?: {"start", "end"}, "event": "ei3" | null,
///                   "verb", "verbSpan": {"start", "end"}, "content": {"start", "end"} | null,
///                   "channel": "..." | null, "channelSpan"?: {"start", "end"}, "stance"}],
///  "warnings": [{"severity", "code", "message", "start"?, "end"?}]}
/// ```
///
/// `start` and `end` are Unicode scalar offsets into the document text; `warnings` lists every
/// diagnostic of the document, whatever its severity. `events`, `relations` and `statements` are written
/// only when the document has some (so a document with time expressions only is written exactly as
/// before those layers existed); relation endpoints are event instance ids (`ei3`) or time ids (`t2`,
/// `t0` for the creation time). The compact style writes one line per document
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
        if !document.events.isEmpty { members.append(("events", .array(document.events.map(Self.value(for:))))) }
        if !document.relations.isEmpty { members.append(("relations", .array(document.relations.map(Self.value(for:))))) }
        if !document.statements.isEmpty { members.append(("statements", .array(document.statements.map(Self.value(for:))))) }
        members.append(("warnings", .array(document.diagnostics.map(Self.value(for:)))))
        return .object(members)
    }

    /// The JSON object for one event mention.
    public static func value(for event: Event) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(event.id)),
            ("instance", .string(event.instanceID)),
            ("start", .integer(event.span.start)),
            ("end", .integer(event.span.end)),
            ("text", .string(event.text)),
            ("lemma", .string(event.lemma)),
            ("class", .string(event.eventClass.rawValue)),
            ("tense", .string(event.tense.rawValue)),
            ("aspect", .string(event.aspect.rawValue)),
            ("polarity", .string(event.polarity.rawValue)),
        ]
        if let modality = event.modality { members.append(("modality", .string(modality))) }
        members.append(("pos", .string(event.partOfSpeech.rawValue)))
        return .object(members)
    }

    /// The JSON object for one temporal relation.
    public static func value(for relation: TemporalRelation) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(relation.id)),
            ("source", .string(relation.source.description)),
            ("target", .string(relation.target.description)),
            ("type", .string(relation.type.rawValue)),
        ]
        if let signal = relation.signal { members.append(("signal", span(signal))) }
        return .object(members)
    }

    /// The JSON object for one statement.
    public static func value(for statement: Statement) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(statement.id)),
            ("speaker", statement.speaker.map(JSONValue.string) ?? .null),
        ]
        if let speakerSpan = statement.speakerSpan { members.append(("speakerSpan", span(speakerSpan))) }
        members.append(("event", statement.reportingEventID.map(JSONValue.string) ?? .null))
        members.append(("verb", .string(statement.verb)))
        members.append(("verbSpan", span(statement.verbSpan)))
        members.append(("content", statement.content.map(span) ?? .null))
        members.append(("channel", statement.channel.map(JSONValue.string) ?? .null))
        if let channelSpan = statement.channelSpan { members.append(("channelSpan", span(channelSpan))) }
        members.append(("stance", .string(statement.stance.rawValue)))
        return .object(members)
    }

    private static func span(_ span: TextSpan) -> JSONValue {
        .object([("start", .integer(span.start)), ("end", .integer(span.end))])
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
        case .narrative(let id, let value)?:
            members.append(("anchor", .object([("kind", .string("narrative")), ("id", .string(id)), ("value", .string(value))])))
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
