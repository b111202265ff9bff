import Chronicle
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The texts `chronicle bench` measures on, held in memory.
struct BenchCorpus {
    struct Item: Sendable {
        var id: String
        var text: String
        var creationTime: CreationTime?
    }

    /// Where the texts come from, in words.
    var source: String
    /// Whether the corpus is the built-in example repeated.
    var isSynthetic: Bool
    var items: [Item]
    /// UTF-8 bytes of all texts.
    var textBytes: Int
    /// Whether this is a part of a corpus (``sample(bytes:)``).
    var isSample: Bool

    init(source: String, isSynthetic: Bool, items: [Item], isSample: Bool = false) {
        self.source = source
        self.isSynthetic = isSynthetic
        self.items = items
        self.isSample = isSample
        self.textBytes = items.reduce(0) { $0 + $1.text.utf8.count }
    }

    /// The `.tml` files under `directory`; notes on standard error for files that cannot be read.
    static func load(directory: String, console: Console) throws -> BenchCorpus {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        let names = try timeMLFiles(in: root)
        let reader = TimeMLReader()
        let results = parallelMap(names) { name in
            Result { () throws(TimeMLReadError) -> TimeMLDocument in try reader.read(contentsOf: root.appendingPathComponent(name)) }
        }
        var items: [Item] = []
        for result in results {
            switch result {
            case .success(let document): items.append(Item(id: document.id, text: document.text, creationTime: document.creationTime))
            case .failure(let error): console.warning("\(error); skipped")
            }
        }
        return BenchCorpus(source: "\(directory) (\(items.count) TimeML files)", isSynthetic: false, items: items)
    }

    /// About `bytes` bytes of text, for measurements too slow to run over the whole corpus: every k-th
    /// document in the order loaded (sorted file names), k = the corpus size over `bytes`, rounded, so that
    /// the sample spreads over all the sources of the corpus (in te3-silver, file names start with the news
    /// agency). The whole corpus when it is not larger than `bytes`.
    func sample(bytes: Int) -> BenchCorpus {
        let stride = max(1, Int((Double(textBytes) / Double(max(bytes, 1))).rounded()))
        guard stride > 1 else { return self }
        let sampled = items.indices.filter { $0 % stride == 0 }.map { items[$0] }
        return BenchCorpus(
            source: "every \(ordinal(stride)) document of \(source)", isSynthetic: isSynthetic, items: sampled, isSample: true)
    }

    /// The built-in example repeated to about `size` bytes of text, one document per copy.
    static func synthetic(size: Int) -> BenchCorpus {
        let copies = max(1, size / ExampleStory.text.utf8.count)
        let items = (1...copies).map { Item(id: "example-\($0)", text: ExampleStory.text, creationTime: ExampleStory.creationTime) }
        return BenchCorpus(source: "synthetic: the built-in example repeated \(copies) times", isSynthetic: true, items: items)
    }

    /// The corpus as `chronicle tag --jsonl` input: one `{"id", "text", "dct"}` line per document.
    func jsonLines() -> [[UInt8]] {
        items.map { item in
            var line: [UInt8] = []
            JSONValue.object([
                ("id", .string(item.id)),
                ("text", .string(item.text)),
                ("dct", item.creationTime.map { .string($0.description) } ?? .null),
            ]).write(to: &line)
            line.append(0x0A)
            return line
        }
    }
}

/// One single-core measurement: the median time of several runs over the whole corpus.
struct SpeedMeasurement {
    var name: String
    var seconds: Double
    var textBytes: Int
    var documents: Int
    /// What one run counted (line feeds, tokens, time expressions): proof of work, and a sanity check.
    var count: Int
    /// What ``count`` counts, plural: "line feeds".
    var unit: String

    var megabytesPerSecond: Double { Double(textBytes) / 1e6 / seconds }
    var documentsPerSecond: Double { Double(documents) / seconds }
}

/// The single-core measurements of `chronicle bench`, on the calling thread.
struct SpeedBench {
    let corpus: BenchCorpus
    let runs: Int

    /// Baseline, tokenizer, tagger and JSONL path, in this order.
    func measureAll(progress: (String) -> Void) -> [SpeedMeasurement] {
        let items = corpus.items
        let tagger = TemporalTagger()

        progress("baseline")
        let baseline = measure("baseline: count line feeds", unit: "line feeds") {
            var lineFeeds = 0
            for item in items {
                lineFeeds &+= item.text.utf8.withContiguousStorageIfAvailable { bytes in
                    var count = 0
                    for byte in bytes where byte == 0x0A { count &+= 1 }
                    return count
                } ?? 0
            }
            return lineFeeds
        }

        progress("tokenizer")
        let tokenizer = measure("tokenizer", unit: "tokens") {
            items.reduce(0) { $0 + Tokenizer().tokenize($1.text).count }
        }

        progress("temporal tagging")
        let tagging = measure("temporal tagging", unit: "timexes") {
            items.reduce(0) { $0 + tagger.tag($1.text, creationTime: $1.creationTime, id: $1.id).timeExpressions.count }
        }

        progress("JSONL path")
        let lines = corpus.jsonLines()
        let reader = JSONLineReader()
        let jsonl = measure("JSONL: parse + tag + compact JSON", unit: "timexes") {
            var found = 0
            var out: [UInt8] = []
            for line in lines {
                guard let record = try? reader.read(line) else { continue }
                var document = record.document
                tagger.annotate(&document)
                JSONWriter(style: .compact).write(document, to: &out)
                out.append(0x0A)
                found += document.timeExpressions.count
                out.removeAll(keepingCapacity: true)
            }
            return found
        }
        return [baseline, tokenizer, tagging, jsonl]
    }

    /// The full pipeline (``Pipeline`` with every stage: time, words, events, relations, statements) over the
    /// corpus in batches of about ``Pipeline/batchBytes`` (as `chronicle` runs it over many documents), the same
    /// one document per call, then the timeline of each document (``TimelineBuilder``) on the pipeline's
    /// output, then pipeline and timeline in a row, one document at a time, in this order.
    func measurePipeline(progress: (String) -> Void) -> [SpeedMeasurement] {
        let items = corpus.items
        let pipeline = Pipeline(stages: .all)
        let builder = TimelineBuilder()

        progress("full pipeline")
        var documents: [Document] = []
        let batches = Pipeline.batches(byteCounts: items.map(\.text.utf8.count))
        let full = measure("full pipeline: time, words, events, relations, statements", unit: "events") {
            documents = []
            for batch in batches {
                var part = items[batch].map { Document(id: $0.id, text: $0.text, creationTime: $0.creationTime) }
                pipeline.run(&part)
                documents += part
            }
            return documents.reduce(0) { $0 + $1.events.count }
        }
        progress("full pipeline, one document per call")
        let single = measure("full pipeline, one document per call", unit: "events") {
            items.reduce(0) { $0 + pipeline.run($1.text, creationTime: $1.creationTime, id: $1.id).events.count }
        }

        progress("timeline per document")
        let timeline = measure("timeline per document, from the pipeline's output", unit: "entries") {
            documents.reduce(0) { $0 + builder.build([$1]).entries.count }
        }

        progress("pipeline + timeline")
        let both = measure("pipeline + timeline per document", unit: "entries") {
            items.reduce(0) { found, item in
                found + builder.build([pipeline.run(item.text, creationTime: item.creationTime, id: item.id)]).entries.count
            }
        }
        return [full, single, timeline, both]
    }

    /// The shortest time one run should take, so that fast passes are not lost in timer and scheduling noise.
    static let minimumRunTime = 0.1

    /// Runs `body` (one pass over the corpus) once to warm up, then `runs` times (each run repeating it
    /// often enough to last ``minimumRunTime``) and takes the median time per pass. `body` returns a count
    /// of what it found, which is reported, so that no pass can be optimised away.
    private func measure(_ name: String, unit: String, _ body: () -> Int) -> SpeedMeasurement {
        // Each pass is timed on its own: the clock calls between passes also keep the optimiser from merging them.
        func timed(_ passes: Int) -> (seconds: Double, count: Int) {
            var nanoseconds: UInt64 = 0
            var count = 0
            for _ in 0..<passes {
                let start = DispatchTime.now().uptimeNanoseconds
                count = body()
                nanoseconds += DispatchTime.now().uptimeNanoseconds - start
            }
            return (Double(nanoseconds) / 1e9, count)
        }
        let warmUp = timed(1)
        let passes = max(1, Int((Self.minimumRunTime / max(warmUp.seconds, 1e-6)).rounded(.up)))
        var times: [Double] = []
        var count = warmUp.count
        for _ in 0..<runs {
            let run = timed(passes)
            times.append(run.seconds / Double(passes))
            count = run.count
        }
        return SpeedMeasurement(
            name: name, seconds: median(times), textBytes: corpus.textBytes, documents: corpus.items.count,
            count: count, unit: unit)
    }
}

/// One run configuration of `chronicle tag --jsonl` as a child process.
struct ProcessMeasurement {
    /// How many times the corpus is repeated in the input file.
    var scale: Int
    var threads: Int
    var inputBytes: Int
    var textBytes: Int
    /// Median wall time, process start to exit.
    var seconds: Double
    /// Median peak resident set size, in bytes.
    var peakResidentBytes: Int

    var megabytesPerSecond: Double { Double(textBytes) / 1e6 / seconds }
}

/// Runs `chronicle tag --jsonl` on the corpus (and on the corpus repeated) and records wall time and peak memory.
struct MemoryBench {
    let corpus: BenchCorpus
    let runs: Int
    let scales = [1, 4]

    func measureAll(threadCounts: [Int], progress: (String) -> Void) throws -> [ProcessMeasurement] {
        let executable = try Self.executablePath()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-bench-\(getpid())")
        TemporaryFiles.shared.register(directory.path)
        defer { TemporaryFiles.shared.remove(directory.path) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create the temporary directory \(directory.path): \(error.localizedDescription)")
        }

        let lines = corpus.jsonLines()
        var results: [ProcessMeasurement] = []
        for scale in scales {
            let path = directory.appendingPathComponent("corpus-\(scale)x.jsonl").path
            let file = try OutputSink(atomicallyWritingTo: path)
            for _ in 0..<scale {
                for line in lines { try file.write(line) }
            }
            try file.commit()
            let inputBytes = scale * lines.reduce(0) { $0 + $1.count }
            for threads in threadCounts {
                progress("chronicle tag --jsonl, \(scale)x corpus, \(threads) thread\(threads == 1 ? "" : "s")")
                var times: [Double] = []
                var peaks: [Double] = []
                for _ in 0..<runs {
                    let run = try Self.runChild(executable, ["tag", "--jsonl", "--threads", String(threads), path])
                    times.append(run.seconds)
                    peaks.append(Double(run.peakResidentBytes))
                }
                results.append(ProcessMeasurement(
                    scale: scale, threads: threads, inputBytes: inputBytes, textBytes: scale * corpus.textBytes,
                    seconds: median(times), peakResidentBytes: Int(median(peaks))))
            }
            try? FileManager.default.removeItem(atPath: path)
        }
        return results
    }

    /// The path of the running `chronicle` executable.
    static func executablePath() throws -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        if let path = Bundle.main.executablePath { return path }
        let argument = CommandLine.arguments[0]
        guard argument.contains("/") else { throw CommandFailure("cannot find the path of the chronicle executable") }
        return URL(fileURLWithPath: argument).standardizedFileURL.path
    }

    /// Runs `executable` with `arguments`, standard output to /dev/null; its wall time and peak resident set size.
    ///
    /// On Linux the peak is the child's `VmHWM` (/proc/PID/status), sampled every 2 ms until it exits: the
    /// `ru_maxrss` that `wait4` reports is no use here, because Linux carries the parent's high-water mark over
    /// to a child spawned with `vfork` + `exec`, so every child would report at least the bench's own peak
    /// (the whole corpus in memory). Elsewhere the peak is `wait4`'s `ru_maxrss`.
    static func runChild(_ executable: String, _ arguments: [String]) throws -> (seconds: Double, peakResidentBytes: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        // The child gets the default action of the signals this process may be ignoring (see TemporaryFiles).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], environ)
        guard spawned == 0 else { throw CommandFailure("cannot run \(executable): \(systemErrorMessage(spawned))") }
        var status: Int32 = 0
        var usage = rusage()
        var sampledPeak = 0
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0, errno != EINTR { throw CommandFailure("waiting for \(executable): \(systemErrorMessage())") }
            sampledPeak = max(sampledPeak, highWaterMark(of: pid) ?? 0)
            usleep(2000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard status == 0 else {
            throw CommandFailure("\(([executable] + arguments).joined(separator: " ")) failed (wait status \(status))")
        }
        #if os(Linux)
        return (seconds, sampledPeak)
        #else
        return (seconds, Int(usage.ru_maxrss))  // bytes on macOS
        #endif
    }

    /// The `VmHWM` of a running process, in bytes (Linux only).
    private static func highWaterMark(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return kilobytes * 1024
    }
}

/// `2` as `2nd`, `4` as `4th`, `11` as `11th`.
private func ordinal(_ value: Int) -> String {
    let suffix: String
    switch (value % 10, value % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(value)\(suffix)"
}

/// The median of `values` (the mean of the middle two for an even count); 0 when empty.
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
