import ChronicleCore
import Foundation

/// Reads the lines of a stream of stories (`chronicle timeline --jsonl`). A line is either
///
/// - a whole story: `{"id": STORY, "documents": [{"id", "title", "published", "text"}, ...]}`, or
/// - one document of a story: `{"story": STORY, "id", "title", "published", "text"}`; the consecutive lines
///   of one `story` make the story.
///
/// Document members are those of a JSONL story file (``StoryFileReader/storyLines(_:name:baseName:)``):
/// `text` is required, `published` (or `dct`) is a date or a date and time.
public struct StoryStreamReader: Sendable {
    /// What one line of the stream gives.
    public enum Line: Sendable {
        /// A whole story: its id and documents.
        case story(id: String, documents: [StoryFileReader.Item])
        /// One document of the story `story`.
        case document(story: String, StoryFileReader.Item)
    }

    public init() {}

    /// Reads one line (UTF-8, without its line end). `lineNumber` names documents without an id.
    public func read(_ line: some Collection<UInt8>, lineNumber: Int) throws(StoryFileError) -> Line {
        func failure(_ message: String) -> StoryFileError { StoryFileError(file: nil, line: lineNumber, message: message) }
        let data = Data(line)
        if String(validating: data, as: UTF8.self) == nil { throw failure("invalid UTF-8") }
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: data)
        } catch {
            throw failure(Self.describe(error, expected: "a JSON object with \"documents\" or \"story\""))
        }
        if let documents = envelope.documents {
            guard envelope.story == nil else { throw failure("a line has either \"documents\" (a whole story) or \"story\" (one document), not both") }
            let id = envelope.id ?? "story-\(lineNumber)"
            var items: [StoryFileReader.Item] = []
            for (index, document) in documents.enumerated() {
                do {
                    items.append(try document.item(fallbackID: "\(id)-\(index + 1)"))
                } catch {
                    throw failure("document \(index + 1): \(error.message)")
                }
            }
            guard !items.isEmpty else { throw failure("the story has no documents") }
            return .story(id: id, documents: items)
        }
        guard let story = envelope.story else { throw failure("a line needs \"documents\" (a whole story) or \"story\" (one document of a story)") }
        let record: StoryFileReader.StoryLine
        do {
            record = try JSONDecoder().decode(StoryFileReader.StoryLine.self, from: data)
        } catch {
            throw failure(Self.describe(error, expected: "a document {\"story\", \"id\", \"title\", \"published\", \"text\"}"))
        }
        do {
            return .document(story: story, try record.item(fallbackID: "\(story)-\(lineNumber)"))
        } catch {
            throw failure(error.message)
        }
    }

    private static func describe(_ error: any Error, expected: String) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\"" + path(context)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            guard let key = context.codingPath.last?.stringValue else { return "expected \(expected)" }
            return "\"\(key)\" has the wrong type" + path(context)
        default:
            return "not valid JSON: expected \(expected)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let documents = context.codingPath.compactMap(\.intValue)
        return documents.first.map { " (document \($0 + 1))" } ?? ""
    }

    private struct Envelope: Decodable {
        var id: String?
        var story: String?
        var documents: [StoryFileReader.StoryLine]?

        enum CodingKeys: String, CodingKey { case id, story, documents }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIdentifier(forKey: .id)
            story = try container.decodeIdentifier(forKey: .story)
            documents = try container.decodeIfPresent([StoryFileReader.StoryLine].self, forKey: .documents)
        }
    }
}
