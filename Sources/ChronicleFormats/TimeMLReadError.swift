/// Why a TimeML document could not be read, and where.
///
/// ``description`` is one line: `FILE:LINE:COLUMN: byte OFFSET: MESSAGE` (the file part only when the
/// document was read from a file). Lines and columns count from 1; columns and offsets count bytes.
public struct TimeMLReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// The bytes are not valid UTF-8.
        case invalidUTF8
        /// A character XML does not allow (NUL or another control character): binary data, not text.
        case forbiddenCharacter(UInt32)
        /// The input ends inside a tag (`<TIMEX3 tid="t1"` and nothing after it); the element name, if it was read.
        case unterminatedTag(String?)
        /// A comment, CDATA section, processing instruction or declaration that is never closed; what it is.
        case unterminatedMarkup(String)
        /// A `<` that does not start a well-formed tag; an explanation.
        case malformedTag(String)
        /// An attribute that is not `name="value"` or `name='value'`, or is repeated; an explanation.
        case malformedAttribute(String)
        /// An end tag that does not close the innermost open element.
        case mismatchedEndTag(expected: String, found: String)
        /// An end tag with no open element at all.
        case unexpectedEndTag(String)
        /// The input ends while this element is still open (reported at its start tag).
        case unclosedElement(String)
        /// A `TIMEX3` inside another `TIMEX3`.
        case nestedTimex
        /// There is no `TEXT` element.
        case missingText
        /// A second `TEXT` element (or one inside the first).
        case duplicateText
        /// A character reference (`&#...;`) that is malformed or names a character XML does not allow.
        case invalidCharacterReference(String)
        /// A `TIMEX3` inside `TEXT` whose `type` is missing or not one of `DATE`, `TIME`, `DURATION`, `SET`.
        case invalidTimex(String)
        /// The file could not be read at all; the system's explanation.
        case unreadableFile(String)
    }

    /// What is wrong.
    public var reason: Reason
    /// Offset of the problem in bytes from the start of the input.
    public var byteOffset: Int
    /// Line of the problem, from 1.
    public var line: Int
    /// Column of the problem in bytes, from 1.
    public var column: Int
    /// The file the document was read from, when it was read from a file.
    public var file: String?

    /// Creates an error.
    public init(_ reason: Reason, byteOffset: Int, line: Int, column: Int, file: String? = nil) {
        self.reason = reason
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
        self.file = file
    }

    /// The reason in words, without the position.
    public var message: String {
        switch reason {
        case .invalidUTF8:
            return "invalid UTF-8"
        case .forbiddenCharacter(let value):
            let hex = String(value, radix: 16, uppercase: true)
            return "character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex) is not allowed in XML (binary data?)"
        case .unterminatedTag(let name):
            return name.map { "the input ends inside the <\($0)> tag" } ?? "the input ends inside a tag"
        case .unterminatedMarkup(let what):
            return "unterminated \(what)"
        case .malformedTag(let why):
            return "malformed tag: \(why)"
        case .malformedAttribute(let why):
            return "malformed attribute: \(why)"
        case .mismatchedEndTag(let expected, let found):
            return "end tag </\(found)> does not match the open element <\(expected)>"
        case .unexpectedEndTag(let name):
            return "end tag </\(name)> closes no open element"
        case .unclosedElement(let name):
            return "element <\(name)> is never closed"
        case .nestedTimex:
            return "TIMEX3 nested inside another TIMEX3"
        case .missingText:
            return "no TEXT element"
        case .duplicateText:
            return "more than one TEXT element"
        case .invalidCharacterReference(let reference):
            return "invalid character reference \(reference)"
        case .invalidTimex(let why):
            return "invalid TIMEX3: \(why)"
        case .unreadableFile(let why):
            return "cannot read the file: \(why)"
        }
    }

    /// `FILE:LINE:COLUMN: byte OFFSET: MESSAGE`, on one line.
    public var description: String {
        let prefix = file.map { "\($0):" } ?? ""
        return "\(prefix)\(line):\(column): byte \(byteOffset): \(message)"
    }
}
