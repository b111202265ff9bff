import ChronicleCore
import ChronicleEntities

extension Build {
    /// The signal words before a time expression and the relation they give the event of the clause.
    enum ClauseSignal {
        case within, before, after, until, by, from, purpose

        init?(_ word: String) {
            switch word {
            case "before", "prior": self = .before
            case "after", "since", "following": self = .after
            case "until", "till", "til": self = .until
            case "by": self = .by
            case "from", "starting", "beginning": self = .from
            case "for": self = .purpose
            case "on", "in", "at", "during", "of", "this", "last", "next", "early", "late", "around", "about", "shortly", "just": self = .within
            default: return nil
            }
        }
    }

    /// Verbs whose "for" + time names the time of their object, not their own ("scheduled for 7 p.m. next
    /// Tuesday": the hearing is then, the scheduling earlier).
    static let schedulingClasses: Set<Event.Class> = [.intensionalAction, .intensionalState]

    /// Clause attachment: an event that its document's relations tie to no written time takes the date or time
    /// of its own stretch of sentence (between clause breaks), with the relation its signal word gives:
    ///
    /// | signal | relation |
    /// |---|---|
    /// | on, in, at, during, none | IS_INCLUDED |
    /// | before | BEFORE |
    /// | after, since | AFTER |
    /// | until (a negated event: "will not reopen until mid-April") | IS_INCLUDED |
    /// | by ("close by late May": a reader dates it then) | IS_INCLUDED |
    /// | until (otherwise) | ENDS |
    /// | from | BEGINS |
    /// | for, after a verb of scheduling ("scheduled for 7 p.m. next Tuesday") | IS_INCLUDED, for the event it schedules |
    ///
    /// The time is the one nearest the event in its stretch with no other event between them (the time is that
    /// one's: "done before Odom's hospitalization on Oct. 13"), on the same side of any statement's content. References ("now"), durations and sets place nothing.
    mutating func attachClauseTimes(_ d: Int, document: Document, analysis: DocumentAnalysis, mentions range: Range<Int>, timed: Set<Int>,
                                    order: inout Int) {
        let candidates = document.timeExpressions.filter { timex in
            (timex.kind == .date || timex.kind == .time) && !timex.value.hasSuffix("_REF") && times[.time(document: d, id: timex.id)]?.isBounded == true
        }.sorted { $0.span.start < $1.span.start }
        guard !candidates.isEmpty else { return }
        let ordered = range.sorted { mentions[$0].span.start < mentions[$1].span.start }
        // The mentions, and the times, that start in a stretch of text (binary searches: the cost stays linear in the
        // document, a stretch holding a few of each).
        let starts = ordered.map { mentions[$0].span.start }
        func mentionsStarting(in text: Range<Int>) -> ArraySlice<Int> {
            ordered[starts.partitionPoint { $0 >= text.lowerBound }..<starts.partitionPoint { $0 >= text.upperBound }]
        }
        let timexStarts = candidates.map(\.span.start)
        // The relative clause set off by commas that holds each time, if any (its words), found once per time.
        let relativeClauses = candidates.map { relativeClause(around: $0, analysis) }
        // What was said and the words around it are different clauses: a time outside a statement's content dates the
        // saying ("said on Wednesday that her interview was done ..."), not what was said.
        let contents = StatementContents(document.statements)
        var attached: Set<Int> = []
        for m in ordered where !timed.contains(m) && mentions[m].statement == nil && !attached.contains(m) {
            let mention = mentions[m]
            guard let w = analysis.wordIndex(at: mention.span.start), w < analysis.words.count else { continue }
            let stretch = stretch(around: w, analysis: analysis)
            // "were added later", "had left earlier": the event is placed against the story's time, not at a time
            // elsewhere in its stretch; only a time the adverb governs ("later on Tuesday") is its own.
            let relativeAdverb = relativeTimeAdverb(around: w, analysis: analysis)
            var best: (timex: TimeExpression, distance: Int)?
            let saidIn = Set(contents.containing(mention.span))
            let inStretch = timexStarts.partitionPoint { $0 >= stretch.start }..<timexStarts.partitionPoint { $0 >= stretch.end }
            for index in inStretch {
                let timex = candidates[index]
                guard stretch.contains(timex.span), !timex.span.overlaps(mention.span), Set(contents.containing(timex.span)) == saidIn,
                      relativeAdverb.map({ allows($0, after: w, timex, analysis) }) ?? true,
                      relativeClauses[index].map({ $0.contains(w) }) ?? true else { continue }
                let distance = timex.span.start > mention.span.start ? timex.span.start - mention.span.end : mention.span.start - timex.span.end
                let between = timex.span.start > mention.span.start ? mention.span.end..<timex.span.start : timex.span.end..<mention.span.start
                let blocked = mentionsStarting(in: between).contains { other in other != m && blocks(other, from: mention, analysis: analysis) }
                if !blocked, best == nil || distance < best!.distance { best = (timex, distance) }
            }
            guard let timex = best?.timex else { continue }
            var target = m
            var type = TemporalRelation.RelationType.isIncluded
            switch signal(before: timex, analysis: analysis) {
            case .before?: type = .before
            case .after?: type = .after
            case .until?: type = mention.isNegated ? .isIncluded : .ends
            case .by?: type = .isIncluded
            case .from?: type = .begins
            case .purpose?:
                // "scheduled for ...": the time is the scheduled event's (the nearest nominal event of the stretch).
                if Self.schedulingClasses.contains(mention.eventClass) {
                    guard let scheduled = mentionsStarting(in: stretch.start..<stretch.end).filter({ other in
                        other != m && mentions[other].isNominal && !timed.contains(other) && stretch.contains(mentions[other].span)
                    }).min(by: { abs(mentions[$0].span.start - mention.span.start) < abs(mentions[$1].span.start - mention.span.start) })
                    else { continue }
                    target = scheduled
                }
            case .within?, nil: break
            }
            guard !attached.contains(target) else { continue }
            attached.insert(target)
            links.append(Link(document: d, source: .mention(target), target: .time(document: d, id: timex.id), type: type, order: order,
                              isStated: true))
            order += 1
        }
    }

    /// Whether event `other`, between `mention` and a time, takes the time for itself:
    /// - a finite verb or an infinitive does ("to clarify her interview"), and so does any verb after a "before" that
    ///   stands between the two: "before" opens a clause whose time is its own ("her interview was recorded before
    ///   Lamar Odom was found unconscious on Oct. 13": the finding is on Oct. 13, the interview and its recording before
    ///   it; "threatened with death before being released on Tuesday"). Otherwise a participle does not ("a farmer named
    ///   Hesketh"); nor does one after "after" or "until": what follows an event on a day is most often on that day too
    ///   ("rushed to his bedside upon hearing that he was hospitalized after being found on Oct. 13");
    /// - a noun does when a temporal signal stands between the two events ("done before Odom's hospitalization on
    ///   Oct. 13"), not when it is the verb's object ("failed a fire-safety inspection in 2021").
    func blocks(_ other: Int, from mention: MentionRecord, analysis: DocumentAnalysis) -> Bool {
        let lower = min(mention.span.end, mentions[other].span.end), upper = max(mention.span.start, mentions[other].span.start)
        if !mentions[other].isNominal {
            guard let w = analysis.wordIndex(at: mentions[other].span.start), w < analysis.words.count else { return true }
            if analysis.words[w].isFinite || w > 0 && analysis.lower(of: w - 1) == "to" { return true }
            guard lower < upper else { return false }
            return analysis.wordRange(in: TextSpan(start: lower, end: upper)).contains { ClauseSignal(analysis.lower(of: $0)) == .before }
        }
        guard lower < upper else { return true }
        for w in analysis.wordRange(in: TextSpan(start: lower, end: upper)) {
            if let signal = ClauseSignal(analysis.lower(of: w)), signal != .within, signal != .purpose { return true }
        }
        return false
    }

    /// The words of the relative clause set off by commas that holds a time (", which opened in 1987,"): from the comma
    /// before its relative pronoun to the comma after the time, or the end of the sentence (at most 40 words on). The
    /// time is that clause's alone ("The Denby site, which opened in 1987, makes crackers": the making is not in 1987).
    func relativeClause(around timex: TimeExpression, _ analysis: DocumentAnalysis) -> ClosedRange<Int>? {
        guard let t = analysis.wordIndex(at: timex.span.start), t < analysis.words.count else { return nil }
        let sentence = analysis.sentenceWords[analysis.words[t].sentence]
        var k = t - 1
        while k > sentence.lowerBound, t - k <= 12, !analysis.isBreak(k), analysis.lower(of: k) != "," { k -= 1 }
        guard k > sentence.lowerBound, analysis.lower(of: k) == ",", k + 1 < t,
              Self.relativePronouns.contains(analysis.lower(of: k + 1)) else { return nil }
        var end = t + 1
        while end < sentence.upperBound, end - t < 40, !analysis.isBreak(end), analysis.lower(of: end) != "," { end += 1 }
        return k...min(end, sentence.upperBound - 1)
    }

    static let relativePronouns: Set<String> = ["which", "who", "whom", "whose"]

    /// Adverbs that place an event against the story's reference time ("added later", "had left earlier").
    static let relativeTimeAdverbs: Set<String> = [
        "later", "earlier", "afterwards", "afterward", "subsequently", "previously", "beforehand", "since", "then",
    ]

    /// The word index of a relative-time adverb right before or right after the event word `w` ("later added", "added
    /// later"), not itself part of a time expression ("later this month" is one).
    func relativeTimeAdverb(around w: Int, analysis: DocumentAnalysis) -> Int? {
        let sentence = analysis.words[w].sentence
        for k in [w + 1, w - 1] where k >= 0 && k < analysis.words.count && analysis.words[k].sentence == sentence {
            if !analysis.words[k].inTimex, analysis.words[k].tag == .adverb, Self.relativeTimeAdverbs.contains(analysis.lower(of: k)) {
                return k
            }
        }
        return nil
    }

    /// Whether an event at word `w` with the relative-time adverb at word `adverb` can take the time: one after the
    /// event ("she later resigned on March 3"), and after an adverb that follows the event only the time the adverb
    /// governs, at most one word after it ("were added later on Tuesday", "left earlier in the day").
    func allows(_ adverb: Int, after w: Int, _ timex: TimeExpression, _ analysis: DocumentAnalysis) -> Bool {
        guard let t = analysis.wordIndex(at: timex.span.start), t > w else { return false }
        return adverb < w || t > adverb && t - adverb <= 2
    }

    /// The relation stage's link between an event and a time, read with the signal before the time: a negated event
    /// "until" a time happens then ("was not reported until 5:40 a.m."), and an event "by" a time is dated then
    /// ("will close its bakery by late May").
    func signalReading(_ type: TemporalRelation.RelationType, _ source: Node, _ target: Node, _ analysis: DocumentAnalysis)
        -> TemporalRelation.RelationType {
        guard case .mention(let m) = source, case .time = target, let timex = timeExpressions[target] else { return type }
        switch signal(before: timex, analysis: analysis) {
        case .until? where mentions[m].isNegated && [.before, .ends, .immediatelyBefore].contains(type): return .isIncluded
        case .by? where ![.after, .immediatelyAfter, .begins, .begunBy].contains(type): return .isIncluded
        default: return type
        }
    }

    /// Nouns that name events by themselves (the event stage, trained on TimeBank, misses many of them).
    static let eventNouns: Set<String> = [
        "survey", "rain", "storm", "flood", "fire", "blaze", "crash", "collision", "explosion", "earthquake", "attack", "profit", "loss",
        "election", "vote", "referendum", "meeting", "hearing", "trial", "verdict", "sentencing", "service", "ceremony", "funeral",
        "wedding", "concert", "show", "match", "game", "final", "race", "launch", "sale", "visit", "strike", "protest", "rally", "march",
        "debate", "interview", "inspection", "recall", "outbreak", "shooting", "arrest", "raid", "summit", "conference", "session",
        "auction", "premiere", "opening", "closure", "merger", "takeover", "deal", "release", "announcement", "speech", "keynote",
    ]

    /// Event nouns written with their own date right after them ("a follow-up survey on Saturday", "a quarterly profit in the
    /// fourth quarter of 2022", "the memorial service on Sunday") that are not event mentions yet: the noun's word and its time.
    func datedEventNouns(_ d: Int, _ document: Document, analysis: DocumentAnalysis, events: [TextSpan]) -> [(Int, TimeExpression)] {
        var result: [(Int, TimeExpression)] = []
        let covered = events.sorted { $0.start < $1.start }
        for timex in document.timeExpressions where timex.kind == .date || timex.kind == .time {
            guard !timex.value.hasSuffix("_REF"), times[.time(document: d, id: timex.id)]?.isBounded == true,
                  let t = analysis.wordIndex(at: timex.span.start), t >= 2, analysis.words[t - 1].sentence == analysis.words[t].sentence,
                  ["on", "in", "at", "during"].contains(analysis.lower(of: t - 1)) else { continue }
            let noun = t - 2
            guard analysis.words[noun].isNoun, !analysis.words[noun].isProperNoun, !analysis.words[noun].inTimex,
                  Self.eventNouns.contains(analysis.lemma(of: noun)) else { continue }
            let span = analysis.words[noun].span
            let index = covered.partitionPoint { $0.end > span.start }
            if index < covered.count, covered[index].overlaps(span) { continue }
            result.append((noun, timex))
        }
        return result
    }

    /// The stretch of sentence around word `w`: between the nearest clause breaks (brackets, dashes, colons,
    /// semicolons; not commas).
    func stretch(around w: Int, analysis: DocumentAnalysis) -> TextSpan {
        let sentence = analysis.sentenceWords[analysis.words[w].sentence]
        var lower = w, upper = w
        while lower - 1 >= sentence.lowerBound, !analysis.isBreak(lower - 1) { lower -= 1 }
        while upper + 1 < sentence.upperBound, !analysis.isBreak(upper + 1) { upper += 1 }
        return analysis.span(lower, upper)
    }

    /// The signal among the two words before a time expression ("until mid-April", "shortly after 1 a.m.").
    func signal(before timex: TimeExpression, analysis: DocumentAnalysis) -> ClauseSignal? {
        guard let w = analysis.wordIndex(at: timex.span.start), w < analysis.words.count else { return nil }
        var found: ClauseSignal?
        for j in stride(from: w - 1, through: max(w - 2, 0), by: -1) where analysis.words[j].sentence == analysis.words[w].sentence {
            guard let signal = ClauseSignal(analysis.lower(of: j)) else { break }
            if signal != .within { return signal }
            found = found ?? signal
        }
        return found
    }
}
