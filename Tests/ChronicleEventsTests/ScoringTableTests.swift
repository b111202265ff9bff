import Testing

@testable import ChronicleEvents
import ChronicleLanguage

/// The scoring table finds every feature of a model with its weights, and nothing for other keys, whatever
/// collisions the keys make.
@Suite("Event scoring table")
struct ScoringTableTests {
    /// A seeded model-like set of keys and rows, with keys crowded into few first slots.
    func makeTable(keyCount: Int, first: [UInt32] = [], scale: Float = 0.02) -> (EventScoringTable, [UInt32], [UInt64], EventCodebook) {
        var random = SplitMix64(seed: 7)
        var keys = Set<UInt32>()
        while keys.count < keyCount { keys.insert(UInt32(truncatingIfNeeded: random.next()) | 1) }
        let sorted = keys.sorted()
        let rows = sorted.map { _ in random.next() | 1 }
        let codebook = EventCodebook(scale: scale)
        return (EventScoringTable(keys: sorted, rows: rows, codebook: codebook, first: first), sorted, rows, codebook)
    }

    func look(_ table: EventScoringTable, _ keys: [UInt32]) -> [SIMD8<Int32>] {
        var rows = [SIMD8<Int16>](repeating: SIMD8(), count: keys.count)
        var offsets = [Int](repeating: 0, count: keys.count)
        var found = [UInt32](repeating: 0, count: keys.count)
        keys.withUnsafeBufferPointer { keys in
            table.rows(of: keys, into: &rows, offsets: &offsets, found: &found)
        }
        return rows.indices.map { k in rows.withUnsafeBufferPointer { table.scores(rows: $0.baseAddress! + k, count: 1) } }
    }

    /// Small weights are held decoded (16 bits), large ones as codes.
    @Test("Present keys give their decoded weights, missing keys none", arguments: [10, 1_000, 20_000], [Float(0.02), 1.0])
    func lookups(keyCount: Int, scale: Float) {
        let (table, keys, rows, codebook) = makeTable(keyCount: keyCount, first: [0x1234_5678], scale: scale)
        let weights = look(table, keys)
        for (k, row) in rows.enumerated() {
            var expected = SIMD8<Int32>()
            for c in 0..<8 { expected[c] = codebook.values[Int(row >> UInt64(8 * c) & 0xFF)] }
            #expect(weights[k] == expected)
        }
        let present = Set(keys)
        var random = SplitMix64(seed: 11)
        let missing = (0..<2_000).map { _ in UInt32(truncatingIfNeeded: random.next()) | 1 }.filter { !present.contains($0) }
        #expect(look(table, missing).allSatisfy { $0 == SIMD8() })
    }

    @Test("Keys placed first are found as the others are")
    func commonKeysFirst() {
        let keys500 = makeTable(keyCount: 500).1
        let (table, keys, _, _) = makeTable(keyCount: 500, first: Array(EventFeatures.commonKeys.prefix(100)) + [keys500[3], keys500[7]])
        let (plain, _, _, _) = makeTable(keyCount: 500)
        #expect(look(table, keys) == look(plain, keys))
        #expect(Set(EventFeatures.commonKeys).count > 1_000)
    }
}
