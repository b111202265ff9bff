import ArgumentParser
import Chronicle
import Foundation

/// `chronicle timeline`: the timeline of a story told by one or more documents.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Build the timeline of a story from the documents that tell it.",
        discussion: """
            Runs the whole pipeline (time expressions, words, events, temporal relations, statements) on each \
            document, then places every event on one calendar axis, merges the mentions of the same event across \
            documents, orders them and attaches who said what.

            Inputs: plain UTF-8 text (the first line is the title when it looks like one: short, without final \
            punctuation, followed by more text); TempEval-3 TimeML (.tml, .xml; its DCT is kept); a JSONL story \
            file (.jsonl, .ndjson, or input starting with '{') with one object per line: {"id": ..., "title": ..., \
            "published": "YYYY-MM-DD[THH:MM]", "text": ...} ("dct" is accepted for "published"); or an HTML page \
            (.html, .htm, or input that looks like HTML), reduced to its article's text, its title and its \
            publication date kept. '-' or no file reads standard input.

            Formats: 'text' (default) prints one line per entry, date first, with its source sentence shortened, \
            then the warnings; 'json' prints the chronicle.timeline/1 contract (see the README); 'html' prints a \
            self-contained page (no network requests) with the timeline drawn and the documents highlighted; \
            'timelinejs' prints the JSON of Knight Lab's TimelineJS for the key entries (--all: every entry; \
            --group-by speaker); 'ics' prints an iCalendar file with an event per dated entry (--key: the key \
            entries only). Entries without a date are left out of 'timelinejs' and 'ics', and a note on standard \
            error says how many.

            A bad input (unreadable, empty, invalid UTF-8, malformed TimeML or JSONL) is reported and nothing is \
            written; the exit status is then 1. --output FILE appears only when complete.

            With --jsonl, the input is a stream of stories and the output one compact JSON timeline per story, in \
            input order, built on --threads cores with memory bounded by the stories in flight. A line is a whole \
            story, {"id": STORY, "documents": [{"id", "title", "published", "text"}, ...]}, or one document of a \
            story, {"story": STORY, "id", "title", "published", "text"}, the consecutive lines of one story making \
            it. Each output line is the chronicle.timeline/1 object with "story" first. A story that cannot be \
            built (malformed line, over --max-bytes, lines not consecutive) is written as an error record \
            {"story": ID or null, "error": REASON, "input": NAME, "line": N} in its place, and the run goes on \
            (exit status 1 at the end). Gzip input is read directly.
            """
    )

    @Argument(help: ArgumentHelp("Input files; '-' or none for standard input.", valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp(
        "The creation time of documents that do not give one (a TimeML DCT or a JSONL \"published\" is kept).",
        valueName: "YYYY-MM-DD[THH:MM]"))
    var dct: String?

    @Option(name: .customLong("format"), help: ArgumentHelp("Output format: text, json, html, timelinejs or ics. (default: text)", valueName: "format"))
    var givenFormat: TimelineFormat?

    /// The output format (`--format`, text by default).
    var format: TimelineFormat { givenFormat ?? .text }

    @Option(name: .customLong("output"), help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var outputFile: String?

    @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Reject an input file longer than this many bytes.", valueName: "N"))
    var maximumBytes = 32 << 20

    @Option(name: .customLong("max-document-bytes"), help: ArgumentHelp(
        "Reject a document whose text is longer than this many bytes (the same as --max-bytes by default: a document's timeline costs about linear time in its length, and about 80 bytes of memory per byte of text). (default: 33554432)",
        valueName: "N"))
    var maximumDocumentBytes = TimelineStory.defaultMaximumDocumentBytes

    @Option(help: ArgumentHelp(
        "The kind of text (auto, news, narrative, colloquial), as for 'chronicle tag'. (default: auto)", valueName: "genre"))
    var genre: TemporalTagger.Genre = .auto

    @Option(help: ArgumentHelp("Run the pipeline on N threads. (default: all cores)", valueName: "N"))
    var threads: Int?

    @Flag(name: .customLong("all"), help: ArgumentHelp(
        "Show every entry in the text and HTML views, not only the key ones (the JSON always has every entry, with 'salience' and 'key')."))
    var showsAllEntries = false

    @Option(name: .customLong("group-by"), help: ArgumentHelp(
        "With --format timelinejs: group the events by document (its title) or by speaker. (default: document)", valueName: "document|speaker"))
    var grouping: TimelineJSWriter.Grouping = .document

    @Flag(name: .customLong("key"), help: ArgumentHelp("With --format ics: only the key entries (the default writes every dated entry)."))
    var keyEntriesOnly = false

    @Option(name: .customLong("dtstamp"), help: ArgumentHelp(
        "With --format ics: the DTSTAMP of every event (default: the latest creation time of the documents).", valueName: "YYYY-MM-DD[THH:MM]"))
    var timestamp: String?

    @Option(name: .customLong("about"), help: ArgumentHelp(
        "The timeline of one entity: only the entries in which NAME takes part (as subject, object, speaker or possessor); variants of the name found in the story count.",
        valueName: "NAME"))
    var about: String?

    @Flag(help: ArgumentHelp("Read a stream of stories as JSON lines and write one compact JSON timeline per story."))
    var jsonl = false

    func validate() throws {
        if jsonl, let format = givenFormat, format != .json { throw ValidationError("--jsonl writes JSON: --format \(format.rawValue) cannot be used with it") }
        if jsonl, about != nil { throw ValidationError("--about cannot be used with --jsonl") }
        if let dct, CreationTime(parsing: dct) == nil {
            throw ValidationError("""
                invalid --dct '\(dct)': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (also accepted: YYYYMMDD, \
                YYYY-MM-DDTHH:MM:SS), for example 2015-10-29 or 2015-10-29T14:30
                """)
        }
        if let timestamp, CreationTime(parsing: timestamp) == nil {
            throw ValidationError("invalid --dtstamp '\(timestamp)': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
        }
        if showsAllEntries && keyEntriesOnly { throw ValidationError("--all and --key cannot be given together") }
        if maximumBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
        if maximumDocumentBytes < 1 { throw ValidationError("--max-document-bytes must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
    }

    func run() throws {
        let console = Console()
        let story = TimelineStory(
            creationTime: dct.flatMap { CreationTime(parsing: $0) }, maximumBytes: maximumBytes,
            maximumDocumentBytes: maximumDocumentBytes, threads: threads ?? availableCores, genre: genre)
        let arguments = files.isEmpty ? ["-"] : files
        if jsonl {
            do {
                try TimelineJSONL(story: story).run(inputs: arguments, output: outputFile, console: console)
            } catch let failure as CommandFailure {
                failure.report(to: console)
                throw ExitCode.failure
            }
            return
        }
        do {
            if let outputFile { try refuseOverwriting(arguments.filter { $0 != "-" }, with: [outputFile]) }
            var timeline = try story.timeline(of: arguments)
            if let about { timeline.entries = timeline.entries(about: about) }
            let selection: TimelineTextRenderer.Selection
            switch format {
            case .ics: selection = keyEntriesOnly ? .key : .all
            default: selection = showsAllEntries || about != nil ? .all : .key
            }
            let export = TimelineExport(grouping: grouping, timestamp: timestamp.flatMap { CreationTime(parsing: $0) })
            let rendered = story.rendering(timeline, as: format, selection: selection, export: export)
            let sink = try outputFile.map { try OutputSink(atomicallyWritingTo: $0) } ?? .standardOutput()
            do {
                try sink.write(rendered.text)
                try sink.commit()
            } catch {
                sink.discard()
                throw error
            }
            if let undated = rendered.undatedCount, undated > 0 {
                console.error("note: \(undated) \(undated == 1 ? "entry" : "entries") without a date left out of the \(format.rawValue) export")
            }
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        }
    }
}

/// The output formats of `chronicle timeline`.
enum TimelineFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json, html, timelinejs, ics
}

extension TimelineJSWriter.Grouping: ExpressibleByArgument {}

/// The choices of the calendar-like formats (`timelinejs`, `ics`).
struct TimelineExport: Sendable {
    /// `--group-by`.
    var grouping: TimelineJSWriter.Grouping = .document
    /// `--dtstamp`.
    var timestamp: CreationTime?
}

/// Reading a story's documents, running the pipeline on them, and building and rendering their timeline.
struct TimelineStory: Sendable {
    /// `--dct`: the creation time of documents without one.
    var creationTime: CreationTime?
    var maximumBytes: Int = 32 << 20
    /// The longest document text accepted: `--max-bytes` by default (a document's timeline costs about linear time,
    /// 3 s per MB with the pipeline, and about 80 MB of memory per MB of text).
    var maximumDocumentBytes: Int = Self.defaultMaximumDocumentBytes
    var threads: Int = availableCores
    /// `--genre`: what underspecified time expressions hang on.
    var genre: TemporalTagger.Genre = .auto

    static let defaultMaximumDocumentBytes = 32 << 20

    /// One document as read, before the pipeline.
    struct Item: Sendable {
        var document: Document
        var title: String?
    }

    /// The timeline of the documents in `arguments` (paths, `-` for standard input). Every input is read
    /// before any fails the whole: all problems are reported at once.
    func timeline(of arguments: [String]) throws -> Timeline {
        var items: [Item] = []
        var problems: [String] = []
        for argument in arguments {
            do {
                let read = try read(argument)
                for item in read where item.document.text.utf8.count > maximumDocumentBytes {
                    problems.append("""
                        error: \(argument == "-" ? "<stdin>" : argument): document '\(item.document.id)' is \
                        \(item.document.text.utf8.count) bytes long; a timeline is built from documents of at most \
                        \(maximumDocumentBytes) bytes (--max-document-bytes)
                        """)
                }
                items += read
            } catch let failure as CommandFailure {
                problems += failure.lines
            }
        }
        guard problems.isEmpty else {
            if arguments.count > 1 {
                let failed = problems.count
                problems.append("error: \(failed) of \(arguments.count) inputs failed; no timeline written")
            }
            throw CommandFailure(lines: problems)
        }
        return timeline(of: items)
    }

    /// A document of a story file, with `--dct` when it has no creation time.
    func item(_ read: StoryFileReader.Item) -> Item {
        var item = Item(document: read.document, title: read.title)
        if item.document.creationTime == nil { item.document.creationTime = creationTime }
        return item
    }

    /// The timeline of documents already read: the whole pipeline on each (on `threads` threads), then
    /// ``TimelineBuilder``.
    func timeline(of items: [Item], threads: Int? = nil) -> Timeline {
        let threads = threads ?? self.threads
        // The documents go through the pipeline in parts of about Pipeline.batchBytes, one part per thread at a
        // time, each part stage by stage (the stages' models stay in cache).
        let pipeline = Pipeline(stages: .all, temporalTagger: TemporalTagger(options: TemporalTagger.Options(genre: genre)))
        let sizes = items.map(\.document.text.utf8.count)
        let parts = Pipeline.batches(byteCounts: sizes, workers: threads).map { Array(items[$0]) }
        let annotated = parallelMap(parts, threads: threads) { part -> [StoryDocument] in
            var documents = part.map(\.document)
            pipeline.run(&documents)
            return zip(documents, part).map { StoryDocument($0, title: $1.title) }
        }
        return TimelineBuilder().build(Array(annotated.joined()))
    }

    func render(_ timeline: Timeline, as format: TimelineFormat, selection: TimelineTextRenderer.Selection = .key) -> String {
        rendering(timeline, as: format, selection: selection).text
    }

    /// The timeline in `format`, with the number of selected entries left out for want of a date (for the
    /// calendar-like formats; `nil` for the others).
    func rendering(_ timeline: Timeline, as format: TimelineFormat, selection: TimelineTextRenderer.Selection = .key,
                   export: TimelineExport = TimelineExport()) -> (text: String, undatedCount: Int?) {
        switch format {
        case .text: return (TimelineTextRenderer(selection: selection).render(timeline), nil)
        case .json: return (TimelineJSONWriter(style: .pretty).string(for: timeline) + "\n", nil)
        case .html: return (TimelineHTMLRenderer(selection: selection).render(timeline), nil)
        case .timelinejs:
            let output = TimelineJSWriter(grouping: export.grouping, selection: selection).write(timeline)
            return (output.json + "\n", output.undatedCount)
        case .ics:
            let output = TimelineICSWriter(selection: selection, timestamp: export.timestamp).write(timeline)
            return (output.text, output.undatedCount)
        }
    }

    /// The documents of one input (``StoryFileReader``), with `--dct` for those without a creation time.
    func read(_ argument: String) throws -> [Item] {
        let source = try InputSource(opening: argument)
        let bytes = try source.readAll(limit: maximumBytes, limitName: "--max-bytes")
        let baseName = source.path.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "stdin"
        var items = try Self.read(bytes, name: source.name, baseName: baseName, format: .detect(path: source.path, bytes: bytes))
        if let creationTime {
            for index in items.indices where items[index].document.creationTime == nil { items[index].document.creationTime = creationTime }
        }
        return items
    }

    static func read(_ bytes: [UInt8], name: String, baseName: String, format: StoryFileReader.Format) throws -> [Item] {
        do {
            return try StoryFileReader().read(bytes, name: name, baseName: baseName, format: format).map { Item(document: $0.document, title: $0.title) }
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// The documents of a JSONL story file (``StoryFileReader/storyLines(_:name:baseName:)``).
    static func storyLines(_ bytes: [UInt8], name: String, baseName: String) throws -> [Item] {
        try read(bytes, name: name, baseName: baseName, format: .jsonLines)
    }

    /// The title of a plain text (``StoryFileReader/title(of:)``).
    static func title(of text: String) -> String? { StoryFileReader.title(of: text) }
}
