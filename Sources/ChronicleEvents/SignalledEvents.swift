import ChronicleCore
import ChronicleLanguage

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

    /// The lists of this type a lower-cased lemma is in, and the few single lemmas the rules test.
    struct LemmaFlags: OptionSet {
        let rawValue: UInt16
        static let signal = LemmaFlags(rawValue: 1)
        static let priorOrAhead = LemmaFlags(rawValue: 2)
        static let toOrOf = LemmaFlags(rawValue: 4)
        static let of = LemmaFlags(rawValue: 8)
        static let completion = LemmaFlags(rawValue: 16)
        static let done = LemmaFlags(rawValue: 32)
        static let be = LemmaFlags(rawValue: 64)
        static let excluded = LemmaFlags(rawValue: 128)
        static let quantity = LemmaFlags(rawValue: 256)

        /// The flags of a lower-cased lemma, by the lists themselves.
        init(lowercased lemma: String) {
            var flags: LemmaFlags = []
            if SignalledEvents.signals.contains(lemma) { flags.insert(.signal) }
            if lemma == "prior" || lemma == "ahead" { flags.insert(.priorOrAhead) }
            if lemma == "to" || lemma == "of" { flags.insert(.toOrOf) }
            if lemma == "of" { flags.insert(.of) }
            if SignalledEvents.completionVerbs.contains(lemma) { flags.insert(.completion) }
            if lemma == "done" { flags.insert(.done) }
            if lemma == "be" { flags.insert(.be) }
            if SignalledEvents.excluded.contains(lemma) { flags.insert(.excluded) }
            if SignalledEvents.quantityNouns.contains(lemma) { flags.insert(.quantity) }
            self = flags
        }

        init(rawValue: UInt16) {
            self.rawValue = rawValue
        }
    }

    /// The lemmas with flags, by their hash as ``EventWordInfo/lemma`` computes it (ASCII letters folded), for
    /// ASCII lemmas: an open-addressing table (hash 0 marks an empty slot), checked against the lemma itself.
    private struct LemmaTable {
        var hashes: [UInt64]
        var lemmas: [[UInt8]]
        var flags: [LemmaFlags]
        let mask: Int

        init() {
            var all = signals.union(completionVerbs).union(excluded).union(quantityNouns)
            all.formUnion(["prior", "ahead", "to", "of", "done", "be"])
            var capacity = 16
            while capacity < all.count * 4 { capacity *= 2 }
            mask = capacity - 1
            hashes = [UInt64](repeating: 0, count: capacity)
            lemmas = [[UInt8]](repeating: [], count: capacity)
            flags = [LemmaFlags](repeating: [], count: capacity)
            for lemma in all.sorted() {
                let hash = StableHash.folded(lemma)
                var index = Int(truncatingIfNeeded: hash) & mask
                while hashes[index] != 0 { index = (index + 1) & mask }
                hashes[index] = hash
                lemmas[index] = Array(lemma.utf8)
                flags[index] = LemmaFlags(lowercased: lemma)
            }
        }

        /// The flags of an ASCII lemma (`nil` for none) whose folded hash is `hash`; `lemma` is asked for only when
        /// the hash matches a listed one (rarely: most words are in no list).
        @inline(__always)
        func flags(hash: UInt64, lemma: () -> String?) -> LemmaFlags {
            var index = Int(truncatingIfNeeded: hash) & mask
            while hashes[index] != 0 {
                if hashes[index] == hash, let lemma = lemma(), Self.equalFolded(lemma, lemmas[index]) { return flags[index] }
                index = (index + 1) & mask
            }
            return []
        }

        private static func equalFolded(_ lemma: String, _ member: [UInt8]) -> Bool {
            guard lemma.utf8.count == member.count else { return false }
            var k = 0
            for byte in lemma.utf8 {
                if (byte &- 65 < 26 ? byte | 0x20 : byte) != member[k] { return false }
                k += 1
            }
            return true
        }
    }

    private static let lemmaTable = LemmaTable()

    /// Non-ASCII punctuation lemmas (in no list of this type).
    private static let punctuation = ["\u{201C}", "\u{201D}", "\u{2019}", "\u{2018}", "\u{2014}", "\u{2013}", "\u{2026}"]

    /// The flags of the lemma of word `index` of `words`, whose info is `info`.
    @inline(__always)
    private static func flags(of index: Int, in words: UnsafeBufferPointer<Word>, info: EventWordInfo, table: LemmaTable) -> LemmaFlags {
        if info.asciiLemma { return table.flags(hash: info.lemma) { words[index].lemma } }
        let lemma = words[index].lemma ?? ""
        // Typographic punctuation, common in news text, is in no list.
        if punctuation.contains(where: { $0 == lemma }) { return [] }
        return LemmaFlags(lowercased: lemma.lowercased())
    }

    /// The indices of words of `range` (one sentence) that are events by the rules above and not yet `found`
    /// (indexed by word). `infos` are the sentence's padded infos (see ``EventFeatures/infos(words:range:roles:bytes:into:)``).
    static func words(
        in range: Range<Int>, words: UnsafeBufferPointer<Word>, infos: UnsafeBufferPointer<EventWordInfo>,
        bytes: UnsafeBufferPointer<UInt8>, found: [Bool], isEventLike: (Int) -> Bool, isVerbLike: (Int) -> Bool
    ) -> [Int] {
        var result: [Int] = []
        let table = lemmaTable
        func lemma(_ i: Int) -> LemmaFlags { flags(of: i, in: words, info: infos[i - range.lowerBound + 2], table: table) }
        func isNoun(_ i: Int) -> Bool { words[i].universalTag == .noun }
        func add(_ i: Int) {
            if !found[i], !result.contains(i), !lemma(i).contains(.excluded) { result.append(i) }
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
            // A temporal preposition and its object.
            let tag = words[i].universalTag
            if tag == .adposition || tag == .subordinatingConjunction || tag == .verb || tag == .adverb || tag == .adjective {
                let l = lemma(i)
                if l.contains(.signal) {
                    var start = i + 1
                    if l.contains(.priorOrAhead) {
                        guard start < range.upperBound, lemma(start).contains(.toOrOf) else { continue }
                        start += 1
                    }
                    // Not when the noun is the subject of a clause the word introduces ("after security plans were leaked").
                    if let h = head(from: start), isEventLike(h), !startsClause(after: h) { add(h) }
                }
            }
            // post-X / pre-X compounds: the noun they modify.
            // Cheap tests first: lower-casing makes neither a "p" nor a hyphen from anything else, so a lemma
            // with either prefix starts with "p" or "P" and has a hyphen.
            if isNoun(i) || words[i].universalTag == .adjective, let lemma = words[i].lemma, (lemma.utf8.first ?? 0) | 0x20 == 0x70,
               lemma.utf8.contains(0x2D),
               let form = words[i].lemma?.lowercased(),
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
        for i in range {
            let l = lemma(i)
            guard l.contains(.completion) && words[i].pennTag == "VBN" || l.contains(.done) else { continue }
            guard i - 1 >= range.lowerBound, lemma(i - 1).contains(.be) else { continue }
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
                let quantity = lemma(h).contains(.quantity)
                if quantity, h + 1 < i - 1, lemma(h + 1).contains(.of), let inner = head(from: h + 2) {
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
