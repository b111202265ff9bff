import ChronicleService
import Foundation

/// The body of `POST /v1/tag`.
struct TagRequest: Decodable, Sendable {
    var text: String
    var dct: String?
    var events: Bool?
    var id: String?
}

/// The body of `POST /v1/stories`.
struct NewStoryRequest: Decodable, Sendable {
    var title: String
}

/// The body of `POST /v1/stories/{id}/documents`.
struct NewDocumentRequest: Decodable, Sendable {
    var title: String?
    var published: String?
    var text: String
    var url: String?
    var format: String?

    /// The service's input; an unknown `format` is a 400.
    func input() throws -> DocumentSubmission {
        var declared: DocumentSubmission.Format?
        if let format, !format.isEmpty {
            guard let known = DocumentSubmission.Format(rawValue: format.lowercased()) else {
                throw Problem(.badRequest, "invalid-input", "\"format\" must be \"text\" or \"html\"")
            }
            declared = known
        }
        return DocumentSubmission(title: title, published: published, url: url, body: text, format: declared)
    }
}
