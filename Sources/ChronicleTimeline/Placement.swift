import ChronicleCalendar
import ChronicleCore
import ChronicleEntities

/// Placing and ordering the entries of a timeline (see `TimelineBuilder`, steps 4 and 5).
extension Build {
    // MARK: Placement

    struct PlacementDraft {
        var first: Int?
        var last: Int?
        var value: String?
        var granularity: Timeline.Granularity
        var relation: Timeline.PlacementRelation
        var anchorNode: AnchorNode?
        var contradictory = false
        /// For ordering: a day for an unknown-year date ("XXXX-10-28"), in an assumed year.
        var partialKey: Int?
        /// How the time was found.
        var basis: Timeline.Basis = .unknown
        /// For ordering: the first day of a time inferred from the narrative or the document's date.
        var inferredDay: Int?
    }

    enum AnchorNode: Equatable {
        case time(document: Int, id: String)
        case entry(Int)
    }

    /// The anchor of every entry, chosen in rounds so that anchors lead to times: first the entries related to a
    /// time expression (ON, then BEFORE/AFTER, then OVERLAP; a date with an unknown year after one with days);
    /// then, round by round, entries related to an entry already anchored (ON, then BEFORE/AFTER, then OVERLAP);
    /// when no entry is left to anchor that way, the entries related to the creation time; at last, entries
    /// related only to unanchored entries.
    func anchors(clusterCount: Int, storyLinks: [(source: Int, target: Int, type: TemporalRelation.RelationType, document: Int)],
                         timeNodes: [Node]) -> [(relation: Timeline.PlacementRelation, node: AnchorNode)?] {
        var linksOf = [[(other: Int, relation: Timeline.PlacementRelation)]](repeating: [], count: clusterCount)
        for link in storyLinks {
            if link.source < clusterCount { linksOf[link.source].append((link.target, Timeline.PlacementRelation(link.type))) }
            if link.target < clusterCount { linksOf[link.target].append((link.source, Timeline.PlacementRelation(link.type.inverse))) }
        }
        func rank(_ relation: Timeline.PlacementRelation) -> Int {
            switch relation {
            case .on: return 3
            case .before, .after: return 2
            case .overlap: return 1
            case .unknown: return 0
            }
        }
        var result = [(relation: Timeline.PlacementRelation, node: AnchorNode)?](repeating: nil, count: clusterCount)
        func anchorNode(_ other: Int) -> AnchorNode {
            if other < clusterCount { return .entry(other) }
            guard case .time(let d, let id) = timeNodes[other - clusterCount] else { return .entry(other) }
            return .time(document: d, id: id)
        }
        // Time expressions.
        for c in 0..<clusterCount {
            var best: (score: Int, relation: Timeline.PlacementRelation, other: Int)?
            for (other, relation) in linksOf[c] where other >= clusterCount {
                let node = timeNodes[other - clusterCount]
                guard timeExpressions[node] != nil, let days = times[node] else { continue }
                let score = (days.isBounded ? 10 : 0) + rank(relation)
                if best == nil || score > best!.score { best = (score, relation, other) }
            }
            if let best { result[c] = (best.relation, anchorNode(best.other)) }
        }
        // Entries, in rounds; the creation time when they run out; unanchored entries last.
        var useCreationTime = false
        var lastResort = false
        while true {
            var placed: [(Int, Timeline.PlacementRelation, Int)] = []
            for c in 0..<clusterCount where result[c] == nil {
                var best: (rank: Int, relation: Timeline.PlacementRelation, other: Int)?
                for (other, relation) in linksOf[c] {
                    if other < clusterCount {
                        guard result[other] != nil || lastResort, other != c else { continue }
                    } else {
                        guard useCreationTime, timeExpressions[timeNodes[other - clusterCount]] == nil, times[timeNodes[other - clusterCount]] != nil
                        else { continue }
                    }
                    if best == nil || rank(relation) > best!.rank { best = (rank(relation), relation, other) }
                }
                if let best { placed.append((c, best.relation, best.other)) }
            }
            for (c, relation, other) in placed { result[c] = (relation, anchorNode(other)) }
            if !placed.isEmpty {
                useCreationTime = false
                continue
            }
            if !useCreationTime && !lastResort {
                useCreationTime = true
            } else if !lastResort {
                lastResort = true
                useCreationTime = true
            } else {
                break
            }
        }
        return result
    }

    func placement(of c: Int, anchor: (relation: Timeline.PlacementRelation, node: AnchorNode)?, bounds: PointBounds) -> PlacementDraft {
        let (first, last) = bounds.days(of: c)
        let best = anchor.map { (relation: $0.relation, anchor: $0.node) }
        var draft = PlacementDraft(first: first, last: last, value: nil, granularity: .unknown, relation: best?.relation ?? .unknown,
                                   anchorNode: best?.anchor)
        if case .time(let d, let id)? = best?.anchor, best?.relation == .on || best?.relation == .overlap {
            let node = Node.time(document: d, id: id)
            if let timex = timeExpressions[node] {
                draft.value = timex.value
                // A year the story supplied is written into the value ("XXXX-09-16" in a story of 2022: "2022-09-16").
                if timex.value.hasPrefix("XXXX"), timex.yearInference?.chosen == nil, let day = times[node]?.last ?? times[node]?.first {
                    draft.value = String(CalendarDate(dayNumber: day).year) + timex.value.dropFirst(4)
                }
                draft.granularity = times[node]?.granularity ?? .unknown
                if let (month, day) = TimexCalendar.monthAndDay(timex.value) {
                    draft.partialKey = CalendarDate(year: 2000, month: month, day: min(day, CalendarDate.daysIn(month: month, year: 2000)))?.dayNumber
                }
            } else if let creationTime = story[d].document.creationTime {
                draft.value = creationTime.description
                draft.granularity = creationTime.time == nil ? .day : .time
            }
            if draft.granularity == .open { draft.granularity = first != nil && last != nil ? .range : .open }
        } else if first != nil && last != nil {
            draft.granularity = first == last ? .day : .range
        } else if first != nil || last != nil {
            draft.granularity = .open
        }
        return draft
    }

    // MARK: Order

    func order(clusters: [[Int]], placements: [PlacementDraft], precedence: [(before: Int, after: Int)]) -> [Int] {
        let count = clusters.count
        // By day (an inferred day first, then the first possible one), the minute of a clock time or part of the day
        // (noon without one), before/on/after the day (entries dated by their document's date last: the news of the
        // report), then document order.
        func key(_ c: Int) -> (Int, Int, Int, Int, Int) {
            let p = placements[c]
            let day = p.inferredDay ?? p.first ?? p.last ?? p.partialKey ?? Int.max
            let rank = p.basis == .documentDate && p.inferredDay != nil ? 3 : p.relation == .before ? 0 : p.relation == .after ? 2 : 1
            var minute = 720
            // (Only a value with a clock part, after a "T", has the granularity of a time: the others are not parsed.)
            if let text = p.value, text.utf8.contains(UInt8(ascii: "T")), let value = TimeValue(text), value.granularity == .time,
               let minutes = value.minutes {
                minute = minutes.lowerBound % 1440
            }
            let mention = mentions[clusters[c][0]]
            return (day, minute, rank, mention.document, mention.span.start)
        }
        // Keys of entries placed only relative to another entry follow that entry's key.
        var keys = (0..<count).map(key)
        for _ in 0..<min(count, 16) {
            var changed = false
            for c in 0..<count where keys[c].0 == Int.max {
                guard case .entry(let target)? = placements[c].anchorNode, keys[target].0 != Int.max else { continue }
                keys[c].0 = keys[target].0
                changed = true
            }
            if !changed { break }
        }
        var successors = [[Int]](repeating: [], count: count)
        var predecessorCount = [Int](repeating: 0, count: count)
        // Written days outrank the relation stage's order: an entry whose days all come after another's is not put
        // before it.
        var edges = precedence.filter { a, b in
            !(placements[a].first.map { first in placements[b].last.map { first > $0 } ?? false } ?? false)
        }
        // An entry with a day is not held back by entries without one (the relation stage's order between them is a
        // guess, and a chain of such guesses could push a dated entry past later days); those follow their predecessors.
        let day = keys.map { $0.0 == Int.max ? nil : Optional($0.0) }
        edges.removeAll { a, b in day[a] == nil && day[b] != nil }
        for (a, b) in edges {
            successors[a].append(b)
            predecessorCount[b] += 1
        }
        // Kahn's algorithm, taking the smallest key among the entries whose predecessors are placed (a binary
        // heap of them: keys are distinct, since entries have distinct first mentions; the entry breaks ties).
        var ready = MinimumHeap<Int> { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        for c in 0..<count where predecessorCount[c] == 0 { ready.insert(c) }
        var result: [Int] = []
        result.reserveCapacity(count)
        // When the relations go round in a cycle (a story too large to be closed keeps its documents' relations as they
        // are), the entry with the smallest key among those left is taken next, so that the rest stays in order.
        let byKey = (0..<count).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var nextByKey = 0
        var placed = [Bool](repeating: false, count: count)
        while result.count < count {
            guard let c = ready.removeMinimum() else {
                while placed[byKey[nextByKey]] { nextByKey += 1 }
                let stuck = byKey[nextByKey]
                predecessorCount[stuck] = 0
                ready.insert(stuck)
                continue
            }
            if placed[c] { continue }
            placed[c] = true
            result.append(c)
            for s in successors[c] where !placed[s] {
                predecessorCount[s] -= 1
                if predecessorCount[s] == 0 { ready.insert(s) }
            }
        }
        return result
    }
}
