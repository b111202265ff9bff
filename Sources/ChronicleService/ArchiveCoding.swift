import Foundation

/// The byte-level writer of the binary document archive (``DocumentArchive``): integers as LEB128 varints
/// (signed ones zigzag-encoded), strings as a length and their UTF-8 bytes, optionals as a presence byte,
/// string-backed enums as their raw value.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func int32(_ value: Int32) {
        int(Int(value))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw<E: RawRepresentable>(_ value: E) where E.RawValue == String {
        string(value.rawValue)
    }

    /// A presence byte, then the value when there is one.
    mutating func optional<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    /// The count, then each element.
    mutating func array<T>(_ values: [T], _ write: (inout ArchiveWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// The byte-level reader of the binary document archive: the inverse of ``ArchiveWriter``. Every read is
/// bounds-checked; malformed bytes throw ``DocumentArchive/ArchiveError/malformed(_:)`` (never trap).
struct ArchiveReader {
    private let base: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ base: UnsafeRawBufferPointer, offset: Int = 0) {
        self.base = base
        self.offset = offset
    }

    var isAtEnd: Bool { offset == base.count }

    mutating func byte() throws(DocumentArchive.ArchiveError) -> UInt8 {
        guard offset < base.count else { throw .malformed("the archive ends early") }
        defer { offset += 1 }
        return base[offset]
    }

    mutating func unsigned() throws(DocumentArchive.ArchiveError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw .malformed("an integer is too long") }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws(DocumentArchive.ArchiveError) -> Int {
        let raw = try unsigned()
        let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        guard let int = Int(exactly: value) else { throw .malformed("an integer is out of range") }
        return int
    }

    mutating func int32() throws(DocumentArchive.ArchiveError) -> Int32 {
        guard let value = Int32(exactly: try int()) else { throw .malformed("an offset is out of range") }
        return value
    }

    /// A count of elements that each take at least one byte (so a corrupt count cannot reserve memory the
    /// archive does not back).
    mutating func count() throws(DocumentArchive.ArchiveError) -> Int {
        let count = try unsigned()
        guard count <= UInt64(base.count - offset) else { throw .malformed("a count is larger than the archive") }
        return Int(count)
    }

    mutating func bool() throws(DocumentArchive.ArchiveError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw .malformed("a flag is neither 0 nor 1")
        }
    }

    mutating func string() throws(DocumentArchive.ArchiveError) -> String {
        let length = try count()
        let slice = UnsafeRawBufferPointer(rebasing: base[offset..<offset + length])
        offset += length
        guard let string = String(validating: slice.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else { throw .malformed("a string is not valid UTF-8") }
        return string
    }

    mutating func raw<E: RawRepresentable>(_: E.Type = E.self) throws(DocumentArchive.ArchiveError) -> E where E.RawValue == String {
        let value = try string()
        guard let result = E(rawValue: value) else { throw .malformed("unknown \(E.self) '\(value.prefix(40))'") }
        return result
    }

    mutating func optional<T>(_ read: (inout ArchiveReader) throws(DocumentArchive.ArchiveError) -> T) throws(DocumentArchive.ArchiveError) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout ArchiveReader) throws(DocumentArchive.ArchiveError) -> T) throws(DocumentArchive.ArchiveError) -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// A half-open range `lower..<upper`, checked.
    mutating func range() throws(DocumentArchive.ArchiveError) -> Range<Int> {
        let lower = try int()
        let upper = try int()
        guard lower <= upper else { throw .malformed("a range ends before it starts") }
        return lower..<upper
    }
}
