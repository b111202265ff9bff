// The byte-level coding shared by Chronicle's binary formats: the shipped part-of-speech and event models
// (ChronicleLanguage, ChronicleEvents) and the service's document archive (ChronicleService). Integers are
// little-endian or LEB128 varints (signed ones zigzag-encoded), strings a varint length and their UTF-8 bytes,
// ascending keys delta-coded varints.

/// The error a binary format reports for malformed bytes, made from a message.
package protocol BinaryFormatError: Error {
    init(_ message: String)
}

/// Appends little-endian integers, LEB128 varints and strings to a byte array.
package struct BinaryWriter: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    package mutating func append(_ value: UInt8) { bytes.append(value) }

    package mutating func append(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    package mutating func append(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    package mutating func append(_ value: Float) { append(value.bitPattern) }

    package mutating func append(contentsOf values: some Sequence<UInt8>) { bytes.append(contentsOf: values) }

    /// An unsigned LEB128 varint: seven bits per byte, low bits first, the high bit set on all but the last.
    package mutating func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A signed integer, zigzag-encoded (0, −1, 1, −2, … as 0, 1, 2, 3, …) as a varint.
    package mutating func appendSigned(_ value: Int) {
        let wide = Int64(value)
        appendVarint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    /// The UTF-8 length as a varint, then the bytes.
    package mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Ascending non-zero keys: their count, then each as the difference from the one before.
    package mutating func appendKeys(_ keys: [UInt32]) {
        appendVarint(UInt64(keys.count))
        var previous: UInt32 = 0
        for key in keys {
            appendVarint(UInt64(key - previous))
            previous = key
        }
    }
}

/// Reads what ``BinaryWriter`` writes. Every read is bounds-checked: malformed bytes throw `Failure`, never trap.
///
/// The byte loops run in a non-generic ``ByteCursor``: this type is used from other modules, where its generic
/// methods are not specialised, and a model is read at start-up (hundreds of thousands of varints).
package struct BinaryReader<Failure: BinaryFormatError> {
    private var cursor: ByteCursor

    package var offset: Int { cursor.position }

    package init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
        cursor = ByteCursor(bytes: bytes, position: min(max(0, offset), bytes.count))
    }

    package init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.init(bytes.assumingMemoryBound(to: UInt8.self), offset: offset)
    }

    package var isAtEnd: Bool { cursor.position == cursor.bytes.count }
    package var remaining: Int { cursor.bytes.count - cursor.position }

    package mutating func byte() throws(Failure) -> UInt8 {
        guard let byte = cursor.byte() else { throw Failure("truncated at byte \(offset)") }
        return byte
    }

    package mutating func uint16() throws(Failure) -> UInt16 {
        UInt16(try byte()) | UInt16(try byte()) << 8
    }

    /// `count` little-endian 16-bit values, read in one go.
    package mutating func uint16s(_ count: Int) throws(Failure) -> [UInt16] {
        guard count >= 0, count <= remaining / 2 else { throw Failure("truncated at byte \(cursor.bytes.count)") }
        return cursor.uint16s(count)
    }

    package mutating func uint32() throws(Failure) -> UInt32 {
        guard let value = cursor.uint32() else { throw Failure("truncated at byte \(offset)") }
        return value
    }

    package mutating func float() throws(Failure) -> Float { Float(bitPattern: try uint32()) }

    package mutating func varint() throws(Failure) -> UInt64 {
        switch cursor.varint() {
        case .value(let value): return value
        case .truncated: throw Failure("truncated at byte \(offset)")
        case .tooLong, .outOfOrder: throw Failure("varint too long at byte \(offset)")
        }
    }

    /// A zigzag-encoded signed integer (``BinaryWriter/appendSigned(_:)``).
    package mutating func signed() throws(Failure) -> Int {
        let raw = try varint()
        let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        guard let int = Int(exactly: value) else { throw Failure("integer out of range at byte \(offset)") }
        return int
    }

    /// A count that cannot exceed what is left to read (`minimumBytesEach` bytes per item), so that a corrupt
    /// count cannot reserve memory the bytes do not back.
    package mutating func count(minimumBytesEach: Int = 1) throws(Failure) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining / max(1, minimumBytesEach)) else { throw Failure("count \(value) too large at byte \(offset)") }
        return Int(value)
    }

    /// A string; with `validating`, bytes that are not UTF-8 throw (else they are repaired).
    package mutating func string(validating: Bool = false) throws(Failure) -> String {
        let length = try count()
        let slice = UnsafeBufferPointer(rebasing: cursor.bytes[offset..<(offset + length)])
        cursor.position += length
        if !validating { return String(decoding: slice, as: UTF8.self) }
        guard let string = String(validating: slice, as: UTF8.self) else { throw Failure("a string is not valid UTF-8 at byte \(offset - length)") }
        return string
    }

    /// Ascending non-zero keys, as ``BinaryWriter/appendKeys(_:)`` writes them.
    package mutating func keys() throws(Failure) -> [UInt32] {
        let count = try count()
        switch cursor.keys(count) {
        case .value(let keys): return keys
        case .truncated: throw Failure("truncated at byte \(offset)")
        case .tooLong: throw Failure("varint too long at byte \(offset)")
        case .outOfOrder: throw Failure("keys out of order")
        }
    }
}

/// The byte loops of ``BinaryReader``, without its error type: nil or an outcome where the bytes are malformed.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    enum Outcome<Value> {
        case value(Value)
        case truncated
        case tooLong
        case outOfOrder
    }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        position += 1
        return bytes[position - 1]
    }

    mutating func uint32() -> UInt32? {
        guard bytes.count - position >= 4 else {
            position = bytes.count
            return nil
        }
        var value: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) { value |= UInt32(bytes[position]) << UInt32(shift); position += 1 }
        return value
    }

    /// `count` little-endian 16-bit values; the caller has checked that they are there.
    mutating func uint16s(_ count: Int) -> [UInt16] {
        let start = position
        position += 2 * count
        return [UInt16](unsafeUninitializedCapacity: count) { values, initialized in
            for i in 0..<count { values[i] = UInt16(bytes[start + 2 * i]) | UInt16(bytes[start + 2 * i + 1]) << 8 }
            initialized = count
        }
    }

    mutating func varint() -> Outcome<UInt64> {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard let byte = byte() else { return .truncated }
            guard shift < 64 else { return .tooLong }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return .value(value) }
            shift += 7
        }
    }

    mutating func keys(_ count: Int) -> Outcome<[UInt32]> {
        var keys: [UInt32] = []
        keys.reserveCapacity(count)
        var previous: UInt64 = 0
        for index in 0..<count {
            let delta: UInt64
            switch varint() {
            case .value(let value): delta = value
            case .truncated: return .truncated
            case .tooLong, .outOfOrder: return .tooLong
            }
            let key = previous + delta
            guard key <= UInt64(UInt32.max), key > 0, index == 0 || key > previous else { return .outOfOrder }
            keys.append(UInt32(key))
            previous = key
        }
        return .value(keys)
    }
}
