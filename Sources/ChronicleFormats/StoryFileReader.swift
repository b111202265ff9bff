import ChronicleCalendar
import ChronicleCore
import Foundation

/// Reads the documents of a story file: plain UTF-8 text (its first line is the title when it looks like one),
/// TempEval-3 TimeML (its DCT kept), a JSONL story file with one `{"id", "title", "published", "text"}`
/// object per line (`"dct"` is accepted for `"published"`; a numeric id is written as text), or an HTML page
/// reduced to its article by ``HTMLArticleText`` (its title kept, and its publication date as the creation time).
///
/// ```swift
/// let documents = try StoryFileReader().read(bytes, name: "story.jsonl", format: .detect(path: "story.jsonl"))
/// for item in documents { print(item.document.id, item.title ?? "-") }
/// ```
///
/// Every problem is a ``StoryFileError`` that names the file, and for JSONL the line (and the byte of invalid
/// UTF-8); nothing is returned for a file with any bad line.
public struct StoryFileReader: Sendable {
    /// A document as read, before any stage runs, with its title.
    public struct Item: Sendable {
        public var document: Document
        public var title: String?

        public init(document: Document, title: String?) {
            self.document = document
            self.title = title
        }
    }

    /// How a story file is written.
    public enum Format: Sendable {
        case plainText, timeML, jsonLines
        /// An HTML page (``HTMLArticleText``).
        case html

        /// The format a path's extension names (`.tml`, `.xml`; `.jsonl`, `.ndjson`; `.html`, `.htm`, `.xhtml`),
        /// else what the bytes start with (`<?xml` or `<TimeML` for TimeML only when there is no path, `{` for
        /// JSONL), else HTML when the bytes look like it (``HTMLArticleText/looksLikeHTML(_:)``), else plain text.
        public static func detect(path: String?, bytes: some Collection<UInt8>) -> Format {
            let lower = path?.lowercased() ?? ""
            let body = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
            if lower.hasSuffix(".tml") || lower.hasSuffix(".xml") { return .timeML }
            if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
            if path == nil && (body.starts(with: "<?xml".utf8) || body.starts(with: "<TimeML".utf8)) { return .timeML }
            if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || body.first == UInt8(ascii: "{") { return .jsonLines }
            if HTMLArticleText.looksLikeHTML(body) { return .html }
            return .plainText
        }
    }

    public init() {}

    /// The documents of a story file. `name` is how errors name the file; `baseName` gives ids to documents
    /// without one (`BASENAME` for text, `BASENAME-LINE` for JSONL lines without an id).
    public func read(_ bytes: [UInt8], name: String, baseName: String, format: Format) throws(StoryFileError) -> [Item] {
        let body = bytes[(PlainTextReader.hasByteOrderMark(bytes) ? 3 : 0)...]
        guard body.contains(where: { !Self.isSpace($0) }) else {
            throw StoryFileError(file: name, message: "the input is \(body.isEmpty ? "empty" : "empty (only white space)")")
        }
        switch format {
        case .timeML:
            do {
                let timeML = try TimeMLReader().read(bytes, fallbackID: baseName)
                return [Item(document: Document(id: timeML.id, text: timeML.text, creationTime: timeML.creationTime, diagnostics: timeML.diagnostics),
                             title: nil)]
            } catch {
                var located = error
                located.file = name
                throw StoryFileError(file: nil, message: "\(located)")
            }
        case .jsonLines:
            return try storyLines(Array(body), name: name, baseName: baseName)
        case .html:
            return [try htmlPage(Array(body), name: name, baseName: baseName)]
        case .plainText:
            let text: String
            do {
                text = try PlainTextReader().read(bytes)
            } catch {
                throw StoryFileError(file: name, message: "\(error)")
            }
            return [Item(document: Document(id: baseName, text: text), title: Self.title(of: text))]
        }
    }

    /// The document of an HTML page: its article text (``HTMLArticleText``), its title, and its publication date as
    /// a given creation time when it is one Chronicle reads (`YYYY-MM-DD`, with a time of day, seconds, fractions
    /// of a second, `Z` or an offset; the offset is dropped). The page's warnings, and a date that cannot be read,
    /// are the document's `malformed-input` diagnostics.
    public func htmlPage(_ bytes: [UInt8], name: String, baseName: String) throws(StoryFileError) -> Item {
        let page = HTMLArticleText.reduce(bytes)
        guard !page.text.isEmpty else { throw StoryFileError(file: name, message: "the HTML page has no article text") }
        var diagnostics = page.warnings
        var creationTime: CreationTime?
        if let published = page.publicationDate {
            creationTime = Self.creationTime(published: published)
            if creationTime == nil {
                diagnostics.append(Diagnostic(.warning, .malformedInput,
                                              "the page's publication date '\(published)' is not a date (YYYY-MM-DD[THH:MM]): it is not the creation time"))
            }
        }
        return Item(document: Document(id: baseName, text: page.text, creationTime: creationTime, diagnostics: diagnostics), title: page.title)
    }

    /// A page's publication date as a creation time to the minute (as the timeline's contract writes it): the whole
    /// value, else its date and hour and minute (`2015-10-29T14:30:00.000Z`), else its date.
    static func creationTime(published: String) -> CreationTime? {
        let value = published.trimmingCharacters(in: .whitespaces)
        let characters = Array(value)
        var parsed = CreationTime(parsing: value)
        if parsed == nil, characters.count > 16, characters[10] == "T" { parsed = CreationTime(parsing: String(characters[..<16])) }
        if parsed == nil, characters.count > 10, !characters[10].isNumber { parsed = CreationTime(parsing: String(characters[..<10])) }
        if let time = parsed?.time, time.second != nil { parsed?.time = ClockTime(hour: time.hour, minute: time.minute, second: nil) }
        return parsed
    }

    /// The documents of a JSONL story file: one `{"id", "title", "published", "text"}` object per line (blank
    /// lines skipped).
    public func storyLines(_ bytes: [UInt8], name: String, baseName: String) throws(StoryFileError) -> [Item] {
        var items: [Item] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            guard line.contains(where: { !Self.isSpace($0) }) else { continue }
            items.append(try storyLine(line, lineNumber: lineNumber, name: name, baseName: baseName))
        }
        guard !items.isEmpty else { throw StoryFileError(file: name, message: "no JSON lines") }
        return items
    }

    private func storyLine(_ line: ArraySlice<UInt8>, lineNumber: Int, name: String, baseName: String) throws(StoryFileError) -> Item {
        func failure(_ message: String) -> StoryFileError { StoryFileError(file: name, line: lineNumber, message: message) }
        do {
            _ = try PlainTextReader().read(line)
        } catch where error.reason == .invalidUTF8 {
            throw failure("byte \(error.byteOffset): invalid UTF-8")
        } catch {}
        let record: StoryLine
        do {
            record = try JSONDecoder().decode(StoryLine.self, from: Data(line))
        } catch DecodingError.keyNotFound(let key, _) {
            throw failure("missing \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            guard let key = context.codingPath.first?.stringValue else {
                throw failure("expected a JSON object {\"id\", \"title\", \"published\", \"text\"}")
            }
            throw failure(key == "id" ? "\"id\" must be a string or a number" : "\"\(key)\" must be a string")
        } catch {
            throw failure("not valid JSON")
        }
        do {
            return try record.item(fallbackID: "\(baseName)-\(lineNumber)")
        } catch {
            throw failure(error.message)
        }
    }

    /// One line of a JSONL story file (also a document of a story in a stream: ``StoryStreamReader``).
    struct StoryLine: Decodable {
        var id: String?
        var title: String?
        var published: String?
        var dct: String?
        var text: String

        enum CodingKeys: String, CodingKey { case id, title, published, dct, text }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIdentifier(forKey: .id)
            title = try container.decodeIfPresent(String.self, forKey: .title)
            published = try container.decodeIfPresent(String.self, forKey: .published)
            dct = try container.decodeIfPresent(String.self, forKey: .dct)
            text = try container.decode(String.self, forKey: .text)
        }

        /// The document: `fallbackID` when the line has no id; the creation time from "published" (or "dct").
        func item(fallbackID: String) throws(StoryFileError) -> Item {
            var creationTime: CreationTime?
            for (key, value) in [("published", published), ("dct", dct)] {
                guard let value, !value.isEmpty else { continue }
                guard let parsed = CreationTime(parsing: value) else {
                    throw StoryFileError(file: nil, message: "\"\(key)\" '\(value)' is not a date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
                }
                creationTime = creationTime ?? parsed
            }
            let id = id.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID
            return Item(document: Document(id: id, text: text, creationTime: creationTime), title: title.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// The first line of a text when it looks like a title: short, not ending like a sentence, and followed by
    /// more text.
    public static func title(of text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }), index + 1 < lines.count else { return nil }
        let line = lines[index].trimmingCharacters(in: .whitespaces)
        guard line.count <= 150, let last = line.last, !".,;:!?".contains(last),
              lines[(index + 1)...].contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        return line
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// A story file that cannot be read: its name, the JSONL line when there is one, and what is wrong.
public struct StoryFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String?, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE: line N: MESSAGE`.
    public var description: String {
        [file, line.map { "line \($0)" }, message].compactMap { $0 }.joined(separator: ": ")
    }
}

extension KeyedDecodingContainer {
    /// An identifier given as a string or a number (a number written as Swift writes it); `nil` when absent
    /// or null.
    func decodeIdentifier(forKey key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let string = try? decode(String.self, forKey: key) { return string }
        if let integer = try? decode(Int.self, forKey: key) { return String(integer) }
        return String(try decode(Double.self, forKey: key))
    }
}
