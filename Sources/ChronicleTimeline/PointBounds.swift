import ChronicleCore

/// Calendar bounds on the start and end points of intervals linked by TimeML relations.
///
/// Every node (an event, or a time expression) is an interval with a start point and an end point, measured
/// in days: a day `d` runs from point `d` to point `d + 1`. Time expressions with known days are fixed; the
/// relations constrain the other points (`x⁺ < y⁻` for `x BEFORE y`, and so on, as in ``TemporalGraph``),
/// and each point's lower bound rises along `≤`/`<` edges and its upper bound falls against them until
/// nothing changes. An event whose start is at least `L` and whose end is at most `U` lies within the days
/// `L ... U - 1`.
struct PointBounds {
    static let unbounded = (lower: Int.min, upper: Int.max)

    private(set) var lower: [Int]
    private(set) var upper: [Int]
    /// Point edges `from ≤ to` (strictness does not matter at the resolution of days).
    private var edges: [(from: Int, to: Int)] = []

    /// `count` intervals, all unbounded.
    init(count: Int) {
        lower = Array(repeating: Int.min, count: 2 * count)
        upper = Array(repeating: Int.max, count: 2 * count)
        for node in 0..<count { edges.append((2 * node, 2 * node + 1)) }
    }

    /// Fixes interval `node` to the days `interval` (either side may be open).
    mutating func fix(_ node: Int, to interval: DayInterval) {
        if let first = interval.first {
            lower[2 * node] = max(lower[2 * node], first)
            upper[2 * node] = min(upper[2 * node], first)
        }
        if let last = interval.last {
            lower[2 * node + 1] = max(lower[2 * node + 1], last + 1)
            upper[2 * node + 1] = min(upper[2 * node + 1], last + 1)
        }
        if interval.first == nil, let last = interval.last { upper[2 * node] = min(upper[2 * node], last + 1) }
        if interval.last == nil, let first = interval.first { lower[2 * node + 1] = max(lower[2 * node + 1], first) }
    }

    /// Adds `x TYPE y`.
    mutating func add(_ type: TemporalRelation.RelationType, _ x: Int, _ y: Int) {
        let (xs, xe, ys, ye) = (2 * x, 2 * x + 1, 2 * y, 2 * y + 1)
        func less(_ a: Int, _ b: Int) { edges.append((a, b)) }
        func equal(_ a: Int, _ b: Int) { edges.append((a, b)); edges.append((b, a)) }
        switch type {
        case .before: less(xe, ys)
        case .after: less(ye, xs)
        case .immediatelyBefore: equal(xe, ys)
        case .immediatelyAfter: equal(ye, xs)
        case .includes: less(xs, ys); less(ye, xe)
        case .isIncluded: less(ys, xs); less(xe, ye)
        case .simultaneous, .identity, .during, .duringInverse: equal(xs, ys); equal(xe, ye)
        case .begins: equal(xs, ys); less(xe, ye)
        case .begunBy: equal(xs, ys); less(ye, xe)
        case .ends: equal(xe, ye); less(ys, xs)
        case .endedBy: equal(xe, ye); less(xs, ys)
        }
    }

    /// Propagates the bounds until they settle (or, with contradictory constraints, for a bounded number of rounds).
    mutating func propagate() {
        let rounds = lower.count + 2
        for _ in 0..<rounds {
            var changed = false
            for (from, to) in edges {
                if lower[from] > lower[to] { lower[to] = lower[from]; changed = true }
                if upper[to] < upper[from] { upper[from] = upper[to]; changed = true }
            }
            if !changed { return }
        }
    }

    /// The days interval `node` can occupy: first day (from its start's lower bound) and last day (from its
    /// end's upper bound); `nil` when unbounded on that side.
    func days(of node: Int) -> (first: Int?, last: Int?) {
        let start = lower[2 * node], end = upper[2 * node + 1]
        return (start == Int.min ? nil : start, end == Int.max ? nil : end - 1)
    }

    /// Whether the constraints on `node` contradict each other (its earliest start is after its latest end).
    func isContradictory(_ node: Int) -> Bool {
        let (first, last) = days(of: node)
        if let first, let last, first > last { return true }
        return lower[2 * node] > upper[2 * node] || lower[2 * node + 1] > upper[2 * node + 1]
    }
}
