import ChronicleService
import Foundation
import XCTest

/// The behaviour every ``StoryStore`` must have, as checks on a fresh, empty store. Each XCTestCase of
/// `ConformanceTests.swift` runs these against one implementation.
enum StoreConformance {
    static func document(_ title: String, text: String? = nil) -> NewDocument {
        NewDocument(title: title, published: "2024-03-01", url: "https://example.org/\(title)", text: text ?? "The text of \(title).")
    }

    static func analysis(_ title: String) -> Data {
        Data("analysis of \(title)".utf8)
    }

    /// Stories are created empty, listed oldest first, found by id, and deleted once.
    static func stories(_ store: any StoryStore) async throws {
        let empty = try await store.stories()
        XCTAssertEqual(empty, [])
        let first = try await store.createStory(title: "Floods")
        let second = try await store.createStory(title: "Election")
        XCTAssertEqual(first.title, "Floods")
        XCTAssertEqual(first.documentCount, 0)
        XCTAssertEqual(first.revision, 0)
        XCTAssertLessThan(first.id, second.id)
        XCTAssertLessThan(abs(first.created.timeIntervalSinceNow), 60, "created is now")
        let listed = try await store.stories()
        XCTAssertEqual(listed, [first, second])
        let found = try await store.story(second.id)
        XCTAssertEqual(found, second)
        let deleted = try await store.deleteStory(first.id)
        let deletedAgain = try await store.deleteStory(first.id)
        XCTAssertTrue(deleted)
        XCTAssertFalse(deletedAgain)
        let gone = try await store.story(first.id)
        XCTAssertNil(gone)
        let remaining = try await store.stories()
        XCTAssertEqual(remaining, [second])
        let third = try await store.createStory(title: "Strike")
        XCTAssertGreaterThan(third.id, second.id, "a deleted story's id is not given again")
    }

    /// Documents get increasing positions, are listed in position order and found by id within their story;
    /// every addition and deletion raises the revision, and a deletion that deletes nothing does not.
    static func documents(_ store: any StoryStore) async throws {
        let story = try await store.createStory(title: "Floods")
        let other = try await store.createStory(title: "Other")
        var added: [DocumentRecord] = []
        for title in ["one", "two", "three"] {
            added.append(try await store.addDocument(document(title), analysis: analysis(title), to: story.id, limit: nil))
        }
        XCTAssertEqual(added.map(\.position), added.map(\.position).sorted())
        XCTAssertEqual(Set(added.map(\.position)).count, 3)
        XCTAssertEqual(added.map(\.storyID), [story.id, story.id, story.id])
        XCTAssertEqual(added.map(\.document), [document("one"), document("two"), document("three")])
        let listed = try await store.documents(of: story.id)
        XCTAssertEqual(listed, added)
        let found = try await store.document(added[1].id, of: story.id)
        XCTAssertEqual(found, added[1])
        let foundElsewhere = try await store.document(added[1].id, of: other.id)
        XCTAssertNil(foundElsewhere, "a document is found only in its own story")
        var record = try await store.story(story.id)
        XCTAssertEqual(record?.documentCount, 3)
        XCTAssertEqual(record?.revision, 3)

        let deletedElsewhere = try await store.deleteDocument(added[1].id, of: other.id)
        XCTAssertFalse(deletedElsewhere)
        let deleted = try await store.deleteDocument(added[1].id, of: story.id)
        XCTAssertTrue(deleted)
        let deletedAgain = try await store.deleteDocument(added[1].id, of: story.id)
        XCTAssertFalse(deletedAgain)
        record = try await store.story(story.id)
        XCTAssertEqual(record?.documentCount, 2)
        XCTAssertEqual(record?.revision, 4, "one deletion, and a deletion of nothing does not count")
        let four = try await store.addDocument(document("four"), analysis: analysis("four"), to: story.id, limit: nil)
        XCTAssertGreaterThan(four.position, added[2].position, "a new document goes after the last")
        let after = try await store.documents(of: story.id)
        XCTAssertEqual(after, [added[0], added[2], four])
        let otherDocuments = try await store.documents(of: other.id)
        XCTAssertEqual(otherDocuments, [])
        let missing = try await store.documents(of: story.id + 1_000)
        XCTAssertNil(missing)
    }

    /// Analyses come back in position order with the revision they belong to.
    static func analyses(_ store: any StoryStore) async throws {
        let story = try await store.createStory(title: "Floods")
        var added: [DocumentRecord] = []
        for title in ["a", "b", "c", "d"] {
            added.append(try await store.addDocument(document(title), analysis: analysis(title), to: story.id, limit: nil))
        }
        _ = try await store.deleteDocument(added[1].id, of: story.id)
        let result = try await store.analyses(of: story.id)
        XCTAssertEqual(result?.revision, 5)
        let expected = [added[0], added[2], added[3]].map {
            StoredAnalysis(documentID: $0.id, position: $0.position, title: $0.document.title, analysis: analysis($0.document.title ?? ""))
        }
        XCTAssertEqual(result?.analyses, expected)
        let empty = try await store.createStory(title: "Empty")
        let none = try await store.analyses(of: empty.id)
        XCTAssertEqual(none?.revision, 0)
        XCTAssertEqual(none?.analyses, [])
        let missing = try await store.analyses(of: story.id + 1_000)
        XCTAssertNil(missing)
    }

    /// A timeline is cached for one revision: found at that revision only, replaced by a newer cache, and never
    /// stored for a revision the story has moved past or for a story that is gone.
    static func timelineCache(_ store: any StoryStore) async throws {
        let story = try await store.createStory(title: "Floods")
        _ = try await store.addDocument(document("one"), analysis: analysis("one"), to: story.id, limit: nil)
        let before = try await store.cachedTimeline(of: story.id, revision: 1)
        XCTAssertNil(before)
        try await store.cacheTimeline(Data("timeline 1".utf8), of: story.id, revision: 1)
        try await store.cacheTimeline(Data("timeline 1 again".utf8), of: story.id, revision: 1)
        let cached = try await store.cachedTimeline(of: story.id, revision: 1)
        XCTAssertEqual(cached, Data("timeline 1 again".utf8))
        let otherRevision = try await store.cachedTimeline(of: story.id, revision: 2)
        XCTAssertNil(otherRevision)

        _ = try await store.addDocument(document("two"), analysis: analysis("two"), to: story.id, limit: nil)
        let afterChange = try await store.cachedTimeline(of: story.id, revision: 2)
        XCTAssertNil(afterChange, "the revision moved: the cached timeline does not serve it")
        try await store.cacheTimeline(Data("stale".utf8), of: story.id, revision: 1)
        let stale = try await store.cachedTimeline(of: story.id, revision: 1)
        XCTAssertNotEqual(stale, Data("stale".utf8), "a timeline for a past revision is ignored")
        let staleAtCurrent = try await store.cachedTimeline(of: story.id, revision: 2)
        XCTAssertNil(staleAtCurrent)
        try await store.cacheTimeline(Data("timeline 2".utf8), of: story.id, revision: 2)
        let current = try await store.cachedTimeline(of: story.id, revision: 2)
        XCTAssertEqual(current, Data("timeline 2".utf8))
        try await store.cacheTimeline(Data("future".utf8), of: story.id, revision: 3)
        let future = try await store.cachedTimeline(of: story.id, revision: 3)
        XCTAssertNil(future, "a timeline for a revision the story has not reached is ignored")

        try await store.cacheTimeline(Data("nobody".utf8), of: story.id + 1_000, revision: 0)
        let nobody = try await store.cachedTimeline(of: story.id + 1_000, revision: 0)
        XCTAssertNil(nobody)
    }

    /// storyNotFound and storyFull are thrown as such, and a write that throws changes nothing.
    static func errorsChangeNothing(_ store: any StoryStore) async throws {
        let story = try await store.createStory(title: "Floods")
        let missing = story.id + 1_000
        await assertThrows(StoryStoreError.storyNotFound(missing)) {
            _ = try await store.addDocument(document("lost"), analysis: analysis("lost"), to: missing, limit: nil)
        }
        let storiesAfterMissing = try await store.stories()
        XCTAssertEqual(storiesAfterMissing, [story])

        for title in ["one", "two"] {
            _ = try await store.addDocument(document(title), analysis: analysis(title), to: story.id, limit: 2)
        }
        let full = try await store.story(story.id)
        let fullDocuments = try await store.documents(of: story.id)
        let fullAnalyses = try await store.analyses(of: story.id)
        try await store.cacheTimeline(Data("timeline".utf8), of: story.id, revision: 2)
        await assertThrows(StoryStoreError.storyFull(limit: 2)) {
            _ = try await store.addDocument(document("three"), analysis: analysis("three"), to: story.id, limit: 2)
        }
        await assertThrows(StoryStoreError.storyFull(limit: 1)) {
            _ = try await store.addDocument(document("three"), analysis: analysis("three"), to: story.id, limit: 1)
        }
        let afterStory = try await store.story(story.id)
        let afterDocuments = try await store.documents(of: story.id)
        let afterAnalyses = try await store.analyses(of: story.id)
        let afterTimeline = try await store.cachedTimeline(of: story.id, revision: 2)
        XCTAssertEqual(afterStory, full)
        XCTAssertEqual(afterDocuments, fullDocuments)
        XCTAssertEqual(afterAnalyses?.revision, fullAnalyses?.revision)
        XCTAssertEqual(afterAnalyses?.analyses, fullAnalyses?.analyses)
        XCTAssertEqual(afterTimeline, Data("timeline".utf8), "a failed write keeps the cached timeline")

        let empty = try await store.createStory(title: "Empty")
        await assertThrows(StoryStoreError.storyFull(limit: 0)) {
            _ = try await store.addDocument(document("none"), analysis: analysis("none"), to: empty.id, limit: 0)
        }
        let unlimited = try await store.addDocument(document("three"), analysis: analysis("three"), to: story.id, limit: nil)
        XCTAssertEqual(unlimited.storyID, story.id)
    }

    /// Deleting a story deletes its documents, their analyses and its cached timeline, and nothing of another story.
    static func cascadeDelete(_ store: any StoryStore) async throws {
        let story = try await store.createStory(title: "Floods")
        let kept = try await store.createStory(title: "Kept")
        let document = try await store.addDocument(document("one"), analysis: analysis("one"), to: story.id, limit: nil)
        let keptDocument = try await store.addDocument(self.document("kept"), analysis: analysis("kept"), to: kept.id, limit: nil)
        try await store.cacheTimeline(Data("timeline".utf8), of: story.id, revision: 1)
        try await store.cacheTimeline(Data("kept timeline".utf8), of: kept.id, revision: 1)
        let deleted = try await store.deleteStory(story.id)
        XCTAssertTrue(deleted)
        let documents = try await store.documents(of: story.id)
        let found = try await store.document(document.id, of: story.id)
        let analyses = try await store.analyses(of: story.id)
        let timeline = try await store.cachedTimeline(of: story.id, revision: 1)
        XCTAssertNil(documents)
        XCTAssertNil(found)
        XCTAssertNil(analyses)
        XCTAssertNil(timeline)
        await assertThrows(StoryStoreError.storyNotFound(story.id)) {
            _ = try await store.addDocument(self.document("late"), analysis: analysis("late"), to: story.id, limit: nil)
        }
        let keptDocuments = try await store.documents(of: kept.id)
        let keptAnalyses = try await store.analyses(of: kept.id)
        let keptTimeline = try await store.cachedTimeline(of: kept.id, revision: 1)
        XCTAssertEqual(keptDocuments, [keptDocument])
        XCTAssertEqual(keptAnalyses?.analyses.map(\.analysis), [analysis("kept")])
        XCTAssertEqual(keptTimeline, Data("kept timeline".utf8))
    }

    /// 8 tasks add 10 documents each to one story and delete one of theirs: every document is there once, the
    /// positions are unique and the revision counts every change.
    static func concurrentWriters(_ store: any StoryStore) async throws {
        let story = try await store.createStory(title: "Busy")
        let tasks = 8
        let perTask = 10
        let kept = try await withThrowingTaskGroup(of: [DocumentRecord].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var mine: [DocumentRecord] = []
                    for index in 0..<perTask {
                        let title = "\(task).\(index)"
                        mine.append(try await store.addDocument(document(title), analysis: analysis(title), to: story.id, limit: nil))
                    }
                    let removed = mine.remove(at: perTask / 2)
                    let deleted = try await store.deleteDocument(removed.id, of: story.id)
                    XCTAssertTrue(deleted)
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let documents = try await store.documents(of: story.id) ?? []
        XCTAssertEqual(documents.count, tasks * (perTask - 1))
        XCTAssertEqual(Set(documents.map(\.id)).count, documents.count, "every document once")
        XCTAssertEqual(Set(documents.map(\.position)).count, documents.count, "positions are unique")
        XCTAssertEqual(documents.map(\.position), documents.map(\.position).sorted())
        XCTAssertEqual(Set(documents), Set(kept))
        let record = try await store.story(story.id)
        XCTAssertEqual(record?.revision, Int64(tasks * (perTask + 1)), "the revision counts every addition and deletion")
        XCTAssertEqual(record?.documentCount, documents.count)
        let analyses = try await store.analyses(of: story.id)
        XCTAssertEqual(analyses?.analyses.map(\.documentID), documents.map(\.id))
        XCTAssertEqual(analyses?.analyses.map(\.analysis), documents.map { analysis($0.document.title ?? "") })
    }

    /// Empty, unicode (with a NUL and a decomposed accent) and 5 MB texts, and binary analyses, come back
    /// byte-identical.
    static func roundTrips(_ store: any StoryStore) async throws {
        let title = "Zoë \u{0} 東京 🇺🇦 e\u{301}"
        let story = try await store.createStory(title: title)
        let readStory = try await store.story(story.id)
        XCTAssertEqual(readStory.map { Array($0.title.utf8) }, Array(title.utf8))
        let large = String(repeating: "Ünïcödé text, line after line.\n", count: 5_000_000 / 33 + 1)
        XCTAssertGreaterThan(large.utf8.count, 5_000_000)
        let cases: [(NewDocument, Data)] = [
            (NewDocument(title: "", published: "", url: "", text: "", source: "", format: ""), Data()),
            (NewDocument(title: nil, published: nil, url: nil, text: "a\u{0}b\r\n\t\u{FEFF}e\u{301} 𝄞 ﷽", source: nil), Data([0, 255, 0, 1])),
            (NewDocument(title: title, text: large, source: "<p>" + large + "</p>", format: "html"), pattern(count: 5_000_000, step: 31)),
        ]
        var records: [DocumentRecord] = []
        for (document, analysis) in cases {
            records.append(try await store.addDocument(document, analysis: analysis, to: story.id, limit: nil))
        }
        let documents = try await store.documents(of: story.id) ?? []
        XCTAssertEqual(documents.count, cases.count)
        for (read, (sent, _)) in zip(documents, cases) {
            XCTAssertEqual(bytes(read.document), bytes(sent))
        }
        for record in records {
            let read = try await store.document(record.id, of: story.id)
            XCTAssertEqual(read.map { bytes($0.document) }, bytes(record.document))
        }
        let analyses = try await store.analyses(of: story.id)
        XCTAssertEqual(analyses?.analyses.map(\.analysis), cases.map(\.1))
        XCTAssertEqual(analyses?.analyses.map { $0.title.map { Array($0.utf8) } }, cases.map { $0.0.title.map { Array($0.utf8) } })
        let timeline = pattern(count: 1_000_000, step: 7)
        try await store.cacheTimeline(timeline, of: story.id, revision: 3)
        let cached = try await store.cachedTimeline(of: story.id, revision: 3)
        XCTAssertEqual(cached, timeline)
    }

    /// `count` bytes of every value, in a pattern that does not repeat every 256 bytes when `step` is odd.
    static func pattern(count: Int, step: Int) -> Data {
        var bytes = [UInt8](repeating: 0, count: count)
        var value = 0
        for index in bytes.indices {
            bytes[index] = UInt8(truncatingIfNeeded: value ^ (index >> 8))
            value &+= step
        }
        return Data(bytes)
    }

    /// The UTF-8 bytes of every field (String's == compares canonical equivalents, which is not byte-identical).
    static func bytes(_ document: NewDocument) -> [[UInt8]?] {
        [document.title, document.published, document.url, document.text, document.source, document.format].map { $0.map { Array($0.utf8) } }
    }

    static func assertThrows<E: Error & Equatable>(
        _ expected: E, file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            XCTFail("expected \(expected) to be thrown", file: file, line: line)
        } catch let error as E {
            XCTAssertEqual(error, expected, file: file, line: line)
        } catch {
            XCTFail("expected \(expected), got \(error)", file: file, line: line)
        }
    }
}
