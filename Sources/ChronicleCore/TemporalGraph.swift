/// What a set of TimeML temporal relations entails: the closure of their interval endpoints.
///
/// Every endpoint of a relation (an event instance or a time) is an interval with a start point and an
/// end point, the start strictly before the end. Each relation type stands for a conjunction of
/// constraints between the points of its two intervals (`x⁻`, `x⁺` the start and end of the source
/// `x`; `y⁻`, `y⁺` of the target `y`), as in UzZaman & Allen (2011) and the TempEval-3 toolkit:
///
/// | relation                                     | constraints            |
/// |----------------------------------------------|------------------------|
/// | BEFORE / AFTER                               | x⁺ < y⁻ / y⁺ < x⁻      |
/// | IBEFORE / IAFTER                             | x⁺ = y⁻ / y⁺ = x⁻      |
/// | INCLUDES / IS_INCLUDED                       | x⁻ < y⁻, y⁺ < x⁺ / y⁻ < x⁻, x⁺ < y⁺ |
/// | BEGINS / BEGUN_BY                            | x⁻ = y⁻, x⁺ < y⁺ / x⁻ = y⁻, y⁺ < x⁺ |
/// | ENDS / ENDED_BY                              | x⁺ = y⁺, y⁻ < x⁻ / x⁺ = y⁺, x⁻ < y⁻ |
/// | SIMULTANEOUS, IDENTITY, DURING, DURING_INV   | x⁻ = y⁻, x⁺ = y⁺       |
///
/// DURING, DURING_INV and IDENTITY are read as SIMULTANEOUS, as TempEval-3 does (``TemporalRelation/RelationType/scoredType``).
///
/// Relations are added in the order given. A relation that contradicts the ones added before it (it would
/// close a cycle through `<`, such as `a BEFORE b` after `b BEFORE a`, or `a AFTER a`) is left out and listed
/// in ``inconsistencies``; the graph stays consistent and reasons with the rest.
///
/// The closure is kept as two dense bit matrices over the points (`≤` and `<`) and updated as each relation
/// is added, so a query costs O(1); building a graph of R relations over P points costs O(R·P²/64) at worst,
/// a few milliseconds for the few hundred relations of a news document.
public struct TemporalGraph: Sendable {
    /// A relation left out of the graph because it contradicts the relations added before it.
    public struct Inconsistency: Hashable, Sendable {
        /// The relation left out.
        public var relation: TemporalRelation
        /// Its position in the relations the graph was built from.
        public var index: Int

        /// Creates an inconsistency record.
        public init(relation: TemporalRelation, index: Int) {
            self.relation = relation
            self.index = index
        }
    }

    /// The relations in the graph (those that were consistent with the ones before them), in the order given.
    public let relations: [TemporalRelation]
    /// The relations left out, in the order given.
    public let inconsistencies: [Inconsistency]
    /// The intervals, in order of first mention; interval `i` has points `2i` (start) and `2i + 1` (end).
    public let endpoints: [TemporalRelation.Endpoint]

    private let intervalIndex: [TemporalRelation.Endpoint: Int]
    private let closure: PointClosure

    /// Builds the closure of `relations`, leaving out (and listing) those that contradict earlier ones.
    public init(_ relations: some Sequence<TemporalRelation>) {
        var endpoints: [TemporalRelation.Endpoint] = []
        var intervalIndex: [TemporalRelation.Endpoint: Int] = [:]
        let given = Array(relations)
        for relation in given {
            for endpoint in [relation.source, relation.target] where intervalIndex[endpoint] == nil {
                intervalIndex[endpoint] = endpoints.count
                endpoints.append(endpoint)
            }
        }
        var closure = PointClosure(points: 2 * endpoints.count)
        var accepted: [TemporalRelation] = []
        var inconsistencies: [Inconsistency] = []
        for (index, relation) in given.enumerated() {
            let edges = relation.type.pointEdges(intervalIndex[relation.source]!, intervalIndex[relation.target]!)
            if closure.add(edges) {
                accepted.append(relation)
            } else {
                inconsistencies.append(Inconsistency(relation: relation, index: index))
            }
        }
        self.relations = accepted
        self.inconsistencies = inconsistencies
        self.endpoints = endpoints
        self.intervalIndex = intervalIndex
        self.closure = closure
    }

    /// Whether no relation had to be left out.
    public var isConsistent: Bool { inconsistencies.isEmpty }

    /// Whether the graph entails `relation` (its type between its source and target; the id and signal do not matter).
    public func entails(_ relation: TemporalRelation) -> Bool {
        entails(relation.type, from: relation.source, to: relation.target)
    }

    /// Whether the graph entails `type` from `source` to `target`. An interval is simultaneous with itself,
    /// even one the graph does not mention; nothing else is entailed about intervals the graph does not mention.
    public func entails(_ type: TemporalRelation.RelationType, from source: TemporalRelation.Endpoint, to target: TemporalRelation.Endpoint) -> Bool {
        if source == target { return type.scoredType == .simultaneous }
        guard let x = intervalIndex[source], let y = intervalIndex[target] else { return false }
        return closure.entails(type.pointEdges(x, y))
    }

    /// The basic relation (one of ``TemporalRelation/RelationType/basicTypes``) the graph entails from `source`
    /// to `target`, or `nil` when it entails none of them (the relation is unknown or only partly known).
    public func relation(from source: TemporalRelation.Endpoint, to target: TemporalRelation.Endpoint) -> TemporalRelation.RelationType? {
        TemporalRelation.RelationType.basicTypes.first { entails($0, from: source, to: target) }
    }

    /// The relations of the graph without the redundant ones, in the order given: each relation, in turn, is
    /// dropped when the relations still kept (all but those already dropped) entail it.
    ///
    /// The result has the same closure as the graph, and none of its relations is entailed by the others
    /// (it is a minimal, though not necessarily the smallest, equivalent graph). Duplicates, inverses of other
    /// relations and self-relations such as `a SIMULTANEOUS a` are all dropped. Costs O(R·(P + R)).
    public func reduced() -> [TemporalRelation] {
        var search = EdgeSearch(points: 2 * endpoints.count)
        for (owner, relation) in relations.enumerated() {
            for edge in relation.type.pointEdges(intervalIndex[relation.source]!, intervalIndex[relation.target]!) {
                search.add(edge, owner: owner)
            }
        }
        search.finish()
        var kept: [TemporalRelation] = []
        for (owner, relation) in relations.enumerated() {
            search.disable(owner)
            let edges = relation.type.pointEdges(intervalIndex[relation.source]!, intervalIndex[relation.target]!)
            if !edges.allSatisfy({ search.entails($0) }) {
                search.enable(owner)
                kept.append(relation)
            }
        }
        return kept
    }
}

extension TemporalRelation.RelationType {
    /// The relation TempEval-3 scores in place of this one: SIMULTANEOUS for DURING, DURING_INV and
    /// IDENTITY (the TempEval-3 toolkit reads them so), the type itself otherwise.
    public var scoredType: Self {
        switch self {
        case .during, .duringInverse, .identity: return .simultaneous
        default: return self
        }
    }

    /// The eleven mutually exclusive relations a ``TemporalGraph`` can entail between two different intervals.
    public static let basicTypes: [Self] = [
        .before, .after, .immediatelyBefore, .immediatelyAfter, .includes, .isIncluded,
        .simultaneous, .begins, .begunBy, .ends, .endedBy,
    ]

    /// The point constraints of `x TYPE y` for intervals `x` and `y` (points `2x`, `2x + 1` and `2y`, `2y + 1`).
    func pointEdges(_ x: Int, _ y: Int) -> [PointEdge] {
        let (xs, xe, ys, ye) = (2 * x, 2 * x + 1, 2 * y, 2 * y + 1)
        switch self {
        case .before: return [.less(xe, ys)]
        case .after: return [.less(ye, xs)]
        case .immediatelyBefore: return PointEdge.equal(xe, ys)
        case .immediatelyAfter: return PointEdge.equal(ye, xs)
        case .includes: return [.less(xs, ys), .less(ye, xe)]
        case .isIncluded: return [.less(ys, xs), .less(xe, ye)]
        case .simultaneous, .identity, .during, .duringInverse: return PointEdge.equal(xs, ys) + PointEdge.equal(xe, ye)
        case .begins: return PointEdge.equal(xs, ys) + [.less(xe, ye)]
        case .begunBy: return PointEdge.equal(xs, ys) + [.less(ye, xe)]
        case .ends: return PointEdge.equal(xe, ye) + [.less(ys, xs)]
        case .endedBy: return PointEdge.equal(xe, ye) + [.less(xs, ys)]
        }
    }
}

extension TemporalRelation.Endpoint {
    /// The document creation time as Chronicle names it: `t0`, the `tid` Chronicle's TimeML writer gives the `DCT`.
    public static let creationTime: Self = .time(id: "t0")
}

// MARK: - Points

/// `from ≤ to` or, when strict, `from < to`, between two interval points.
struct PointEdge: Hashable, Sendable {
    var from: Int
    var to: Int
    var isStrict: Bool

    static func less(_ a: Int, _ b: Int) -> PointEdge { PointEdge(from: a, to: b, isStrict: true) }

    /// `a = b` as `a ≤ b` and `b ≤ a`.
    static func equal(_ a: Int, _ b: Int) -> [PointEdge] {
        [PointEdge(from: a, to: b, isStrict: false), PointEdge(from: b, to: a, isStrict: false)]
    }
}

/// The closure of `<` and `≤` constraints between points, as two bit matrices kept closed under every addition.
private struct PointClosure: Sendable {
    private let points: Int
    private let words: Int
    /// Row `p` holds every `q` with `p ≤ q` (reflexive).
    private var lessOrEqual: [UInt64]
    /// Row `p` holds every `q` with `p < q`.
    private var less: [UInt64]

    /// Points `2i < 2i + 1` for every interval `i`.
    init(points: Int) {
        self.points = points
        words = (points + 63) / 64
        lessOrEqual = Array(repeating: 0, count: points * words)
        less = Array(repeating: 0, count: points * words)
        for p in 0..<points { lessOrEqual[p * words + p >> 6] |= 1 << UInt64(p & 63) }
        for start in stride(from: 0, to: points, by: 2) { add(.less(start, start + 1)) }
    }

    func isLessOrEqual(_ p: Int, _ q: Int) -> Bool { lessOrEqual[p * words + q >> 6] >> UInt64(q & 63) & 1 == 1 }
    func isLess(_ p: Int, _ q: Int) -> Bool { less[p * words + q >> 6] >> UInt64(q & 63) & 1 == 1 }

    /// Whether every edge holds.
    func entails(_ edges: [PointEdge]) -> Bool {
        edges.allSatisfy { $0.isStrict ? isLess($0.from, $0.to) : isLessOrEqual($0.from, $0.to) }
    }

    /// Adds the edges and returns true, or, when together they contradict the closure, changes nothing and returns false.
    mutating func add(_ edges: [PointEdge]) -> Bool {
        guard isConsistent(adding: edges) else { return false }
        for edge in edges { add(edge) }
        return true
    }

    /// Whether the closure plus `edges` has no cycle through `<`. Every such cycle alternates new edges with
    /// paths of the (closed) closure between their endpoints, so it is enough to close the few points the edges touch.
    private func isConsistent(adding edges: [PointEdge]) -> Bool {
        var nodes: [Int] = []
        for edge in edges {
            for p in [edge.from, edge.to] where !nodes.contains(p) { nodes.append(p) }
        }
        let k = nodes.count
        // 0: unknown, 1: ≤, 2: <.
        var m = [UInt8](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0..<k {
                m[i * k + j] = isLess(nodes[i], nodes[j]) ? 2 : (isLessOrEqual(nodes[i], nodes[j]) ? 1 : 0)
            }
        }
        for edge in edges {
            let i = nodes.firstIndex(of: edge.from)!, j = nodes.firstIndex(of: edge.to)!
            m[i * k + j] = max(m[i * k + j], edge.isStrict ? 2 : 1)
        }
        for via in 0..<k {
            for i in 0..<k where m[i * k + via] > 0 {
                for j in 0..<k where m[via * k + j] > 0 {
                    m[i * k + j] = max(m[i * k + j], max(m[i * k + via], m[via * k + j]))
                }
            }
        }
        return (0..<k).allSatisfy { m[$0 * k + $0] < 2 }
    }

    /// Adds one edge known to be consistent: for every `p ≤ from` and `to ≤ q`, `p ≤ q`, strictly when the
    /// edge or either side is strict.
    private mutating func add(_ edge: PointEdge) {
        let (b, words) = (edge.to, words)
        let (column, mask) = (edge.from >> 6, UInt64(1) << UInt64(edge.from & 63))
        let rowB = Array(lessOrEqual[b * words..<(b + 1) * words])
        let strictRowB = Array(less[b * words..<(b + 1) * words])
        lessOrEqual.withUnsafeMutableBufferPointer { le in
            less.withUnsafeMutableBufferPointer { lt in
                for p in 0..<points where le[p * words + column] & mask != 0 {
                    let base = p * words
                    let strictlyBefore = edge.isStrict || lt[base + column] & mask != 0
                    for w in 0..<words {
                        le[base + w] |= rowB[w]
                        lt[base + w] |= strictlyBefore ? rowB[w] : strictRowB[w]
                    }
                }
            }
        }
    }
}

/// Path search over the point edges of a graph's relations, some of which can be switched off: answers
/// "would the other relations still entail this edge?" for ``TemporalGraph/reduced()``.
private struct EdgeSearch {
    private let points: Int
    private var edges: [(edge: PointEdge, owner: Int)] = []
    /// Compressed adjacency: the edges leaving point `p` are `order[first[p]..<first[p + 1]]`.
    private var first: [Int] = []
    private var order: [Int] = []
    /// Whether the edges of owner `o` are in use, at `o + 1` (the interval edges, owner -1, always are).
    private var enabled: [Bool] = [true]
    private var seen: [Int]
    private var stamp = 0
    private var stack: [Int] = []

    /// A search over `points` points, with `start < end` for every interval (owner -1, never disabled).
    init(points: Int) {
        self.points = points
        seen = Array(repeating: 0, count: 2 * points)
        for start in stride(from: 0, to: points, by: 2) { add(.less(start, start + 1), owner: -1) }
    }

    mutating func add(_ edge: PointEdge, owner: Int) {
        edges.append((edge, owner))
        while enabled.count <= owner + 1 { enabled.append(true) }
    }

    /// Builds the adjacency lists; call once after the last ``add(_:owner:)``.
    mutating func finish() {
        var counts = [Int](repeating: 0, count: points + 1)
        for (edge, _) in edges { counts[edge.from + 1] += 1 }
        for p in 0..<points { counts[p + 1] += counts[p] }
        first = counts
        order = Array(repeating: 0, count: edges.count)
        var next = counts
        for (index, (edge, _)) in edges.enumerated() {
            order[next[edge.from]] = index
            next[edge.from] += 1
        }
    }

    mutating func disable(_ owner: Int) { enabled[owner + 1] = false }
    mutating func enable(_ owner: Int) { enabled[owner + 1] = true }

    /// Whether the enabled edges give a path `from → to`, with a strict edge on it when `edge` is strict.
    mutating func entails(_ edge: PointEdge) -> Bool {
        if edge.from == edge.to { return !edge.isStrict }
        stamp += 1
        // State `2p + s`: point p reached, through a strict edge when s == 1.
        stack.removeAll(keepingCapacity: true)
        stack.append(2 * edge.from)
        seen[2 * edge.from] = stamp
        while let state = stack.popLast() {
            let (point, strict) = (state >> 1, state & 1)
            for index in order[first[point]..<first[point + 1]] {
                let (next, owner) = edges[index]
                if !enabled[owner + 1] { continue }
                let nextState = 2 * next.to + (strict == 1 || next.isStrict ? 1 : 0)
                if next.to == edge.to, !edge.isStrict || nextState & 1 == 1 { return true }
                if seen[nextState] != stamp {
                    seen[nextState] = stamp
                    stack.append(nextState)
                }
            }
        }
        return false
    }
}
