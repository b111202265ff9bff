import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ChronicleServer

@Suite("Entity tags and conditional GET")
struct ConditionalRequestTests {
    @Test func tagsDependOnTheBytesOnly() {
        func tag(_ text: String) -> String { Array(text.utf8).withUnsafeBytes { EntityTag.of($0) } }
        // FNV-1a 64 of the empty input is its offset basis; of "a", the published test value.
        #expect(tag("") == "\"cbf29ce484222325-0\"")
        #expect(tag("a") == "\"af63dc4c8601ec8c-1\"")
        #expect(tag("Oct. 13") == tag("Oct. 13"))
        #expect(tag("Oct. 13") != tag("Oct. 28"))
    }

    @Test(arguments: [
        ("\"abc-1\"", true), ("W/\"abc-1\"", true), ("*", true), (" \"x\" , \"abc-1\"", true), ("\"x\",W/\"abc-1\"\t", true),
        (nil, false), ("", false), ("\"abc-2\"", false), ("abc-1", false), ("\"ABC-1\"", false), ("\"abc-1", false),
    ] as [(String?, Bool)])
    func ifNoneMatch(field: String?, matches: Bool) {
        #expect(EntityTag.noneMatchNames(field, "\"abc-1\"") == matches)
    }

    @Test func anUnchangedTimelineIsNotSentAgain() async throws {
        try await testApplication().test(.router) { client in
            let story = try await client.execute(uri: "/v1/stories", method: .post, headers: json, body: ByteBuffer(string: #"{"title": "Odom"}"#)) {
                try #require(try object($0.body)["id"] as? Int)
            }
            let timeline = "/v1/stories/\(story)/timeline"
            func add(_ text: String) async throws {
                let document = try JSONSerialization.data(withJSONObject: ["title": "Report", "published": "2015-10-29", "text": text])
                try await client.execute(uri: "/v1/stories/\(story)/documents", method: .post, headers: json, body: ByteBuffer(bytes: document)) {
                    #expect($0.status == .created)
                }
            }
            try await add(String(repeating: "Lamar Odom was found unconscious on Oct. 13. Khloé Kardashian rushed to his side. ", count: 8))
            for uri in [timeline, timeline + "?format=html", timeline + "?format=timelinejs", timeline + ".ics", timeline + "?about=Odom"] {
                for encoding in ["identity", "gzip"] {
                    let (tag, body) = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: encoding]) { response in
                        #expect(response.status == .ok)
                        #expect(response.headers[.cacheControl] == "no-cache")
                        return (try #require(response.headers[.eTag]), Array(response.body.readableBytesView))
                    }
                    #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
                    #expect(tag.hasSuffix("-" + String(body.count, radix: 16) + "\""), "the tag counts the bytes sent (\(uri), \(encoding))")
                    for field in [tag, "W/" + tag, "\"other\", " + tag, "*"] {
                        try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: encoding, .ifNoneMatch: field]) { response in
                            #expect(response.status == .notModified, "\(uri) \(encoding) \(field)")
                            #expect(response.body.readableBytes == 0)
                            #expect(response.headers[.eTag] == tag)
                            #expect(response.headers[.vary] == "Accept-Encoding")
                        }
                    }
                    try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: encoding, .ifNoneMatch: "\"other\""]) { response in
                        #expect(response.status == .ok)
                        #expect(Array(response.body.readableBytesView) == body)
                    }
                }
            }
            // The plain and the compressed bodies are different representations, with different tags.
            let plainTag = try await client.execute(uri: timeline, method: .get) { try #require($0.headers[.eTag]) }
            try await client.execute(uri: timeline, method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.eTag] != plainTag)
            }
            try await client.execute(uri: timeline, method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: plainTag]) {
                #expect($0.status == .ok)
            }
            // A new document changes the timeline: the old tag no longer matches.
            try await add("On Wednesday, Oct. 28, she clarified on Twitter that the interview was done before.")
            try await client.execute(uri: timeline, method: .get, headers: [.ifNoneMatch: plainTag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != plainTag)
            }
            // A story that does not exist is a 404, whatever the condition.
            try await client.execute(uri: "/v1/stories/999/timeline", method: .get, headers: [.ifNoneMatch: "*"]) {
                #expect($0.status == .notFound)
            }
        }
    }
}
