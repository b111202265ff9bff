import ChronicleCalendar
import ChronicleCore

/// Finds English time expressions and normalises them to TimeML TIMEX3 values.
///
/// A tagger holds only immutable, compiled tables: create one and share it across threads.
public struct TemporalTagger: Sendable {
    public struct Options: Hashable, Sendable {
        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Tags `text`, anchoring relative expressions on `creationTime` when given.
    public func tag(_ text: String, creationTime: CreationTime? = nil, id: String = "") -> Document {
        var document = Document(id: id, text: text, creationTime: creationTime)
        annotate(&document)
        return document
    }

    /// Adds time expressions (and tokens, if the document has none yet) to a document.
    public func annotate(_ document: inout Document) {
        // Filled in by the recognition and normalisation stages.
    }
}
