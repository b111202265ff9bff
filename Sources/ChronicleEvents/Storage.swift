import ChronicleCore
import ChronicleLanguage
import Foundation

// Low-level pieces of the event model: a read-only hash table, the scoring table, the 8-bit weight
// codebook, and byte reading and writing (with the event model's error). Stable hashing, base64 and the
// seeded shuffle are the part-of-speech model's (`StableHash`, `Base64`, `SplitMix64` in ChronicleLanguage).

/// An open-addressing hash table from non-zero 32-bit keys (already hashes) to 32-bit values.
struct EventKeyTable: Sendable {
    private let slots: [UInt64]  // key << 32 | value; 0 marks an empty slot
    private let mask: Int

    /// A table of `pairs`; keys must be distinct and non-zero.
    init(_ pairs: [(key: UInt32, value: UInt32)]) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (key, value) in pairs {
            var index = Int(key) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = UInt64(key) << 32 | UInt64(value)
        }
        self.slots = slots
        self.mask = mask
    }

    /// What ``values(for:into:)`` writes for a missing key.
    static let missing = UInt32.max

    @inline(__always)
    func value(for key: UInt32) -> UInt32? {
        slots.withUnsafeBufferPointer { slots in
            var index = Int(key) & mask
            while true {
                let slot = slots[index]
                if slot == 0 { return nil }
                if UInt32(truncatingIfNeeded: slot >> 32) == key { return UInt32(truncatingIfNeeded: slot) }
                index = (index + 1) & mask
            }
        }
    }

    /// The values of `keys` (``missing`` for a missing key). The first slot of every key is read before any
    /// is examined, so that the processor fetches them from memory in parallel.
    @inline(__always)
    func values(for keys: UnsafeBufferPointer<UInt32>, into values: UnsafeMutableBufferPointer<UInt32>) {
        slots.withUnsafeBufferPointer { slots in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: keys.count) { first in
                for k in keys.indices { first[k] = slots[Int(keys[k]) & mask] }
                for k in keys.indices {
                    let key = keys[k]
                    var slot = first[k]
                    var index = Int(key) & mask
                    while slot != 0, UInt32(truncatingIfNeeded: slot >> 32) != key {
                        index = (index + 1) & mask
                        slot = slots[index]
                    }
                    values[k] = slot == 0 ? Self.missing : UInt32(truncatingIfNeeded: slot)
                }
            }
        }
    }
}

/// The feature weights of a model laid out for scoring: a hash table whose slots hold the key and its row of
/// weights side by side, so that looking a key up costs one memory access instead of two (the key's slot,
/// then its row). A slot is 20 bytes, three to a 64-byte cache line: the key, then the eight weights decoded
/// (``EventCodebook/values``) as 16-bit integers, or, for a model whose weights do not fit in 16 bits, the row
/// of codes. Empty slots hold key 0 and zero weights (or codes), which add nothing to any score.
///
/// A key's home is a whole line (a bucket of three slots), and a key is looked for in all three at once,
/// without branches: the line is one memory access whichever slot holds the key. Keys go to the first line
/// after their home with a free slot (linear probing over lines). The table is sparse (about one key in six
/// slots, half a key per line), so that a line is full (and a key may be further on) for very few keys: the
/// lookups of a sentence then run without mispredicted branches, and the processor fetches their lines from
/// memory in parallel. (With one home slot per key instead, one lookup in fifteen found another key there and
/// had to probe on, a branch the processor could not predict and a second access it could not overlap.)
struct EventScoringTable: Sendable {
    /// Bytes per slot, slots per line, bytes per line.
    static let slotBytes = 20
    static let lineSlots = 3
    static let lineBytes = 64

    /// The lines, in memory of their own: on Linux in huge pages where the system allows, since the lookups
    /// are spread over the whole table and would otherwise miss the TLB nearly every time. One more line than
    /// ``count``, never filled, is the row of every missing key.
    final class Lines: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        /// The number of lines keys are placed in.
        let count: Int

        init(count: Int) {
            self.count = count
            let bytes = (count + 1) * EventScoringTable.lineBytes
            let hugePage = 1 << 21
            base = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: bytes >= hugePage ? hugePage : EventScoringTable.lineBytes)
            #if os(Linux)
            if bytes >= hugePage { _ = madvise(base, bytes, MADV_HUGEPAGE) }
            #endif
            base.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        }

        deinit {
            base.deallocate()
        }

        /// The byte offset of the zero row that missing keys get (in the extra line).
        var zeroRow: Int { count * EventScoringTable.lineBytes + 4 }
    }

    private let lines: Lines
    /// Whether slots hold weights (16-bit) rather than codes.
    private let holdsWeights: Bool
    /// The weight of each code (see ``EventCodebook/values``).
    private let codebook: [Int32]

    /// A table of features `keys` (distinct, non-zero) with their rows of codes `rows`. The keys of `first`
    /// (those the model has) are placed before the others, in that order: keys looked up often should be.
    init(keys: [UInt32], rows: [UInt64], codebook: EventCodebook, first: [UInt32] = []) {
        let holdsWeights = codebook.values.allSatisfy { Int32(Int16.min) <= $0 && $0 <= Int32(Int16.max) }
        let lines = Lines(count: max(16, keys.count * 2))
        var order: [Int] = []
        order.reserveCapacity(keys.count)
        if !first.isEmpty {
            let index = Dictionary(keys.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
            var placed = [Bool](repeating: false, count: keys.count)
            for key in first {
                if let k = index[key], !placed[k] {
                    placed[k] = true
                    order.append(k)
                }
            }
            order += keys.indices.filter { !placed[$0] }
        } else {
            order = Array(keys.indices)
        }
        for k in order {
            let key = keys[k], row = rows[k]
            var line = Self.home(of: key, count: lines.count)
            var offset = 0
            place: while true {
                for slot in 0..<Self.lineSlots {
                    offset = line * Self.lineBytes + slot * Self.slotBytes
                    if lines.base.load(fromByteOffset: offset, as: UInt32.self) == 0 { break place }
                }
                line = line + 1 == lines.count ? 0 : line + 1
            }
            lines.base.storeBytes(of: key, toByteOffset: offset, as: UInt32.self)
            if holdsWeights {
                var weights = SIMD8<Int16>()
                for c in 0..<8 { weights[c] = Int16(codebook.values[Int(row >> UInt64(8 * c) & 0xFF)]) }
                lines.base.storeBytes(of: weights, toByteOffset: offset + 4, as: SIMD8<Int16>.self)
            } else {
                lines.base.storeBytes(of: row, toByteOffset: offset + 4, as: UInt64.self)
            }
        }
        self.lines = lines
        self.holdsWeights = holdsWeights
        self.codebook = codebook.values
    }

    /// The home line of a key (the key is a hash: its high bits spread over the lines).
    @inline(__always)
    private static func home(of key: UInt32, count: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* UInt64(count)) >> 32)
    }

    /// The rows of `keys` (16 bytes each: weights or codes; zero for a missing key), into `rows`, in passes
    /// that keep as many memory reads in flight as the processor allows: the offsets of the keys' home lines;
    /// the first key of each line (a read each, nothing else, so that the processor fetches the lines from
    /// memory in parallel); then the row of the slot holding the key, chosen without branches (the zero row
    /// when none does). Only a key whose home line is full and holds other keys is looked for further on.
    /// `offsets` and `found` are scratch space for as many keys.
    ///
    /// (Fetching each word's lines as soon as its keys are known, to overlap the reads with the computing of
    /// the next word's keys, was measured slower: ~10%.)
    @inline(__always)
    func rows(
        of keys: UnsafeBufferPointer<UInt32>, into rows: UnsafeMutablePointer<SIMD8<Int16>>, offsets: UnsafeMutablePointer<Int>,
        found: UnsafeMutablePointer<UInt32>
    ) {
        let lines = self.lines
        let base = UnsafeRawPointer(lines.base)
        let count = lines.count, zeroRow = lines.zeroRow
        for k in keys.indices { offsets[k] = Self.home(of: keys[k], count: count) &* Self.lineBytes }
        for k in keys.indices { found[k] = base.load(fromByteOffset: offsets[k], as: UInt32.self) }
        for k in keys.indices {
            let key = keys[k], offset = offsets[k]
            let k0 = found[k]
            let k1 = base.load(fromByteOffset: offset &+ Self.slotBytes, as: UInt32.self)
            let k2 = base.load(fromByteOffset: offset &+ 2 &* Self.slotBytes, as: UInt32.self)
            var at = k2 == key ? offset &+ 2 &* Self.slotBytes &+ 4 : zeroRow
            at = k1 == key ? offset &+ Self.slotBytes &+ 4 : at
            at = k0 == key ? offset &+ 4 : at
            rows[k] = base.loadUnaligned(fromByteOffset: at, as: SIMD8<Int16>.self)
            if at == zeroRow, k0 != 0, k1 != 0, k2 != 0 { rows[k] = Self.probe(key, in: lines) }
        }
    }

    /// The row of `key` past its full home line (zero when it is missing).
    @inline(never)
    private static func probe(_ key: UInt32, in lines: Lines) -> SIMD8<Int16> {
        var line = home(of: key, count: lines.count)
        while true {
            line = line + 1 == lines.count ? 0 : line + 1
            for slot in 0..<lineSlots {
                let offset = line * lineBytes + slot * slotBytes
                let found = lines.base.load(fromByteOffset: offset, as: UInt32.self)
                if found == key { return UnsafeRawPointer(lines.base).loadUnaligned(fromByteOffset: offset + 4, as: SIMD8<Int16>.self) }
                if found == 0 { return SIMD8() }
            }
        }
    }

    /// The eight class scores of `count` rows (as ``rows(of:into:offsets:found:)`` gives them): the sum of their weights
    /// (class `c` in lane `c`).
    @inline(__always)
    func scores(rows: UnsafePointer<SIMD8<Int16>>, count: Int) -> SIMD8<Int32> {
        var sums = SIMD8<Int32>()
        if holdsWeights {
            for k in 0..<count { sums &+= SIMD8<Int32>(truncatingIfNeeded: rows[k]) }
            return sums
        }
        return codebook.withUnsafeBufferPointer { codebook in
            for k in 0..<count {
                let row = UnsafeRawPointer(rows + k).load(as: UInt64.self)
                var weights = SIMD8<Int32>()
                for c in 0..<8 { weights[c] = codebook[Int(truncatingIfNeeded: row >> UInt64(8 * c) & 0xFF)] }
                sums &+= weights
            }
            return sums
        }
    }
}

/// The 8-bit logarithmic quantisation of the weights: code `q` (-127...127) stands for
/// `scale × sinh(q / 16)`, a step of `scale / 16` near zero and a relative precision of about 6% for
/// large weights, with `scale` chosen so that code 127 is the largest weight.
struct EventCodebook: Sendable {
    let scale: Float
    /// The score each code adds, indexed by the code's bit pattern, in fixed point (1/256 of a unit).
    let values: [Int32]

    private static let steps = 16.0

    init(scale: Float) {
        self.scale = scale
        values = (0..<256).map { bits in
            let code = Double(Int8(truncatingIfNeeded: bits))
            return Int32((Double(scale) * sinh(code / Self.steps) * 256).rounded())
        }
    }

    /// The codebook whose largest code stands for `largest`.
    init(largest: Double) {
        self.init(scale: Float(max(largest, 1e-6) / sinh(127 / Self.steps)))
    }

    /// The code of `weight`.
    func code(for weight: Double) -> Int8 {
        Int8(min(max((Self.steps * asinh(weight / Double(scale))).rounded(), -127), 127))
    }
}

/// A model file that cannot be read.
public struct EventModelError: BinaryFormatError, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "invalid event model: \(message)" }
}

/// The writer and reader of the model's bytes (``ChronicleCore/BinaryWriter``), failing with an ``EventModelError``.
typealias EventByteWriter = BinaryWriter
typealias EventByteReader = BinaryReader<EventModelError>
