import Foundation

/// A story kept by the service: a title and the documents added to it.
///
/// `revision` rises by one with every document added to or removed from the story, in the same transaction
/// as the change; a timeline cached for one revision is stale as soon as the revision moves on.
public struct StoryRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public var title: String
    /// When the story was created, in UTC.
    public var created: Date
    public var documentCount: Int
    public var revision: Int64

    public init(id: Int64, title: String, created: Date, documentCount: Int, revision: Int64) {
        self.id = id
        self.title = title
        self.created = created
        self.documentCount = documentCount
        self.revision = revision
    }
}

/// A document to add to a story: the story-file fields (`title`, `published`, `text`) and an optional URL.
/// `text` is the article text Chronicle analyses (HTML already reduced to its text); `source` is what the
/// client sent when that differs (the HTML page), kept so that nothing sent is lost.
public struct NewDocument: Hashable, Sendable, Codable {
    public var title: String?
    /// The publication date or time as given (`YYYY-MM-DD` or an ISO 8601 date and time), the document's
    /// creation time; `nil` when unknown.
    public var published: String?
    public var url: String?
    public var text: String
    /// The original body when the text was reduced from it (HTML), else `nil`.
    public var source: String?
    /// `"text"` or `"html"`: what the client sent.
    public var format: String

    public init(title: String? = nil, published: String? = nil, url: String? = nil, text: String, source: String? = nil, format: String = "text") {
        self.title = title
        self.published = published
        self.url = url
        self.text = text
        self.source = source
        self.format = format
    }
}

/// A document of a story as the store keeps it. `position` orders a story's documents (the order they were
/// added in), which is the order the timeline is assembled in.
public struct DocumentRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public var storyID: Int64
    public var position: Int64
    public var added: Date
    public var document: NewDocument

    public init(id: Int64, storyID: Int64, position: Int64, added: Date, document: NewDocument) {
        self.id = id
        self.storyID = storyID
        self.position = position
        self.added = added
        self.document = document
    }
}

/// The stored pipeline output of one document: an encoded ``ChronicleCore/Document`` (see
/// ``DocumentArchive``), so that assembling a story's timeline never analyses a document again.
public struct StoredAnalysis: Hashable, Sendable {
    public var documentID: Int64
    public var position: Int64
    public var title: String?
    public var analysis: Data

    public init(documentID: Int64, position: Int64, title: String?, analysis: Data) {
        self.documentID = documentID
        self.position = position
        self.title = title
        self.analysis = analysis
    }
}

/// Errors a store raises. Anything else a store throws is an internal failure (a lost database
/// connection, a full disk), which the service reports without its details.
public enum StoryStoreError: Error, Hashable, Sendable {
    /// The story does not exist (or was deleted while the request ran).
    case storyNotFound(Int64)
    /// The story already holds the most documents a story may hold.
    case storyFull(limit: Int)
}

/// Where the service keeps its stories: an embedded SQLite database by default, or a PostgreSQL server.
///
/// Every method is one transaction: a call that throws has changed nothing. Implementations are safe to
/// call from many tasks at once; writes to one story are serialised by the store, so that under
/// concurrent writers each document gets its own position and the revision counts every change.
/// The same conformance test suite runs against every implementation.
public protocol StoryStore: Sendable {
    /// Creates a story with no documents (revision 0).
    func createStory(title: String) async throws -> StoryRecord
    /// Every story, oldest first.
    func stories() async throws -> [StoryRecord]
    func story(_ id: Int64) async throws -> StoryRecord?
    /// Deletes a story with its documents, their analyses and its cached timeline; `false` when there was none.
    func deleteStory(_ id: Int64) async throws -> Bool

    /// Adds a document and its analysis to a story, after its last document, and raises the story's revision,
    /// in one transaction. Throws ``StoryStoreError/storyNotFound(_:)`` when the story does not exist, and
    /// ``StoryStoreError/storyFull(limit:)`` when it already has `limit` documents (`nil`: no limit).
    func addDocument(_ document: NewDocument, analysis: Data, to story: Int64, limit: Int?) async throws -> DocumentRecord
    /// The documents of a story in position order (`nil` when the story does not exist).
    func documents(of story: Int64) async throws -> [DocumentRecord]?
    func document(_ id: Int64, of story: Int64) async throws -> DocumentRecord?
    /// Deletes a document and its analysis and raises the story's revision; `false` when there was none.
    func deleteDocument(_ id: Int64, of story: Int64) async throws -> Bool

    /// The stored analyses of a story's documents in position order, with the revision they belong to, read
    /// in one transaction (`nil` when the story does not exist).
    func analyses(of story: Int64) async throws -> (revision: Int64, analyses: [StoredAnalysis])?

    /// The timeline cached for the story at `revision` (in the encoding the service chose), if any.
    func cachedTimeline(of story: Int64, revision: Int64) async throws -> Data?
    /// Caches a timeline for `revision`; ignored when the story has moved past that revision or is gone.
    func cacheTimeline(_ timeline: Data, of story: Int64, revision: Int64) async throws
}
