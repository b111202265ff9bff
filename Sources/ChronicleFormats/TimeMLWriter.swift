import ChronicleCore

/// Writes a ``Document`` as a TempEval-3-layout TimeML document.
///
/// The layout is the one of the TempEval-3 `.tml` files:
///
/// ```xml
/// <?xml version="1.0" ?>
/// <TimeML xmlns:xsi="..." xsi:noNamespaceSchemaLocation="...">
///
/// <DOCID>...</DOCID>
///
/// <DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-29" temporalFunction="false" functionInDocument="CREATION_TIME">2015-10-29</TIMEX3></DCT>
///
/// <TEXT>...text with <TIMEX3 tid="t1" type="DATE" value="..." temporalFunction="..." functionInDocument="NONE">...</TIMEX3>
/// and <EVENT eid="e1" class="OCCURRENCE">...</EVENT> elements...</TEXT>
///
/// <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
/// <TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
///
/// </TimeML>
/// ```
///
/// (the `MAKEINSTANCE` and `TLINK` lines, and the blank line after them, only when there are events or
/// relations: see ``write(_:events:relations:)``).
///
/// `DOCID` is written when the document has an id and `DCT` when it has a creation time (its `type` is
/// `TIME` when the creation time has a clock time). The text is written as it is, with `&`, `<` and `>`
/// escaped and carriage returns written `&#13;` (so that XML parsers, which normalise line ends, keep
/// them). Characters XML cannot carry at all (NUL and other C0 controls, U+FFFE, U+FFFF) are replaced by
/// U+FFFD, one scalar for one, so that offsets stay valid; a diagnostic says so.
///
/// Time expressions are written at their spans with `tid`, `type`, `value`, `mod`, `freq`, `quant` (the
/// last three when set), `temporalFunction` (true when anchored), `functionInDocument="NONE"` and
/// `anchorTimeID` (`t0` for an anchor on the creation time when there is a `DCT`; the id of the anchoring
/// expression otherwise). The covered text always comes from ``Document/text``.
///
/// Expressions that cannot be written as well-formed TimeML are **skipped**, each with a diagnostic
/// (code `unwritable-expression`) in ``Output/diagnostics``: empty spans, spans outside the text, and spans
/// that overlap an earlier-starting (or, at the same start, longer) expression that was written.
/// Expressions whose id is empty, repeated or `t0` (taken by the `DCT`) get a fresh `tN` id, with a note.
///
/// Reading the output with ``TimeMLReader`` gives back the same text and the same time expressions (spans,
/// text, types, values, modifiers, frequencies, quantifiers; anchors when they can be expressed with
/// `anchorTimeID`). ``TimeExpression/yearInference`` has no TimeML form and is not written.
public struct TimeMLWriter: Sendable {
    /// The written document and what had to be left out or changed to write it.
    public struct Output: Hashable, Sendable {
        /// The TimeML document.
        public var xml: String
        /// Skipped expressions, renamed ids, replaced characters.
        public var diagnostics: [Diagnostic]

        /// Creates an output.
        public init(xml: String, diagnostics: [Diagnostic]) {
            self.xml = xml
            self.diagnostics = diagnostics
        }
    }

    /// An element written inside `TEXT`: the index of a kept time expression, event mention or signal.
    private enum InlineElement { case timex(Int), event(Int), signal(Int) }

    /// The diagnostic code of an expression, event, signal or relation the writer had to skip or rename.
    public static let unwritableExpression: Diagnostic.Code = "unwritable-expression"

    /// Creates a writer.
    public init() {}

    /// Writes `document` (its time expressions, events and relations) as TimeML.
    public func write(_ document: Document) -> Output {
        write(document, events: document.events, relations: document.relations)
    }

    /// Writes a document read from TimeML (its time expressions, events and relations) as TimeML.
    public func write(_ document: TimeMLDocument) -> Output {
        write(document.document, events: document.events, relations: document.relations)
    }

    /// Writes `document` with the given events and relations as TimeML.
    ///
    /// Events are written as `EVENT` elements in `TEXT` (`eid`, `class`, and `stem` when the lemma is not
    /// empty) and, after `TEXT`, one `MAKEINSTANCE` per event (`eventID`, `eiid`, `tense`, `aspect`,
    /// `polarity`, `pos`, and `modality` when set), then one `TLINK` per relation (`lid`, `relType`,
    /// `eventInstanceID` or `timeID`, `relatedToEventInstance` or `relatedToTime`, and `signalID`), as in the
    /// TempEval-3 files. Events with the same non-empty ``Event/id`` and span are instances of one `EVENT`;
    /// an event with an empty ``Event/instanceID`` gets no `MAKEINSTANCE` (its tense, aspect, polarity, part
    /// of speech and modality are written on its `EVENT`, as older TimeML does). A relation's signal is written as
    /// a `SIGNAL` element (`sid` `s1`, `s2`, ...) at its span.
    ///
    /// Time expressions come first: an event that lies outside the text, has an empty span, or overlaps a
    /// time expression or an earlier-starting (or, at the same start, longer) event is skipped, and so is a
    /// relation whose endpoint is neither a written event instance, a written time expression nor the `DCT`
    /// (`t0`, when there is a creation time), and a signal that overlaps another element (its relation is
    /// written without it); each with a diagnostic (code `unwritable-expression`). Event, instance and
    /// relation ids that are empty or taken get fresh `eN`, `eiN` and `lN` ids, with a note; relations follow
    /// the renaming of the time expressions and events they name (the first one with the name).
    ///
    /// Reading the output with ``TimeMLReader`` gives back the same events and relations (with
    /// ``Event/text`` taken from the document text, and the part of speech `UNKNOWN` read as `OTHER`).
    public func write(_ document: Document, events: [Event], relations: [TemporalRelation]) -> Output {
        var diagnostics: [Diagnostic] = []
        let scalars = Array(document.text.unicodeScalars)
        let count = scalars.count
        let hasDCT = document.creationTime != nil
        let dctID = TemporalRelation.Endpoint.creationTime.description

        // Choose the expressions that can be written: in span order, no overlaps, inside the text.
        var kept: [TimeExpression] = []
        for expression in Self.spanOrder(document.timeExpressions, span: \.span) {
            let span = expression.span
            let label = expression.id.isEmpty ? "\"\(expression.text)\"" : expression.id
            if let problem = Self.placementProblem(span, count: count) {
                diagnostics.append(Diagnostic(
                    .warning, Self.unwritableExpression, "time expression \(label) \(problem); not written",
                    span: span.start < 0 || span.end > count ? nil : span))
                continue
            }
            if let previous = kept.last, previous.span.end > span.start {
                diagnostics.append(Diagnostic(
                    .warning, Self.unwritableExpression,
                    "time expression \(label) at \(span) overlaps \(previous.id) at \(previous.span); not written", span: span))
                continue
            }
            kept.append(expression)
        }

        // Make the ids unique.
        let ids = UniqueIDs.assign(kept.map(\.id), prefix: "t", reserved: hasDCT ? [dctID] : [])
        for (index, id) in ids.enumerated() where id.isRenamed {
            let old = kept[index].id
            diagnostics.append(Diagnostic(
                .note, Self.unwritableExpression,
                old.isEmpty ? "time expression without id written as \(id.name)"
                    : "time expression id \(old) is already taken; written as \(id.name)",
                span: kept[index].span))
        }
        var timeNames: [String: String] = [:]
        for (index, expression) in kept.enumerated() where timeNames[expression.id] == nil { timeNames[expression.id] = ids[index].name }
        if hasDCT { timeNames[dctID] = dctID }

        let plan = EventPlan(events, timexes: kept.map(\.span), count: count, diagnostics: &diagnostics)
        let links = LinkPlan(
            relations, times: timeNames, instances: plan.instanceNames,
            occupied: kept.map(\.span) + plan.mentions.map(\.span), count: count, diagnostics: &diagnostics)

        var out: [UInt8] = []
        out.reserveCapacity(document.text.utf8.count + 200 * (kept.count + 2) + 150 * (events.count + relations.count))
        append(#"<?xml version="1.0" ?>"#, to: &out)
        append("\n", to: &out)
        append(
            #"<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">"#,
            to: &out)
        append("\n\n", to: &out)
        if !document.id.isEmpty {
            append("<DOCID>", to: &out)
            appendEscaped(document.id, to: &out, inAttribute: false)
            append("</DOCID>\n\n", to: &out)
        }
        if let creationTime = document.creationTime {
            let value = creationTime.description
            append("<DCT><TIMEX3", to: &out)
            appendAttribute("tid", dctID, to: &out)
            appendAttribute("type", creationTime.time == nil ? "DATE" : "TIME", to: &out)
            appendAttribute("value", value, to: &out)
            appendAttribute("temporalFunction", "false", to: &out)
            appendAttribute("functionInDocument", "CREATION_TIME", to: &out)
            append(">", to: &out)
            appendEscaped(value, to: &out, inAttribute: false)
            append("</TIMEX3></DCT>\n\n", to: &out)
        }

        append("<TEXT>", to: &out)
        var replaced = 0
        var position = 0
        func writeText(upTo end: Int) {
            while position < end {
                let scalar = scalars[position]
                switch scalar.value {
                case 0x26: append("&amp;", to: &out)
                case 0x3C: append("&lt;", to: &out)
                case 0x3E: append("&gt;", to: &out)
                case 0x0D: append("&#13;", to: &out)
                case let v where !ByteSupport.isXMLCharacter(v):
                    ByteSupport.appendUTF8("\u{FFFD}", to: &out)
                    replaced += 1
                default: ByteSupport.appendUTF8(scalar, to: &out)
                }
                position += 1
            }
        }
        var inline: [(span: TextSpan, element: InlineElement)] = kept.indices.map { (kept[$0].span, .timex($0)) }
        inline += plan.mentions.indices.map { (plan.mentions[$0].span, .event($0)) }
        inline += links.signals.indices.map { (links.signals[$0], .signal($0)) }
        inline.sort { $0.span.start < $1.span.start }
        for (span, element) in inline {
            writeText(upTo: span.start)
            switch element {
            case .timex(let index):
                let expression = kept[index]
                append("<TIMEX3", to: &out)
                appendAttribute("tid", ids[index].name, to: &out)
                appendAttribute("type", expression.kind.rawValue, to: &out)
                appendAttribute("value", expression.value, to: &out)
                if let modifier = expression.modifier { appendAttribute("mod", modifier.rawValue, to: &out) }
                if let frequency = expression.frequency { appendAttribute("freq", frequency, to: &out) }
                if let quantifier = expression.quantifier { appendAttribute("quant", quantifier, to: &out) }
                appendAttribute("temporalFunction", expression.isTemporalFunction ? "true" : "false", to: &out)
                appendAttribute("functionInDocument", "NONE", to: &out)
                switch expression.anchor {
                case .creationTime?:
                    if hasDCT { appendAttribute("anchorTimeID", dctID, to: &out) }
                case .expression(let id, _)?, .narrative(let id, _)?:
                    appendAttribute("anchorTimeID", id, to: &out)
                case nil:
                    break
                }
                append(">", to: &out)
                writeText(upTo: span.end)
                append("</TIMEX3>", to: &out)
            case .event(let index):
                let mention = plan.mentions[index]
                append("<EVENT", to: &out)
                appendAttribute("eid", mention.id, to: &out)
                appendAttribute("class", mention.event.eventClass.rawValue, to: &out)
                if !mention.event.lemma.isEmpty { appendAttribute("stem", mention.event.lemma, to: &out) }
                if mention.event.instanceID.isEmpty { appendInstanceAttributes(of: mention.event, to: &out) }
                append(">", to: &out)
                writeText(upTo: span.end)
                append("</EVENT>", to: &out)
            case .signal(let index):
                append("<SIGNAL", to: &out)
                appendAttribute("sid", "s\(index + 1)", to: &out)
                append(">", to: &out)
                writeText(upTo: span.end)
                append("</SIGNAL>", to: &out)
            }
        }
        writeText(upTo: count)
        append("</TEXT>\n\n", to: &out)

        let hasLinks = !plan.instances.isEmpty || !links.relations.isEmpty
        for instance in plan.instances {
            let event = instance.event
            append("<MAKEINSTANCE", to: &out)
            appendAttribute("eventID", plan.mentions[instance.mention].id, to: &out)
            appendAttribute("eiid", instance.id, to: &out)
            appendInstanceAttributes(of: event, to: &out)
            append(" />\n", to: &out)
        }
        for link in links.relations {
            append("<TLINK", to: &out)
            appendAttribute("lid", link.id, to: &out)
            appendAttribute("relType", link.type.rawValue, to: &out)
            for (endpoint, eventName, timeName) in [
                (link.source, "eventInstanceID", "timeID"), (link.target, "relatedToEventInstance", "relatedToTime"),
            ] {
                switch endpoint {
                case .event(let id): appendAttribute(eventName, id, to: &out)
                case .time(let id): appendAttribute(timeName, id, to: &out)
                }
            }
            if let signal = link.signal { appendAttribute("signalID", "s\(signal + 1)", to: &out) }
            append(" />\n", to: &out)
        }
        append(hasLinks ? "\n</TimeML>\n" : "</TimeML>\n", to: &out)

        if replaced > 0 {
            diagnostics.append(Diagnostic(
                .warning, .malformedInput,
                "\(replaced) character\(replaced == 1 ? "" : "s") XML cannot represent written as U+FFFD"))
        }
        return Output(xml: String(decoding: out, as: UTF8.self), diagnostics: diagnostics)
    }

    /// The items in span order: by start, the longer first at the same start, then in the order given.
    static func spanOrder<T>(_ items: [T], span: (T) -> TextSpan) -> [T] {
        items.enumerated().sorted { a, b in
            let (x, y) = (span(a.element), span(b.element))
            return x.start != y.start ? x.start < y.start : (x.end != y.end ? x.end > y.end : a.offset < b.offset)
        }.map(\.element)
    }

    /// Why an element at `span` cannot be written in a text of `count` scalars, or `nil` if it can.
    static func placementProblem(_ span: TextSpan, count: Int) -> String? {
        if span.start < 0 || span.end > count { return "at \(span) lies outside the text (\(count) scalars)" }
        if span.isEmpty { return "has an empty span" }
        return nil
    }

    /// `tense`, `aspect`, `polarity`, `pos` and, when set, `modality`.
    private func appendInstanceAttributes(of event: Event, to out: inout [UInt8]) {
        appendAttribute("tense", event.tense.rawValue, to: &out)
        appendAttribute("aspect", event.aspect.rawValue, to: &out)
        appendAttribute("polarity", event.polarity.rawValue, to: &out)
        appendAttribute("pos", event.partOfSpeech.rawValue, to: &out)
        if let modality = event.modality, !modality.isEmpty { appendAttribute("modality", modality, to: &out) }
    }

    private func append(_ literal: String, to out: inout [UInt8]) {
        out.append(contentsOf: literal.utf8)
    }

    private func appendAttribute(_ name: String, _ value: String, to out: inout [UInt8]) {
        out.append(0x20)
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: #"=""#.utf8)
        appendEscaped(value, to: &out, inAttribute: true)
        out.append(0x22)
    }

    private func appendEscaped(_ string: String, to out: inout [UInt8], inAttribute: Bool) {
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x26: append("&amp;", to: &out)
            case 0x3C: append("&lt;", to: &out)
            case 0x3E: append("&gt;", to: &out)
            case 0x22 where inAttribute: append("&quot;", to: &out)
            case 0x09 where inAttribute: append("&#9;", to: &out)
            case 0x0A where inAttribute: append("&#10;", to: &out)
            case 0x0D: append("&#13;", to: &out)
            case let v where !ByteSupport.isXMLCharacter(v): ByteSupport.appendUTF8("\u{FFFD}", to: &out)
            default: ByteSupport.appendUTF8(scalar, to: &out)
            }
        }
    }
}

// MARK: - Planning

/// Ids for elements that each want one: the wanted id when it is not empty, reserved or taken by an earlier
/// element, else the first free `prefixN` (N from 1), chosen after every kept id is known.
enum UniqueIDs {
    static func assign(_ wanted: [String], prefix: String, reserved: Set<String>) -> [(name: String, isRenamed: Bool)] {
        var used = reserved
        var names: [String?] = wanted.map { id in
            guard !id.isEmpty, used.insert(id).inserted else { return nil }
            return id
        }
        var next = 1
        for index in names.indices where names[index] == nil {
            while used.contains("\(prefix)\(next)") { next += 1 }
            names[index] = "\(prefix)\(next)"
            used.insert(names[index]!)
        }
        return zip(names, wanted).map { ($0!, $0 != $1) }
    }
}

/// The `EVENT` elements and `MAKEINSTANCE`s a writer will write, with their final ids.
struct EventPlan {
    /// One `EVENT` element.
    struct Mention {
        var id: String
        var span: TextSpan
        /// The first of its instances (its class and lemma are written).
        var event: Event
    }

    /// One `MAKEINSTANCE`.
    struct Instance {
        var id: String
        /// The index of its mention.
        var mention: Int
        var event: Event
    }

    /// In text order.
    private(set) var mentions: [Mention] = []
    /// In mention order, then in the order given.
    private(set) var instances: [Instance] = []
    /// The written id of every given instance id (of the first event with it).
    private(set) var instanceNames: [String: String] = [:]

    /// Plans `events` around the time expressions at `timexes` (in text order, not overlapping).
    init(_ events: [Event], timexes: [TextSpan], count: Int, diagnostics: inout [Diagnostic]) {
        struct Key: Hashable {
            var id: String
            var span: TextSpan
        }
        var mentionEvents: [[Event]] = []
        var mentionByKey: [Key: Int] = [:]
        var nextTimex = 0
        for event in TimeMLWriter.spanOrder(events, span: \.span) {
            let span = event.span
            let label = event.id.isEmpty ? "\"\(event.text)\"" : event.id
            func skip(_ problem: String) {
                diagnostics.append(Diagnostic(
                    .warning, TimeMLWriter.unwritableExpression, "event \(label) \(problem); not written",
                    span: span.start < 0 || span.end > count ? nil : span))
            }
            if let problem = TimeMLWriter.placementProblem(span, count: count) {
                skip(problem)
                continue
            }
            let key = Key(id: event.id, span: span)
            if !event.id.isEmpty, let mention = mentionByKey[key] {
                mentionEvents[mention].append(event)
                continue
            }
            while nextTimex < timexes.count, timexes[nextTimex].end <= span.start { nextTimex += 1 }
            if nextTimex < timexes.count, timexes[nextTimex].start < span.end {
                skip("at \(span) overlaps a time expression at \(timexes[nextTimex])")
                continue
            }
            if let previous = mentions.last, previous.span.end > span.start {
                skip("at \(span) overlaps event \(previous.event.id) at \(previous.span)")
                continue
            }
            mentionByKey[key] = mentions.count
            mentions.append(Mention(id: event.id, span: span, event: event))
            mentionEvents.append([event])
        }

        let mentionIDs = UniqueIDs.assign(mentions.map(\.id), prefix: "e", reserved: [])
        for (index, id) in mentionIDs.enumerated() {
            if id.isRenamed {
                let old = mentions[index].id
                diagnostics.append(Diagnostic(
                    .note, TimeMLWriter.unwritableExpression,
                    old.isEmpty ? "event without id written as \(id.name)" : "event id \(old) is already taken; written as \(id.name)",
                    span: mentions[index].span))
            }
            mentions[index].id = id.name
        }

        let instanced = mentionEvents.enumerated().flatMap { mention, events in
            events.filter { !$0.instanceID.isEmpty }.map { (mention: mention, event: $0) }
        }
        let instanceIDs = UniqueIDs.assign(instanced.map(\.event.instanceID), prefix: "ei", reserved: [])
        for ((mention, event), id) in zip(instanced, instanceIDs) {
            if id.isRenamed {
                diagnostics.append(Diagnostic(
                    .note, TimeMLWriter.unwritableExpression,
                    "event instance id \(event.instanceID) is already taken; written as \(id.name)", span: event.span))
            } else {
                instanceNames[event.instanceID] = id.name
            }
            instances.append(Instance(id: id.name, mention: mention, event: event))
        }
    }
}

/// The `TLINK`s and `SIGNAL`s a writer will write, with their final ids.
struct LinkPlan {
    /// One `TLINK`, its endpoints renamed to the written ids.
    struct Link {
        var id: String
        var type: TemporalRelation.RelationType
        var source: TemporalRelation.Endpoint
        var target: TemporalRelation.Endpoint
        /// The index of its signal in ``LinkPlan/signals``.
        var signal: Int?
    }

    /// In the order given.
    private(set) var relations: [Link] = []
    /// The spans of the `SIGNAL` elements, in text order; signal `i` is written with `sid` `s(i + 1)`.
    private(set) var signals: [TextSpan] = []

    /// Plans `relations`, renaming time endpoints through `times` and event endpoints through `instances`; signals
    /// must not overlap the `occupied` spans (of the written time expressions and events).
    init(
        _ relations: [TemporalRelation], times: [String: String], instances: [String: String],
        occupied: [TextSpan], count: Int, diagnostics: inout [Diagnostic]
    ) {
        func rename(_ endpoint: TemporalRelation.Endpoint) -> TemporalRelation.Endpoint? {
            switch endpoint {
            case .event(let id): instances[id].map { .event(instanceID: $0) }
            case .time(let id): times[id].map { .time(id: $0) }
            }
        }
        var resolved: [(relation: TemporalRelation, source: TemporalRelation.Endpoint, target: TemporalRelation.Endpoint)] = []
        for relation in relations {
            let label = "relation \(relation.id.isEmpty ? "" : relation.id + " ")(\(relation.source) \(relation.type.rawValue) \(relation.target))"
            guard let source = rename(relation.source), let target = rename(relation.target) else {
                let missing = rename(relation.source) == nil ? relation.source : relation.target
                let what = if case .event = missing { "a written event instance" } else { "a written time expression or the DCT" }
                diagnostics.append(Diagnostic(
                    .warning, TimeMLWriter.unwritableExpression, "\(label): \(missing) is not \(what); not written"))
                continue
            }
            resolved.append((relation, source, target))
        }

        var signalIndex: [TextSpan: Int] = [:]
        for span in Set(resolved.compactMap(\.relation.signal)).sorted() {
            let problem = TimeMLWriter.placementProblem(span, count: count)
                ?? (occupied + signals).first { $0.overlaps(span) }.map { "at \(span) overlaps another element at \($0)" }
            if let problem {
                diagnostics.append(Diagnostic(
                    .warning, TimeMLWriter.unwritableExpression, "signal \(problem); its relations are written without it",
                    span: span.start < 0 || span.end > count ? nil : span))
                continue
            }
            signalIndex[span] = signals.count
            signals.append(span)
        }

        let ids = UniqueIDs.assign(resolved.map(\.relation.id), prefix: "l", reserved: [])
        for ((relation, source, target), id) in zip(resolved, ids) {
            if id.isRenamed {
                diagnostics.append(Diagnostic(
                    .note, TimeMLWriter.unwritableExpression,
                    relation.id.isEmpty ? "relation without id written as \(id.name)"
                        : "relation id \(relation.id) is already taken; written as \(id.name)"))
            }
            self.relations.append(Link(
                id: id.name, type: relation.type, source: source, target: target, signal: relation.signal.flatMap { signalIndex[$0] }))
        }
    }
}
