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
    /// The most lines in one part of the stream handed to a worker (see ``Pipeline/batchBytes`` for its bytes).
    static let partLineLimit = 512

    private enum Outcome: Sendable {
        case blank
        case tagged(output: [UInt8], overridesDCT: Bool)
        /// The line could not be tagged: its error record (a JSON line) and the message for standard error.
        case failed(record: [UInt8], message: String)
    }

    /// What went wrong or was changed over a whole run.
    private struct Tally {
        var failedInputs = 0
        var failedLines = 0
        var overriddenDCTs = 0
    }

    func run(inputs: [String], output path: String?, console: Console) throws {
        if let path { try refuseOverwriting(inputs.filter { $0 != "-" }, with: [path]) }
        let sink = try path.map { try OutputSink(atomicallyWritingTo: $0) } ?? .standardOutput()
        let progress = Progress(console: console, totalBytes: Progress.totalBytes(of: inputs))
        var tally = Tally()
        do {
            for argument in inputs {
                try tagLines(of: argument, into: sink, tally: &tally, console: console, progress: progress)
                progress.nextInput()
            }
        } catch {
            progress.finish()
            sink.discard()
            throw error
        }
        progress.finish()

        if let dct = settings.creationTime, tally.overriddenDCTs > 0 {
            console.error("note: --dct \(dct) overrides the dct of \(tally.overriddenDCTs) line\(tally.overriddenDCTs == 1 ? "" : "s")")
        }
        // Lines that could not be tagged are in the output as error records: the output is complete. An input
        // that could not be read is not, and an output file is then not written.
        try sink.commitStream(failedInputs: tally.failedInputs, of: inputs.count)
        if tally.failedLines > 0 {
            let lines = tally.failedLines == 1 ? "1 line" : "\(tally.failedLines) lines"
            throw CommandFailure("\(lines) could not be tagged (malformed or too long): written as error records")
        }
    }

    /// Tags the lines of one input into `sink`. Problems with the input are reported and counted; a line that
    /// cannot be tagged becomes an error record in the output (see ``errorRecord(line:id:reason:)``); write
    /// errors are thrown.
    private func tagLines(of argument: String, into sink: OutputSink, tally: inout Tally, console: Console, progress: Progress) throws {
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
        let name = source.name
        // Lines go to the workers in parts of about Pipeline.batchBytes: each part runs through the pipeline stage
        // by stage (Pipeline.run on [Document]), so that each stage's model stays in the caches.
        let stream = OrderedStream<[BoundedLineReader.Line], [Outcome]>(threads: settings.threads, window: 3 * settings.threads + 1) {
            [self] part in process(part, input: name)
        }
        defer { stream.stop() }
        var records = 0
        var failedLines = 0
        func consume(_ outcomes: [Outcome]) throws {
            var out: [UInt8] = []
            for outcome in outcomes {
                switch outcome {
                case .blank:
                    break
                case .tagged(let output, let overridesDCT):
                    out += output
                    records += 1
                    if overridesDCT { tally.overriddenDCTs += 1 }
                case .failed(let record, let message):
                    out += record
                    console.error("error: " + message)
                    failedLines += 1
                }
            }
            try sink.write(out)
            progress.update(documents: outcomes.count, inputBytes: source.rawBytesRead)
        }
        var part: [BoundedLineReader.Line] = []
        var partBytes = 0
        let partByteLimit = Self.partByteLimit(for: pipeline.stages)
        while true {
            let next: BoundedLineReader.Line?
            do {
                next = try reader.next()
            } catch let failure as CommandFailure {
                failure.report(to: console)
                tally.failedInputs += 1
                break
            }
            guard let line = next else { break }
            part.append(line)
            if case .complete(_, let content) = line { partBytes += content.count }
            if partBytes >= partByteLimit || part.count >= Self.partLineLimit {
                try stream.submit(part, consume: consume)
                (part, partBytes) = ([], 0)
            }
        }
        if !part.isEmpty { try stream.submit(part, consume: consume) }
        try stream.finish(consume: consume)
        if records == 0, failedLines == 0 {
            console.error("error: \(source.name): the input is empty (no JSON lines)")
            tally.failedInputs += 1
        }
        tally.failedLines += failedLines
    }

    /// The text bytes of one part of the stream: ``Pipeline/batchBytes`` when several stages run (each stage's model
    /// then stays in cache over the part's documents), an eighth of it for time expressions alone, whose tables are
    /// small: the workers then finish the stream together, where a large last part kept one of them busy alone.
    static func partByteLimit(for stages: Pipeline.Stages) -> Int {
        stages.subtracting(.time).isEmpty ? Pipeline.batchBytes / 8 : Pipeline.batchBytes
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
    /// blank line, or an error record).
    private func read(_ line: BoundedLineReader.Line, input: String) -> Result<(Document, Bool), Settled> {
        switch line {
        case .oversized(let number, let byteCount):
            let reason = "the line is \(byteCount) bytes, more than the --max-bytes limit of \(settings.maximumBytes) bytes"
            return .failure(Settled(value: failure(input: input, line: number, id: nil, reason: reason)))
        case .complete(let number, let bytes):
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .failure(Settled(value: .blank)) }
            let record: JSONLineRecord
            do {
                record = try JSONLineReader().read(bytes, lineNumber: number)
            } catch {
                return .failure(Settled(value: failure(input: input, line: number, id: error.id, reason: "byte \(error.byteOffset): \(error.message)")))
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

    /// A line that cannot be tagged: its error record and the message for standard error.
    private func failure(input: String, line: Int, id: String?, reason: String) -> Outcome {
        .failed(record: Self.errorRecord(input: input, line: line, id: id, reason: reason), message: "\(input):\(line): \(reason)")
    }

    /// The output line standing for an input line that could not be tagged, so that every input line but the
    /// blank ones has exactly one output line: `{"id": ID or null, "error": REASON, "input": NAME, "line": N}`.
    static func errorRecord(input: String, line: Int, id: String?, reason: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONValue.object([
            ("id", id.map(JSONValue.string) ?? .null), ("error", .string(reason)), ("input", .string(input)), ("line", .integer(line)),
        ]).write(to: &out)
        out.append(0x0A)
        return out
    }

    private func render(_ document: Document) -> [UInt8] {
        var out: [UInt8] = []
        switch line {
        case .json:
            JSONWriter(style: .compact).write(document, to: &out)
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
