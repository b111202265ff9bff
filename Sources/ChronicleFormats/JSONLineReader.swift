import ChronicleCore

/// One input line of `chronicle tag --jsonl`: `{"id": ..., "text": ..., "dct": ...}`.
public struct JSONLineRecord: Hashable, Sendable {
    /// The `id` member: a string as it is, a number as it was written (`17`, `2.5`); empty when absent or `null`.
    public var id: String
    /// The `text` member.
    public var text: String
    /// The `dct` member parsed as a creation time (source `given`); `nil` when absent, `null` or `""`.
    public var creationTime: CreationTime?

    /// Creates a record.
    public init(id: String, text: String, creationTime: CreationTime? = nil) {
        self.id = id
        self.text = text
        self.creationTime = creationTime
    }

    /// A fresh document for the record's text, id and creation time.
    public var document: Document {
        Document(id: id, text: text, creationTime: creationTime)
    }
}

/// Why a JSONL input line could not be read.
public struct JSONLineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in words.
    public var message: String
    /// Offset of the problem in bytes from the start of the line.
    public var byteOffset: Int
    /// The line number, when the caller gave one.
    public var lineNumber: Int?
    /// The record's `id`, when the line gave one before the problem: what an error record names.
    public var id: String?

    /// Creates an error.
    public init(_ message: String, byteOffset: Int, lineNumber: Int? = nil, id: String? = nil) {
        self.message = message
        self.byteOffset = byteOffset
        self.lineNumber = lineNumber
        self.id = id
    }

    /// `line N: byte B: MESSAGE` (the line part only when known), on one line.
    public var description: String {
        let prefix = lineNumber.map { "line \($0): " } ?? ""
        return "\(prefix)byte \(byteOffset): \(message)"
    }
}

/// Reads JSONL input lines: one JSON object per line with `text` (a string, required), `id` (a string or
/// a number, optional) and `dct` (a date or date-time string, optional, may be `null`).
///
/// Other members are skipped whatever their value. Duplicate members: the last one counts. The parser
/// is hand-written (strict RFC 8259 syntax, UTF-8 only, nesting limited to 512 levels) and reports
/// the byte offset of the first problem.
public struct JSONLineReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads one line (a trailing line end is allowed).
    public func read(_ line: String, lineNumber: Int? = nil) throws(JSONLineError) -> JSONLineRecord {
        try ByteSupport.withBytes(of: line) { buffer in
            Result { () throws(JSONLineError) -> JSONLineRecord in
                var parser = JSONLineParser(buffer, lineNumber: lineNumber)
                return try parser.record()
            }
        }.get()
    }

    /// Reads one line from its UTF-8 bytes (a trailing line end is allowed).
    public func read<Bytes: Collection>(_ line: Bytes, lineNumber: Int? = nil) throws(JSONLineError) -> JSONLineRecord
    where Bytes.Element == UInt8 {
        try ByteSupport.withBytes(line) { buffer in
            Result { () throws(JSONLineError) -> JSONLineRecord in
                if case .invalidUTF8(let offset)? = ByteSupport.firstProblem(in: buffer, allowingControlCharacters: true) {
                    throw JSONLineError("invalid UTF-8", byteOffset: offset, lineNumber: lineNumber)
                }
                var parser = JSONLineParser(buffer, lineNumber: lineNumber)
                return try parser.record()
            }
        }.get()
    }
}

/// A small strict JSON parser specialised for JSONL input records. The bytes must be valid UTF-8.
struct JSONLineParser {
    private let b: UnsafeBufferPointer<UInt8>
    private let n: Int
    private let lineNumber: Int?
    private var pos = 0
    /// The `id` read so far, for the error of a line that fails after it.
    private var idSoFar: String?
    private static let maximumDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int?) {
        self.b = bytes
        self.n = bytes.count
        self.lineNumber = lineNumber
    }

    mutating func record() throws(JSONLineError) -> JSONLineRecord {
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { pos = 3 }
        skipSpace()
        guard pos < n else { throw failure("empty line: expected a JSON object") }
        guard b[pos] == 0x7B else { throw failure("expected a JSON object ('{') but found \(found())") }
        pos += 1
        var id = ""
        var text: String?
        var dct: CreationTime?
        skipSpace()
        if pos < n, b[pos] == 0x7D {
            pos += 1
        } else {
            while true {
                skipSpace()
                guard pos < n, b[pos] == 0x22 else { throw failure("expected a member name (a string) but found \(found())") }
                let key = try string()
                skipSpace()
                guard pos < n, b[pos] == 0x3A else { throw failure("expected ':' after \"\(key)\" but found \(found())") }
                pos += 1
                skipSpace()
                let valueStart = pos
                switch key {
                case "text":
                    guard pos < n, b[pos] == 0x22 else { throw failure("\"text\" must be a string", at: valueStart) }
                    text = try string()
                case "id":
                    guard pos < n else { throw failure("expected a value but the line ends") }
                    switch b[pos] {
                    case 0x22: id = try string()
                    case 0x2D, 0x30...0x39:
                        try number()
                        id = String(decoding: UnsafeBufferPointer(rebasing: b[valueStart..<pos]), as: UTF8.self)
                    case 0x6E:
                        try literal("null")
                        id = ""
                    default: throw failure("\"id\" must be a string or a number", at: valueStart)
                    }
                    idSoFar = id
                case "dct":
                    guard pos < n else { throw failure("expected a value but the line ends") }
                    if b[pos] == 0x6E {
                        try literal("null")
                        dct = nil
                    } else if b[pos] == 0x22 {
                        let raw = try string()
                        if raw.isEmpty {
                            dct = nil
                        } else if let parsed = CreationTime(parsing: raw, source: .given) {
                            dct = parsed
                        } else {
                            throw failure("\"dct\" \(JSONValue.string(raw).serialized()) is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS])", at: valueStart)
                        }
                    } else {
                        throw failure("\"dct\" must be a string or null", at: valueStart)
                    }
                default:
                    try skipValue(depth: 1)
                }
                skipSpace()
                guard pos < n else { throw failure("the object is not closed: expected ',' or '}'") }
                if b[pos] == 0x2C {
                    pos += 1
                    continue
                }
                guard b[pos] == 0x7D else { throw failure("expected ',' or '}' but found \(found())") }
                pos += 1
                break
            }
        }
        skipSpace()
        guard pos == n else { throw failure("unexpected \(found()) after the object") }
        guard let text else { throw failure("the object has no \"text\" member", at: 0) }
        return JSONLineRecord(id: id, text: text, creationTime: dct)
    }

    // MARK: Values

    private mutating func skipValue(depth: Int) throws(JSONLineError) {
        guard depth <= Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels deep") }
        guard pos < n else { throw failure("expected a value but the line ends") }
        switch b[pos] {
        case 0x22:
            try skipString()
        case 0x2D, 0x30...0x39:
            try number()
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case 0x5B:
            pos += 1
            skipSpace()
            if pos < n, b[pos] == 0x5D {
                pos += 1
                return
            }
            while true {
                skipSpace()
                try skipValue(depth: depth + 1)
                skipSpace()
                guard pos < n else { throw failure("the array is not closed: expected ',' or ']'") }
                if b[pos] == 0x2C {
                    pos += 1
                    continue
                }
                guard b[pos] == 0x5D else { throw failure("expected ',' or ']' but found \(found())") }
                pos += 1
                return
            }
        case 0x7B:
            pos += 1
            skipSpace()
            if pos < n, b[pos] == 0x7D {
                pos += 1
                return
            }
            while true {
                skipSpace()
                guard pos < n, b[pos] == 0x22 else { throw failure("expected a member name (a string) but found \(found())") }
                try skipString()
                skipSpace()
                guard pos < n, b[pos] == 0x3A else { throw failure("expected ':' but found \(found())") }
                pos += 1
                skipSpace()
                try skipValue(depth: depth + 1)
                skipSpace()
                guard pos < n else { throw failure("the object is not closed: expected ',' or '}'") }
                if b[pos] == 0x2C {
                    pos += 1
                    continue
                }
                guard b[pos] == 0x7D else { throw failure("expected ',' or '}' but found \(found())") }
                pos += 1
                return
            }
        default:
            throw failure("expected a value but found \(found())")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONLineError) {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { w -> Bool in
            guard pos + count <= n else { return false }
            for i in 0..<count where b[pos + i] != w[i] { return false }
            return true
        }
        guard matches else { throw failure("expected a value but found \(found())") }
        pos += count
    }

    /// Checks the JSON number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func number() throws(JSONLineError) {
        let start = pos
        if pos < n, b[pos] == 0x2D { pos += 1 }
        guard pos < n, isDigit(b[pos]) else { throw failure("malformed number", at: start) }
        if b[pos] == 0x30 {
            pos += 1
        } else {
            while pos < n, isDigit(b[pos]) { pos += 1 }
        }
        if pos < n, b[pos] == 0x2E {
            pos += 1
            guard pos < n, isDigit(b[pos]) else { throw failure("malformed number", at: start) }
            while pos < n, isDigit(b[pos]) { pos += 1 }
        }
        if pos < n, b[pos] == 0x65 || b[pos] == 0x45 {
            pos += 1
            if pos < n, b[pos] == 0x2B || b[pos] == 0x2D { pos += 1 }
            guard pos < n, isDigit(b[pos]) else { throw failure("malformed number", at: start) }
            while pos < n, isDigit(b[pos]) { pos += 1 }
        }
    }

    private mutating func skipString() throws(JSONLineError) {
        _ = try string(decoding: false)
    }

    /// Parses the string at `pos` (which is a `"`).
    private mutating func string(decoding: Bool = true) throws(JSONLineError) -> String {
        let open = pos
        pos += 1
        let start = pos
        // Fast path: no escapes.
        pos = plainRun(from: pos)
        guard pos < n else { throw failure("unterminated string", at: open) }
        if b[pos] == 0x22 {
            let result = decoding ? String(decoding: UnsafeBufferPointer(rebasing: b[start..<pos]), as: UTF8.self) : ""
            pos += 1
            return result
        }
        var out: [UInt8] = []
        if decoding {
            out.reserveCapacity(n - start)  // escapes only shorten the text
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<pos]))
        }
        while pos < n {
            // Bytes between escapes are copied a run at a time.
            let end = plainRun(from: pos)
            if decoding, end > pos { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[pos..<end])) }
            pos = end
            guard pos < n else { break }
            let c = b[pos]
            if c == 0x22 {
                pos += 1
                return decoding ? String(decoding: out, as: UTF8.self) : ""
            }
            if c < 0x20 { throw failure("control character U+00\(hex2(c)) in a string must be escaped") }
            let escapeStart = pos
            pos += 1
            guard pos < n else { break }
            let e = b[pos]
            pos += 1
            var scalar: Unicode.Scalar
            switch e {
            case 0x22: scalar = "\""
            case 0x5C: scalar = "\\"
            case 0x2F: scalar = "/"
            case 0x62: scalar = "\u{08}"
            case 0x66: scalar = "\u{0C}"
            case 0x6E: scalar = "\n"
            case 0x72: scalar = "\r"
            case 0x74: scalar = "\t"
            case 0x75:
                let first = try hex4(escapeStart)
                if (0xD800...0xDBFF).contains(first) {
                    guard pos + 1 < n, b[pos] == 0x5C, b[pos + 1] == 0x75 else {
                        throw failure("\\u escape with a lone high surrogate", at: escapeStart)
                    }
                    pos += 2
                    let second = try hex4(escapeStart)
                    guard (0xDC00...0xDFFF).contains(second) else { throw failure("\\u escape with a lone high surrogate", at: escapeStart) }
                    scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
                } else if (0xDC00...0xDFFF).contains(first) {
                    throw failure("\\u escape with a lone low surrogate", at: escapeStart)
                } else {
                    scalar = Unicode.Scalar(first)!
                }
            default:
                throw failure("invalid escape '\\\(String(decoding: [e], as: UTF8.self))'", at: escapeStart)
            }
            if decoding { ByteSupport.appendUTF8(scalar, to: &out) }
        }
        throw failure("unterminated string", at: open)
    }

    /// The position of the first quote, backslash or control character from `start` (or the end of the line).
    @inline(__always)
    private func plainRun(from start: Int) -> Int {
        var end = start
        while end < n {
            let c = b[end]
            if c == 0x22 || c == 0x5C || c < 0x20 { break }
            end += 1
        }
        return end
    }

    private mutating func hex4(_ escapeStart: Int) throws(JSONLineError) -> UInt32 {
        guard pos + 4 <= n else { throw failure("incomplete \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = b[pos]
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
            case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
            default: throw failure("invalid \\u escape", at: escapeStart)
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    // MARK: Helpers

    private mutating func skipSpace() {
        while pos < n {
            let c = b[pos]
            guard c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D else { return }
            pos += 1
        }
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private func hex2(_ c: UInt8) -> String {
        let s = String(c, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    private func found() -> String {
        guard pos < n else { return "the end of the line" }
        let c = b[pos]
        if c >= 0x21, c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(hex2(c))"
    }

    private func failure(_ message: String, at offset: Int? = nil) -> JSONLineError {
        JSONLineError(message, byteOffset: offset ?? pos, lineNumber: lineNumber, id: idSoFar)
    }
}
