import Chronicle
import Foundation

/// The timelines the service has built, per story and revision, with their renderings per filter and format.
///
/// A story's timeline is built once per revision, however many requests ask for it at the same time (they
/// wait for the one build), and each rendering (a filter and a format) is made once per revision; a request
/// for an unchanged story is then a dictionary lookup. A new revision replaces the story's entry. The cache
/// holds at most `maximumStories` stories (the least recently used goes first) and `maximumRenderings`
/// renderings per story (the oldest goes first), so its memory is bounded whatever clients ask for.
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
    }

    private let maximumStories: Int
    private let maximumRenderings: Int
    private var stories: [Int64: Story] = [:]
    private var clock = 0

    init(maximumStories: Int = 64, maximumRenderings: Int = 64) {
        self.maximumStories = max(1, maximumStories)
        self.maximumRenderings = max(1, maximumRenderings)
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
        var story = entry(id, revision: revision)
        if story.renderings.updateValue(data, forKey: key) == nil {
            story.renderingOrder.append(key)
            if story.renderingOrder.count > maximumRenderings {
                story.renderings[story.renderingOrder.removeFirst()] = nil
            }
        }
        stories[id] = story
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
        stories[id] = story
        do {
            return try await task.value
        } catch {
            if stories[id]?.build?.token == token { stories[id]?.build = nil }
            throw error
        }
    }

    /// Forgets a story (deleted).
    func forget(story id: Int64) {
        stories[id] = nil
    }

    /// The story's entry, a fresh one when it has none or one for another revision; marked as just used.
    private func entry(_ id: Int64, revision: Int64) -> Story {
        clock += 1
        if var story = stories[id], story.revision == revision {
            story.lastUse = clock
            return story
        }
        if stories[id] == nil, stories.count >= maximumStories,
            let oldest = stories.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
        {
            stories[oldest] = nil
        }
        return Story(revision: revision, lastUse: clock)
    }
}
