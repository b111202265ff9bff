import Chronicle

/// `chronicle tag --jsonl`: tags a stream of JSON lines with bounded memory, on all cores, in input order.
///
/// The pipeline, for each input in turn:
///
/// 1. A ``BoundedLineReader`` reads the input in 256 KiB chunks and cuts it into lines; a line longer than
///    `--max-bytes` is dropped as it streams by and only reported.
/// 2. Lines are gathered into a batch of at most ``batchLineLimit`` lines and ``batchByteLimit`` bytes
///    (and at least one line).
/// 3. The batch is processed by `--threads` workers, each taking the next line as it becomes free:
///    parse (``JSONLineReader``), tag, serialise (compact ``JSONWriter``). Each line's result lands in its
///    own slot.
/// 4. The results are written in line order, in one write per batch, and errors reported in line order.
///
/// Memory is thus bounded by the reader's buffer, one batch of lines, their results and the documents
/// being tagged (one per worker), whatever the size of the input.
struct JSONLTagging: Sendable {
    /// What each input line becomes.
    enum LineFormat: Sendable {
        /// One compact JSON document.
        case json
        /// `id<TAB>start<TAB>end<TAB>TYPE<TAB>value<TAB>mod<TAB>text` per time expression, line feeds in the text as spaces.
        case developerTSV
    }

    let settings: TagSettings
    let line: LineFormat
    var pipeline: Pipeline { settings.pipeline }

    static let readChunkSize = 1 << 18
    static let batchLineLimit = 1024
    static let batchByteLimit = 1 << 20

    private enum Outcome: Sendable {
        case blank
        case tagged(output: [UInt8], overridesDCT: Bool)
        case skipped(String)
    }

    /// What went wrong or was changed over a whole run.
    private struct Tally {
        var failedInputs = 0
        var skippedLines = 0
        var overriddenDCTs = 0
    }

    func run(inputs: [String], output path: String?, console: Console) throws {
        if let path { try refuseOverwriting(inputs.filter { $0 != "-" }, with: [path]) }
        let sink = try path.map { try OutputSink(atomicallyWritingTo: $0) } ?? .standardOutput()
        var tally = Tally()
        do {
            for argument in inputs {
                try tagLines(of: argument, into: sink, tally: &tally, console: console)
            }
        } catch {
            sink.discard()
            throw error
        }

        if let dct = settings.creationTime, tally.overriddenDCTs > 0 {
            console.error("note: --dct \(dct) overrides the dct of \(tally.overriddenDCTs) line\(tally.overriddenDCTs == 1 ? "" : "s")")
        }
        guard tally.skippedLines > 0 || tally.failedInputs > 0 else {
            try sink.commit()
            return
        }
        var problems: [String] = []
        if tally.skippedLines > 0 {
            problems.append("error: \(tally.skippedLines) line\(tally.skippedLines == 1 ? "" : "s") skipped (malformed or too long)")
        }
        if tally.failedInputs > 0, inputs.count > 1 { problems.append("error: \(tally.failedInputs) of \(inputs.count) inputs failed") }
        if sink.path != nil {
            sink.discard()
            problems.append("error: \(sink.name) not written because of the errors above")
        }
        throw CommandFailure(lines: problems)
    }

    /// Tags the lines of one input into `sink`. Problems with the input or its lines are reported and
    /// counted; write errors are thrown.
    private func tagLines(of argument: String, into sink: OutputSink, tally: inout Tally, console: Console) throws {
        let source: InputSource
        do {
            source = try InputSource(opening: argument)
        } catch let failure as CommandFailure {
            failure.report(to: console)
            tally.failedInputs += 1
            return
        }
        var reader = BoundedLineReader(maximumLineLength: settings.maximumBytes, chunkSize: Self.readChunkSize) {
            try source.read(into: $0)
        }
        var records = 0
        var skipped = 0
        var hasEnded = false
        while !hasEnded {
            var batch: [BoundedLineReader.Line] = []
            do {
                hasEnded = try Self.fill(&batch, from: &reader)
            } catch let failure as CommandFailure {
                failure.report(to: console)
                tally.failedInputs += 1
                hasEnded = true
            }
            let name = source.name
            var out: [UInt8] = []
            // The lines are tagged in parts of about Pipeline.batchBytes, one part per thread at a time, each part
            // stage by stage (Pipeline.run on [Document]): the stages' models stay in cache.
            let sizes = batch.map { line -> Int in
                if case .complete(_, let content) = line { return content.count }
                return 0
            }
            let parts = Pipeline.batches(byteCounts: sizes, workers: settings.threads).map { Array(batch[$0]) }
            for outcome in parallelMap(parts, threads: settings.threads, { process($0, input: name) }).joined() {
                switch outcome {
                case .blank:
                    break
                case .tagged(let output, let overridesDCT):
                    out += output
                    records += 1
                    if overridesDCT { tally.overriddenDCTs += 1 }
                case .skipped(let message):
                    console.error("error: " + message)
                    skipped += 1
                }
            }
            try sink.write(out)
        }
        if records == 0, skipped == 0 {
            console.error("error: \(source.name): the input is empty (no JSON lines)")
            tally.failedInputs += 1
        }
        tally.skippedLines += skipped
    }

    /// Reads lines into `batch` up to the batch limits; whether the input has ended.
    private static func fill(_ batch: inout [BoundedLineReader.Line], from reader: inout BoundedLineReader) throws -> Bool {
        var bytes = 0
        while batch.count < batchLineLimit, bytes < batchByteLimit {
            guard let line = try reader.next() else { return true }
            batch.append(line)
            if case .complete(_, let content) = line { bytes += content.count }
        }
        return false
    }

    /// Tags the lines of one part of a batch: their documents go through the pipeline together.
    private func process(_ lines: [BoundedLineReader.Line], input: String) -> [Outcome] {
        var outcomes: [Outcome?] = []  // nil: the next document of `documents`
        var documents: [Document] = []
        var overrides: [Bool] = []
        for line in lines {
            switch read(line, input: input) {
            case .success(let (document, overridesDCT)):
                outcomes.append(nil)
                documents.append(document)
                overrides.append(overridesDCT)
            case .failure(let outcome):
                outcomes.append(outcome.value)
            }
        }
        pipeline.run(&documents)
        var next = 0
        return outcomes.map { outcome in
            if let outcome { return outcome }
            defer { next += 1 }
            return .tagged(output: render(documents[next]), overridesDCT: overrides[next])
        }
    }

    /// An outcome that is not a document to tag, as an error for `Result`.
    private struct Settled: Error {
        let value: Outcome
    }

    /// The document of one line, with whether `--dct` overrides its own; or what the line gives instead (a
    /// blank line, or a skipped one).
    private func read(_ line: BoundedLineReader.Line, input: String) -> Result<(Document, Bool), Settled> {
        switch line {
        case .oversized(let number, let byteCount):
            return .failure(Settled(value: .skipped(
                "\(input):\(number): the line is \(byteCount) bytes, more than the --max-bytes limit of \(settings.maximumBytes) bytes")))
        case .complete(let number, let bytes):
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .failure(Settled(value: .blank)) }
            let record: JSONLineRecord
            do {
                record = try JSONLineReader().read(bytes, lineNumber: number)
            } catch {
                return .failure(Settled(value: .skipped("\(input):\(number): byte \(error.byteOffset): \(error.message)")))
            }
            var document = record.document
            var overridesDCT = false
            if let override = settings.creationTime {
                overridesDCT = document.creationTime.map { $0.description != override.description } ?? false
                document.creationTime = override
            }
            return .success((document, overridesDCT))
        }
    }

    private func render(_ document: Document) -> [UInt8] {
        var out: [UInt8] = []
        switch line {
        case .json:
            JSONWriter(style: .compact).value(for: document).write(to: &out)
            out.append(0x0A)
        case .developerTSV:
            for expression in document.timeExpressions {
                let fields = [
                    document.id, String(expression.span.start), String(expression.span.end), expression.kind.rawValue,
                    expression.value, expression.modifier?.rawValue ?? "", String(String.UnicodeScalarView(expression.text.unicodeScalars.map { $0 == "\n" ? " " : $0 })),
                ]
                out += fields.joined(separator: "\t").utf8
                out.append(0x0A)
            }
        }
        return out
    }
}
