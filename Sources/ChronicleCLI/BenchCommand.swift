import ArgumentParser
import Chronicle
import Foundation

/// `chronicle bench`: tagging and full-pipeline speed on one core, as ratios to a byte-loop baseline, and the
/// memory of `tag --jsonl`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure tagging and full-pipeline speed, and the memory of 'tag --jsonl'.",
        discussion: """
            Loads every .tml file under the corpus directory into memory, then measures on one core, each as the \
            median of --runs runs: a loop over the UTF-8 bytes (the baseline), the tokenizer, the temporal tagger, \
            and the JSONL path (parse a JSON line, tag, write compact JSON). Speeds are MB/s of text (1 MB = 10^6 \
            bytes) and ratios to the baseline measured in the same run, which is what to compare across machines.

            The full pipeline is slower, so it runs on a sample of about --pipeline-megabytes MB (1 by default): \
            every k-th document in sorted file order, k chosen to give about that size (the whole corpus if it is \
            smaller). On the sample, one core: the full pipeline (time expressions, words with tags and lemmas, \
            events, temporal relations, statements: Pipeline() with every stage) over batches of about 256 KB of \
            documents, stage by stage, as chronicle runs it over many documents, which must reach 2 MB/s; the \
            same one document per call (each stage then evicts the others' models from the caches); the \
            timeline of each document on its own (TimelineBuilder on the pipeline's output, without the pipeline); \
            and both in a row, pipeline then timeline per document, as a program would run them. Their ratios are \
            to the baseline over the whole corpus.

            The linguistic layer is measured on one core over the whole corpus: tokenising and sentence splitting, \
            words and sentences, part-of-speech tagging with lemmas (words per second), and the whole annotator.

            Then it writes the corpus, and the corpus repeated 4 times, as JSONL files and runs \
            'chronicle tag --jsonl' on each as a child process (output to /dev/null, all cores and one thread): \
            wall time including start-up, and peak resident memory, which must not grow with the input. The \
            temporal tagger, the JSONL path and 'tag --jsonl --threads 1' must reach 10 MB/s.

            Without a corpus directory, the built-in example story repeated to about 20 MB is used. Build with \
            -c release for meaningful figures.
            """
    )

    static let defaultCorpus = "../shared/data/te3-silver"

    @Option(help: ArgumentHelp("Directory of TimeML (.tml) files, searched recursively. (default: \(defaultCorpus), if present)", valueName: "DIR"))
    var corpus: String?

    @Option(help: ArgumentHelp("Runs per measurement; the median is reported.", valueName: "N"))
    var runs = 5

    @Option(help: ArgumentHelp("About how many MB of text the full pipeline and the timeline run on (a sample of the corpus).", valueName: "MB"))
    var pipelineMegabytes = 1.0

    @Flag(help: "Print the figures as JSON.")
    var json = false

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if !(pipelineMegabytes > 0) { throw ValidationError("--pipeline-megabytes must be more than 0") }
    }

    func run() throws {
        let console = Console()
        do {
            #if DEBUG
            console.warning("this is a debug build; for meaningful figures: swift build -c release && .build/release/chronicle bench")
            #endif
            let corpus = try loadCorpus(console: console)
            console.error("corpus: \(corpus.source), \(corpus.items.count) documents, \(megabytes(corpus.textBytes)) MB of text")
            let progress = { (what: String) in console.error("measuring \(what) (\(runs) run\(runs == 1 ? "" : "s"))...") }
            let speeds = SpeedBench(corpus: corpus, runs: runs).measureAll(progress: progress)
            let pipelineCorpus = corpus.sample(bytes: Int(min(pipelineMegabytes, 1e9) * 1e6))
            if pipelineCorpus.isSample {
                console.error("full pipeline on a sample: \(pipelineCorpus.source), \(pipelineCorpus.items.count) documents, \(megabytes(pipelineCorpus.textBytes)) MB of text")
            }
            let pipeline = SpeedBench(corpus: pipelineCorpus, runs: runs).measurePipeline(progress: progress)
            progress("the linguistic layer")
            let language = LanguageBenchmark(texts: corpus.items.map(\.text), runs: runs).measureAll()
            let threadCounts = availableCores > 1 ? [availableCores, 1] : [1]
            let processes = try MemoryBench(corpus: corpus, runs: runs).measureAll(threadCounts: threadCounts, progress: progress)
            let report = BenchReport(
                corpus: corpus, runs: runs, speeds: speeds, pipelineCorpus: pipelineCorpus, pipeline: pipeline, language: language,
                processes: processes)
            console.output(json ? report.json().serialized(.pretty) + "\n" : report.table())
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        }
    }

    private func loadCorpus(console: Console) throws -> BenchCorpus {
        let directory = corpus ?? Self.defaultCorpus
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
        if corpus != nil, !exists { throw CommandFailure("the corpus directory \(directory) does not exist") }
        if exists {
            let loaded = try BenchCorpus.load(directory: directory, console: console)
            if !loaded.items.isEmpty { return loaded }
            if corpus != nil { throw CommandFailure("no readable .tml files under the corpus directory \(directory)") }
        }
        console.warning("""
            no TimeML corpus at \(directory) (relative to \(FileManager.default.currentDirectoryPath)); \
            pass one with --corpus DIR. Using a synthetic corpus: the built-in example repeated to about 20 MB.
            """)
        return BenchCorpus.synthetic(size: 20_000_000)
    }
}

/// The figures of one `chronicle bench` run, as a table or as JSON.
struct BenchReport {
    /// The issue's floor: MB/s of news text on one core.
    static let floor = 10.0

    let corpus: BenchCorpus
    let runs: Int
    let speeds: [SpeedMeasurement]
    /// What the full pipeline ran on: the corpus, or a sample of it.
    let pipelineCorpus: BenchCorpus
    /// The full pipeline, the timeline per document, and both in a row (``SpeedBench/measurePipeline(progress:)``).
    let pipeline: [SpeedMeasurement]
    /// Words, sentences, tags and lemmas (issue 3's floors: tagging ≥ 500,000 words/s, tokenising and
    /// sentence splitting ≥ 50 MB/s, on one core).
    let language: [LanguageBenchmark.Measurement]
    let processes: [ProcessMeasurement]

    static let taggingFloor = 500_000.0
    static let segmentationFloor = 50.0
    /// Issue 4's floor: MB/s of news text through the full pipeline on one core.
    static let pipelineFloor = 2.0

    private var build: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    private var baseline: Double { speeds[0].megabytesPerSecond }

    /// Peak RSS of the largest input over that of the smallest, per thread count.
    private var residentRatios: [(threads: Int, ratio: Double)] {
        Dictionary(grouping: processes, by: \.threads).keys.sorted(by: >).compactMap { threads in
            let runs = processes.filter { $0.threads == threads }.sorted { $0.scale < $1.scale }
            guard let small = runs.first, let large = runs.last, small.scale != large.scale else { return nil }
            return (threads, Double(large.peakResidentBytes) / Double(small.peakResidentBytes))
        }
    }

    /// The one-core speeds the floor applies to: tagging, the JSONL path, and `tag --jsonl --threads 1` end to end.
    private var floorChecks: [(name: String, megabytesPerSecond: Double)] {
        speeds.dropFirst(2).map { ($0.name, $0.megabytesPerSecond) }
            + processes.filter { $0.threads == 1 && $0.scale == 1 }.map { ("chronicle tag --jsonl --threads 1", $0.megabytesPerSecond) }
    }

    func table() -> String {
        var lines = [
            "chronicle bench: \(build) build, \(availableCores) core\(availableCores == 1 ? "" : "s"), median of \(runs) run\(runs == 1 ? "" : "s")",
            "corpus: \(corpus.source): \(grouped(corpus.items.count)) documents, \(megabytes(corpus.textBytes)) MB of text (1 MB = 10^6 bytes)",
            "",
            "One core, in memory",
        ]
        lines += speedRows(speeds, digits: 1)
        lines += [
            "",
            "Full pipeline, one core, in memory, on "
                + (pipelineCorpus.isSample ? "a sample: \(pipelineCorpus.source): " : "the whole corpus: ")
                + "\(grouped(pipelineCorpus.items.count)) documents, \(megabytes(pipelineCorpus.textBytes)) MB of text",
        ]
        lines += speedRows(pipeline, digits: 2)
        lines += ["", "Linguistic layer, one core, in memory"]
        var rows = [["", "MB/s", "× baseline", "per second", "found"]]
        for measurement in language {
            rows.append([
                measurement.name, fixed(measurement.megabytesPerSecond, 1), fixed(measurement.megabytesPerSecond / baseline, 4),
                "\(grouped(Int(measurement.countPerSecond.rounded()))) \(measurement.unit)", "\(grouped(measurement.count)) \(measurement.unit)",
            ])
        }
        lines += aligned(rows, rightAligned: [1, 2, 3])
        if let segmentation = language.first(where: { $0.unit == "sentences" }), let tagging = language.first(where: { $0.name.hasPrefix("tagging") }) {
            lines.append("  floors: tokenising + sentence splitting \(fixed(segmentation.megabytesPerSecond, 1)) MB/s ≥ \(fixed(Self.segmentationFloor, 0)): "
                + (segmentation.megabytesPerSecond >= Self.segmentationFloor ? "ok" : "BELOW THE FLOOR")
                + "; tagging \(grouped(Int(tagging.countPerSecond.rounded()))) words/s ≥ \(grouped(Int(Self.taggingFloor))): "
                + (tagging.countPerSecond >= Self.taggingFloor ? "ok" : "BELOW THE FLOOR"))
        }
        lines += ["", "chronicle tag --jsonl as a child process, output to /dev/null (wall time includes start-up)"]
        rows = [["input", "threads", "wall s", "MB/s", "peak RSS"]]
        for process in processes {
            rows.append([
                "\(process.scale)x corpus (\(megabytes(process.inputBytes)) MB JSONL)", String(process.threads),
                fixed(process.seconds, 2), fixed(process.megabytesPerSecond, 1), "\(megabytes(process.peakResidentBytes)) MB",
            ])
        }
        lines += aligned(rows, rightAligned: [1, 2, 3, 4])
        let ratios = residentRatios.map { "\(fixed($0.ratio, 2)) (\($0.threads) thread\($0.threads == 1 ? "" : "s"))" }
        lines += ["  peak RSS, 4x corpus / 1x corpus: " + ratios.joined(separator: ", "), ""]
        lines.append("Floor: chronicle tag ≥ \(fixed(Self.floor, 0)) MB/s of news text on one core (release build)")
        for check in floorChecks {
            lines.append("  \(check.name): \(fixed(check.megabytesPerSecond, 1)) MB/s: \(check.megabytesPerSecond >= Self.floor ? "ok" : "BELOW THE FLOOR")")
        }
        if let full = pipeline.first {
            lines.append("Floor: full pipeline ≥ \(fixed(Self.pipelineFloor, 0)) MB/s of news text on one core (release build)")
            lines.append("  \(full.name): \(fixed(full.megabytesPerSecond, 2)) MB/s: \(full.megabytesPerSecond >= Self.pipelineFloor ? "ok" : "BELOW THE FLOOR")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table of one-core speeds: MB/s (with `digits` decimals), ratio to the baseline, documents per second, count.
    private func speedRows(_ measurements: [SpeedMeasurement], digits: Int) -> [String] {
        var rows = [["", "MB/s", "× baseline", "docs/s", "found"]]
        for speed in measurements {
            let ratio = speed.megabytesPerSecond / baseline
            rows.append([
                speed.name, fixed(speed.megabytesPerSecond, digits),
                ratio >= 1 ? fixed(ratio, 2) : "\(fixed(ratio, ratio >= 0.001 ? 4 : 6)) (1/\(grouped(Int((1 / ratio).rounded()))))",
                grouped(Int(speed.documentsPerSecond.rounded())), "\(grouped(speed.count)) \(speed.unit)",
            ])
        }
        return aligned(rows, rightAligned: [1, 2, 3])
    }

    /// A one-core measurement as JSON.
    private func speedJSON(_ speed: SpeedMeasurement) -> JSONValue {
        .object([
            ("name", .string(speed.name)),
            ("seconds", .number(speed.seconds)),
            ("megabytesPerSecond", .number(speed.megabytesPerSecond)),
            ("ratioToBaseline", .number(speed.megabytesPerSecond / baseline)),
            ("documentsPerSecond", .number(speed.documentsPerSecond)),
            ("count", .integer(speed.count)),
            ("unit", .string(speed.unit)),
        ])
    }

    func json() -> JSONValue {
        .object([
            ("build", .string(build)),
            ("cores", .integer(availableCores)),
            ("runs", .integer(runs)),
            ("corpus", .object([
                ("source", .string(corpus.source)),
                ("synthetic", .bool(corpus.isSynthetic)),
                ("documents", .integer(corpus.items.count)),
                ("textBytes", .integer(corpus.textBytes)),
            ])),
            ("oneCore", .array(speeds.map(speedJSON))),
            ("pipeline", .object([
                ("corpus", .object([
                    ("source", .string(pipelineCorpus.source)),
                    ("sample", .bool(pipelineCorpus.isSample)),
                    ("documents", .integer(pipelineCorpus.items.count)),
                    ("textBytes", .integer(pipelineCorpus.textBytes)),
                ])),
                ("oneCore", .array(pipeline.map(speedJSON))),
                ("floor", .object([
                    ("megabytesPerSecond", .number(Self.pipelineFloor)),
                    ("measured", .number(pipeline.first?.megabytesPerSecond ?? 0)),
                    ("met", .bool((pipeline.first?.megabytesPerSecond ?? 0) >= Self.pipelineFloor)),
                ])),
            ])),
            ("language", .array(language.map { measurement in
                .object([
                    ("name", .string(measurement.name)),
                    ("seconds", .number(measurement.seconds)),
                    ("megabytesPerSecond", .number(measurement.megabytesPerSecond)),
                    ("perSecond", .number(measurement.countPerSecond)),
                    ("count", .integer(measurement.count)),
                    ("unit", .string(measurement.unit)),
                ])
            })),
            ("tagJSONL", .array(processes.map { process in
                .object([
                    ("scale", .integer(process.scale)),
                    ("threads", .integer(process.threads)),
                    ("inputBytes", .integer(process.inputBytes)),
                    ("textBytes", .integer(process.textBytes)),
                    ("wallSeconds", .number(process.seconds)),
                    ("megabytesPerSecond", .number(process.megabytesPerSecond)),
                    ("peakResidentBytes", .integer(process.peakResidentBytes)),
                ])
            })),
            ("peakResidentRatio", .object(residentRatios.map { ("\($0.threads) threads", .number($0.ratio)) })),
            ("floor", .object([
                ("megabytesPerSecond", .number(Self.floor)),
                ("checks", .array(floorChecks.map { check in
                    .object([
                        ("name", .string(check.name)),
                        ("megabytesPerSecond", .number(check.megabytesPerSecond)),
                        ("met", .bool(check.megabytesPerSecond >= Self.floor)),
                    ])
                })),
            ])),
        ])
    }

    /// Rows as lines of columns padded to their widest cell, two spaces apart, indented by two.
    private func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }.joined(separator: "  ").trimmingSuffix(" ")
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ character: Character) -> String {
        var result = self
        while result.last == character { result.removeLast() }
        return result
    }
}

/// `value` with `digits` decimals.
private func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

/// Bytes in MB (10^6 bytes), one decimal.
private func megabytes(_ bytes: Int) -> String {
    fixed(Double(bytes) / 1e6, 1)
}

/// `1234567` as `1,234,567`.
private func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return (value < 0 ? "-" : "") + out
}
