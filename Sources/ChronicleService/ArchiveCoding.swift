import ChronicleCore
import Foundation

/// The byte-level writer of the binary document archive (``DocumentArchive``): integers as LEB128 varints
/// (signed ones zigzag-encoded), strings as a length and their UTF-8 bytes, optionals as a presence byte,
/// string-backed enums as their raw value.
struct ArchiveWriter {
    private var writer: BinaryWriter

    var bytes: [UInt8] { writer.bytes }

    init(capacity: Int) {
        writer = BinaryWriter(capacity: capacity)
    }

    mutating func byte(_ value: UInt8) { writer.append(value) }

    mutating func unsigned(_ value: UInt64) { writer.appendVarint(value) }

    mutating func int(_ value: Int) { writer.appendSigned(value) }

    mutating func int32(_ value: Int32) { writer.appendSigned(Int(value)) }

    mutating func bool(_ value: Bool) { writer.append(UInt8(value ? 1 : 0)) }

    mutating func string(_ value: String) { writer.append(value) }

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
    private var reader: BinaryReader<DocumentArchive.ArchiveError>

    init(_ base: UnsafeRawBufferPointer, offset: Int = 0) {
        reader = BinaryReader(base, offset: offset)
    }

    var offset: Int { reader.offset }
    var isAtEnd: Bool { reader.isAtEnd }

    mutating func byte() throws(DocumentArchive.ArchiveError) -> UInt8 { try reader.byte() }

    mutating func unsigned() throws(DocumentArchive.ArchiveError) -> UInt64 { try reader.varint() }

    mutating func int() throws(DocumentArchive.ArchiveError) -> Int { try reader.signed() }

    mutating func int32() throws(DocumentArchive.ArchiveError) -> Int32 {
        guard let value = Int32(exactly: try int()) else { throw .malformed("an offset is out of range") }
        return value
    }

    /// A count of elements that each take at least one byte (so a corrupt count cannot reserve memory the
    /// archive does not back).
    mutating func count() throws(DocumentArchive.ArchiveError) -> Int { try reader.count() }

    mutating func bool() throws(DocumentArchive.ArchiveError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw .malformed("a flag is neither 0 nor 1")
        }
    }

    mutating func string() throws(DocumentArchive.ArchiveError) -> String { try reader.string(validating: true) }

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

extension DocumentArchive.ArchiveError: BinaryFormatError {
    /// A malformed archive, as the shared reader reports it.
    package init(_ message: String) {
        self = .malformed(message)
    }
}
