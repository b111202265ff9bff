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
    private let closure: IntervalClosure
    /// The intervals of each relation of ``relations``: source, target, source, target, ...
    private let relationIntervals: [Int]

    /// Builds the closure of `relations`, leaving out (and listing) those that contradict earlier ones.
    public init(_ relations: some Sequence<TemporalRelation>) {
        var endpoints: [TemporalRelation.Endpoint] = []
        var intervalIndex: [TemporalRelation.Endpoint: Int] = [:]
        let given = Array(relations)
        var intervals: [Int] = []
        intervals.reserveCapacity(2 * given.count)
        func index(_ endpoint: TemporalRelation.Endpoint) -> Int {
            if let known = intervalIndex[endpoint] { return known }
            intervalIndex[endpoint] = endpoints.count
            endpoints.append(endpoint)
            return endpoints.count - 1
        }
        for relation in given {
            intervals.append(index(relation.source))
            intervals.append(index(relation.target))
        }
        var closure = IntervalClosure(intervals: endpoints.count)
        var accepted: [TemporalRelation] = []
        var acceptedIntervals: [Int] = []
        var inconsistencies: [Inconsistency] = []
        for (index, relation) in given.enumerated() {
            let (x, y) = (intervals[2 * index], intervals[2 * index + 1])
            if closure.add(relation.type, x, y) {
                accepted.append(relation)
                acceptedIntervals.append(x)
                acceptedIntervals.append(y)
            } else {
                inconsistencies.append(Inconsistency(relation: relation, index: index))
            }
        }
        self.relations = accepted
        self.inconsistencies = inconsistencies
        self.endpoints = endpoints
        self.intervalIndex = intervalIndex
        self.closure = closure
        self.relationIntervals = acceptedIntervals
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
        return closure.entails(type, x, y)
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
        let kept = IntervalClosure.reduced(intervals: endpoints.count, count: relations.count) { owner in
            (relationIntervals[2 * owner], relationIntervals[2 * owner + 1], relations[owner].type)
        }
        return kept.map { relations[$0] }
    }
}

/// The closure of TimeML relations between intervals numbered `0..<intervals`: the integer core of
/// ``TemporalGraph``, for callers that number their intervals themselves (no hashing of endpoints).
///
/// Relations are added one at a time; one that contradicts those added before it is refused and changes
/// nothing. Interval `i` has points `2i` (start) and `2i + 1` (end), as in ``TemporalGraph``.
public struct IntervalClosure: Sendable {
    /// The number of intervals.
    public let intervals: Int
    private var closure: PointClosure

    /// The closure of no relation over `intervals` intervals.
    public init(intervals: Int) {
        self.intervals = intervals
        closure = PointClosure(points: 2 * intervals)
    }

    /// Adds `x TYPE y` and returns true, or, when it contradicts the relations added so far, changes nothing
    /// and returns false.
    @discardableResult
    public mutating func add(_ type: TemporalRelation.RelationType, _ x: Int, _ y: Int) -> Bool {
        closure.add(type.pointEdges(x, y))
    }

    /// Whether the relations added entail `x TYPE y` (an interval is simultaneous with itself).
    public func entails(_ type: TemporalRelation.RelationType, _ x: Int, _ y: Int) -> Bool {
        closure.entails(type.pointEdges(x, y))
    }

    /// The pairs `(i, j)` of positions in `intervals` (distinct intervals), in that order, for which the
    /// relations added entail `intervals[i]` BEFORE or IBEFORE `intervals[j]`: the pairs for which
    /// `entails(.before, x, y) || entails(.immediatelyBefore, x, y)`, read from the closure's rows directly.
    public func precedence(among intervals: [Int]) -> [(Int, Int)] {
        closure.endBeforeStart(among: intervals)
    }

    /// Which of `count` relations (`relation(i)` gives the source, the target and the type of relation `i`)
    /// to keep so that none is redundant, as ``TemporalGraph/reduced()`` does: each relation, in turn, is
    /// dropped when the relations still kept entail it. The relations must be consistent together. Ascending.
    public static func reduced(
        intervals: Int, count: Int, relation: (Int) -> (source: Int, target: Int, type: TemporalRelation.RelationType)
    ) -> [Int] {
        var search = EdgeSearch(points: 2 * intervals)
        var edges: [PointEdgeList] = []
        edges.reserveCapacity(count)
        for owner in 0..<count {
            let (x, y, type) = relation(owner)
            let list = type.pointEdges(x, y)
            edges.append(list)
            for k in 0..<list.count { search.add(list[k], owner: owner) }
        }
        search.finish()
        var kept: [Int] = []
        for owner in 0..<count {
            search.disable(owner)
            let list = edges[owner]
            var entailed = true
            for k in 0..<list.count where !search.entails(list[k]) {
                entailed = false
                break
            }
            if !entailed {
                search.enable(owner)
                kept.append(owner)
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
    @inline(__always)
    func pointEdges(_ x: Int, _ y: Int) -> PointEdgeList {
        let (xs, xe, ys, ye) = (2 * x, 2 * x + 1, 2 * y, 2 * y + 1)
        switch self {
        case .before: return PointEdgeList(.less(xe, ys))
        case .after: return PointEdgeList(.less(ye, xs))
        case .immediatelyBefore: return PointEdgeList(equal: xe, ys)
        case .immediatelyAfter: return PointEdgeList(equal: ye, xs)
        case .includes: return PointEdgeList(.less(xs, ys), .less(ye, xe))
        case .isIncluded: return PointEdgeList(.less(ys, xs), .less(xe, ye))
        case .simultaneous, .identity, .during, .duringInverse: return PointEdgeList(equal: xs, ys, equal: xe, ye)
        case .begins: return PointEdgeList(equal: xs, ys, then: .less(xe, ye))
        case .begunBy: return PointEdgeList(equal: xs, ys, then: .less(ye, xe))
        case .ends: return PointEdgeList(equal: xe, ye, then: .less(ys, xs))
        case .endedBy: return PointEdgeList(equal: xe, ye, then: .less(xs, ys))
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
}

/// The (at most four) point constraints of one relation, without allocating; equalities `a = b` are
/// `a ≤ b` and `b ≤ a`.
struct PointEdgeList: Sendable {
    private(set) var count: Int
    private var e0: PointEdge
    private var e1: PointEdge
    private var e2: PointEdge
    private var e3: PointEdge

    private static let unused = PointEdge(from: 0, to: 0, isStrict: false)

    init(_ a: PointEdge) {
        (count, e0, e1, e2, e3) = (1, a, Self.unused, Self.unused, Self.unused)
    }

    init(_ a: PointEdge, _ b: PointEdge) {
        (count, e0, e1, e2, e3) = (2, a, b, Self.unused, Self.unused)
    }

    init(equal a: Int, _ b: Int) {
        (count, e0, e1, e2, e3) = (2, PointEdge(from: a, to: b, isStrict: false), PointEdge(from: b, to: a, isStrict: false), Self.unused, Self.unused)
    }

    init(equal a: Int, _ b: Int, then edge: PointEdge) {
        (count, e0, e1, e2, e3) = (3, PointEdge(from: a, to: b, isStrict: false), PointEdge(from: b, to: a, isStrict: false), edge, Self.unused)
    }

    init(equal a: Int, _ b: Int, equal c: Int, _ d: Int) {
        (count, e0, e1, e2, e3) = (
            4, PointEdge(from: a, to: b, isStrict: false), PointEdge(from: b, to: a, isStrict: false),
            PointEdge(from: c, to: d, isStrict: false), PointEdge(from: d, to: c, isStrict: false)
        )
    }

    @inline(__always)
    subscript(index: Int) -> PointEdge {
        switch index {
        case 0: return e0
        case 1: return e1
        case 2: return e2
        default: return e3
        }
    }
}

/// The closure of `<` and `≤` constraints between points, as bit matrices kept closed under every addition.
private struct PointClosure: Sendable {
    private let points: Int
    private let words: Int
    /// Three bit matrices of `points` rows of `words` words, one after the other: row `p` of the first holds
    /// every `q` with `p ≤ q` (reflexive); of the second every `q` with `p < q`; of the third every `q` with
    /// `q ≤ p` (the transpose of the first, to find the points before one).
    private var bits: [UInt64]
    /// Words of a row summary: one bit for each word of a row (none when rows are read whole).
    private let summaryWords: Int
    /// Rows of at most this many words (256 points) are read whole: their summaries would cost more than they save.
    private static let wordsReadWhole = 4
    /// For each row of the first (and second) matrix, then each row of the third: which of its words may be nonzero.
    private var summaries: [UInt64]

    /// Where the second and third matrices start in ``bits``.
    private var lessStart: Int { points * words }
    private var atMostStart: Int { 2 * points * words }

    /// Points `2i < 2i + 1` for every interval `i`.
    init(points: Int) {
        self.points = points
        words = (points + 63) / 64
        bits = Array(repeating: 0, count: 3 * points * words)
        // Rows of a few words are read whole; wider ones through their summaries.
        summaryWords = words > Self.wordsReadWhole ? (words + 63) / 64 : 0
        summaries = Array(repeating: 0, count: 2 * points * summaryWords)
        let third = 2 * points * words
        for p in 0..<points {
            bits[p * words + p >> 6] |= 1 << UInt64(p & 63)
            bits[third + p * words + p >> 6] |= 1 << UInt64(p & 63)
            if summaryWords > 0 {
                let word = p >> 6
                summaries[p * summaryWords + word >> 6] |= 1 << UInt64(word & 63)
                summaries[(points + p) * summaryWords + word >> 6] |= 1 << UInt64(word & 63)
            }
        }
        for start in stride(from: 0, to: points, by: 2) { add(.less(start, start + 1)) }
    }

    @inline(__always)
    func isLessOrEqual(_ p: Int, _ q: Int) -> Bool { bits[p * words + q >> 6] >> UInt64(q & 63) & 1 == 1 }
    @inline(__always)
    func isLess(_ p: Int, _ q: Int) -> Bool { bits[lessStart + p * words + q >> 6] >> UInt64(q & 63) & 1 == 1 }

    @inline(__always)
    func holds(_ edge: PointEdge) -> Bool {
        edge.isStrict ? isLess(edge.from, edge.to) : isLessOrEqual(edge.from, edge.to)
    }

    /// The pairs `(i, j)` (`i != j`) of positions in `intervals` (distinct) with end of `intervals[i]` < start of
    /// `intervals[j]`, or the two points equal (`≤` both ways); in order of `i`, then `j`. Each end point's `≤` row
    /// is read a word at a time, masked to the start points of `intervals`.
    func endBeforeStart(among intervals: [Int]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var position = [Int](repeating: -1, count: points)
        var starts = [UInt64](repeating: 0, count: words)
        for (j, y) in intervals.enumerated() {
            position[2 * y] = j
            starts[(2 * y) >> 6] |= 1 << UInt64((2 * y) & 63)
        }
        let words = words, lessStart = lessStart
        var later: [Int] = []
        bits.withUnsafeBufferPointer { bits in
            for (i, x) in intervals.enumerated() {
                let end = 2 * x + 1
                let lessOrEqual = bits.baseAddress! + end * words, less = bits.baseAddress! + lessStart + end * words
                let endWord = end >> 6, endBit = UInt64(1) << UInt64(end & 63)
                later.removeAll(keepingCapacity: true)
                for w in 0..<words {
                    var set = lessOrEqual[w] & starts[w]
                    while set != 0 {
                        let bit = set.trailingZeroBitCount
                        set &= set &- 1
                        let start = w << 6 | bit, j = position[start]
                        if j != i, less[w] >> UInt64(bit) & 1 != 0 || bits[start * words + endWord] & endBit != 0 { later.append(j) }
                    }
                }
                later.sort()
                for j in later { pairs.append((i, j)) }
            }
        }
        return pairs
    }

    /// Whether every edge holds.
    func entails(_ edges: PointEdgeList) -> Bool {
        for k in 0..<edges.count where !holds(edges[k]) { return false }
        return true
    }

    /// Adds the edges and returns true, or, when together they contradict the closure, changes nothing and returns false.
    mutating func add(_ edges: PointEdgeList) -> Bool {
        guard isConsistent(adding: edges) else { return false }
        for k in 0..<edges.count { add(edges[k]) }
        return true
    }

    /// Whether the closure plus `edges` has no cycle through `<`. Every such cycle alternates new edges with
    /// paths of the (closed) closure between their endpoints, so it is enough to close the few points the edges touch.
    private func isConsistent(adding edges: PointEdgeList) -> Bool {
        if edges.count == 1 {
            // One edge closes a cycle through `<` exactly when the closure already has its way back (strictly,
            // unless the edge itself is strict).
            let edge = edges[0]
            return edge.isStrict ? !isLessOrEqual(edge.to, edge.from) : !isLess(edge.to, edge.from)
        }
        if edges.count == 2 {
            let (e, f) = (edges[0], edges[1])
            if !e.isStrict, !f.isStrict, e.from == f.to, e.to == f.from {
                // An equality closes a cycle through `<` exactly when its two points are already ordered.
                return !isLess(e.from, e.to) && !isLess(e.to, e.from)
            }
            if e.isStrict, f.isStrict {
                // Two `<`: a cycle uses one of them with the closure's way back, or both, each leading
                // (through the closure) to the other.
                return !isLessOrEqual(e.to, e.from) && !isLessOrEqual(f.to, f.from)
                    && !(isLessOrEqual(e.to, f.from) && isLessOrEqual(f.to, e.from))
            }
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 8) { nodes -> Bool in
            var k = 0
            func position(_ p: Int) -> Int {
                for i in 0..<k where nodes[i] == p { return i }
                return -1
            }
            for e in 0..<edges.count {
                let edge = edges[e]
                if position(edge.from) < 0 { nodes[k] = edge.from; k += 1 }
                if position(edge.to) < 0 { nodes[k] = edge.to; k += 1 }
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { m -> Bool in
                // 0: unknown, 1: ≤, 2: <.
                for i in 0..<k {
                    for j in 0..<k {
                        m[i * k + j] = isLess(nodes[i], nodes[j]) ? 2 : (isLessOrEqual(nodes[i], nodes[j]) ? 1 : 0)
                    }
                }
                for e in 0..<edges.count {
                    let edge = edges[e]
                    let i = position(edge.from), j = position(edge.to)
                    m[i * k + j] = max(m[i * k + j], edge.isStrict ? 2 : 1)
                }
                for via in 0..<k {
                    for i in 0..<k where m[i * k + via] > 0 {
                        for j in 0..<k where m[via * k + j] > 0 {
                            m[i * k + j] = max(m[i * k + j], max(m[i * k + via], m[via * k + j]))
                        }
                    }
                }
                for i in 0..<k where m[i * k + i] >= 2 { return false }
                return true
            }
        }
    }

    /// Adds one edge known to be consistent: for every `p ≤ from` and `to ≤ q`, `p ≤ q`, strictly when the
    /// edge or either side is strict. An edge that already holds changes nothing (the matrices are closed).
    /// Wide rows are read through their summaries, so that an update costs the nonzero words it moves, not the width.
    private mutating func add(_ edge: PointEdge) {
        if holds(edge) { return }
        if summaryWords == 0 { addReadingWholeRows(edge) } else { addThroughSummaries(edge) }
    }

    /// ``add(_:)`` for narrow rows, read whole.
    private mutating func addReadingWholeRows(_ edge: PointEdge) {
        let (a, b, words) = (edge.from, edge.to, words)
        let (column, mask) = (a >> 6, UInt64(1) << UInt64(a & 63))
        let lessStart = self.lessStart, atMostStart = self.atMostStart
        // The rows of `b` and the column of `a` change during the update only when `b ≤ a` (the edge closes an
        // equality): then they are read from copies of what they were before it.
        let aliased = isLessOrEqual(b, a)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: aliased ? 3 * words : 0) { copies in
            bits.withUnsafeMutableBufferPointer { bits in
                let le = bits.baseAddress!, lt = le + lessStart, ge = le + atMostStart
                var rowB = UnsafePointer(le + b * words), strictRowB = UnsafePointer(lt + b * words)
                var columnA = UnsafePointer(ge + a * words)
                if aliased { (rowB, strictRowB, columnA) = Self.copy(rowB, strictRowB, columnA, words: words, to: copies.baseAddress!) }
                // Every p ≤ a now comes before what b comes before.
                Self.forEachBit(of: columnA, words: words) { p in
                    let row = p * words
                    if edge.isStrict || lt[row + column] & mask != 0 {
                        for v in 0..<words {
                            le[row + v] |= rowB[v]
                            lt[row + v] |= rowB[v]
                        }
                    } else {
                        for v in 0..<words {
                            le[row + v] |= rowB[v]
                            lt[row + v] |= strictRowB[v]
                        }
                    }
                }
                // And every q with b ≤ q comes after what comes before a.
                Self.forEachBit(of: rowB, words: words) { q in
                    let row = q * words
                    for v in 0..<words { ge[row + v] |= columnA[v] }
                }
            }
        }
    }

    /// ``add(_:)`` for wide rows, read through their summaries.
    private mutating func addThroughSummaries(_ edge: PointEdge) {
        let (a, b, words, summaryWords) = (edge.from, edge.to, words, summaryWords)
        let (column, mask) = (a >> 6, UInt64(1) << UInt64(a & 63))
        let lessStart = self.lessStart, atMostStart = self.atMostStart, laterSummaries = points * summaryWords
        // The rows of `b` and the column of `a` change during the update only when `b ≤ a` (the edge closes an
        // equality): then they are read from copies of what they were before it.
        let aliased = isLessOrEqual(b, a)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: aliased ? 3 * words + 2 * summaryWords : 0) { copies in
            summaries.withUnsafeMutableBufferPointer { summaries in
                bits.withUnsafeMutableBufferPointer { bits in
                    let le = bits.baseAddress!, lt = le + lessStart, ge = le + atMostStart
                    let earlier = summaries.baseAddress!, later = earlier + laterSummaries
                    var rowB = UnsafePointer(le + b * words), strictRowB = UnsafePointer(lt + b * words)
                    var columnA = UnsafePointer(ge + a * words)
                    var summaryB = UnsafePointer(earlier + b * summaryWords), summaryA = UnsafePointer(later + a * summaryWords)
                    if aliased {
                        let copy = copies.baseAddress!
                        (rowB, strictRowB, columnA) = Self.copy(rowB, strictRowB, columnA, words: words, to: copy)
                        (summaryB, summaryA) = Self.copy(summaryB, summaryA, words: summaryWords, to: copy + 3 * words)
                    }
                    // Every p ≤ a now comes before what b comes before.
                    Self.forEachBit(of: columnA, summary: summaryA, summaryWords: summaryWords) { p in
                        let row = p * words
                        let strict = edge.isStrict || lt[row + column] & mask != 0
                        Self.forEachBit(of: summaryB, words: summaryWords, marking: earlier + p * summaryWords) { v in
                            le[row + v] |= rowB[v]
                            lt[row + v] |= strict ? rowB[v] : strictRowB[v]
                        }
                    }
                    // And every q with b ≤ q comes after what comes before a.
                    Self.forEachBit(of: rowB, summary: summaryB, summaryWords: summaryWords) { q in
                        let row = q * words
                        Self.forEachBit(of: summaryA, words: summaryWords, marking: later + q * summaryWords) { v in
                            ge[row + v] |= columnA[v]
                        }
                    }
                }
            }
        }
    }

    /// Copies the rows (of `words` words each) one after the other to `copy`, and returns the copies.
    @inline(__always)
    private static func copy(
        _ first: UnsafePointer<UInt64>, _ second: UnsafePointer<UInt64>, _ third: UnsafePointer<UInt64>? = nil, words: Int,
        to copy: UnsafeMutablePointer<UInt64>
    ) -> (UnsafePointer<UInt64>, UnsafePointer<UInt64>, UnsafePointer<UInt64>) {
        for w in 0..<words {
            copy[w] = first[w]
            copy[words + w] = second[w]
            if let third { copy[2 * words + w] = third[w] }
        }
        return (UnsafePointer(copy), UnsafePointer(copy + words), UnsafePointer(copy + 2 * words))
    }

    /// Copies two rows (of `words` words each) one after the other to `copy`, and returns the copies.
    @inline(__always)
    private static func copy(
        _ first: UnsafePointer<UInt64>, _ second: UnsafePointer<UInt64>, words: Int, to copy: UnsafeMutablePointer<UInt64>
    ) -> (UnsafePointer<UInt64>, UnsafePointer<UInt64>) {
        let (a, b, _) = Self.copy(first, second, nil, words: words, to: copy)
        return (a, b)
    }

    /// Calls `body` with the index of every set bit of the row `bits`, reading only the words its `summary` marks.
    @inline(__always)
    private static func forEachBit(
        of bits: UnsafePointer<UInt64>, summary: UnsafePointer<UInt64>, summaryWords: Int, _ body: (Int) -> Void
    ) {
        forEachBit(of: summary, words: summaryWords) { w in
            var set = bits[w]
            while set != 0 {
                body(w << 6 | set.trailingZeroBitCount)
                set &= set &- 1
            }
        }
    }

    /// Calls `body` with the index of every set bit of the `count` words `bits`, and sets those bits in `marked` first
    /// (for a summary, whose bits are words of a row: the summary of the row the words are copied into).
    @inline(__always)
    private static func forEachBit(
        of bits: UnsafePointer<UInt64>, words count: Int, marking marked: UnsafeMutablePointer<UInt64>? = nil, _ body: (Int) -> Void
    ) {
        for s in 0..<count {
            var set = bits[s]
            marked?[s] |= set
            while set != 0 {
                body(s << 6 | set.trailingZeroBitCount)
                set &= set &- 1
            }
        }
    }
}
