import ChronicleCore

/// Finds statements: who said what (speaker, reporting verb, content, channel), and with what stance.
public struct StatementRecognizer: Sendable {
    public init() {}

    /// Adds ``Document/statements`` from the document's words and events.
    public func annotate(_ document: inout Document) {}
}
