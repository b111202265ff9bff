import ChronicleCore

/// The tense a sentence puts a time expression in, as far as its words tell.
enum Tense: Sendable {
    case past, present, future, unknown
    /// The simple present of an event verb ("the hearing resumes Friday"): a scheduled event, ahead for a
    /// weekday, but no more than the present for months and years.
    case scheduled
}

/// Guesses the tense governing a time expression from the verbs around it, without a tagger:
/// auxiliaries and modals ("will", "'ll", "was", "had"), "said", common irregular past forms and
/// regular "-ed" forms. The nearest cue in the same sentence wins, looking left first.
struct TenseCues {
    let s: TokenStream

    static let pastWords: [String] = [
        "was", "were", "had", "did", "said", "told", "took", "came", "went", "made", "gave", "began", "held", "met", "saw",
        "left", "rose", "fell", "won", "lost", "paid", "sold", "bought", "found", "got", "put", "hit", "cut", "quit", "led",
        "ran", "spent", "sent", "brought", "thought", "became", "knew", "wrote", "spoke", "broke", "chose", "drove",
        "flew", "fought", "kept", "meant", "shot", "stood", "struck", "swore", "taught", "threw", "woke", "wore", "grew",
        "drew", "felt", "heard", "built", "caught", "dealt", "fled", "forgot", "hid", "lay", "lent", "lit", "sat", "slept",
        "sought", "spun", "stole", "stuck", "sank", "sang", "swam", "tore", "understood", "wept", "withdrew", "ago", "yesterday",
        "wasn't", "weren't", "didn't", "hadn't",
    ]
    static let futureWords: [String] = [
        "will", "shall", "'ll", "won't", "tomorrow", "upcoming", "would", "plans", "plan", "planned", "expects", "expected",
        "scheduled", "intends", "due", "slated", "set", "going",
    ]
    static let presentWords: [String] = ["is", "are", "am", "says", "say", "has", "have", "isn't", "aren't"]
    static let notVerbsInEd: [String] = ["need", "speed", "seed", "feed", "bed", "red", "led", "wed", "shed", "hundred", "indeed", "proceed", "exceed", "succeed", "breed", "greed", "weed", "creed", "deed", "sacred", "kindred", "naked", "wicked", "wretched", "rugged", "ragged", "crooked", "beloved", "learned", "aged", "united", "limited", "based", "related", "detailed", "advanced", "supposed", "used", "fixed", "mixed", "estimated", "expected", "scheduled", "planned", "proposed", "anticipated", "projected", "intended", "slated"]

    /// Auxiliaries, modals and adverbs that can stand before a verb inside one verb group.
    static let groupWords: [String] = [
        "be", "been", "being", "is", "are", "am", "was", "were", "has", "have", "had", "will", "would", "shall", "should",
        "can", "could", "may", "might", "must", "not", "also", "already", "just", "still", "then", "never", "n't", "'ll",
        "did", "does", "do", "only", "now", "probably", "reportedly", "finally", "again", "first", "later", "quickly",
    ]
    static let intentionWords: [String] = [
        "plans", "plan", "planned", "planning", "expects", "expect", "expected", "intends", "intend", "intended", "hopes",
        "hope", "wants", "want", "agreed", "scheduled", "set", "due", "going", "is", "are", "aims", "seeks", "promised",
        "vowed", "pledged", "threatened", "likely", "able", "slated", "poised", "ready", "prepared", "about",
    ]
    static let planningWords: [String] = [
        "planned", "planning", "scheduled", "scheduling", "rescheduled", "slated",
    ]
    static let adjectiveAdverbs: [String] = ["still", "very", "newly", "recently", "previously", "widely", "highly", "so-called", "much", "more", "most", "less", "least", "fully", "partly", "jointly", "privately", "publicly", "closely", "long", "well", "ill", "yet"]
    static let determiners: [String] = ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "some", "all", "any", "each", "every"]
    /// Words before "plans" that make it a noun ("its own plans", "new plans", "announced plans").
    static let nounBeforePlans: [String] = ["own", "new", "future", "expansion", "travel", "vacation", "business", "s", "no", "any", "the", "and", "of", "with", "about", "announced", "unveiled", "outlined", "detailed", "scrapped", "dropped", "revealed"]

    /// The tense around tokens `range`, looking no further than the sentence `bounds`: the verb group
    /// nearest on the left decides, else the nearest on the right.
    func tense(around range: Range<Int>, within bounds: Range<Int>) -> Tense {
        let found = verbTense(around: range, within: bounds)
        // "as soon as Tuesday", "as early as Friday", "until 9 a.m. Tuesday", "no later than Monday": ahead,
        // whatever the verb ("postponed until Tuesday") — except in the past perfect ("had not called him a
        // suspect until Thursday").
        if let p = word(range.lowerBound - 1) {
            let ahead = p == "until" || p == "till" || p == "effective"
                || (p == "of" && word(range.lowerBound - 2) == "ahead")
                || (p == "as" && (word(range.lowerBound - 2) == "soon" || word(range.lowerBound - 2) == "early") && word(range.lowerBound - 3) == "as")
                || (p == "than" && word(range.lowerBound - 2) == "later" && word(range.lowerBound - 3) == "no")
            if ahead { return found.pastPerfect ? .past : .future }
            if p == "since" { return .past }
            // "The deadline is Friday", "the vote is on Friday": a copula right before the day looks ahead.
            let copula = p == "on" ? word(range.lowerBound - 2) : p
            if copula == "is" || copula == "are" { return .future }
        }
        // "The program runs through June", "should reopen by late May": a present or unknown tense before "through",
        // "by", "until" points ahead.
        if found.tense == .unknown || found.tense == .present || found.tense == .scheduled,
           let p = word(range.lowerBound - 1) ?? word(range.lowerBound - 2), p == "through" || p == "by" || p == "thru" {
            return .future
        }
        return found.tense
    }

    /// The tense of the nearest verb group (left first), and whether it is a past perfect ("had called").
    private func verbTense(around range: Range<Int>, within bounds: Range<Int>) -> (tense: Tense, pastPerfect: Bool) {
        let lowest = max(bounds.lowerBound, range.lowerBound - 16)
        var i = range.lowerBound - 1
        while i >= lowest {
            if let w = word(i) {
                // "plans to meet", "were planning to drive": an infinitive after a verb of intention looks ahead,
                // unless the intention is in the past perfect ("had been due to expire Friday").
                if w == "to", let next = word(i + 1), i + 1 < range.lowerBound, !Self.table.contains(next, in: .determiner),
                   let before = word(i - 1), Self.table.contains(before, in: .intention) {
                    let perfect = hasPastPerfect(endingAt: i - 1)
                    return (perfect ? .past : .future, perfect)
                }
                // "guidelines to be published in November": a passive infinitive looks ahead.
                if w == "to", word(i + 1) == "be", i + 2 < range.lowerBound, let participle = word(i + 2), participle.hasSuffix("ed") || participle.hasSuffix("en") {
                    return (.future, false)
                }
                // A verb of planning before the expression: the expression dates what is planned
                // ("planned a rally on Saturday", "has scheduled a news conference Thursday").
                if Self.table.contains(w, in: .planning) {
                    // "as previously planned", "had originally scheduled": the plan itself, in the past.
                    let before = word(i - 1)
                    if before == "previously" || before == "originally" || before == "already" || before == "earlier" { return (.past, false) }
                    return (.future, false)
                }
                if let t = cue(w, at: i) { return (groupTense(endingAt: i, default: t), hasPastPerfect(endingAt: i)) }
            } else if s.isApostrophe(i), s.isText(i + 1, "ll") {
                return (.future, false)
            }
            i -= 1
        }
        let highest = min(bounds.upperBound, range.upperBound + 12, s.count)
        var j = range.upperBound
        while j < highest {
            if let w = word(j) {
                // After the expression, a planning verb is just a verb ("On Friday, the government planned to ..."),
                // and "plans", "plan" are as often nouns ("vacation plans for the trip", "its plans to expand"),
                // but not before an infinitive after a name or noun: "On Tuesday, the league plans to hold ...".
                if w == "plans" || w == "plan" {
                    if s.isText(j + 1, "to"), let next = word(j + 2), !Self.table.contains(next, in: .determiner),
                       let before = word(j - 1), !Self.table.contains(before, in: .determiner), !Self.table.contains(before, in: .nounBeforePlans),
                       !s.isApostrophe(j - 1) {
                        return (groupTense(endingAt: j, default: .future), false)
                    }
                    j += 1
                    continue
                }
                if Self.table.contains(w, in: .planning) || w == "expected" || w == "expects" || w == "intends" || w == "intended" {
                    if w.hasSuffix("ed") { return (groupTense(endingAt: j, default: .past), hasPastPerfect(endingAt: j)) }
                    return (groupTense(endingAt: j, default: .present), false)
                }
                if let t = cue(w, at: j) { return (groupTense(endingAt: j, default: t), hasPastPerfect(endingAt: j)) }
            }
            j += 1
        }
        return (.unknown, false)
    }

    /// Whether the verb group ending at `i` contains "had" ("had not called", "had been due").
    private func hasPastPerfect(endingAt i: Int) -> Bool {
        if word(i) == "had" { return true }
        var k = i - 1
        while k >= 0, let w = word(k), Self.table.contains(w, in: .group) {
            if w == "had" { return true }
            k -= 1
        }
        return false
    }

    /// In "will be paid" or "was expected", the finite auxiliary furthest left carries the tense.
    private func groupTense(endingAt i: Int, default t: Tense) -> Tense {
        var result = t
        var k = i - 1
        while k >= 0, let w = word(k), Self.table.contains(w, in: .group) {
            switch w {
            case "will", "shall", "'ll": result = .future
            case "would": result = .future
            case "was", "were", "had", "did": result = .past
            case "is", "are", "am", "does", "do": result = result == .future ? .future : .present
            case "has", "have": result = .past
            default: break
            }
            k -= 1
        }
        if s.isApostrophe(k), s.isText(k + 1, "ll") { result = .future }
        return result
    }

    /// Token `i` lower-cased, when it is a word of at most 14 ASCII bytes; nil otherwise.
    private func word(_ i: Int) -> CueWord? {
        guard i >= 0, i < s.count else { return nil }
        let t = s.tokens[i]
        guard t.kind == .word else { return nil }
        return CueWord(s.bytes, Int(t.byteStart), Int(t.byteEnd))
    }

    /// Modals that look ahead ("should reopen", "could run into June") unless a perfect follows ("could have been").
    static let forwardModals: [String] = ["should", "could", "might", "must", "can", "may", "ought"]

    /// What kind of tense cue each word is, and the lists it belongs to, in one table (one probe per word).
    private static let table = CueTable(
        kinds: [(presentWords, .present), (pastWords, .past), (futureWords, .future), (forwardModals, .forwardModal)],
        lists: [
            (notVerbsInEd, .notVerbInEd), (groupWords, .group), (intentionWords, .intention), (planningWords, .planning),
            (adjectiveAdverbs, .adjectiveAdverb), (determiners, .determiner), (nounBeforePlans, .nounBeforePlans),
        ])

    private func cue(_ word: CueWord, at i: Int) -> Tense? {
        let kind = Self.table.kind(of: word)
        if kind == .forwardModal, !s.isCapitalized(i) || word != "may" {
            var k = i + 1
            while let w = self.word(k), w == "not" || w == "n't" || w == "also" || w == "still" || w == "then" { k += 1 }
            return self.word(k) == "have" ? .past : .future
        }
        if kind == .future {
            switch word {
            case "set", "due", "going", "slated":
                return s.isText(i + 1, "to") || s.isText(i + 1, "for") || word == "due" && (s.isText(i + 1, "in") || s.isText(i + 1, "by")) ? .future : nil
            case "expected", "planned", "scheduled", "plans", "plan", "expects", "intends":
                // "expected to", "planned for", "expected in the fourth quarter", "scheduled by May".
                return s.isText(i + 1, "to") || s.isText(i + 1, "for") || s.isText(i + 1, "in") || s.isText(i + 1, "by") ? .future : nil
            default:
                return .future
            }
        }
        if kind == .past { return .past }
        if kind == .present {
            if word == "has" || word == "have" { return .past }
            if s.isText(i + 1, "to") { return .future }
            return .present
        }
        if word.count > 4, word.hasSuffix("ed"), !Self.table.contains(word, in: .notVerbInEd), !s.isCapitalized(i) {
            // "a still unspecified date", "the proposed merger": an adjective after a determiner or an adverb.
            if let before = self.word(i - 1), Self.table.contains(before, in: .determiner) || Self.table.contains(before, in: .adjectiveAdverb) {
                return nil
            }
            return .past
        }
        return nil
    }
}
