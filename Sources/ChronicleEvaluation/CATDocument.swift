import ChronicleCore
import Foundation

/// A tokenised document in the CAT (Content Annotation Tool) XML format of the SemEval-2015 TimeLine task:
///
/// ```xml
/// <Document doc_id="4596" doc_name="4596-Apple_Corps.txt">
/// <token number="0" sentence="0" t_id="1">Apple</token>
/// ...
/// <Markables>...</Markables>
/// </Document>
/// ```
///
/// Only the document's attributes and its tokens are kept; markables and relations are skipped. Event
/// mentions of the task are named after the tokens: `DOCID-SENTENCE-WORDS` (see ``EntityTimeline``).
public struct CATDocument: Hashable, Sendable {
    /// One `token` element.
    public struct Token: Hashable, Sendable {
        /// `t_id`: the token's identifier (from 1).
        public var id: Int
        /// `sentence`: the number of the token's sentence (from 0, the headline).
        public var sentence: Int
        /// `number`: the token's position in the document (from 0).
        public var number: Int
        /// The token's text, with character references decoded.
        public var text: String

        public init(id: Int, sentence: Int, number: Int, text: String) {
            self.id = id
            self.sentence = sentence
            self.number = number
            self.text = text
        }
    }

    /// `doc_id`: the document id that event mentions start with (`4596`).
    public var id: String
    /// `doc_name`, when given.
    public var name: String?
    /// The tokens, in document order.
    public var tokens: [Token]

    public init(id: String, name: String? = nil, tokens: [Token]) {
        self.id = id
        self.name = name
        self.tokens = tokens
    }

    /// The text rebuilt from the tokens: one sentence a line, the tokens of a sentence separated by one space
    /// except where English writes none (before `,` `.` `)` `'s` `%`..., after `(` `$`..., inside double quotes).
    public func rebuiltText() -> CATText {
        var scalars = String.UnicodeScalarView()
        var spans: [TextSpan] = []
        spans.reserveCapacity(tokens.count)
        var offset = 0
        var previous: Token?
        var insideQuotes = false
        for token in tokens {
            if let previous {
                if previous.sentence != token.sentence {
                    scalars.append("\n")
                    offset += 1
                    insideQuotes = false
                } else if !Self.joins(previous.text, token.text, insideQuotes: insideQuotes) {
                    scalars.append(" ")
                    offset += 1
                }
            }
            if token.text == "\"" { insideQuotes.toggle() }
            let length = token.text.unicodeScalars.count
            scalars.append(contentsOf: token.text.unicodeScalars)
            spans.append(TextSpan(start: offset, end: offset + length))
            offset += length
            previous = token
        }
        return CATText(documentID: id, text: String(scalars), tokens: tokens, spans: spans)
    }

    private static let closing: Set<String> = [",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"]
    private static let opening: Set<String> = ["(", "[", "{", "$", "US$", "£", "€", "`", "``"]

    /// Whether `next` follows `previous` without a space; `insideQuotes` tells whether a `"` up to `previous`
    /// (in its sentence) is still open.
    private static func joins(_ previous: String, _ next: String, insideQuotes: Bool) -> Bool {
        if previous == "\"" { return insideQuotes }  // `previous` opened a quotation (and is still open)
        if next == "\"" { return insideQuotes }  // `next` closes one
        return closing.contains(next) || opening.contains(previous)
    }
}

/// A CAT document's text as rebuilt by ``CATDocument/rebuiltText()``, with the span of every token in it, so
/// that what is found in the text maps back to tokens and sentences.
public struct CATText: Hashable, Sendable {
    /// The document's `doc_id`.
    public var documentID: String
    public var text: String
    /// The tokens, in document order.
    public var tokens: [CATDocument.Token]
    /// The span of each token in ``text`` (Unicode-scalar offsets), in the order of ``tokens``.
    public var spans: [TextSpan]

    public init(documentID: String, text: String, tokens: [CATDocument.Token], spans: [TextSpan]) {
        precondition(tokens.count == spans.count, "one span per token")
        self.documentID = documentID
        self.text = text
        self.tokens = tokens
        self.spans = spans
    }

    /// The text of the headline: the tokens of sentence 0, when there are some.
    public var headline: String? {
        guard let last = tokens.lastIndex(where: { $0.sentence == 0 }), tokens[0].sentence == 0 else { return nil }
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[spans[0].start..<spans[last].end]))
    }

    /// The indices (into ``tokens``) of the tokens `span` overlaps, in order.
    public func tokenIndices(overlapping span: TextSpan) -> Range<Int> {
        // The first token that ends after the span starts, then every token that starts before it ends.
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].end <= span.start { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < spans.count, spans[end].start < max(span.end, span.start + 1) { end += 1 }
        return low..<end
    }

    /// The TimeLine task's name of the event mention at `span`: `DOCID-SENTENCE-WORDS`, the words of the tokens
    /// the span overlaps joined by `_` (those of its first sentence when it crosses sentences), or `nil` when
    /// it overlaps no token.
    public func mentionID(for span: TextSpan) -> String? {
        let indices = tokenIndices(overlapping: span)
        guard let first = indices.first else { return nil }
        let sentence = tokens[first].sentence
        let words = indices.map { tokens[$0] }.filter { $0.sentence == sentence }.map(\.text)
        return EntityTimeline.mentionID(document: documentID, sentence: sentence, words: words)
    }
}

/// Why a CAT document could not be read, and where: `FILE:LINE:COLUMN: MESSAGE` (lines and columns from 1,
/// columns in bytes).
public struct CATReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    /// The file the document was read from, when it was read from a file.
    public var file: String?

    public init(_ message: String, line: Int, column: Int, file: String? = nil) {
        self.message = message
        self.line = line
        self.column = column
        self.file = file
    }

    public var description: String {
        (file.map { "\($0):" } ?? "") + "\(line):\(column): \(message)"
    }
}

/// Reads CAT XML (see ``CATDocument``) with a small hand-written scanner.
///
/// It checks what the tokens depend on: the input is UTF-8; tags, attributes, comments, CDATA sections and
/// character references are well formed; end tags match; the root is a `Document` with a non-empty `doc_id`;
/// each `token` has integer `t_id`, `sentence` and `number` attributes and some text, and holds no element.
/// Anything else (markables, relations, unknown elements) is skipped. Every problem throws a ``CATReadError``.
public struct CATReader: Sendable {
    public init() {}

    /// Reads a document from its text.
    public func read(_ text: String) throws(CATReadError) -> CATDocument {
        var scanner = CATScanner(Array(text.utf8))
        return try scanner.run()
    }

    /// Reads a document from its bytes (UTF-8; a byte-order mark is skipped).
    public func read(_ data: Data) throws(CATReadError) -> CATDocument {
        guard let text = String(data: data, encoding: .utf8) else { throw CATReadError("invalid UTF-8", line: 1, column: 1) }
        return try read(text)
    }

    /// Reads a document from a file; errors name the file.
    public func read(contentsOf url: URL) throws(CATReadError) -> CATDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CATReadError("cannot read the file: \(error.localizedDescription)", line: 1, column: 1, file: url.path)
        }
        do {
            return try read(data)
        } catch {
            var located = error
            located.file = url.path
            throw located
        }
    }
}

/// One pass over one CAT document.
private struct CATScanner {
    private let bytes: [UInt8]
    private var position = 0
    /// The open elements, innermost last, with where each starts.
    private var open: [(name: String, offset: Int)] = []
    private var documentID: String?
    private var documentName: String?
    private var tokens: [CATDocument.Token] = []
    /// The token being read: its attributes, where it starts, and its text so far.
    private var token: (id: Int, sentence: Int, number: Int, offset: Int, text: String)?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func run() throws(CATReadError) -> CATDocument {
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<") {
                try markup()
            } else {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
                let text = try decode(start..<position)
                if token != nil { token?.text += text }
            }
        }
        if let innermost = open.last { throw error("element <\(innermost.name)> is never closed", at: innermost.offset) }
        guard let documentID else { throw error("no <Document> element", at: bytes.count) }
        return CATDocument(id: documentID, name: documentName, tokens: tokens)
    }

    private mutating func markup() throws(CATReadError) {
        let start = position
        for (opener, closer, what) in [("<?", "?>", "processing instruction"), ("<!--", "-->", "comment"), ("<![CDATA[", "]]>", "CDATA section")] {
            guard hasPrefix(opener, at: start) else { continue }
            guard let end = find(closer, from: start + opener.utf8.count) else { throw error("unterminated \(what)", at: start) }
            if what == "CDATA section", token != nil {
                token?.text += String(decoding: bytes[(start + opener.utf8.count)..<end], as: UTF8.self)
            }
            position = end + closer.utf8.count
            return
        }
        if hasPrefix("<!", at: start) {
            guard let end = find(">", from: start) else { throw error("unterminated declaration", at: start) }
            position = end + 1
            return
        }
        let closing = hasPrefix("</", at: start)
        position = start + (closing ? 2 : 1)
        let name = try self.name()
        if closing {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw error("malformed end tag </\(name)>", at: start) }
            position += 1
            try endElement(name, at: start)
            return
        }
        var attributes: [String: String] = [:]
        while true {
            let hadSpace = skipSpace()
            guard position < bytes.count else { throw error("the input ends inside the <\(name)> tag", at: start) }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                try startElement(name, attributes, at: start, empty: false)
                return
            }
            if hasPrefix("/>", at: position) {
                position += 2
                try startElement(name, attributes, at: start, empty: true)
                return
            }
            guard hadSpace else { throw error("malformed tag <\(name)>: expected a space, '>' or '/>'", at: position) }
            let attribute = try self.name()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw error("malformed attribute \(attribute): expected '='", at: position)
            }
            position += 1
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw error("malformed attribute \(attribute): expected a quoted value", at: position)
            }
            let quote = bytes[position]
            let valueStart = position + 1
            guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else { throw error("unterminated attribute value", at: position) }
            guard attributes[attribute] == nil else { throw error("attribute \(attribute) repeated", at: position) }
            attributes[attribute] = try decode(valueStart..<valueEnd)
            position = valueEnd + 1
        }
    }

    private mutating func startElement(_ name: String, _ attributes: [String: String], at offset: Int, empty: Bool) throws(CATReadError) {
        if open.isEmpty {
            guard documentID == nil else { throw error("a second root element <\(name)>", at: offset) }
            guard name == "Document" else { throw error("the root element is <\(name)>, not <Document>", at: offset) }
            guard let id = attributes["doc_id"]?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
                throw error("<Document> has no doc_id", at: offset)
            }
            documentID = id
            documentName = attributes["doc_name"]
        }
        if token != nil { throw error("<\(name)> inside a token", at: offset) }
        if name == "token" {
            func integer(_ key: String) throws(CATReadError) -> Int {
                guard let text = attributes[key] else { throw error("token without \(key)", at: offset) }
                guard let value = Int(text), value >= 0 else { throw error("token \(key)=\"\(text)\" is not a number", at: offset) }
                return value
            }
            let id = try integer("t_id"), sentence = try integer("sentence"), number = try integer("number")
            if empty { throw error("token t_id=\"\(id)\" has no text", at: offset) }
            token = (id, sentence, number, offset, "")
        }
        if !empty { open.append((name, offset)) }
    }

    private mutating func endElement(_ name: String, at offset: Int) throws(CATReadError) {
        guard let innermost = open.popLast() else { throw error("end tag </\(name)> closes no open element", at: offset) }
        guard innermost.name == name else { throw error("end tag </\(name)> does not match the open element <\(innermost.name)>", at: offset) }
        guard name == "token", let token else { return }
        let text = token.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error("token t_id=\"\(token.id)\" has no text", at: token.offset) }
        tokens.append(CATDocument.Token(id: token.id, sentence: token.sentence, number: token.number, text: text))
        self.token = nil
    }

    /// An XML name at the current position.
    private mutating func name() throws(CATReadError) -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        guard position > start else { throw error("malformed tag: expected a name", at: start) }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Skips white space; whether there was some.
    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = position
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        return position > start
    }

    /// The text of `range` with its character references decoded.
    private func decode(_ range: Range<Int>) throws(CATReadError) -> String {
        guard bytes[range].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[range], as: UTF8.self) }
        var out = ""
        var p = range.lowerBound
        while p < range.upperBound {
            guard bytes[p] == UInt8(ascii: "&") else {
                let start = p
                while p < range.upperBound, bytes[p] != UInt8(ascii: "&") { p += 1 }
                out += String(decoding: bytes[start..<p], as: UTF8.self)
                continue
            }
            guard let semicolon = bytes[p..<range.upperBound].firstIndex(of: UInt8(ascii: ";")), semicolon - p <= 10 else {
                throw error("'&' does not start a character reference", at: p)
            }
            let reference = String(decoding: bytes[(p + 1)..<semicolon], as: UTF8.self)
            guard let scalar = Self.entity(reference) else { throw error("invalid character reference &\(reference);", at: p) }
            out.unicodeScalars.append(scalar)
            p = semicolon + 1
        }
        return out
    }

    private static func entity(_ reference: String) -> Unicode.Scalar? {
        switch reference {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard reference.hasPrefix("#") else { return nil }
            let digits = reference.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    private func hasPrefix(_ literal: String, at offset: Int) -> Bool {
        bytes[offset...].starts(with: literal.utf8)
    }

    private func find(_ literal: String, from offset: Int) -> Int? {
        let pattern = Array(literal.utf8)
        guard bytes.count >= pattern.count else { return nil }
        var p = offset
        while p + pattern.count <= bytes.count {
            if bytes[p] == pattern[0], bytes[p..<(p + pattern.count)].elementsEqual(pattern) { return p }
            p += 1
        }
        return nil
    }

    private func error(_ message: String, at offset: Int) -> CATReadError {
        var line = 1, lineStart = 0
        for p in 0..<min(offset, bytes.count) where bytes[p] == 0x0A {
            line += 1
            lineStart = p + 1
        }
        return CATReadError(message, line: line, column: offset - lineStart + 1)
    }
}
