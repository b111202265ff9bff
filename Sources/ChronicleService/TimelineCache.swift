import Chronicle
import Foundation

/// The timelines the service has built, per story and revision, with their renderings per filter and format.
///
/// A story's timeline is built once per revision, however many requests ask for it at the same time (they
/// wait for the one build), and each rendering (a filter and a format) is made once per revision; a request
/// for an unchanged story is then a dictionary lookup. A new revision replaces the story's entry.
///
/// Its memory is bounded whatever clients ask for: at most `maximumStories` stories and `maximumRenderings`
/// renderings per story (the oldest rendering goes first), and at most `maximumBytes` bytes of renderings and
/// built timelines (``Timeline/estimatedFootprint``) in all: past that the least recently used stories go
/// first, then the oldest renderings of the story in use. A rendering larger than the whole budget is not kept.
actor TimelineCache {
    /// A built timeline and the revision of the analyses it was built from.
    struct Built: Sendable {
        var revision: Int64
        var timeline: Timeline
    }

    private struct Story {
        var revision: Int64
        var build: (token: Int, task: Task<Built, any Error>)?
        var renderings: [String: Data] = [:]
        var renderingOrder: [String] = []
        var lastUse: Int
        /// The bytes of its renderings and of its built timeline.
        var bytes = 0
    }

    private let maximumStories: Int
    private let maximumRenderings: Int
    private let maximumBytes: Int
    private var stories: [Int64: Story] = [:]
    private var clock = 0
    /// The bytes of every story's renderings and built timeline.
    private(set) var bytes = 0

    init(maximumStories: Int = 64, maximumRenderings: Int = 64, maximumBytes: Int = 32 << 20) {
        self.maximumStories = max(1, maximumStories)
        self.maximumRenderings = max(1, maximumRenderings)
        self.maximumBytes = max(0, maximumBytes)
    }

    /// The rendering cached under `key` for the story at `revision`.
    func rendering(story id: Int64, revision: Int64, key: String) -> Data? {
        guard var story = stories[id], story.revision == revision, let data = story.renderings[key] else { return nil }
        clock += 1
        story.lastUse = clock
        stories[id] = story
        return data
    }

    /// Keeps a rendering of the story at `revision` (dropped if the story has moved on meanwhile).
    func keep(_ data: Data, story id: Int64, revision: Int64, key: String) {
        guard data.count <= maximumBytes else { return }
        var story = entry(id, revision: revision)
        if let old = story.renderings.updateValue(data, forKey: key) {
            story.bytes -= old.count
        } else {
            story.renderingOrder.append(key)
            if story.renderingOrder.count > maximumRenderings, let dropped = story.renderings.removeValue(forKey: story.renderingOrder.removeFirst()) {
                story.bytes -= dropped.count
            }
        }
        story.bytes += data.count
        store(story, id)
    }

    /// The story's timeline at `revision`: the one built or being built, else `build()`'s.
    func timeline(story id: Int64, revision: Int64, build: @escaping @Sendable () async throws -> Built) async throws -> Built {
        var story = entry(id, revision: revision)
        if let (_, task) = story.build {
            stories[id] = story
            return try await task.value
        }
        clock += 1
        let token = clock
        let task = Task { try await build() }
        story.build = (token, task)
        store(story, id)
        do {
            let built = try await task.value
            // The built timeline counts once, when its build is done (and its story still cached).
            if var story = stories[id], story.build?.token == token {
                story.bytes += built.timeline.estimatedFootprint
                store(story, id)
            }
            return built
        } catch {
            if stories[id]?.build?.token == token { stories[id]?.build = nil }
            throw error
        }
    }

    /// Forgets a story (deleted).
    func forget(story id: Int64) {
        if let story = stories.removeValue(forKey: id) { bytes -= story.bytes }
    }

    /// Puts the story's entry back with its new size, then drops the least recently used other stories, and at
    /// last this story's oldest renderings, while the cache holds more than `maximumBytes`.
    private func store(_ story: Story, _ id: Int64) {
        var story = story
        bytes += story.bytes - (stories[id]?.bytes ?? 0)
        stories[id] = story
        while bytes > maximumBytes,
            let oldest = stories.filter({ $0.key != id }).min(by: { $0.value.lastUse < $1.value.lastUse })?.key
        {
            forget(story: oldest)
        }
        guard bytes > maximumBytes else { return }
        while bytes > maximumBytes, story.renderingOrder.count > 1 {
            if let dropped = story.renderings.removeValue(forKey: story.renderingOrder.removeFirst()) {
                story.bytes -= dropped.count
                bytes -= dropped.count
            }
        }
        stories[id] = story
    }

    /// The story's entry, a fresh one when it has none or one for another revision; marked as just used.
    private func entry(_ id: Int64, revision: Int64) -> Story {
        clock += 1
        if var story = stories[id], story.revision == revision {
            story.lastUse = clock
            return story
        }
        if let old = stories[id] {
            // A new revision: the old one's renderings and timeline are gone.
            bytes -= old.bytes
            stories[id] = nil
        } else if stories.count >= maximumStories, let oldest = stories.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            forget(story: oldest)
        }
        return Story(revision: revision, lastUse: clock)
    }
}
