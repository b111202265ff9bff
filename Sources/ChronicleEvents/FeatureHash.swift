import ChronicleLanguage

/// The arithmetic of ``StableHash`` (FNV-1a steps, the SplitMix64 finaliser and the feature key), repeated
/// here so that the compiler inlines it.
///
/// `StableHash` belongs to ChronicleLanguage and its functions have `package` access: they are not inlinable
/// across modules, so every call from this module was a real call. Event recognition computes some hundred
/// hashing steps and forty-three keys per word, and those calls were about a sixth of its time. These functions
/// must give exactly what `StableHash` gives (the model's keys were made with it); a test checks that they do.
enum FeatureHash {
    /// `StableHash.offset`, the FNV-1a offset basis.
    static let offset: UInt64 = 0xCBF2_9CE4_8422_2325

    /// `StableHash.add`: one FNV-1a step.
    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// `StableHash.finish`: the SplitMix64 finaliser.
    @inline(__always)
    static func finish(_ hash: UInt64) -> UInt64 {
        var z = hash
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `StableHash.key`: a template number and up to two values as a non-zero 32-bit feature key.
    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt32 {
        let mixed = finish(template &* 0x9E37_79B9_7F4A_7C15 ^ a ^ (b &* 0xC2B2_AE3D_27D4_EB4F))
        let key = UInt32(truncatingIfNeeded: mixed >> 32)
        return key == 0 ? 1 : key
    }
}
