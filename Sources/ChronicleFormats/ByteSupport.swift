/// Byte-level helpers shared by the readers and writers of this module.
enum ByteSupport {
    /// The result of checking that bytes are UTF-8 text: `nil` when they are, else the offset and kind of the first problem.
    enum TextProblem: Equatable {
        case invalidUTF8(offset: Int)
        /// A C0 control character other than tab, line feed and carriage return (XML forbids them).
        case controlCharacter(offset: Int, value: UInt8)
    }

    /// Checks that `bytes` are valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF) and,
    /// when `allowingControlCharacters` is false, free of the C0 control characters XML forbids.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>, allowingControlCharacters: Bool = false) -> TextProblem? {
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            if c < 0x80 {
                if c < 0x20, !allowingControlCharacters, c != 0x09, c != 0x0A, c != 0x0D {
                    return .controlCharacter(offset: i, value: c)
                }
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .invalidUTF8(offset: i)
            }
            guard i + length <= n else { return .invalidUTF8(offset: i) }
            let second = bytes[i + 1]
            guard second >= lower, second <= upper else { return .invalidUTF8(offset: i) }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return .invalidUTF8(offset: i) }
                k += 1
            }
            i += length
        }
        return nil
    }

    /// Appends the UTF-8 encoding of `scalar` to `out`.
    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Appends the UTF-8 bytes of an ASCII or other string literal.
    @inline(__always)
    static func append(_ string: String, to out: inout [UInt8]) {
        out.append(contentsOf: string.utf8)
    }

    /// Whether `value` is a character XML 1.0 allows in a document.
    static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Line and column (both from 1, the column in bytes) of `offset` in `bytes`.
    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        var i = 0
        while i < end {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
    }

    /// Runs `body` over the contiguous bytes of `bytes`, copying them first only when they are not contiguous.
    static func withBytes<Bytes: Collection, R>(_ bytes: Bytes, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
    where Bytes.Element == UInt8 {
        if let result = bytes.withContiguousStorageIfAvailable(body) { return result }
        return Array(bytes).withUnsafeBufferPointer(body)
    }

    /// Runs `body` over the UTF-8 bytes of `string`.
    static func withBytes<R>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = string
        return copy.withUTF8(body)
    }
}
