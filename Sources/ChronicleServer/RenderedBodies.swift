import ChronicleService
import Foundation
import Hummingbird
import Synchronization

/// The response bodies of rendered timelines, kept as NIO buffers per story, rendering and revision, so that
/// serving an unchanged timeline copies nothing: the same buffer (copy-on-write, never written) goes out on
/// every connection. A timeline's JSON is hundreds of kilobytes; copying it into a fresh buffer on every request
/// cost more than everything else the request does. At most `maximumEntries` bodies of `maximumBytes` bytes in
/// all are kept; when full, the kept bodies are dropped together (one that does not fit is served, not kept).
final class RenderedBodies: Sendable {
    private struct Key: Hashable {
        var story: Int64
        var rendering: String
    }

    private struct Entry {
        var revision: Int64
        var body: ByteBuffer
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    private let maximumEntries: Int
    private let maximumBytes: Int

    init(maximumEntries: Int = 256, maximumBytes: Int = 16 << 20) {
        self.maximumEntries = max(1, maximumEntries)
        self.maximumBytes = max(0, maximumBytes)
    }

    /// The kept body of the rendering `rendering` of the story at `revision`, if any.
    func body(story: Int64, rendering: String, revision: Int64) -> ByteBuffer? {
        guard let entry = state.withLock({ $0.entries[Key(story: story, rendering: rendering)] }), entry.revision == revision else { return nil }
        return entry.body
    }

    /// The body of `data`, the rendering `rendering` of the story at `revision`: the kept buffer when it holds
    /// that revision's rendering, else a new one (then kept).
    func body(story: Int64, rendering: String, revision: Int64, data: some Collection<UInt8>) -> ByteBuffer {
        let key = Key(story: story, rendering: rendering)
        if let entry = state.withLock({ $0.entries[key] }), entry.revision == revision, entry.body.readableBytes == data.count {
            return entry.body
        }
        let body = ByteBuffer(bytes: data)
        guard data.count <= maximumBytes else { return body }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.body.readableBytes }
            if state.entries.count >= maximumEntries || state.bytes + data.count > maximumBytes {
                // Full: start again (the bodies are remade from the service's own cache on the next requests).
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.entries[key] = Entry(revision: revision, body: body)
            state.bytes += data.count
        }
        return body
    }
}
