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
        Self.value(for: timeline).serialized(style == .pretty ? .pretty : .compact)
    }

    /// The JSON value of `timeline`: an object whose first member is `"schema"`.
    public static func value(for timeline: Timeline) -> JSONValue {
        .object([
            ("schema", .string(Timeline.schema)),
            ("documents", .array(timeline.documents.map { document in
                .object([
                    ("id", .string(document.id)),
                    ("title", document.title.map(JSONValue.string) ?? .null),
                    ("dct", document.creationTime.map { .string($0.description) } ?? .null),
                    ("dctSource", document.creationTime.map { .string($0.source.rawValue) } ?? .null),
                ])
            })),
            ("entries", .array(timeline.entries.map(value(for:)))),
            ("relations", .array(timeline.relations.map { relation in
                .object([
                    ("source", .string(relation.source)),
                    ("target", .string(relation.target)),
                    ("type", .string(relation.type.rawValue)),
                    ("documents", .array(relation.documents.map(JSONValue.string))),
                ])
            })),
            ("warnings", .array(timeline.warnings.map(value(for:)))),
        ])
    }

    static func value(for entry: Timeline.Entry) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(entry.id)),
            ("event", .object([
                ("text", .string(entry.event.text)),
                ("lemma", .string(entry.event.lemma)),
                ("class", .string(entry.event.eventClass.rawValue)),
                ("document", .string(entry.event.source.document)),
                ("start", .integer(entry.event.source.span.start)),
                ("end", .integer(entry.event.source.span.end)),
                ("sentence", entry.event.source.sentence.map(JSONValue.integer) ?? .null),
            ])),
            ("time", value(for: entry.time)),
        ]
        if let statement = entry.statement {
            members.append(("statement", .object([
                ("speaker", statement.speaker.map(JSONValue.string) ?? .null),
                ("speakerMention", statement.speakerMention.map(JSONValue.string) ?? .null),
                ("verb", .string(statement.verb)),
                ("channel", statement.channel.map(JSONValue.string) ?? .null),
                ("stance", .string(statement.stance.rawValue)),
                ("content", statement.content.map { content in
                    .object([
                        ("document", .string(content.document)),
                        ("start", .integer(content.span.start)),
                        ("end", .integer(content.span.end)),
                        ("text", .string(statement.contentText ?? "")),
                    ])
                } ?? .null),
            ])))
        }
        members.append(("participants", .array(entry.participants.map(JSONValue.string))))
        members.append(("sources", .array(entry.sources.map { source in
            .object([
                ("document", .string(source.document)),
                ("start", .integer(source.span.start)),
                ("end", .integer(source.span.end)),
                ("sentence", source.sentence.map(JSONValue.integer) ?? .null),
            ])
        })))
        members.append(("attribution", .string(entry.attribution.rawValue)))
        members.append(("attributedTo", .array(entry.attributedTo.map(JSONValue.string))))
        members.append(("denied", .bool(entry.isDenied)))
        members.append(("salience", .number((entry.salience * 1000).rounded() / 1000)))
        members.append(("key", .bool(entry.isKey)))
        return .object(members)
    }

    static func value(for time: Timeline.Placement) -> JSONValue {
        let anchor: JSONValue
        switch time.anchor {
        case .time(let document, let id, let text, let value)?:
            anchor = .object([("kind", .string("time")), ("document", .string(document)), ("id", .string(id)),
                              ("text", .string(text)), ("value", .string(value))])
        case .creationTime(let document, let value)?:
            anchor = .object([("kind", .string("dct")), ("document", .string(document)), ("value", .string(value))])
        case .entry(let id)?:
            anchor = .object([("kind", .string("entry")), ("id", .string(id))])
        case nil:
            anchor = .null
        }
        return .object([
            ("value", time.value.map(JSONValue.string) ?? .null),
            ("start", time.start.map { .string($0.description) } ?? .null),
            ("end", time.end.map { .string($0.description) } ?? .null),
            ("granularity", .string(time.granularity.rawValue)),
            ("relation", .string(time.relation.rawValue)),
            ("anchor", anchor),
            ("basis", .string(time.basis.rawValue)),
        ])
    }

    static func value(for warning: Timeline.Warning) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("severity", .string(warning.severity.rawValue)),
            ("code", .string(warning.code.rawValue)),
            ("message", .string(warning.message)),
            ("document", warning.document.map(JSONValue.string) ?? .null),
        ]
        if let span = warning.span {
            members.append(("start", .integer(span.start)))
            members.append(("end", .integer(span.end)))
        }
        if !warning.candidates.isEmpty { members.append(("candidates", .array(warning.candidates.map(JSONValue.integer)))) }
        if !warning.entries.isEmpty { members.append(("entries", .array(warning.entries.map(JSONValue.string)))) }
        return .object(members)
    }
}
