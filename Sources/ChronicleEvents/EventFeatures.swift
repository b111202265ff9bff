import ChronicleCore
import ChronicleLanguage

/// What the model's lexicon knows about a lemma (with its coarse part of speech): how often it was an event
/// in the training documents and in the extra (silver) documents, its most frequent class there, and
/// whether it was seen as a verb (to recognise nouns made from verbs: "attack", "hospitalization").
struct LemmaEntry: Equatable {
    var bits: UInt32

    init(bits: UInt32) {
        self.bits = bits
    }

    init(gold: LemmaCounts, extra: LemmaCounts, seenAsVerb: Bool) {
        bits = Self.fields(gold) | Self.fields(extra) << 10 | (seenAsVerb ? 1 << 20 : 0)
    }

    /// Rate bucket (4 bits), count bucket (3 bits) and majority class (3 bits) of `counts`.
    private static func fields(_ counts: LemmaCounts) -> UInt32 {
        UInt32(rateBucket(events: counts.events, total: counts.total))
            | UInt32(countBucket(counts.total)) << 4 | UInt32(counts.majorityClass) << 7
    }

    /// 0 when never seen, 1 never an event, 8 always one, buckets in between.
    static func rateBucket(events: Int, total: Int) -> Int {
        guard total > 0 else { return 0 }
        if events == 0 { return 1 }
        if events == total { return 8 }
        let rate = Double(events) / Double(total)
        return rate < 0.1 ? 2 : rate < 0.3 ? 3 : rate < 0.5 ? 4 : rate < 0.7 ? 5 : rate < 0.9 ? 6 : 7
    }

    /// 0 for never, then 1, 2–3, 4–7, 8–15, 16–31, 32 or more.
    static func countBucket(_ count: Int) -> Int {
        switch count {
        case 0: 0
        case 1: 1
        case 2...3: 2
        case 4...7: 3
        case 8...15: 4
        case 16...31: 5
        default: 6
        }
    }

    var goldRate: UInt64 { UInt64(bits & 0xF) }
    var goldCount: UInt64 { UInt64(bits >> 4 & 0x7) }
    var goldClass: UInt64 { UInt64(bits >> 7 & 0x7) }
    var extraRate: UInt64 { UInt64(bits >> 10 & 0xF) }
    var extraCount: UInt64 { UInt64(bits >> 14 & 0x7) }
    var extraClass: UInt64 { UInt64(bits >> 17 & 0x7) }
    var seenAsVerb: Bool { bits & 1 << 20 != 0 }
}

/// Occurrences of a lemma and how many were events, of which class.
struct LemmaCounts: Equatable {
    var total = 0
    var events = 0
    /// Per event class (``EventModel/classes`` 1...7, at index 0...6).
    var classes = [Int](repeating: 0, count: 7)

    /// The most frequent class (1...7; the first on ties), 0 without events.
    var majorityClass: Int {
        guard events > 0 else { return 0 }
        var best = 0
        for c in 1..<classes.count where classes[c] > classes[best] { best = c }
        return best + 1
    }

    static func - (lhs: LemmaCounts, rhs: LemmaCounts) -> LemmaCounts {
        LemmaCounts(total: lhs.total - rhs.total, events: lhs.events - rhs.events, classes: zip(lhs.classes, rhs.classes).map { $0 - $1 })
    }

    mutating func add(label: Int) {
        total += 1
        if label > 0 {
            events += 1
            classes[label - 1] += 1
        }
    }
}

/// What the features need to know about one word of a sentence.
struct EventWordInfo {
    /// The form lower-cased, digits as 0.
    var form: UInt64
    /// The lemma lower-cased.
    var lemma: UInt64
    /// The Penn tag.
    var tag: UInt64
    var universal: UInt64
    /// 1 verb, 2 noun, 3 adjective, 0 anything else.
    var coarse: UInt8
    var capitalised: Bool
    /// The last two, three and four bytes of the lemma, and the last three of the form.
    var suffixes: (UInt64, UInt64, UInt64, UInt64)
    var role: GroupRole
    /// Whether the lemma is all ASCII (or missing): then ``lemma`` is the hash of the lemma lower-cased.
    var asciiLemma = true

    static let padding = EventWordInfo(
        form: 0x5EED, lemma: 0x5EED, tag: 0x5EED, universal: 99, coarse: 0, capitalised: false, suffixes: (1, 2, 3, 4), role: .other)

    /// The index of a universal tag in `UniversalTag.allCases` (98 for none), without building that array.
    @inline(__always)
    static func universal(_ tag: UniversalTag?) -> UInt64 {
        switch tag {
        case nil: 98
        case .adjective?: 0
        case .adposition?: 1
        case .adverb?: 2
        case .auxiliary?: 3
        case .coordinatingConjunction?: 4
        case .determiner?: 5
        case .interjection?: 6
        case .noun?: 7
        case .numeral?: 8
        case .particle?: 9
        case .pronoun?: 10
        case .properNoun?: 11
        case .punctuation?: 12
        case .subordinatingConjunction?: 13
        case .symbol?: 14
        case .verb?: 15
        case .other?: 16
        }
    }

    /// The coarse part of speech of a universal tag, and the lexicon key of a lemma with it.
    static func coarse(_ tag: UniversalTag?) -> UInt8 {
        switch tag {
        case .verb?, .auxiliary?: 1
        case .noun?, .properNoun?: 2
        case .adjective?: 3
        default: 0
        }
    }

    static func lexiconKey(lemma: UInt64, coarse: UInt8) -> UInt32 {
        StableHash.key(900, lemma, UInt64(coarse))
    }

    /// The lexicon key of the word.
    var lexiconKey: UInt32 { Self.lexiconKey(lemma: lemma, coarse: coarse) }
}

/// The feature templates of the event classifier, shared by training and recognition.
enum EventFeatures {
    /// The number of keys ``keys(at:infos:context:into:)`` writes.
    static let count = 43

    /// The universal tags whose words are scored at all: all but a handful of TimeBank's events are verbs,
    /// nouns and adjectives (the other tags cover closed classes that are never events).
    @inline(__always)
    static func isCandidate(_ tag: UniversalTag?) -> Bool {
        switch tag {
        case .verb?, .noun?, .adjective?, .auxiliary?, .properNoun?, .adverb?, .adposition?, .numeral?: true
        default: false
        }
    }

    /// Whether the lexicon says the lemma is never an event: seen at least eight times in the training
    /// documents and never as an event, nor as one in the extra documents. Such words are not scored.
    @inline(__always)
    static func isNeverEvent(_ entry: LemmaEntry) -> Bool {
        entry.goldRate == 1 && entry.goldCount >= 4 && entry.extraRate <= 1
    }

    /// The padded infos of words `range` of `words` (two padding infos on each side).
    ///
    /// `infos` is resized rather than emptied and appended to, and written through a buffer pointer: a
    /// sentence's infos are then stored without a capacity or uniqueness check per word.
    static func infos(
        words: UnsafeBufferPointer<Word>, range: Range<Int>, roles: UnsafeBufferPointer<GroupRole>, bytes: UnsafeBufferPointer<UInt8>,
        into infos: inout [EventWordInfo]
    ) {
        let count = range.count + 4
        if infos.count > count {
            infos.removeLast(infos.count - count)
        } else if infos.count < count {
            infos.append(contentsOf: repeatElement(.padding, count: count - infos.count))
        }
        infos.withUnsafeMutableBufferPointer { infos in
            infos[0] = .padding
            infos[1] = .padding
            for index in range {
                infos[index - range.lowerBound + 2] = info(of: index, words: words, role: roles[index], bytes: bytes)
            }
            infos[count - 2] = .padding
            infos[count - 1] = .padding
        }
    }

    /// The info of word `index` of `words` (whose text is in `bytes`).
    ///
    /// The lemma and the Penn tag are read through their contiguous UTF-8 (`withContiguousStorageIfAvailable`,
    /// which every native string has), not copied into a variable or walked through a `String.UTF8View`.
    @inline(__always)
    private static func info(of index: Int, words: UnsafeBufferPointer<Word>, role: GroupRole, bytes: UnsafeBufferPointer<UInt8>) -> EventWordInfo {
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }
        @inline(__always) func foldedForm(_ byte: UInt8) -> UInt8 {
            byte &- 65 < 26 ? byte | 0x20 : (byte &- 48 < 10 ? UInt8(ascii: "0") : byte)
        }
        var form = StableHash.offset
        var capitalised = false
        let byteRange = words[index].byteRange
        if let first = byteRange.first { capitalised = bytes[first] &- 65 < 26 }
        for position in byteRange { form = StableHash.add(form, foldedForm(bytes[position])) }
        var formSuffix = StableHash.offset
        for position in max(byteRange.lowerBound, byteRange.upperBound - 3)..<max(byteRange.lowerBound, byteRange.upperBound) {
            formSuffix = StableHash.add(formSuffix, foldedForm(bytes[position]))
        }
        var lemma = StableHash.offset
        var s2 = StableHash.offset &+ 2, s3 = StableHash.offset &+ 3, s4 = StableHash.offset &+ 4
        var asciiLemma = true
        if let text = words[index].lemma {
            @inline(__always) func hash(_ text: UnsafeBufferPointer<UInt8>) {
                var any: UInt8 = 0
                for byte in text {
                    any |= byte
                    lemma = StableHash.add(lemma, folded(byte))
                }
                asciiLemma = any < 0x80
                let count = text.count
                for position in max(0, count - 4)..<count {
                    let byte = folded(text[position])
                    let left = count - position
                    if left <= 2 { s2 = StableHash.add(s2, byte) }
                    if left <= 3 { s3 = StableHash.add(s3, byte) }
                    s4 = StableHash.add(s4, byte)
                }
            }
            if text.utf8.withContiguousStorageIfAvailable(hash) == nil {
                var text = text
                text.withUTF8(hash)
            }
        }
        var tag = StableHash.offset
        if let penn = words[index].pennTag {
            @inline(__always) func hash(_ text: UnsafeBufferPointer<UInt8>) {
                for byte in text { tag = StableHash.add(tag, byte) }
            }
            if penn.utf8.withContiguousStorageIfAvailable(hash) == nil {
                var penn = penn
                penn.withUTF8(hash)
            }
        }
        let universal = words[index].universalTag
        return EventWordInfo(
            form: StableHash.finish(form), lemma: StableHash.finish(lemma), tag: StableHash.finish(tag),
            universal: EventWordInfo.universal(universal),
            coarse: EventWordInfo.coarse(universal), capitalised: capitalised,
            suffixes: (s2, s3, s4, StableHash.finish(formSuffix)), role: role, asciiLemma: asciiLemma)
    }

    /// What the features of one word need beyond the word infos.
    struct Context {
        /// The lexicon entry of the word's lemma.
        var entry: LemmaEntry
        /// 0, or 1 when the noun's lemma is also a verb ("attack"), 2 when it is made from one
        /// ("hospitalization"), 3 for both.
        var deverbal: UInt64
        /// The hash of the auxiliaries, modals, "to" and negations before the word.
        var group: UInt64
        /// The lemma hash of the nearest verb before the word (at most eight words back), or 0.
        var governor: UInt64
        /// Whether the word is the first of its sentence.
        var first: Bool
        /// 1 for an adjective or participle used predicatively ("was unconscious", "found dead": after a
        /// copula or a linking verb, no noun after it), else 0.
        var predicative: UInt64
    }

    /// The context of word `i` of the padded `infos` (word `i - 2` of the sentence whose first word is `start` in `words`).
    static func context(
        at i: Int, infos: UnsafeBufferPointer<EventWordInfo>, words: UnsafeBufferPointer<Word>, start: Int,
        entry: LemmaEntry, lexicon: (UInt32) -> UInt32
    ) -> Context {
        let info = infos[i]
        var deverbal: UInt64 = 0
        if info.coarse == 2 {
            if LemmaEntry(bits: lexicon(EventWordInfo.lexiconKey(lemma: info.lemma, coarse: 1))).seenAsVerb { deverbal |= 1 }
            if let lemma = words[start + i - 2].lemma, Derivation.forEachStem(of: lemma, {
                LemmaEntry(bits: lexicon(EventWordInfo.lexiconKey(lemma: $0, coarse: 1))).seenAsVerb
            }) {
                deverbal |= 2
            }
        }
        var group = StableHash.offset
        var j = i - 1, adverbs = 0, items = 0
        scan: while j >= 2, items < 4 {
            let role = infos[j].role
            switch role {
            case .other, .no: break scan
            case .quote: break
            case .adverb:
                adverbs += 1
                if adverbs > 3 { break scan }
            default:
                group = StableHash.add(StableHash.add(group, role.rawValue), UInt8(truncatingIfNeeded: infos[j].tag))
                items += 1
                if role == .to { break scan }
            }
            j -= 1
        }
        var governor: UInt64 = 0
        j = i - 1
        while j >= 2, i - j <= 8 {
            if infos[j].coarse == 1, infos[j].role == .other {
                governor = infos[j].lemma
                break
            }
            j -= 1
        }
        let predicative: UInt64 = (info.coarse == 3 || info.tag == Self.pastParticiple) && isPredicative(at: i, infos: infos) ? 1 : 0
        return Context(
            entry: entry, deverbal: deverbal, group: items == 0 ? 0 : StableHash.finish(group), governor: governor, first: i == 2,
            predicative: predicative)
    }

    private static let pastParticiple = StableHash.finish("VBN".utf8.reduce(StableHash.offset, StableHash.add))
    /// Adjectives of lasting conditions (health, life, availability, legal and marital status) that are events
    /// (TimeML STATEs) when predicated of something: "was found unconscious", "is dead", "will be available".
    /// TimeBank annotates these where it annotates adjectives at all, but too rarely for the model to learn them all.
    static let stateAdjectives: Set<UInt64> = Set(
        ["unconscious", "conscious", "dead", "alive", "ill", "sick", "injured", "wounded", "hospitalized", "comatose",
         "missing", "pregnant", "available", "unavailable", "married", "divorced", "engaged", "separated", "guilty",
         "innocent", "bankrupt", "insolvent", "unemployed", "homeless", "jailed", "imprisoned", "detained", "free"]
            .map { StableHash.folded($0) })

    /// Whether the adjective at `i` is used predicatively: after a form of "be" or a linking verb ("found
    /// unconscious"), adverbs and negations allowed between, and not before a noun or another adjective.
    static func isPredicative(at i: Int, infos: UnsafeBufferPointer<EventWordInfo>) -> Bool {
        var k = i - 1
        while k >= 2, infos[k].role == .adverb || infos[k].role == .negation { k -= 1 }
        let before = infos[k], after = infos[i + 1]
        return (before.role == .be || linkingVerbs.contains(before.lemma)) && after.coarse != 2 && after.coarse != 3
    }

    /// Verbs after which an adjective describes the subject or object ("found unconscious", "remained open").
    private static let linkingVerbs: Set<UInt64> = Set(
        ["become", "remain", "seem", "appear", "find", "pronounce", "declare", "stay", "keep", "leave", "prove", "look", "feel", "get"]
            .map { StableHash.folded($0) })

    /// Keys of the templates whose values are few (bias, tags, tag pairs, lexicon buckets), most of which every
    /// scored word looks up: the scoring table places them first, so that they sit in their first slots.
    /// The most common first; keys the model lacks are in the list too (the table skips them).
    static let commonKeys: [UInt32] = makeCommonKeys()

    private static func makeCommonKeys() -> [UInt32] {
        let tags = [
            "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS",
            "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP",
            "WP$", "WRB", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "ADD", "AFX", "GW", "XX", "$", "#",
        ].map { StableHash.finish($0.utf8.reduce(StableHash.offset, StableHash.add)) } + [StableHash.finish(StableHash.offset)]
        let neighbourTags = tags + [EventWordInfo.padding.tag]
        let universals = (UInt64(0)...16).map { $0 } + [98]
        let rates = (UInt64(0)..<16).map { $0 }, small = (UInt64(0)..<8).map { $0 }
        var keys: [UInt32] = [StableHash.key(0, 0)]
        for u in universals {
            keys.append(StableHash.key(3, u))
            for r in rates {
                keys.append(StableHash.key(22, r, u))
                keys.append(StableHash.key(25, r, u))
            }
            for d in UInt64(0)..<4 { keys.append(StableHash.key(28, d, u)) }
            for c in UInt64(0)..<3 { keys.append(StableHash.key(29, c, u)) }
            for p in UInt64(0)..<2 { keys.append(StableHash.key(40, p, u)) }
        }
        for r in rates {
            for n in small {
                keys.append(StableHash.key(21, r, n))
                keys.append(StableHash.key(23, n, r))
                keys.append(StableHash.key(24, r, n))
                keys.append(StableHash.key(26, n, r))
            }
            for e in rates { keys.append(StableHash.key(27, r, e)) }
            for d in UInt64(0)..<4 { keys.append(StableHash.key(37, d, r)) }
            for p in UInt64(0)..<2 {
                keys.append(StableHash.key(41, p, r))
                keys.append(StableHash.key(42, p, r))
            }
        }
        for c in small {
            keys.append(StableHash.key(38, c, 0))
            for u in universals { keys.append(StableHash.key(38, c, u)) }
        }
        for t in tags { keys.append(StableHash.key(4, t)) }
        for t in neighbourTags {
            keys.append(StableHash.key(12, t))
            keys.append(StableHash.key(13, t))
        }
        for t in neighbourTags {
            for v in neighbourTags {
                keys.append(StableHash.key(14, t, v))
                keys.append(StableHash.key(15, t, v))
                keys.append(StableHash.key(16, t, v))
                keys.append(StableHash.key(17, t, v))
            }
        }
        return keys
    }

    /// Writes the ``count`` feature keys of word `i` of the padded `infos`.
    @inline(__always)
    static func keys(at i: Int, infos: UnsafeBufferPointer<EventWordInfo>, context c: Context, into keys: UnsafeMutablePointer<UInt32>) {
        let w = infos[i], p1 = infos[i - 1], p2 = infos[i - 2], n1 = infos[i + 1], n2 = infos[i + 2]
        let e = c.entry
        keys[0] = StableHash.key(0, 0)
        keys[1] = StableHash.key(1, w.lemma)
        keys[2] = StableHash.key(2, w.form)
        keys[3] = StableHash.key(3, w.universal)
        keys[4] = StableHash.key(4, w.tag)
        keys[5] = StableHash.key(5, w.suffixes.0, w.universal)
        keys[6] = StableHash.key(6, w.suffixes.1, w.universal)
        keys[7] = StableHash.key(7, w.suffixes.2, w.universal)
        keys[8] = StableHash.key(8, w.lemma, w.tag)
        keys[9] = StableHash.key(9, p1.form)
        keys[10] = StableHash.key(10, p1.lemma)
        keys[11] = StableHash.key(11, n1.lemma)
        keys[12] = StableHash.key(12, p1.tag)
        keys[13] = StableHash.key(13, n1.tag)
        keys[14] = StableHash.key(14, p2.tag, p1.tag)
        keys[15] = StableHash.key(15, w.tag, n1.tag)
        keys[16] = StableHash.key(16, p1.tag, w.tag)
        keys[17] = StableHash.key(17, n1.tag, n2.tag)
        keys[18] = StableHash.key(18, p2.lemma)
        keys[19] = StableHash.key(19, c.group)
        keys[20] = StableHash.key(20, c.group, w.tag)
        keys[21] = StableHash.key(21, e.goldRate, e.goldCount)
        keys[22] = StableHash.key(22, e.goldRate, w.universal)
        keys[23] = StableHash.key(23, e.goldClass, e.goldRate)
        keys[24] = StableHash.key(24, e.extraRate, e.extraCount)
        keys[25] = StableHash.key(25, e.extraRate, w.universal)
        keys[26] = StableHash.key(26, e.extraClass, e.extraRate)
        keys[27] = StableHash.key(27, e.goldRate, e.extraRate)
        keys[28] = StableHash.key(28, c.deverbal, w.universal)
        keys[29] = StableHash.key(29, c.first ? 2 : w.capitalised ? 1 : 0, w.universal)
        keys[30] = StableHash.key(30, p1.lemma, w.universal)
        keys[31] = StableHash.key(31, w.lemma, n1.lemma)
        keys[32] = StableHash.key(32, p1.lemma, w.lemma)
        keys[33] = StableHash.key(33, c.governor, w.universal)
        keys[34] = StableHash.key(34, w.suffixes.3, w.tag)
        keys[35] = StableHash.key(35, n1.form)
        keys[36] = StableHash.key(36, n2.lemma)
        keys[37] = StableHash.key(37, c.deverbal, e.goldRate)
        keys[38] = StableHash.key(38, e.goldClass, w.lemma == 0 ? 0 : w.universal)
        keys[39] = StableHash.key(39, c.governor, w.lemma)
        keys[40] = StableHash.key(40, c.predicative, w.universal)
        keys[41] = StableHash.key(41, c.predicative, e.goldRate)
        keys[42] = StableHash.key(42, c.predicative, e.extraRate)
    }
}

/// The verbs a noun may be made from: "hospitalization" from "hospitalize", "decision" from "decide",
/// "agreement" from "agree", "shipping" from "ship".
enum Derivation {
    private static let rules: [(suffix: [UInt8], replacements: [[UInt8]])] = [
        ("ization", ["ize"]), ("isation", ["ise", "ize"]), ("ation", ["ate", "e", ""]), ("ition", ["e", ""]),
        ("ssion", ["t", "ss"]), ("sion", ["de", "d", "se", "t"]), ("tion", ["te", "t", "e", ""]),
        ("ment", [""]), ("ance", ["", "e"]), ("ence", ["", "e"]), ("ure", ["e", ""]), ("ing", ["", "e"]),
        ("al", ["", "e"]), ("age", ["", "e"]), ("ery", ["", "e"]), ("y", [""]), ("ion", ["", "e"]),
    ].map { (Array($0.0.utf8), $0.1.map { Array($0.utf8) }) }

    private static let ing = Array("ing".utf8)

    /// Hashes (as ``EventWordInfo/lemma``) of the verb lemmas `lemma` may be derived from.
    static func verbStems(of lemma: String) -> [UInt64] {
        var stems: [UInt64] = []
        _ = forEachStem(of: lemma) { stems.append($0); return false }
        return stems
    }

    /// Whether a rule's suffix ends with each byte (lower-case): most nouns end with none of these few
    /// letters, and are done with at once.
    private static let lastBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for rule in rules { table[Int(rule.suffix.last!)] = true }
        return table
    }()

    /// Calls `body` with the hash of every verb lemma `lemma` may be derived from, until it returns true;
    /// returns whether it did. Allocates nothing.
    static func forEachStem(of lemma: String, _ body: (UInt64) -> Bool) -> Bool {
        if let result = lemma.utf8.withContiguousStorageIfAvailable({ forEachStem(of: $0, body) }) { return result }
        var lemma = lemma
        return lemma.withUTF8 { forEachStem(of: $0, body) }
    }

    /// ``forEachStem(of:_:)`` for the UTF-8 bytes of a lemma.
    static func forEachStem(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Bool) -> Bool {
        let count = bytes.count
        guard count >= 4 else { return false }
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }
        guard lastBytes[Int(folded(bytes[count - 1]))] else { return false }
        for (suffix, replacements) in rules {
            guard count >= suffix.count + 3 else { continue }
            var matches = true
            for k in 0..<suffix.count where folded(bytes[count - suffix.count + k]) != suffix[k] {
                matches = false
                break
            }
            guard matches else { continue }
            let stemLength = count - suffix.count
            var stem = StableHash.offset
            for k in 0..<stemLength { stem = StableHash.add(stem, folded(bytes[k])) }
            for replacement in replacements {
                var hash = stem
                for byte in replacement { hash = StableHash.add(hash, byte) }
                if body(StableHash.finish(hash)) { return true }
            }
            // "shipping" → "ship": an undoubled final consonant.
            if suffix == ing, stemLength >= 3,
               folded(bytes[stemLength - 1]) == folded(bytes[stemLength - 2]) {
                var hash = StableHash.offset
                for k in 0..<(stemLength - 1) { hash = StableHash.add(hash, folded(bytes[k])) }
                if body(StableHash.finish(hash)) { return true }
            }
        }
        return false
    }
}
