import ChronicleService
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Testing

@testable import ChronicleServer

/// The application over a fresh in-memory store.
func testApplication(options: ServerOptions = ServerOptions()) -> some ApplicationProtocol {
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    return ChronicleServer.application(service: StoryService(store: InMemoryStoryStore(), configuration: options.service), options: options, logger: logger)
}

let json: HTTPFields = [.contentType: "application/json"]

/// A JSON object of a response body.
func object(_ body: ByteBuffer) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
}

/// A JSON array of a response body.
func array(_ body: ByteBuffer) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]])
}

/// Checks that a response is a problem with this status and kind.
func expectProblem(_ response: TestResponse, _ status: HTTPResponse.Status, _ kind: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(response.status == status, sourceLocation: sourceLocation)
    #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
    let problem = try object(response.body)
    #expect(problem["type"] as? String == "urn:chronicle:problem:" + kind, sourceLocation: sourceLocation)
    #expect(problem["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
    #expect(problem["title"] as? String == status.reasonPhrase, sourceLocation: sourceLocation)
    #expect((problem["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
}

@Suite("HTTP service")
struct ServerTests {
    @Test func tagReturnsTheTimeExpressionsAsTagJSONLDoes() async throws {
        try await testApplication().test(.router) { client in
            let body = #"{"text": "She said on Friday that she would resign.", "dct": "2015-10-29"}"#
            try await client.execute(uri: "/v1/tag", method: .post, headers: json, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let tagged = try object(response.body)
                #expect(tagged["dct"] as? String == "2015-10-29")
                let timexes = try #require(tagged["timexes"] as? [[String: Any]])
                #expect(timexes.count == 1)
                #expect(timexes.first?["text"] as? String == "Friday")
                #expect(timexes.first?["value"] as? String == "2015-10-23")
                #expect(timexes.first?["start"] as? Int == 12)
                #expect(tagged["events"] == nil)
            }
            let withEvents = #"{"text": "She said on Friday that she would resign.", "dct": "2015-10-29", "events": true}"#
            try await client.execute(uri: "/v1/tag", method: .post, headers: json, body: ByteBuffer(string: withEvents)) { response in
                let events = try #require(try object(response.body)["events"] as? [[String: Any]])
                #expect(events.map { $0["text"] as? String } == ["said", "resign"])
            }
        }
    }

    @Test func badRequestsAreProblems() async throws {
        var options = ServerOptions()
        options.maximumBodyBytes = 1000
        try await testApplication(options: options).test(.router) { client in
            try await client.execute(uri: "/v1/tag", method: .post, headers: json, body: ByteBuffer(string: "{\"text\": ")) {
                try expectProblem($0, .badRequest, "malformed-json")
            }
            try await client.execute(uri: "/v1/tag", method: .post, headers: json, body: ByteBuffer(string: "{\"dct\": \"2015\"}")) {
                try expectProblem($0, .badRequest, "invalid-input")
            }
            try await client.execute(uri: "/v1/tag", method: .post, headers: json, body: ByteBuffer(string: "{\"text\": \"x\", \"dct\": \"Oct 29\"}")) {
                try expectProblem($0, .badRequest, "invalid-date")
            }
            try await client.execute(uri: "/v1/tag", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "{\"text\": \"x\"}")) {
                try expectProblem($0, .unsupportedMediaType, "unsupported-media-type")
            }
            let invalid = ByteBuffer(bytes: Array("{\"text\": \"caf".utf8) + [0xC3, 0x28] + Array("\"}".utf8))
            try await client.execute(uri: "/v1/tag", method: .post, headers: json, body: invalid) { response in
                try expectProblem(response, .unprocessableContent, "invalid-utf8")
                #expect(try object(response.body)["detail"] as? String == "the body is not valid UTF-8 (byte 13)")
            }
            let large = ByteBuffer(string: "{\"text\": \"" + String(repeating: "a", count: 2000) + "\"}")
            try await client.execute(uri: "/v1/tag", method: .post, headers: json, body: large) {
                try expectProblem($0, .contentTooLarge, "body-too-large")
            }
            try await client.execute(uri: "/v1/stories/7", method: .get) { try expectProblem($0, .notFound, "not-found") }
            try await client.execute(uri: "/v1/stories/abc/documents", method: .get) { try expectProblem($0, .notFound, "not-found") }
            try await client.execute(uri: "/no/such/page", method: .get) { try expectProblem($0, .notFound, "not-found") }
            try await client.execute(uri: "/v1/stories", method: .put) { response in
                try expectProblem(response, .methodNotAllowed, "method-not-allowed")
                #expect(response.headers[.allow] == "GET, HEAD, POST")
            }
        }
    }

    @Test func storyLifecycle() async throws {
        try await testApplication().test(.router) { client in
            let story = try await client.execute(uri: "/v1/stories", method: .post, headers: json, body: ByteBuffer(string: #"{"title": "Audit"}"#)) {
                response in
                #expect(response.status == .created)
                let story = try object(response.body)
                #expect(response.headers[.location] == "/v1/stories/\(story["id"] as? Int ?? -1)")
                #expect(story["title"] as? String == "Audit")
                #expect(story["revision"] as? Int == 0)
                return try #require(story["id"] as? Int)
            }
            let document = #"{"title": "Resignation", "published": "2020-03-03", "text": "Mayor Ana Ruiz resigned on Monday."}"#
            let documentID = try await client.execute(
                uri: "/v1/stories/\(story)/documents", method: .post, headers: json, body: ByteBuffer(string: document)
            ) { response in
                #expect(response.status == .created)
                let record = try object(response.body)
                #expect(record["title"] as? String == "Resignation")
                #expect(record["published"] as? String == "2020-03-03")
                #expect(record["format"] as? String == "text")
                #expect(record["text"] == nil)
                return try #require(record["id"] as? Int)
            }
            try await client.execute(uri: "/v1/stories/\(story)/documents/\(documentID)", method: .get) { response in
                let record = try object(response.body)
                #expect(record["text"] as? String == "Mayor Ana Ruiz resigned on Monday.")
            }
            try await client.execute(uri: "/v1/stories/\(story)/documents", method: .get) { response in
                let documents = try array(response.body)
                #expect(documents.map { $0["id"] as? Int } == [documentID])
            }
            try await client.execute(uri: "/v1/stories/\(story)/timeline", method: .get) { response in
                #expect(response.status == .ok)
                let timeline = try object(response.body)
                #expect(timeline["schema"] as? String == "chronicle.timeline/1")
                let entries = try #require(timeline["entries"] as? [[String: Any]])
                let resigned = try #require(entries.first { ($0["event"] as? [String: Any])?["text"] as? String == "resigned" })
                #expect((resigned["time"] as? [String: Any])?["value"] as? String == "2020-03-02")
            }
            try await client.execute(uri: "/v1/stories/\(story)/timeline?format=html", method: .get) { response in
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("resigned"))
            }
            try await client.execute(uri: "/v1/stories/\(story)/timeline?from=2020-04-01", method: .get) { response in
                let entries = try #require(try object(response.body)["entries"] as? [Any])
                #expect(entries.isEmpty)
            }
            try await client.execute(uri: "/v1/stories/\(story)/timeline?from=April", method: .get) { try expectProblem($0, .badRequest, "invalid-date") }
            try await client.execute(uri: "/v1/stories/\(story)/timeline?format=timelinejs", method: .get) { response in
                #expect(response.status == .ok)
                let events = try #require(try object(response.body)["events"] as? [[String: Any]])
                let resigned = try #require(events.first { ($0["text"] as? [String: Any])?["headline"] as? String == "resigned (Ana Ruiz)" }, "\(events)")
                let start = try #require(resigned["start_date"] as? [String: Any])
                #expect(start["year"] as? Int == 2020)
                #expect(start["month"] as? Int == 3)
                #expect(start["day"] as? Int == 2)
            }
            try await client.execute(uri: "/v1/stories/\(story)/timeline.ics", method: .get) { response in
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                let calendar = String(buffer: response.body)
                #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\n"))
                #expect(calendar.contains("DTSTART;VALUE=DATE:20200302\r\n"))
            }
            try await client.execute(uri: "/v1/stories/\(story)/documents", method: .post, headers: json,
                                     body: ByteBuffer(string: #"{"text": "x", "published": "soon"}"#)) { try expectProblem($0, .badRequest, "invalid-date") }
            try await client.execute(uri: "/v1/stories/\(story)/documents/\(documentID)", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/v1/stories/\(story)", method: .get) { response in
                let story = try object(response.body)
                #expect(story["revision"] as? Int == 2)
            }
            try await client.execute(uri: "/v1/stories/\(story)", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/v1/stories/\(story)/timeline", method: .get) { try expectProblem($0, .notFound, "not-found") }
        }
    }

    @Test func writesNeedTheTokenWhenOneIsSet() async throws {
        try await testApplication(options: ServerOptions(token: "s3cret")).test(.router) { client in
            let body = ByteBuffer(string: #"{"title": "A"}"#)
            try await client.execute(uri: "/v1/stories", method: .post, headers: json, body: body) { response in
                try expectProblem(response, .unauthorized, "unauthorized")
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"chronicle\"")
            }
            var wrong = json
            wrong[.authorization] = "Bearer s3cre"
            try await client.execute(uri: "/v1/stories", method: .post, headers: wrong, body: body) { try expectProblem($0, .unauthorized, "unauthorized") }
            var right = json
            right[.authorization] = "Bearer s3cret"
            try await client.execute(uri: "/v1/stories", method: .post, headers: right, body: body) { #expect($0.status == .created) }
            try await client.execute(uri: "/v1/stories", method: .get) { response in
                let stories = try array(response.body)
                #expect(stories.count == 1)
            }
        }
        #expect(BearerTokenMiddleware<BasicRequestContext>.equal(Array("abc".utf8), Array("abc".utf8)))
        #expect(!BearerTokenMiddleware<BasicRequestContext>.equal(Array("abcd".utf8), Array("abc".utf8)))
        #expect(!BearerTokenMiddleware<BasicRequestContext>.equal([], Array("abc".utf8)))
    }

    @Test func requestIDsHealthMetricsAndPages() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get, headers: [.requestID: "abc-123"]) { response in
                #expect(response.headers[.requestID] == "abc-123")
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/healthz", method: .get, headers: [.requestID: "bad id with spaces"]) { response in
                let id = try #require(response.headers[.requestID])
                #expect(id != "bad id with spaces" && !id.isEmpty)
            }
            try await client.execute(uri: "/v1/stories/5", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#"chronicle_http_requests_total{route="/healthz",method="GET",status="200"} 2"#))
                #expect(text.contains(#"chronicle_http_requests_total{route="/v1/stories/{story}",method="GET",status="404"} 1"#))
                #expect(text.contains("chronicle_http_request_duration_seconds_bucket{"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(page.contains("id=\"story-list\""))
                #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("src="))
            }
        }
    }

    @Test func openAPIDocumentDescribesEveryRoute() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/v1/openapi.json", method: .get) { response in
                let spec = try object(response.body)
                #expect(spec["openapi"] as? String == "3.1.0")
                let paths = try #require(spec["paths"] as? [String: [String: Any]])
                let expected: [String: Set<String>] = [
                    "/": ["get"], "/healthz": ["get"], "/metrics": ["get"], "/v1/openapi.json": ["get"], "/v1/tag": ["post"],
                    "/v1/stories": ["get", "post"], "/v1/stories/{story}": ["get", "delete"],
                    "/v1/stories/{story}/documents": ["get", "post"], "/v1/stories/{story}/documents/{document}": ["get", "delete"],
                    "/v1/stories/{story}/timeline": ["get"], "/v1/stories/{story}/timeline.ics": ["get"],
                ]
                #expect(Set(paths.keys) == Set(expected.keys))
                for (path, methods) in expected {
                    #expect(Set(paths[path]?.keys.filter { $0 != "parameters" } ?? []) == methods, "\(path)")
                }
            }
        }
    }
}
