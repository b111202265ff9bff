import ChronicleCore

/// Finds temporal relations (TimeML TLINKs): event–creation time, event–time, event–event.
///
/// A recogniser holds only immutable tables and models: create one and share it across threads.
public struct RelationRecognizer: Sendable {
    public init() {}

    /// Adds ``Document/relations`` from the document's events and time expressions.
    public func annotate(_ document: inout Document) {}
}
