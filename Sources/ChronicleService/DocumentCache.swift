import Chronicle
import Foundation

/// Analysed documents kept decoded in memory, by their id in the store, so that assembling a story's timeline
/// after a change decodes only the documents it has not seen (a stored document never changes: a new
/// analysis is a new document).
///
/// The service puts each document it analyses here as it stores it, so the usual read after an add decodes
/// nothing. An entry also records its archive's size, and is used only for an archive of that size (a guard
/// against a store that reused an id). The cache holds at most `maximumBytes` bytes of analyses, by their
/// ``Document/estimatedFootprint`` (about 30 times their text's size); the least recently used documents go first.
final class DocumentCache: Sendable {
    private struct Entry {
        var document: Document
        var size: Int
        var archiveBytes: Int
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Int64: Entry] = [:]
        var size = 0
        var clock: UInt64 = 0
    }

    private let maximumBytes: Int
    private let state = NSLockedBox(State())

    init(maximumBytes: Int = 32 << 20) {
        self.maximumBytes = max(0, maximumBytes)
    }

    /// The document stored under `id` with an archive of `archiveBytes` bytes, if it is kept.
    func document(_ id: Int64, archiveBytes: Int) -> Document? {
        state.withLock { state in
            guard var entry = state.entries[id], entry.archiveBytes == archiveBytes else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[id] = entry
            return entry.document
        }
    }

    /// Keeps a document (unless it alone is larger than the cache), making room by dropping the least
    /// recently used ones.
    func keep(_ document: Document, id: Int64, archiveBytes: Int) {
        let size = max(1, document.estimatedFootprint)
        guard size <= maximumBytes else { return }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries.updateValue(Entry(document: document, size: size, archiveBytes: archiveBytes, lastUse: state.clock), forKey: id) {
                state.size -= old.size
            }
            state.size += size
            if state.size > maximumBytes {
                // Drop the oldest until a quarter of the room is free: one sort per many insertions.
                let target = maximumBytes - maximumBytes / 4
                for (key, entry) in state.entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) where state.size > target && key != id {
                    state.entries[key] = nil
                    state.size -= entry.size
                }
            }
        }
    }

    /// Forgets the documents of these ids (deleted).
    func forget(_ ids: some Sequence<Int64>) {
        state.withLock { state in
            for id in ids {
                if let old = state.entries.removeValue(forKey: id) { state.size -= old.size }
            }
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}

/// A value behind a lock (Foundation's `NSLock`), for state shared by threads that never wait long for it.
final class NSLockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
