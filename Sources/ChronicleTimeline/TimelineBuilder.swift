import ChronicleCalendar
import ChronicleCore
import ChronicleEntities

/// Builds the ``Timeline`` of a story from its annotated documents (time expressions, words, events,
/// relations and statements: the output of the whole pipeline).
///
/// ```swift
/// let pipeline = Pipeline()
/// let documents = stories.map { StoryDocument(pipeline.run($0.text, creationTime: $0.published, id: $0.id), title: $0.title) }
/// let timeline = TimelineBuilder().build(documents)
/// print(TimelineTextRenderer().render(timeline))
/// ```
///
/// How it works:
///
/// 1. **Mentions.** Every event of every document is a mention. A statement whose reporting verb is not an
///    event of the document (the event stage missed it, or did not run) becomes a mention of its own, of
///    class REPORTING; when such a statement has no relation, the time expression of its own clause (outside
///    the content) places it: the time of saying, not of what was said.
/// 2. **Bounds.** Time expressions with calendar days (``TimexCalendar``; the creation time is `t0`) are fixed
///    intervals; the relations of each document bound the start and end of each event (``PointBounds``):
///    `e IS_INCLUDED Oct. 13` gives Oct. 13, `e BEFORE f` with `f` on Oct. 13 gives "at the latest Oct. 13",
///    `e BEFORE t0` gives "at the latest the day before the creation time".
/// 3. **Merging.** Two mentions are the same event when their lemmas share a derivational root
///    ("hospitalized", "hospitalization"), their bounds intersect, and one of them is a noun (a nominal
///    mention usually refers back: "the interview") or they come from different documents and share a
///    participant or an exact time. Statements merge only with statements of the same speaker and verb.
///    Light verbs ("be", "have", "do", "make", "say", ...) never merge. Mentions are taken in document
///    order and join the first compatible entry.
/// 4. **Placement.** Bounds are recomputed over the merged entries (so a relation to any mention of an entry
///    counts for all of them). The anchor is the most telling relation of the entry's mentions: a time
///    expression with days (ON, then BEFORE/AFTER, then OVERLAP), an unknown-year date, another entry that is
///    placed, the creation time. `time.start`/`end` are the bounds, `value` and `granularity` those of the
///    time the entry is ON (open or range intervals otherwise).
/// 5. **Order.** By first possible day (else last possible day, else the month and day of an unknown-year
///    date, else last), respecting every BEFORE the relations entail between entries (a topological sort),
///    then before-placements before on-placements before after-placements, then document order.
/// 6. **Warnings.** The documents' diagnostics (`weekday-mismatch`, `ambiguous-year` with its candidate years,
///    ...), `conflicting-times` for the same event (same root and a shared participant) placed on disjoint
///    days, or for an entry whose relations contradict its times, and `ordering-cycle` for each relation
///    that contradicts the ones before it (``TemporalGraph``).
public struct TimelineBuilder: Sendable {
    /// The largest group of relations tied together (events and times) that is closed: checked for ordering
    /// cycles across documents, ordered by everything it entails, reduced to the relations the others do not
    /// entail. A closure costs about the cube of its size; a larger group (one very long document, a story of
    /// hundreds of articles) keeps its relations as the documents give them (each document's own are
    /// consistent) and is ordered by its direct BEFORE and AFTER relations.
    public var maximumClosedIntervals: Int

    public init(maximumClosedIntervals: Int = 3_000) {
        self.maximumClosedIntervals = maximumClosedIntervals
    }

    /// The timeline of documents without titles.
    public func build(_ documents: [Document]) -> Timeline {
        build(documents.map { StoryDocument($0) })
    }

    /// The timeline of a story.
    public func build(_ story: [StoryDocument]) -> Timeline {
        var builder = Build(story, maximumClosedIntervals: maximumClosedIntervals)
        return builder.run()
    }
}

// MARK: - Internals

/// An event mention: an event of a document, or a statement's verb.
struct MentionRecord {
    var document: Int
    /// The relation endpoint id (`ei3`), or a synthetic key for a statement's verb.
    var key: String
    var span: TextSpan
    var text: String
    var lemma: String
    var root: String
    var eventClass: Event.Class
    var isNominal: Bool
    var sentence: Int?
    /// Index into the document's statements, when the mention is a statement's verb.
    var statement: Int?
    var participants: [String]
    /// The entities taking part, with their roles (``participants`` are their names).
    var roles: [Timeline.Participant] = []
    /// Where its verb group points in time.
    var outlook: Outlook
    /// Whether its event is negated ("did not reopen").
    var isNegated = false
    /// Whether its own document's relations place it at incompatible times.
    var isContradictory = false
    var bounds: (first: Int?, last: Int?) = (nil, nil)
}

/// A relation endpoint once mentions are known: a mention, a time expression or a creation time.
enum Node: Hashable {
    case mention(Int)
    case time(document: Int, id: String)
}

/// A relation of a document between two nodes.
struct Link {
    var document: Int
    var source: Node
    var target: Node
    var type: TemporalRelation.RelationType
    var order: Int
    /// Whether the text states it (a time of its clause, the time of saying) rather than the relation stage guessing
    /// it: stated links are checked first, so a guess that contradicts them is the one left out.
    var isStated = false
}

struct Build {
    let story: [StoryDocument]
    var documentIDs: [String] = []
    var analyses: [DocumentAnalysis] = []
    var entityIndexes: [EntityIndex] = []
    var mentions: [MentionRecord] = []
    var links: [Link] = []
    /// Calendar days of the time expressions (and `t0`) of each document.
    var times: [Node: DayInterval] = [:]
    var timeExpressions: [Node: TimeExpression] = [:]
    /// The indices in `links` of each mention's links (filled once every document is collected).
    var mentionLinks: [[Int]] = []
    /// Per document, the later documents of the story that repeat it (see ``findRepeats()``).
    var repeats: [[Int]] = []
    /// Per document, the hash of each sentence's text (see ``isSameSentence(_:_:)``).
    var sentenceHashes: [[Int]] = []

    let maximumClosedIntervals: Int

    init(_ story: [StoryDocument], maximumClosedIntervals: Int) {
        self.story = story
        self.maximumClosedIntervals = maximumClosedIntervals
    }

    mutating func run() -> Timeline {
        assignDocumentIDs()
        let original = findRepeats()
        for (d, item) in story.enumerated() {
            if let o = original[d] {
                // A repeat brings no mentions, times or relations of its own: it is a further source of its original's.
                analyses.append(analyses[o])
                entityIndexes.append(entityIndexes[o])
                sentenceHashes.append(sentenceHashes[o])
            } else {
                collect(d, item.document)
            }
        }
        mentionLinks = [[Int]](repeating: [], count: mentions.count)
        for (index, link) in links.enumerated() {
            for case .mention(let m) in [link.source, link.target] { mentionLinks[m].append(index) }
        }
        computeMentionBounds()
        var clusters = merge()
        // A merge whose mentions the relations place at incompatible times, or that closes an ordering cycle, was wrong:
        // split such entries back into their mentions (a few rounds).
        var graph = storyGraph(clusters)
        for _ in 0..<3 {
            // (A mention that its own document's relations contradict does not make its merge wrong, unless written times
            // of two documents disagree in it.)
            var wrong = Set(clusters.indices.filter { c in
                guard clusters[c].count > 1, graph.bounds.isContradictory(c) else { return false }
                guard clusters[c].contains(where: { mentions[$0].isContradictory }) else { return true }
                guard let (a, b) = explicitDays(of: clusters[c]).contradiction else { return false }
                return a.document != b.document
            })
            for index in graph.components.inconsistent {
                for node in [graph.links[index].source, graph.links[index].target] where node < clusters.count && clusters[node].count > 1 {
                    wrong.insert(node)
                }
            }
            if wrong.isEmpty { break }
            var split: [[Int]] = []
            for (c, cluster) in clusters.enumerated() {
                if wrong.contains(c) { split += cluster.map { [$0] } } else { split.append(cluster) }
            }
            clusters = split.sorted { $0[0] < $1[0] }
            graph = storyGraph(clusters)
        }
        return assemble(clusters, graph)
    }

    mutating func assignDocumentIDs() {
        var used: Set<String> = []
        for (index, item) in story.enumerated() {
            var base = item.document.id.isEmpty ? "doc\(index + 1)" : item.document.id
            if used.contains(base) {
                var n = 2
                while used.contains("\(base)-\(n)") { n += 1 }
                base = "\(base)-\(n)"
            }
            used.insert(base)
            documentIDs.append(base)
        }
    }

    // MARK: Collecting

    mutating func collect(_ d: Int, _ document: Document) {
        let analysis = DocumentAnalysis(document)
        let index = EntityIndex(document, analysis)
        analyses.append(analysis)
        entityIndexes.append(index)
        sentenceHashes.append(analysis.sentenceSpans.map { analysis.text($0).hashValue })
        if let creationTime = document.creationTime {
            let day = creationTime.date.dayNumber
            times[.time(document: d, id: "t0")] = DayInterval(first: day, last: day, granularity: creationTime.time == nil ? .day : .time)
        }
        let storyYear = storyYear(forUndated: d)
        for timex in document.timeExpressions {
            let node = Node.time(document: d, id: timex.id)
            timeExpressions[node] = timex
            if let interval = TimexCalendar.interval(of: timex, creationTime: document.creationTime, storyYear: storyYear) { times[node] = interval }
        }
        var byKey: [String: Int] = [:]
        let first = mentions.count
        for event in document.events {
            let key = event.instanceID.isEmpty ? event.id : event.instanceID
            guard byKey[key] == nil else { continue }
            byKey[key] = mentions.count
            mentions.append(record(d, key: key, span: event.span, text: event.text, lemma: event.lemma.isEmpty ? event.text.lowercased() : event.lemma,
                                   eventClass: event.eventClass, isNominal: event.partOfSpeech == .noun, event: event, analysis: analysis, index: index))
        }
        // Nouns of events written with their own date that the event stage missed ("a follow-up survey on Saturday").
        var datedNouns: [(mention: Int, timex: TimeExpression)] = []
        for (w, timex) in datedEventNouns(d, document, analysis: analysis, events: mentions[first...].map(\.span)) {
            let span = analysis.words[w].span
            byKey["noun:\(span.start)"] = mentions.count
            datedNouns.append((mentions.count, timex))
            mentions.append(record(d, key: "noun:\(span.start)", span: span, text: analysis.text(span), lemma: analysis.lemma(of: w),
                                   eventClass: .occurrence, isNominal: true, event: nil, analysis: analysis, index: index))
        }
        // Statements: tie each to its reporting event, or make its verb a mention. (The mentions a verb can be are the
        // ones so far: those made for statements below already have theirs.)
        let earlier = SpanIndex((first..<mentions.count).map { ($0, mentions[$0].span) })
        for (s, statement) in document.statements.enumerated() {
            var target: Int?
            if let id = statement.reportingEventID { target = byKey[id] }
            if target == nil {
                target = earlier.mayOverlap(statement.verbSpan).filter {
                    mentions[$0].span.overlaps(statement.verbSpan) && mentions[$0].statement == nil
                }.min()
            }
            if let target, mentions[target].statement == nil {
                mentions[target].statement = s
                addSpeaker(statement, to: target)
                continue
            }
            let key = "statement:\(statement.id)"
            byKey[key] = mentions.count
            let text = analysis.text(statement.verbSpan)
            mentions.append(record(d, key: key, span: statement.verbSpan, text: text, lemma: statement.verb, eventClass: .reporting,
                                   isNominal: false, event: nil, analysis: analysis, index: index))
            mentions[mentions.count - 1].statement = s
            addSpeaker(statement, to: mentions.count - 1)
        }
        // Relations.
        var order = links.count
        func node(_ endpoint: TemporalRelation.Endpoint) -> Node? {
            switch endpoint {
            case .event(let id): return byKey[id].map(Node.mention)
            case .time(let id):
                let node = Node.time(document: d, id: id)
                return times[node] != nil || timeExpressions[node] != nil ? node : nil
            }
        }
        var timed: Set<Int> = []  // mentions related to a time expression (the creation time does not count)
        for relation in document.relations {
            guard let source = node(relation.source), let target = node(relation.target), source != target else { continue }
            // The time of saying is not placed by the relation stage's links between a reporting event and other events
            // (they mostly concern what was said); only a link that puts the saying after an event is kept.
            if case .mention(let a) = source, case .mention(let b) = target, mentions[a].statement != nil || mentions[b].statement != nil {
                let after = mentions[a].statement != nil && [.after, .immediatelyAfter].contains(relation.type)
                    || mentions[b].statement != nil && [.before, .immediatelyBefore].contains(relation.type)
                if !after || mentions[a].statement != nil && mentions[b].statement != nil { continue }
            }
            // Nor by a time expression inside what was said ("'We think it's the future,' said Jobs").
            if isInOwnContent(source, target, document) || isInOwnContent(target, source, document) { continue }
            links.append(Link(document: d, source: source, target: target, type: signalReading(relation.type, source, target, analysis),
                              order: order))
            order += 1
            for (end, other) in [(source, target), (target, source)] {
                if case .mention(let m) = end, case .time(_, let id) = other, timeExpressions[other] != nil, id != "t0" { timed.insert(m) }
            }
        }
        // A statement not related to any time expression: the date written in its own clause is the time of saying
        // ("Kardashian took to Twitter on Wednesday, Oct. 28 to clarify ...").
        let documentMentions = SpanIndex((first..<mentions.count).map { ($0, mentions[$0].span) })
        let documentTimes = SpanIndex(document.timeExpressions.indices.map { ($0, document.timeExpressions[$0].span) })
        for m in first..<mentions.count where mentions[m].statement != nil && !timed.contains(m) {
            let statement = document.statements[mentions[m].statement!]
            if let timex = timeOfSaying(statement, in: document, analysis: analysis, mentions: documentMentions, times: documentTimes) {
                links.append(Link(document: d, source: .mention(m), target: .time(document: d, id: timex.id), type: .isIncluded, order: order,
                                  isStated: true))
                order += 1
            }
        }
        for (m, timex) in datedNouns {
            links.append(Link(document: d, source: .mention(m), target: .time(document: d, id: timex.id), type: .isIncluded, order: order,
                              isStated: true))
            order += 1
            timed.insert(m)
        }
        attachClauseTimes(d, document: document, analysis: analysis, mentions: first..<mentions.count, timed: timed, order: &order)
    }

    func record(_ d: Int, key: String, span: TextSpan, text: String, lemma: String, eventClass: Event.Class, isNominal: Bool,
                        event: Event?, analysis: DocumentAnalysis, index: EntityIndex) -> MentionRecord {
        var roles: [Timeline.Participant] = []
        var nominal = isNominal
        var outlook = Outlook.none
        var (span, text, lemma) = (span, text, lemma)
        if let w = analysis.wordIndex(at: span.start), w < analysis.words.count, analysis.words[w].span.overlaps(span) {
            roles = index.participants(ofWord: w, in: analysis).map { Timeline.Participant(name: index.entities[$0.entity].name, role: $0.role) }
            if analysis.words[w].isNoun { nominal = true }
            outlook = nominal ? .none : Self.outlook(of: w, event: event, analysis: analysis)
            // A phrasal verb is one event: "rolled out", "pushed back", "accounts for".
            if !nominal, let particle = Derivation.particle(after: w, analysis: analysis) {
                span = TextSpan(start: span.start, end: analysis.words[particle].span.end)
                text = analysis.text(span)
                lemma = lemma.lowercased() + " " + analysis.lower(of: particle)
            }
        }
        return MentionRecord(
            document: d, key: key, span: span, text: text, lemma: lemma.lowercased(), root: Derivation.root(lemma), eventClass: eventClass,
            isNominal: nominal, sentence: analysis.sentenceIndex(at: span.start), statement: nil, participants: roles.map(\.name), roles: roles,
            outlook: outlook, isNegated: event?.polarity == .negative)
    }

    mutating func addSpeaker(_ statement: Statement, to m: Int) {
        guard let speaker = statement.speaker else { return }
        mentions[m].participants.removeAll { $0 == speaker }
        mentions[m].participants.insert(speaker, at: 0)
        mentions[m].roles.removeAll { $0.name == speaker }
        mentions[m].roles.insert(Timeline.Participant(name: speaker, role: .speaker), at: 0)
    }

    /// The date or time nearest the statement's verb in the stretch of its sentence the verb is in (brackets,
    /// dashes, colons and semicolons bound it), outside the content; references such as "now" do not count.
    /// (`mentions` are the document's, `times` its time expressions, numbered as in the document.)
    func timeOfSaying(_ statement: Statement, in document: Document, analysis: DocumentAnalysis, mentions: SpanIndex, times: SpanIndex)
        -> TimeExpression? {
        guard let verb = analysis.wordIndex(at: statement.verbSpan.start), verb < analysis.words.count else { return nil }
        let bounds = stretch(around: verb, analysis: analysis)
        var best: (TimeExpression, Int)?
        for t in times.starting(in: bounds.start..<bounds.end + 1).sorted() {
            let timex = document.timeExpressions[t]
            guard bounds.contains(timex.span), timex.kind == .date || timex.kind == .time, !timex.value.hasSuffix("_REF") else { continue }
            if let content = statement.content, content.overlaps(timex.span) { continue }
            // Not a time of another verb between them ("said Nandakumar, who took the job in January").
            let between = min(timex.span.end, statement.verbSpan.end)..<max(timex.span.start, statement.verbSpan.start)
            if mentions.starting(in: between).contains(where: { m in
                !self.mentions[m].isNominal && !self.mentions[m].span.overlaps(statement.verbSpan)
                    && blocks(m, from: self.mentions[m], analysis: analysis)
            }) {
                continue
            }
            let distance = abs(timex.span.start - statement.verbSpan.start)
            if best == nil || distance < best!.1 { best = (timex, distance) }
        }
        return best?.0
    }

    // MARK: Bounds

    /// The bounds of each mention from its own document's relations.
    mutating func computeMentionBounds() {
        var nodeIndex: [Node: Int] = [:]
        var nodes: [Node] = []
        func index(_ node: Node) -> Int {
            if let existing = nodeIndex[node] { return existing }
            nodeIndex[node] = nodes.count
            nodes.append(node)
            return nodes.count - 1
        }
        for m in mentions.indices { _ = index(.mention(m)) }
        for link in links { _ = index(link.source); _ = index(link.target) }
        var bounds = PointBounds(count: nodes.count)
        for (n, node) in nodes.enumerated() { if let interval = times[node] { bounds.fix(n, to: interval) } }
        for link in links { bounds.add(link.type, index(link.source), index(link.target)) }
        bounds.propagate()
        for m in mentions.indices {
            let n = nodeIndex[.mention(m)]!
            mentions[m].isContradictory = bounds.isContradictory(n)
            mentions[m].bounds = bounds.isContradictory(n) ? (nil, nil) : bounds.days(of: n)
        }
    }

    /// Whether `time` is a time expression inside the content of the statement whose saying is `saying`.
    func isInOwnContent(_ saying: Node, _ time: Node, _ document: Document) -> Bool {
        guard case .mention(let m) = saying, let s = mentions[m].statement, let content = document.statements[s].content,
              let timex = timeExpressions[time] else { return false }
        return content.start <= timex.span.start && timex.span.end <= content.end
    }

    // MARK: Assembly

    /// The relations of the story between entries (clusters of mentions) and times, their bounds and closures.
    struct StoryGraph {
        var entryOfMention: [Int]
        /// The times related to something, as story nodes `clusters.count + index`.
        var timeNodes: [Node]
        var links: [(source: Int, target: Int, type: TemporalRelation.RelationType, document: Int)]
        var bounds: PointBounds
        var components: ComponentGraphs
    }

    func storyGraph(_ clusters: [[Int]]) -> StoryGraph {
        var entryOfMention = [Int](repeating: 0, count: mentions.count)
        for (c, cluster) in clusters.enumerated() { for m in cluster { entryOfMention[m] = c } }
        var nodeIndex: [Node: Int] = [:]
        var timeNodes: [Node] = []
        func storyNode(_ node: Node) -> Int {
            switch node {
            case .mention(let m): return entryOfMention[m]
            case .time:
                if let existing = nodeIndex[node] { return existing }
                nodeIndex[node] = clusters.count + timeNodes.count
                timeNodes.append(node)
                return clusters.count + timeNodes.count - 1
            }
        }
        var storyLinks: [(source: Int, target: Int, type: TemporalRelation.RelationType, document: Int)] = []
        for link in links.filter(\.isStated) + links.filter({ !$0.isStated }) {
            let source = storyNode(link.source), target = storyNode(link.target)
            if source == target { continue }
            storyLinks.append((source, target, link.type, link.document))
        }
        var bounds = PointBounds(count: clusters.count + timeNodes.count)
        for (t, node) in timeNodes.enumerated() { if let interval = times[node] { bounds.fix(clusters.count + t, to: interval) } }
        for link in storyLinks { bounds.add(link.type, link.source, link.target) }
        bounds.propagate()
        // Closures, per connected component of the relations: cycles, the order they entail, relations without redundancy.
        let components = ComponentGraphs(
            storyLinks: storyLinks, entryCount: clusters.count, nodeCount: clusters.count + timeNodes.count,
            maximumClosedIntervals: maximumClosedIntervals)
        return StoryGraph(entryOfMention: entryOfMention, timeNodes: timeNodes, links: storyLinks, bounds: bounds, components: components)
    }

    func assemble(_ clusters: [[Int]], _ graph: StoryGraph) -> Timeline {
        var warnings: [Timeline.Warning] = []
        let timeNodes = graph.timeNodes
        let storyLinks = graph.links
        let bounds = graph.bounds
        let components = graph.components

        // Placement of every entry.
        let anchors = self.anchors(clusterCount: clusters.count, storyLinks: storyLinks, timeNodes: timeNodes)
        var placements: [PlacementDraft] = []
        for c in clusters.indices {
            placements.append(placement(of: c, anchor: anchors[c], bounds: bounds))
        }
        // Granularity and value of entries ON another entry come from it (in dependency order).
        for _ in 0..<min(clusters.count, 32) {
            var changed = false
            for c in clusters.indices {
                guard placements[c].relation == .on, case .entry(let target)? = placements[c].anchorNode else { continue }
                let source = placements[target]
                if source.relation == .on, placements[c].value != source.value || placements[c].granularity != source.granularity {
                    placements[c].value = source.value
                    placements[c].granularity = source.granularity
                    changed = true
                }
            }
            if !changed { break }
        }

        // Conflicts.
        // An entry whose relations contradict each other keeps the days of the time expression it is on, if any. It
        // is reported only when written times disagree: the relations between events are the relation stage's guesses.
        var contradictions: [Int: (WrittenTime, WrittenTime)] = [:]
        for c in clusters.indices where bounds.isContradictory(c) {
            let explicit = explicitDays(of: clusters[c])
            contradictions[c] = explicit.contradiction
            placements[c].first = explicit.first
            placements[c].last = explicit.last
            placements[c].contradictory = true
        }
        date(&placements, clusters: clusters)
        let conflictPairs = conflicts(clusters: clusters, placements: placements)

        // Order.
        let order = self.order(clusters: clusters, placements: placements, precedence: components.precedence)
        var entryID = [String](repeating: "", count: clusters.count)
        for (position, c) in order.enumerated() { entryID[c] = "E\(position + 1)" }

        // Statements' entries, for attribution.
        var statementEntry: [Int: [Int: Int]] = [:]  // document → statement index → cluster
        for (c, cluster) in clusters.enumerated() {
            for m in cluster { if let s = mentions[m].statement { statementEntry[mentions[m].document, default: [:]][s] = c } }
        }

        let contents = story.map { StatementContents($0.document.statements) }
        var entries: [Timeline.Entry] = []
        for c in order {
            entries.append(entry(
                c, cluster: clusters[c], placement: placements[c], entryID: entryID, timeNodes: timeNodes, statementEntry: statementEntry,
                contents: contents))
        }
        // A participant named by one word in one document ("Odom") and in full in another ("Lamar Odom") is one participant.
        let fullNames = Set(entries.flatMap(\.participants).filter { $0.contains(" ") })
        var expansion: [String: String] = [:]
        for name in fullNames {
            let words = name.split(separator: " ").map(String.init)
            for part in [words.first!, words.last!] { expansion[part] = expansion[part] == nil ? name : "" }
        }
        for index in entries.indices {
            var names: [String] = []
            for name in entries[index].participants {
                let full = expansion[name].flatMap { $0.isEmpty ? nil : $0 } ?? name
                if !names.contains(full) { names.append(full) }
            }
            entries[index].participants = names
            entries[index].roles = entries[index].roles.reduce(into: []) { roles, participant in
                let full = Timeline.Participant(name: expansion[participant.name].flatMap { $0.isEmpty ? nil : $0 } ?? participant.name, role: participant.role)
                if !roles.contains(full) { roles.append(full) }
            }
            if var statement = entries[index].statement, let speaker = statement.speaker, let full = expansion[speaker], !full.isEmpty {
                statement.speaker = full
                entries[index].statement = statement
            }
        }

        // Relations between entries, without redundant ones.
        // By the numbers of their entries (the positions in `order`), then type.
        var position = [Int](repeating: 0, count: clusters.count)
        for (p, c) in order.enumerated() { position[c] = p }
        let relations = components.reduced.sorted { a, b in
            (position[a.source], position[a.target], a.type.rawValue) < (position[b.source], position[b.target], b.type.rawValue)
        }.map { relation in
            Timeline.Relation(source: entryID[relation.source], target: entryID[relation.target], type: relation.type,
                              documents: relation.documents.map { documentIDs[$0] })
        }

        // Warnings: the documents' diagnostics, then the timeline's own.
        for (d, item) in story.enumerated() {
            let yearFromStory = storyYearWarning(d)
            if let yearFromStory { warnings.append(yearFromStory) }
            for diagnostic in item.document.diagnostics where yearFromStory == nil || diagnostic.code != .ambiguousYear {
                var candidates: [Int] = []
                if diagnostic.code == .ambiguousYear || diagnostic.code == .inferredYear {
                    candidates = item.document.timeExpressions.first {
                        $0.yearInference != nil && (diagnostic.span.map($0.span.overlaps) ?? true)
                    }?.yearInference?.candidates ?? []
                }
                warnings.append(Timeline.Warning(severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message,
                                                 document: documentIDs[d], span: diagnostic.span, candidates: candidates))
            }
        }
        for c in order {
            guard let (a, b) = contradictions[c].map({ ($0.0.timex, $0.1.timex) }) else { continue }
            warnings.append(Timeline.Warning(
                severity: .warning, code: Timeline.Warning.conflictingTimes,
                message: "\(entryID[c]) “\(mentions[clusters[c][0]].text)” is placed by “\(a.text)” (\(a.value)) and by “\(b.text)” "
                    + "(\(b.value)), which are incompatible",
                entries: [entryID[c]]))
        }
        for (a, b) in conflictPairs {
            let (first, second) = order.firstIndex(of: a)! < order.firstIndex(of: b)! ? (a, b) : (b, a)
            warnings.append(Timeline.Warning(
                severity: .warning, code: Timeline.Warning.conflictingTimes,
                message: "\(evidence(first, clusters, placements, entryID)) and \(evidence(second, clusters, placements, entryID)) "
                    + "look like the same event at incompatible times",
                entries: [entryID[first], entryID[second]]))
        }
        for index in components.inconsistent {
            let link = storyLinks[index]
            let ids = [link.source, link.target].filter { $0 < clusters.count }.map { entryID[$0] }
            // A note, not a warning: the link left out is the relation stage's guess (the text's own links come first).
            warnings.append(Timeline.Warning(
                severity: .note, code: Timeline.Warning.orderingCycle,
                message: "\(describe(node: link.source, clusters: clusters, entryID: entryID, timeNodes: timeNodes)) \(link.type.rawValue) "
                    + "\(describe(node: link.target, clusters: clusters, entryID: entryID, timeNodes: timeNodes)) contradicts the other relations "
                    + "of \(documentIDs[link.document]); it is left out of the ordering",
                document: documentIDs[link.document], entries: ids))
        }

        let documents = story.enumerated().map { d, item in
            Timeline.DocumentInfo(id: documentIDs[d], title: item.title, creationTime: item.document.creationTime, text: item.document.text,
                                  timeExpressions: item.document.timeExpressions, events: item.document.events,
                                  sentences: analyses[d].sentenceSpans)
        }
        var timeline = Timeline(documents: documents, entries: entries, relations: relations, warnings: warnings, entities: storyEntities(expansion))
        TimelineSalience().annotate(&timeline)
        return timeline
    }
}
