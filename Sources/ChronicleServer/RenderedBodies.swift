import ChronicleService
import Foundation
import Hummingbird
import Synchronization

/// The response bodies of rendered timelines, kept as NIO buffers per story, rendering and revision, so that
/// serving an unchanged timeline copies nothing: the same buffer (copy-on-write, never written) goes out on
/// every connection. A timeline's JSON is hundreds of kilobytes; copying it into a fresh buffer on every request
/// cost more than everything else the request does.
final class RenderedBodies: Sendable {
    private struct Key: Hashable {
        var story: Int64
        var rendering: String
    }

    private struct Entry {
        var revision: Int64
        var body: ByteBuffer
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let maximumEntries: Int

    init(maximumEntries: Int = 256) {
        self.maximumEntries = max(1, maximumEntries)
    }

    /// The kept body of the rendering `rendering` of the story at `revision`, if any.
    func body(story: Int64, rendering: String, revision: Int64) -> ByteBuffer? {
        guard let entry = entries.withLock({ $0[Key(story: story, rendering: rendering)] }), entry.revision == revision else { return nil }
        return entry.body
    }

    /// The body of `data`, the rendering `rendering` of the story at `revision`: the kept buffer when it holds
    /// that revision's rendering, else a new one (then kept).
    func body(story: Int64, rendering: String, revision: Int64, data: Data) -> ByteBuffer {
        let key = Key(story: story, rendering: rendering)
        if let entry = entries.withLock({ $0[key] }), entry.revision == revision, entry.body.readableBytes == data.count {
            return entry.body
        }
        let body = ByteBuffer(bytes: data)
        entries.withLock { entries in
            if entries.count >= maximumEntries, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(revision: revision, body: body)
        }
        return body
    }
}
