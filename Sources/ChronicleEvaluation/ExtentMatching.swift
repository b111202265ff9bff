import ChronicleCore

/// The one-to-one pairing of gold and system extents that TempEval-3 scores entities with (time
/// expressions in Task A, events in Task B, and the alignment of relation endpoints).
///
/// Extents are the given spans clamped to the text and trimmed of white space at both ends. First every
/// gold extent is paired with a system extent identical to it (a **strict** match); then, from left to
/// right, every gold extent still unpaired is paired with the leftmost unpaired system extent that
/// overlaps it. Both kinds of pair are **relaxed** matches. Empty extents match nothing.
struct ExtentMatching {
    /// The trimmed gold extents, in the order given.
    let goldExtents: [TextSpan]
    /// The trimmed system extents, in the order given.
    let systemExtents: [TextSpan]
    /// Gold indices in text order (by extent, then as given).
    let goldOrder: [Int]
    /// System indices in text order (by extent, then as given).
    let systemOrder: [Int]
    /// The system partner of each gold extent.
    private(set) var goldPartner: [Int?]
    /// The gold partner of each system extent.
    private(set) var systemPartner: [Int?]
    /// Whether each gold extent's match is strict.
    private(set) var isStrict: [Bool]

    /// Matches the `gold` spans with the `system` spans, both into `scalars`.
    init(gold: [TextSpan], system: [TextSpan], in scalars: [Unicode.Scalar]) {
        goldExtents = gold.map { EvaluationText.trimmed($0, in: scalars) }
        systemExtents = system.map { EvaluationText.trimmed($0, in: scalars) }
        goldOrder = Self.textOrder(goldExtents)
        systemOrder = Self.textOrder(systemExtents)
        goldPartner = Array(repeating: nil, count: gold.count)
        systemPartner = Array(repeating: nil, count: system.count)
        isStrict = Array(repeating: false, count: gold.count)

        // 1. Strict: identical extents.
        var systemBySpan: [TextSpan: [Int]] = [:]
        for s in systemOrder.reversed() where !systemExtents[s].isEmpty { systemBySpan[systemExtents[s], default: []].append(s) }
        for g in goldOrder where !goldExtents[g].isEmpty {
            if let s = systemBySpan[goldExtents[g]]?.popLast() {
                pair(g, s)
                isStrict[g] = true
            }
        }
        // 2. Relaxed: the leftmost unpaired overlapping system extent, gold from left to right.
        for g in goldOrder where goldPartner[g] == nil {
            let extent = goldExtents[g]
            for s in systemOrder {
                let candidate = systemExtents[s]
                if candidate.start >= extent.end { break }
                if systemPartner[s] == nil, candidate.overlaps(extent) {
                    pair(g, s)
                    break
                }
            }
        }
    }

    private mutating func pair(_ g: Int, _ s: Int) {
        goldPartner[g] = s
        systemPartner[s] = g
    }

    private static func textOrder(_ extents: [TextSpan]) -> [Int] {
        extents.indices.sorted { (extents[$0], $0) < (extents[$1], $1) }
    }
}

/// Text helpers shared by the evaluators.
enum EvaluationText {
    /// The span clamped to the text, without white space at either end.
    static func trimmed(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> TextSpan {
        var start = min(max(span.start, 0), scalars.count)
        var end = min(max(span.end, start), scalars.count)
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return TextSpan(start: start, end: end)
    }

    /// The spans' hull with `width` scalars on each side, on one line, the hull in brackets: `…arrived [last week] in…`.
    static func context(of spans: [TextSpan], in scalars: [Unicode.Scalar], width: Int) -> String {
        let start = spans.map(\.start).min() ?? 0
        let span = TextSpan(start: start, end: max(start, spans.map(\.end).max() ?? 0))
        let from = max(0, span.start - width)
        let to = min(scalars.count, span.end + width)
        var out = String.UnicodeScalarView()
        func add(_ range: Range<Int>) {
            for i in range {
                let c = scalars[i]
                out.append(c.properties.isWhitespace ? " " : c)
            }
        }
        if from > 0 { out.append("…") }
        add(from..<span.start)
        out.append("[")
        add(span.start..<span.end)
        out.append("]")
        add(span.end..<to)
        if to < scalars.count { out.append("…") }
        return String(out)
    }

    /// The failure of a pair whose gold and system texts differ, or `nil` when they are the same.
    static func textMismatch(_ pair: EvaluationPair) -> DocumentFailure? {
        guard pair.gold.text != pair.system.text else { return nil }
        let gold = Array(pair.gold.text.unicodeScalars), system = Array(pair.system.text.unicodeScalars)
        var i = 0
        while i < gold.count, i < system.count, gold[i] == system[i] { i += 1 }
        func excerpt(_ scalars: [Unicode.Scalar]) -> String {
            guard i < scalars.count else { return "end of text" }
            var view = String.UnicodeScalarView()
            for c in scalars[i..<min(scalars.count, i + 20)] { view.append(c.properties.isWhitespace ? " " : c) }
            return "\"\(String(view))\""
        }
        return DocumentFailure(
            name: pair.name,
            message: "gold and system TEXT contents differ (gold \(gold.count) scalars, system \(system.count)); "
                + "first difference at scalar \(i): gold \(excerpt(gold)), system \(excerpt(system)); not scored")
    }

    /// `errors` sorted by position, then by the order of their kind, then as given.
    static func sorted<E>(_ errors: [(position: Int, kindOrder: Int, error: E)]) -> [E] {
        errors.enumerated()
            .sorted { ($0.element.position, $0.element.kindOrder, $0.offset) < ($1.element.position, $1.element.kindOrder, $1.offset) }
            .map(\.element.error)
    }
}
