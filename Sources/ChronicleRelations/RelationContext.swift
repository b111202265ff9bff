import ChronicleCore

/// What the relation stage needs to know about a document, computed once: where each event and time
/// expression sits among the words and sentences, each sentence's main event, quotations, and how each
/// time expression stands to the creation time.
struct RelationContext {
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
        hasCreationTime = document.creationTime != nil
        creationInterval = document.creationTime.map(TimeValueInterval.init)

        let words = document.words
        var lemmaHash: [UInt64] = []
        var tag: [UniversalTag] = []
        var pennHash: [UInt64] = []
        var verbForm: [VerbForm] = []
        var flags: [UInt8] = []
        lemmaHash.reserveCapacity(words.count)
        tag.reserveCapacity(words.count)
        pennHash.reserveCapacity(words.count)
        verbForm.reserveCapacity(words.count)
        flags.reserveCapacity(words.count)
        var text = document.text
        text.withUTF8 { bytes in
            for word in words {
                let hash: UInt64
                if let l = word.lemma, !l.isEmpty {
                    hash = FeatureHash.ofLowercased(l)
                } else {
                    let lower = max(0, min(Int(word.byteStart), bytes.count)), upper = max(lower, min(Int(word.byteEnd), bytes.count))
                    hash = FeatureHash.ofLowercased(UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
                }
                lemmaHash.append(hash)
                flags.append(WordFlags.flags[hash] ?? 0)
                tag.append(word.universalTag ?? .other)
                pennHash.append(word.pennTag.map(FeatureHash.of) ?? 0)
                verbForm.append(VerbForm(penn: word.pennTag))
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
        for s in sentenceEvents.indices {
            sentenceEvents[s].sort { (document.events[$0].span.start, $0) < (document.events[$1].span.start, $1) }
        }
        self.eventWord = eventWord
        self.eventSentence = eventSentence
        self.timexWords = timexWords
        self.timexSentence = timexSentence
        self.sentenceTimexes = sentenceTimexes
        self.timexInterval = timexInterval
        self.timexOrder = timexOrder
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

        eventHash = document.events.enumerated().map { index, event in
            EventHashes(
                lemma: FeatureHash.ofLowercased(event.lemma.isEmpty ? event.text : event.lemma),
                eventClass: FeatureHash.of(event.eventClass.rawValue),
                tense: FeatureHash.of(event.tense.rawValue),
                aspect: FeatureHash.of(event.aspect.rawValue),
                polarity: FeatureHash.of(event.polarity.rawValue),
                modality: FeatureHash.ofLowercased(event.modality ?? "-"),
                partOfSpeech: FeatureHash.of(event.partOfSpeech.rawValue),
                penn: hasWords ? pennHash[eventWord[index]] : 0,
                tenseAspect: FeatureHash.mix(FeatureHash.of(event.tense.rawValue), FeatureHash.of(event.aspect.rawValue)))
        }
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
