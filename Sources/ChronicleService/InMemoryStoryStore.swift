import Foundation

/// A ``StoryStore`` that keeps everything in memory: for tests and for embedding without a database.
public final class InMemoryStoryStore: StoryStore, @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var nextID: Int64 = 1
    private var storyRecords: [Int64: StoryRecord] = [:]
    private var documentRecords: [Int64: [DocumentRecord]] = [:]
    private var analysisData: [Int64: Data] = [:]
    private var timelines: [Int64: (revision: Int64, data: Data)] = [:]

    public init() {}

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func newID() -> Int64 {
        defer { nextID += 1 }
        return nextID
    }

    public func createStory(title: String) async throws -> StoryRecord {
        locked {
            let record = StoryRecord(id: newID(), title: title, created: Date(), documentCount: 0, revision: 0)
            storyRecords[record.id] = record
            documentRecords[record.id] = []
            return record
        }
    }

    public func stories() async throws -> [StoryRecord] {
        locked { storyRecords.values.sorted { $0.id < $1.id } }
    }

    public func story(_ id: Int64) async throws -> StoryRecord? {
        locked { storyRecords[id] }
    }

    public func deleteStory(_ id: Int64) async throws -> Bool {
        locked {
            guard storyRecords.removeValue(forKey: id) != nil else { return false }
            for document in documentRecords.removeValue(forKey: id) ?? [] { analysisData[document.id] = nil }
            timelines[id] = nil
            return true
        }
    }

    public func addDocument(_ document: NewDocument, analysis: Data, to story: Int64, limit: Int?) async throws -> DocumentRecord {
        try locked {
            guard var record = storyRecords[story], var documents = documentRecords[story] else { throw StoryStoreError.storyNotFound(story) }
            if let limit, documents.count >= limit { throw StoryStoreError.storyFull(limit: limit) }
            let position = (documents.last?.position ?? 0) + 1
            let added = DocumentRecord(id: newID(), storyID: story, position: position, added: Date(), document: document)
            documents.append(added)
            documentRecords[story] = documents
            analysisData[added.id] = analysis
            record.documentCount = documents.count
            record.revision += 1
            storyRecords[story] = record
            return added
        }
    }

    public func documents(of story: Int64) async throws -> [DocumentRecord]? {
        locked { documentRecords[story] }
    }

    public func document(_ id: Int64, of story: Int64) async throws -> DocumentRecord? {
        locked { documentRecords[story]?.first { $0.id == id } }
    }

    public func deleteDocument(_ id: Int64, of story: Int64) async throws -> Bool {
        locked {
            guard var record = storyRecords[story], var documents = documentRecords[story],
                let index = documents.firstIndex(where: { $0.id == id })
            else { return false }
            documents.remove(at: index)
            documentRecords[story] = documents
            analysisData[id] = nil
            record.documentCount = documents.count
            record.revision += 1
            storyRecords[story] = record
            return true
        }
    }

    public func analyses(of story: Int64) async throws -> (revision: Int64, analyses: [StoredAnalysis])? {
        locked {
            guard let record = storyRecords[story], let documents = documentRecords[story] else { return nil }
            let analyses = documents.map {
                StoredAnalysis(documentID: $0.id, position: $0.position, title: $0.document.title, analysis: analysisData[$0.id] ?? Data())
            }
            return (record.revision, analyses)
        }
    }

    public func cachedTimeline(of story: Int64, revision: Int64) async throws -> Data? {
        locked { timelines[story].flatMap { $0.revision == revision ? $0.data : nil } }
    }

    public func cacheTimeline(_ timeline: Data, of story: Int64, revision: Int64) async throws {
        locked {
            guard storyRecords[story]?.revision == revision else { return }
            timelines[story] = (revision, timeline)
        }
    }
}
