import ChronicleCore
import Foundation

/// An open-addressing hash table from non-zero 32-bit keys (already hashes) to 32-bit values: the lookup
/// structure of every table of a ``POSModel``, one 64-bit slot per entry for a single memory access.
struct KeyTable: Sendable {
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

    /// What ``values(for:into:)`` writes for a missing key.
    static let missing = UInt64(UInt32.max)

    /// The values of `keys`, ``missing`` for a missing key. The first slot of every key is read before any
    /// is examined, so that the processor fetches them from memory in parallel.
    @inline(__always)
    func values(for keys: UnsafeMutableBufferPointer<UInt32>, into values: UnsafeMutableBufferPointer<UInt64>) {
        slots.withUnsafeBufferPointer { slots in
            for k in keys.indices { values[k] = slots[Int(keys[k]) & mask] }
            for k in keys.indices {
                let key = keys[k]
                var slot = values[k]
                var index = Int(key) & mask
                while slot != 0, UInt32(truncatingIfNeeded: slot >> 32) != key {
                    index = (index + 1) & mask
                    slot = slots[index]
                }
                values[k] = slot == 0 ? Self.missing : slot & 0xFFFF_FFFF
            }
        }
    }
}

/// Where the weights of one feature are, as the 32-bit value of the feature table: features with one or two
/// weights (most of them) carry the weights themselves, so that a lookup needs a single memory access;
/// others point into the model's weight array.
struct FeatureWeights {
    let bits: UInt32

    init(bits: UInt32) {
        self.bits = bits
    }

    /// The features of `count` weights starting at `weights[start]`.
    init(start: Int, count: Int, weights: [UInt16]) {
        switch count {
        case 1: bits = Self.inlineFlag | UInt32(weights[start]) << 16 | UInt32(WeightEntry.zero.bits)
        case 2: bits = Self.inlineFlag | UInt32(weights[start]) << 16 | UInt32(weights[start + 1])
        default: bits = UInt32(start) << 8 | UInt32(count)
        }
    }

    /// A feature whose weights are the dense row `row` of the model's ``DenseWeights`` (a count of 0, which
    /// stored features never have).
    init(denseRow row: Int) {
        bits = UInt32(row) << 8
    }

    private static let inlineFlag: UInt32 = 1 << 31

    var isInline: Bool { bits & Self.inlineFlag != 0 }
    /// Whether the weights are a dense row (then ``start`` is the row's number).
    var isDense: Bool { bits & (Self.inlineFlag | 0xFF) == 0 }
    /// The two weights of an inline feature (the second is ``WeightEntry/zero`` for a single weight).
    var inlineWeights: (WeightEntry, WeightEntry) {
        (WeightEntry(UInt16(truncatingIfNeeded: bits >> 16) & 0x7FFF), WeightEntry(UInt16(truncatingIfNeeded: bits)))
    }
    var start: Int { Int(bits >> 8) }
    var count: Int { Int(bits & 0xFF) }
}

/// The weights of the features with many weights (the bias, the previous classes, frequent words), one
/// dense row of 16-bit scores per feature with a score for every class, padded to a multiple of 8 classes:
/// adding a row is a few vector additions, where its entries one by one would be a long chain of scattered
/// additions. Built when a model is loaded; it adds exactly what the entries add.
struct DenseWeights: Sendable {
    /// Features with at least this many weights get a dense row.
    static let minimumWeights = 16

    /// Row `r` is `scores[r * stride ..< (r + 1) * stride]`.
    let scores: [Int16]
    /// The classes of the model rounded up to a multiple of 8.
    let stride: Int

    /// Rows for the features `rows` (each a range of `weights`), or nil when some score does not fit 16 bits.
    init?(rows: [Range<Int>], weights: [UInt16], codebook: WeightCodebook, classCount: Int) {
        stride = (classCount + 7) / 8 * 8
        guard codebook.values.allSatisfy({ Int32(Int16.min)...Int32(Int16.max) ~= $0 }) else { return nil }
        var scores = [Int16](repeating: 0, count: rows.count * stride)
        for (row, range) in rows.enumerated() {
            for bits in weights[range] {
                let entry = WeightEntry(bits)
                let sum = Int32(scores[row * stride + entry.tagClass]) + codebook.values[Int(entry.code)]
                // Two entries of one class in one feature do not happen; refuse rather than overflow if they did.
                guard Int32(Int16.min)...Int32(Int16.max) ~= sum else { return nil }
                scores[row * stride + entry.tagClass] = Int16(sum)
            }
        }
        self.scores = scores
    }

    /// Adds row `row` to `scores` (at least ``stride`` long).
    @inline(__always)
    static func add(row: UnsafePointer<Int16>, to scores: UnsafeMutablePointer<Int32>, stride: Int) {
        let source = UnsafeRawPointer(row), target = UnsafeMutableRawPointer(scores)
        var offset = 0
        while offset < stride {
            let weights = SIMD8<Int32>(truncatingIfNeeded: source.loadUnaligned(fromByteOffset: offset * 2, as: SIMD8<Int16>.self))
            let sum = target.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Int32>.self) &+ weights
            target.storeBytes(of: sum, toByteOffset: offset * 4, as: SIMD8<Int32>.self)
            offset += 8
        }
    }
}

/// One weight of a model, packed in 16 bits: the class (high byte) and the weight's code in the model's
/// ``WeightCodebook`` (low byte).
struct WeightEntry {
    let bits: UInt16

    init(_ bits: UInt16) {
        self.bits = bits
    }

    init(tagClass: UInt8, code: Int8) {
        bits = UInt16(tagClass) << 8 | UInt16(UInt8(bitPattern: code))
    }

    /// The largest number of classes a model can have (the top bit of an entry is free for
    /// ``FeatureWeights``).
    static let maximumClasses = 127

    /// A weight of zero (code 0) for class 0.
    static let zero = WeightEntry(0)

    var tagClass: Int { Int(bits >> 8) }
    var code: UInt8 { UInt8(truncatingIfNeeded: bits) }
}

/// The 8-bit logarithmic quantisation of a model's weights: code `q` (-127...127) stands for
/// `scale × sinh(q / 16)`, a step of `scale / 16` near zero and a relative precision of about 6% for
/// large weights, with `scale` chosen so that code 127 is the largest weight.
struct WeightCodebook: Sendable {
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
        Int8((Self.steps * asinh(weight / Double(scale))).rounded().clamped(to: -127...127))
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}

/// A model file that cannot be read.
public struct POSModelError: BinaryFormatError, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "invalid part-of-speech model: \(message)" }
}

/// The writer and reader of the model's bytes (``ChronicleCore/BinaryWriter``), failing with a ``POSModelError``.
typealias ByteWriter = BinaryWriter
typealias ByteReader = BinaryReader<POSModelError>

/// Base64, to compile the shipped model into the binary as a string literal (see ``POSModel/swiftSource(embedding:comment:)``).
package enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    package static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(group >> 18 & 63)])
            out.append(alphabet[Int(group >> 12 & 63)])
            out.append(index + 1 < bytes.count ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a base64 text; nil when it holds anything but base64 characters and final padding.
    ///
    /// Models compiled into Chronicle are decoded at start-up, so this runs four characters at a time into
    /// storage allocated once, with the table read through a pointer (no bounds or lazy-initialisation checks
    /// per character).
    package static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var end = text.count
        while end > 0, text[end - 1] == UInt8(ascii: "=") { end -= 1 }
        guard end > 0 else { return [] }
        let whole = end / 4, rest = end % 4
        guard rest != 1 else { return decodeTail(text, end: end) }
        let count = whole * 3 + (rest == 0 ? 0 : rest - 1)
        var valid = true
        let out = values.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                let input = text.baseAddress!, output = buffer.baseAddress!
                var bad: UInt32 = 0
                for g in 0..<whole {
                    let i = input + 4 * g
                    let a = UInt32(table[Int(i[0])]), b = UInt32(table[Int(i[1])])
                    let c = UInt32(table[Int(i[2])]), d = UInt32(table[Int(i[3])])
                    bad |= a | b | c | d
                    let group = a << 18 | b << 12 | c << 6 | d
                    let o = output + 3 * g
                    o[0] = UInt8(truncatingIfNeeded: group >> 16)
                    o[1] = UInt8(truncatingIfNeeded: group >> 8)
                    o[2] = UInt8(truncatingIfNeeded: group)
                }
                var group: UInt32 = 0
                for index in 4 * whole..<end {
                    let value = UInt32(table[Int(input[index])])
                    bad |= value
                    group = group << 6 | value
                }
                let o = output + 3 * whole
                if rest == 2 { o[0] = UInt8(truncatingIfNeeded: group >> 4) }
                if rest == 3 {
                    o[0] = UInt8(truncatingIfNeeded: group >> 10)
                    o[1] = UInt8(truncatingIfNeeded: group >> 2)
                }
                valid = bad & 0xC0 == 0
                initialized = count
            }
        }
        return valid ? out : nil
    }

    /// ``decode(_:)`` of a text whose length leaves a single character after the last group of four (six
    /// bits, which make no byte): bit by bit, as the stream of 6-bit values it is.
    private static func decodeTail(_ text: UnsafeBufferPointer<UInt8>, end: Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(end * 3 / 4)
        var group: UInt32 = 0, bits = 0
        for index in 0..<end {
            let value = values[Int(text[index])]
            guard value != 0xFF else { return nil }
            group = group << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: group >> UInt32(bits)))
            }
        }
        return out
    }
}
