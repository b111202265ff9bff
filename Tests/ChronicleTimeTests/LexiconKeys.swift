import Testing
@testable import ChronicleTime

/// The lexicon's keys: a word packed eight bytes at a time (inside the text) and a byte at a time (at its end)
/// give the same key, lowercased ASCII, and no key for a word with a byte that is not ASCII.
@Suite("Lexicon keys")
struct LexiconKeys {
    /// The key of `word` read a byte at a time (nothing after it) and eight at a time (text after it).
    static func keys(_ word: [UInt8]) -> (alone: (UInt64, UInt64)?, inText: (UInt64, UInt64)?) {
        let alone = word.withUnsafeBufferPointer { Lexicon.pack($0, 0, word.count) }
        let text = [UInt8]("x ".utf8) + word + [UInt8](" and then some more text".utf8)
        let inText = text.withUnsafeBufferPointer { Lexicon.pack($0, 2, 2 + word.count) }
        return (alone, inText)
    }

    @Test(arguments: ["Oct", "OCTOBER", "october", "Wednesday", "mid-1990s", "@[`{", "AZaz09", "Sept.", "x", "ABCDEFGHIJKLMNOP", "Q3"])
    func wordsGiveTheSameKeyEitherWay(word: String) throws {
        let (alone, inText) = Self.keys(Array(word.utf8))
        let a = try #require(alone), b = try #require(inText)
        #expect(a == b)
        let lower = Self.keys(Array(String(word.map { $0.isASCII && $0.isUppercase ? Character($0.lowercased()) : $0 }).utf8)).alone
        #expect(lower.map { $0 == a } == true, "keys are case-insensitive for ASCII letters only")
    }

    @Test func everyByteAndLength() {
        // Each byte value at each position of words of 1 to 16 bytes, padded with letters.
        for length in 1...16 {
            for position in 0..<length {
                for byte in UInt8.min...UInt8.max {
                    var word = [UInt8](repeating: UInt8(ascii: "m"), count: length)
                    word[position] = byte
                    let (alone, inText) = Self.keys(word)
                    #expect(alone?.0 == inText?.0 && alone?.1 == inText?.1, "byte \(byte) at \(position) of \(length)")
                    #expect((alone == nil) == (byte >= 0x80))
                    if let key = alone {
                        let expected = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                        let packed = position < 8 ? key.0 >> (8 * UInt64(position)) : key.1 >> (8 * UInt64(position - 8))
                        #expect(UInt8(truncatingIfNeeded: packed) == expected)
                    }
                }
            }
        }
        #expect(Self.keys([]).alone == nil && Self.keys([]).inText == nil)
        #expect(Self.keys([UInt8](repeating: 0x61, count: 17)).inText == nil)
    }

    @Test func lowercasesEightBytesAtOnce() {
        func word(_ text: String) -> UInt64 {
            var value: UInt64 = 0
            for (index, byte) in text.utf8.enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
            return value
        }
        #expect(Lexicon.lowercasedASCII(littleEndian: word("OcT. 13!"), count: 8) == word("oct. 13!"))
        #expect(Lexicon.lowercasedASCII(littleEndian: word("MAYDAYxx"), count: 3) == word("may"))
        #expect(Lexicon.lowercasedASCII(littleEndian: word("@[`{AZaz"), count: 8) == word("@[`{azaz"))
        #expect(Lexicon.lowercasedASCII(littleEndian: word("Zoë"), count: 4) == nil)
        #expect(Lexicon.lowercasedASCII(littleEndian: word("Zo") | 0xC3 << 16, count: 2) == word("zo"), "bytes past the count are not read")
    }
}
