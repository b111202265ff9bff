import Chronicle
import Foundation

/// The renderings of a story's timeline the service serves and caches.
public enum TimelineRendering: String, Hashable, Sendable, CaseIterable {
    /// The `chronicle.timeline/1` JSON (compact).
    case json
    /// The self-contained timeline page (``TimelineHTMLRenderer``).
    case html
    /// Knight Lab TimelineJS JSON of the key entries (every entry when filtered) (``TimelineJSWriter``).
    case timelinejs
    /// An iCalendar file of the dated entries (``TimelineICSWriter``).
    case ics
}

/// What the HTTP service and the `chronicle story` command do with stories: the logic between them and a
/// ``StoryStore``.
///
/// - Adding a document validates it, reduces an HTML body to its article text, runs the whole ``Pipeline``
///   with the document's publication date as creation time, and stores the analysed document
///   (``DocumentArchive``) with it. That is all a write costs: the story's timeline is assembled lazily, on
///   the next read, from the stored analyses (no document is analysed twice). Decoded analyses are kept in
///   memory (``DocumentCache``), so an assembly decodes only the archives it has not seen.
/// - Analyses run on at most ``Configuration/maximumConcurrentAnalyses`` threads at once, outside Swift's
///   cooperative pool, behind a bounded queue (``StoryServiceError/busy`` when it is full), each within
///   ``Configuration/analysisTimeLimit`` (``StoryServiceError/timedOut(limit:)`` past it, and nothing stored).
/// - A story's timeline is built once per revision and each rendering (format and filter) made once per
///   revision (``TimelineCache``); the unfiltered JSON is also kept in the store (``StoryStore/cacheTimeline(_:of:revision:)``),
///   so a restarted service serves it without assembling the story again (the same build: see ``StoredRendering``).
public final class StoryService: Sendable {
    /// The service's limits.
    public struct Configuration: Hashable, Sendable {
        /// The most documents a story may have (`nil`: no limit).
        public var maximumDocumentsPerStory: Int?
        /// How many documents are analysed at once (default: the number of cores).
        public var maximumConcurrentAnalyses: Int
        /// How many more documents may wait for an analysis slot before adding one fails with ``StoryServiceError/busy``.
        public var maximumQueuedAnalyses: Int
        /// The longest article text analysed, in UTF-8 bytes (as `chronicle timeline --max-document-bytes`).
        public var maximumDocumentBytes: Int
        /// The longest story or document title, in characters.
        public var maximumTitleLength: Int
        /// How long a story's revision read from the store is trusted before a timeline read asks the store again.
        /// Changes made through this service are seen at once whatever the interval; changes by another process
        /// sharing the store (`chronicle story add`, a second server) within this time. Zero: every timeline
        /// read asks the store.
        public var revisionRecheckInterval: Duration
        /// The longest an analysis may take, its wait for a slot included, before adding the document fails
        /// with ``StoryServiceError/timedOut(limit:)`` and nothing is stored (`nil`: no limit).
        public var analysisTimeLimit: Duration?
        /// The memory the service's caches may take, in bytes: half for analysed documents kept decoded, half for
        /// built timelines and their renderings (the server keeps its response bodies within a further quarter).
        public var maximumCacheBytes: Int
        /// The stamp of the build that renders timelines (by default, this executable's): a timeline kept in the
        /// store under another stamp is not served but assembled again.
        public var renderingStamp: String

        public init(
            maximumDocumentsPerStory: Int? = nil, maximumConcurrentAnalyses: Int = ProcessInfo.processInfo.activeProcessorCount,
            maximumQueuedAnalyses: Int = 64, maximumDocumentBytes: Int = 4_000_000, maximumTitleLength: Int = 1_000,
            revisionRecheckInterval: Duration = .seconds(1),
            analysisTimeLimit: Duration? = nil, maximumCacheBytes: Int = 64 << 20, renderingStamp: String? = nil
        ) {
            self.maximumCacheBytes = maximumCacheBytes
            self.renderingStamp = renderingStamp ?? StoredRendering.buildStamp
            self.maximumDocumentsPerStory = maximumDocumentsPerStory
            self.maximumConcurrentAnalyses = maximumConcurrentAnalyses
            self.maximumQueuedAnalyses = maximumQueuedAnalyses
            self.maximumDocumentBytes = maximumDocumentBytes
            self.maximumTitleLength = maximumTitleLength
            self.revisionRecheckInterval = revisionRecheckInterval
            self.analysisTimeLimit = analysisTimeLimit
        }
    }

    public let store: any StoryStore
    public let configuration: Configuration
    private let pipeline: Pipeline
    private let gate: AnalysisGate
    private let cache: TimelineCache
    private let documentCache: DocumentCache
    private let revisions: RevisionCache

    /// A service over `store`; `pipeline` analyses the documents (every stage by default).
    public init(store: any StoryStore, configuration: Configuration = Configuration(), pipeline: Pipeline = Pipeline(stages: .all)) {
        self.store = store
        self.configuration = configuration
        self.pipeline = pipeline
        self.gate = AnalysisGate(slots: configuration.maximumConcurrentAnalyses, maximumWaiting: configuration.maximumQueuedAnalyses)
        self.revisions = RevisionCache(interval: configuration.revisionRecheckInterval)
        self.cache = TimelineCache(maximumBytes: configuration.maximumCacheBytes / 2)
        self.documentCache = DocumentCache(maximumBytes: configuration.maximumCacheBytes / 2)
    }

    // MARK: Stories

    /// Creates a story; the title is trimmed and must not be empty.
    public func createStory(title: String) async throws -> StoryRecord {
        try await store.createStory(title: try validTitle(title, field: "title")!)
    }

    /// Every story, oldest first.
    public func stories() async throws -> [StoryRecord] {
        try await store.stories()
    }

    /// The story `id`; throws ``StoryServiceError/storyNotFound(_:)``.
    public func story(_ id: Int64) async throws -> StoryRecord {
        guard let story = try await store.story(id) else { throw StoryServiceError.storyNotFound(id) }
        return story
    }

    /// The oldest story with this title (trimmed, compared exactly), if any: how the command line names stories.
    public func story(titled title: String) async throws -> StoryRecord? {
        let wanted = title.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await store.stories().first { $0.title == wanted }
    }

    /// Deletes a story with its documents; throws ``StoryServiceError/storyNotFound(_:)``.
    public func deleteStory(_ id: Int64) async throws {
        revisions.forget(id)
        defer { revisions.forget(id) }
        guard try await store.deleteStory(id) else { throw StoryServiceError.storyNotFound(id) }
        await cache.forget(story: id)
    }

    // MARK: Documents

    /// Validates, analyses and stores a document at the end of a story. The story's timeline is rebuilt on
    /// its next read.
    public func addDocument(_ input: DocumentSubmission, to storyID: Int64) async throws -> DocumentRecord {
        let (document, creationTime) = try prepare(input)
        // Fail before the analysis when the story is missing or full (the store checks again when adding).
        let story = try await story(storyID)
        if let limit = configuration.maximumDocumentsPerStory, story.documentCount >= limit { throw StoryServiceError.storyFull(limit: limit) }
        let (analysed, archive) = try await analysed(document.text, creationTime: creationTime)
        let record: DocumentRecord
        revisions.forget(storyID)
        defer { revisions.forget(storyID) }
        do {
            record = try await store.addDocument(document, analysis: archive, to: storyID, limit: configuration.maximumDocumentsPerStory)
        } catch let error as StoryStoreError {
            throw Self.serviceError(error)
        }
        // The next assembly of the story takes this document as it is, without decoding its archive.
        var named = analysed
        named.id = String(record.id)
        documentCache.keep(named, id: record.id, archiveBytes: archive.count)
        return record
    }

    /// The analysed document of an article text, archived (``DocumentArchive``): the whole pipeline, in an
    /// analysis slot, within ``Configuration/analysisTimeLimit``.
    public func analyse(_ text: String, creationTime: CreationTime?) async throws -> Data {
        try await analysed(text, creationTime: creationTime).archive
    }

    /// The analysed document of an article text and its archive, made in an analysis slot.
    private func analysed(_ text: String, creationTime: CreationTime?) async throws -> (document: Document, archive: Data) {
        let pipeline = pipeline
        return try await gate.run(timeLimit: configuration.analysisTimeLimit) { () -> Result<(document: Document, archive: Data), any Error> in
            Result {
                let document = pipeline.run(text, creationTime: creationTime)
                return (document, try DocumentArchive.encode(document))
            }
        }.get()
    }

    /// The stored document of a validated input, and its creation time: the title trimmed, `published` parsed,
    /// an HTML body reduced to its article text (kept as `source`).
    public func prepare(_ input: DocumentSubmission) throws(StoryServiceError) -> (NewDocument, CreationTime?) {
        let title = try validTitle(input.title, field: "title", required: false)
        var creationTime: CreationTime?
        let published = input.published?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let published, !published.isEmpty {
            guard let parsed = CreationTime(parsing: published) else { throw .invalidDate(field: "published", value: published) }
            creationTime = parsed
        }
        let format = input.format ?? (HTMLArticleText.looksLikeHTML(input.body.utf8) ? .html : .text)
        let text = format == .html ? ArticleText.reduceHTML(input.body) : input.body
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw .invalidInput(format == .html ? "the HTML page has no article text" : "\"text\" is empty")
        }
        let bytes = text.utf8.count
        guard bytes <= configuration.maximumDocumentBytes else {
            throw .documentTooLarge(bytes: bytes, limit: configuration.maximumDocumentBytes)
        }
        let url = input.url?.trimmingCharacters(in: .whitespacesAndNewlines)
        let document = NewDocument(
            title: title, published: published.flatMap { $0.isEmpty ? nil : $0 }, url: url.flatMap { $0.isEmpty ? nil : $0 },
            text: text, source: format == .html ? input.body : nil, format: format.rawValue)
        return (document, creationTime)
    }

    /// The documents of a story in order; throws ``StoryServiceError/storyNotFound(_:)``.
    public func documents(of storyID: Int64) async throws -> [DocumentRecord] {
        guard let documents = try await store.documents(of: storyID) else { throw StoryServiceError.storyNotFound(storyID) }
        return documents
    }

    /// One document of a story; throws when the story or the document is missing.
    public func document(_ id: Int64, of storyID: Int64) async throws -> DocumentRecord {
        if let document = try await store.document(id, of: storyID) { return document }
        _ = try await story(storyID)
        throw StoryServiceError.documentNotFound(id)
    }

    /// Deletes a document; throws when the story or the document is missing.
    public func deleteDocument(_ id: Int64, of storyID: Int64) async throws {
        revisions.forget(storyID)
        defer { revisions.forget(storyID) }
        if try await store.deleteDocument(id, of: storyID) {
            documentCache.forget([id])
            return
        }
        _ = try await story(storyID)
        throw StoryServiceError.documentNotFound(id)
    }

    // MARK: Timelines

    /// The story's timeline, filtered.
    public func timeline(of storyID: Int64, filter: TimelineFilter = TimelineFilter()) async throws -> Timeline {
        let story = try await story(storyID)
        return filter.apply(to: try await built(storyID, revision: story.revision).timeline)
    }

    /// The story's timeline rendered (compact JSON or the HTML page), filtered: made once per revision,
    /// format and filter.
    public func renderedTimeline(of storyID: Int64, filter: TimelineFilter = TimelineFilter(), as rendering: TimelineRendering) async throws -> Data {
        try await timelineRendering(of: storyID, filter: filter, as: rendering).data
    }

    /// The story's timeline rendered, filtered, with the story revision it shows (made once per revision,
    /// format and filter). The revision is the store's, or one read from it at most
    /// ``Configuration/revisionRecheckInterval`` ago and not changed by this service since.
    public func timelineRendering(
        of storyID: Int64, filter: TimelineFilter = TimelineFilter(), as rendering: TimelineRendering
    ) async throws -> (revision: Int64, data: Data) {
        let revision = try await currentRevision(of: storyID)
        let key = rendering.rawValue + "\u{1E}" + filter.key
        if let data = await cache.rendering(story: storyID, revision: revision, key: key) { return (revision, data) }
        let isStoreCached = filter.isEmpty && rendering == .json
        if isStoreCached, let stored = try await store.cachedTimeline(of: storyID, revision: revision),
           let data = StoredRendering.data(of: stored, stamp: configuration.renderingStamp) {
            await cache.keep(data, story: storyID, revision: revision, key: key)
            return (revision, data)
        }
        let built = try await built(storyID, revision: revision)
        let data = await AnalysisGate.offPool { Self.render(filter.apply(to: built.timeline), as: rendering, isFiltered: !filter.isEmpty) }
        await cache.keep(data, story: storyID, revision: built.revision, key: key)
        if isStoreCached {
            try await store.cacheTimeline(StoredRendering.stamped(data, stamp: configuration.renderingStamp), of: storyID, revision: built.revision)
        }
        return (built.revision, data)
    }

    /// The story's revision as timeline reads see it: remembered (``RevisionCache``: changes through this service
    /// at once, others within ``Configuration/revisionRecheckInterval``), else read from the store. Throws
    /// ``StoryServiceError/storyNotFound(_:)``.
    public func currentRevision(of storyID: Int64) async throws -> Int64 {
        let (known, token) = revisions.revision(of: storyID)
        if let known { return known }
        let story = try await story(storyID)
        revisions.note(story.revision, of: storyID, token: token)
        return story.revision
    }

    /// A timeline rendered as the service serves it.
    static func render(_ timeline: Timeline, as rendering: TimelineRendering, isFiltered: Bool) -> Data {
        switch rendering {
        case .json: Data(TimelineJSONWriter(style: .compact).bytes(for: timeline))
        case .html: Data(TimelineHTMLRenderer(selection: isFiltered ? .all : .key).render(timeline).utf8)
        case .timelinejs: Data(TimelineJSWriter(selection: isFiltered ? .all : .key, style: .compact).write(timeline).json.utf8)
        case .ics: Data(TimelineICSWriter().write(timeline).text.utf8)
        }
    }

    /// The story's timeline at `revision` (or later), built once from the stored analyses.
    private func built(_ storyID: Int64, revision: Int64) async throws -> TimelineCache.Built {
        try await cache.timeline(story: storyID, revision: revision) { [self] in
            guard let (revision, analyses) = try await store.analyses(of: storyID) else { throw StoryServiceError.storyNotFound(storyID) }
            let documentCache = documentCache
            var documents = try await AnalysisGate.offPool { Result { try Self.documents(of: analyses, cache: documentCache) } }.get()
            // Archives of a format this build does not read: their documents are analysed again from the stored text.
            for (index, analysis) in analyses.enumerated() where documents[index] == nil {
                documents[index] = try await reanalysed(analysis, of: storyID)
            }
            let story = zip(analyses, documents).map { StoryDocument($1!, title: $0.title) }
            let timeline = await AnalysisGate.offPool { TimelineBuilder().build(story) }
            return TimelineCache.Built(revision: revision, timeline: timeline)
        }
    }

    /// The documents of stored analyses, named by their ids in the store: from `cache`, else decoded (and then
    /// kept); `nil` for an archive of a version this build does not read.
    static func documents(of analyses: [StoredAnalysis], cache: DocumentCache) throws -> [Document?] {
        try analyses.map { analysis -> Document? in
            if let document = cache.document(analysis.documentID, archiveBytes: analysis.analysis.count) { return document }
            var document: Document
            do {
                document = try DocumentArchive.decode(analysis.analysis)
            } catch DocumentArchive.ArchiveError.unsupportedVersion {
                return nil
            }
            document.id = String(analysis.documentID)
            cache.keep(document, id: analysis.documentID, archiveBytes: analysis.analysis.count)
            return document
        }
    }

    /// A stored document analysed again (its archive is of an unknown version), named by its id; kept in memory
    /// (``DocumentCache``) so that it is analysed once per process.
    private func reanalysed(_ analysis: StoredAnalysis, of storyID: Int64) async throws -> Document {
        guard let record = try await store.document(analysis.documentID, of: storyID) else { throw StoryServiceError.storyNotFound(storyID) }
        let creationTime = record.document.published.flatMap { CreationTime(parsing: $0) }
        var document = try await analysed(record.document.text, creationTime: creationTime).document
        document.id = String(analysis.documentID)
        documentCache.keep(document, id: analysis.documentID, archiveBytes: analysis.analysis.count)
        return document
    }

    // MARK: Validation

    private func validTitle(_ title: String?, field: String, required: Bool = true) throws(StoryServiceError) -> String? {
        let trimmed = title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty {
            if required { throw .invalidInput("\"\(field)\" is missing or empty") }
            return nil
        }
        guard trimmed.count <= configuration.maximumTitleLength else {
            throw .invalidInput("\"\(field)\" is longer than \(configuration.maximumTitleLength) characters")
        }
        return trimmed
    }

    private static func serviceError(_ error: StoryStoreError) -> StoryServiceError {
        switch error {
        case .storyNotFound(let id): .storyNotFound(id)
        case .storyFull(let limit): .storyFull(limit: limit)
        }
    }
}
