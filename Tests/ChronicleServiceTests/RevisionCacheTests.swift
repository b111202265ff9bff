import Chronicle
import Foundation
import Testing

@testable import ChronicleService

/// A timeline read trusts a story's revision for ``StoryService/Configuration/revisionRecheckInterval``: changes
/// through the service are seen at once, changes by another process sharing the store after the interval.
@Suite("Revision cache")
struct RevisionCacheTests {
    static func documentCount(_ data: Data) throws -> Int {
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["documents"] as? [Any]).count
    }

    @Test func changesThroughTheServiceAreSeenAtOnce() async throws {
        let service = StoryService(store: InMemoryStoryStore(), configuration: .init(revisionRecheckInterval: .seconds(3600)))
        let story = try await service.createStory(title: "S")
        let first = try await service.addDocument(DocumentSubmission(published: "2020-03-03", body: Articles.first), to: story.id)
        #expect(try Self.documentCount(try await service.renderedTimeline(of: story.id, as: .json)) == 1)
        _ = try await service.addDocument(DocumentSubmission(published: "2020-03-06", body: Articles.second), to: story.id)
        #expect(try Self.documentCount(try await service.renderedTimeline(of: story.id, as: .json)) == 2)
        try await service.deleteDocument(first.id, of: story.id)
        #expect(try Self.documentCount(try await service.renderedTimeline(of: story.id, as: .json)) == 1)
    }

    @Test func changesByAnotherProcessAreSeenAfterTheInterval() async throws {
        let store = InMemoryStoryStore()
        let trusting = StoryService(store: store, configuration: .init(revisionRecheckInterval: .seconds(3600)))
        let checking = StoryService(store: store, configuration: .init(revisionRecheckInterval: .zero))
        let story = try await trusting.createStory(title: "S")
        _ = try await trusting.addDocument(DocumentSubmission(published: "2020-03-03", body: Articles.first), to: story.id)
        #expect(try Self.documentCount(try await trusting.renderedTimeline(of: story.id, as: .json)) == 1)
        #expect(try Self.documentCount(try await checking.renderedTimeline(of: story.id, as: .json)) == 1)
        // "Another process": the second service writes to the shared store.
        _ = try await checking.addDocument(DocumentSubmission(published: "2020-03-06", body: Articles.second), to: story.id)
        #expect(try Self.documentCount(try await checking.renderedTimeline(of: story.id, as: .json)) == 2)
        #expect(try Self.documentCount(try await trusting.renderedTimeline(of: story.id, as: .json)) == 1)

        let cache = RevisionCache(interval: .milliseconds(50))
        cache.note(7, of: 1, token: cache.revision(of: 1).token)
        #expect(cache.revision(of: 1).revision == 7)
        try await Task.sleep(for: .milliseconds(120))
        #expect(cache.revision(of: 1).revision == nil)
    }

    @Test func aRevisionReadWhileTheStoryChangedIsNotKept() {
        let cache = RevisionCache(interval: .seconds(3600))
        let token = cache.revision(of: 1).token
        cache.forget(1)  // a write began and ended while the revision was being read
        cache.note(3, of: 1, token: token)
        #expect(cache.revision(of: 1).revision == nil)
        cache.note(4, of: 1, token: cache.revision(of: 1).token)
        #expect(cache.revision(of: 1).revision == 4)
    }
}
