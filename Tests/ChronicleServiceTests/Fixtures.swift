import ChronicleService
import Foundation

/// Two short articles of one story, written for these tests.
enum Articles {
    static let first = """
        Mayor Ana Ruiz resigned on Monday, March 2, 2020, after an audit found missing funds. \
        The audit had begun in January. Ruiz said on Tuesday that she would cooperate with investigators.
        """
    static let second = """
        Investigators searched City Hall on March 5. Council member Tom Hale said the search lasted six hours. \
        A special election will be held in May.
        """
}

/// A store that counts the calls that assemble a timeline, around an in-memory store.
final class CountingStore: StoryStore, @unchecked Sendable {
    let base = InMemoryStoryStore()
    private let lock = NSLock()
    private var analysesReads = 0
    private var timelineCaches = 0

    var analysesCalls: Int { lock.withLock { analysesReads } }
    var cacheTimelineCalls: Int { lock.withLock { timelineCaches } }

    func createStory(title: String) async throws -> StoryRecord { try await base.createStory(title: title) }
    func stories() async throws -> [StoryRecord] { try await base.stories() }
    func story(_ id: Int64) async throws -> StoryRecord? { try await base.story(id) }
    func deleteStory(_ id: Int64) async throws -> Bool { try await base.deleteStory(id) }
    func addDocument(_ document: NewDocument, analysis: Data, to story: Int64, limit: Int?) async throws -> DocumentRecord {
        try await base.addDocument(document, analysis: analysis, to: story, limit: limit)
    }
    func documents(of story: Int64) async throws -> [DocumentRecord]? { try await base.documents(of: story) }
    func document(_ id: Int64, of story: Int64) async throws -> DocumentRecord? { try await base.document(id, of: story) }
    func deleteDocument(_ id: Int64, of story: Int64) async throws -> Bool { try await base.deleteDocument(id, of: story) }
    func analyses(of story: Int64) async throws -> (revision: Int64, analyses: [StoredAnalysis])? {
        lock.withLock { analysesReads += 1 }
        return try await base.analyses(of: story)
    }
    func cachedTimeline(of story: Int64, revision: Int64) async throws -> Data? { try await base.cachedTimeline(of: story, revision: revision) }
    func cacheTimeline(_ timeline: Data, of story: Int64, revision: Int64) async throws {
        lock.withLock { timelineCaches += 1 }
        try await base.cacheTimeline(timeline, of: story, revision: revision)
    }
}
