import ChronicleCore
import ChronicleTime
import Testing

@testable import ChronicleEntities

/// Tags a hand-written text (time expressions, words) and finds its entities and statements.
func statements(in text: String, dct: String? = "2015-10-29", events: [Event] = []) -> (Document, [Statement]) {
    var document = TemporalTagger().tag(text, creationTime: dct.flatMap { CreationTime(parsing: $0) })
    document.events = events
    StatementRecognizer().annotate(&document)
    return (document, document.statements)
}

/// The scalar span of the `occurrence`-th occurrence of `needle` in `text`.
func span(of needle: String, in text: String, occurrence: Int = 0) -> TextSpan {
    let scalars = Array(text.unicodeScalars), target = Array(needle.unicodeScalars)
    var found = 0
    var index = 0
    while index + target.count <= scalars.count {
        if Array(scalars[index..<index + target.count]) == target {
            if found == occurrence { return TextSpan(start: index, end: index + target.count) }
            found += 1
        }
        index += 1
    }
    fatalError("'\(needle)' (\(occurrence)) not in the text")
}

extension Document {
    func text(of span: TextSpan?) -> String? { span.map { text(of: $0) } }
}
