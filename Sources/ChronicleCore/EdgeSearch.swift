/// Path search over the point edges of a graph's relations, some of which can be switched off: answers
/// "would the other relations still entail this edge?" for ``TemporalGraph/reduced()``.
struct EdgeSearch {
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
