import ChronicleCalendar
import ChronicleCore

/// The relations of a story split into connected components (through entries and times), each with its own
/// ``TemporalGraph``: the relations that contradict earlier ones, the BEFORE order between entries the
/// relations entail, and the entry–entry relations without redundant ones. A component of more than
/// ``closureLimit`` entries orders its entries by their direct BEFORE/AFTER relations only (the closure would
/// cost too much).
struct ComponentGraphs {
    static let closureLimit = 600

    /// Indices of the story links left out as contradictory, ascending.
    private(set) var inconsistent: [Int] = []
    private(set) var precedence: [(before: Int, after: Int)] = []
    private(set) var reduced: [(source: Int, target: Int, type: TemporalRelation.RelationType, documents: [Int])] = []

    init(storyLinks: [(source: Int, target: Int, type: TemporalRelation.RelationType, document: Int)], entryCount: Int, nodeCount: Int,
         maximumClosedIntervals: Int) {
        var parent = Array(0..<nodeCount)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for link in storyLinks {
            let a = root(link.source), b = root(link.target)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        // The links of each component (by its root), components in order of their first link.
        var groups = [[Int]](repeating: [], count: nodeCount)
        var order: [Int] = []
        for (index, link) in storyLinks.enumerated() {
            let r = root(link.source)
            if groups[r].isEmpty { order.append(r) }
            groups[r].append(index)
        }
        // Each node lies in one component: its interval there, numbered in order of first mention.
        var local = [Int](repeating: -1, count: nodeCount)
        var listed = [Bool](repeating: false, count: nodeCount)
        /// An entry–entry relation of a component, by story nodes.
        struct EntryRelation: Hashable {
            var source: Int
            var target: Int
            var type: TemporalRelation.RelationType
        }
        for r in order {
            let indices = groups[r]
            var intervals = 0
            for index in indices {
                for n in [storyLinks[index].source, storyLinks[index].target] where local[n] < 0 {
                    local[n] = intervals
                    intervals += 1
                }
            }
            // Larger components are not closed (see TimelineBuilder.maximumClosedIntervals).
            let isClosed = intervals <= maximumClosedIntervals
            var closure = IntervalClosure(intervals: isClosed ? intervals : 0)
            var left = [Bool](repeating: false, count: indices.count)
            for (position, index) in indices.enumerated() where isClosed {
                let link = storyLinks[index]
                if !closure.add(link.type, local[link.source], local[link.target]) {
                    left[position] = true
                    inconsistent.append(index)
                }
            }
            var entries: [Int] = []
            for index in indices {
                for n in [storyLinks[index].source, storyLinks[index].target] where n < entryCount && !listed[n] {
                    listed[n] = true
                    entries.append(n)
                }
            }
            entries.sort()
            if isClosed, entries.count <= Self.closureLimit {
                for (i, j) in closure.precedence(among: entries.map { local[$0] }) { precedence.append((entries[i], entries[j])) }
            } else {
                for (position, index) in indices.enumerated() where !left[position] {
                    let link = storyLinks[index]
                    guard link.source < entryCount, link.target < entryCount else { continue }
                    switch link.type {
                    case .before, .immediatelyBefore: precedence.append((link.source, link.target))
                    case .after, .immediatelyAfter: precedence.append((link.target, link.source))
                    default: break
                    }
                }
            }
            // Entry–entry relations, each with the documents that state it, without those the others entail.
            var documents: [EntryRelation: [Int]] = [:]
            var entryRelations: [EntryRelation] = []
            for (position, index) in indices.enumerated() where !left[position] {
                let link = storyLinks[index]
                guard link.source < entryCount, link.target < entryCount else { continue }
                let relation = EntryRelation(source: link.source, target: link.target, type: link.type)
                if documents[relation] == nil { entryRelations.append(relation) }
                if !(documents[relation]?.contains(link.document) ?? false) { documents[relation, default: []].append(link.document) }
            }
            guard !entryRelations.isEmpty else { continue }
            guard isClosed else {
                for relation in entryRelations {
                    reduced.append((relation.source, relation.target, relation.type, (documents[relation] ?? []).sorted()))
                }
                continue
            }
            // Numbered in order of first mention; those that contradict the ones before them are left out
            // (none is: they are part of a consistent set).
            var entryInterval: [Int: Int] = [:]
            var pairs: [(source: Int, target: Int, type: TemporalRelation.RelationType)] = []
            for relation in entryRelations {
                for n in [relation.source, relation.target] where entryInterval[n] == nil { entryInterval[n] = entryInterval.count }
                pairs.append((entryInterval[relation.source]!, entryInterval[relation.target]!, relation.type))
            }
            var entryClosure = IntervalClosure(intervals: entryInterval.count)
            var consistent: [Int] = []
            for (position, pair) in pairs.enumerated() where entryClosure.add(pair.type, pair.source, pair.target) { consistent.append(position) }
            let kept = IntervalClosure.reduced(intervals: entryInterval.count, count: consistent.count) { pairs[consistent[$0]] }
            for k in kept {
                let relation = entryRelations[consistent[k]]
                reduced.append((relation.source, relation.target, relation.type, (documents[relation] ?? []).sorted()))
            }
        }
        inconsistent.sort()
        precedence.sort { ($0.before, $0.after) < ($1.before, $1.after) }
    }
}
