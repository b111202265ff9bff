import ChronicleCore

/// Relations that the words of a sentence state outright, added ahead of the classifiers' guesses:
///
/// - **A temporal preposition and its object**: "the interview was done **before** Odom's hospitalization"
///   (done BEFORE hospitalization), "filming **during** Odom's hospitalization" (IS_INCLUDED), "hospitalized
///   **after** being found" (AFTER), "**prior to** the vote", "**ahead of** the summit", "**since** the
///   attack", "**until** the election", "**following** the crash", "**upon** hearing".
/// - **`post-`/`pre-` compounds**: "the post-hospitalization quotes" are AFTER the hospitalization the
///   document mentions elsewhere; "pre-election rallies" BEFORE the election.
/// - **What a passive of completion says was done**: "the cover and majority of the interview was done
///   before ..." (interview SIMULTANEOUS done, so the interview is placed with the doing).
/// - **A signal word before a finite clause**: "was recorded **before** Lamar Odom was found" (BEFORE).
/// - **A date closing a clause whose event follows another**: "he was hospitalized after being found
///   unconscious on Oct. 13" puts both "found" and "hospitalized" on Oct. 13 (IS_INCLUDED).
enum SignalRelations {
    /// Temporal prepositions and conjunctions (lemmas), with the relation of the event they govern to their object.
    static let signals: [String: TemporalRelation.RelationType] = [
        "before": .before, "prior": .before, "ahead": .before, "until": .before, "till": .before, "preceding": .before,
        "pending": .before,
        "after": .after, "following": .after, "since": .after, "upon": .after,
        "during": .isIncluded, "amid": .isIncluded, "amidst": .isIncluded, "throughout": .isIncluded,
    ]

    static let completionVerbs: Set<String> = ["do", "complete", "finish", "conduct"]

    /// Whether `lemma` is one of ``completionVerbs`` (without hashing it).
    static func isCompletionVerb(_ lemma: String) -> Bool {
        switch lemma {
        case "do", "complete", "finish", "conduct": return true
        default: return false
        }
    }

    /// The relations the signal words state, and the event–time pairs they rule out: an event ordered by a
    /// signal word against what follows it is not placed on the times of that part of the sentence
    /// ("recorded before Lamar Odom was found unconscious on Oct. 13": "recorded" is not on Oct. 13). The
    /// pairs are an event and a time expression (indices into the context's), ruled out in both directions.
    static func relations(_ document: Document, _ context: RelationContext) -> (relations: [TemporalRelation], blocked: [(event: Int, time: Int)]) {
        let words = document.words
        guard !words.isEmpty, !context.events.isEmpty else { return ([], []) }
        var blocked: [(event: Int, time: Int)] = []
        /// Rules out the times after signal word `k` in its sentence for event `e`.
        func block(_ e: Int, after k: Int) {
            let s = context.wordSentence[k]
            guard s < context.sentenceTimexes.count, !context.events[e].instanceID.isEmpty else { return }
            for t in context.sentenceTimexes[s] where (context.timexWords[t].first ?? -1) > k { blocked.append((e, t)) }
        }
        // Lowercased lemmas (most are lowercase ASCII already, and are kept as they are).
        let lemmas: [String] = words.map { word in
            guard let lemma = word.lemma else { return "" }
            var ascii = true
            for byte in lemma.utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
                ascii = false
                break
            }
            return ascii ? lemma : lemma.lowercased()
        }
        func lemma(_ w: Int) -> String { lemmas[w] }
        // The first event at each word (-1: none).
        var firstEventAtWord = [Int](repeating: -1, count: words.count)
        for (e, w) in context.eventWord.enumerated() where w < words.count && firstEventAtWord[w] < 0 { firstEventAtWord[w] = e }
        func eventAt(_ w: Int) -> Int? {
            guard w >= 0, w < words.count else { return nil }
            return firstEventAtWord[w] >= 0 ? firstEventAtWord[w] : nil
        }
        var result: [TemporalRelation] = []
        /// The pairs already related: two events (the smaller first), or an event and `-1 - t` for time expression `t`.
        var seen: Set<UInt64> = []
        func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(truncatingIfNeeded: a) << 32 | UInt64(UInt32(truncatingIfNeeded: b)) }
        func add(_ a: Int, _ type: TemporalRelation.RelationType, event b: Int) {
            guard a != b, seen.insert(key(min(a, b), max(a, b))).inserted else { return }
            let events = context.events
            guard !events[a].instanceID.isEmpty, !events[b].instanceID.isEmpty else { return }
            result.append(TemporalRelation(id: "", source: .event(instanceID: events[a].instanceID), target: .event(instanceID: events[b].instanceID), type: type))
        }
        func add(_ a: Int, _ type: TemporalRelation.RelationType, time t: Int) {
            guard seen.insert(key(a, -1 - t)).inserted, !context.events[a].instanceID.isEmpty else { return }
            result.append(TemporalRelation(id: "", source: .event(instanceID: context.events[a].instanceID), target: .time(id: context.timeExpressions[t].id), type: type))
        }
        func isVerbal(_ e: Int) -> Bool {
            let w = context.eventWord[e]
            return words[w].universalTag == .verb || words[w].universalTag == .auxiliary
                || (words[w].universalTag == .adjective && (words[w].pennTag == "VBN" || lemma(w) == "done"))
        }
        /// The nearest verbal event left of word `w` in its sentence, at most 12 words back.
        func governingEvent(before w: Int) -> Int? {
            let sentence = context.sentenceWords[context.wordSentence[w]]
            var k = w - 1
            while k >= sentence.lowerBound, w - k <= 12 {
                if let e = eventAt(k), isVerbal(e) { return e }
                k -= 1
            }
            return nil
        }

        for (e, w) in context.eventWord.enumerated() {
            let sentence = context.sentenceWords[context.wordSentence[w]]
            // The signal before the event: over the words of its noun phrase, or over "being"/"having" and adverbs.
            var k = w - 1
            let nominal = words[w].universalTag == .noun
            while k >= sentence.lowerBound, w - k <= 7 {
                let word = words[k]
                let skippable: Bool
                if nominal {
                    switch word.universalTag {
                    case .determiner?, .adjective?, .numeral?, .properNoun?, .noun?: skippable = true
                    case .pronoun?: skippable = word.pennTag == "PRP$"
                    case .particle?: skippable = word.pennTag == "POS"
                    default: skippable = false
                    }
                } else {
                    skippable = word.universalTag == .adverb || (word.universalTag == .auxiliary && ["be", "have"].contains(lemma(k)))
                        || word.pennTag == "VBG" && ["be", "have"].contains(lemma(k))
                }
                if !skippable { break }
                k -= 1
            }
            if k >= sentence.lowerBound, words[k].universalTag != .verb || lemma(k) == "following" {
                var signal = lemma(k)
                var signalWord = k
                if (signal == "to" || signal == "of"), k - 1 >= sentence.lowerBound, ["prior", "ahead"].contains(lemma(k - 1)) {
                    signal = lemma(k - 1)
                    signalWord = k - 1
                }
                // A verb after the signal must be a participle or gerund ("after being found", "before leaving").
                let formOK = nominal || words[w].pennTag == "VBG" || words[w].pennTag == "VBN"
                if let type = signals[signal], formOK, !(signal == "prior" || signal == "ahead") || signalWord < k,
                   let governor = governingEvent(before: signalWord) {
                    add(governor, type, event: e)
                    if type != .isIncluded { block(governor, after: signalWord) }
                }
            }
            // post-X / pre-X compounds before a nominal event.
            if nominal, w - 1 >= sentence.lowerBound {
                let modifier = lemma(w - 1)
                for (prefix, type) in [("post-", TemporalRelation.RelationType.after), ("pre-", .before)] where modifier.hasPrefix(prefix) {
                    let base = String(modifier.dropFirst(prefix.count))
                    if let anchor = nearestEvent(rootedLike: base, to: e, context: context) { add(e, type, event: anchor) }
                }
            }
            // A passive of completion: the nominal events of its subject happen with it.
            if Self.isCompletionVerb(lemma(w)) || lemma(w) == "done", w - 1 >= sentence.lowerBound, lemma(w - 1) == "be" {
                var j = w - 2
                while j >= sentence.lowerBound {
                    let word = words[j]
                    if word.universalTag == .verb || word.universalTag == .auxiliary || word.universalTag == .punctuation
                        || word.universalTag == .subordinatingConjunction || (word.universalTag == .pronoun && word.pennTag != "PRP$") { break }
                    if let subject = eventAt(j), words[j].universalTag == .noun { add(subject, .simultaneous, event: e) }
                    j -= 1
                }
            }
        }

        // A signal word before a finite clause: "was recorded before Lamar Odom was found", "left after she
        // arrived". ("since" is left out: it is as often causal.)
        for k in words.indices where (words[k].universalTag == .subordinatingConjunction || words[k].universalTag == .adposition)
            && ["before", "after", "until", "till"].contains(lemma(k)) {
            let sentence = context.sentenceWords[context.wordSentence[k]]
            var j = k + 1
            var sawSubject = false
            while j < sentence.upperBound, j <= k + 8 {
                let word = words[j]
                if word.universalTag == .punctuation { break }
                if let e = eventAt(j), isVerbal(e) {
                    let finite = ["VBD", "VBZ", "VBP", "MD"].contains(word.pennTag ?? "")
                        || (j - 1 > k && (words[j - 1].universalTag == .auxiliary))
                    if sawSubject, finite, let type = signals[lemma(k)], let governor = governingEvent(before: k) {
                        add(governor, type, event: e)
                        block(governor, after: k)
                    }
                    break
                }
                if word.universalTag == .verb { break }
                if [.noun, .properNoun, .pronoun].contains(word.universalTag) { sawSubject = true }
                j += 1
            }
        }

        // A date closing a clause: "hospitalized after being found unconscious on Oct. 13".
        for (t, range) in context.timexWords.enumerated() where context.timeExpressions[t].kind == .date {
            guard let first = range.first, first - 1 >= 0, ["on", "in"].contains(lemma(first - 1)),
                  let near = governingEvent(before: first - 1) else { continue }
            let nearWord = context.eventWord[near]
            var k = nearWord - 1
            while k >= 0, words[k].universalTag == .adverb || ["be", "have"].contains(lemma(k)) && (words[k].pennTag == "VBG" || words[k].universalTag == .auxiliary) {
                k -= 1
            }
            guard k >= 0, ["after", "upon"].contains(lemma(k)), words[nearWord].pennTag == "VBG" || words[nearWord].pennTag == "VBN",
                  let main = governingEvent(before: k) else { continue }
            add(near, .isIncluded, time: t)
            add(main, .isIncluded, time: t)
        }
        return (result, blocked)
    }

    /// The event of the document nearest to event `e` (before it first, then after it) whose lemma has the
    /// same root as `base` ("hospitalization", "hospitalize"), if any.
    static func nearestEvent(rootedLike base: String, to e: Int, context: RelationContext) -> Int? {
        let root = Self.root(base)
        guard root.count >= 3 else { return nil }
        let events = context.events
        for candidate in stride(from: e - 1, through: 0, by: -1) where Self.root(events[candidate].lemma.lowercased()) == root { return candidate }
        for candidate in (e + 1)..<max(e + 1, events.count) where Self.root(events[candidate].lemma.lowercased()) == root { return candidate }
        return nil
    }

    /// A crude derivational root: one suffix removed ("hospitalization", "hospitalize", "hospitalized" → "hospital").
    static func root(_ lemma: String) -> String {
        for suffix in ["ization", "isation", "ation", "ition", "ment", "ize", "ise", "ing", "ion", "ed", "e", "s"]
        where lemma.count > suffix.count + 3 && lemma.hasSuffix(suffix) {
            return String(lemma.dropLast(suffix.count))
        }
        return lemma
    }
}
