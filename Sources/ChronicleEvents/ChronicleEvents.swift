import ChronicleCore

/// Finds event mentions (TimeML EVENTs) and their attributes: class, tense, aspect, polarity, modality.
///
/// A recogniser holds only immutable tables and models: create one and share it across threads.
public struct EventRecognizer: Sendable {
    public init() {}

    /// Adds ``Document/events`` (and, if the document has no words yet, the linguistic layer they need).
    public func annotate(_ document: inout Document) {}
}
