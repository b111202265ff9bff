import ChronicleCore
import ChronicleLanguage
import Testing

/// ``IntervalClosure`` over tens, hundreds and thousands of intervals (rows of a few words read whole, rows of many
/// words read through their summaries) entails exactly what a path search over the same point constraints finds.
@Suite("Wide interval closures")
struct WideClosureTests {
    /// `x TYPE y` as point constraints `(from, to, strict)`, written out here independently of the library.
    static func constraints(_ type: TemporalRelation.RelationType, _ x: Int, _ y: Int) -> [(Int, Int, Bool)] {
        let (xs, xe, ys, ye) = (2 * x, 2 * x + 1, 2 * y, 2 * y + 1)
        switch type {
        case .before: return [(xe, ys, true)]
        case .immediatelyBefore: return [(xe, ys, false), (ys, xe, false)]
        case .includes: return [(xs, ys, true), (ye, xe, true)]
        case .simultaneous: return [(xs, ys, false), (ys, xs, false), (xe, ye, false), (ye, xe, false)]
        case .begins: return [(xs, ys, false), (ys, xs, false), (xe, ye, true)]
        case .ends: return [(xe, ye, false), (ye, xe, false), (ys, xs, true)]
        default: return []
        }
    }

    /// The relation among the few above that holds between intervals at `[s[x], e[x]]` and `[s[y], e[y]]`, if any.
    static func relation(_ x: Int, _ y: Int, start: [Int], end: [Int]) -> TemporalRelation.RelationType? {
        if end[x] < start[y] { return .before }
        if end[x] == start[y] { return .immediatelyBefore }
        if start[x] == start[y], end[x] == end[y] { return .simultaneous }
        if start[x] == start[y], end[x] < end[y] { return .begins }
        if end[x] == end[y], start[y] < start[x] { return .ends }
        if start[x] < start[y], end[y] < end[x] { return .includes }
        return nil
    }

    /// Whether a path leads from `p` to `q` through the constraints, through a strict one when `strict`.
    static func path(from p: Int, to q: Int, strict: Bool, edges: [[(Int, Bool)]]) -> Bool {
        // States: (point, whether a strict constraint was passed).
        var seen = Set<Int>([2 * p])
        var stack = [2 * p]
        while let state = stack.popLast() {
            let (point, passed) = (state / 2, state % 2 == 1)
            if point == q, passed || !strict { return true }
            for (next, isStrict) in edges[point] {
                let nextState = 2 * next + (passed || isStrict ? 1 : 0)
                if seen.insert(nextState).inserted { stack.append(nextState) }
            }
        }
        return false
    }

    /// A consistent story of `relations` relations over `intervals` intervals drawn from `generator`: its closure
    /// and its point constraints as adjacency lists `(to, strict)`.
    static func story(intervals: Int, relations: Int, generator: inout SplitMix64) -> (IntervalClosure, [[(Int, Bool)]]) {
        // A consistent story: every interval has a start before its end on a coarse clock, so that ties happen.
        var start: [Int] = [], end: [Int] = []
        for _ in 0..<intervals {
            let s = Int(generator.next() % 60)
            start.append(s)
            end.append(s + 1 + Int(generator.next() % 8))
        }
        var closure = IntervalClosure(intervals: intervals)
        var edges = [[(Int, Bool)]](repeating: [], count: 2 * intervals)
        for i in 0..<intervals { edges[2 * i].append((2 * i + 1, true)) }
        var added = 0
        while added < relations {
            // Mostly near neighbours (long chains through many words of a row), some far apart.
            let x = Int(generator.next() % UInt64(intervals))
            let y = generator.next() % 4 == 0 ? Int(generator.next() % UInt64(intervals)) : (x + 1 + Int(generator.next() % 40)) % intervals
            guard x != y, let type = Self.relation(x, y, start: start, end: end) else { continue }
            let isConsistent = closure.add(type, x, y)
            #expect(isConsistent, "a relation true of the story is consistent: \(x) \(type.rawValue) \(y)")
            for (from, to, strict) in Self.constraints(type, x, y) { edges[from].append((to, strict)) }
            added += 1
        }
        return (closure, edges)
    }

    static let sizes = [
        (intervals: 40, relations: 150, seed: UInt64(1)), (intervals: 120, relations: 400, seed: 2),
        (intervals: 700, relations: 2_000, seed: 3), (intervals: 2_100, relations: 8_000, seed: 5),
    ]

    @Test(arguments: sizes)
    func entailsWhatPathsProve(intervals: Int, relations: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let (closure, edges) = Self.story(intervals: intervals, relations: relations, generator: &generator)
        var mismatches = 0, entailed = 0
        for sample in 0..<600 {
            let x = Int(generator.next() % UInt64(intervals))
            let y = sample % 3 == 0 ? Int(generator.next() % UInt64(intervals)) : (x + 1 + Int(generator.next() % 40)) % intervals
            guard x != y else { continue }
            let before = Self.path(from: 2 * x + 1, to: 2 * y, strict: true, edges: edges)
            let meets = Self.path(from: 2 * x + 1, to: 2 * y, strict: false, edges: edges) && Self.path(from: 2 * y, to: 2 * x + 1, strict: false, edges: edges)
            if before { entailed += 1 }
            if closure.entails(.before, x, y) != before || closure.entails(.immediatelyBefore, x, y) != meets { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(entailed > 50, "the sample has entailed pairs to check (\(entailed))")
    }

    @Test("The BEFORE/IBEFORE pairs among some intervals are the pairs entails finds", arguments: sizes)
    func precedenceIsPairwiseEntailment(intervals: Int, relations: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let (closure, _) = Self.story(intervals: intervals, relations: relations, generator: &generator)
        // A stretch of neighbours (many ordered pairs) and some intervals from anywhere, in no particular order.
        var chosen = Array(Set((0..<60).map { _ in Int(generator.next() % UInt64(intervals)) } + (0..<min(40, intervals)).map { $0 }))
        chosen.sort { ($0 * 7919) % 101 < ($1 * 7919) % 101 || ($0 * 7919) % 101 == ($1 * 7919) % 101 && $0 < $1 }
        var expected: [[Int]] = []
        for (i, x) in chosen.enumerated() {
            for (j, y) in chosen.enumerated() where i != j {
                if closure.entails(.before, x, y) || closure.entails(.immediatelyBefore, x, y) { expected.append([i, j]) }
            }
        }
        let pairs = closure.precedence(among: chosen).map { [$0.0, $0.1] }
        #expect(pairs == expected)
        #expect(expected.count > 20, "the intervals have ordered pairs to check (\(expected.count))")
    }
}
