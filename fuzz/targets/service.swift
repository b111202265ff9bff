// Fuzz target (g): the HTTP request decoding of the service, without a server. ChronicleServer (Hummingbird)
// reads a body, checks its UTF-8 (RequestChecks.firstInvalidUTF8), decodes it with JSONDecoder into
// TagRequest, NewStoryRequest or NewDocumentRequest (Sources/ChronicleServer/Requests.swift, compiled in
// here from source), then hands it to Foundation-only code: CreationTime(parsing:) for `dct`, and
// StoryService.prepare (ChronicleService) for a document: title, `published`, format, HTML reduction, size.
// A `dct` tag request of at most 4 KB is then tagged as the route does inline (time stage only).
import Chronicle
import ChronicleService
import Foundation

let service = StoryService(store: InMemoryStoryStore(), configuration: .init(maximumDocumentBytes: 2_000, maximumTitleLength: 40),
                           pipeline: Pipeline(stages: .time))
let timePipeline = Pipeline(stages: .time)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzService(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let selector = input.byte()
    let bytes = input.rest()
    let invalid = RequestChecks.firstInvalidUTF8(bytes)
    require((invalid == nil) == (String(validating: bytes, as: UTF8.self) != nil), "UTF-8 check disagrees with the standard library")
    if let invalid {
        require(invalid < bytes.count && String(validating: bytes[..<invalid], as: UTF8.self) != nil, "invalid UTF-8 at \(invalid)")
        return 0
    }
    let decoder = JSONDecoder()
    switch selector % 3 {
    case 0:
        guard let body = try? decoder.decode(TagRequest.self, from: Data(bytes)) else { return 0 }
        var creationTime: CreationTime?
        if let dct = body.dct?.trimmingCharacters(in: .whitespaces), !dct.isEmpty {
            guard let parsed = CreationTime(parsing: dct) else { return 0 }
            creationTime = parsed
        }
        let document = timePipeline.run(body.text, creationTime: creationTime, id: body.id ?? "")
        checkTimeExpressions(document)
    case 1:
        guard let body = try? decoder.decode(NewStoryRequest.self, from: Data(bytes)) else { return 0 }
        _ = body.title.trimmingCharacters(in: .whitespacesAndNewlines)
    default:
        guard let body = try? decoder.decode(NewDocumentRequest.self, from: Data(bytes)), let submission = try? body.input() else { return 0 }
        guard let (document, creationTime) = try? service.prepare(submission) else { return 0 }
        require(!document.text.isEmpty && document.text.utf8.count <= 2_000, "a prepared document of \(document.text.utf8.count) bytes")
        if let published = document.published { require(creationTime == CreationTime(parsing: published), "published and creation time disagree") }
    }
    return 0
}

func warmUp() {
    _ = timePipeline.run("May said on Monday that she may fall in the fall.")
    _ = try? service.prepare(DocumentSubmission(body: "<p>x</p>"))
}
