import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChronicleServer

/// Methods per RFC 9110: HEAD wherever GET is taken, 405 with `Allow` for a method a path does not take, 501
/// for a method the server implements nowhere.
@Suite("HTTP methods")
struct MethodTests {
    @Test func headAnswersAsGetWithoutContent() async throws {
        try await testApplication().test(.router) { client in
            _ = try await client.execute(uri: "/v1/stories", method: .post, headers: json, body: ByteBuffer(string: #"{"title": "Audit"}"#))
            let get = try await client.execute(uri: "/v1/stories", method: .get) { $0 }
            #expect(get.status == .ok)
            #expect(get.body.readableBytes > 2)
            try await client.execute(uri: "/v1/stories", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[.contentLength] == String(get.body.readableBytes))
            }
            for uri in ["/", "/healthz", "/v1/openapi.json", "/v1/stories/1/timeline", "/v1/stories/1/timeline.ics"] {
                try await client.execute(uri: uri, method: .head) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.body.readableBytes == 0, "\(uri)")
                }
            }
        }
    }

    @Test func headOfAMissingThingIsA404WithoutContent() async throws {
        try await testApplication().test(.router) { client in
            for uri in ["/v1/stories/7", "/v1/stories/7/timeline", "/no/such/page"] {
                try await client.execute(uri: uri, method: .head) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                    #expect(response.body.readableBytes == 0, "\(uri)")
                }
            }
        }
    }

    @Test func aMethodAPathDoesNotTakeIsA405WithAllow() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/v1/tag", method: .head) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
                #expect(response.body.readableBytes == 0)
            }
            for method: HTTPRequest.Method in [.put, .patch, .options, .trace, HTTPRequest.Method("QUERY")!] {
                try await client.execute(uri: "/v1/stories/1/timeline", method: method) { response in
                    try expectProblem(response, .methodNotAllowed, "method-not-allowed")
                    #expect(response.headers[.allow] == "GET, HEAD", "\(method)")
                }
            }
            try await client.execute(uri: "/v1/stories/1", method: .post) { response in
                try expectProblem(response, .methodNotAllowed, "method-not-allowed")
                #expect(response.headers[.allow] == "DELETE, GET, HEAD")
            }
        }
    }

    @Test func aMethodTheServerDoesNotImplementIsA501() async throws {
        try await testApplication().test(.router) { client in
            for uri in ["/v1/stories", "/no/such/page"] {
                for name in ["FOO", "PROPFIND", "get"] {
                    try await client.execute(uri: uri, method: HTTPRequest.Method(name)!) { response in
                        try expectProblem(response, .notImplemented, "method-not-implemented")
                    }
                }
            }
        }
    }
}
