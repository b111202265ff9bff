/// Units of time that durations count and relative expressions shift by.
enum TimeUnit: UInt8, Sendable, Comparable {
    case second, minute, hour, day, week, fortnight, month, quarter, year, decade, century, millennium

    static func < (a: TimeUnit, b: TimeUnit) -> Bool { a.rawValue < b.rawValue }

    /// ISO 8601 duration letter and multiplier: a fortnight is 2 weeks, a decade `P10Y` (TimeBank writes decades that way).
    var durationDesignator: (letter: String, multiplier: Int, isTime: Bool) {
        switch self {
        case .second: return ("S", 1, true)
        case .minute: return ("M", 1, true)
        case .hour: return ("H", 1, true)
        case .day: return ("D", 1, false)
        case .week: return ("W", 1, false)
        case .fortnight: return ("W", 2, false)
        case .month: return ("M", 1, false)
        case .quarter: return ("Q", 1, false)
        case .year: return ("Y", 1, false)
        case .decade: return ("DE", 1, false)
        case .century: return ("CE", 1, false)
        case .millennium: return ("ML", 1, false)
        }
    }
}

enum Season: UInt8, Sendable {
    case spring, summer, fall, winter
    var code: String { ["SP", "SU", "FA", "WI"][Int(rawValue)] }
}

enum PartOfDay: UInt8, Sendable {
    case morning, midday, afternoon, evening, night, daytime
    var code: String { ["MO", "MI", "AF", "EV", "NI", "DT"][Int(rawValue)] }
}

/// Words with a role of their own in time expressions.
enum Keyword: UInt8, Sendable {
    case none
    // deictic days and references
    case today, yesterday, tomorrow, tonight, now, currently, current, nowadays, presently, recently, recent, lately,
         formerly, previously, soon, future, past, present, once, then, meantime, meanwhile, overnight, noon, midnight,
         midday, yet, already, time, moment, period, term, date, era, times, beginning, start, end, close, middle,
         dawn, outset, turn, course, rest, remainder, bulk, part, run
    // relative determiners
    case last, next, this, that, these, those, the, a, an, previous, prior, preceding, following, coming, upcoming,
         same, ensuing, subsequent, latest, final, earlier, later, early, late, mid, ago, hence, from, before, after,
         of, or, and, to, through, `in`, on, at, by, since, until, til, within, per, each, every, other, few, several,
         some, many, couple, dozen, dozens, half, halves, about, around, approximately, roughly, nearly, almost, more,
         less, over, under, least, most, than, up, just, only, no, so, beyond, fiscal, calendar, financial, year_end,
         day_before, s, th, st, nd, rd, am, pm, a_m, p_m, o, clock, daily, weekly, monthly, yearly, annually, annual,
         hourly, quarterly, nightly, biweekly, semiannually, twice, thrice, long, whole, entire, full, record, short,
         near, far, foreseeable, distant, immediate, days, years, christmas, easter, thanksgiving, halloween, eve,
         new_year, independence, memorial, labor, veterans, election, valentine, mother, father, good, day, holiday,
         timezone, `as`, possible, age, old, week_day, weekend, weeknight, midweek, midmonth, midyear, mid_morning,
         mid_afternoon, decade_word, prefix, martin, qualifier, least_word, lengthy, while_word, awhile, hours, forever, then_current, nearer,
         right, again, once_more, second_ordinal, century_word, ad, bc, ce, bce, q, h, wk
}

/// What the lexicon knows about one lower-cased word.
struct LexEntry: Sendable {
    var keyword: Keyword = .none
    /// 1...12 for month names and their abbreviations.
    var month: Int8 = 0
    /// 1...7 (ISO) for weekday names.
    var weekday: Int8 = 0
    var weekdayPlural = false
    var unit: TimeUnit?
    var unitPlural = false
    /// Value of a cardinal number word ("two" = 2, "twenty" = 20, "hundred" = 100), or -1.
    var cardinal: Int32 = -1
    /// Value of an ordinal word ("third" = 3), or 0.
    var ordinal: Int8 = 0
    var season: Season?
    var partOfDay: PartOfDay?
    var partOfDayPlural = false
    /// Decade words: "twenties" = 2 ... "nineties" = 9.
    var decade: Int8 = 0
    /// An abbreviation ("Oct", "Mon", "Sun", "yr"), trusted only in strict contexts.
    var isAbbreviation = false
    /// Shorthand of informal writing ("tmr", "wknd", "nite"): the same word as its full form.
    var isShorthand = false
    /// Whether a time expression can start at this word: never (function words such as "of", "and"),
    /// always (temporal content words), or only before another word of the lexicon or a number
    /// ("the", "last", "about", "at"). Lets the grammar skip most tokens without trying a rule.
    var start: StartRule = .always

    enum StartRule: UInt8, Sendable {
        case never, always, beforeTemporalWord
    }
    /// The word can be part of a time expression at all.
    var isTemporal: Bool {
        month != 0 || weekday != 0 || unit != nil || season != nil || partOfDay != nil || decade != 0 || keyword != .none
            || cardinal >= 0 || ordinal != 0
    }
}

/// A compact open-addressing table from lower-cased ASCII words (up to 16 bytes) to lexicon entries.
///
/// Built once; lookups hash the token bytes directly, lower-casing on the fly, with no allocation.
struct Lexicon: Sendable {
    private var keys0: [UInt64]
    private var keys1: [UInt64]
    private var lengths: [UInt8]
    private var values: [Int16]
    private let mask: Int
    private(set) var entries: [LexEntry]

    static let shared = Lexicon.build()

    init(capacity: Int) {
        var size = 16
        while size < capacity * 3 { size <<= 1 }
        keys0 = Array(repeating: 0, count: size)
        keys1 = Array(repeating: 0, count: size)
        lengths = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        entries = []
    }

    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64)? {
        let n = end - start
        guard n > 0, n <= 16 else { return nil }
        if start + 16 <= bytes.count, let base = bytes.baseAddress {
            // Eight bytes at a time: the bytes past the word are masked off.
            func word(at offset: Int) -> UInt64 { UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) }
            guard let first = lowercasedASCII(littleEndian: word(at: start), count: min(n, 8)) else { return nil }
            guard n > 8 else { return (first, 0) }
            guard let second = lowercasedASCII(littleEndian: word(at: start + 8), count: n - 8) else { return nil }
            return (first, second)
        }
        var k0: UInt64 = 0, k1: UInt64 = 0
        var i = 0
        while i < n {
            var b = bytes[start + i]
            if b >= 0x80 { return nil }
            if b >= 65 && b <= 90 { b |= 0x20 }
            if i < 8 { k0 |= UInt64(b) << (8 * UInt64(i)) } else { k1 |= UInt64(b) << (8 * UInt64(i - 8)) }
            i += 1
        }
        return (k0, k1)
    }

    /// The first `count` (1...8) bytes of `word` (as loaded from memory on a little-endian machine: the first
    /// byte is the least significant), ASCII letters lowercased and the other bytes zero; nil when one of the
    /// `count` bytes is not ASCII. (Every byte at once: a byte b < 0x80 is an ASCII capital when b + 0x3F
    /// reaches bit 7 and b + 0x25 does not; neither sum carries into the next byte.)
    @inline(__always)
    static func lowercasedASCII(littleEndian word: UInt64, count: Int) -> UInt64? {
        let x = count >= 8 ? word : word & ((1 << (UInt64(count) * 8)) &- 1)
        let high: UInt64 = 0x8080_8080_8080_8080
        guard x & high == 0 else { return nil }
        let capitals = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & high
        return x | (capitals >> 2)
    }

    @inline(__always)
    private func slot(_ k0: UInt64, _ k1: UInt64, _ n: Int) -> Int {
        let h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        return Int(truncatingIfNeeded: (h ^ (h >> 29)) & UInt64(mask))
    }

    /// The index of the entry for the word in `bytes[start..<end]`, compared case-insensitively.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int16 {
        guard let (k0, k1) = Lexicon.pack(bytes, start, end) else { return -1 }
        let n = end - start
        var s = slot(k0, k1, n)
        while true {
            let v = values[s]
            if v < 0 { return -1 }
            if keys0[s] == k0 && keys1[s] == k1 && Int(lengths[s]) == n { return v }
            s = (s + 1) & mask
        }
    }

    /// Adds or merges an entry for a word; `update` edits its entry.
    mutating func define(_ word: String, _ update: (inout LexEntry) -> Void) {
        var bytes = Array(word.utf8)
        let found: Int16 = bytes.withUnsafeBufferPointer { lookup($0, 0, $0.count) }
        if found >= 0 {
            update(&entries[Int(found)])
            return
        }
        let (k0, k1) = bytes.withUnsafeMutableBufferPointer { Lexicon.pack(UnsafeBufferPointer($0), 0, $0.count)! }
        var entry = LexEntry()
        update(&entry)
        entries.append(entry)
        var s = slot(k0, k1, bytes.count)
        while values[s] >= 0 { s = (s + 1) & mask }
        keys0[s] = k0
        keys1[s] = k1
        lengths[s] = UInt8(bytes.count)
        values[s] = Int16(entries.count - 1)
        bytes.removeAll()
    }

    // swiftlint:disable:next function_body_length
    static func build() -> Lexicon {
        var lex = Lexicon(capacity: 700)
        let months = [
            ["january", "jan"], ["february", "feb", "febr"], ["march", "mar"], ["april", "apr"], ["may"],
            ["june", "jun"], ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"],
            ["october", "oct"], ["november", "nov"], ["december", "dec"],
        ]
        for (index, names) in months.enumerated() {
            for (k, name) in names.enumerated() {
                lex.define(name) { $0.month = Int8(index + 1); $0.isAbbreviation = k > 0 }
            }
        }
        let weekdays = [
            ["monday", "mon"], ["tuesday", "tue", "tues"], ["wednesday", "wed"], ["thursday", "thu", "thur", "thurs"],
            ["friday", "fri"], ["saturday", "sat"], ["sunday", "sun"],
        ]
        for (index, names) in weekdays.enumerated() {
            for (k, name) in names.enumerated() {
                lex.define(name) { $0.weekday = Int8(index + 1); $0.isAbbreviation = k > 0 }
            }
            lex.define(names[0] + "s") { $0.weekday = Int8(index + 1); $0.weekdayPlural = true }
        }
        let units: [(TimeUnit, [String], [String])] = [
            (.second, ["second", "sec"], ["seconds", "secs"]),
            (.minute, ["minute", "min"], ["minutes", "mins"]),
            (.hour, ["hour", "hr"], ["hours", "hrs"]),
            (.day, ["day"], ["days"]),
            (.week, ["week", "wk"], ["weeks", "wks"]),
            (.fortnight, ["fortnight"], ["fortnights"]),
            (.month, ["month", "mo"], ["months", "mos"]),
            (.quarter, ["quarter", "qtr"], ["quarters", "qtrs"]),
            (.year, ["year", "yr"], ["years", "yrs"]),
            (.decade, ["decade"], ["decades"]),
            (.century, ["century"], ["centuries"]),
            (.millennium, ["millennium"], ["millennia", "millenniums"]),
        ]
        for (unit, singulars, plurals) in units {
            for (k, s) in singulars.enumerated() { lex.define(s) { $0.unit = unit; $0.isAbbreviation = k > 0 } }
            for (k, p) in plurals.enumerated() {
                lex.define(p) { $0.unit = unit; $0.unitPlural = true; $0.isAbbreviation = k > 0 }
            }
        }
        let cardinals: [(String, Int32)] = [
            ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
            ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
            ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18),
            ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fourty", 40), ("fifty", 50),
            ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100), ("thousand", 1000),
            ("million", 1_000_000),
        ]
        for (word, value) in cardinals { lex.define(word) { $0.cardinal = value } }
        let ordinals = [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth",
        ]
        for (index, word) in ordinals.enumerated() { lex.define(word) { $0.ordinal = Int8(index + 1) } }
        lex.define("thirtieth") { $0.ordinal = 30 }
        lex.define("fortieth") { $0.ordinal = 40 }
        lex.define("fiftieth") { $0.ordinal = 50 }
        lex.define("hundredth") { $0.ordinal = 100 }
        for (word, season) in [("spring", Season.spring), ("summer", .summer), ("fall", .fall), ("autumn", .fall), ("winter", .winter)] {
            lex.define(word) { $0.season = season }
        }
        for (word, season) in [("springs", Season.spring), ("summers", .summer), ("falls", .fall), ("autumns", .fall), ("winters", .winter)] {
            lex.define(word) { $0.season = season; $0.unitPlural = true }
        }
        let parts: [(String, PartOfDay, Bool)] = [
            ("morning", .morning, false), ("mornings", .morning, true), ("afternoon", .afternoon, false),
            ("afternoons", .afternoon, true), ("evening", .evening, false), ("evenings", .evening, true),
            ("night", .night, false), ("nights", .night, true), ("nighttime", .night, false),
            ("daytime", .daytime, false), ("midday", .midday, false), ("dusk", .evening, false),
            ("dawn", .morning, false), ("sunrise", .morning, false), ("sunset", .evening, false),
        ]
        for (word, part, plural) in parts { lex.define(word) { $0.partOfDay = part; $0.partOfDayPlural = plural } }
        let decades = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        for (index, word) in decades.enumerated() { lex.define(word) { $0.decade = Int8(index + 2) } }

        let keywords: [(String, Keyword)] = [
            ("today", .today), ("yesterday", .yesterday), ("tomorrow", .tomorrow), ("tonight", .tonight),
            ("now", .now), ("currently", .currently), ("current", .current), ("nowadays", .nowadays),
            ("presently", .presently), ("recently", .recently), ("recent", .recent), ("lately", .lately),
            ("formerly", .formerly), ("previously", .previously), ("soon", .soon), ("future", .future),
            ("past", .past), ("present", .present), ("once", .once), ("then", .then), ("meantime", .meantime),
            ("overnight", .overnight), ("noon", .noon), ("midnight", .midnight), ("yet", .yet),
            ("already", .already), ("time", .time), ("moment", .moment), ("period", .period), ("term", .term),
            ("date", .date), ("era", .era), ("times", .times), ("beginning", .beginning), ("start", .start),
            ("end", .end), ("close", .close), ("middle", .middle), ("outset", .outset),
            ("turn", .turn), ("course", .course), ("rest", .rest), ("remainder", .remainder),
            ("last", .last), ("next", .next), ("this", .this), ("that", .that), ("these", .these),
            ("those", .those), ("the", .the), ("a", .a), ("an", .an), ("previous", .previous), ("prior", .prior),
            ("preceding", .preceding), ("following", .following), ("coming", .coming), ("upcoming", .upcoming),
            ("same", .same), ("ensuing", .ensuing), ("subsequent", .subsequent), ("latest", .latest),
            ("final", .final), ("earlier", .earlier), ("later", .later), ("early", .early), ("late", .late),
            ("mid", .mid), ("ago", .ago), ("hence", .hence), ("from", .from), ("before", .before),
            ("after", .after), ("of", .of), ("or", .or), ("and", .and), ("to", .to), ("through", .through),
            ("in", .in), ("on", .on), ("at", .at), ("by", .by), ("since", .since), ("until", .until),
            ("till", .til), ("til", .til), ("within", .within), ("per", .per), ("each", .each),
            ("every", .every), ("other", .other), ("few", .few), ("several", .several), ("some", .some),
            ("many", .many), ("couple", .couple), ("dozen", .dozen), ("dozens", .dozens), ("half", .half),
            ("halves", .halves), ("about", .about), ("around", .around), ("approximately", .approximately),
            ("roughly", .roughly), ("nearly", .nearly), ("almost", .almost), ("more", .more), ("less", .less),
            ("over", .over), ("under", .under), ("least", .least), ("most", .most), ("than", .than),
            ("up", .up), ("just", .just), ("only", .only), ("no", .no), ("so", .so), ("beyond", .beyond),
            ("fiscal", .fiscal), ("fy", .fiscal), ("calendar", .calendar), ("financial", .financial), ("s", .s), ("th", .th),
            ("st", .st), ("nd", .nd), ("rd", .rd), ("am", .am), ("pm", .pm), ("o", .o), ("clock", .clock),
            ("daily", .daily), ("weekly", .weekly), ("monthly", .monthly), ("yearly", .yearly),
            ("annually", .annually), ("annual", .annual), ("hourly", .hourly), ("quarterly", .quarterly),
            ("nightly", .nightly), ("biweekly", .biweekly), ("semiannually", .semiannually),
            ("twice", .twice), ("thrice", .thrice), ("long", .long), ("whole", .whole), ("entire", .entire),
            ("full", .full), ("short", .short), ("near", .near), ("foreseeable", .foreseeable),
            ("distant", .distant), ("immediate", .immediate), ("christmas", .christmas), ("xmas", .christmas),
            ("easter", .easter), ("thanksgiving", .thanksgiving), ("halloween", .halloween), ("eve", .eve),
            ("independence", .independence), ("memorial", .memorial), ("labor", .labor), ("labour", .labor),
            ("veterans", .veterans), ("election", .election), ("valentine", .valentine),
            ("valentines", .valentine), ("mother", .mother), ("father", .father), ("good", .good),
            ("holiday", .holiday), ("as", .as), ("possible", .possible), ("old", .old),
            ("weekday", .week_day), ("weekdays", .week_day), ("weekend", .weekend), ("weekends", .weekend),
            ("weeknight", .weeknight), ("weeknights", .weeknight), ("midweek", .midweek),
            ("midmonth", .midmonth), ("midyear", .midyear), ("yearend", .year_end), ("lengthy", .lengthy),
            ("while", .while_word), ("awhile", .awhile), ("forever", .forever), ("right", .right),
            ("again", .again), ("ad", .ad), ("bc", .bc), ("bce", .bce), ("q", .q), ("h", .h),
            ("new", .new_year), ("years", .years), ("days", .days), ("post", .prefix), ("pre", .prefix), ("martin", .martin),
            ("comparable", .qualifier), ("corresponding", .qualifier), ("additional", .qualifier), ("further", .qualifier),
            ("flat", .qualifier), ("initial", .qualifier), ("latter", .qualifier), ("remaining", .qualifier), ("its", .qualifier), ("their", .qualifier),
        ]
        for (word, keyword) in keywords {
            lex.define(word) { entry in
                // Words that are also units, numbers or ordinals keep those roles and gain the keyword.
                if entry.keyword == .none { entry.keyword = keyword }
            }
        }
        // Shorthand of informal writing: "tmr", "tdy", "tonite", "wknd", "nite", "nxt".
        for (word, keyword) in [("tmr", Keyword.tomorrow), ("tmrw", .tomorrow), ("trmw", .tomorrow), ("tmrow", .tomorrow),
                                ("tomolo", .tomorrow), ("tomoro", .tomorrow), ("tomorow", .tomorrow), ("tommorow", .tomorrow),
                                ("tommorrow", .tomorrow), ("tdy", .today), ("tday", .today), ("tonite", .tonight),
                                ("ytd", .yesterday), ("yday", .yesterday), ("ystd", .yesterday), ("wknd", .weekend),
                                ("wkend", .weekend), ("nxt", .next)] {
            lex.define(word) { $0.keyword = keyword; $0.isShorthand = true }
        }
        lex.define("nite") { $0.partOfDay = .night; $0.isShorthand = true }
        lex.define("nites") { $0.partOfDay = .night; $0.partOfDayPlural = true; $0.isShorthand = true }
        for zone in ["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "ct", "mt", "pt", "bst", "cet", "cest", "jst", "ist", "aest", "hkt", "z"] {
            lex.define(zone) { if $0.keyword == .none { $0.keyword = .timezone } }
        }
        lex.assignStartRules()
        return lex
    }

    /// Sets ``LexEntry/start`` for every entry: words with temporal content of their own can start an
    /// expression; determiners, modifiers and prepositions only before a temporal word or a number.
    private mutating func assignStartRules() {
        let never: Set<Keyword> = [
            .of, .in, .on, .and, .or, .to, .through, .by, .since, .until, .til, .before, .after, .than, .s, .th, .st, .nd, .rd,
            .o, .clock, .times, .eve, .timezone, .so, .beyond, .possible, .old, .from, .per, .other, .while_word, .again,
            .yet, .already, .am, .pm, .hence, .ago, .term, .period, .date, .era, .time, .moment, .course, .rest, .remainder,
            .turn, .outset, .close, .start, .beginning, .middle, .hours, .days, .years, .long, .short, .near, .far,
            .distant, .immediate, .foreseeable, .whole, .entire, .full, .record, .lengthy, .possible, .eve,
        ]
        // "its fourth quarter", "their third quarter" start at the possessive.
        let possessives: Set<Keyword> = [.qualifier]
        let conditional: Set<Keyword> = [
            .the, .a, .an, .this, .that, .these, .those, .last, .next, .past, .coming, .upcoming, .previous, .prior, .preceding,
            .following, .ensuing, .subsequent, .same, .latest, .final, .early, .late, .mid, .earlier, .later, .about, .around,
            .approximately, .roughly, .nearly, .almost, .more, .less, .over, .under, .at, .up, .no, .just, .only, .some,
            .every, .each, .as, .then, .within, .most, .least, .right, .new_year, .calendar, .financial, .fiscal, .q, .h,
            .end,  // "end-2015"
        ]
        for k in entries.indices {
            let e = entries[k]
            let hasContent = e.month != 0 || e.weekday != 0 || e.unit != nil || e.season != nil || e.partOfDay != nil
                || e.decade != 0 || e.ordinal != 0 || e.cardinal >= 0
            if hasContent {
                entries[k].start = .always
            } else if never.contains(e.keyword) {
                entries[k].start = .never
            } else if conditional.contains(e.keyword) || possessives.contains(e.keyword) {
                entries[k].start = .beforeTemporalWord
            } else {
                entries[k].start = .always
            }
        }
    }
}
