import ChronicleCalendar
import ChronicleCore

/// Renders a ``Timeline`` for a terminal: a header line per document, then one line per entry — when,
/// the entry, what it is, and its source sentence shortened — then the warnings.
///
/// ```
/// # seed (dct 2015-10-29, given): Khloé Defends Her Interview About Lamar Odom
/// … 2015-10-13   E2  done, before E3 — “the cover and majority of the interview was done before Odom's…” [seed:3]
/// 2015-10-13     E3  hospitalization (Lamar Odom) — “…he was hospitalized after being found unconscious on Oct. 13…” [seed:7]
/// 2015-10-28     E9  Khloé Kardashian clarify (Twitter): “she was not exploiting Odom…” [seed:6]
/// warning: seed: ...
/// ```
///
/// The first column says when: a day (`2015-10-13`), a time's value when it is not a day (`2015-W44`), an
/// unknown year (`????-10-28`), an open interval (`… 2015-10-13`, `2015-10-13 …`), a range
/// (`2015-10-13 … 2015-10-20`), or `?`. A date inferred from the narrative or from the document's date
/// rather than written for the event is marked `~` (`~2015-10-28`). Reported or denied events are flagged
/// `[reported]`, `[denied]`.
///
/// By default only the key entries are listed (``Timeline/Entry/isKey``), followed by a line saying how many
/// were left out; ``Selection/all`` lists every entry.
public struct TimelineTextRenderer: Sendable {
    /// Which entries a view shows.
    public enum Selection: String, Hashable, Sendable, CaseIterable {
        /// The story's key entries (``Timeline/Entry/isKey``).
        case key
        /// Every entry.
        case all

        /// The entries of `timeline` this selection shows.
        public func entries(of timeline: Timeline) -> [Timeline.Entry] {
            self == .all ? timeline.entries : timeline.entries.filter(\.isKey)
        }
    }

    /// The longest source excerpt, in characters.
    public var excerptLength: Int
    public var selection: Selection

    public init(excerptLength: Int = 90, selection: Selection = .key) {
        self.excerptLength = excerptLength
        self.selection = selection
    }

    public func render(_ timeline: Timeline) -> String {
        var lines: [String] = []
        let texts = Dictionary(timeline.documents.map { ($0.id, Array($0.text.unicodeScalars)) }, uniquingKeysWith: { a, _ in a })
        let sentences = Dictionary(timeline.documents.map { ($0.id, $0.sentences) }, uniquingKeysWith: { a, _ in a })
        for document in timeline.documents {
            let dct = document.creationTime.map { "dct \($0), \($0.source.rawValue)" } ?? "no dct"
            lines.append("# \(document.id) (\(dct))" + (document.title.map { ": \(Self.oneLine($0).trimmingLeadingSpace.trimmingTrailingSpace)" } ?? ""))
        }
        let shown = selection.entries(of: timeline)
        let whens = shown.map(Self.when)
        let width = min(max(whens.map(\.count).max() ?? 0, 10), 27)
        let idWidth = shown.map(\.id.count).max() ?? 2
        let lemmas = Dictionary(timeline.entries.map { ($0.id, $0.event.text) }, uniquingKeysWith: { a, _ in a })
        for (entry, when) in zip(shown, whens) {
            var line = when.padding(width) + "  " + entry.id.padding(idWidth) + "  "
            line += describe(entry, lemmas: lemmas)
            if let excerpt = excerpt(entry, texts: texts, sentences: sentences) { line += " — “\(excerpt)”" }
            line += " [\(entry.event.source.document)\(entry.event.source.sentence.map { ":\($0 + 1)" } ?? "")]"
            lines.append(line)
        }
        if shown.count < timeline.entries.count {
            lines.append("(\(shown.count) key entries of \(timeline.entries.count); --all shows every entry)")
        }
        for warning in timeline.warnings {
            var line = "\(warning.severity.rawValue): "
            if let document = warning.document { line += "\(document): " }
            line += Self.oneLine(warning.message).trimmingLeadingSpace.trimmingTrailingSpace
            if !warning.entries.isEmpty, !warning.message.contains(warning.entries[0]) { line += " (\(warning.entries.joined(separator: ", ")))" }
            lines.append(line)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The first column.
    public static func when(_ entry: Timeline.Entry) -> String {
        let time = entry.time
        if time.basis.isInferred, let value = time.value {
            return "~" + value.replacingOccurrences(of: "XXXX", with: "????")
        }
        if time.relation == .on, let value = time.value, time.start == nil, time.end == nil {
            switch value {
            case "PRESENT_REF": return "now"
            case "PAST_REF": return "past"
            case "FUTURE_REF": return "future"
            default: return value.replacingOccurrences(of: "XXXX", with: "????")
            }
        }
        switch (time.start, time.end) {
        case let (start?, end?) where start == end:
            return start.description
        case let (start?, end?):
            if time.relation == .on, let value = time.value, ![.day, .time, .range, .open].contains(time.granularity) { return value }
            return "\(start) … \(end)"
        case let (start?, nil):
            return "\(start) …"
        case let (nil, end?):
            return "… \(end)"
        case (nil, nil):
            return "?"
        }
    }

    private func describe(_ entry: Timeline.Entry, lemmas: [String: String]) -> String {
        var text: String
        if let statement = entry.statement {
            if let speaker = statement.speaker ?? statement.speakerMention {
                text = speaker + " " + statement.verb
            } else {
                text = entry.event.text  // "reportedly", "reports": the hearsay itself
            }
            if let channel = statement.channel { text += " (\(channel))" }
            if let content = statement.contentText { text += ": “\(Self.shorten(Self.oneLine(content), to: excerptLength / 2))”" }
            if statement.stance != .asserted { text += " [\(statement.stance.rawValue)]" }
        } else {
            text = entry.event.text
            if !entry.participants.isEmpty { text += " (\(entry.participants.joined(separator: ", ")))" }
        }
        switch (entry.time.relation, entry.time.anchor) {
        case (.before, .entry(let id)?): text += ", before \(id) \(lemmas[id] ?? "")"
        case (.after, .entry(let id)?): text += ", after \(id) \(lemmas[id] ?? "")"
        case (.on, .entry(let id)?): text += ", with \(id) \(lemmas[id] ?? "")"
        case (.overlap, .entry(let id)?): text += ", around \(id) \(lemmas[id] ?? "")"
        case (.before, .creationTime?): text += ", before the article"
        case (.after, .creationTime?): text += ", after the article"
        default: break
        }
        if entry.statement == nil {
            if entry.isDenied { text += " [\(entry.attribution == .reported ? "reported, denied" : "denied")]" }
            else if entry.attribution == .reported { text += " [reported]" }
        }
        return text
    }

    /// The sentence of the entry's representative mention, shortened around the mention (statements show their content instead).
    private func excerpt(_ entry: Timeline.Entry, texts: [String: [Unicode.Scalar]], sentences: [String: [TextSpan]]) -> String? {
        guard entry.statement?.contentText == nil, let scalars = texts[entry.event.source.document] else { return nil }
        let span = entry.event.source.span
        guard span.end <= scalars.count else { return nil }
        // The sentence (from the document's sentences; else back and forward to a line break or a sentence end).
        var start = span.start, end = span.end
        if let index = entry.event.source.sentence, let sentence = sentences[entry.event.source.document]?[safe: index],
           sentence.contains(span), sentence.end <= scalars.count {
            (start, end) = (sentence.start, sentence.end)
        } else {
            while start > 0, !Self.endsSentence(scalars, at: start - 1) { start -= 1 }
            while end < scalars.count, !Self.endsSentence(scalars, at: end) { end += 1 }
            if end < scalars.count, scalars[end] != "\n" { end += 1 }
        }
        let before = Self.oneLine(Self.string(scalars[start..<span.start]))
        let mention = Self.string(scalars[span.start..<span.end])
        let after = Self.oneLine(Self.string(scalars[span.end..<end]))
        let budget = max(excerptLength - mention.count, 20)
        var left = before.trimmingLeadingSpace
        var right = after
        if left.count + right.count > budget {
            let leftBudget = min(left.count, max(budget / 2, budget - right.count))
            if left.count > leftBudget { left = "…" + left.suffix(leftBudget).trimmingLeadingSpace }
            let rightBudget = budget - left.count
            if right.count > rightBudget { right = String(right.prefix(max(rightBudget, 0))).trimmingTrailingSpace + "…" }
        }
        return (left + mention + right).trimmingTrailingSpace
    }

    static func endsSentence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let c = scalars[index]
        if c == "\n" { return true }
        guard c == "." || c == "!" || c == "?" else { return false }
        return index + 1 >= scalars.count || scalars[index + 1] == " " || scalars[index + 1] == "\n" || scalars[index + 1] == ")"
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// White space (line ends included) collapsed to single spaces.
    static func oneLine(_ text: String) -> String {
        var result = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(character)
                inSpace = false
            }
        }
        return result
    }

    static func shorten(_ text: String, to length: Int) -> String {
        guard text.count > length else { return text }
        return String(text.prefix(max(length - 1, 1))).trimmingTrailingSpace + "…"
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

private extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension StringProtocol {
    var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
    var trimmingTrailingSpace: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
