import ChronicleCore
import Testing

/// Shorthands: events `A`, `B`, ... are event instances; `rel(A, .before, B)` is a relation.
private let A = TemporalRelation.Endpoint.event(instanceID: "A")
private let B = TemporalRelation.Endpoint.event(instanceID: "B")
private let C = TemporalRelation.Endpoint.event(instanceID: "C")
private let D = TemporalRelation.Endpoint.event(instanceID: "D")

private func rel(
    _ source: TemporalRelation.Endpoint, _ type: TemporalRelation.RelationType, _ target: TemporalRelation.Endpoint, id: String = ""
) -> TemporalRelation {
    TemporalRelation(id: id, source: source, target: target, type: type)
}

@Suite("TemporalGraph")
struct TemporalGraphTests {
    @Test func beforeIsTransitive() {
        let graph = TemporalGraph([rel(A, .before, B), rel(B, .before, C)])
        #expect(graph.isConsistent)
        #expect(graph.entails(rel(A, .before, C)))
        #expect(graph.entails(rel(C, .after, A)))
        #expect(graph.relation(from: A, to: C) == .before)
        #expect(graph.relation(from: C, to: A) == .after)
        #expect(!graph.entails(rel(A, .immediatelyBefore, C)))
        #expect(!graph.entails(rel(C, .before, A)))
    }

    @Test func includesCarriesOverSimultaneous() {
        let graph = TemporalGraph([rel(A, .includes, B), rel(B, .simultaneous, C)])
        #expect(graph.entails(rel(A, .includes, C)))
        #expect(graph.relation(from: C, to: A) == .isIncluded)
    }

    @Test func combinesBeginsEndsAndMeets() {
        // A BEGINS B (A⁻ = B⁻, A⁺ < B⁺), B ENDS C (B⁺ = C⁺, C⁻ < B⁻): C⁻ < A⁻ and A⁺ < C⁺.
        #expect(TemporalGraph([rel(A, .begins, B), rel(B, .ends, C)]).relation(from: A, to: C) == .isIncluded)
        // A IBEFORE B, B IBEFORE C: A⁺ = B⁻ < B⁺ = C⁻.
        #expect(TemporalGraph([rel(A, .immediatelyBefore, B), rel(B, .immediatelyBefore, C)]).relation(from: A, to: C) == .before)
        // A ENDED_BY B (A⁺ = B⁺, A⁻ < B⁻), C BEGINS B: C starts with B, so inside A unless it outlasts it.
        let open = TemporalGraph([rel(A, .endedBy, B), rel(C, .begins, B)])
        #expect(open.relation(from: A, to: C) == .includes)
        // A ENDS B and A BEGINS C: B and C overlap, which no TimeML relation names.
        let overlap = TemporalGraph([rel(A, .ends, B), rel(A, .begins, C)])
        #expect(overlap.relation(from: B, to: C) == nil)
        #expect(!overlap.entails(rel(B, .before, C)))
        #expect(!overlap.entails(rel(B, .includes, C)))
        // BEGINS with BEGUN_BY the other way round is the same fact.
        #expect(TemporalGraph([rel(A, .begins, B)]).entails(rel(B, .begunBy, A)))
        #expect(TemporalGraph([rel(A, .ends, B)]).entails(rel(B, .endedBy, A)))
    }

    @Test func readsDuringAndIdentityAsSimultaneous() {
        let graph = TemporalGraph([rel(A, .during, B), rel(B, .identity, C), rel(D, .duringInverse, C)])
        for (x, y) in [(A, B), (B, C), (A, C), (D, A)] {
            #expect(graph.relation(from: x, to: y) == .simultaneous)
            #expect(graph.entails(rel(x, .during, y)))
            #expect(graph.entails(rel(y, .identity, x)))
        }
        #expect(TemporalRelation.RelationType.during.scoredType == .simultaneous)
        #expect(TemporalRelation.RelationType.before.scoredType == .before)
    }

    @Test func leavesOutAndReportsContradictions() {
        let graph = TemporalGraph([
            rel(A, .before, B, id: "l1"), rel(B, .before, C, id: "l2"), rel(C, .before, A, id: "l3"),
            rel(D, .after, D, id: "l4"), rel(A, .simultaneous, D, id: "l5"), rel(D, .includes, A, id: "l6"),
        ])
        #expect(!graph.isConsistent)
        #expect(graph.inconsistencies.map(\.relation.id) == ["l3", "l4", "l6"])
        #expect(graph.inconsistencies.map(\.index) == [2, 3, 5])
        #expect(graph.relations.map(\.id) == ["l1", "l2", "l5"])
        #expect(graph.relation(from: A, to: C) == .before)
        #expect(graph.relation(from: D, to: C) == .before)
    }

    @Test func knowsNothingAboutStrangersButSelfIdentity() {
        let graph = TemporalGraph([rel(A, .before, B)])
        let stranger = TemporalRelation.Endpoint.time(id: "t9")
        #expect(!graph.entails(rel(A, .before, stranger)))
        #expect(graph.entails(rel(stranger, .simultaneous, stranger)))
        #expect(graph.relation(from: A, to: A) == .simultaneous)
        #expect(graph.relation(from: stranger, to: A) == nil)
    }

    @Test func reducesToTheNonRedundantRelations() {
        // A < C is entailed by A < B < C; B AFTER A repeats A BEFORE B; A = A says nothing.
        let graph = TemporalGraph([
            rel(A, .before, B, id: "l1"), rel(B, .before, C, id: "l2"), rel(A, .before, C, id: "l3"),
            rel(B, .after, A, id: "l4"), rel(A, .simultaneous, A, id: "l5"),
        ])
        let reduced = graph.reduced()
        // In order: l1 is entailed by l4 (dropped), l2 is needed, l3 is entailed by l4 and l2 (dropped), l4 is needed, l5 is empty.
        #expect(reduced.map(\.id) == ["l2", "l4"])
        // Of three mutual equalities, the first processed goes and the other two stay.
        let equalities = TemporalGraph([rel(A, .simultaneous, B, id: "e1"), rel(B, .simultaneous, C, id: "e2"), rel(A, .identity, C, id: "e3")])
        #expect(equalities.reduced().map(\.id) == ["e2", "e3"])
        // BEGUN_BY and INCLUDES disagree on the starts: the second is left out, and not part of the reduced graph.
        let clash = TemporalGraph([rel(A, .begunBy, B, id: "h1"), rel(A, .includes, B, id: "h2")])
        #expect(clash.inconsistencies.map(\.relation.id) == ["h2"])
        #expect(clash.reduced().map(\.id) == ["h1"])
    }

    /// Random graphs agree with a brute-force closure (Floyd–Warshall over the points) on every entailment,
    /// on which relations are contradictions, and on reduction (same closure, nothing redundant left).
    @Test func agreesWithBruteForceOnRandomGraphs() {
        var generator = SplitMix(seed: 42)
        let endpoints = (0..<6).map { TemporalRelation.Endpoint.event(instanceID: "e\($0)") }
        let types = TemporalRelation.RelationType.allCases
        for _ in 0..<200 {
            let relations = (0..<Int.random(in: 1...9, using: &generator)).map { index in
                TemporalRelation(
                    id: "l\(index)", source: endpoints.randomElement(using: &generator)!,
                    target: endpoints.randomElement(using: &generator)!, type: types.randomElement(using: &generator)!)
            }
            let graph = TemporalGraph(relations)
            var accepted: [TemporalRelation] = []
            var rejected: [String] = []
            for relation in relations {
                if BruteForce(endpoints, accepted + [relation]).isConsistent { accepted.append(relation) } else { rejected.append(relation.id) }
            }
            #expect(graph.inconsistencies.map(\.relation.id) == rejected)
            let truth = BruteForce(endpoints, accepted)
            let reducedTruth = BruteForce(endpoints, graph.reduced())
            for x in endpoints {
                for y in endpoints where x != y {
                    for type in types {
                        #expect(graph.entails(type, from: x, to: y) == truth.entails(type, x, y))
                        #expect(reducedTruth.entails(type, x, y) == truth.entails(type, x, y))
                    }
                }
            }
            let reduced = graph.reduced()
            for (index, relation) in reduced.enumerated() {
                var others = reduced
                others.remove(at: index)
                #expect(!BruteForce(endpoints, others).entails(relation.type, relation.source, relation.target))
            }
        }
    }
}

/// The closure of the point constraints by Floyd–Warshall: `m[p][q]` is 0 (unknown), 1 (≤) or 2 (<).
private struct BruteForce {
    var index: [TemporalRelation.Endpoint: Int] = [:]
    var m: [[Int]]

    init(_ endpoints: [TemporalRelation.Endpoint], _ relations: [TemporalRelation]) {
        for (i, e) in endpoints.enumerated() { index[e] = i }
        let n = 2 * endpoints.count
        m = Array(repeating: Array(repeating: 0, count: n), count: n)
        for p in 0..<n { m[p][p] = 1 }
        for i in 0..<endpoints.count { m[2 * i][2 * i + 1] = 2 }
        for relation in relations {
            for (p, q, strict) in Self.constraints(relation.type, index[relation.source]!, index[relation.target]!) {
                m[p][q] = max(m[p][q], strict ? 2 : 1)
            }
        }
        for k in 0..<n {
            for i in 0..<n where m[i][k] > 0 {
                for j in 0..<n where m[k][j] > 0 { m[i][j] = max(m[i][j], max(m[i][k], m[k][j])) }
            }
        }
    }

    var isConsistent: Bool { m.indices.allSatisfy { m[$0][$0] < 2 } }

    func entails(_ type: TemporalRelation.RelationType, _ x: TemporalRelation.Endpoint, _ y: TemporalRelation.Endpoint) -> Bool {
        Self.constraints(type, index[x]!, index[y]!).allSatisfy { p, q, strict in strict ? m[p][q] == 2 : m[p][q] >= 1 }
    }

    /// The constraints written out independently of ``TemporalGraph`` (equalities as two `≤`).
    static func constraints(_ type: TemporalRelation.RelationType, _ x: Int, _ y: Int) -> [(Int, Int, Bool)] {
        let (xs, xe, ys, ye) = (2 * x, 2 * x + 1, 2 * y, 2 * y + 1)
        func eq(_ a: Int, _ b: Int) -> [(Int, Int, Bool)] { [(a, b, false), (b, a, false)] }
        switch type {
        case .before: return [(xe, ys, true)]
        case .after: return [(ye, xs, true)]
        case .immediatelyBefore: return eq(xe, ys)
        case .immediatelyAfter: return eq(ye, xs)
        case .includes: return [(xs, ys, true), (ye, xe, true)]
        case .isIncluded: return [(ys, xs, true), (xe, ye, true)]
        case .simultaneous, .identity, .during, .duringInverse: return eq(xs, ys) + eq(xe, ye)
        case .begins: return eq(xs, ys) + [(xe, ye, true)]
        case .begunBy: return eq(xs, ys) + [(ye, xe, true)]
        case .ends: return eq(xe, ye) + [(ys, xs, true)]
        case .endedBy: return eq(xe, ye) + [(xs, ys, true)]
        }
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
