import ChronicleCore

/// A word of at most eight ASCII bytes packed into an integer, lower-cased: an allocation-free key for
/// the small word lists of the word segmenter and the sentence splitter.
struct ShortWord: Hashable, Sendable {
    let value: UInt64

    /// Packs `text` (ASCII, at most 8 bytes), lower-casing it.
    init(_ text: StaticString) {
        var value: UInt64 = 0
        text.withUTF8Buffer { bytes in
            precondition(bytes.count <= 8, "a short word has at most 8 bytes")
            for byte in bytes { value = value << 8 | UInt64(lowercased(byte)) }
        }
        self.value = value
    }

    /// Packs the bytes `range` of `bytes`, lower-cased; `nil` when they are more than 8 or not all ASCII.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard range.count <= 8, !range.isEmpty else { return nil }
        var value: UInt64 = 0
        for index in range {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            value = value << 8 | UInt64(lowercased(byte))
        }
        self.value = value
    }

    /// Packs the bytes of a token.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) {
        self.init(bytes, token.byteRange)
    }
}

/// `byte` lower-cased if it is an ASCII capital.
@inline(__always)
func lowercased(_ byte: UInt8) -> UInt8 {
    byte &- 65 < 26 ? byte | 0x20 : byte
}

@inline(__always)
func isASCIIUppercase(_ byte: UInt8) -> Bool { byte &- 65 < 26 }

@inline(__always)
func isASCIILowercase(_ byte: UInt8) -> Bool { byte &- 97 < 26 }

@inline(__always)
func isASCIIDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

/// A set of short words, each with a small value, built once: an open-addressing table probed with a
/// multiplicative hash, much cheaper than `Set`'s seeded hashing for these tiny keys.
struct ShortWordSet: Sendable {
    private let keys: [UInt64]  // 0 marks an empty slot (no word packs to 0)
    private let values: [UInt8]
    private let shift: UInt64

    /// A set: every word has the value 1.
    init(_ words: [StaticString]) {
        self.init(words.map { ($0, 1) })
    }

    init(_ entries: [(StaticString, UInt8)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var values = [UInt8](repeating: 0, count: 1 << bits)
        let shift = 64 - bits
        for (word, value) in entries {
            let key = ShortWord(word).value
            var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[index] != 0, keys[index] != key { index = (index + 1) & (keys.count - 1) }
            keys[index] = key
            values[index] = value
        }
        (self.keys, self.values, self.shift) = (keys, values, shift)
    }

    /// The value of `word`; nil when it is not in the set.
    func value(for word: ShortWord?) -> UInt8? {
        guard let key = word?.value else { return nil }
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = keys[index]
            if slot == key { return values[index] }
            if slot == 0 { return nil }
            index = (index + 1) & (keys.count - 1)
        }
    }

    func contains(_ word: ShortWord?) -> Bool { value(for: word) != nil }
}

/// The word lists that the word segmenter and the sentence splitter share.
enum Lexical {
    /// Abbreviations written with a final period that usually stands before a name, a number or a
    /// date ("Mr.", "Oct.", "No."): the period belongs to the word and never ends a sentence by itself.
    static let leadingAbbreviations = ShortWordSet([
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "col",
        "lt", "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pvt", "st", "ste", "rev", "hon", "pres", "supt", "det",
        "insp", "fr", "atty", "amb", "mt", "ft", "ave", "blvd",
        "jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vol", "vols", "pp", "ch", "fig", "figs", "vs", "cf", "approx", "attn", "arrv", "ext", "tel",
    ])

    /// Abbreviations whose period can also end a sentence ("Inc.", "etc.", "Jr.").
    static let trailingAbbreviations = ShortWordSet([
        "inc", "corp", "co", "ltd", "bros", "cos", "plc", "llc", "jr", "sr", "esq", "dept", "univ", "assn", "etc",
        "al", "est", "misc", "min", "max", "hrs", "mins", "yrs", "calif", "conn", "fla", "ill", "mass", "mich",
        "minn", "penn", "tenn", "tex", "wash", "wis", "ariz", "ark", "colo", "del", "ind", "kan", "okla", "ore",
        "neb", "nev", "mont", "wyo", "va", "pa", "ga", "la", "md", "ky", "mo", "vt", "dc", "ph", "eg", "ie", "spec",
    ])

    /// Leading abbreviations that are also everyday words, taken as abbreviations only when capitalised
    /// ("Sat. 5 p.m." but "he sat."; "No. 5" but "I said no.").
    static let capitalisedOnly = ShortWordSet(["no", "nos", "sat", "sun", "mar", "ill", "mass", "wash", "col", "gen", "fig", "ch", "det", "min", "max", "est", "del", "ind", "ore", "al", "mo", "la", "ga", "pa", "va"])

    /// Words that, capitalised, usually start a sentence: after "U.S." or "Inc." they mark a new sentence,
    /// where a name ("U.S. President") does not.
    static let sentenceStarters = ShortWordSet([
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
        "there", "his", "her", "their", "our", "my", "your", "but", "and", "or", "so", "yet", "in", "on", "at",
        "for", "if", "when", "while", "after", "before", "as", "since", "although", "though", "because", "then",
        "however", "also", "still", "what", "who", "why", "how", "where", "which", "some", "many",
        "most", "all", "no", "not", "one", "both", "each", "other", "another", "such", "last", "next", "please",
        "thanks", "thank", "is", "are", "was", "were", "do", "does", "did", "can", "will", "would", "should",
    ])

    /// The words of a letter's closing ("Thanks,", "Best regards,").
    static let signOffs = ShortWordSet([
        "thanks", "thank", "you", "regards", "best", "cheers", "warm", "kind",
        "warmest", "yours", "love",
    ])

    /// Prefixes that UD English EWT keeps attached to the rest of a hyphenated word ("e-mail", "non-stop",
    /// "post-war"); other hyphenated words are split at the hyphen ("30-year-old" is 30 - year - old).
    static let hyphenPrefixes = ShortWordSet([
        "e", "non", "anti", "pre", "re", "mid", "co", "post", "pro", "multi", "ex", "counter", "semi", "sub",
        "cross", "neo", "psycho", "socio", "intra", "un", "mis", "micro", "macro", "arch", "over", "ultra",
        "mega", "pseudo", "quasi", "trans", "extra", "hyper", "infra", "bi", "tri", "uni",
    ])

    /// Top-level domains and file extensions: "galleryfurniture.com" and "budget.xls" are one word.
    static let domainEndings = ShortWordSet([
        "com", "org", "net", "edu", "gov", "mil", "info", "biz", "uk", "ca", "de", "fr", "au", "jp", "cn", "ru",
        "nl", "ch", "io", "co", "tv", "eu",
        "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pdf", "txt", "htm", "html", "xml", "csv", "zip", "exe",
        "jpg", "jpeg", "gif", "png", "mp3", "mp4", "avi", "wav", "url", "php", "asp", "aspx", "cfm", "js", "css",
    ])

    /// Units written right after a number that UD English EWT splits off ("5pm" is "5" "pm", "35mm" is
    /// "35" "mm"); other letters stay with the number ("1990s", "28th", "4G").
    static let units = ShortWordSet([
        "am", "pm", "k", "m", "mm", "cm", "km", "ft", "kg", "g", "mg", "lb", "lbs", "oz", "mb", "gb", "kb", "tb",
        "mhz", "ghz", "hz", "mph", "kph", "kw", "mw", "mwh", "kwh", "ml", "hr", "hrs", "min", "mins", "yr", "yrs",
        "mi", "bn", "mln", "x",
    ])

    /// Clitics written after an apostrophe that UD splits off: "'s", "'m", "'d", "'ll", "'re", "'ve" (and "n't",
    /// recognised by the `n` before the apostrophe and the `t` after it).
    static let apostropheClitics = ShortWordSet(["s", "m", "d", "ll", "re", "ve"])

    /// Contractions written without an apostrophe, and the length of their second word ("dont" = "do" + "nt").
    static let bareContractions = ShortWordSet([
        ("dont", 2), ("didnt", 2), ("doesnt", 2), ("cant", 2), ("wont", 2), ("isnt", 2), ("wasnt", 2), ("arent", 2),
        ("werent", 2), ("couldnt", 2), ("wouldnt", 2), ("shouldnt", 2), ("havent", 2), ("hasnt", 2), ("hadnt", 2),
        ("aint", 2), ("im", 1), ("ive", 2), ("youre", 2), ("theyre", 2), ("thats", 1), ("whats", 1), ("theres", 1),
        ("heres", 1), ("itll", 2), ("youll", 2), ("cannot", 3), ("gonna", 2), ("wanna", 2), ("gotta", 2), ("outta", 2),
    ])
}
