/// A lower-cased ASCII word of at most 16 bytes packed into two integers: the allocation-free form in which
/// ``TenseCues`` reads the words around a time expression. Written as a literal, it is packed at compile
/// time (`word == "until"`, `case "will", "shall":`).
struct CueWord: Hashable, ExpressibleByStringLiteral {
    /// Bytes 0..<8, the first in the lowest byte; zero past the end.
    let low: UInt64
    /// Bytes 8..<16.
    let high: UInt64
    /// The number of bytes.
    let count: Int

    /// The longest word a token can give (``init(_:_:_:)``).
    static let maximumTokenLength = 14

    /// The bytes `start..<end` of `bytes` lower-cased; nil when they are more than 14 or not all ASCII.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let count = end - start
        guard count <= Self.maximumTokenLength else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for k in 0..<count {
            let byte = bytes[start + k]
            guard byte < 0x80 else { return nil }
            let folded = UInt64(byte &- 65 < 26 ? byte | 0x20 : byte)
            if k < 8 { low |= folded << (8 * UInt64(k)) } else { high |= folded << (8 * UInt64(k - 8)) }
        }
        (self.low, self.high, self.count) = (low, high, count)
    }

    /// A word of the word lists, lower-cased ASCII of at most 16 bytes.
    init(_ text: String) {
        let bytes = Array(text.utf8)
        precondition(bytes.count <= 16 && bytes.allSatisfy { $0 < 0x80 && !($0 &- 65 < 26) }, "not a cue word: \(text)")
        var low: UInt64 = 0, high: UInt64 = 0
        for (k, byte) in bytes.enumerated() {
            if k < 8 { low |= UInt64(byte) << (8 * UInt64(k)) } else { high |= UInt64(byte) << (8 * UInt64(k - 8)) }
        }
        (self.low, self.high, self.count) = (low, high, bytes.count)
    }

    @inline(__always)
    init(stringLiteral text: StaticString) {
        var low: UInt64 = 0, high: UInt64 = 0
        let count = text.utf8CodeUnitCount, bytes = text.utf8Start
        for k in 0..<min(count, 16) {
            if k < 8 { low |= UInt64(bytes[k]) << (8 * UInt64(k)) } else { high |= UInt64(bytes[k]) << (8 * UInt64(k - 8)) }
        }
        (self.low, self.high, self.count) = (low, high, count)
    }

    /// The byte at `index` (which must be below ``count``).
    @inline(__always)
    private func byte(_ index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: index < 8 ? low >> (8 * UInt64(index)) : high >> (8 * UInt64(index - 8)))
    }

    /// Whether the word ends with `suffix` (lower-case ASCII).
    @inline(__always)
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard length <= count else { return false }
        for k in 0..<length where byte(count - length + k) != suffix.utf8Start[k] { return false }
        return true
    }
}

/// The word lists of ``TenseCues`` in one open-addressing table: for each word, its kind of tense cue and
/// the lists it is in.
struct CueTable: Sendable {
    /// What kind of tense cue a word is.
    enum Kind: UInt8 { case none, forwardModal, future, past, present }

    /// The lists a word can be in, as bits.
    struct Lists: OptionSet, Sendable {
        let rawValue: UInt16
        static let notVerbInEd = Lists(rawValue: 1 << 0)
        static let group = Lists(rawValue: 1 << 1)
        static let intention = Lists(rawValue: 1 << 2)
        static let planning = Lists(rawValue: 1 << 3)
        static let adjectiveAdverb = Lists(rawValue: 1 << 4)
        static let determiner = Lists(rawValue: 1 << 5)
        static let nounBeforePlans = Lists(rawValue: 1 << 6)
    }

    private let lows: [UInt64]
    private let highs: [UInt64]
    /// Kind in the low byte, lists above; 0 for an empty slot is never looked at (``counts`` is 0 there).
    private let values: [UInt32]
    /// The word's length, 0 for an empty slot.
    private let counts: [UInt8]
    private let shift: UInt64

    /// A table of the words of `kinds` (a word in several lists takes the kind of the last) and `lists`.
    init(kinds: [([String], Kind)], lists: [([String], Lists)]) {
        var entries: [CueWord: UInt32] = [:]
        for (words, kind) in kinds {
            for word in words {
                let key = CueWord(word)
                entries[key] = (entries[key] ?? 0) & ~0xFF | UInt32(kind.rawValue)
            }
        }
        for (words, list) in lists {
            for word in words { entries[CueWord(word), default: 0] |= UInt32(list.rawValue) << 8 }
        }
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        let size = 1 << Int(bits), shift = 64 - bits
        var lows = [UInt64](repeating: 0, count: size), highs = lows
        var values = [UInt32](repeating: 0, count: size), counts = [UInt8](repeating: 0, count: size)
        for (word, value) in entries {
            var index = Self.index(word, shift)
            while counts[index] != 0 { index = (index + 1) & (size - 1) }
            (lows[index], highs[index], values[index], counts[index]) = (word.low, word.high, value, UInt8(word.count))
        }
        (self.lows, self.highs, self.values, self.counts, self.shift) = (lows, highs, values, counts, shift)
    }

    @inline(__always)
    private static func index(_ word: CueWord, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((word.low ^ word.high &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The kind and lists of `word`; 0 when it is in none.
    @inline(__always)
    private func value(of word: CueWord) -> UInt32 {
        var index = Self.index(word, shift)
        while true {
            let count = counts[index]
            if count == 0 { return 0 }
            if Int(count) == word.count, lows[index] == word.low, highs[index] == word.high { return values[index] }
            index = (index + 1) & (counts.count - 1)
        }
    }

    func kind(of word: CueWord) -> Kind {
        Kind(rawValue: UInt8(truncatingIfNeeded: value(of: word))) ?? .none
    }

    /// Whether `word` is in the list `list`.
    func contains(_ word: CueWord, in list: Lists) -> Bool {
        UInt16(truncatingIfNeeded: value(of: word) >> 8) & list.rawValue != 0
    }
}
