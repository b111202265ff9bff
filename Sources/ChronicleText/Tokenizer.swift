import ChronicleCore

/// Splits text into tokens by scanning its UTF-8 bytes once.
///
/// The rules are deliberately fine-grained so that later stages can reassemble what they need:
/// runs of letters form words, runs of ASCII digits form numbers, and every punctuation mark is
/// its own token ("Oct." is `Oct` + `.`, "1990s" is `1990` + `s`, "7:30" is `7` + `:` + `30`).
/// ``Token/spaceBefore`` records whether white space separated a token from the previous one,
/// which is what a grammar needs to tell "Oct. 28" from "Oct.28" or "two-year" from "two - year".
///
/// Offsets are kept in both coordinates: UTF-8 bytes (for scanning) and Unicode scalars (for output).
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokenises a string.
    public func tokenize(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0) }
    }

    /// Tokenises UTF-8 bytes; invalid sequences are treated as symbols, never as a crash.
    public func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var scanner = TokenScanner(bytes: bytes)
        scanner.run()
        return scanner.tokens
    }
}

/// One pass of ``Tokenizer`` over a text. The state lives in a struct, not in variables captured by nested
/// functions: a captured variable is boxed, and every write to it through the nested function paid a dynamic
/// exclusivity check (a third of the tokeniser's instructions). Scalar offsets are not counted byte by byte:
/// the scalar offset of byte `i` is `i - extra`, where `extra` counts the bytes of multi-byte scalars beyond
/// their first, which only non-ASCII text changes.
private struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [Token] = []
    /// The byte being read.
    var i = 0
    /// The UTF-8 bytes read so far beyond one per scalar.
    var extra = 0
    var spaceBefore = true

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 5 + 4)
    }

    /// The scalar offset of byte `i`.
    @inline(__always) var scalar: Int { i - extra }

    @inline(__always) mutating func emit(_ kind: Token.Kind, _ start: Int, _ end: Int, _ startScalar: Int, _ endScalar: Int) {
        tokens.append(Token(
            kind: kind,
            span: TextSpan(start: startScalar, end: endScalar),
            byteStart: Int32(truncatingIfNeeded: start),
            byteEnd: Int32(truncatingIfNeeded: end),
            spaceBefore: spaceBefore))
        spaceBefore = false
    }

    /// Moves past the first letter of a word (`length` bytes) and every letter after it, ASCII or not.
    @inline(__always) mutating func continueWord(after length: Int, table: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = self.i + length, extra = self.extra + length - 1
        defer { (self.i, self.extra) = (i, extra) }
        while i < n {
            let c = table[Int(bytes[i])]
            if c == ByteClass.letter {
                i += 1
            } else if c == ByteClass.lead {
                let (cp, len) = UTF8Scalar.decode(bytes, at: i)
                guard len > 0, UTF8Scalar.category(cp) == .letter else { return }
                i += len
                extra += len - 1
            } else {
                return
            }
        }
    }

    mutating func run() {
        ByteClass.table.withUnsafeBufferPointer { table in
            let n = bytes.count
            while i < n {
                switch table[Int(bytes[i])] {
                case ByteClass.space:
                    spaceBefore = true
                    i += 1
                case ByteClass.digit:
                    let start = i
                    var end = i + 1
                    while end < n && table[Int(bytes[end])] == ByteClass.digit { end += 1 }
                    i = end
                    emit(.number, start, end, start - extra, end - extra)
                case ByteClass.letter:
                    let start = i, startScalar = scalar
                    continueWord(after: 1, table: table)
                    emit(.word, start, i, startScalar, scalar)
                case ByteClass.punctuation:
                    emit(.punctuation, i, i + 1, scalar, scalar + 1)
                    i += 1
                default:
                    scanOther(table: table)
                }
            }
        }
    }

    /// A non-ASCII lead byte, a stray continuation byte or a control character at `i`.
    private mutating func scanOther(table: UnsafeBufferPointer<UInt8>) {
        let (cp, len) = UTF8Scalar.decode(bytes, at: i)
        if len == 0 {
            // Invalid byte: one symbol token per byte (a String never contains these).
            emit(.symbol, i, i + 1, scalar, scalar + 1)
            i += 1
            return
        }
        switch UTF8Scalar.category(cp) {
        case .space:
            spaceBefore = true
        case .letter:
            let start = i, startScalar = scalar
            continueWord(after: len, table: table)
            emit(.word, start, i, startScalar, scalar)
            return
        case .punctuation:
            emit(.punctuation, i, i + len, scalar, scalar + 1)
        case .mark:
            // A combining mark glued to the previous word extends it.
            if !spaceBefore, var last = tokens.last, last.kind == .word, Int(last.byteEnd) == i {
                last.byteEnd = Int32(truncatingIfNeeded: i + len)
                last.span = TextSpan(start: last.span.start, end: scalar + 1)
                tokens[tokens.count - 1] = last
            } else {
                emit(.symbol, i, i + len, scalar, scalar + 1)
            }
        case .symbol:
            emit(.symbol, i, i + len, scalar, scalar + 1)
        }
        i += len
        extra += len - 1
    }
}

/// Classes of single bytes, for the ASCII fast path.
enum ByteClass {
    static let space: UInt8 = 0
    static let letter: UInt8 = 1
    static let digit: UInt8 = 2
    static let punctuation: UInt8 = 3
    /// Lead byte of a multi-byte scalar.
    static let lead: UInt8 = 4
    /// Control characters, continuation bytes, invalid bytes.
    static let other: UInt8 = 5

    static let table: [UInt8] = {
        var t = [UInt8](repeating: other, count: 256)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(b)] = letter }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(b)] = letter }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = digit }
        for b in [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D] { t[b] = space }
        for b in 0x21...0x7E where t[b] == other { t[b] = punctuation }
        for b in 0xC2...0xF4 { t[b] = lead }
        return t
    }()
}

/// Decoding and classification of non-ASCII scalars.
enum UTF8Scalar {
    enum Category { case letter, space, punctuation, symbol, mark }

    /// Decodes the scalar starting at `i`; length 0 means the bytes there are not valid UTF-8.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        let n = bytes.count
        if b0 < 0x80 { return (b0, 1) }
        @inline(__always) func cont(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let b = bytes[i + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 >= 0xC2 && b0 <= 0xDF, let c1 = cont(1) {
            return ((b0 & 0x1F) << 6 | c1, 2)
        }
        if b0 >= 0xE0 && b0 <= 0xEF, let c1 = cont(1), let c2 = cont(2) {
            let cp = (b0 & 0x0F) << 12 | c1 << 6 | c2
            if cp < 0x800 || (0xD800...0xDFFF).contains(cp) { return (0, 0) }
            return (cp, 3)
        }
        if b0 >= 0xF0 && b0 <= 0xF4, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            let cp = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            if cp < 0x10000 || cp > 0x10FFFF { return (0, 0) }
            return (cp, 4)
        }
        return (0, 0)
    }

    static func category(_ cp: UInt32) -> Category {
        switch cp {
        case 0x00A0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return .space
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0x200C, 0x200D:
            return .mark
        case 0x00A1...0x00BF, 0x00D7, 0x00F7, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3003, 0x3008...0x3011, 0xFF01...0xFF0F:
            return .punctuation
        case 0x0080...0x009F, 0x2190...0x2BFF, 0x1F000...0x1FAFF, 0xE000...0xF8FF, 0x20A0...0x20CF:
            return .symbol
        default:
            return .letter
        }
    }
}
