import Chronicle
import ChronicleService
import Foundation
import Hummingbird

/// `POST /v1/tag`: the time expressions (and, with `"events": true`, the events, relations and statements) of
/// a text, as one line of `chronicle tag --jsonl` writes them (``JSONWriter``, compact).
///
/// The pipelines are made once and shared. A short text (at most ``inlineBytes``) of time expressions only is
/// tagged where the request runs: that is a fraction of a millisecond, and a hop to another thread would cost
/// as much. Longer texts and whole-pipeline requests run in the tagging gate, off Swift's cooperative pool,
/// at most one per core, behind a bounded queue (503 when it is full), within the analysis time limit (503).
struct TagRoute: Sendable {
    let bodies: BodyReader
    let timePipeline = Pipeline(stages: .time)
    let fullPipeline = Pipeline(stages: .all)
    let gate: AnalysisGate
    /// The longest a gated request may take, its wait for a slot included (`nil`: no limit).
    let timeLimit: Duration?
    static let inlineBytes = 64 * 1024

    init(bodies: BodyReader, slots: Int, timeLimit: Duration?) {
        self.bodies = bodies
        self.gate = AnalysisGate(slots: slots, maximumWaiting: 256)
        self.timeLimit = timeLimit
    }

    func register(on router: Router<BasicRequestContext>) {
        router.resource("/v1/tag", [.post: { request, _ in try await tag(request) }])
    }

    private func tag(_ request: Request) async throws -> Response {
        let body = try await bodies.decode(TagRequest.self, from: request)
        var creationTime: CreationTime?
        if let dct = body.dct?.trimmingCharacters(in: .whitespaces), !dct.isEmpty {
            guard let parsed = CreationTime(parsing: dct) else { throw StoryServiceError.invalidDate(field: "dct", value: dct) }
            creationTime = parsed
        }
        let events = body.events ?? false
        let pipeline = events ? fullPipeline : timePipeline
        let (text, id, dct) = (body.text, body.id ?? "", creationTime)
        let document: Document
        if !events, text.utf8.count <= Self.inlineBytes {
            document = pipeline.run(text, creationTime: dct, id: id)
        } else {
            document = try await gate.run(timeLimit: timeLimit) { pipeline.run(text, creationTime: dct, id: id) }
        }
        var out: [UInt8] = []
        JSONWriter(style: .compact).write(document, to: &out)
        return Response.bytes(out, contentType: "application/json")
    }
}
