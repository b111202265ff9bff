import Chronicle
import Foundation
import Testing

@testable import ChronicleService

/// The service's caches are bounded in bytes (``StoryService/Configuration/maximumCacheBytes``), so that its memory
/// stays flat whatever clients ask for: many stories, many filters, many documents.
@Suite("Cache bounds")
struct CacheBoundTests {
    static func timeline(documents: Int) -> Timeline {
        let text = String(repeating: "The mill closed on Friday. ", count: 40)
        return Timeline(documents: (0..<documents).map { Timeline.DocumentInfo(id: "d\($0)", title: nil, creationTime: nil, text: text) }, entries: [], relations: [], warnings: [])
    }

    @Test func renderingsPastTheByteBudgetDropTheLeastRecentlyUsedStories() async {
        let cache = TimelineCache(maximumStories: 64, maximumRenderings: 64, maximumBytes: 10_000)
        let rendering = Data(repeating: 0x20, count: 3_000)
        for story in Int64(1)...3 { await cache.keep(rendering, story: story, revision: 1, key: "json") }
        #expect(await cache.bytes == 9_000)
        // Story 1 was used last: the fourth story's rendering pushes out story 2, the least recently used.
        #expect(await cache.rendering(story: 1, revision: 1, key: "json") != nil)
        await cache.keep(rendering, story: 4, revision: 1, key: "json")
        #expect(await cache.bytes <= 10_000)
        #expect(await cache.rendering(story: 2, revision: 1, key: "json") == nil)
        #expect(await cache.rendering(story: 1, revision: 1, key: "json") != nil)
        #expect(await cache.rendering(story: 4, revision: 1, key: "json") != nil)
    }

    @Test func oneStorysManyFiltersStayWithinTheBudget() async {
        let cache = TimelineCache(maximumStories: 64, maximumRenderings: 64, maximumBytes: 10_000)
        for filter in 0..<50 { await cache.keep(Data(repeating: 0x20, count: 1_500), story: 1, revision: 1, key: "json\(filter)") }
        #expect(await cache.bytes <= 10_000)
        #expect(await cache.rendering(story: 1, revision: 1, key: "json49") != nil)
        #expect(await cache.rendering(story: 1, revision: 1, key: "json0") == nil)
        // A rendering larger than the whole budget is served but not kept.
        await cache.keep(Data(repeating: 0x20, count: 20_000), story: 1, revision: 1, key: "huge")
        #expect(await cache.rendering(story: 1, revision: 1, key: "huge") == nil)
        #expect(await cache.bytes <= 10_000)
    }

    @Test func aNewRevisionOrAForgottenStoryGivesItsBytesBack() async throws {
        let cache = TimelineCache(maximumBytes: 1 << 20)
        await cache.keep(Data(repeating: 0x20, count: 4_000), story: 7, revision: 1, key: "json")
        let built = try await cache.timeline(story: 7, revision: 2) { TimelineCache.Built(revision: 2, timeline: Self.timeline(documents: 3)) }
        #expect(built.revision == 2)
        // Revision 1's rendering is gone; the built timeline of revision 2 counts.
        #expect(await cache.rendering(story: 7, revision: 1, key: "json") == nil)
        let timelineBytes = Self.timeline(documents: 3).estimatedFootprint
        #expect(await cache.bytes == timelineBytes)
        await cache.forget(story: 7)
        #expect(await cache.bytes == 0)
    }

    @Test func decodedDocumentsStayWithinTheirBudget() {
        let document = Pipeline(stages: .all).run(Articles.first, creationTime: CreationTime(date: CalendarDate(year: 2020, month: 3, day: 3)!))
        let size = document.estimatedFootprint
        // An analysis takes many times its text in memory (tokens, words, events, relations).
        #expect(size > 10 * document.text.utf8.count)
        let cache = DocumentCache(maximumBytes: 5 * size)
        for id in Int64(1)...20 { cache.keep(document, id: id, archiveBytes: 100) }
        #expect(cache.count <= 5)
        #expect(cache.count >= 3)
        #expect(cache.document(20, archiveBytes: 100) != nil)
        #expect(cache.document(1, archiveBytes: 100) == nil)
        // Too large for the whole budget: not kept.
        let small = DocumentCache(maximumBytes: size / 2)
        small.keep(document, id: 1, archiveBytes: 100)
        #expect(small.count == 0)
    }
}
