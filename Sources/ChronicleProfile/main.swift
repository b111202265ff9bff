// chronicle-profile: runs one stage of `chronicle bench` over a JSONL corpus, once, on the calling thread,
// for instruction counting with valgrind's callgrind.
//
// The `chronicle` executable cannot be run under the valgrind of Debian 12 (3.19): its asynchronous main
// (for `chronicle serve`) makes valgrind crash at start-up. This small synchronous program runs the same
// library calls as the stages of `chronicle bench` (see Sources/ChronicleCLI/BenchSupport.swift and
// LanguageBenchmark), so that each stage's instruction count can be measured on its own:
//
//     swift build -c release --product chronicle-profile
//     valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out .build/release/chronicle-profile tag corpus.jsonl
//
// An optional third argument runs the stage that many times (2, say): the cost of one run of the stage, with its
// models loaded, is then the difference between the counts of 2 runs and of 1 run.
// Stages: load, segment (tokenising + sentence splitting), tag (temporal tagging), jsonl (tag + compact
// JSON), annotate (words, tags and lemmas), pipeline (the full pipeline in batches), timeline (the
// pipeline, then each document's timeline), story (the pipeline once, then all the documents as one story's
// timeline written as JSON, per repeat).
import Chronicle
import Foundation

/// Runs `stage` over the records `repeats` times; a count of what it found.
func run(_ stage: String, _ records: [JSONLineRecord], repeats: Int) -> Int? {
    var count = 0
    var documents: [Document]? = nil
    let tagger = TemporalTagger(), pipeline = Pipeline(stages: .all), annotator = LanguageAnnotator()
    for _ in 0..<repeats {
        switch stage {
        case "load":
            count += records.count
        case "segment":
            for record in records {
                var text = record.text
                count += text.withUTF8 { bytes in SentenceSplitter().split(bytes: bytes, tokens: Tokenizer().tokenize(bytes: bytes)).count }
            }
        case "tag":
            for record in records { count += tagger.tag(record.text, creationTime: record.creationTime, id: record.id).timeExpressions.count }
        case "jsonl":
            var out: [UInt8] = []
            for record in records {
                var document = record.document
                tagger.annotate(&document)
                JSONWriter(style: .compact).write(document, to: &out)
                count += out.count
                out.removeAll(keepingCapacity: true)
            }
        case "dump-tag", "dump-pipeline":
            // The compact JSON of every document, one per line on standard output: for comparing outputs.
            for record in records {
                var document = record.document
                if stage == "dump-tag" { tagger.annotate(&document) } else { pipeline.run(&document) }
                var out: [UInt8] = []
                JSONWriter(style: .compact).write(document, to: &out)
                out.append(0x0A)
                FileHandle.standardOutput.write(Data(out))
                count += 1
            }
        case "annotate":
            for record in records { count += annotator.annotate(record.text).words.count }
        case "pipeline", "timeline":
            var documents: [Document] = []
            for batch in Pipeline.batches(byteCounts: records.map(\.text.utf8.count)) {
                var part = records[batch].map(\.document)
                pipeline.run(&part)
                documents += part
            }
            count += documents.reduce(0) { $0 + $1.events.count }
            if stage == "timeline" {
                let builder = TimelineBuilder()
                count += documents.reduce(0) { $0 + builder.build([$1]).entries.count }
            }
        case "story":
            // The pipeline once, then per repeat one story of all the documents assembled and written as JSON
            // (what the service does for a timeline GET after a change); the times of each step to standard error.
            if documents == nil {
                var all: [Document] = []
                for batch in Pipeline.batches(byteCounts: records.map(\.text.utf8.count)) {
                    var part = records[batch].map(\.document)
                    pipeline.run(&part)
                    all += part
                }
                documents = all
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let timeline = TimelineBuilder().build(documents!.map { StoryDocument($0) })
            let built = DispatchTime.now().uptimeNanoseconds
            let json = TimelineJSONWriter(style: .compact).bytes(for: timeline)
            let written = DispatchTime.now().uptimeNanoseconds
            FileHandle.standardError.write(Data("story: build \(Double(built - start) / 1e6) ms, JSON \(Double(written - built) / 1e6) ms (\(json.count) bytes)\n".utf8))
            count += json.count
        default:
            return nil
        }
    }
    return count
}

func main() {
    let arguments = CommandLine.arguments
    guard (3...4).contains(arguments.count), let data = FileManager.default.contents(atPath: arguments[2]),
          let repeats = arguments.count == 4 ? Int(arguments[3]) : 1
    else {
        FileHandle.standardError.write(Data("usage: chronicle-profile load|segment|tag|jsonl|annotate|pipeline|timeline|story FILE.jsonl [REPEATS]\n".utf8))
        exit(2)
    }
    let reader = JSONLineReader()
    let records = data.split(separator: 0x0A).compactMap { try? reader.read($0) }
    guard let count = run(arguments[1], records, repeats: repeats) else {
        FileHandle.standardError.write(Data("unknown stage \(arguments[1])\n".utf8))
        exit(2)
    }
    print(arguments[1], records.count, "documents", count)
}

main()
