/// Stable 64-bit hashing (FNV-1a, then a SplitMix64 finalizer): the same on every platform and in every
/// process, unlike `Hasher`, so that feature keys computed at training time match those computed later.
///
/// The part-of-speech, event and relation models hash their features with it. It is public and its steps
/// are `@inlinable` so that the other modules' feature code inlines them: a `package` function is a real
/// call from another module, and event features make some hundred hashing steps per word.
public enum StableHash {
    /// The FNV-1a offset basis.
    public static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    /// The FNV-1a prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// One FNV-1a step: `hash` with `byte` mixed in.
    @inlinable @inline(__always)
    public static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The SplitMix64 finalizer: spreads the bits of an FNV-1a hash.
    @inlinable @inline(__always)
    public static func finish(_ hash: UInt64) -> UInt64 {
        var z = hash
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines a template number and up to two values into a 32-bit feature key (never 0, which marks
    /// empty slots).
    @inlinable @inline(__always)
    public static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt32 {
        let mixed = finish(template &* 0x9E37_79B9_7F4A_7C15 ^ a ^ (b &* 0xC2B2_AE3D_27D4_EB4F))
        let key = UInt32(truncatingIfNeeded: mixed >> 32)
        return key == 0 ? 1 : key
    }

    /// The hash of `bytes`.
    @inlinable
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        finish(bytes.reduce(0xCBF2_9CE4_8422_2325, add))
    }

    /// The hash of `bytes` with ASCII letters lower-cased.
    @inlinable
    public static func folded<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = add(hash, byte &- 65 < 26 ? byte | 0x20 : byte) }
        return finish(hash)
    }

    /// The hash of a string with ASCII letters lower-cased.
    public static func folded(_ string: String) -> UInt64 {
        folded(string.utf8)
    }
}

/// What the tagger knows about one word of a sentence before tagging: hashes of its form and affixes,
/// its shape, and what the lexicon says about it.
struct WordInfo {
    /// The form lower-cased, digits written as 0 ("1990s" → "0000s").
    var normal: UInt64
    /// The form as written.
    var exact: UInt64
    /// The last 2, 3 and 4 bytes, folded like ``normal``.
    var suffixes: (two: UInt64, three: UInt64, four: UInt64)
    /// The first byte, folded like ``normal``.
    var prefix: UInt64
    /// Letter classes with runs collapsed ("Kardashian" → "Xx", "U.S." → "X.X.", "3.5" → "d.d").
    var shape: UInt64
    /// The lexicon's set of classes for this word, or ``Lexicon/unknownAmbiguity``.
    var ambiguity: UInt16
    /// The class of a frequent unambiguous word, or ``Lexicon/noClass``.
    var fixedClass: UInt8

    /// The padding before the first and after the last word.
    static let start = WordInfo(marker: 1)
    static let end = WordInfo(marker: 2)

    private init(marker: UInt64) {
        normal = StableHash.finish(marker &* 0x1234_5678)
        exact = normal
        suffixes = (normal, normal, normal)
        prefix = normal
        shape = normal
        ambiguity = Lexicon.paddingAmbiguity
        fixedClass = Lexicon.noClass
    }

    /// The hashes of the word `bytes`; the lexicon fields are filled by the caller.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var normal = StableHash.offset, exact = StableHash.offset, shape = StableHash.offset
        var prefix = StableHash.offset
        var lastClass: UInt8 = 0, shapeLength = 0
        for (index, byte) in bytes.enumerated() {
            let isUpper = byte &- 65 < 26, isDigit = byte &- 48 < 10, isLower = byte &- 97 < 26
            let folded = isUpper ? byte | 0x20 : (isDigit ? UInt8(ascii: "0") : byte)
            normal = StableHash.add(normal, folded)
            exact = StableHash.add(exact, byte)
            if index == 0 { prefix = normal }
            let wordClass: UInt8 = isUpper ? UInt8(ascii: "X") : isLower ? UInt8(ascii: "x") : isDigit ? UInt8(ascii: "d")
                : byte >= 0x80 ? UInt8(ascii: "u") : byte
            if wordClass != lastClass, shapeLength < 8 {
                shape = StableHash.add(shape, wordClass)
                shapeLength += 1
                lastClass = wordClass
            }
        }
        let count = bytes.count
        /// The hash of the last `length` bytes, folded like `normal`.
        func suffix(_ length: Int) -> UInt64 {
            var hash = StableHash.offset &+ UInt64(length)
            for index in max(0, count - length)..<count {
                let byte = bytes[index]
                hash = StableHash.add(hash, byte &- 65 < 26 ? byte | 0x20 : (byte &- 48 < 10 ? UInt8(ascii: "0") : byte))
            }
            return hash
        }
        self.normal = StableHash.finish(normal)
        self.exact = StableHash.finish(exact &+ 1)
        self.suffixes = (suffix(2), suffix(3), suffix(4))
        self.prefix = prefix &+ 11
        self.shape = StableHash.finish(shape &+ 7)
        self.ambiguity = Lexicon.unknownAmbiguity
        self.fixedClass = Lexicon.noClass
    }

    /// The lexicon key of the word: its normalised form.
    var lexiconKey: UInt32 {
        let key = UInt32(truncatingIfNeeded: normal >> 32)
        return key == 0 ? 1 : key
    }
}

/// The reading direction of a tagging pass: the tagger reads each sentence both ways, each direction with
/// its own weights, and adds up the scores of the two passes.
enum Direction: Int, CaseIterable {
    case forward = 0
    case backward = 1
}

/// The feature templates of the tagger, shared by training and tagging.
///
/// The backward pass reads the reversed sentence with the same templates: its "previous word" is the next
/// word in the text, which gives the two passes different views of each word; the direction salts the keys,
/// so each has its own weights.
enum FeatureTemplates {
    /// The number of keys ``keys(at:in:direction:caseStyle:previous:beforePrevious:into:)`` writes.
    static let count = 30

    /// The class number used for "no previous word".
    static let noPrevious: UInt64 = 0xFFFF

    /// Writes the feature keys of word `i` of `words` (padded: the first two and the last two are padding,
    /// real words are `2..<words.count - 2`; reversed for the backward pass), given the case style of the
    /// sentence (see ``Lexicon/wordInfos(bytes:words:lexicon:)``) and the classes of the two words read
    /// before it.
    @inline(__always)
    static func keys(
        at i: Int, in words: UnsafeBufferPointer<WordInfo>, direction: Direction, caseStyle: UInt64, previous: UInt64,
        beforePrevious: UInt64, into keys: UnsafeMutablePointer<UInt32>
    ) {
        let d = UInt64(direction.rawValue) * 1000
        let w = words[i], p1 = words[i - 1], n1 = words[i + 1], n2 = words[i + 2]
        let ambiguity = UInt64(w.ambiguity)
        keys[0] = StableHash.key(d + 0, 0)
        keys[1] = StableHash.key(d + 1, w.normal)
        keys[2] = StableHash.key(d + 2, w.exact)
        keys[3] = StableHash.key(d + 4, w.suffixes.two)
        keys[4] = StableHash.key(d + 5, w.suffixes.three)
        keys[5] = StableHash.key(d + 6, w.suffixes.four)
        keys[6] = StableHash.key(d + 7, w.prefix)
        keys[7] = StableHash.key(d + 10, w.shape)
        keys[8] = StableHash.key(d + 11, p1.normal)
        keys[9] = StableHash.key(d + 13, n1.normal)
        keys[10] = StableHash.key(d + 14, n2.normal)
        keys[11] = StableHash.key(d + 15, p1.suffixes.three)
        keys[12] = StableHash.key(d + 16, n1.suffixes.three)
        keys[13] = StableHash.key(d + 19, previous)
        keys[14] = StableHash.key(d + 21, previous, beforePrevious)
        keys[15] = StableHash.key(d + 22, previous, w.normal)
        keys[16] = StableHash.key(d + 23, previous, w.suffixes.three)
        keys[17] = StableHash.key(d + 24, ambiguity)
        keys[18] = StableHash.key(d + 25, UInt64(n1.ambiguity))
        keys[19] = StableHash.key(d + 27, w.normal, n1.normal)
        keys[20] = StableHash.key(d + 28, p1.normal, w.normal)
        keys[21] = StableHash.key(d + 29, i == 2 ? 1 : 0, w.shape)
        keys[22] = StableHash.key(d + 30, ambiguity, previous)
        keys[23] = StableHash.key(d + 31, caseStyle, w.shape)
        keys[24] = StableHash.key(d + 32, p1.shape, StableHash.finish(w.shape ^ n1.shape &* 31))
        keys[25] = StableHash.key(d + 33, previous, n1.normal)
        keys[26] = StableHash.key(d + 34, n1.normal, n2.normal)
        keys[27] = StableHash.key(d + 35, ambiguity, w.shape)
        keys[28] = StableHash.key(d + 40, w.normal, UInt64(n1.ambiguity))
        keys[29] = StableHash.key(d + 41, previous, UInt64(n1.ambiguity))
    }
}
