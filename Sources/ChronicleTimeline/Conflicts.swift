import ChronicleCalendar
import ChronicleCore

extension Build {
    /// The pairs of entries that look like the same event told by two sources at incompatible written times:
    /// mentions of the same root ("arrested", "arrest") not all from one document, each on a time expression of
    /// its own with days (not a week or longer), on days at most two weeks apart that do not meet, each told
    /// by a verb in a past tense, and with the same named participants (all of the smaller list). A consistent story gets none: times inferred
    /// from the narrative or the document's date, or derived from the relation stage's links between
    /// events, never make a conflict; nor do occurrences months apart ("the loss" of each quarter).
    func conflicts(clusters: [[Int]], placements: [PlacementDraft]) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        var clustersByRoot: [String: [Int]] = [:]
        for (c, cluster) in clusters.enumerated() where isDatedByItsOwnTime(placements[c]) {
            clustersByRoot[mentions[cluster[0]].root, default: []].append(c)
        }
        for (root, group) in clustersByRoot.sorted(by: { $0.key < $1.key }) where group.count > 1 && !Derivation.neverMerged.contains(root) {
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] {
                    let pa = placements[a], pb = placements[b]
                    guard let fa = pa.first, let la = pa.last, let fb = pb.first, let lb = pb.last, la < fb || lb < fa,
                          max(fa, fb) - min(la, lb) <= 14 else { continue }
                    // Two sources: the entries are not told by the same single document.
                    let documentsA = Set(clusters[a].map { mentions[$0].document }), documentsB = Set(clusters[b].map { mentions[$0].document })
                    guard documentsA != documentsB || documentsA.count > 1 else { continue }
                    // Each is told as having happened then: a verb in a past tense (a plan that moved, "is expected to sign on
                    // Thursday" then "signed on Friday", or a noun naming a later step, is not a contradiction).
                    guard [a, b].allSatisfy({ clusters[$0].contains { !mentions[$0].isNominal && mentions[$0].outlook == .past } }) else { continue }
                    let participantsA = Set(clusters[a].flatMap { mentions[$0].participants })
                    let participantsB = Set(clusters[b].flatMap { mentions[$0].participants })
                    guard !participantsA.isEmpty, !participantsB.isEmpty,
                          participantsA.isSubset(of: participantsB) || participantsB.isSubset(of: participantsA) else { continue }
                    result.append((a, b))
                }
            }
        }
        return result
    }

    /// The days an entry's relations to written times allow, or the two written times that place it
    /// incompatibly ("hospitalized on Oct. 13 after Oct. 20"): the relations of its mentions to time expressions
    /// with days, each read as the days it allows (ON: the time's days; BEFORE: up to the day before; AFTER:
    /// from the day after), intersected. Contradictions that need the relations between events are not reported: those links are
    /// the relation stage's guesses, not the text's.
    func explicitDays(of cluster: [Int]) -> (first: Int?, last: Int?, contradiction: (WrittenTime, WrittenTime)?) {
        let members = Set(cluster)
        var allowed: [(time: WrittenTime, first: Int, last: Int)] = []
        for link in Set(cluster.flatMap { mentionLinks[$0] }).sorted().map({ links[$0] }) {
            for (end, other, type) in [(link.source, link.target, link.type), (link.target, link.source, link.type.inverse)] {
                guard case .mention(let m) = end, members.contains(m), case .time(let d, let id) = other, id != "t0",
                      let timex = timeExpressions[.time(document: d, id: id)], let days = times[other], days.isBounded else { continue }
                let time = WrittenTime(timex: timex, document: d)
                switch Timeline.PlacementRelation(type) {
                case .on: allowed.append((time, days.first ?? Int.min, days.last ?? Int.max))
                case .before: if let first = days.first { allowed.append((time, Int.min, first - 1)) }
                case .after: if let last = days.last { allowed.append((time, last + 1, Int.max)) }
                default: break
                }
            }
        }
        for (i, a) in allowed.enumerated() {
            for b in allowed[(i + 1)...] where max(a.first, b.first) > min(a.last, b.last) { return (nil, nil, (a.time, b.time)) }
        }
        // Intervals that meet pairwise share a day, so the intersection is not empty.
        let first = allowed.map(\.first).max().flatMap { $0 == Int.min ? nil : $0 }
        let last = allowed.map(\.last).min().flatMap { $0 == Int.max ? nil : $0 }
        return (first, last, nil)
    }

    /// A time expression of the story and the document it is written in.
    struct WrittenTime {
        var timex: TimeExpression
        var document: Int
    }

    /// Whether a placement rests on a time expression with days that the entry is on.
    private func isDatedByItsOwnTime(_ placement: PlacementDraft) -> Bool {
        guard placement.basis == .explicit, placement.relation == .on, placement.first != nil, placement.last != nil else { return false }
        return [.time, .day, .weekend].contains(placement.granularity)
    }

    /// An entry with the evidence of its time: `E3 “arrested” on 2025-03-03 (“Monday”, court-1)`.
    func evidence(_ c: Int, _ clusters: [[Int]], _ placements: [PlacementDraft], _ entryID: [String]) -> String {
        let p = placements[c]
        let days = [p.first, p.last].map { $0.map { CalendarDate(dayNumber: $0).description } ?? "…" }
        var text = "\(entryID[c]) “\(mentions[clusters[c][0]].text)” on \(days[0] == days[1] ? days[0] : "\(days[0])–\(days[1])")"
        if case .time(let d, let id)? = p.anchorNode, let timex = timeExpressions[.time(document: d, id: id)] {
            text += " (“\(timex.text)”, \(documentIDs[d]))"
        }
        return text
    }
}
