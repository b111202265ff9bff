import Testing

@testable import ChronicleEvents
import ChronicleLanguage

/// The event features' inlined hashing computes exactly what the part-of-speech model's `StableHash` does:
/// the shipped model's keys were made with it.
@Suite("Feature hash")
struct FeatureHashTests {
    @Test("FeatureHash agrees with StableHash")
    func agreesWithStableHash() {
        #expect(FeatureHash.offset == StableHash.offset)
        var random = SplitMix64(seed: 3)
        for _ in 0..<10_000 {
            let a = random.next(), b = random.next(), template = random.next() % 1_000
            let byte = UInt8(truncatingIfNeeded: random.next())
            #expect(FeatureHash.add(a, byte) == StableHash.add(a, byte))
            #expect(FeatureHash.finish(a) == StableHash.finish(a))
            #expect(FeatureHash.key(template, a, b) == StableHash.key(template, a, b))
            #expect(FeatureHash.key(template, a) == StableHash.key(template, a))
        }
    }
}
