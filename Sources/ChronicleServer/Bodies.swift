import Chronicle
import Foundation
import Hummingbird

extension Response {
    /// A JSON response from a ``JSONValue`` (compact).
    static func json(
        _ value: JSONValue, status: HTTPResponse.Status = .ok, contentType: String = "application/json", headers: HTTPFields = [:]
    ) -> Response {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        value.write(to: &out)
        return bytes(out, status: status, contentType: contentType, headers: headers)
    }

    /// A response with these bytes as its body.
    static func bytes(
        _ bytes: some Sequence<UInt8>, status: HTTPResponse.Status = .ok, contentType: String, headers: HTTPFields = [:]
    ) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Reading request bodies: a JSON object of at most the configured size, in valid UTF-8.
struct BodyReader: Sendable {
    /// The largest body accepted, in bytes.
    var maximumBytes: Int

    /// The body of a JSON request decoded as `T`. Problems: 415 when the content type is not JSON, 413 when the
    /// body is larger than ``maximumBytes`` (from `Content-Length` before reading it, else while reading it),
    /// 422 when it is not valid UTF-8, 400 when it is not the JSON object expected.
    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let bytes = try await read(request)
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, _) {
            throw Problem(.badRequest, "invalid-input", "\"\(key.stringValue)\" is missing")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw Problem(.badRequest, "invalid-input", Self.mismatch(expected, context))
        } catch let DecodingError.valueNotFound(expected, context) {
            throw Problem(.badRequest, "invalid-input", Self.mismatch(expected, context))
        } catch {
            throw Problem(.badRequest, "malformed-json", "the body is not a well-formed JSON object")
        }
    }

    /// The raw body of a JSON request, checked as ``decode(_:from:)`` describes (except for the JSON itself).
    func read(_ request: Request) async throws -> [UInt8] {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json")) else {
            throw Problem(
                .unsupportedMediaType, "unsupported-media-type",
                "the body must be JSON with 'Content-Type: application/json'" + (mediaType.isEmpty ? "" : ", not '\(mediaType)'"))
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBytes { throw tooLarge }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        }
        let bytes = Array(buffer.readableBytesView)
        if let offset = RequestChecks.firstInvalidUTF8(bytes) {
            throw Problem(.unprocessableContent, "invalid-utf8", "the body is not valid UTF-8 (byte \(offset))")
        }
        return bytes
    }

    private var tooLarge: Problem {
        Problem(.contentTooLarge, "body-too-large", "the request body is larger than the \(maximumBytes) bytes the server accepts")
    }

    private static func mismatch(_ expected: Any.Type, _ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).filter { !$0.isEmpty }.joined(separator: ".")
        let kind: String
        switch expected {
        case is String.Type: kind = "a string"
        case is Bool.Type: kind = "true or false"
        case is Int.Type, is Int64.Type: kind = "an integer"
        default: kind = "an object"
        }
        return path.isEmpty ? "the body must be a JSON object" : "\"\(path)\" must be \(kind)"
    }
}
