import Chronicle
import Foundation
import Testing

@testable import ChronicleService

@Suite("StoryService")
struct StoryServiceTests {
    @Test func addedDocumentIsAnalysedWithItsPublicationDate() async throws {
        let service = StoryService(store: InMemoryStoryStore())
        let story = try await service.createStory(title: "  Audit  ")
        #expect(story.title == "Audit")
        let record = try await service.addDocument(DocumentSubmission(title: "Resignation", published: "2020-03-03", body: Articles.first), to: story.id)
        #expect(record.document.published == "2020-03-03")
        let timeline = try await service.timeline(of: story.id)
        #expect(timeline.documents.map(\.id) == [String(record.id)])
        #expect(timeline.documents.first?.creationTime?.description == "2020-03-03")
        let resigned = try #require(timeline.entries.first { $0.event.text == "resigned" })
        #expect(resigned.time.value == "2020-03-02")
        // "on Tuesday" in a report of 2020-03-03 is that day.
        let said = try #require(timeline.entries.first { $0.event.text == "said" })
        #expect(said.time.value == "2020-03-03")
    }

    @Test func badInputIsRefusedBeforeAnyAnalysis() async throws {
        let store = CountingStore()
        let service = StoryService(store: store, configuration: .init(maximumDocumentBytes: 100))
        let story = try await service.createStory(title: "S")
        await #expect(throws: StoryServiceError.invalidDate(field: "published", value: "March 3")) {
            try await service.addDocument(DocumentSubmission(published: "March 3", body: "Text."), to: story.id)
        }
        await #expect(throws: StoryServiceError.invalidInput("\"text\" is empty")) {
            try await service.addDocument(DocumentSubmission(body: " \n "), to: story.id)
        }
        await #expect(throws: StoryServiceError.documentTooLarge(bytes: 101, limit: 100)) {
            try await service.addDocument(DocumentSubmission(body: String(repeating: "a", count: 101)), to: story.id)
        }
        await #expect(throws: StoryServiceError.storyNotFound(99)) {
            try await service.addDocument(DocumentSubmission(body: "Text."), to: 99)
        }
        await #expect(throws: StoryServiceError.invalidInput("\"title\" is missing or empty")) {
            try await service.createStory(title: "   ")
        }
        #expect(try await service.documents(of: story.id).isEmpty)
        #expect(try await service.story(story.id).revision == 0)
    }

    @Test func storyLimitIsEnforced() async throws {
        let service = StoryService(store: InMemoryStoryStore(), configuration: .init(maximumDocumentsPerStory: 1))
        let story = try await service.createStory(title: "S")
        _ = try await service.addDocument(DocumentSubmission(body: "It rained on Monday."), to: story.id)
        await #expect(throws: StoryServiceError.storyFull(limit: 1)) {
            try await service.addDocument(DocumentSubmission(body: "It snowed on Tuesday."), to: story.id)
        }
    }

    @Test func htmlBodyIsReducedToItsTextAndKept() async throws {
        let service = StoryService(store: InMemoryStoryStore())
        let story = try await service.createStory(title: "S")
        let page = "<!DOCTYPE html><html><head><title>T</title><script>var x = 'March 9';</script></head>"
            + "<body><p>The bridge opened on May 4, 2019.</p><p>Tolls start&nbsp;in June.</p></body></html>"
        let record = try await service.addDocument(DocumentSubmission(published: "2019-05-05", body: page), to: story.id)
        #expect(record.document.format == "html")
        #expect(record.document.text == "The bridge opened on May 4, 2019.\n\nTolls start in June.")
        #expect(record.document.source == page)
        let timeline = try await service.timeline(of: story.id)
        #expect(timeline.entries.contains { $0.event.text == "opened" && $0.time.value == "2019-05-04" })
    }

    @Test func addingADocumentDoesNotAssembleTheTimeline() async throws {
        let store = CountingStore()
        let service = StoryService(store: store)
        let story = try await service.createStory(title: "S")
        _ = try await service.addDocument(DocumentSubmission(published: "2020-03-03", body: Articles.first), to: story.id)
        #expect(store.analysesCalls == 0)
        let first = try await service.renderedTimeline(of: story.id, as: .json)
        let again = try await service.renderedTimeline(of: story.id, as: .json)
        #expect(first == again)
        #expect(store.analysesCalls == 1)
        #expect(store.cacheTimelineCalls == 1)
        _ = try await service.addDocument(DocumentSubmission(published: "2020-03-06", body: Articles.second), to: story.id)
        #expect(store.analysesCalls == 1)
        let second = try await service.renderedTimeline(of: story.id, as: .json)
        #expect(store.analysesCalls == 2)
        #expect(second != first)
        let json = try #require(try JSONSerialization.jsonObject(with: second) as? [String: Any])
        #expect((json["documents"] as? [Any])?.count == 2)
    }

    @Test func restartedServiceServesTheStoredTimelineWithoutAssembling() async throws {
        let store = CountingStore()
        let story = try await store.createStory(title: "S")
        let first = StoryService(store: store)
        _ = try await first.addDocument(DocumentSubmission(published: "2020-03-03", body: Articles.first), to: story.id)
        let built = try await first.renderedTimeline(of: story.id, as: .json)
        let restarted = StoryService(store: store)
        #expect(try await restarted.renderedTimeline(of: story.id, as: .json) == built)
        #expect(store.analysesCalls == 1)
    }

    @Test func aTimelineStoredByAnotherBuildIsAssembledAgain() async throws {
        let store = CountingStore()
        let story = try await store.createStory(title: "S")
        func service(_ stamp: String) -> StoryService {
            StoryService(store: store, configuration: StoryService.Configuration(renderingStamp: stamp))
        }
        _ = try await service("old build").addDocument(DocumentSubmission(published: "2020-03-03", body: Articles.first), to: story.id)
        let built = try await service("old build").renderedTimeline(of: story.id, as: .json)
        #expect(store.analysesCalls == 1)
        // The stored value carries its build's stamp.
        let stored = try #require(try await store.cachedTimeline(of: story.id, revision: 1))
        #expect(stored.starts(with: Data("chronicle-rendering old build\n".utf8)))
        #expect(stored.dropFirst(Data("chronicle-rendering old build\n".utf8).count).elementsEqual(built))
        // Restarted as the same build: served from the store. As another build: assembled again, then stored.
        #expect(try await service("old build").renderedTimeline(of: story.id, as: .json) == built)
        #expect(store.analysesCalls == 1)
        #expect(try await service("new build").renderedTimeline(of: story.id, as: .json) == built)
        #expect(store.analysesCalls == 2)
        #expect(try await service("new build").renderedTimeline(of: story.id, as: .json) == built)
        #expect(store.analysesCalls == 2)
        // A value stored before stamps (the bare JSON) is not served either.
        try await store.cacheTimeline(Data(#"{"schema":"chronicle.timeline/1","stale":true}"#.utf8), of: story.id, revision: 1)
        #expect(try await service("new build").renderedTimeline(of: story.id, as: .json) == built)
        #expect(store.analysesCalls == 3)
        #expect(!StoredRendering.buildStamp.isEmpty)
    }

    @Test func concurrentReadsOfANewRevisionBuildItOnce() async throws {
        let store = CountingStore()
        let service = StoryService(store: store)
        let story = try await service.createStory(title: "S")
        _ = try await service.addDocument(DocumentSubmission(published: "2020-03-03", body: Articles.first), to: story.id)
        let results = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 { group.addTask { try await service.renderedTimeline(of: story.id, filter: TimelineFilter(about: "Ruiz"), as: .json) } }
            return try await group.reduce(into: [Data]()) { $0.append($1) }
        }
        #expect(Set(results).count == 1)
        #expect(store.analysesCalls == 1)
    }

    @Test func deletingADocumentChangesTheTimeline() async throws {
        let service = StoryService(store: InMemoryStoryStore())
        let story = try await service.createStory(title: "S")
        let first = try await service.addDocument(DocumentSubmission(published: "2020-03-03", body: Articles.first), to: story.id)
        let second = try await service.addDocument(DocumentSubmission(published: "2020-03-06", body: Articles.second), to: story.id)
        #expect(try await service.timeline(of: story.id).documents.count == 2)
        try await service.deleteDocument(first.id, of: story.id)
        #expect(try await service.timeline(of: story.id).documents.map(\.id) == [String(second.id)])
        await #expect(throws: StoryServiceError.documentNotFound(first.id)) { try await service.deleteDocument(first.id, of: story.id) }
        try await service.deleteStory(story.id)
        await #expect(throws: StoryServiceError.storyNotFound(story.id)) { try await service.timeline(of: story.id) }
    }

    @Test func fullQueueAnswersBusy() async throws {
        let gate = AnalysisGate(slots: 1, maximumWaiting: 0)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let long = Task { try await gate.run { started.signal(); release.wait(); return 1 } }
        await AnalysisGate.offPool { started.wait() }
        await #expect(throws: StoryServiceError.busy) { try await gate.run { 2 } }
        release.signal()
        #expect(try await long.value == 1)
        #expect(try await gate.run { 3 } == 3)
    }

    @Test func gateRunsEveryQueuedWorkWhenSlotsFree() async throws {
        let gate = AnalysisGate(slots: 1, maximumWaiting: 10)
        let order = OrderLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<5 {
                group.addTask { _ = try await gate.run { order.append(index) } }
                try await Task.sleep(for: .milliseconds(20))
            }
            try await group.waitForAll()
        }
        #expect(order.values.sorted() == [0, 1, 2, 3, 4])
    }
}

/// A thread-safe list of integers.
final class OrderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int] = []
    func append(_ value: Int) { lock.withLock { items.append(value) } }
    var values: [Int] { lock.withLock { items } }
}

@Suite("StoryService time limit")
struct TimeLimitTests {
    @Test func workOverTheLimitTimesOutAndQueuedWorkPastItsLimitNeverStarts() async throws {
        let gate = AnalysisGate(slots: 1, maximumWaiting: 4)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = OrderLog()
        let holder = Task { try await gate.run { started.signal(); release.wait(); finished.append(1); return 1 } }
        await AnalysisGate.offPool { started.wait() }
        // Queued behind the slot's holder: timed out at its limit, and never started (its slot comes too late).
        await #expect(throws: StoryServiceError.timedOut(limit: .milliseconds(100))) {
            try await gate.run(timeLimit: .milliseconds(100)) { finished.append(2); return 2 }
        }
        release.signal()
        #expect(try await holder.value == 1)
        // Work that outlasts its limit: the caller is answered at the limit; the work finishes in its slot.
        let second = DispatchSemaphore(value: 0)
        await #expect(throws: StoryServiceError.timedOut(limit: .milliseconds(100))) {
            try await gate.run(timeLimit: .milliseconds(100)) { second.wait(); finished.append(3); return 3 }
        }
        second.signal()
        #expect(try await gate.run(timeLimit: .seconds(600)) { finished.append(4); return 4 } == 4)
        #expect(!finished.values.contains(2))
        #expect(finished.values.first == 1 && finished.values.last == 4)
    }

    @Test func documentOverTheLimitIsNotStored() async throws {
        let service = StoryService(store: InMemoryStoryStore(), configuration: .init(analysisTimeLimit: .zero))
        let story = try await service.createStory(title: "S")
        await #expect(throws: StoryServiceError.timedOut(limit: .zero)) {
            try await service.addDocument(DocumentSubmission(published: "2015-10-29", body: "It rained on Monday."), to: story.id)
        }
        #expect(try await service.documents(of: story.id).isEmpty)
        #expect(try await service.story(story.id).revision == 0)
        #expect(StoryServiceError.timedOut(limit: .seconds(60)).description == "the analysis took longer than the 60 s the service allows; nothing was stored")
    }

    @Test func documentWithinTheLimitIsStored() async throws {
        // A limit no analysis comes near, even in a sanitized test process on a loaded machine (600 s was passed there).
        let service = StoryService(store: InMemoryStoryStore(), configuration: .init(analysisTimeLimit: .seconds(3_600)))
        let story = try await service.createStory(title: "S")
        _ = try await service.addDocument(DocumentSubmission(body: "It rained on Monday."), to: story.id)
        #expect(try await service.documents(of: story.id).count == 1)
    }
}
