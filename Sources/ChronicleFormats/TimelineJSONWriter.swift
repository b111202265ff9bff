import ChronicleCore


/// Writes a ``Timeline`` as JSON: the `chronicle.timeline/1` contract.
///
/// The contract is versioned by `schema`: a consumer that knows `chronicle.timeline/1` can rely on every
/// key below; later versions may add keys (consumers should ignore keys they do not know) but will change
/// the schema string before they remove or change the meaning of one. Keys always come in the order
/// shown; the output is deterministic (the same documents and options give byte-identical output).
///
/// ```json
/// {
///   "schema": "chronicle.timeline/1",
///   "documents": [{"id": "seed", "title": "..." | null, "dct": "2015-10-29" | null,
///                  "dctSource": "given" | "inferred" | null}],
///   "entries": [{
///     "id": "E3",
///     "event": {"text": "hospitalization", "lemma": "hospitalization", "class": "OCCURRENCE",
///               "document": "seed", "start": 1804, "end": 1819, "sentence": 9},
///     "time": {"value": "2015-10-13" | null, "start": "2015-10-13" | null, "end": "2015-10-13" | null,
///              "granularity": "time" | "day" | "weekend" | "week" | "month" | "season" | "quarter" | "half"
///                           | "year" | "decade" | "century" | "range" | "open" | "unknown",
///              "relation": "ON" | "BEFORE" | "AFTER" | "OVERLAP" | "UNKNOWN",
///              "anchor": null
///                      | {"kind": "time", "document": "seed", "id": "t4", "text": "Oct. 13", "value": "2015-10-13"}
///                      | {"kind": "dct", "document": "seed", "value": "2015-10-29"}
///                      | {"kind": "entry", "id": "E2"},
///              "basis": "explicit" | "narrative" | "relation" | "document-date" | "unknown"},
///     "statement": {"speaker": "Khloé Kardashian" | null, "speakerMention": "she" | null, "verb": "clarify",
///                   "channel": "Twitter" | null, "stance": "asserted" | "reported" | "denied",
///                   "content": {"document": "seed", "start": 1040, "end": 1130, "text": "..."} | null},
///     "participants": ["Khloé Kardashian", "Lamar Odom"],
///     "sources": [{"document": "seed", "start": 1804, "end": 1819, "sentence": 9 | null}],
///     "attribution": "narrated" | "asserted" | "reported" | "denied",
///     "attributedTo": ["E7"],
///     "denied": false,
///     "salience": 0.82,
///     "key": true
///   }],
///   "relations": [{"source": "E2", "target": "E3", "type": "BEFORE", "documents": ["seed"]}],
///   "warnings": [{"severity": "warning", "code": "ambiguous-year", "message": "...", "document": "seed" | null,
///                 "start": 957, "end": 975, "candidates": [2009, 2015, 2020, 2026], "entries": ["E5"]}]
/// }
/// ```
///
/// - `documents`: the inputs in the order given. `dct` is the creation time (`YYYY-MM-DD` or
///   `YYYY-MM-DDTHH:MM`); `dctSource` says whether it was given (by the user or the input) or inferred.
/// - `entries`: one per event of the story, in timeline order (see `TimelineBuilder`); mentions of the same
///   event in one or several documents are one entry. `event` is its representative mention; `sources` lists
///   every mention. `start`/`end` of `event`, `content`, `sources` and `warnings` are Unicode scalar offsets
///   into the text of the named document (end exclusive); `sentence` is the index of the sentence (from 0).
/// - `time`: `start` and `end` are the first and last calendar day (ISO dates, inclusive) the event can
///   occupy, `null` where open. `relation` and `anchor` say how the event is placed: `ON` a time expression
///   (then `value` and `granularity` are the time's: "Oct. 13" is a day, "this week" a week), `BEFORE` or
///   `AFTER` another entry ("before the hospitalization": an `open` interval that keeps its anchor), the
///   creation time, or a time; `OVERLAP` when the event contains its anchor; `UNKNOWN` when nothing places it.
///   A date whose year is unknown keeps its value (`XXXX-10-28`) with `start` and `end` `null`.
///   `value` is the entry's best-supported time and `basis` says how it was found: `explicit` (a time
///   expression of its clause, or one its document's relations tie it to), `narrative` (the last date written
///   before it, where the narrative stood), `relation` (another entry), `document-date` (by default, the
///   report's day or the day before for a past event, after it for a future one) or `unknown`. The bounds
///   (`start`, `end`) are only what the relations prove, so an inferred `value` may be narrower than them.
/// - `salience` (0 to 1) says how much the entry matters to the story, and `key` whether it is one of the key
///   entries the text and HTML views show by default (see `TimelineSalience`).
/// - `statement` (only on entries whose event is a reporting event): who said what; its time is the entry's
///   `time` (the time of saying), while what was said has entries of its own whose `attributedTo` names this
///   entry. `speaker` is the resolved name; `speakerMention` the words of the text.
/// - `attribution`: `narrated` when the story tells the event itself, else the stance of the innermost statement
///   whose content holds it (`asserted` for a named speaker, `reported` for hearsay, `denied`); `denied` is true
///   when a statement of the story denies the event (for example "(They weren't.)" after "reports that ...") and
///   no mention of it is told as fact (the hospitalization named inside the denied filming reports is not denied).
/// - `relations`: the relations between entries stated by the documents, without those the others entail
///   (types are TimeML TLINK types: BEFORE, AFTER, IBEFORE, IAFTER, INCLUDES, IS_INCLUDED, DURING, DURING_INV,
///   SIMULTANEOUS, IDENTITY, BEGINS, BEGUN_BY, ENDS, ENDED_BY).
/// - `warnings`: the documents' diagnostics (`weekday-mismatch`, `ambiguous-year` and `inferred-year` with their
///   `candidates`, `impossible-date`, `malformed-input`, ...) and the timeline's own (`conflicting-times`,
///   `ordering-cycle`, naming their `entries`). `start`/`end`, `candidates` and `entries` are left out when empty.
public struct TimelineJSONWriter: Sendable {
    /// Layouts of the output.
    public enum Style: Hashable, Sendable {
        /// One line, no spaces.
        case compact
        /// Two-space indentation, one member or element per line.
        case pretty
    }

    public var style: Style

    public init(style: Style = .pretty) {
        self.style = style
    }

    /// The JSON text of `timeline` (no trailing line end).
    public func string(for timeline: Timeline) -> String {
        String(decoding: bytes(for: timeline), as: UTF8.self)
    }

    /// The JSON text of `timeline`, UTF-8 (no trailing line end).
    public func bytes(for timeline: Timeline) -> [UInt8] {
        var json = JSONStream(style: style == .pretty ? .pretty : .compact, reservingCapacity: 4_096 + 600 * timeline.entries.count)
        json.beginObject()
        Self.writeMembers(of: timeline, to: &json)
        json.endObject()
        return json.bytes
    }

    /// Writes the members of the timeline's object into the object `json` has open: `"schema"` first.
    public static func writeMembers(of timeline: Timeline, to json: inout JSONStream) {
        json.key("schema"); json.string(Timeline.schema)
        json.key("documents")
        json.array(timeline.documents) { document, json in
            json.beginObject()
            json.key("id"); json.string(document.id)
            json.key("title"); json.string(document.title)
            json.key("dct"); json.string(document.creationTime?.description)
            json.key("dctSource"); json.string(document.creationTime?.source.rawValue)
            json.endObject()
        }
        json.key("entries"); json.array(timeline.entries) { write($0, to: &$1) }
        json.key("relations")
        json.array(timeline.relations) { relation, json in
            json.beginObject()
            json.key("source"); json.string(relation.source)
            json.key("target"); json.string(relation.target)
            json.key("type"); json.string(relation.type.rawValue)
            json.key("documents"); json.strings(relation.documents)
            json.endObject()
        }
        json.key("warnings"); json.array(timeline.warnings) { write($0, to: &$1) }
    }

    static func write(_ entry: Timeline.Entry, to json: inout JSONStream) {
        json.beginObject()
        json.key("id"); json.string(entry.id)
        json.key("event")
        json.beginObject()
        json.key("text"); json.string(entry.event.text)
        json.key("lemma"); json.string(entry.event.lemma)
        json.key("class"); json.string(entry.event.eventClass.rawValue)
        json.key("document"); json.string(entry.event.source.document)
        json.key("start"); json.integer(entry.event.source.span.start)
        json.key("end"); json.integer(entry.event.source.span.end)
        json.key("sentence"); json.integer(entry.event.source.sentence)
        json.endObject()
        json.key("time"); write(entry.time, to: &json)
        if let statement = entry.statement {
            json.key("statement")
            json.beginObject()
            json.key("speaker"); json.string(statement.speaker)
            json.key("speakerMention"); json.string(statement.speakerMention)
            json.key("verb"); json.string(statement.verb)
            json.key("channel"); json.string(statement.channel)
            json.key("stance"); json.string(statement.stance.rawValue)
            json.key("content")
            if let content = statement.content {
                json.beginObject()
                json.key("document"); json.string(content.document)
                json.key("start"); json.integer(content.span.start)
                json.key("end"); json.integer(content.span.end)
                json.key("text"); json.string(statement.contentText ?? "")
                json.endObject()
            } else {
                json.null()
            }
            json.endObject()
        }
        json.key("participants"); json.strings(entry.participants)
        json.key("sources")
        json.array(entry.sources) { source, json in
            json.beginObject()
            json.key("document"); json.string(source.document)
            json.key("start"); json.integer(source.span.start)
            json.key("end"); json.integer(source.span.end)
            json.key("sentence"); json.integer(source.sentence)
            json.endObject()
        }
        json.key("attribution"); json.string(entry.attribution.rawValue)
        json.key("attributedTo"); json.strings(entry.attributedTo)
        json.key("denied"); json.bool(entry.isDenied)
        json.key("salience"); json.number((entry.salience * 1000).rounded() / 1000)
        json.key("key"); json.bool(entry.isKey)
        json.endObject()
    }

    static func write(_ time: Timeline.Placement, to json: inout JSONStream) {
        json.beginObject()
        json.key("value"); json.string(time.value)
        json.key("start"); json.string(time.start?.description)
        json.key("end"); json.string(time.end?.description)
        json.key("granularity"); json.string(time.granularity.rawValue)
        json.key("relation"); json.string(time.relation.rawValue)
        json.key("anchor")
        switch time.anchor {
        case .time(let document, let id, let text, let value)?:
            json.beginObject()
            json.key("kind"); json.string("time")
            json.key("document"); json.string(document)
            json.key("id"); json.string(id)
            json.key("text"); json.string(text)
            json.key("value"); json.string(value)
            json.endObject()
        case .creationTime(let document, let value)?:
            json.beginObject()
            json.key("kind"); json.string("dct")
            json.key("document"); json.string(document)
            json.key("value"); json.string(value)
            json.endObject()
        case .entry(let id)?:
            json.beginObject()
            json.key("kind"); json.string("entry")
            json.key("id"); json.string(id)
            json.endObject()
        case nil:
            json.null()
        }
        json.key("basis"); json.string(time.basis.rawValue)
        json.endObject()
    }

    static func write(_ warning: Timeline.Warning, to json: inout JSONStream) {
        json.beginObject()
        json.key("severity"); json.string(warning.severity.rawValue)
        json.key("code"); json.string(warning.code.rawValue)
        json.key("message"); json.string(warning.message)
        json.key("document"); json.string(warning.document)
        if let span = warning.span {
            json.key("start"); json.integer(span.start)
            json.key("end"); json.integer(span.end)
        }
        if !warning.candidates.isEmpty {
            json.key("candidates")
            json.beginArray()
            for candidate in warning.candidates { json.integer(candidate) }
            json.endArray()
        }
        if !warning.entries.isEmpty { json.key("entries"); json.strings(warning.entries) }
        json.endObject()
    }
}
