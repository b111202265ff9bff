import ChronicleCalendar
import ChronicleCore
import ChronicleEntities

/// The entries of a timeline from their clusters of mentions, and how warnings describe them.
extension Build {
    // MARK: Entries

    func entry(_ c: Int, cluster: [Int], placement: PlacementDraft, entryID: [String], timeNodes: [Node],
                       statementEntry: [Int: [Int: Int]], contents: [StatementContents]) -> Timeline.Entry {
        // The representative mention: a statement's verb if there is one, else the first with the narrowest days.
        let representative = cluster.first { mentions[$0].statement != nil } ?? cluster.min { a, b in
            let wa = width(mentions[a].bounds), wb = width(mentions[b].bounds)
            return wa != wb ? wa < wb : a < b
        }!
        let mention = mentions[representative]
        let source = sourceSpan(mention)
        let event = Timeline.EventInfo(text: mention.text, lemma: mention.lemma, eventClass: mention.eventClass, source: source)
        var anchor: Timeline.Anchor?
        switch placement.anchorNode {
        case .time(let d, let id)?:
            if let timex = timeExpressions[.time(document: d, id: id)] {
                anchor = .time(document: documentIDs[d], id: id, text: timex.text, value: timex.value)
            } else if let creationTime = story[d].document.creationTime {
                anchor = .creationTime(document: documentIDs[d], value: creationTime.description)
            }
        case .entry(let target)?:
            anchor = .entry(id: entryID[target])
        case nil:
            anchor = nil
        }
        let time = Timeline.Placement(
            value: placement.value, start: placement.first.map(CalendarDate.init(dayNumber:)), end: placement.last.map(CalendarDate.init(dayNumber:)),
            granularity: placement.granularity, relation: placement.relation, anchor: anchor, basis: placement.basis)
        var statement: Timeline.StatementInfo?
        if let s = mention.statement {
            let document = story[mention.document].document
            let found = document.statements[s]
            let analysis = analyses[mention.document]
            statement = Timeline.StatementInfo(
                speaker: found.speaker, speakerMention: found.speakerSpan.map(analysis.text), verb: found.verb, channel: found.channel,
                stance: found.stance, content: found.content.map { sourceSpan(document: mention.document, $0) },
                contentText: found.content.map(analysis.text))
        }
        var participants: [String] = []
        for m in cluster { for name in mentions[m].participants where !participants.contains(name) { participants.append(name) } }
        var roles: [Timeline.Participant] = []
        for m in cluster { for role in mentions[m].roles where !roles.contains(role) { roles.append(role) } }
        // In the documents' order in the story, then by offset (document IDs are unique: the index is the order); the
        // documents that repeat a mention's document word for word are sources at the same offsets.
        var told: [(document: Int, span: TextSpan)] = []
        for m in cluster {
            told.append((mentions[m].document, mentions[m].span))
            for d in repeats[mentions[m].document] { told.append((d, mentions[m].span)) }
        }
        let sources = told.sorted { ($0.document, $0.span.start) < ($1.document, $1.span.start) }.map { sourceSpan(document: $0.document, $0.span) }
        // Attribution: the statements whose content holds a mention.
        var narrated = false
        var attributedTo: [Int] = []
        var stances: [Statement.Stance] = []
        var denied = false
        for m in cluster {
            let mention = mentions[m]
            let statements = story[mention.document].document.statements
            let containing = contents[mention.document].containing(mention.span).filter { s in
                s != mention.statement && !statements[s].verbSpan.overlaps(mention.span)
            }.sorted { (statements[$0].content!.length, $0) < (statements[$1].content!.length, $1) }
            if containing.isEmpty { narrated = true }
            for s in containing {
                if let target = statementEntry[mention.document]?[s], target != c, !attributedTo.contains(target) { attributedTo.append(target) }
                if statements[s].stance == .denied { denied = true }
            }
            if let firstNonDenial = containing.first(where: { statements[$0].stance != .denied }) {
                stances.append(statements[firstNonDenial].stance)
            } else if !containing.isEmpty {
                stances.append(.denied)
            }
        }
        let attribution: Timeline.Attribution
        if narrated {
            attribution = .narrated
        } else if stances.contains(.asserted) {
            attribution = .asserted
        } else if stances.contains(.reported) {
            attribution = .reported
        } else {
            attribution = .denied
        }
        return Timeline.Entry(
            id: entryID[c], event: event, time: time, statement: statement, participants: participants, roles: roles, sources: sources,
            // Denied only when no mention of the entry is told as fact: the hospitalization stays a fact even
            // though it is named in the filming reports that were denied.
            attribution: attribution, attributedTo: attributedTo.map { entryID[$0] },
            isDenied: denied && attribution != .narrated && attribution != .asserted)
    }

    func width(_ bounds: (first: Int?, last: Int?)) -> Int {
        guard let first = bounds.first, let last = bounds.last else { return bounds.first != nil || bounds.last != nil ? Int.max - 1 : Int.max }
        return last - first
    }

    func sourceSpan(_ mention: MentionRecord) -> Timeline.SourceSpan {
        sourceSpan(document: mention.document, mention.span)
    }

    func sourceSpan(document d: Int, _ span: TextSpan) -> Timeline.SourceSpan {
        Timeline.SourceSpan(document: documentIDs[d], span: span, sentence: analyses[d].sentenceIndex(at: span.start))
    }

    // MARK: Descriptions for warnings

    func describe(node: Int, clusters: [[Int]], entryID: [String], timeNodes: [Node]) -> String {
        if node < clusters.count { return "\(entryID[node]) “\(mentions[clusters[node][0]].text)”" }
        guard case .time(let d, let id) = timeNodes[node - clusters.count] else { return "?" }
        if let timex = timeExpressions[.time(document: d, id: id)] { return "\(id) “\(timex.text)”" }
        return "the creation time"
    }
}
