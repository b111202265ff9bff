import ChronicleCore
import Foundation

/// Hand-written documents with events marked in the text: `[word|CLASS]`, the class as its first letter or
/// two (O occurrence, R reporting, S state, IA I_ACTION, IS I_STATE, A aspectual, P perception).
enum Marked {
    static let classes: [String: Event.Class] = [
        "O": .occurrence, "R": .reporting, "S": .state, "IA": .intensionalAction, "IS": .intensionalState,
        "A": .aspectual, "P": .perception,
    ]

    /// The document of a marked text: the text without marks and its events (ids `e1`, `e2`, ...).
    static func document(_ marked: String, id: String = "") -> Document {
        var text = ""
        var events: [Event] = []
        var scalars = 0
        var rest = Substring(marked)
        while let open = rest.firstIndex(of: "[") {
            let before = rest[..<open]
            text += before
            scalars += before.unicodeScalars.count
            let close = rest[open...].firstIndex(of: "]")!
            let inside = rest[rest.index(after: open)..<close].split(separator: "|")
            let word = String(inside[0])
            let number = events.count + 1
            events.append(Event(
                id: "e\(number)", instanceID: "ei\(number)", span: TextSpan(start: scalars, end: scalars + word.unicodeScalars.count),
                text: word, lemma: word.lowercased(), eventClass: classes[String(inside[1])]!))
            text += word
            scalars += word.unicodeScalars.count
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        return Document(id: id, text: text, events: events)
    }
}

/// The shared data directory next to the package (`../shared/data`).
let sharedData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data")

let aquaintDirectory = sharedData.appendingPathComponent("tbaq-cleaned/AQUAINT")
