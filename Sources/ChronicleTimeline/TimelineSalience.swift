import ChronicleCore

/// Scores how much each entry of a timeline matters to the story, and picks the key entries that the views
/// show by default (`chronicle timeline` without `--all`).
///
/// The key entries are what a reader asks for first: the events with a date of their own, the statements
/// with their speaker, and the events that those are placed against. The score adds up that evidence:
///
/// | evidence | points |
/// |---|---|
/// | on a written date or time with days (a week or a month counts less, a year or more less again) | 3 / 2 / 1.5 |
/// | before or after a written date | 2 |
/// | a statement with a named speaker (hearsay without one: 1) | 3 |
/// | placed before or after an entry with a written date (on it: 1.5) | 3 |
/// | each further mention of the event (at most 3) | 0.75 |
/// | the entries placed against it (at most 4) | 0.5 each |
/// | told in a title or a lead sentence | 1 |
/// | named participants | 0.5 |
/// | denied | 1 |
/// | a state, or a light verb ("be", "have", "do", "see", "think", ...) | −1.5 |
///
/// An entry is key when it scores at least ``threshold``, among the ``maximumKeyEntries(documents:)`` best;
/// the entries that key entries are placed against are key too, unless they are light (score under 1.5). In a
/// story of at most ``smallStory`` entries every entry is key. `salience` is the score mapped to 0…1
/// (`score / (score + 3)`, so the threshold is 0.5).
public struct TimelineSalience: Sendable {
    /// The least score of a key entry.
    public var threshold: Double

    public init(threshold: Double = 3) {
        self.threshold = threshold
    }

    /// Verbs that say little on their own: a timeline entry made of one of them needs other evidence to be key.
    public static let lightVerbs: Set<String> = [
        "be", "have", "do", "make", "get", "take", "give", "go", "come", "see", "seem", "look", "want", "believe", "think", "know",
        "remember", "assume", "expect", "feel", "let", "keep", "put", "try", "need", "like", "mean", "become", "stay", "remain",
        "walk", "talk", "breathe", "follow", "write", "use", "find", "show",
    ]

    /// A story with at most this many entries has every entry key.
    public static let smallStory = 5

    /// The most key entries of a story of `documents` documents.
    public static func maximumKeyEntries(documents: Int) -> Int { 10 + 5 * max(documents, 1) }

    /// Scores the entries of `timeline` and marks its key entries.
    public func annotate(_ timeline: inout Timeline) {
        let entries = timeline.entries
        var position: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { position[entry.id] = index }
        var dependents = [Int](repeating: 0, count: entries.count)
        for entry in entries { if case .entry(let id)? = entry.time.anchor, let target = position[id] { dependents[target] += 1 } }
        var scores: [Double] = []
        for (index, entry) in entries.enumerated() {
            var score = ownDateScore(entry)
            if let statement = entry.statement { score += statement.speaker != nil ? 3 : 1 }
            if case .entry(let id)? = entry.time.anchor, let target = position[id], ownDateScore(entries[target]) > 0 {
                score += entry.time.relation == .before || entry.time.relation == .after ? 3 : 1.5
            }
            score += 0.75 * Double(min(entry.sources.count - 1, 3))
            score += 0.5 * Double(min(dependents[index], 4))
            if entry.sources.contains(where: { ($0.sentence ?? 99) <= 1 }) { score += 1 }
            if !entry.participants.isEmpty { score += 0.5 }
            if entry.isDenied { score += 1 }
            if entry.statement == nil, entry.event.eventClass == .state || Self.lightVerbs.contains(entry.event.lemma) { score -= 1.5 }
            scores.append(score)
        }
        // A story of a few entries shows them all.
        let threshold = entries.count <= Self.smallStory ? -Double.infinity : self.threshold
        let ranked = entries.indices.filter { scores[$0] >= threshold }.sorted { (-scores[$0], $0) < (-scores[$1], $1) }
        var key = Set(ranked.prefix(Self.maximumKeyEntries(documents: timeline.documents.count)))
        for index in Array(key) {
            if case .entry(let id)? = entries[index].time.anchor, let target = position[id], scores[target] >= 1.5 { key.insert(target) }
        }
        for index in timeline.entries.indices {
            let score = max(scores[index], 0)
            timeline.entries[index].salience = score / (score + 3)
            timeline.entries[index].isKey = key.contains(index)
        }
    }

    /// The points for a date of the entry's own (a written time expression it is on, before or after).
    private func ownDateScore(_ entry: Timeline.Entry) -> Double {
        guard entry.time.basis == .explicit, case .time? = entry.time.anchor else { return 0 }
        if entry.time.value?.hasSuffix("_REF") == true { return 1 }
        switch entry.time.relation {
        case .on, .overlap:
            switch entry.time.granularity {
            case .time, .day, .weekend: return 3
            case .week, .month, .range: return 2
            case .unknown: return entry.time.value?.hasPrefix("XXXX-") == true ? 2.5 : 1
            default: return 1.5
            }
        case .before, .after: return 2
        case .unknown: return 0
        }
    }
}
