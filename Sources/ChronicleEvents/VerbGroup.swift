import ChronicleCore

/// What a word can be in a verb group: the auxiliaries, modals, "to" and negations that sit before an
/// event word and give it its tense, aspect, polarity and modality.
enum GroupRole: UInt8 {
    /// Anything else: ends a verb group.
    case other = 0
    /// An auxiliary "be" (also the copula before an adjective or noun).
    case be
    /// An auxiliary "have".
    case have
    /// An auxiliary "do" ("did not attend").
    case `do`
    /// "will", "shall", "'ll": the future.
    case future
    /// Any other modal: "would", "could", "may", "might", "must", "should", "can".
    case modal
    /// The infinitive marker "to".
    case to
    /// "not", "n't", "never".
    case negation
    /// Another adverb, which a verb group may hold ("has been steadily claiming").
    case adverb
    /// A determiner "no" ("no agreement").
    case no
    /// A quotation mark, which a verb group may hold (will " develop).
    case quote

    /// The roles of `words`, one by one (only the tags that can have a role other than ``other`` need the lemma).
    static func roles(of words: UnsafeBufferPointer<Word>) -> [GroupRole] {
        [GroupRole](unsafeUninitializedCapacity: words.count) { roles, count in
            for i in words.indices {
                switch words[i].universalTag {
                case .auxiliary?, .particle?, .adverb?, .determiner?, .punctuation?:
                    (roles.baseAddress! + i).initialize(to: GroupRole(words[i]))
                default:
                    (roles.baseAddress! + i).initialize(to: .other)
                }
            }
            count = words.count
        }
    }

    /// The role of a tagged word.
    init(_ word: Word) {
        let lemma = word.lemma ?? ""
        switch word.universalTag {
        case .auxiliary?:
            switch lemma {
            case "be": self = .be
            case "have": self = .have
            case "do": self = .do
            case "will", "shall": self = word.pennTag == "MD" ? .future : .other
            default: self = word.pennTag == "MD" ? .modal : .other
            }
        case .particle?:
            self = lemma == "to" ? .to : lemma == "not" ? .negation : .other
        case .adverb?:
            self = lemma == "not" || lemma == "never" || lemma == "n't" ? .negation : .adverb
        case .determiner?:
            self = lemma == "no" ? .no : .other
        case .punctuation?:
            switch lemma {
            case "\"", "``", "''", "\u{201C}", "\u{201D}": self = .quote
            default: self = .other
            }
        default:
            self = .other
        }
    }
}

/// The attributes a verb group gives an event word: tense, aspect, polarity and modality, following TimeML 1.2.1
/// as TimeBank applies it ("has been hospitalized" is PRESENT PERFECTIVE, "would meet" has no tense and the
/// modality "would", "to meet" is INFINITIVE, "did not attend" is PAST and NEG; nouns have no tense).
struct VerbGroup: Equatable {
    var tense: Event.Tense = .none
    var aspect: Event.Aspect = .none
    var polarity: Event.Polarity = .positive
    var modality: String?

    /// No tense or aspect, positive, without modality.
    init() {}

    /// The TimeML part of speech of a tagged word.
    static func partOfSpeech(of word: Word) -> Event.PartOfSpeech {
        switch word.universalTag {
        case .verb?, .auxiliary?: .verb
        case .noun?, .properNoun?, .numeral?: .noun
        case .adjective?: .adjective
        case .adposition?: .preposition
        default: .other
        }
    }

    /// The auxiliaries before word `index` (right to left): indices of the words of the group, stopping at the
    /// first word that cannot belong to one, after "to", and after at most three adverbs.
    static func auxiliaries(before index: Int, from start: Int, roles: UnsafeBufferPointer<GroupRole>) -> [Int] {
        var items: [Int] = []
        var adverbs = 0
        var j = index - 1
        while j >= start {
            switch roles[j] {
            case .other, .no:
                return items
            case .adverb:
                adverbs += 1
                if adverbs > 3 { return items }
            case .quote:
                break
            case .to:
                items.append(j)
                return items
            default:
                items.append(j)
            }
            j -= 1
        }
        return items
    }

    /// The verb group of the event word `index` of `words` (roles as ``GroupRole`` gives them; the sentence
    /// starts at `start`).
    init(event index: Int, words: UnsafeBufferPointer<Word>, roles: UnsafeBufferPointer<GroupRole>, start: Int) {
        let word = words[index]
        let pos = Self.partOfSpeech(of: word)
        let tag = word.pennTag ?? ""
        switch pos {
        case .noun:
            self.init()
            // "no agreement", "no independent confirmation": a "no" a few words before, over modifiers only.
            var j = index - 1
            while j >= start, index - j <= 4 {
                if roles[j] == .no { polarity = .negative; break }
                guard Self.isNounModifier(words[j].universalTag) else { break }
                j -= 1
            }
            // "would be a mistake": the modal of a copula before the noun phrase.
            j = index - 1
            while j >= start, index - j <= 4, roles[j] == .other || roles[j] == .adverb, Self.isDeterminerOrModifier(words[j].universalTag) {
                j -= 1
            }
            if j >= start, roles[j] == .be {
                let copula = VerbGroup(event: j, words: words, roles: roles, start: start)
                modality = copula.modality
                if copula.polarity == .negative { polarity = .negative }
            }
            return
        case .verb, .adjective, .preposition, .other:
            self.init()
        case .unknown:
            self.init()
            return
        }

        let items = Self.auxiliaries(before: index, from: start, roles: roles)
        var perfect = false, progressive = false, future = false, infinitive = false
        var finite: String?  // the Penn tag of the leftmost finite auxiliary
        for item in items {
            let itemTag = words[item].pennTag ?? ""
            switch roles[item] {
            case .have:
                perfect = true
            case .be:
                if itemTag == "VBG" { progressive = true }
            case .future:
                future = true
            case .modal:
                modality = Self.modality(of: words[item])
            case .to:
                infinitive = true
            case .negation:
                polarity = .negative
            case .do, .adverb, .other, .no, .quote:
                break
            }
            if Self.isFinite(itemTag), roles[item] != .negation, roles[item] != .adverb { finite = itemTag }
        }
        // "has been pushing": a progressive participle right after the group's "been".
        if pos == .verb, tag == "VBG", let nearest = items.first(where: { roles[$0] != .negation && roles[$0] != .adverb }),
           roles[nearest] == .be {
            progressive = true
        }

        if pos == .verb {
            aspect = perfect ? (progressive ? .perfectiveProgressive : .perfective) : (progressive ? .progressive : .none)
        } else {
            aspect = perfect && items.contains(where: { roles[$0] == .be }) ? .perfective : .none
        }

        if infinitive, let to = items.last, Self.isGoingTo(before: to, words: words, roles: roles, start: start) {
            tense = .future
        } else if future {
            tense = .future
        } else if modality != nil {
            tense = .none
        } else if infinitive {
            tense = .infinitive
        } else if let finite {
            tense = finite == "VBD" ? .past : .present
        } else if pos != .verb {
            // An adjective without a finite copula ("found dead") has no tense.
            tense = .none
        } else if let lead = items.last(where: { roles[$0] != .negation && roles[$0] != .adverb }).map({ words[$0].pennTag ?? "" }) {
            // A group without a finite auxiliary: "being held", "having said".
            tense = lead == "VBG" ? .presentParticiple : lead == "VBN" ? .pastParticiple : .infinitive
        } else {
            var j = index - 1
            while j >= start, roles[j] == .adverb { j -= 1 }
            let previous = j >= start ? words[j].universalTag : nil
            switch tag {
            case "VBD": tense = .past
            case "VBZ", "VBP": tense = .present
            case "VBG": tense = .presentParticiple
            case "VBN":
                // After its subject, a participle is most often a past tense the tagger took for a participle
                // ("shares closed at").
                tense = Self.isSubjectLike(previous) ? .past : .pastParticiple
            default:
                // A bare verb: coordinated with a verb before it ("to hold on or get"), after its subject
                // ("they believe"), or an infinitive ("help improve").
                tense = .infinitive
                if let coordinated = Self.coordinatedVerb(before: index, words: words, roles: roles, start: start) {
                    let group = VerbGroup(event: coordinated, words: words, roles: roles, start: start)
                    tense = group.tense == .pastParticiple || group.tense == .presentParticiple ? .infinitive : group.tense
                    modality = group.modality
                } else if index > start, Self.isSubjectLike(words[index - 1].universalTag) {
                    tense = .present
                }
            }
        }
    }

    private static func isNounModifier(_ tag: UniversalTag?) -> Bool {
        switch tag {
        case .adjective?, .noun?, .properNoun?, .numeral?, .adverb?: true
        default: false
        }
    }

    private static func isDeterminerOrModifier(_ tag: UniversalTag?) -> Bool {
        switch tag {
        case .determiner?, .adjective?, .adverb?, .numeral?: true
        default: false
        }
    }

    private static func isSubjectLike(_ tag: UniversalTag?) -> Bool {
        switch tag {
        case .pronoun?, .properNoun?, .noun?: true
        default: false
        }
    }

    private static func isFinite(_ pennTag: String) -> Bool {
        switch pennTag {
        case "VBD", "VBZ", "VBP", "MD": true
        default: false
        }
    }

    /// Whether "to" at `index` follows "going" after a form of "be" ("is going to raise"): a future in TimeBank.
    private static func isGoingTo(before index: Int, words: UnsafeBufferPointer<Word>, roles: UnsafeBufferPointer<GroupRole>, start: Int) -> Bool {
        let going = index - 1
        guard going > start, words[going].lemma == "go", words[going].pennTag == "VBG" else { return false }
        var j = going - 1
        while j >= start, roles[j] == .adverb || roles[j] == .negation { j -= 1 }
        return j >= start && roles[j] == .be
    }

    /// The verb a bare verb is coordinated with: "and"/"or" right before it (over adverbs), then a verb at most
    /// eight words before.
    private static func coordinatedVerb(before index: Int, words: UnsafeBufferPointer<Word>, roles: UnsafeBufferPointer<GroupRole>, start: Int) -> Int? {
        var j = index - 1
        while j >= start, roles[j] == .adverb { j -= 1 }
        guard j > start, words[j].universalTag == .coordinatingConjunction else { return nil }
        var k = j - 1
        while k >= start, j - k <= 8 {
            if words[k].universalTag == .verb { return k }
            k -= 1
        }
        return nil
    }

    /// The modality a modal gives, as TimeBank writes it ("would", "could", "can" for "ca" in "can't").
    static func modality(of word: Word) -> String {
        let lemma = (word.lemma ?? "").lowercased()
        switch lemma {
        case "ca", "can": return "can"
        case "'d", "d": return "would"
        case "wo": return "will"
        default: return lemma
        }
    }
}
