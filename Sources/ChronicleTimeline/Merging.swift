import ChronicleCore

// MARK: Merging mentions into entries

/// The same event told twice (in one document or in several) is one entry: mentions of one root whose bounds meet,
/// merged when ``canMerge(_:_:)`` says they are one event.
extension Build {
    func merge() -> [[Int]] {
        var clusters: [[Int]] = []
        var clusterBounds: [(first: Int?, last: Int?)] = []
        var byRoot: [String: [Int]] = [:]
        for m in mentions.indices {
            let mention = mentions[m]
            var joined = false
            if !Derivation.neverMerged.contains(mention.root), mention.root.count >= 3 {
                for c in byRoot[mention.root] ?? [] where Self.intersects(clusterBounds[c], mention.bounds) {
                    if clusters[c].contains(where: { canMerge(mentions[$0], mention) }) {
                        clusters[c].append(m)
                        clusterBounds[c] = Self.intersection(clusterBounds[c], mention.bounds)
                        joined = true
                        break
                    }
                }
            }
            if !joined {
                byRoot[mention.root, default: []].append(clusters.count)
                clusters.append([m])
                clusterBounds.append(mention.bounds)
            }
        }
        return clusters
    }

    func canMerge(_ a: MentionRecord, _ b: MentionRecord) -> Bool {
        guard a.root == b.root, Self.intersects(a.bounds, b.bounds) else { return false }
        if a.document == b.document, a.span == b.span { return true }
        // The same words of the same sentence in two articles of the same day: a wire story that another outlet
        // published edited (its own headline, a paragraph cut or added) tells the same event.
        if isSameSentence(a, b) { return true }
        if a.statement != nil || b.statement != nil {
            guard let sa = statement(of: a), let sb = statement(of: b), let speaker = sa.speaker, speaker == sb.speaker else { return false }
            return a.document != b.document && a.bounds.first != nil && a.bounds.first == b.bounds.first && a.bounds.last == b.bounds.last
        }
        // In one document, a noun usually refers back to the event ("the interview").
        if a.document == b.document { return a.isNominal || b.isNominal }
        // Across documents: a shared participant, one of them dated; or a participant named on one side only ("the road reopening in
        // mid-April") when both are dated and their days meet; or the same days.
        let aDated = a.bounds.first != nil && a.bounds.last != nil, bDated = b.bounds.first != nil && b.bounds.last != nil
        // (Two undated mentions of a common verb in two articles are rarely one event: "increased", "agreed".)
        if aDated || bDated, !Set(a.participants).isDisjoint(with: b.participants) { return true }
        let dated = aDated && bDated
        if dated, a.participants.isEmpty || b.participants.isEmpty { return true }
        return a.bounds.first != nil && a.bounds.first == b.bounds.first && a.bounds.last == b.bounds.last
    }

    /// Whether two mentions of different documents dated the same day stand at the same offset of sentences that
    /// are the same text, byte for byte.
    func isSameSentence(_ a: MentionRecord, _ b: MentionRecord) -> Bool {
        guard a.document != b.document, a.span.length == b.span.length, let sa = a.sentence, let sb = b.sentence,
              sentenceHashes[a.document][sa] == sentenceHashes[b.document][sb],
              let day = story[a.document].document.creationTime?.date, day == story[b.document].document.creationTime?.date
        else { return false }
        let (spanA, spanB) = (analyses[a.document].sentenceSpans[sa], analyses[b.document].sentenceSpans[sb])
        return a.span.start - spanA.start == b.span.start - spanB.start
            && analyses[a.document].text(spanA).utf8.elementsEqual(analyses[b.document].text(spanB).utf8)
    }

    func statement(of mention: MentionRecord) -> Statement? {
        mention.statement.map { story[mention.document].document.statements[$0] }
    }

    static func intersects(_ a: (first: Int?, last: Int?), _ b: (first: Int?, last: Int?)) -> Bool {
        let first = max(a.first ?? Int.min, b.first ?? Int.min)
        let last = min(a.last ?? Int.max, b.last ?? Int.max)
        return first <= last
    }

    static func intersection(_ a: (first: Int?, last: Int?), _ b: (first: Int?, last: Int?)) -> (first: Int?, last: Int?) {
        let first = [a.first, b.first].compactMap { $0 }.max()
        let last = [a.last, b.last].compactMap { $0 }.min()
        return (first, last)
    }
}
