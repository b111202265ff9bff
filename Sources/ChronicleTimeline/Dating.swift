import ChronicleCalendar
import ChronicleCore
import ChronicleEntities

/// Where a mention's verb group points in time, as far as its words tell.
enum Outlook: Sendable {
    /// A past tense or a perfect ("arrested", "has resigned", "had been found").
    case past
    /// A present tense ("says", "stands").
    case present
    /// A future, a modal or an announced plan ("will reopen", "should reopen", "would play", "is expected to sign").
    case future
    /// No tense (a noun, an infinitive or a participle alone).
    case none
}

extension Build {
    /// The modal verbs that look forward ("can" states an ability now).
    static let forwardModals: Set<String> = ["will", "would", "shall", "should", "could", "may", "might", "must", "'ll", "wo"]
    /// Words that announce a plan before "to" ("is expected to sign", "is set to open", "plans to close").
    static let planWords: Set<String> = [
        "expected", "set", "scheduled", "due", "planned", "plans", "plan", "planning", "going", "poised", "slated", "intends", "intend",
        "aims", "aim", "hopes", "hope", "wants", "want", "promised", "promises", "vowed", "vows", "pledged", "pledges",
    ]
    static let perfectOrPassiveAuxiliaries: Set<String> = ["has", "have", "had", "was", "were", "been", "'s", "'ve", "'d"]

    /// The outlook of the verb group of word `w`: the tense the event stage gave it, else its tag and the auxiliaries
    /// and plan words before it in its clause.
    static func outlook(of w: Int, event: Event?, analysis: DocumentAnalysis) -> Outlook {
        if event?.tense == .future { return .future }
        if let modality = event?.modality?.lowercased(), forwardModals.contains(modality) { return .future }
        let word = analysis.words[w]
        let clause = analysis.clause(around: w)
        var j = w - 1
        var steps = 0
        while j >= clause.lowerBound, steps < 4 {
            let lower = analysis.lower(of: j)
            if forwardModals.contains(lower) { return .future }
            if lower == "to", j - 1 >= clause.lowerBound, planWords.contains(analysis.lower(of: j - 1)) { return .future }
            if perfectOrPassiveAuxiliaries.contains(lower), word.penn == .vbn || word.penn == .vbd { return .past }
            let traits = analysis.words[j].traits
            if !(analysis.words[j].isAuxiliary || traits.contains(.negation) || traits.contains(.pennAdverb) || lower == "to") { break }
            j -= 1
            steps += 1
        }
        switch event?.tense {
        case .past?: return .past
        case .present?: return .present
        default: break
        }
        switch word.penn {
        case .vbd: return .past
        case .vbz, .vbp: return .present
        default: return .none
        }
    }

    /// Gives each entry whose relations place it on no time expression and no other entry its best-supported
    /// time, and says for every entry how its time was found (``Timeline/Basis``):
    ///
    /// 1. **Narrative.** The last date written before the event's first mention in its document, when its days
    ///    agree with the event's tense (a past event takes the last date not after the creation time, a future
    ///    one the last date not before it) and with the event's bounds: "The fire began on July 14. ... It was
    ///    not reported until 5:40 a.m." puts the report on July 14. A statement told in the past takes the narrative
    ///    date too ("Hale admitted that she had lost"), unless its verb is a reporting verb ("said", "announced"),
    ///    which stays with the report it was quoted for (2).
    /// 2. **Document date.** Otherwise, in a report (a document with a creation time whose dates are mostly
    ///    near it), a past or present event is dated to the report's day, or the day before (``defaultDay``); so
    ///    is an event placed only after another entry. A future event stays after the report.
    /// 3. Entries related only to the creation time keep that placement; the others have no basis.
    ///
    /// The bounds (`first`, `last`) are not changed: they are what the relations prove. The value and the
    /// granularity are the best-supported time, and `inferredDay` orders the entry.
    func date(_ placements: inout [PlacementDraft], clusters: [[Int]]) {
        let reports = story.indices.map(isReport)
        let narratives = story.indices.map { narrativeDates(of: $0, isReport: reports[$0]) }
        let paragraphs = story.indices.map { Self.paragraphStarts(story[$0].document.text) }
        for c in clusters.indices {
            var p = placements[c]
            defer { placements[c] = p }
            switch p.anchorNode {
            case .time(let d, let id)? where timeExpressions[.time(document: d, id: id)] != nil:
                p.basis = .explicit
                continue
            case .entry?:
                p.basis = .relation
                // After another entry, in a report, with no day of its own: the report's news, dated by default.
                if p.relation == .after, p.value == nil, !p.contradictory {
                    let mention = firstMention(of: clusters[c])
                    if reports[mention.document], mention.outlook != .future, let creationTime = story[mention.document].document.creationTime {
                        if let day = defaultDay(mention.outlook, bounds: (p.first, p.last), creationTime: creationTime), p.first.map({ day >= $0 }) ?? true {
                            p.value = CalendarDate(dayNumber: day).description
                            p.granularity = .day
                            p.basis = .documentDate
                            p.inferredDay = day
                        }
                    }
                }
                continue
            default:
                break
            }
            p.basis = p.anchorNode == nil ? .unknown : .documentDate
            guard !p.contradictory else { continue }
            let mention = firstMention(of: clusters[c])
            let d = mention.document
            let creationDay = story[d].document.creationTime?.date.dayNumber
            let narrates = (mention.statement == nil || mention.outlook == .past) && mention.outlook != .present && mention.outlook != .none
                && [.occurrence, .aspectual, .intensionalAction, .perception].contains(mention.eventClass)
            if narrates, let narrative = narrativeDate(
                before: mention, in: narratives[d], paragraphs: paragraphs[d], creationDay: creationDay, bounds: (p.first, p.last)) {
                p.value = narrative.timex.value
                p.granularity = narrative.days.granularity
                p.relation = .on
                p.anchorNode = .time(document: d, id: narrative.timex.id)
                p.basis = .narrative
                p.inferredDay = narrative.days.first
                continue
            }
            guard reports[d], let creationDay else { continue }
            // A statement is made when it is reported ("wants to make one thing clear" is said now), unless its verb is
            // in the future.
            let outlook = mention.statement != nil && mention.outlook == .future ? Outlook.present : mention.outlook
            switch outlook {
            case .future:
                if p.anchorNode == nil {
                    p.relation = .after
                    p.anchorNode = .time(document: d, id: "t0")
                    p.granularity = .open
                }
                p.basis = .documentDate
            case .past, .present, .none:
                if let first = p.first, first > creationDay { continue }
                // A statement is dated to the report's day (it is quoted for the report), not to the day before.
                guard let day = defaultDay(mention.statement != nil ? .present : outlook, bounds: (p.first, p.last),
                                           creationTime: story[d].document.creationTime!) else { continue }
                if let first = p.first, day < first { continue }
                p.value = CalendarDate(dayNumber: day).description
                p.granularity = .day
                if p.anchorNode == nil { p.relation = .on }
                p.anchorNode = .time(document: d, id: "t0")
                p.basis = .documentDate
                p.inferredDay = day
            }
        }
    }

    /// The mention of a cluster told first (in story order).
    func firstMention(of cluster: [Int]) -> MentionRecord {
        mentions[cluster.min { (mentions[$0].document, mentions[$0].span.start) < (mentions[$1].document, mentions[$1].span.start) }!]
    }

    /// The day a report's event is dated to by default: none when its bounds end before the day before the report
    /// (it is older news), the day before when they end then, or when it is told in a past tense in a report written in the morning (a morning report tells
    /// of the day before); else the report's day.
    func defaultDay(_ outlook: Outlook, bounds: (first: Int?, last: Int?), creationTime: CreationTime) -> Int? {
        let creationDay = creationTime.date.dayNumber
        if let last = bounds.last, last < creationDay { return last == creationDay - 1 ? last : nil }
        if outlook == .past || outlook == .none, let time = creationTime.time, time.hour < 12, (bounds.first ?? Int.min) < creationDay { return creationDay - 1 }
        return creationDay
    }

    /// A date that moved the narrative: a written date or time with days.
    struct NarrativeDate {
        var timex: TimeExpression
        var days: DayInterval
    }

    /// The dates of document `d` that can carry the narrative, in text order: dates and times with days (a
    /// clock time with the day it was anchored on), not durations, sets or references such as "now". In a
    /// report only a day moves the narrative ("this week's issue" does not); in a history a month or a year does.
    func narrativeDates(of d: Int, isReport: Bool) -> [NarrativeDate] {
        var result: [NarrativeDate] = []
        for timex in story[d].document.timeExpressions where timex.kind == .date || timex.kind == .time {
            guard !timex.value.hasSuffix("_REF"), let days = times[.time(document: d, id: timex.id)],
                  let first = days.first, let last = days.last, last - first <= (isReport ? 0 : 366) else { continue }
            result.append(NarrativeDate(timex: timex, days: days))
        }
        return result.sorted { $0.timex.span.start < $1.timex.span.start }
    }

    /// The narrative date in force at `mention`: the last date before it that agrees with its outlook and bounds.
    func narrativeDate(before mention: MentionRecord, in dates: [NarrativeDate], paragraphs: [Int], creationDay: Int?,
                       bounds: (first: Int?, last: Int?)) -> NarrativeDate? {
        var index = dates.partitionPoint { $0.timex.span.start >= mention.span.start } - 1
        let paragraph = paragraphs.partitionPoint { $0 > mention.span.start }
        while index >= 0 {
            let date = dates[index]
            index -= 1
            // The narrative holds in the paragraph of its date and the next one.
            if paragraph - paragraphs.partitionPoint(where: { $0 > date.timex.span.start }) > 1 { return nil }
            guard let first = date.days.first, let last = date.days.last else { continue }
            if let creationDay {
                switch mention.outlook {
                case .future: if last < creationDay { continue }
                case .past: if first > creationDay { continue }
                case .present, .none: if first > creationDay { continue }
                }
            }
            if let lower = bounds.first, last < lower { continue }
            if let upper = bounds.last, first > upper { continue }
            return date
        }
        return nil
    }

    /// The scalar offsets at which the paragraphs of `text` after the first start (after a blank line).
    static func paragraphStarts(_ text: String) -> [Int] {
        var starts: [Int] = []
        var offset = 0
        var newlines = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                newlines += 1
            case " ", "\t", "\r":
                break
            default:
                if newlines >= 2 { starts.append(offset) }
                newlines = 0
            }
            offset += 1
        }
        return starts
    }

    /// Whether document `d` is a report on recent events: it has a creation time and most of its dates with
    /// days lie within two months of it (a history told from afar is not dated by its creation time).
    func isReport(_ d: Int) -> Bool {
        guard let creationDay = story[d].document.creationTime?.date.dayNumber else { return false }
        var near = 0, far = 0
        for timex in story[d].document.timeExpressions {
            guard let days = times[.time(document: d, id: timex.id)], let first = days.first, let last = days.last, last - first <= 366 else { continue }
            if last >= creationDay - 62 && first <= creationDay + 62 { near += 1 } else { far += 1 }
        }
        return far <= 2 * near + 1
    }
}

extension Array {
    /// The index of the first element for which `belongs` holds, all elements before it failing it (binary search).
    func partitionPoint(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
