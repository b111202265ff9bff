import Chronicle
import ChronicleService
import Foundation
import Hummingbird

/// An error answered as an RFC 9457 problem (`application/problem+json`): `type`, `title`, `status`, `detail`.
///
/// Every error a request raises becomes one (``ProblemMiddleware``): the service's own errors with their
/// messages, Hummingbird's HTTP errors with theirs, and anything else as a 500 whose detail says nothing about
/// the server's internals.
public struct Problem: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    /// A short, stable name of the kind of problem (`invalid-date`, `not-found`), the end of `type`.
    public var kind: String
    public var detail: String
    /// Extra response headers (`Allow` with a 405, `WWW-Authenticate` with a 401, `Retry-After` with a 503).
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ kind: String, _ detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.kind = kind
        self.detail = detail
        self.headers = headers
    }

    /// The problem's `type`: a URN naming its kind.
    public var type: String { "urn:chronicle:problem:" + kind }

    /// The response: the problem as JSON.
    public func response() -> Response {
        let value = JSONValue.object([
            ("type", .string(type)), ("title", .string(status.reasonPhrase)), ("status", .integer(status.code)), ("detail", .string(detail)),
        ])
        return Response.json(value, status: status, contentType: "application/problem+json", headers: headers)
    }

    /// The problem an error raised while answering a request stands for.
    public static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as StoryServiceError:
            return from(error)
        case let error as HTTPError:
            return from(error)
        default:
            return Problem(.internalServerError, "internal", "the server could not answer this request; it has been logged")
        }
    }

    static func from(_ error: StoryServiceError) -> Problem {
        let detail = error.description
        switch error {
        case .invalidInput: return Problem(.badRequest, "invalid-input", detail)
        case .invalidDate: return Problem(.badRequest, "invalid-date", detail)
        case .storyNotFound, .documentNotFound: return Problem(.notFound, "not-found", detail)
        case .storyFull: return Problem(.conflict, "story-full", detail)
        case .documentTooLarge: return Problem(.contentTooLarge, "document-too-large", detail)
        case .busy: return Problem(.serviceUnavailable, "busy", detail, headers: [.retryAfter: "5"])
        case .timedOut: return Problem(.serviceUnavailable, "timed-out", detail, headers: [.retryAfter: "5"])
        }
    }

    static func from(_ error: HTTPError) -> Problem {
        switch error.status {
        case .notFound: return Problem(.notFound, "not-found", "there is nothing at this address")
        case .contentTooLarge: return Problem(.contentTooLarge, "body-too-large", "the request body is larger than the server accepts")
        case .methodNotAllowed: return Problem(.methodNotAllowed, "method-not-allowed", "this address does not take this method")
        default: return Problem(error.status, "http", error.body ?? error.status.reasonPhrase, headers: error.headers)
        }
    }
}

/// Turns every error into a problem response, and logs the unexpected ones (with their details, which
/// the response leaves out).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error)
            if problem.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return problem.response()
        }
    }
}
