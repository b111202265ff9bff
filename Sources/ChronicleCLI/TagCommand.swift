import ArgumentParser
import Chronicle

/// `chronicle tag`: finds the time expressions of texts and writes them as text, JSON or TimeML.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Find and normalise the time expressions of texts.",
        discussion: """
            Reads the files given, or standard input when there are none (or for '-'). Files ending in .tml or \
            .xml, and standard input starting with '<?xml' or '<TimeML', are TempEval-3 TimeML: the text of their \
            TEXT element is tagged (annotation tags removed) and their DCT anchors relative expressions. Anything \
            else is plain UTF-8 text, tagged exactly as it is (a leading byte-order mark is dropped). Offsets are \
            Unicode scalar offsets into the text. Gzip-compressed input (a .gz file, or a gzip stream on standard \
            input) is decompressed as it is read.

            Formats: 'text' prints one line per time expression (start-end, TYPE, value, mod, text), with a \
            '# NAME' line before each document when there are several, and sends warnings to standard error; \
            'json' prints one object per document (an array for several) with its warnings; 'timeml' prints \
            TempEval-3 TimeML, one document per output.

            With --jsonl, each input line is a JSON object {"id": ..., "text": ..., "dct": ...} and each result is \
            one compact JSON line, in input order. The input is streamed through --threads workers: memory is \
            bounded by the documents in flight, not by the input. Empty lines are skipped. A line that cannot be \
            tagged (malformed, or longer than --max-bytes) is written as an error record \
            {"id": ID or null, "error": REASON, "input": NAME, "line": N} in its place, reported on standard error, \
            and the run goes on (exit status 1 at the end): no line is lost or duplicated. On a terminal, progress \
            (documents, MB, documents/s, and the time left when the input size is known) goes to standard error.

            A bad input is reported on standard error and skipped, and the exit status is then 1. Files written \
            with --output or --output-dir appear only when complete; --output FILE is not written at all when \
            any input fails.
            """
    )

    @Argument(help: ArgumentHelp("Input files; '-' or none for standard input.", valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp(
        "The document creation time, which anchors relative expressions; overrides the DCT of TimeML and JSONL input.",
        valueName: "YYYY-MM-DD[THH:MM]"))
    var dct: String?

    @Option(help: ArgumentHelp("Output format. (default: text; json with --jsonl)", valueName: "format"))
    var format: OutputFormat?

    @Flag(help: "Read JSON Lines ({\"id\", \"text\", \"dct\"} per line) and write one compact JSON document per line.")
    var jsonl = false

    @Option(name: .customLong("output"), help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var outputFile: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "Write one file per input into DIR, named after the input: NAME.txt, NAME.json or NAME.tml.", valueName: "DIR"))
    var outputDirectory: String?

    @Option(name: .customLong("max-bytes"), help: ArgumentHelp(
        "Reject a document (with --jsonl: a line) longer than this many bytes.", valueName: "N"))
    var maximumBytes = 32 << 20

    @Flag(help: "Also find events, temporal relations and statements (the whole pipeline); TimeML output then has EVENT, MAKEINSTANCE and TLINK elements.")
    var events = false

    @Option(help: ArgumentHelp(
        "The kind of text: auto decides expression by expression whether a date without its year hangs on the creation time (news) or on the narrative time (histories), and recognises informal writing; news, narrative or colloquial force one. (default: auto)",
        valueName: "genre"))
    var genre: TemporalTagger.Genre = .auto

    @Option(help: ArgumentHelp("Tag on N threads. (default: all cores)", valueName: "N"))
    var threads: Int?

    @Flag(help: "Tag the built-in example story (written on 2015-10-29) instead of input files; as text, show a table.")
    var example = false

    /// For the lead's scoring script: JSONL in, `id<TAB>start<TAB>end<TAB>TYPE<TAB>value<TAB>mod<TAB>text` lines out.
    @Flag(help: .hidden)
    var devJsonl = false

    func validate() throws {
        if let dct, CreationTime(parsing: dct) == nil {
            throw ValidationError("""
                invalid --dct '\(dct)': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (also accepted: YYYYMMDD, \
                YYYY-MM-DDTHH:MM:SS), for example 2015-10-29 or 2015-10-29T14:30
                """)
        }
        if maximumBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if outputFile != nil, outputDirectory != nil { throw ValidationError("give --output or --output-dir, not both") }
        if example, !files.isEmpty { throw ValidationError("--example tags the built-in example; do not give files with it") }
        if jsonl || devJsonl {
            let option = devJsonl ? "--dev-jsonl" : "--jsonl"
            if let format, format != .json { throw ValidationError("\(option) writes JSON lines; --format \(format) cannot be used with it") }
            if outputDirectory != nil { throw ValidationError("\(option) writes one stream; use --output FILE, not --output-dir") }
            if example { throw ValidationError("\(option) reads JSON lines; it cannot be used with --example") }
        }
        if format == .timeml, files.count > 1, outputDirectory == nil {
            throw ValidationError("--format timeml writes one document per output: give --output-dir DIR for several inputs")
        }
    }

    private var destination: Destination {
        if let outputFile { return .file(outputFile) }
        if let outputDirectory { return .directory(outputDirectory) }
        return .standardOutput
    }

    func run() throws {
        let console = Console()
        let settings = TagSettings(
            creationTime: dct.flatMap { CreationTime(parsing: $0) },
            format: format ?? (jsonl ? .json : .text),
            maximumBytes: maximumBytes,
            threads: threads ?? availableCores,
            stages: events ? .all : .time,
            genre: genre)
        let arguments = files.isEmpty ? ["-"] : files
        do {
            if jsonl || devJsonl {
                try JSONLTagging(settings: settings, line: devJsonl ? .developerTSV : .json)
                    .run(inputs: arguments, output: outputFile, console: console)
            } else {
                let inputs = example ? [DocumentInput.example] : arguments.map(DocumentInput.argument)
                try DocumentTagging(settings: settings).run(inputs: inputs, output: destination, console: console)
            }
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        }
    }
}

/// `chronicle example`: `chronicle tag --example`, for a first look.
struct ExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Tag the built-in example story: its time expressions, then its timeline.",
        discussion: "The first part is what 'tag --example' prints; the second what 'timeline' prints for the story.")

    func run() throws {
        // The whole pipeline: its time expressions are those of 'tag --example' (the time stage is the same).
        let document = Pipeline().run(ExampleStory.text, creationTime: ExampleStory.creationTime, id: ExampleStory.name)
        var shown = document
        shown.diagnostics = []
        print(TableRenderer().render(shown, title: ExampleStory.title), terminator: "")
        let timeline = TimelineBuilder().build([StoryDocument(document, title: ExampleStory.headline)])
        print("")
        print("The story's timeline (chronicle timeline): one line per event, date first (… D: before D; D …: after D):")
        print("")
        print(TimelineTextRenderer().render(timeline), terminator: "")
        print("")
        print(ExampleStory.footer.joined(separator: "\n"))
    }
}

/// The output formats of `chronicle tag`.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json, timeml

    /// The extension of the files written with `--output-dir`.
    var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .timeml: "tml"
        }
    }
}

/// The choices of `chronicle tag` that the tagging itself depends on.
struct TagSettings: Sendable {
    /// `--dct`: replaces the creation time of every document.
    var creationTime: CreationTime?
    var format: OutputFormat
    /// `--max-bytes`: the longest document (or JSONL line) accepted.
    var maximumBytes: Int
    var threads: Int
    /// The pipeline stages to run: time expressions only, or (`--events`) everything.
    var stages: Pipeline.Stages = .time
    /// `--genre`: what underspecified expressions hang on.
    var genre: TemporalTagger.Genre = .auto

    /// The pipeline these settings ask for (cheap: its tables and models are shared statics).
    var pipeline: Pipeline {
        Pipeline(stages: stages, temporalTagger: TemporalTagger(options: TemporalTagger.Options(genre: genre)))
    }
}

extension TemporalTagger.Genre: ExpressibleByArgument {}
