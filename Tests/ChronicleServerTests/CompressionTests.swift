import CZlib
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChronicleServer

/// The bytes of a gzip member, inflated by zlib (independently of the server's deflate settings).
func gunzipped(_ bytes: some Collection<UInt8>) throws -> [UInt8] {
    var input = Array(bytes)
    var stream = z_stream()
    try #require(inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    var status: Int32 = Z_OK
    input.withUnsafeMutableBufferPointer { input in
        stream.next_in = input.baseAddress
        stream.avail_in = uInt(input.count)
        while status == Z_OK {
            let produced = chunk.withUnsafeMutableBufferPointer { out -> Int in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                status = inflate(&stream, Z_NO_FLUSH)
                return out.count - Int(stream.avail_out)
            }
            output += chunk[..<produced]
        }
    }
    try #require(status == Z_STREAM_END, "a whole gzip member (zlib status \(status))")
    return output
}

@Suite("gzip responses")
struct CompressionTests {
    @Test(arguments: [
        ("gzip", true), ("GZip", true), ("deflate, gzip;q=0.5", true), ("x-gzip", true), ("*", true), ("br, *;q=0.1", true),
        (nil, false), ("", false), ("identity", false), ("deflate, br", false), ("gzip;q=0", false), ("gzip; q=0.0", false),
        ("*;q=0", false), ("gzip;q=0, *", false), ("gzipped", false),
    ] as [(String?, Bool)])
    func acceptEncoding(field: String?, accepts: Bool) {
        #expect(GzipEncoding.isAccepted(by: field) == accepts)
    }

    @Test func compressesToAGzipMemberOfTheSameBytes() throws {
        let text = Array(String(repeating: "Khloé said on Wednesday, Oct. 28, that the interview was done before Oct. 13. ", count: 200).utf8)
        let compressed = try #require(GzipEncoding.compressed(text))
        #expect(Array(compressed.prefix(2)) == [0x1F, 0x8B])
        #expect(compressed.count < text.count / 10)
        #expect(try gunzipped(compressed) == text)
        #expect(try gunzipped(try #require(GzipEncoding.compressed([UInt8]()))) == [])
    }

    @Test func timelinesGoOutCompressedToClientsThatAcceptGzip() async throws {
        try await testApplication().test(.router) { client in
            let story = try await client.execute(uri: "/v1/stories", method: .post, headers: json, body: ByteBuffer(string: #"{"title": "Odom"}"#)) {
                try #require(try object($0.body)["id"] as? Int)
            }
            let timeline = "/v1/stories/\(story)/timeline"
            // An empty story's timeline is small: it goes out as it is.
            try await client.execute(uri: timeline, method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.headers[.vary] == "Accept-Encoding")
            }
            let text = String(repeating: "Lamar Odom was found unconscious on Oct. 13. Khloé Kardashian rushed to his side on Wednesday. ", count: 8)
            let document = try JSONSerialization.data(withJSONObject: ["title": "Report", "published": "2015-10-29", "text": text])
            try await client.execute(uri: "/v1/stories/\(story)/documents", method: .post, headers: json, body: ByteBuffer(bytes: document)) {
                #expect($0.status == .created)
            }
            for format in ["", "?format=html", "?format=timelinejs", ".ics"] {
                let uri = format == ".ics" ? timeline + ".ics" : timeline + format
                let plain = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentEncoding] == nil)
                    #expect(response.headers[.vary] == "Accept-Encoding")
                    return Array(response.body.readableBytesView)
                }
                #expect(plain.count >= GzipEncoding.minimumBytes, "\(uri) is large enough to compress")
                let compressed = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "br, gzip"]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentEncoding] == "gzip")
                    #expect(response.headers[.vary] == "Accept-Encoding")
                    return Array(response.body.readableBytesView)
                }
                #expect(try gunzipped(compressed) == plain, "\(uri)")
                #expect(compressed.count < plain.count)
                // Made once per revision: the same bytes again.
                try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                    #expect(Array(response.body.readableBytesView) == compressed)
                }
                try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip;q=0"]) { response in
                    #expect(response.headers[.contentEncoding] == nil)
                    #expect(Array(response.body.readableBytesView) == plain)
                }
            }
        }
    }
}
