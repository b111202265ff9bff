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
            punctuation, followed by more text); TempEval-3 TimeML (.tml, .xml; its DCT is kept); or a JSONL story \
            file (.jsonl, .ndjson, or input starting with '{') with one object per line: {"id": ..., "title": ..., \
            "published": "YYYY-MM-DD[THH:MM]", "text": ...} ("dct" is accepted for "published"). '-' or no file \
            reads standard input.

            Formats: 'text' (default) prints one line per entry, date first, with its source sentence shortened, \
            then the warnings; 'json' prints the chronicle.timeline/1 contract (see the README); 'html' prints a \
            self-contained page (no network requests) with the timeline drawn and the documents highlighted.

            A bad input (unreadable, empty, invalid UTF-8, malformed TimeML or JSONL) is reported and nothing is \
            written; the exit status is then 1. --output FILE appears only when complete.
            """
    )

    @Argument(help: ArgumentHelp("Input files; '-' or none for standard input.", valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp(
        "The creation time of documents that do not give one (a TimeML DCT or a JSONL \"published\" is kept).",
        valueName: "YYYY-MM-DD[THH:MM]"))
    var dct: String?

    @Option(help: ArgumentHelp("Output format: text, json or html. (default: text)", valueName: "format"))
    var format: TimelineFormat = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var outputFile: String?

    @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Reject an input file longer than this many bytes.", valueName: "N"))
    var maximumBytes = 32 << 20

    @Option(name: .customLong("max-document-bytes"), help: ArgumentHelp(
        "Reject a document whose text is longer than this many bytes: building the timeline of one document costs more than linear time in its length. (default: 4000000)",
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

    @Option(name: .customLong("about"), help: ArgumentHelp(
        "The timeline of one entity: only the entries in which NAME takes part (as subject, object, speaker or possessor); variants of the name found in the story count.",
        valueName: "NAME"))
    var about: String?

    func validate() throws {
        if let dct, CreationTime(parsing: dct) == nil {
            throw ValidationError("""
                invalid --dct '\(dct)': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (also accepted: YYYYMMDD, \
                YYYY-MM-DDTHH:MM:SS), for example 2015-10-29 or 2015-10-29T14:30
                """)
        }
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
        do {
            if let outputFile { try refuseOverwriting(arguments.filter { $0 != "-" }, with: [outputFile]) }
            var timeline = try story.timeline(of: arguments)
            if let about { timeline.entries = timeline.entries(about: about) }
            let sink = try outputFile.map { try OutputSink(atomicallyWritingTo: $0) } ?? .standardOutput()
            do {
                try sink.write(story.render(timeline, as: format, selection: showsAllEntries || about != nil ? .all : .key))
                try sink.commit()
            } catch {
                sink.discard()
                throw error
            }
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        }
    }
}

/// The output formats of `chronicle timeline`.
enum TimelineFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json, html
}

/// Reading a story's documents, running the pipeline on them, and building and rendering their timeline.
struct TimelineStory: Sendable {
    /// `--dct`: the creation time of documents without one.
    var creationTime: CreationTime?
    var maximumBytes: Int = 32 << 20
    /// The longest document text accepted (a 1.6 MB document takes about 6 s; 10 MB several minutes).
    var maximumDocumentBytes: Int = Self.defaultMaximumDocumentBytes
    var threads: Int = availableCores
    /// `--genre`: what underspecified time expressions hang on.
    var genre: TemporalTagger.Genre = .auto

    static let defaultMaximumDocumentBytes = 4_000_000

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

    /// The timeline of documents already read: the whole pipeline on each, then ``TimelineBuilder``.
    func timeline(of items: [Item]) -> Timeline {
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
        switch format {
        case .text: TimelineTextRenderer(selection: selection).render(timeline)
        case .json: TimelineJSONWriter(style: .pretty).string(for: timeline) + "\n"
        case .html: TimelineHTMLRenderer(selection: selection).render(timeline)
        }
    }

    /// The documents of one input.
    func read(_ argument: String) throws -> [Item] {
        let source = try InputSource(opening: argument)
        let bytes = try source.readAll(limit: maximumBytes, limitName: "--max-bytes")
        let name = source.name
        let baseName = source.path.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "stdin"
        let body = bytes[(PlainTextReader.hasByteOrderMark(bytes) ? 3 : 0)...]
        guard let first = body.firstIndex(where: { !Self.isSpace($0) }) else {
            throw CommandFailure("\(name): the input is \(body.isEmpty ? "empty" : "empty (only white space)")")
        }
        let lowerPath = source.path?.lowercased() ?? ""
        var items: [Item]
        if lowerPath.hasSuffix(".tml") || lowerPath.hasSuffix(".xml")
            || source.path == nil && (body[first...].starts(with: "<?xml".utf8) || body[first...].starts(with: "<TimeML".utf8)) {
            do {
                let timeML = try TimeMLReader().read(bytes, fallbackID: baseName)
                items = [Item(document: Document(id: timeML.id, text: timeML.text, creationTime: timeML.creationTime,
                                                 diagnostics: timeML.diagnostics), title: nil)]
            } catch {
                var located = error
                located.file = name
                throw CommandFailure("\(located)")
            }
        } else if lowerPath.hasSuffix(".jsonl") || lowerPath.hasSuffix(".ndjson") || body[first] == UInt8(ascii: "{") {
            items = try Self.storyLines(Array(body), name: name, baseName: baseName)
        } else {
            let text: String
            do {
                text = try PlainTextReader().read(bytes)
            } catch {
                throw CommandFailure("\(name): \(error)")
            }
            items = [Item(document: Document(id: baseName, text: text), title: Self.title(of: text))]
        }
        if let creationTime {
            for index in items.indices where items[index].document.creationTime == nil { items[index].document.creationTime = creationTime }
        }
        return items
    }

    /// The documents of a JSONL story file: one `{"id", "title", "published", "text"}` object per line.
    static func storyLines(_ bytes: [UInt8], name: String, baseName: String) throws -> [Item] {
        var items: [Item] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            guard line.contains(where: { !isSpace($0) }) else { continue }
            items.append(try storyLine(line, lineNumber: lineNumber, name: name, baseName: baseName))
        }
        guard !items.isEmpty else { throw CommandFailure("\(name): no JSON lines") }
        return items
    }

    private static func storyLine(_ line: ArraySlice<UInt8>, lineNumber: Int, name: String, baseName: String) throws -> Item {
        func failure(_ message: String) -> CommandFailure { CommandFailure("\(name): line \(lineNumber): \(message)") }
        if case .invalidUTF8(let offset)? = ByteSupportProbe.firstInvalidUTF8(line) {
            throw failure("byte \(offset): invalid UTF-8")
        }
        let record: StoryLine
        do {
            record = try JSONDecoder().decode(StoryLine.self, from: Data(line))
        } catch DecodingError.keyNotFound(let key, _) {
            throw failure("missing \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            guard let key = context.codingPath.first?.stringValue else {
                throw failure("expected a JSON object {\"id\", \"title\", \"published\", \"text\"}")
            }
            throw failure(key == "id" ? "\"id\" must be a string or a number" : "\"\(key)\" must be a string")
        } catch {
            throw failure("not valid JSON")
        }
        var creationTime: CreationTime?
        for (key, value) in [("published", record.published), ("dct", record.dct)] {
            guard let value, !value.isEmpty else { continue }
            guard let parsed = CreationTime(parsing: value) else {
                throw failure("\"\(key)\" '\(value)' is not a date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
            }
            creationTime = creationTime ?? parsed
        }
        let id = record.id.flatMap { $0.isEmpty ? nil : $0 } ?? "\(baseName)-\(lineNumber)"
        return Item(document: Document(id: id, text: record.text, creationTime: creationTime),
                    title: record.title.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// One line of a JSONL story file.
    private struct StoryLine: Decodable {
        var id: String?
        var title: String?
        var published: String?
        var dct: String?
        var text: String

        enum CodingKeys: String, CodingKey { case id, title, published, dct, text }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.id), try !container.decodeNil(forKey: .id) {
                if let string = try? container.decode(String.self, forKey: .id) {
                    id = string
                } else if let integer = try? container.decode(Int.self, forKey: .id) {
                    id = String(integer)
                } else {
                    let number = try container.decode(Double.self, forKey: .id)
                    id = String(number)
                }
            }
            title = try container.decodeIfPresent(String.self, forKey: .title)
            published = try container.decodeIfPresent(String.self, forKey: .published)
            dct = try container.decodeIfPresent(String.self, forKey: .dct)
            text = try container.decode(String.self, forKey: .text)
        }
    }

    /// The first line of a text when it looks like a title: short, not ending like a sentence, and followed by more text.
    static func title(of text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }), index + 1 < lines.count else { return nil }
        let line = lines[index].trimmingCharacters(in: .whitespaces)
        guard line.count <= 150, let last = line.last, !".,;:!?".contains(last),
              lines[(index + 1)...].contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        return line
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// UTF-8 validation of a JSONL line, so that a bad byte is reported with its offset.
enum ByteSupportProbe {
    enum Problem { case invalidUTF8(Int) }

    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Problem? {
        do {
            _ = try PlainTextReader().read(bytes)
            return nil
        } catch {
            return error.reason == .invalidUTF8 ? .invalidUTF8(error.byteOffset) : nil
        }
    }
}
