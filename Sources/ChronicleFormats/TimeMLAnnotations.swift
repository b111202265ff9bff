import ChronicleCore

/// Turns the generic `EVENT`, `MAKEINSTANCE`, `SIGNAL` and `TLINK` elements of a TimeML document into
/// typed ``Event``s and ``TemporalRelation``s (see ``TimeMLDocument/events`` and ``TimeMLDocument/relations``).
///
/// Nothing here throws: whatever cannot be resolved (a dangling reference, an unknown class or relation
/// type, a missing id) is left out or given its default, with a warning.
struct TimeMLAnnotationResolver {
    let elements: [TimeMLElement]
    let timeExpressions: [TimeExpression]
    /// The `tid` of the `DCT`'s `TIMEX3`, if there is one.
    let creationTimeID: String?
    let text: String

    private(set) var diagnostics: [Diagnostic] = []
    /// The instances of `EVENT`s outside `TEXT` (in a headline, say): not part of the document, silently left out
    /// with the `TLINK`s that name them.
    private var outsideInstanceIDs: Set<String> = []

    init(elements: [TimeMLElement], timeExpressions: [TimeExpression], creationTimeID: String?, text: String) {
        self.elements = elements
        self.timeExpressions = timeExpressions
        self.creationTimeID = creationTimeID
        self.text = text
    }

    /// The events and relations, in document order.
    mutating func resolve() -> (events: [Event], relations: [TemporalRelation]) {
        guard elements.contains(where: { $0.name == "EVENT" || $0.name == "TLINK" }) else { return ([], []) }
        let events = resolveEvents()
        return (events, resolveRelations(events: events))
    }

    // MARK: Events

    private mutating func resolveEvents() -> [Event] {
        let eventIDs = Set(elements.lazy.filter { $0.name == "EVENT" && $0.span != nil }.compactMap { $0[attribute: "eid"] })
        let outsideEventIDs = Set(elements.lazy.filter { $0.name == "EVENT" && $0.span == nil }.compactMap { $0[attribute: "eid"] })
        var instances: [String: [TimeMLElement]] = [:]
        var instanceIDs: Set<String> = []
        for element in elements where element.name == "MAKEINSTANCE" {
            guard let eventID = nonEmpty(element[attribute: "eventID"]), let instanceID = nonEmpty(element[attribute: "eiid"]) else {
                warn("MAKEINSTANCE without eventID or eiid; ignored")
                continue
            }
            guard eventIDs.contains(eventID) else {
                if outsideEventIDs.contains(eventID) {
                    outsideInstanceIDs.insert(instanceID)
                    continue
                }
                warn("MAKEINSTANCE \(instanceID) names no EVENT \(eventID) in TEXT; ignored")
                continue
            }
            guard instanceIDs.insert(instanceID).inserted else {
                warn("MAKEINSTANCE eiid \(instanceID) is repeated; the repetition is ignored")
                continue
            }
            instances[eventID, default: []].append(element)
        }

        let scalars = Array(text.unicodeScalars)
        var events: [Event] = []
        for element in elements where element.name == "EVENT" {
            let id = element[attribute: "eid"] ?? ""
            guard let span = element.span else { continue }  // in a headline, say: not part of TEXT, not scored
            if id.isEmpty { warn("EVENT without eid", span: span) }
            let label = id.isEmpty ? "EVENT" : "EVENT \(id)"
            let eventClass = parse(element[attribute: "class"], as: Event.Class.self, default: .occurrence, what: "class", of: label, span: span)
            let covered = String(String.UnicodeScalarView(scalars[min(span.start, scalars.count)..<min(span.end, scalars.count)]))
            let lemma = element[attribute: "stem"] ?? ""
            let eventInstances: [TimeMLElement?] = instances[id] ?? [nil]
            for instance in eventInstances {
                func value(_ name: String) -> String? { nonEmpty(instance?[attribute: name]) ?? nonEmpty(element[attribute: name]) }
                let pos = value("pos")
                events.append(Event(
                    id: id, instanceID: instance?[attribute: "eiid"] ?? "", span: span, text: covered, lemma: lemma, eventClass: eventClass,
                    tense: parse(value("tense"), as: Event.Tense.self, default: .none, what: "tense", of: label, span: span),
                    aspect: parse(value("aspect"), as: Event.Aspect.self, default: .none, what: "aspect", of: label, span: span),
                    polarity: parse(value("polarity"), as: Event.Polarity.self, default: .positive, what: "polarity", of: label, span: span),
                    modality: value("modality"),
                    partOfSpeech: parse(pos, as: Event.PartOfSpeech.self, default: .other, what: "pos", of: label, span: span)))
            }
        }
        return events
    }

    private mutating func parse<T: RawRepresentable<String>>(
        _ raw: String?, as _: T.Type, default fallback: T, what: String, of label: String, span: TextSpan
    ) -> T {
        guard let raw = nonEmpty(raw) else { return fallback }
        guard let value = T(rawValue: raw) else {
            warn("\(label) has an unknown \(what) \"\(raw)\"; read as \(fallback.rawValue)", span: span)
            return fallback
        }
        return value
    }

    // MARK: Relations

    private mutating func resolveRelations(events: [Event]) -> [TemporalRelation] {
        let instanceIDs = Set(events.lazy.map(\.instanceID).filter { !$0.isEmpty })
        var timeIDs = Set(timeExpressions.lazy.map(\.id).filter { !$0.isEmpty })
        if let creationTimeID = nonEmpty(creationTimeID) { timeIDs.insert(creationTimeID) }
        var signals: [String: TextSpan] = [:]
        for element in elements where element.name == "SIGNAL" {
            if let id = nonEmpty(element[attribute: "sid"]), let span = element.span, signals[id] == nil { signals[id] = span }
        }

        var relations: [TemporalRelation] = []
        for element in elements where element.name == "TLINK" {
            let id = element[attribute: "lid"] ?? ""
            let label = id.isEmpty ? "TLINK" : "TLINK \(id)"
            if id.isEmpty { warn("TLINK without lid") }
            guard let rawType = nonEmpty(element[attribute: "relType"]) else {
                warn("\(label) has no relType; ignored")
                continue
            }
            guard let type = TemporalRelation.RelationType(rawValue: rawType) else {
                warn("\(label) has an unknown relType \"\(rawType)\"; ignored")
                continue
            }
            guard let source = endpoint(of: element, event: "eventInstanceID", time: "timeID", label: label, instanceIDs, timeIDs),
                  let target = endpoint(of: element, event: "relatedToEventInstance", time: "relatedToTime", label: label, instanceIDs, timeIDs)
            else { continue }
            var signal: TextSpan?
            if let signalID = nonEmpty(element[attribute: "signalID"]) {
                signal = signals[signalID]
                if signal == nil { warn("\(label) names no SIGNAL \(signalID) in TEXT; read without a signal") }
            }
            relations.append(TemporalRelation(id: id, source: source, target: target, type: type, signal: signal))
        }
        return relations
    }

    /// The endpoint named by exactly one of the two attributes, if it names an event instance or time that exists.
    private mutating func endpoint(
        of element: TimeMLElement, event eventAttribute: String, time timeAttribute: String, label: String,
        _ instanceIDs: Set<String>, _ timeIDs: Set<String>
    ) -> TemporalRelation.Endpoint? {
        switch (nonEmpty(element[attribute: eventAttribute]), nonEmpty(element[attribute: timeAttribute])) {
        case (let instance?, nil):
            if instanceIDs.contains(instance) { return .event(instanceID: instance) }
            if outsideInstanceIDs.contains(instance) { return nil }
            warn("\(label) names no event instance \(instance) (\(eventAttribute)); ignored")
        case (nil, let time?):
            if timeIDs.contains(time) { return .time(id: time) }
            warn("\(label) names no TIMEX3 \(time) in TEXT or DCT (\(timeAttribute)); ignored")
        case (_?, _?):
            warn("\(label) has both \(eventAttribute) and \(timeAttribute); ignored")
        case (nil, nil):
            warn("\(label) has neither \(eventAttribute) nor \(timeAttribute); ignored")
        }
        return nil
    }

    // MARK: Helpers

    private mutating func warn(_ message: String, span: TextSpan? = nil) {
        diagnostics.append(Diagnostic(.warning, .malformedInput, message, span: span))
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
