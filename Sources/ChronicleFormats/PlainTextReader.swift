/// Why bytes could not be read as plain text.
///
/// ``description`` is one line: `byte OFFSET: MESSAGE`.
public struct PlainTextReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// The bytes are not valid UTF-8.
        case invalidUTF8
        /// A NUL byte: binary data, not text.
        case binary
    }

    /// What is wrong.
    public var reason: Reason
    /// Offset of the first offending byte from the start of the input.
    public var byteOffset: Int

    /// Creates an error.
    public init(_ reason: Reason, byteOffset: Int) {
        self.reason = reason
        self.byteOffset = byteOffset
    }

    /// The reason in words, without the position.
    public var message: String {
        switch reason {
        case .invalidUTF8: "invalid UTF-8"
        case .binary: "NUL byte: binary data, not text"
        }
    }

    /// `byte OFFSET: MESSAGE`, on one line.
    public var description: String { "byte \(byteOffset): \(message)" }
}

/// Reads plain UTF-8 text exactly as it is, so that offsets into the result are offsets into the input.
///
/// A leading UTF-8 byte-order mark is dropped (offsets count from the byte after it); nothing else is
/// changed: line ends (CRLF included), white space and control characters are kept. Input with a NUL
/// byte anywhere is rejected as binary, even where an earlier byte is invalid UTF-8, because that is the
/// more useful explanation for a binary file.
public struct PlainTextReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads text from its bytes.
    public func read<Bytes: Collection>(_ bytes: Bytes) throws(PlainTextReadError) -> String where Bytes.Element == UInt8 {
        try ByteSupport.withBytes(bytes) { buffer in
            Result { () throws(PlainTextReadError) -> String in
                if let nul = buffer.firstIndex(of: 0) { throw PlainTextReadError(.binary, byteOffset: nul) }
                if case .invalidUTF8(let offset)? = ByteSupport.firstProblem(in: buffer, allowingControlCharacters: true) {
                    throw PlainTextReadError(.invalidUTF8, byteOffset: offset)
                }
                let start = Self.hasByteOrderMark(buffer) ? 3 : 0
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
            }
        }.get()
    }

    /// Whether `bytes` start with the UTF-8 byte-order mark (EF BB BF).
    public static func hasByteOrderMark<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        bytes.starts(with: [0xEF, 0xBB, 0xBF])
    }
}
