import Chronicle
import ChronicleService
import Foundation

/// The JSON the API answers with for stories and documents (the timeline is `chronicle.timeline/1`).
enum Representation {
    static func story(_ story: StoryRecord) -> JSONValue {
        .object([
            ("id", .integer(Int(story.id))),
            ("title", .string(story.title)),
            ("created", .string(timestamp(story.created))),
            ("documentCount", .integer(story.documentCount)),
            ("revision", .integer(Int(story.revision))),
        ])
    }

    /// A document without its text (lists); with `text`, also the article text the timeline's offsets point into.
    static func document(_ record: DocumentRecord, includingText: Bool = false) -> JSONValue {
        let document = record.document
        var members: [(key: String, value: JSONValue)] = [
            ("id", .integer(Int(record.id))),
            ("storyId", .integer(Int(record.storyID))),
            ("position", .integer(Int(record.position))),
            ("added", .string(timestamp(record.added))),
            ("title", document.title.map(JSONValue.string) ?? .null),
            ("published", document.published.map(JSONValue.string) ?? .null),
            ("url", document.url.map(JSONValue.string) ?? .null),
            ("format", .string(document.format)),
            ("characters", .integer(document.text.unicodeScalars.count)),
        ]
        if includingText { members.append(("text", .string(document.text))) }
        return .object(members)
    }

    /// An ISO 8601 UTC timestamp with seconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
