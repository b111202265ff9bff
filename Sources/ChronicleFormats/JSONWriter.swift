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
        var out: [UInt8] = []
        write(document, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text for `document` to `out` (no line end).
    public func write(_ document: Document, to out: inout [UInt8]) {
        var json = JSONStream(style: style, appendingTo: out)
        out = []
        json.reserveCapacity(json.bytes.count + 256 + 160 * document.timeExpressions.count + 256 * document.events.count)
        write(document, to: &json)
        out = json.bytes
    }

    /// Writes the JSON object for `document`, for callers that embed it in something larger.
    public func write(_ document: Document, to json: inout JSONStream) {
        json.beginObject()
        json.key("id"); json.string(document.id)
        json.key("dct"); json.string(document.creationTime?.description)
        json.key("dctSource"); json.string(document.creationTime?.source.rawValue)
        json.key("timexes"); json.array(document.timeExpressions) { Self.write($0, to: &$1) }
        if !document.events.isEmpty { json.key("events"); json.array(document.events) { Self.write($0, to: &$1) } }
        if !document.relations.isEmpty { json.key("relations"); json.array(document.relations) { Self.write($0, to: &$1) } }
        if !document.statements.isEmpty { json.key("statements"); json.array(document.statements) { Self.write($0, to: &$1) } }
        json.key("warnings"); json.array(document.diagnostics) { Self.write($0, to: &$1) }
        json.endObject()
    }

    /// Writes the JSON object for one event mention.
    public static func write(_ event: Event, to json: inout JSONStream) {
        json.beginObject()
        json.key("id"); json.string(event.id)
        json.key("instance"); json.string(event.instanceID)
        json.key("start"); json.integer(event.span.start)
        json.key("end"); json.integer(event.span.end)
        json.key("text"); json.string(event.text)
        json.key("lemma"); json.string(event.lemma)
        json.key("class"); json.string(event.eventClass.rawValue)
        json.key("tense"); json.string(event.tense.rawValue)
        json.key("aspect"); json.string(event.aspect.rawValue)
        json.key("polarity"); json.string(event.polarity.rawValue)
        if let modality = event.modality { json.key("modality"); json.string(modality) }
        json.key("pos"); json.string(event.partOfSpeech.rawValue)
        json.endObject()
    }

    /// Writes the JSON object for one temporal relation.
    public static func write(_ relation: TemporalRelation, to json: inout JSONStream) {
        json.beginObject()
        json.key("id"); json.string(relation.id)
        json.key("source"); json.string(relation.source.description)
        json.key("target"); json.string(relation.target.description)
        json.key("type"); json.string(relation.type.rawValue)
        if let signal = relation.signal { json.key("signal"); write(signal, to: &json) }
        json.endObject()
    }

    /// Writes the JSON object for one statement.
    public static func write(_ statement: Statement, to json: inout JSONStream) {
        json.beginObject()
        json.key("id"); json.string(statement.id)
        json.key("speaker"); json.string(statement.speaker)
        if let speakerSpan = statement.speakerSpan { json.key("speakerSpan"); write(speakerSpan, to: &json) }
        json.key("event"); json.string(statement.reportingEventID)
        json.key("verb"); json.string(statement.verb)
        json.key("verbSpan"); write(statement.verbSpan, to: &json)
        json.key("content")
        if let content = statement.content { write(content, to: &json) } else { json.null() }
        json.key("channel"); json.string(statement.channel)
        if let channelSpan = statement.channelSpan { json.key("channelSpan"); write(channelSpan, to: &json) }
        json.key("stance"); json.string(statement.stance.rawValue)
        json.endObject()
    }

    private static func write(_ span: TextSpan, to json: inout JSONStream) {
        json.beginObject()
        json.key("start"); json.integer(span.start)
        json.key("end"); json.integer(span.end)
        json.endObject()
    }

    /// Writes the JSON object for one time expression.
    public static func write(_ expression: TimeExpression, to json: inout JSONStream) {
        json.beginObject()
        json.key("id"); json.string(expression.id)
        json.key("start"); json.integer(expression.span.start)
        json.key("end"); json.integer(expression.span.end)
        json.key("text"); json.string(expression.text)
        json.key("type"); json.string(expression.kind.rawValue)
        json.key("value"); json.string(expression.value)
        if let modifier = expression.modifier { json.key("mod"); json.string(modifier.rawValue) }
        if let frequency = expression.frequency { json.key("freq"); json.string(frequency) }
        if let quantifier = expression.quantifier { json.key("quant"); json.string(quantifier) }
        if let anchor = expression.anchor {
            json.key("anchor")
            json.beginObject()
            switch anchor {
            case .creationTime(let value):
                json.key("kind"); json.string("dct")
                json.key("value"); json.string(value)
            case .expression(let id, let value):
                json.key("kind"); json.string("expression")
                json.key("id"); json.string(id)
                json.key("value"); json.string(value)
            case .narrative(let id, let value):
                json.key("kind"); json.string("narrative")
                json.key("id"); json.string(id)
                json.key("value"); json.string(value)
            }
            json.endObject()
        }
        if let inference = expression.yearInference {
            json.key("yearInference")
            json.beginObject()
            json.key("candidates")
            json.beginArray()
            for candidate in inference.candidates { json.integer(candidate) }
            json.endArray()
            json.key("chosen"); json.integer(inference.chosen)
            json.key("rule"); json.string(inference.rule)
            json.endObject()
        }
        json.endObject()
    }

    /// Writes the JSON object for one diagnostic.
    public static func write(_ diagnostic: Diagnostic, to json: inout JSONStream) {
        json.beginObject()
        json.key("severity"); json.string(diagnostic.severity.rawValue)
        json.key("code"); json.string(diagnostic.code.rawValue)
        json.key("message"); json.string(diagnostic.message)
        if let span = diagnostic.span {
            json.key("start"); json.integer(span.start)
            json.key("end"); json.integer(span.end)
        }
        json.endObject()
    }
}
