import ChronicleService
import Foundation
import Hummingbird
import Synchronization

/// The response bodies of rendered timelines, kept as NIO buffers per story, rendering and revision, so that
/// serving an unchanged timeline copies nothing: the same buffer (copy-on-write, never written) goes out on
/// every connection. A timeline's JSON is hundreds of kilobytes; copying it into a fresh buffer on every request
/// cost more than everything else the request does. At most `maximumEntries` bodies of `maximumBytes` bytes in
/// all are kept; when full, the kept bodies are dropped together (one that does not fit is served, not kept).
/// Each body is kept with its entity tag (``EntityTag``), computed once from its bytes.
final class RenderedBodies: Sendable {
    /// A kept body and its entity tag.
    struct Rendered {
        var body: ByteBuffer
        var tag: String
    }

    private struct Key: Hashable {
        var story: Int64
        var rendering: String
    }

    private struct Entry {
        var revision: Int64
        var rendered: Rendered
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
    func body(story: Int64, rendering: String, revision: Int64) -> Rendered? {
        guard let entry = state.withLock({ $0.entries[Key(story: story, rendering: rendering)] }), entry.revision == revision else { return nil }
        return entry.rendered
    }

    /// The body of `data`, the rendering `rendering` of the story at `revision`: the kept buffer when it holds
    /// that revision's rendering, else a new one (then kept).
    func body(story: Int64, rendering: String, revision: Int64, data: some Collection<UInt8>) -> Rendered {
        let key = Key(story: story, rendering: rendering)
        if let entry = state.withLock({ $0.entries[key] }), entry.revision == revision, entry.rendered.body.readableBytes == data.count {
            return entry.rendered
        }
        let body = ByteBuffer(bytes: data)
        let rendered = Rendered(body: body, tag: body.withUnsafeReadableBytes { EntityTag.of($0) })
        guard data.count <= maximumBytes else { return rendered }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.rendered.body.readableBytes }
            if state.entries.count >= maximumEntries || state.bytes + data.count > maximumBytes {
                // Full: start again (the bodies are remade from the service's own cache on the next requests).
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.entries[key] = Entry(revision: revision, rendered: rendered)
            state.bytes += data.count
        }
        return rendered
    }
}
