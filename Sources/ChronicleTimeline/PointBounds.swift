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

    /// Propagates the bounds until they settle: each point's lower bound becomes the largest of the points
    /// that reach it along the edges, its upper bound the smallest of the points it reaches.
    ///
    /// (What relaxing every edge until nothing changes gives, since the edges carry no length: in linear time,
    /// over the strongly connected components of the points, whose points all share their bounds, taken in
    /// topological order.)
    mutating func propagate() {
        let graph = PointGraph(count: lower.count, edges: edges)
        let (component, components) = graph.strongComponents()
        var lowest = [Int](repeating: Int.min, count: components), highest = [Int](repeating: Int.max, count: components)
        for point in lower.indices {
            lowest[component[point]] = max(lowest[component[point]], lower[point])
            highest[component[point]] = min(highest[component[point]], upper[point])
        }
        // Components are numbered sinks first: an edge between two goes from a higher number to a lower one.
        var members = [[Int]](repeating: [], count: components)
        for point in lower.indices { members[component[point]].append(point) }
        for c in stride(from: components - 1, through: 0, by: -1) {
            for point in members[c] {
                for target in graph.targets(of: point) { lowest[component[target]] = max(lowest[component[target]], lowest[c]) }
            }
        }
        for c in 0..<components {
            for point in members[c] {
                for target in graph.targets(of: point) { highest[c] = min(highest[c], highest[component[target]]) }
            }
        }
        for point in lower.indices {
            lower[point] = lowest[component[point]]
            upper[point] = highest[component[point]]
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

/// The points of ``PointBounds`` and their edges, as adjacency lists in one array.
private struct PointGraph {
    /// The targets of point `p` are `targets[start[p] ..< start[p + 1]]`.
    private var start: [Int]
    private var targets: [Int]

    init(count: Int, edges: [(from: Int, to: Int)]) {
        start = [Int](repeating: 0, count: count + 1)
        for edge in edges { start[edge.from + 1] += 1 }
        for point in 0..<count { start[point + 1] += start[point] }
        targets = [Int](repeating: 0, count: edges.count)
        var next = start
        for edge in edges {
            targets[next[edge.from]] = edge.to
            next[edge.from] += 1
        }
    }

    func targets(of point: Int) -> ArraySlice<Int> { targets[start[point]..<start[point + 1]] }

    /// The strongly connected component of every point and the number of components (Tarjan's algorithm,
    /// with an explicit stack): components are numbered in the order they complete, so an edge between two
    /// components goes from a higher number to a lower one.
    func strongComponents() -> (component: [Int], count: Int) {
        let count = start.count - 1
        var discovery = [Int](repeating: -1, count: count), low = [Int](repeating: 0, count: count)
        var component = [Int](repeating: -1, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = [], frames: [(point: Int, next: Int)] = []
        var visited = 0, components = 0
        func visit(_ point: Int) {
            discovery[point] = visited
            low[point] = visited
            visited += 1
            stack.append(point)
            onStack[point] = true
            frames.append((point, start[point]))
        }
        for root in 0..<count where discovery[root] < 0 {
            visit(root)
            while let (point, next) = frames.last {
                if next < start[point + 1] {
                    frames[frames.count - 1].next += 1
                    let target = targets[next]
                    if discovery[target] < 0 {
                        visit(target)
                    } else if onStack[target] {
                        low[point] = min(low[point], discovery[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.point { low[parent] = min(low[parent], low[point]) }
                guard low[point] == discovery[point] else { continue }
                while let member = stack.popLast() {
                    onStack[member] = false
                    component[member] = components
                    if member == point { break }
                }
                components += 1
            }
        }
        return (component, components)
    }
}
