import Foundation

/// Why the service refused a request. Each case is a client's mistake or a limit (the HTTP layer maps them
/// to 4xx/503 statuses); any other error a ``StoryService`` method throws is an internal failure of the store.
public enum StoryServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A field is missing, empty or malformed; the message names it.
    case invalidInput(String)
    /// A date that is not `YYYY-MM-DD` or an ISO 8601 date and time; `field` names where it was given.
    case invalidDate(field: String, value: String)
    case storyNotFound(Int64)
    case documentNotFound(Int64)
    /// The story already holds the most documents a story may hold.
    case storyFull(limit: Int)
    /// The document's text is longer than the service analyses.
    case documentTooLarge(bytes: Int, limit: Int)
    /// Every analysis slot is taken and the queue is full: try again later.
    case busy
    /// The analysis (with its wait for a slot) took longer than the service's time limit; nothing was stored.
    case timedOut(limit: Duration)

    public var description: String {
        switch self {
        case .invalidInput(let message):
            return message
        case .invalidDate(let field, let value):
            return "\"\(field)\" '\(Self.shortened(value))' is not a date: expected YYYY-MM-DD or an ISO 8601 date and time such as 2015-10-29T14:30"
        case .storyNotFound(let id):
            return "there is no story \(id)"
        case .documentNotFound(let id):
            return "there is no document \(id) in this story"
        case .storyFull(let limit):
            return "the story already has \(limit) documents, the most a story may have"
        case .documentTooLarge(let bytes, let limit):
            return "the document's text is \(bytes) bytes long; documents of at most \(limit) bytes are analysed"
        case .busy:
            return "the service is analysing as many documents as it can queue; try again shortly"
        case .timedOut(let limit):
            return "the analysis took longer than the \(Self.seconds(limit)) the service allows; nothing was stored"
        }
    }

    /// A duration in words: "30 s", "0.25 s".
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }

    /// A value quoted in a message, cut to a readable length (40 characters).
    public static func shortened(_ value: String) -> String {
        value.count <= 40 ? value : String(value.prefix(40)) + "…"
    }
}

/// A document as a client sends it: the story-file fields, the text either plain or an HTML page.
public struct DocumentSubmission: Hashable, Sendable {
    /// How the body is written.
    public enum Format: String, Hashable, Sendable, CaseIterable {
        case text, html
    }

    public var title: String?
    /// `YYYY-MM-DD` or an ISO 8601 date and time; the document's creation time.
    public var published: String?
    public var url: String?
    /// The article: plain text, or an HTML page that is reduced to its text.
    public var body: String
    /// `nil`: detected from the body (see ``HTMLArticleText/looksLikeHTML(_:)``).
    public var format: Format?

    public init(title: String? = nil, published: String? = nil, url: String? = nil, body: String, format: Format? = nil) {
        self.title = title
        self.published = published
        self.url = url
        self.body = body
        self.format = format
    }
}
