// Fuzz target (f): the whole pipeline (module Chronicle's Pipeline, every stage) over one to three small
// documents separated by a 0x00 byte, each with an optional creation time from its first bytes, and the
// story timeline of the documents (ChronicleTimeline) in its JSON and text views.
import Chronicle

let pipeline = Pipeline(stages: .all)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    var documents: [Document] = []
    while !input.isAtEnd && documents.count < 3 {
        var part = FuzzBytes(input.chunk(until: 0))
        let creationTime = part.byte() & 1 == 0 ? nil : part.creationTime()
        let text = String(decoding: part.rest(), as: UTF8.self)
        let document = pipeline.run(text, creationTime: creationTime, id: "d\(documents.count + 1)")
        checkTokens(document.tokens, document.sentences, in: text)
        checkTimeExpressions(document)
        let scalars = scalarCount(text)
        for event in document.events {
            require(event.span.start >= 0 && event.span.start < event.span.end && event.span.end <= scalars, "event span \(event.span) in \(scalars)")
        }
        documents.append(document)
    }
    let timeline = TimelineBuilder().build(documents)
    require(timeline.documents.count == documents.count, "\(timeline.documents.count) timeline documents of \(documents.count)")
    _ = TimelineJSONWriter(style: .compact).string(for: timeline)
    _ = TimelineTextRenderer().render(timeline)
    return 0
}

func warmUp() {
    _ = TimelineBuilder().build([pipeline.run("John Smith said on Monday that he will resign next week.", creationTime: CreationTime(parsing: "2015-10-05"))])
}
