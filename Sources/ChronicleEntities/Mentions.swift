import ChronicleCore

/// The people, organisations and other named things of one document, and every mention of them: names,
/// surnames and first names, pronouns and definite descriptions ("the magazine", "the star"), each
/// resolved within the document where the text allows.
///
/// Rules, in order: capitalised runs of proper nouns are names (capitalised nouns too, away from the start
/// of a sentence: "this week's People"); a run of two or more words without function words is a person, one
/// ending in an organisation word ("Times", "Inc.") an organisation, one with capitalised function words
/// inside a title ("Keeping Up With The Kardashians"); a single word that is the first or last word of a
/// person's name is that person ("Kardashian" → "Khloé Kardashian"); headlines (title-case lines at the top)
/// only repeat names found in the body. Pronouns (he, she, his, her) go to the most salient person of the
/// last sentences whose gender fits (subjects count double, each sentence back halves the weight, and a
/// person's gender is learnt from titles and from the pronouns already resolved to them); "the magazine"
/// and the like go to the latest organisation or unclassified name, "the star" and the like to the most
/// salient person.
struct MentionIndex: Sendable {
    enum Kind: String, Sendable {
        case person, organisation, platform, group, title, place, product, unknown
    }

    enum Gender: Sendable { case female, male }

    struct Entity: Sendable {
        /// The fullest name the document gives.
        var name: String
        var tokens: [String]
        var kind: Kind
        var gender: Gender?
        /// Other names of it the text gives: acronyms ("GM"), a possessor before it ("Beatles' Apple Corps").
        var variants: [String] = []
    }

    enum MentionForm: Sendable { case name, surname, shortName, acronym, pronoun, description, author }

    struct Mention: Sendable {
        /// First and last word (inclusive).
        var first: Int
        var last: Int
        var span: TextSpan
        /// Index into ``entities``; `nil` for a pronoun or description that could not be resolved.
        var entity: Int?
        var form: MentionForm
        var isSubject: Bool
        var sentence: Int
    }

    var entities: [Entity] = []
    private(set) var mentions: [Mention] = []
    /// The mention covering each word (an index into ``mentions``), -1 for none.
    private(set) var mentionOfWord: [Int32] = []
    /// The author named in a byline ("by Michelle McGahan"), as an entity index.
    private(set) var author: Int?
    /// Sentences that are headlines or bylines, not prose.
    private(set) var nonProse: Set<Int> = []
    /// ``nonProse`` as a flag per sentence.
    private(set) var isNonProse: [Bool] = []
    /// The entities of two or more words, by their first and by their last word, ascending (for ``personMatching(_:before:words:)``).
    var namesWithToken: [String: [Int]] = [:]
    /// Every entity by its name lower-cased.
    var entityNamed: [String: Int] = [:]
    /// The entities of acronyms the text introduces ("General Motors (GM)"), by acronym.
    var acronyms: [String: Int] = [:]

    init(_ analysis: DocumentAnalysis) {
        let words = analysis.words
        isNonProse = [Bool](repeating: false, count: analysis.sentenceWords.count)
        guard !words.isEmpty else { return }
        // Headlines and bylines.
        let bylineSentence: Int?
        (isNonProse, bylineSentence) = Self.nonProse(analysis)
        nonProse = Set(isNonProse.indices.filter { isNonProse[$0] })
        // Names in the body.
        var runs: [Run] = []
        for (index, range) in analysis.sentenceWords.enumerated() where !isNonProse[index] || index == bylineSentence {
            var i = range.lowerBound
            while i < range.upperBound {
                guard Self.isNameLike(i, words, sentenceStart: range.lowerBound) else { i += 1; continue }
                var last = i
                var bridged = false
                var j = i + 1
                while j < range.upperBound {
                    if Self.isNameLike(j, words, sentenceStart: range.lowerBound) || Self.continuesName(j, words) {
                        last = j
                        j += 1
                    } else if Self.isBridge(j, words), let next = (j + 1..<min(j + 4, range.upperBound)).first(where: {
                        !Self.isBridge($0, words)
                    }), Self.isNameLike(next, words, sentenceStart: range.lowerBound) {
                        bridged = bridged || !(words[j].textTerm == .hyphen && Self.adjacent(j, words))
                        last = next
                        j = next + 1
                    } else {
                        break
                    }
                }
                let honorific = i > range.lowerBound ? Self.honorific(words[i - 1]) : nil
                // A lone capitalised verb or adjective is not a name ("Keeping" alone).
                if !words[i].isNoun, honorific == nil, (i...last).lazy.filter({ !Self.isBridge($0, words) }).count == 1 { i = last + 1; continue }
                // An organisation's name before a model: "Corvair Airways Flight CV 212" is the airline and its flight.
                if let cut = (i..<last).first(where: { words[$0].lowerFlags.contains(.organisationSuffix) && !words[$0 + 1].isBridgeLike }),
                   (cut + 1...last).contains(where: { Self.continuesName($0, words) && !words[$0].isCapitalised }) {
                    runs.append((i, cut, bridged, honorific))
                    runs.append((cut + 1, last, false, nil))
                } else {
                    runs.append((i, last, bridged, honorific))
                }
                i = last + 1
            }
        }
        let (runEntity, runForms) = resolve(runs: &runs, analysis)
        // A multi-word "person" seen only after locative prepositions and never as a subject, with a title or an
        // age is a place ("in Eastern Slavonia").
        var placeEvidence = [Int](repeating: 0, count: entities.count), personEvidence = [Int](repeating: 0, count: entities.count)
        for (r, run) in runs.enumerated() {
            guard let entity = runEntity[r], entities[entity].kind == .person || entities[entity].kind == .unknown else { continue }
            let sentenceStart = analysis.sentenceWords[words[run.first].sentence].lowerBound
            var before = run.first - 1
            if before > sentenceStart, words[before].lower == .the { before -= 1 }
            if before >= sentenceStart, words[before].lowerFlags.contains(.locativePreposition) { placeEvidence[entity] += 1 }
            if run.honorific != nil || words[run.first].lowerFlags.contains(.nameTitle) || Self.isSubject(after: run.last, words, analysis)
                || run.last + 3 < words.count && words[run.last + 1].textTerm == .comma && words[run.last + 2].tag == .numeral {
                personEvidence[entity] += 1
            }
        }
        for entity in placeEvidence.indices where placeEvidence[entity] > 0 && personEvidence[entity] == 0 { entities[entity].kind = .place }
        // A single unclassified name that says something is a person ("Nandakumar told analysts").
        for (r, run) in runs.enumerated() where run.first == run.last {
            guard let entity = runEntity[r], entities[entity].kind == .unknown, Self.isSubject(after: run.last, words, analysis) else { continue }
            var verb = run.last + 1
            while verb < words.count, words[verb].lowerFlags.contains(.adverbialFiller) || words[verb].tag == .adverb { verb += 1 }
            if verb < words.count, words[verb].isVerb, words[verb].lemmaFlags.contains(.reportingVerb) { entities[entity].kind = .person }
        }
        for (r, run) in runs.enumerated() {
            guard let entity = runEntity[r] else { continue }
            if entities[entity].gender == nil, let title = (run.first...run.last).lazy.map({ words[$0].lowerFlags }).first(where: {
                $0.contains(.femaleTitle) || $0.contains(.maleTitle)
            }) {
                entities[entity].gender = title.contains(.femaleTitle) ? .female : .male
            }
            if let honorific = run.honorific, entities[entity].gender == nil {
                if honorific.contains(.femaleTitle) { entities[entity].gender = .female }
                if honorific.contains(.maleTitle) { entities[entity].gender = .male }
            }
            if words[run.first].sentence == bylineSentence, author == nil { author = entity }
            add(Mention(first: run.first, last: run.last, span: analysis.span(run.first, run.last), entity: entity, form: runForms[r],
                        isSubject: Self.isSubject(after: run.last, words, analysis), sentence: words[run.first].sentence))
        }
        addSentenceInitialSurnames(analysis, runs: runs)
        // Names repeated in headlines.
        for index in nonProse.sorted() where index != bylineSentence {
            let range = analysis.sentenceWords[index]
            let texts = range.map { analysis.text(of: $0) }
            var i = range.lowerBound
            while i < range.upperBound {
                if let (entity, last) = knownName(at: i, in: range, words: words, texts: texts) {
                    add(Mention(first: i, last: last, span: analysis.span(i, last), entity: entity, form: .name,
                                isSubject: false, sentence: index))
                    i = last + 1
                } else {
                    i += 1
                }
            }
        }
        mentions.sort { $0.first < $1.first }
        resolveReferences(analysis)
        rebuildWordIndex(wordCount: words.count)
    }

    // MARK: - Queries

    /// The mention covering word `index`, if any.
    @inline(__always)
    func mention(at index: Int) -> Mention? {
        let m = mentionOfWord.isEmpty ? -1 : Int(mentionOfWord[index])
        return m < 0 ? nil : mentions[m]
    }

    /// The resolved name of a mention, if it has one.
    func name(of mention: Mention) -> String? {
        mention.entity.map { entities[$0].name }
    }

    /// The kind of a mention's entity.
    func kind(of mention: Mention) -> Kind? {
        mention.entity.map { entities[$0].kind }
    }

    // MARK: - Building

    /// A person's surname or first name that starts a sentence, where the tagger read it as a common word
    /// ("Jobs said ...", "Cook told ...", "Brown, 54, ..."): a capitalised word, not in a name, that is the first or
    /// last word of a person named before it, followed by a verb, a comma or a possessive mark.
    private mutating func addSentenceInitialSurnames(_ analysis: DocumentAnalysis, runs: [Run]) {
        let words = analysis.words
        let named = Set(runs.flatMap { $0.first...$0.last })
        for (index, range) in analysis.sentenceWords.enumerated() where !isNonProse[index] {
            var i = range.lowerBound
            while i < range.upperBound, words[i].isPunctuation { i += 1 }
            guard i + 1 < range.upperBound, !named.contains(i), words[i].isCapitalised, !words[i].inTimex, !words[i].isProperNoun else { continue }
            let next = words[i + 1]
            guard next.isVerb || next.isAuxiliary || next.textTerm == .comma || next.penn == .pos else { continue }
            guard let person = personMatching(analysis.text(of: i), before: i, words: words),
                  mentions.contains(where: { $0.entity == person && $0.first < i }) else { continue }
            add(Mention(first: i, last: i, span: analysis.span(i, i), entity: person, form: .surname,
                        isSubject: Self.isSubject(after: i, words, analysis), sentence: index))
        }
    }

    private mutating func add(_ mention: Mention) {
        mentions.append(mention)
    }

    private mutating func rebuildWordIndex(wordCount: Int) {
        mentionOfWord = [Int32](repeating: -1, count: wordCount)
        for (m, mention) in mentions.enumerated() {
            for w in mention.first...mention.last where mentionOfWord[w] < 0 { mentionOfWord[w] = Int32(m) }
        }
    }

    /// The person whose first or last name is `token` (the most recently mentioned one when there are several).
    func personMatching(_ token: String, before index: Int, words: [AnalysedWord]) -> Int? {
        // The people of two or more words whose first or last word is `token`, in the order of the entities.
        let candidates = (namesWithToken[token] ?? []).filter { entities[$0].kind == .person }
        guard let only = candidates.first else { return nil }
        guard candidates.count > 1 else { return only }
        // Several people share the name: the one mentioned last before `index` (else the first).
        var best: (entity: Int, at: Int)?
        for mention in mentions where mention.first < index {
            if let entity = mention.entity, candidates.contains(entity), mention.first >= best?.at ?? -1 { best = (entity, mention.first) }
        }
        return best?.entity ?? candidates[0]
    }

    /// A known name (full, or a person's single first or last name) starting at word `i` of a headline.
    private func knownName(at i: Int, in range: Range<Int>, words: [AnalysedWord], texts: [String]) -> (Int, Int)? {
        guard words[i].isCapitalised, !words[i].inTimex else { return nil }
        var best: (Int, Int)?
        for (e, entity) in entities.enumerated() where entity.kind != .title {
            let count = entity.tokens.count
            guard i + count <= range.upperBound else { continue }
            if (0..<count).allSatisfy({ texts[i - range.lowerBound + $0] == entity.tokens[$0] }), count > (best.map { $0.1 - i + 1 } ?? 0) {
                best = (e, i + count - 1)
            }
        }
        if best == nil, words[i].isProperNoun, let person = personMatching(texts[i - range.lowerBound], before: i, words: words) {
            best = (person, i)
        }
        return best
    }

    /// Resolves pronouns and definite descriptions in text order, learning genders as it goes.
    private mutating func resolveReferences(_ analysis: DocumentAnalysis) {
        let words = analysis.words
        var resolved: [Mention] = []
        var nameCursor = 0
        var history: [Mention] = []  // mentions so far (names and resolved references), for salience
        // The names, sorted by first word: whether a word is in one, by a cursor (names do not overlap).
        var coverCursor = 0
        var candidates: [(entity: Int, score: Double, latest: Int)] = []
        for (s, range) in analysis.sentenceWords.enumerated() {
            let isNonProse = self.isNonProse[s]
            var i = range.lowerBound
            while i < range.upperBound {
                while nameCursor < mentions.count, mentions[nameCursor].first <= i {
                    if mentions[nameCursor].first == i { history.append(mentions[nameCursor]) }
                    nameCursor += 1
                }
                if mentionOfWordLinear(i, cursor: &coverCursor) { i += 1; continue }
                let word = words[i]
                if isNonProse { i += 1; continue }
                if word.tag == .pronoun || word.isPennPRP {
                    let lower = word.lower
                    var gender: Gender?
                    if word.lowerFlags.contains(.femalePronoun) { gender = .female }
                    if word.lowerFlags.contains(.malePronoun) { gender = .male }
                    if let gender {
                        let entity = mostSalientPerson(history, sentence: s, gender: gender, candidates: &candidates)
                        if let entity, entities[entity].gender == nil { entities[entity].gender = gender }
                        let mention = Mention(first: i, last: i, span: word.span, entity: entity, form: .pronoun,
                                              isSubject: Self.isSubject(after: i, words, analysis) && word.penn == .prp, sentence: s)
                        resolved.append(mention)
                        if entity != nil { history.append(mention) }
                    } else if lower == .they || lower == .them {
                        let entity = latest(history, sentence: s, within: 1) { $0.kind == .organisation || $0.kind == .group }
                        let mention = Mention(first: i, last: i, span: word.span, entity: entity, form: .pronoun,
                                              isSubject: Self.isSubject(after: i, words, analysis) && lower == .they, sentence: s)
                        resolved.append(mention)
                    }
                    i += 1
                    continue
                }
                if word.lower == .the || word.lower == .this || word.lower == .that, let (head, isPerson) = description(after: i, range, words) {
                    var entity: Int?
                    if isPerson {
                        entity = mostSalientPerson(history, sentence: s, gender: nil, candidates: &candidates)
                    } else {
                        // "the airline" → the latest organisation its name says is one ("Corvair Airways"), else the latest
                        // organisation, else the latest unclassified name.
                        let noun = analysis.lemma(of: head)
                        entity = latest(history, sentence: s, within: 12) { $0.kind == .organisation && Self.isNamed($0, by: noun) }
                            ?? latest(history, sentence: s, within: 3) { $0.kind == .organisation }
                            ?? latest(history, sentence: s, within: 3) { $0.kind == .unknown }
                        if let entity, entities[entity].kind == .unknown { entities[entity].kind = .organisation }
                    }
                    let mention = Mention(first: i, last: head, span: analysis.span(i, head), entity: entity, form: .description,
                                          isSubject: Self.isSubject(after: head, words, analysis), sentence: s)
                    resolved.append(mention)
                    if entity != nil { history.append(mention) }
                    i = head + 1
                    continue
                }
                i += 1
            }
        }
        if let author, let byline = mentions.firstIndex(where: { $0.entity == author }) {
            mentions[byline].form = .author
        }
        mentions.append(contentsOf: resolved)
        mentions.sort { $0.first != $1.first ? $0.first < $1.first : $0.last > $1.last }
    }

    /// Whether a name covers word `index`, for increasing indices (`cursor` starts at 0). Called while
    /// `mentionOfWord` is not built yet: the names are sorted by first word and do not overlap, so the first
    /// name that ends at or after `index` is the only one that can cover it.
    private func mentionOfWordLinear(_ index: Int, cursor: inout Int) -> Bool {
        while cursor < mentions.count, mentions[cursor].last < index { cursor += 1 }
        return cursor < mentions.count && mentions[cursor].first <= index && index <= mentions[cursor].last
    }

    /// A definite description starting at word `start` ("the magazine", "the Keeping Up With The Kardashians
    /// star"): the index of its head noun and whether it describes a person.
    private func description(after start: Int, _ range: Range<Int>, _ words: [AnalysedWord]) -> (Int, Bool)? {
        var j = start + 1
        var head: Int?
        while j < range.upperBound, j <= start + 8 {
            let word = words[j]
            if word.isPunctuation && word.textTerm != .hyphen { break }
            if word.isFinite || word.tag == .adposition && !word.isCapitalised || word.tag == .pronoun { break }
            if word.isNoun || word.tag == .adjective || word.isCapitalised || word.tag == .numeral || word.textTerm == .hyphen {
                head = j
                j += 1
                continue
            }
            break
        }
        guard let last = head else { return nil }
        // The head: the last role or organisation noun of the phrase ("the magazine points out" is tagged
        // as one noun phrase; its head is "magazine").
        for candidate in stride(from: last, through: start + 1, by: -1) {
            let word = words[candidate]
            if word.lemmaFlags.contains(.personRole) || word.lemmaEndsWithOld
                || word.lemma == .old && candidate > start + 1 && words[candidate - 1].textTerm == .hyphen {
                return (candidate, true)
            }
            if word.lemmaFlags.contains(.mediaNoun), !word.isCapitalised { return (candidate, false) }
        }
        return nil
    }

    /// The person with the highest salience before the current point, whose gender fits.
    private func mostSalientPerson(
        _ history: [Mention], sentence: Int, gender: Gender?, candidates: inout [(entity: Int, score: Double, latest: Int)]
    ) -> Int? {
        // The candidates of the last sentences are few: a list, each entity with its score and latest mention
        // (scores add up in the same order as they would in any other container, so they are the same).
        candidates.removeAll(keepingCapacity: true)
        for mention in history.reversed() {
            let distance = sentence - mention.sentence
            if distance > 4 { break }
            guard let entity = mention.entity, entities[entity].kind == .person else { continue }
            if let gender, let known = entities[entity].gender, known != gender { continue }
            var weight = mention.isSubject ? 2.0 : 1.0
            if mention.form == .author { weight = 0 }
            for _ in 0..<max(0, distance) { weight *= 0.5 }
            if let c = candidates.firstIndex(where: { $0.entity == entity }) {
                candidates[c].score += weight
                candidates[c].latest = max(candidates[c].latest, mention.first)
            } else {
                candidates.append((entity, 0 + weight, max(0, mention.first)))
            }
        }
        return candidates.max { a, b in
            a.score != b.score ? a.score < b.score : a.latest < b.latest
        }?.entity
    }

    /// The entity of the latest mention within `within` sentences back that satisfies `accept`.
    private func latest(_ history: [Mention], sentence: Int, within: Int, _ accept: (Entity) -> Bool) -> Int? {
        for mention in history.reversed() {
            if sentence - mention.sentence > within { return nil }
            if let entity = mention.entity, mention.form != .pronoun, mention.form != .description, mention.form != .author,
               accept(entities[entity]) {
                return entity
            }
        }
        return nil
    }

    /// Whether an organisation's name says what a description's noun does ("Northern Institute of Palaeontology" for
    /// "the institute", "Corvair Airways" for "the airline").
    private static func isNamed(_ entity: Entity, by noun: String) -> Bool {
        let words = entity.tokens.map { $0.lowercased() }
        if words.contains(noun) { return true }
        return (noun == "airline" || noun == "carrier") && words.contains { $0 == "airways" || $0 == "airlines" || $0 == "air" }
    }
}
