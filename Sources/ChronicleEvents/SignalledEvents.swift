import ChronicleCore

/// Event nouns that the words around them make certain, for the nominal events a story's order hangs on
/// and that the statistical model, trained on TimeBank's few examples of each noun, may miss:
///
/// - the object of a temporal preposition, when it is a noun made from a verb or one the lexicon has seen as
///   an event: "before Odom's **hospitalization**", "after the **meeting**", "during the **negotiations**",
///   "prior to his **arrest**", "ahead of the **vote**";
/// - the head noun after a `post-`/`pre-` compound made from an event noun: "the post-hospitalization
///   **quotes**", "a pre-election **rally**";
/// - the things said to be done in a passive clause of completion: "the **cover** and majority of the
///   **interview** was done", "the **inquiry** was completed".
///
/// Each is an OCCURRENCE (the word's own class when the model knows it better). These words are also
/// what ``SignalledEvents/signals`` lists for the relation stage.
enum SignalledEvents {
    /// Temporal prepositions (lemmas) whose object may be an event; `prior` and `ahead` need `to`/`of` next.
    static let signals: Set<String> = [
        "before", "after", "during", "following", "since", "until", "till", "amid", "amidst", "upon", "throughout",
        "prior", "ahead", "pending", "preceding",
    ]

    /// Verbs (lemmas) whose passive says that its subject was carried out.
    static let completionVerbs: Set<String> = ["do", "complete", "finish", "conduct"]

    /// Nouns of quantity whose "of" phrase names the thing itself: "majority of the interview".
    static let quantityNouns: Set<String> = ["majority", "most", "part", "rest", "bulk", "half", "all", "much", "some", "portion", "remainder"]

    /// Nouns that are never events even when made from a verb-looking stem, or that are times.
    static let excluded: Set<String> = [
        "time", "day", "week", "month", "year", "night", "morning", "evening", "afternoon", "hour", "minute", "season",
        "weekend", "decade", "century", "period", "era", "age", "building", "people", "person", "family", "nation",
        "company", "station", "position", "relation", "population", "administration", "organization", "foundation",
        "institution", "association", "corporation", "generation", "country", "thing", "everything", "nothing",
    ]

    /// Whether the part of a `post-`/`pre-` compound after the hyphen names an event by its suffix
    /// ("hospitalization", "election", "treatment", "meeting") or is one of a few common event nouns.
    static func hasEventSuffix<S: StringProtocol>(_ base: S) -> Bool {
        for suffix in ["tion", "sion", "ment", "ance", "ence", "ing", "ure", "al"] where base.hasSuffix(suffix) { return true }
        return ["war", "game", "crisis", "strike", "attack", "storm", "flood", "riot", "trial", "surgery", "vote", "season"].contains(String(base))
    }

    /// The indices of words of `range` (one sentence) that are events by the rules above and not yet in `found`.
    static func words(
        in range: Range<Int>, words: UnsafeBufferPointer<Word>, bytes: UnsafeBufferPointer<UInt8>, found: Set<Int>,
        isEventLike: (Int) -> Bool, isVerbLike: (Int) -> Bool
    ) -> [Int] {
        var result: [Int] = []
        func lemma(_ i: Int) -> String { (words[i].lemma ?? "").lowercased() }
        func isNoun(_ i: Int) -> Bool { words[i].universalTag == .noun }
        func add(_ i: Int) {
            if !found.contains(i), !result.contains(i), !excluded.contains(lemma(i)) { result.append(i) }
        }
        /// The head noun of the noun phrase starting at `i`: determiners, possessives ("Odom's", "her"),
        /// adjectives, numbers and compound nouns skipped; `nil` when no noun follows.
        func head(from start: Int) -> Int? {
            var i = start, steps = 0
            var last: Int?
            while i < range.upperBound, steps < 7 {
                let word = words[i]
                switch word.universalTag {
                case .noun?:
                    last = i
                case .determiner?, .adjective?, .numeral?, .properNoun?:
                    if last != nil { return last }
                case .pronoun? where word.pennTag == "PRP$":
                    if last != nil { return last }
                case .particle? where word.pennTag == "POS":
                    break
                default:
                    return last
                }
                i += 1
                steps += 1
            }
            return last
        }
        func startsClause(after h: Int) -> Bool {
            var k = h + 1
            while k < range.upperBound, words[k].universalTag == .adverb { k += 1 }
            guard k < range.upperBound else { return false }
            return words[k].universalTag == .verb || words[k].universalTag == .auxiliary
        }
        for i in range {
            let l = lemma(i)
            // A temporal preposition and its object.
            if signals.contains(l), words[i].universalTag == .adposition || words[i].universalTag == .subordinatingConjunction
                || words[i].universalTag == .verb || words[i].universalTag == .adverb || words[i].universalTag == .adjective {
                var start = i + 1
                if l == "prior" || l == "ahead" {
                    guard start < range.upperBound, ["to", "of"].contains(lemma(start)) else { continue }
                    start += 1
                }
                // Not when the noun is the subject of a clause the word introduces ("after security plans were leaked").
                if let h = head(from: start), isEventLike(h), !startsClause(after: h) { add(h) }
            }
            // post-X / pre-X compounds: the noun they modify.
            if isNoun(i) || words[i].universalTag == .adjective, let form = words[i].lemma?.lowercased(),
               form.hasPrefix("post-") || form.hasPrefix("pre-"), i + 1 < range.upperBound, isNoun(i + 1),
               let base = form.split(separator: "-", maxSplits: 1).last, base.count >= 4,
               words[i].byteRange.count > 0, bytes[words[i].byteRange.upperBound - 1] &- 97 < 26,
               base.utf8.first.map({ $0 &- 97 < 26 }) ?? false,
               SignalledEvents.hasEventSuffix(base) {
                var h = i + 1
                while h + 1 < range.upperBound, isNoun(h + 1) { h += 1 }
                // The compound says the noun is placed in time ("the post-hospitalization quotes"): a noun
                // that is also a verb will do.
                if isEventLike(h) || isVerbLike(h) { add(h) }
            }
        }
        // The subjects of a passive of completion: "the cover and majority of the interview was done".
        for i in range where (completionVerbs.contains(lemma(i)) && words[i].pennTag == "VBN") || lemma(i) == "done" {
            guard i - 1 >= range.lowerBound, lemma(i - 1) == "be" else { continue }
            // The subject: the words back to the start of the clause.
            var j = i - 2
            var subjectStart = i - 1
            while j >= range.lowerBound {
                let word = words[j]
                if word.universalTag == .verb || word.universalTag == .auxiliary || word.universalTag == .punctuation
                    || word.universalTag == .subordinatingConjunction || (word.universalTag == .pronoun && word.pennTag != "PRP$") { break }
                subjectStart = j
                j -= 1
            }
            guard subjectStart < i - 1 else { continue }
            var k = subjectStart
            while k < i - 1 {
                guard let h = head(from: k) else { k += 1; continue }
                // Only a definite or possessed phrase ("the cover", "her interview"), not "justice is done".
                let determined = (k..<h).contains { words[$0].universalTag == .determiner || words[$0].pennTag == "PRP$" || words[$0].pennTag == "POS" }
                let quantity = quantityNouns.contains(lemma(h))
                if quantity, h + 1 < i - 1, lemma(h + 1) == "of", let inner = head(from: h + 2) {
                    add(inner)
                    k = inner + 1
                } else {
                    if !quantity, determined { add(h) }
                    k = h + 1
                }
            }
        }
        return result.sorted()
    }
}
