// Stands in for ChronicleServer's `Problem` (which carries Hummingbird's HTTPResponse.Status) so that the
// server's Foundation-only request files (Sources/ChronicleServer/Requests.swift, RequestChecks.swift) compile
// into the service fuzz target without Hummingbird. Only what those files use is here.
struct Problem: Error {
    enum Status { case badRequest }
    var status: Status
    var kind: String
    var detail: String

    init(_ status: Status, _ kind: String, _ detail: String) {
        self.status = status
        self.kind = kind
        self.detail = detail
    }
}
