import ChronicleCore

/// What the relation stage needs to know about a document, computed once: where each event and time
/// expression sits among the words and sentences, each sentence's main event, quotations, and how each
/// time expression stands to the creation time.
struct RelationContext {
    /// The longest stretch of words taken as one sentence (see ``init(_:)``).
    static let maximumSentenceWords = 200

    let events: [Event]
    let timeExpressions: [TimeExpression]
    let hasCreationTime: Bool
    let creationInterval: TimeValueInterval?

    /// Per word: the lowercased lemma's hash (the word's text when it has no lemma).
    let lemmaHash: [UInt64]
    /// Per word: ``WordFlags`` bits.
    let flags: [UInt8]
    /// Per word: its universal tag (`X` when unknown).
    let tag: [UniversalTag]
    /// Per word: the hash of its Penn tag.
    let pennHash: [UInt64]
    /// Per word: the form of a verb, from its Penn tag (see ``VerbForm``).
    let verbForm: [VerbForm]
    /// Per event: the finite verb or modal its clause hangs on (the nearest to its left, else to its right), if any.
    let governor: [Int?]
    /// Per word: whether it lies inside double quotation marks.
    let quoted: [Bool]
    /// Per word: its sentence.
    let wordSentence: [Int]
    let sentenceWords: [Range<Int>]

    /// Per event: whether it has an instance id (only those are linked).
    let hasInstanceID: [Bool]
    /// Per event: its span.
    let eventSpan: [TextSpan]
    /// Per event: its (head) word and sentence.
    let eventWord: [Int]
    let eventSentence: [Int]
    /// Per event: whether it is the main event of its sentence.
    let isMain: [Bool]
    /// Per event: whether a subordinating word introduces its clause.
    let isSubordinate: [Bool]
    /// Per event: the attribute hashes used by every feature template.
    let eventHash: [EventHashes]

    /// Per time expression: its words, sentence, interval and how it stands to the creation time.
    let timexWords: [Range<Int>]
    let timexSentence: [Int]
    let timexInterval: [TimeValueInterval?]
    let timexOrder: [CreationTimeOrder]
    /// Per time expression: the hashes of its kind and of its modifier (`-` without one), for features.
    let timexKindHash: [UInt64]
    let timexModifierHash: [UInt64]

    /// Per sentence: its events and time expressions in text order; its main event.
    let sentenceEvents: [[Int]]
    let sentenceTimexes: [[Int]]
    let mainEvent: [Int?]

    /// Verb forms by Penn tag.
    enum VerbForm: UInt8 {
        case none = 0, past, present, modal, base, gerund, participle

        init(penn: String?) {
            switch penn {
            case "VBD": self = .past
            case "VBZ", "VBP": self = .present
            case "MD": self = .modal
            case "VB": self = .base
            case "VBG": self = .gerund
            case "VBN": self = .participle
            default: self = .none
            }
        }

        var isFinite: Bool { self == .past || self == .present || self == .modal }

        /// The hash of a Penn tag (``FeatureHash/of(_:)``) and its verb form (as ``init(penn:)``), in one pass
        /// over its bytes.
        static func penn(_ tag: String) -> (hash: UInt64, form: VerbForm) {
            var tag = tag
            return tag.withUTF8 { b in
                var hash = FeatureHash.offset
                for byte in b {
                    hash ^= UInt64(byte)
                    hash = hash &* FeatureHash.prime
                }
                var form = VerbForm.none
                if b.count == 2 {
                    if b[0] == UInt8(ascii: "V"), b[1] == UInt8(ascii: "B") { form = .base }
                    if b[0] == UInt8(ascii: "M"), b[1] == UInt8(ascii: "D") { form = .modal }
                } else if b.count == 3, b[0] == UInt8(ascii: "V"), b[1] == UInt8(ascii: "B") {
                    switch b[2] {
                    case UInt8(ascii: "D"): form = .past
                    case UInt8(ascii: "Z"), UInt8(ascii: "P"): form = .present
                    case UInt8(ascii: "G"): form = .gerund
                    case UInt8(ascii: "N"): form = .participle
                    default: break
                    }
                }
                return (hash, form)
            }
        }
    }

    struct EventHashes {
        var lemma: UInt64
        var eventClass: UInt64
        var tense: UInt64
        var aspect: UInt64
        var polarity: UInt64
        var modality: UInt64
        var partOfSpeech: UInt64
        var penn: UInt64
        /// Tense and aspect together.
        var tenseAspect: UInt64
    }

    init(_ document: Document) {
        events = document.events
        timeExpressions = document.timeExpressions
        hasInstanceID = document.events.map { !$0.instanceID.isEmpty }
        eventSpan = document.events.map(\.span)
        hasCreationTime = document.creationTime != nil
        creationInterval = document.creationTime.map(TimeValueInterval.init)

        let words = document.words
        let wordCount = words.count
        var lemmaHash = [UInt64](repeating: 0, count: wordCount)
        var tag = [UniversalTag](repeating: .other, count: wordCount)
        var pennHash = [UInt64](repeating: 0, count: wordCount)
        var verbForm = [VerbForm](repeating: .none, count: wordCount)
        var flags = [UInt8](repeating: 0, count: wordCount)
        var text = document.text
        let flagTable = WordFlags.table
        text.withUTF8 { bytes in
            words.withUnsafeBufferPointer { words in
                lemmaHash.withUnsafeMutableBufferPointer { lemmaHash in
                    tag.withUnsafeMutableBufferPointer { tag in
                        pennHash.withUnsafeMutableBufferPointer { pennHash in
                            verbForm.withUnsafeMutableBufferPointer { verbForm in
                                flags.withUnsafeMutableBufferPointer { flags in
                                    for i in 0..<wordCount {
                                        let hash: UInt64
                                        if let l = words[i].lemma, !l.isEmpty {
                                            hash = FeatureHash.ofLowercased(l)
                                        } else {
                                            let word = words[i]
                                            let lower = max(0, min(Int(word.byteStart), bytes.count))
                                            let upper = max(lower, min(Int(word.byteEnd), bytes.count))
                                            hash = FeatureHash.ofLowercased(UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
                                        }
                                        lemmaHash[i] = hash
                                        flags[i] = flagTable.flags(hash)
                                        if let universal = words[i].universalTag { tag[i] = universal }
                                        if let penn = words[i].pennTag { (pennHash[i], verbForm[i]) = VerbForm.penn(penn) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        self.lemmaHash = lemmaHash
        self.flags = flags
        self.tag = tag
        self.pennHash = pennHash

        // Quotations: straight double quotes toggle; curly and TeX-style quotes open and close.
        var quoted = [Bool](repeating: false, count: words.count)
        var inside = false
        for (index, flag) in flags.enumerated() {
            if flag & WordFlags.openingQuote != 0 {
                inside = true
            } else if flag & WordFlags.closingQuote != 0 {
                inside = false
                continue
            } else if flag & WordFlags.straightQuote != 0 {
                inside.toggle()
                if !inside { continue }
            }
            quoted[index] = inside
        }
        self.quoted = quoted
        self.verbForm = verbForm

        // Sentences over words.
        var wordSentence = [Int](repeating: 0, count: words.count)
        var sentenceWords: [Range<Int>] = []
        if document.sentences.isEmpty {
            sentenceWords = [0..<words.count]
        } else {
            var first = 0
            for sentence in document.sentences {
                var end = first
                while end < words.count, words[end].span.start < sentence.span.end { end += 1 }
                sentenceWords.append(first..<end)
                first = end
            }
            if first < words.count {
                let last = sentenceWords.count - 1
                sentenceWords[last] = sentenceWords[last].lowerBound..<words.count
            }
        }
        // A sentence of more than `maximumSentenceWords` words (a list of dates, text without punctuation) is taken
        // in pieces of that many words: pairs are found within a sentence, so the cost stays linear in its length.
        if sentenceWords.contains(where: { $0.count > Self.maximumSentenceWords }) {
            sentenceWords = sentenceWords.flatMap { range -> [Range<Int>] in
                guard range.count > Self.maximumSentenceWords else { return [range] }
                return stride(from: range.lowerBound, to: range.upperBound, by: Self.maximumSentenceWords).map {
                    $0..<min($0 + Self.maximumSentenceWords, range.upperBound)
                }
            }
        }
        for (s, range) in sentenceWords.enumerated() {
            for w in range { wordSentence[w] = s }
        }
        self.wordSentence = wordSentence
        self.sentenceWords = sentenceWords

        /// The word holding scalar offset `offset`: the last word starting at or before it.
        func word(at offset: Int) -> Int {
            var low = 0, high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].span.start <= offset { low = middle + 1 } else { high = middle }
            }
            return max(0, low - 1)
        }

        let hasWords = !words.isEmpty
        var eventWord: [Int] = []
        var eventSentence: [Int] = []
        var sentenceEvents = [[Int]](repeating: [], count: max(sentenceWords.count, 1))
        for (index, event) in document.events.enumerated() {
            let w = hasWords ? word(at: event.span.start) : 0
            let s = hasWords ? wordSentence[w] : 0
            eventWord.append(w)
            eventSentence.append(s)
            sentenceEvents[s].append(index)
        }
        var timexWords: [Range<Int>] = []
        var timexSentence: [Int] = []
        var sentenceTimexes = [[Int]](repeating: [], count: max(sentenceWords.count, 1))
        var timexInterval: [TimeValueInterval?] = []
        var timexOrder: [CreationTimeOrder] = []
        for (index, timex) in document.timeExpressions.enumerated() {
            let first = hasWords ? word(at: timex.span.start) : 0
            var last = first
            while hasWords, last + 1 < words.count, words[last + 1].span.start < timex.span.end { last += 1 }
            let s = hasWords ? wordSentence[first] : 0
            timexWords.append(first..<(last + 1))
            timexSentence.append(s)
            sentenceTimexes[s].append(index)
            timexInterval.append(timex.kind == .date || timex.kind == .time ? TimeValueInterval(value: timex.value) : nil)
            timexOrder.append(CreationTimeOrder(timex, creationTime: creationInterval))
        }
        let eventStart = eventSpan.map(\.start)
        for s in sentenceEvents.indices {
            let list = sentenceEvents[s]
            var sorted = true
            for k in list.indices.dropFirst() where (eventStart[list[k - 1]], list[k - 1]) >= (eventStart[list[k]], list[k]) {
                sorted = false
                break
            }
            if !sorted { sentenceEvents[s].sort { (eventStart[$0], $0) < (eventStart[$1], $1) } }
        }
        self.eventWord = eventWord
        self.eventSentence = eventSentence
        self.timexWords = timexWords
        self.timexSentence = timexSentence
        self.sentenceTimexes = sentenceTimexes
        self.timexInterval = timexInterval
        self.timexOrder = timexOrder
        timexKindHash = document.timeExpressions.map { FeatureHash.of($0.kind.rawValue) }
        timexModifierHash = document.timeExpressions.map { FeatureHash.of($0.modifier?.rawValue ?? "-") }
        self.sentenceEvents = sentenceEvents

        // Subordinate clauses: a subordinating word between the event and the previous verb or clause boundary.
        var isSubordinate = [Bool](repeating: false, count: document.events.count)
        for (index, w) in eventWord.enumerated() where hasWords {
            let sentenceStart = sentenceWords[wordSentence[w]].lowerBound
            var k = w - 1
            while k >= sentenceStart, w - k <= 8 {
                if flags[k] & WordFlags.subordinator != 0 || tag[k] == .subordinatingConjunction { isSubordinate[index] = true; break }
                if tag[k] == .verb || flags[k] & (WordFlags.clauseBoundary | WordFlags.comma) != 0 { break }
                k -= 1
            }
        }
        self.isSubordinate = isSubordinate

        var governor = [Int?](repeating: nil, count: document.events.count)
        for (index, w) in eventWord.enumerated() where hasWords {
            let range = sentenceWords[wordSentence[w]]
            var k = w - 1
            while k >= range.lowerBound, w - k <= 12 {
                if verbForm[k].isFinite { governor[index] = k; break }
                k -= 1
            }
            if governor[index] == nil {
                if verbForm[w].isFinite { governor[index] = w; continue }
                k = w + 1
                while k < range.upperBound, k - w <= 8 {
                    if verbForm[k].isFinite { governor[index] = k; break }
                    k += 1
                }
            }
        }
        self.governor = governor

        // Main events: the first finite verb event not in a subordinate clause; else the first finite verb
        // event; else the first verb event; else the first event.
        var mainEvent: [Int?] = []
        var isMain = [Bool](repeating: false, count: document.events.count)
        for list in sentenceEvents {
            func finite(_ e: Int) -> Bool {
                let t = document.events[e].tense
                return t == .past || t == .present || t == .future
            }
            func verb(_ e: Int) -> Bool {
                document.events[e].partOfSpeech == .verb || (hasWords && tag[eventWord[e]] == .verb)
            }
            let main = list.first { finite($0) && verb($0) && !isSubordinate[$0] && !quoted[eventWord[$0]] }
                ?? list.first { finite($0) && verb($0) && !isSubordinate[$0] }
                ?? list.first { finite($0) && verb($0) }
                ?? list.first(where: verb) ?? list.first
            mainEvent.append(main)
            if let main { isMain[main] = true }
        }
        self.mainEvent = mainEvent
        self.isMain = isMain

        var eventHash: [EventHashes] = []
        eventHash.reserveCapacity(document.events.count)
        let noModality = FeatureHash.ofLowercased("-")
        for (index, event) in document.events.enumerated() {
            let tense = EnumHash.of(event.tense), aspect = EnumHash.of(event.aspect)
            eventHash.append(EventHashes(
                lemma: FeatureHash.ofLowercased(event.lemma.isEmpty ? event.text : event.lemma),
                eventClass: EnumHash.of(event.eventClass),
                tense: tense,
                aspect: aspect,
                polarity: EnumHash.of(event.polarity),
                modality: event.modality.map { FeatureHash.ofLowercased($0) } ?? noModality,
                partOfSpeech: EnumHash.of(event.partOfSpeech),
                penn: hasWords ? pennHash[eventWord[index]] : 0,
                tenseAspect: FeatureHash.mix(tense, aspect)))
        }
        self.eventHash = eventHash
    }

    /// The lemma hash of word `index`, or a boundary hash outside its sentence.
    func lemmaHash(_ index: Int, in sentence: Int) -> UInt64 {
        guard index >= 0, index < lemmaHash.count, wordSentence[index] == sentence else {
            return index < 0 || (index < lemmaHash.count && wordSentence[index] < sentence) ? 1 : 2
        }
        return lemmaHash[index]
    }
}

/// What the relation stage needs to know about a word beyond its lemma, as bits.
enum WordFlags {
    static let comma: UInt8 = 1
    /// ";" and ":".
    static let clauseBoundary: UInt8 = 2
    static let subordinator: UInt8 = 4
    static let openingQuote: UInt8 = 8
    static let closingQuote: UInt8 = 16
    static let straightQuote: UInt8 = 32
    /// A word that signals a temporal relation (``Signals``).
    static let signal: UInt8 = 64

    static let subordinators = [
        "that", "which", "who", "whom", "whose", "because", "if", "when", "while", "although", "though", "whether",
        "after", "before", "since", "until", "till", "unless", "as", "where", "once",
    ]

    /// ``flags`` as a small open-addressing table.
    static let table = FlagTable(flags)

    /// The flags of every lemma that has some, by the hash of the lowercased lemma.
    static let flags: [UInt64: UInt8] = {
        var table: [UInt64: UInt8] = [:]
        func set(_ words: some Sequence<String>, _ flag: UInt8) {
            for word in words { table[FeatureHash.of(word), default: 0] |= flag }
        }
        set([","], comma)
        set([";", ":"], clauseBoundary)
        set(subordinators, subordinator)
        set(["``", "\u{201C}"], openingQuote)
        set(["''", "\u{201D}"], closingQuote)
        set(["\""], straightQuote)
        set(Signals.words, signal)
        return table
    }()
}

/// A small open-addressing table from lemma hash to ``WordFlags`` bits (0 for lemmas without flags).
struct FlagTable: Sendable {
    private let keys: [UInt64]
    private let values: [UInt8]
    private let mask: Int

    init(_ flags: [UInt64: UInt8]) {
        var size = 16
        while size < 4 * flags.count { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size)
        var values = [UInt8](repeating: 0, count: size)
        var used = [Bool](repeating: false, count: size)
        for (key, value) in flags {
            var slot = Int(truncatingIfNeeded: key) & (size - 1)
            while used[slot] { slot = (slot + 1) & (size - 1) }
            used[slot] = true
            keys[slot] = key
            values[slot] = value
        }
        // An empty slot is one whose value is 0 (every stored lemma has some flag).
        self.keys = keys
        self.values = values
        mask = size - 1
    }

    @inline(__always)
    func flags(_ hash: UInt64) -> UInt8 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while values[slot] != 0 {
            if keys[slot] == hash { return values[slot] }
            slot = (slot + 1) & mask
        }
        return 0
    }
}

/// ``FeatureHash/of(_:)`` of the raw values of the event attributes, computed once.
enum EnumHash {
    private static func table<E: CaseIterable & RawRepresentable & Equatable>(_: E.Type) -> [(E, UInt64)] where E.RawValue == String {
        E.allCases.map { ($0, FeatureHash.of($0.rawValue)) }
    }

    private static let classes = table(Event.Class.self)
    private static let tenses = table(Event.Tense.self)
    private static let aspects = table(Event.Aspect.self)
    private static let polarities = table(Event.Polarity.self)
    private static let partsOfSpeech = table(Event.PartOfSpeech.self)

    @inline(__always)
    private static func find<E: Equatable & RawRepresentable>(_ value: E, in table: [(E, UInt64)]) -> UInt64 where E.RawValue == String {
        for (key, hash) in table where key == value { return hash }
        return FeatureHash.of(value.rawValue)
    }

    static func of(_ value: Event.Class) -> UInt64 { find(value, in: classes) }
    static func of(_ value: Event.Tense) -> UInt64 { find(value, in: tenses) }
    static func of(_ value: Event.Aspect) -> UInt64 { find(value, in: aspects) }
    static func of(_ value: Event.Polarity) -> UInt64 { find(value, in: polarities) }
    static func of(_ value: Event.PartOfSpeech) -> UInt64 { find(value, in: partsOfSpeech) }
}
