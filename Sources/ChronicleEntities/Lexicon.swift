import ChronicleCore

/// The word lists statements and the timeline rely on. Everything is lower-case; lemmas are the
/// linguistic layer's lemmas (UD English EWT conventions).
enum Lexicon {
    /// Verbs that report speech or writing, by lemma. The ones in ``weakReportingVerbs`` report only when
    /// they have content (a quotation, a that-clause, a colon): "added" alone is not a statement.
    static let reportingVerbs: Set<String> = ChronicleCore.Vocabulary.reportingVerbs.union(stanceVerbs)

    /// Verbs that take a stand on something rather than report words ("rejected the criticism", "accused Tamsin
    /// of ..."): statements only with a named speaker, their object as content when nothing more explicit follows.
    /// (Kept out of ``ChronicleCore/Vocabulary/reportingVerbs``, which the temporal tagger reads too.)
    static let stanceVerbs: Set<String> = [
        "reject", "accuse", "criticise", "criticize", "condemn", "blame", "praise", "welcome", "denounce", "defend", "slam",
    ]

    /// Reporting verbs that make a statement only with explicit content.
    static let weakReportingVerbs: Set<String> = [
        "add", "post", "share", "note", "write", "state", "mention", "report", "update", "message", "text", "email",
        "agree", "indicate", "observe", "repeat", "answer", "respond", "reply", "comment", "counter", "hint", "warn",
        "promise", "predict", "caution", "urge", "specify", "elaborate", "muse", "speculate", "apologize", "apologise",
        "lament", "confirm", "reveal", "suggest", "recall", "acknowledge", "maintain",
    ]

    /// Reporting verbs whose content the speaker rejects.
    static let denialVerbs: Set<String> = ["deny", "dismiss", "refute", "rebut", "dispute", "reject"]

    /// Nouns that introduce reported content with "that" ("reports that ...", "her claim that ...").
    static let reportingNouns: Set<String> = [
        "report", "rumor", "rumour", "claim", "allegation", "speculation", "statement", "announcement",
        "assertion", "denial", "suggestion", "insistence", "word", "story",
    ]

    /// Reporting nouns that carry hearsay: nobody in particular vouches for their content.
    static let hearsayNouns: Set<String> = ["report", "rumor", "rumour", "allegation", "speculation", "word", "story", "claim"]

    /// Adverbs that mark a predicate as hearsay, with the lemma of the reporting act they stand for.
    static let hearsayAdverbs: [String: String] = [
        "reportedly": "report", "allegedly": "allege", "purportedly": "purport", "supposedly": "suppose",
        "reputedly": "repute", "apparently": "appear", "rumoredly": "rumor",
    ]

    /// Subjects that make a statement hearsay ("sources said", "reports say", "insiders claim").
    static let hearsaySubjects: Set<String> = [
        "source", "sources", "report", "reports", "insider", "insiders", "rumor", "rumors", "rumour", "rumours",
        "tabloid", "tabloids", "someone", "people", "onlooker", "onlookers",
    ]

    /// Role nouns that, with a definite article, refer back to a person ("the star", "the singer").
    static let personRoles: Set<String> = [
        "star", "actress", "actor", "singer", "rapper", "player", "model", "spokesman", "spokeswoman", "spokesperson",
        "mother", "father", "wife", "husband", "sister", "brother", "daughter", "son", "president", "minister",
        "senator", "governor", "mayor", "chief", "coach", "director", "officer", "author", "writer", "host", "judge",
        "lawyer", "attorney", "celebrity", "personality", "socialite", "businesswoman", "businessman", "leader",
        "candidate", "manager", "founder", "ceo", "chairman", "chairwoman", "former", "athlete", "champion",
        "year-old", "mogul", "entrepreneur", "designer", "producer", "musician", "comedian", "presenter",
    ]

    /// Organisation nouns that refer back to a named publisher or company ("the magazine" → People); other
    /// organisation nouns ("the hospital") are usually not anaphoric.
    static let mediaNouns: Set<String> = [
        "magazine", "newspaper", "paper", "network", "station", "site", "website", "outlet", "publication", "channel",
        "broadcaster", "tabloid", "journal", "company", "firm", "agency", "studio", "label", "publisher", "daily", "weekly",
        "airline", "carrier", "institute", "commission", "directorate", "regulator", "authority", "council", "union",
        "ministry", "department", "university", "museum", "club", "team", "retailer", "manufacturer", "maker", "group",
    ]

    /// Last words that make a name an organisation ("Reuters News", "Acme Corp").
    static let organisationSuffixes: Set<String> = [
        "inc", "inc.", "corp", "corp.", "corporation", "company", "co", "co.", "ltd", "ltd.", "llc", "plc", "group",
        "news", "times", "post", "magazine", "journal", "network", "university", "college", "association",
        "committee", "party", "council", "department", "ministry", "agency", "court", "police", "bank", "institute",
        "foundation", "center", "centre", "hospital", "records", "studios", "entertainment", "media", "press",
        "tribune", "herald", "gazette", "telegraph", "guardian", "daily", "weekly", "today", "tv", "radio",
        "service", "services", "office", "board", "commission", "federation", "union", "club", "fc", "airlines",
        "motors", "systems", "technologies", "labs", "partners", "holdings", "international", "organization",
        "organisation", "administration", "house", "senate", "congress", "parliament", "government", "reuters",
        "airways", "air", "foods", "supplies", "securities", "industries", "products", "stores", "brands", "communications",
        "enterprises", "resources", "works", "mills", "corps", "directorate", "authority", "alliance", "league", "trust",
        "society", "museum", "computer", "computers", "electronics", "motor", "pharmaceuticals", "energy", "airport",
        "average", "index", "exchange",
    ]

    /// Social platforms: channels when a statement is made "on" them; organisations otherwise.
    static let platforms: Set<String> = [
        "twitter", "instagram", "facebook", "youtube", "tiktok", "snapchat", "weibo", "reddit", "linkedin", "tumblr",
        "threads", "bluesky", "mastodon", "telegram", "whatsapp", "pinterest", "myspace", "periscope", "vine",
    ]

    /// Nouns of the media a statement is made in ("in a statement", "in an interview with People").
    static let channelNouns: Set<String> = [
        "statement", "interview", "tweet", "post", "video", "letter", "release", "blog", "op-ed", "essay", "podcast",
        "appearance", "memo", "email", "e-mail", "message", "speech", "broadcast", "announcement", "note", "caption",
        "column", "article", "story", "editorial", "profile", "conference", "briefing", "documentary", "episode",
        "livestream", "stream", "selfie", "photo", "clip", "filing", "testimony", "radio", "show",
    ]

    /// Plural nouns that can be addressees serving as a channel ("told reporters").
    static let audienceNouns: Set<String> = ["reporters", "journalists", "the press", "press", "media", "fans", "followers", "viewers", "the media"]

    /// Female and male pronouns, titles and role nouns.
    static let femalePronouns: Set<String> = ["she", "her", "hers", "herself"]
    static let malePronouns: Set<String> = ["he", "him", "his", "himself"]
    static let femaleTitles: Set<String> = ["mrs.", "mrs", "ms.", "ms", "miss", "madam", "lady", "queen", "princess", "duchess"]
    static let maleTitles: Set<String> = ["mr.", "mr", "sir", "lord", "king", "prince", "duke"]
    static let neutralTitles: Set<String> = [
        "dr.", "dr", "prof.", "prof", "gov.", "sen.", "rep.", "gen.", "col.", "capt.", "lt.", "sgt.", "president",
        "senator", "governor", "mayor", "judge", "officer", "detective", "coach", "rev.", "st.", "councillor", "councilor",
    ]

    /// Capitalised words before a name that are titles, not part of the name.
    static let nameTitles: Set<String> = [
        "president", "vice", "prime", "minister", "foreign", "defense", "defence", "interior", "finance", "secretary",
        "general", "chief", "spokesman", "spokeswoman", "ambassador", "senator", "sen.", "governor", "gov.", "mayor",
        "king", "queen", "prince", "princess", "pope", "chancellor", "premier", "deputy", "director", "chairman",
        "chairwoman", "commissioner", "judge", "justice", "captain", "capt.", "colonel", "col.", "lieutenant", "lt.",
        "sergeant", "sgt.", "officer", "detective", "inspector", "professor", "prof.", "dr.", "dr", "mr.", "mr", "mrs.",
        "mrs", "ms.", "ms", "miss", "sir", "lord", "lady", "rev.", "reverend", "father", "sister", "brother", "coach",
        "representative", "rep.", "councillor", "councilor", "congressman", "congresswoman", "state", "attorney", "prosecutor", "leader", "speaker", "consul",
        "economy", "trade", "health", "education", "justice", "army", "police", "opposition", "former", "acting", "new",
    ]

    /// Titles that end the title part of a name wherever they stand ("Zairean Prime Minister Kengo" is "Kengo").
    static let strongTitles: Set<String> = [
        "president", "minister", "secretary", "spokesman", "spokeswoman", "ambassador", "senator", "sen.", "governor",
        "gov.", "mayor", "king", "queen", "prince", "princess", "pope", "chancellor", "premier", "chairman", "chairwoman",
        "commissioner", "judge", "consul", "envoy", "leader", "speaker", "congressman", "congresswoman", "prosecutor",
        "mr.", "mrs.", "ms.", "dr.", "prof.", "rev.", "capt.", "col.", "lt.", "sgt.",
        // Company officers: "Apple CEO Steve Jobs", "Acme co-founder Jane Roe".
        "ceo", "cfo", "coo", "cto", "founder", "cofounder",
    ]

    /// Prepositions after which a name is a place ("in Eastern Slavonia", "from New York").
    static let locativePrepositions: Set<String> = ["in", "at", "from", "near", "into", "across", "throughout", "outside", "inside", "via", "toward", "towards"]

    /// Capitalised words that are never names by themselves (at any position).
    static let notNames: Set<String> = [
        "i", "i'm", "i've", "i'd", "i'll", "ok", "okay", "oh", "yes", "no", "mr.", "mrs.", "ms.", "dr.", "image",
        "photo", "getty", "ap", "tv", "update", "updated", "via", "source", "credit", "read", "watch", "related", "more",
    ]

    /// Adverbs and particles that may stand between a subject and its verb ("she also said", "it has not").
    static let adverbialFillers: Set<String> = [
        "also", "later", "then", "now", "still", "never", "not", "n't", "already", "again", "recently", "once",
        "finally", "previously", "first", "just", "even", "only", "repeatedly", "publicly", "privately", "openly",
        "exclusively", "reportedly", "allegedly", "apparently", "quickly", "immediately", "subsequently", "herself",
        "himself", "themselves", "ultimately", "eventually", "initially", "originally", "simply", "clearly",
        "candidly", "tearfully", "angrily", "bluntly", "flatly", "firmly", "famously", "notably", "recently",
    ]

    /// Words that end a reported proposition's span on their own.
    static let clauseBreaks: Set<String> = [";", ":", "—", "–", "(", ")", "[", "]", "\"", "“", "”"]
}

/// The words the rules of this module test one by one, as small integers: a word's ``AnalysedWord/lower``,
/// ``AnalysedWord/lemma`` and ``AnalysedWord/textTerm`` are one of these (``other`` for any other word), so
/// that a test is an integer comparison. The raw value is the word (lower-case).
enum Term: String, CaseIterable, Sendable {
    case other = ""
    case a, an, and, `as`, at, but, by, from, `for`, `in`, of, on, onto, or, over, so, yet, to, up, via, with, through, during
    case the, this, that, which, who, they, them, not, no, none, never, one, some, several, many, unnamed, anonymous
    case nt = "n't"
    case according, point, out, make, clear, be, get, tell, say, report, allege, claim, rumor, rumour, deny, denial
    case tweet, retweet, take, go, turn, head, fans, old
    case de, van, von, der, da, du, la, le, al, bin
    case ampersand = "&", comma = ",", colon = ":", period = ".", exclamation = "!", question = "?"
    case openParenthesis = "(", closeParenthesis = ")", quote = "\"", openQuote = "“", closeQuote = "”", apostrophe = "'"
    case hyphen = "-", emDash = "—", enDash = "–"
}

/// The lists of ``Lexicon`` a (lower-case) word is in.
struct LexiconFlags: OptionSet, Sendable {
    let rawValue: UInt32

    static let reportingVerb = LexiconFlags(rawValue: 1 << 0)
    static let weakReportingVerb = LexiconFlags(rawValue: 1 << 1)
    static let denialVerb = LexiconFlags(rawValue: 1 << 2)
    static let reportingNoun = LexiconFlags(rawValue: 1 << 3)
    static let hearsayNoun = LexiconFlags(rawValue: 1 << 4)
    static let hearsayAdverb = LexiconFlags(rawValue: 1 << 5)
    static let hearsaySubject = LexiconFlags(rawValue: 1 << 6)
    static let personRole = LexiconFlags(rawValue: 1 << 7)
    static let mediaNoun = LexiconFlags(rawValue: 1 << 8)
    static let organisationSuffix = LexiconFlags(rawValue: 1 << 9)
    static let platform = LexiconFlags(rawValue: 1 << 10)
    static let channelNoun = LexiconFlags(rawValue: 1 << 11)
    static let audienceNoun = LexiconFlags(rawValue: 1 << 12)
    static let femalePronoun = LexiconFlags(rawValue: 1 << 13)
    static let malePronoun = LexiconFlags(rawValue: 1 << 14)
    static let femaleTitle = LexiconFlags(rawValue: 1 << 15)
    static let maleTitle = LexiconFlags(rawValue: 1 << 16)
    static let neutralTitle = LexiconFlags(rawValue: 1 << 17)
    static let nameTitle = LexiconFlags(rawValue: 1 << 18)
    static let strongTitle = LexiconFlags(rawValue: 1 << 19)
    static let locativePreposition = LexiconFlags(rawValue: 1 << 20)
    static let notName = LexiconFlags(rawValue: 1 << 21)
    static let adverbialFiller = LexiconFlags(rawValue: 1 << 22)
    static let clauseBreak = LexiconFlags(rawValue: 1 << 23)
    static let stanceVerb = LexiconFlags(rawValue: 1 << 24)

    init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Each list with its flag.
    static let lists: [(Set<String>, LexiconFlags)] = [
        (Lexicon.reportingVerbs, .reportingVerb), (Lexicon.weakReportingVerbs, .weakReportingVerb), (Lexicon.denialVerbs, .denialVerb),
        (Lexicon.reportingNouns, .reportingNoun), (Lexicon.hearsayNouns, .hearsayNoun), (Set(Lexicon.hearsayAdverbs.keys), .hearsayAdverb),
        (Lexicon.hearsaySubjects, .hearsaySubject), (Lexicon.personRoles, .personRole), (Lexicon.mediaNouns, .mediaNoun),
        (Lexicon.organisationSuffixes, .organisationSuffix), (Lexicon.platforms, .platform), (Lexicon.channelNouns, .channelNoun),
        (Lexicon.audienceNouns, .audienceNoun), (Lexicon.femalePronouns, .femalePronoun), (Lexicon.malePronouns, .malePronoun),
        (Lexicon.femaleTitles, .femaleTitle), (Lexicon.maleTitles, .maleTitle), (Lexicon.neutralTitles, .neutralTitle),
        (Lexicon.nameTitles, .nameTitle), (Lexicon.strongTitles, .strongTitle), (Lexicon.locativePrepositions, .locativePreposition),
        (Lexicon.notNames, .notName), (Lexicon.adverbialFillers, .adverbialFiller), (Lexicon.clauseBreaks, .clauseBreak),
        (Lexicon.stanceVerbs, .stanceVerb),
    ]

    /// The flags of a word, by the lists themselves.
    init(of word: String) {
        var flags: LexiconFlags = []
        for (list, flag) in Self.lists where list.contains(word) { flags.insert(flag) }
        self = flags
    }
}

/// The ``Term`` and ``LexiconFlags`` of every ASCII word that has either, in a small open-addressing table keyed
/// by a hash of the word's bytes, so that a word's entry costs a hash of its bytes and a comparison, with no
/// `String` made. The table is compact (12 bytes a slot, a few kilobytes in all, behind a 512-byte filter that
/// rules out most other words), since every word of every document looks itself up, with the caches cold
/// after the other stages. Words with other characters go through ``Term/init(rawValue:)`` and
/// ``LexiconFlags/init(of:)`` (Unicode equivalence and case mapping are theirs then).
struct Vocabulary: Sendable {
    struct Entry: Sendable {
        var term: Term
        var flags: LexiconFlags
    }

    /// A word of the table: its hash (0 for an empty slot), flags, and where its bytes are in ``bytes``.
    private struct Slot {
        var hash: UInt32
        var flags: UInt32
        var start: UInt16
        var length: UInt8
        var term: UInt8
    }

    private var slots: [Slot]
    private var bytes: [UInt8] = []
    private let mask: Int
    /// The length of the longest word: longer ones have no entry.
    private let longest: Int
    /// A bit per (length, first letter, last letter) class of the words (see ``filterBit(_:)``): a word whose
    /// bit is clear has no entry, which saves hashing most words.
    private var filter = [UInt64](repeating: 0, count: 64)
    /// A Bloom filter of the words' hashes (two bits each, see ``hashBits(_:)``): a word that passes the first
    /// filter but not this one has no entry, so that the table (cold in the cache while other stages run) is
    /// read nearly only for the words it has.
    private var hashFilter = [UInt64](repeating: 0, count: 128)
    /// The terms, by raw index.
    private static let terms = Term.allCases

    static let shared = Vocabulary()

    private init() {
        var all = Set(Term.allCases.map(\.rawValue).filter { !$0.isEmpty })
        for (list, _) in LexiconFlags.lists { all.formUnion(list) }
        let ascii = all.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.sorted()
        var capacity = 64
        while capacity < ascii.count * 3 / 2 { capacity *= 2 }
        mask = capacity - 1
        longest = ascii.map(\.utf8.count).max() ?? 0
        slots = [Slot](repeating: Slot(hash: 0, flags: 0, start: 0, length: 0, term: 0), count: capacity)
        for word in ascii {
            let wordBytes = Array(word.utf8)
            let hash = wordBytes.withUnsafeBufferPointer { Self.hash($0) }
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index].hash != 0 { index = (index + 1) & mask }
            let term = Term(rawValue: word) ?? .other
            slots[index] = Slot(
                hash: hash, flags: LexiconFlags(of: word).rawValue, start: UInt16(bytes.count), length: UInt8(wordBytes.count),
                term: UInt8(Self.terms.firstIndex(of: term)!))
            bytes += wordBytes
            let bit = wordBytes.withUnsafeBufferPointer { Self.filterBit($0) }
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            let (first, second) = Self.hashBits(hash)
            hashFilter[first >> 6] |= 1 << UInt64(first & 63)
            hashFilter[second >> 6] |= 1 << UInt64(second & 63)
        }
    }

    /// The two bits of ``hashFilter`` for a word's hash.
    @inline(__always)
    private static func hashBits(_ hash: UInt32) -> (Int, Int) {
        (Int(hash >> 1 & 8191), Int(hash >> 14 & 8191))
    }

    /// The filter bit of a non-empty word (ASCII capitals lower-cased).
    @inline(__always)
    private static func filterBit(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        @inline(__always) func folded(_ byte: UInt8) -> Int { Int(byte &- 65 < 26 ? byte | 0x20 : byte) }
        return (word.count &* 0x9E5 ^ folded(word[0]) &* 0x3B ^ folded(word[word.count - 1]) &* 0x2B9) & 4095
    }

    /// FNV-1a of a word's bytes with ASCII capitals lower-cased, folded to 32 bits, never 0, byte by byte.
    struct Hash {
        private var state: UInt64 = 0xCBF2_9CE4_8422_2325

        @inline(__always)
        mutating func add(_ byte: UInt8) {
            state = (state ^ UInt64(byte &- 65 < 26 ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01B3
        }

        var value: UInt32 { UInt32(truncatingIfNeeded: state ^ state >> 32) | 1 }
    }

    /// The ``Hash`` of `bytes`.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash = Hash()
        for byte in bytes { hash.add(byte) }
        return hash.value
    }

    /// The entry of the ASCII word `bytes` lower-cased.
    @inline(__always)
    func entry(lowercasing word: UnsafeBufferPointer<UInt8>) -> Entry {
        entry(lowercasing: word, hash: Self.hash(word))
    }

    /// The entry of the ASCII word `bytes` lower-cased, whose ``Hash`` is `hash`.
    @inline(__always)
    func entry(lowercasing word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Entry {
        guard word.count <= longest, !word.isEmpty else { return Entry(term: .other, flags: []) }
        let bit = Self.filterBit(word)
        guard filter.withUnsafeBufferPointer({ $0[bit >> 6] }) & (1 << UInt64(bit & 63)) != 0 else { return Entry(term: .other, flags: []) }
        let (first, second) = Self.hashBits(hash)
        let present = hashFilter.withUnsafeBufferPointer {
            $0[first >> 6] & 1 << UInt64(first & 63) != 0 && $0[second >> 6] & 1 << UInt64(second & 63) != 0
        }
        guard present else { return Entry(term: .other, flags: []) }
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index].hash != 0 {
                if slots[index].hash == hash, Int(slots[index].length) == word.count {
                    let start = Int(slots[index].start)
                    let equal = bytes.withUnsafeBufferPointer { bytes in
                        for k in 0..<word.count where (word[k] &- 65 < 26 ? word[k] | 0x20 : word[k]) != bytes[start + k] { return false }
                        return true
                    }
                    if equal { return Entry(term: Self.terms[Int(slots[index].term)], flags: LexiconFlags(rawValue: slots[index].flags)) }
                }
                index = (index + 1) & mask
            }
            return Entry(term: .other, flags: [])
        }
    }

    /// The entry of any word (already lower-case when it is not ASCII).
    func entry(of word: String) -> Entry {
        var word = word
        let entry: Entry? = word.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return nil }
            return self.entry(lowercasing: bytes)
        }
        if let entry { return entry }
        if let known = Self.punctuation.firstIndex(where: { $0.word == word }) { return Self.punctuation[known].entry }
        return Self.slowEntry(of: word)
    }

    /// The entry of a word by ``Term/init(rawValue:)`` and the lists themselves.
    private static func slowEntry(of word: String) -> Entry {
        Entry(term: Term(rawValue: word) ?? .other, flags: LexiconFlags(of: word))
    }

    /// Typographic punctuation common in news text, with its entries worked out once.
    private static let punctuation: [(word: String, entry: Entry)] = ["“", "”", "‘", "’", "—", "–", "…"].map { ($0, slowEntry(of: $0)) }
}
