import ChronicleCore

/// Documents that repeat another word for word.
extension Build {
    /// Finds the documents that repeat an earlier document of the story word for word (a wire story that several
    /// outlets publish as it is): the same text, byte for byte, the same creation time and the same annotations
    /// (titles and ids may differ). Fills ``repeats``; returns, per document, the earlier one it repeats.
    ///
    /// A repeat's mentions would be its original's, at the same offsets, and would not merge with them (a merge
    /// across documents needs a shared participant or written time): each event would be listed once per copy.
    mutating func findRepeats() -> [Int?] {
        var original = [Int?](repeating: nil, count: story.count)
        repeats = [[Int]](repeating: [], count: story.count)
        var withText: [String: [Int]] = [:]
        for (d, item) in story.enumerated() {
            let document = item.document
            if let o = withText[document.text]?.first(where: { Self.isRepeat(document, of: story[$0].document) }) {
                original[d] = o
                repeats[o].append(d)
            } else {
                withText[document.text, default: []].append(d)
            }
        }
        return original
    }

    /// Whether `document` says what `other` says, where it says it: the same bytes (strings that are only
    /// canonically equivalent have different offsets), the same creation time and the same annotations.
    static func isRepeat(_ document: Document, of other: Document) -> Bool {
        document.text.utf8.elementsEqual(other.text.utf8) && document.creationTime == other.creationTime
            && document.timeExpressions == other.timeExpressions && document.events == other.events
            && document.relations == other.relations && document.statements == other.statements
    }
}
