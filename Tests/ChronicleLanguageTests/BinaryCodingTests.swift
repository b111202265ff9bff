import ChronicleCore
import Testing

/// The byte coding shared by the shipped models and the service's document archive (``BinaryWriter``,
/// ``BinaryReader``): values round-trip, and damaged bytes throw instead of trapping.
@Suite("Binary coding")
struct BinaryCodingTests {
    struct Failure: BinaryFormatError, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func read<T>(_ bytes: [UInt8], _ body: (inout BinaryReader<Failure>) throws(Failure) -> T) throws(Failure) -> T {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var reader = BinaryReader<Failure>(buffer)
            return try body(&reader)
        }
    }

    @Test func valuesRoundTrip() throws {
        let unsigned: [UInt64] = [0, 1, 127, 128, 300, 16_383, 16_384, UInt64(UInt32.max), UInt64.max]
        let signed = [0, -1, 1, -64, 64, Int.min, Int.max]
        var writer = BinaryWriter()
        for value in unsigned { writer.appendVarint(value) }
        for value in signed { writer.appendSigned(value) }
        writer.append("")
        writer.append("Khloé — 13 Oct.")
        writer.append(UInt16(0xBEEF))
        writer.append(UInt32(0xDEAD_BEEF))
        writer.append(Float(-2.5))
        writer.appendKeys([3, 4, 1_000, UInt32.max])
        // LEB128: 128 is 0x80 0x01, 300 is 0xAC 0x02.
        #expect(writer.bytes[3...6] == [0x80, 0x01, 0xAC, 0x02])
        let (u, s, strings, u16, u32, float, keys, atEnd) = try Self.read(writer.bytes) { reader throws(Failure) in
            let u = try unsigned.map { _ throws(Failure) in try reader.varint() }
            let s = try signed.map { _ throws(Failure) in try reader.signed() }
            let strings = [try reader.string(), try reader.string(validating: true)]
            return (u, s, strings, try reader.uint16(), try reader.uint32(), try reader.float(), try reader.keys(), reader.isAtEnd)
        }
        #expect(u == unsigned)
        #expect(s == signed)
        #expect(strings == ["", "Khloé — 13 Oct."])
        #expect(u16 == 0xBEEF && u32 == 0xDEAD_BEEF && float == -2.5)
        #expect(keys == [3, 4, 1_000, UInt32.max])
        #expect(atEnd)
    }

    @Test func damagedBytesThrow() {
        // Truncated: a varint whose last byte is missing, a string longer than what is left.
        #expect(throws: Failure.self) { try Self.read([0x80]) { reader throws(Failure) in try reader.varint() } }
        #expect(throws: Failure.self) { try Self.read([0x05, 0x61]) { reader throws(Failure) in try reader.string() } }
        // Eleven continuation bytes: longer than any 64-bit value.
        #expect(throws: Failure.self) { try Self.read([UInt8](repeating: 0xFF, count: 11) + [0x01]) { reader throws(Failure) in try reader.varint() } }
        // A count larger than the bytes that could back it.
        #expect(throws: Failure.self) { try Self.read([0xFF, 0xFF, 0x03, 0x00]) { reader throws(Failure) in try reader.count() } }
        #expect(throws: Failure.self) { try Self.read([0x02, 0x00, 0x00]) { reader throws(Failure) in try reader.uint16s(2) } }
        // Keys not ascending, and a string that is not UTF-8 when asked to validate.
        #expect(throws: Failure.self) { try Self.read([0x02, 0x05, 0x00]) { reader throws(Failure) in try reader.keys() } }
        #expect(throws: Failure.self) { try Self.read([0x02, 0xC3, 0x28]) { reader throws(Failure) in try reader.string(validating: true) } }
        #expect((try? Self.read([0x02, 0xC3, 0x28]) { reader throws(Failure) in try reader.string() }) == "\u{FFFD}(")
    }
}
