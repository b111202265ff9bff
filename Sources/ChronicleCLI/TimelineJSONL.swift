import Chronicle
import Foundation

/// `chronicle timeline --jsonl`: the timelines of a stream of stories, one compact JSON line per story, in input
/// order, on all cores, with bounded memory (see ``StoryStreamReader`` for the input lines).
///
/// Each output line is the story's `chronicle.timeline/1` object with a `"story"` member first. A story that
/// cannot be built (a malformed line, a line too long, a story larger than `--max-bytes`, a story whose lines are
/// not consecutive) becomes an error record `{"story": ID or null, "error": REASON, "input": NAME, "line": N}`
/// in its place, and the run goes on.
struct TimelineJSONL: Sendable {
    let story: TimelineStory

    /// A story read from the stream, or why it cannot be built.
    private enum Work: Sendable {
        case story(id: String, items: [TimelineStory.Item])
        case failed(story: String?, line: Int, reason: String)
    }

    func run(inputs: [String], output path: String?, console: Console) throws {
        if let path { try refuseOverwriting(inputs.filter { $0 != "-" }, with: [path]) }
        let sink = try path.map { try OutputSink(atomicallyWritingTo: $0) } ?? .standardOutput()
        let progress = Progress(console: console, totalBytes: Progress.totalBytes(of: inputs))
        var failedInputs = 0
        var failedStories = 0
        do {
            for argument in inputs {
                do {
                    failedStories += try timelines(of: argument, into: sink, console: console, progress: progress)
                } catch let failure as InputFailure {
                    failure.failure.report(to: console)
                    failedInputs += 1
                }
                progress.nextInput()
            }
        } catch {
            progress.finish()
            sink.discard()
            throw error
        }
        progress.finish()
        try sink.commitStream(failedInputs: failedInputs, of: inputs.count)
        if failedStories > 0 {
            throw CommandFailure("\(failedStories == 1 ? "1 story" : "\(failedStories) stories") could not be built: written as error records")
        }
    }

    /// A problem with a whole input (it cannot be opened or read), as opposed to a write error.
    private struct InputFailure: Error {
        let failure: CommandFailure
    }

    /// Writes the timelines of the stories of one input; returns how many became error records.
    private func timelines(of argument: String, into sink: OutputSink, console: Console, progress: Progress) throws -> Int {
        let source: InputSource
        do {
            source = try InputSource(opening: argument)
        } catch let failure as CommandFailure {
            throw InputFailure(failure: failure)
        }
        let name = source.name
        let stream = OrderedStream<Work, [UInt8]>(threads: story.threads, window: 2 * story.threads + 1) { [story] work in
            Self.render(work, input: name, story: story)
        }
        defer { stream.stop() }
        var failed = 0
        var stories = 0
        func consume(_ line: [UInt8]) throws {
            try sink.write(line)
            progress.update(documents: 1, inputBytes: source.rawBytesRead)
        }
        func submit(_ work: Work) throws {
            if case .failed(_, let line, let reason) = work {
                console.error("error: \(name):\(line): \(reason)")
                failed += 1
            }
            stories += 1
            try stream.submit(work, consume: consume)
        }

        var reader = BoundedLineReader(maximumLineLength: story.maximumBytes, chunkSize: 1 << 18) { try source.read(into: $0) }
        // The story being gathered from "story" lines: its id, first line, documents and size.
        var current: (id: String, line: Int, items: [TimelineStory.Item], bytes: Int, tooLarge: Bool)?
        var finishedIDs: Set<String> = []
        func flush() throws {
            guard let gathered = current else { return }
            current = nil
            finishedIDs.insert(gathered.id)
            if gathered.tooLarge {
                try submit(.failed(story: gathered.id, line: gathered.line, reason: "the story is more than the --max-bytes limit of \(story.maximumBytes) bytes"))
            } else {
                try submit(.story(id: gathered.id, items: gathered.items))
            }
        }
        while true {
            let next: BoundedLineReader.Line?
            do {
                next = try reader.next()
            } catch let failure as CommandFailure {
                throw InputFailure(failure: failure)
            }
            guard let line = next else { break }
            switch line {
            case .oversized(let number, let byteCount):
                try flush()
                try submit(.failed(story: nil, line: number, reason: "the line is \(byteCount) bytes, more than the --max-bytes limit of \(story.maximumBytes) bytes"))
            case .complete(let number, let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let read: StoryStreamReader.Line
                do {
                    read = try StoryStreamReader().read(bytes, lineNumber: number)
                } catch {
                    try flush()
                    try submit(.failed(story: nil, line: number, reason: error.message))
                    continue
                }
                switch read {
                case .story(let id, let documents):
                    try flush()
                    try submit(.story(id: id, items: documents.map { story.item($0) }))
                case .document(let id, let document):
                    if current?.id != id { try flush() }
                    if current == nil {
                        guard !finishedIDs.contains(id) else {
                            try submit(.failed(story: id, line: number, reason: "the lines of story '\(id)' are not consecutive: this one comes after another story"))
                            continue
                        }
                        current = (id, number, [], 0, false)
                    }
                    current!.bytes += bytes.count
                    if current!.bytes > story.maximumBytes {
                        current!.tooLarge = true
                        current!.items = []
                    } else {
                        current!.items.append(story.item(document))
                    }
                }
            }
        }
        try flush()
        try stream.finish(consume: consume)
        if stories == 0 { throw InputFailure(failure: CommandFailure("\(name): the input is empty (no JSON lines)")) }
        return failed
    }

    /// The output line of one story: its timeline, or its error record.
    private static func render(_ work: Work, input: String, story: TimelineStory) -> [UInt8] {
        var out: [UInt8] = []
        switch work {
        case .failed(let id, let line, let reason):
            JSONValue.object([
                ("story", id.map(JSONValue.string) ?? .null), ("error", .string(reason)), ("input", .string(input)), ("line", .integer(line)),
            ]).write(to: &out)
        case .story(let id, let items):
            let timeline = story.timeline(of: items, threads: 1)
            // The story's id first: {"story":ID,"schema":...}.
            var json = JSONStream(style: .compact, appendingTo: out)
            json.beginObject()
            json.key("story"); json.string(id)
            TimelineJSONWriter.writeMembers(of: timeline, to: &json)
            json.endObject()
            out = json.bytes
        }
        out.append(0x0A)
        return out
    }
}
