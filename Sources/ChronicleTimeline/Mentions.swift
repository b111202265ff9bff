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
        case person, organisation, platform, group, title, place, unknown
    }

    enum Gender: Sendable { case female, male }

    struct Entity: Sendable {
        /// The fullest name the document gives.
        var name: String
        var tokens: [String]
        var kind: Kind
        var gender: Gender?
    }

    enum MentionForm: Sendable { case name, pronoun, description, author }

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

    private(set) var entities: [Entity] = []
    private(set) var mentions: [Mention] = []
    /// The mention covering each word, if any.
    private(set) var mentionOfWord: [Int: Int] = [:]
    /// The author named in a byline ("by Michelle McGahan"), as an entity index.
    private(set) var author: Int?
    /// Sentences that are headlines or bylines, not prose.
    private(set) var nonProse: Set<Int> = []

    init(_ analysis: DocumentAnalysis) {
        let words = analysis.words
        guard !words.isEmpty else { return }
        // Headlines and bylines.
        var bylineSentence: Int?
        for (index, range) in analysis.sentenceWords.enumerated().prefix(4) where !range.isEmpty {
            if Self.isByline(range, words) { bylineSentence = index; nonProse.insert(index); continue }
            if Self.isHeadline(range, words, sentenceIndex: index) { nonProse.insert(index) }
        }
        // Names in the body.
        var runs: [(first: Int, last: Int, bridged: Bool, honorific: String?)] = []
        for (index, range) in analysis.sentenceWords.enumerated() where !nonProse.contains(index) || index == bylineSentence {
            var i = range.lowerBound
            while i < range.upperBound {
                guard Self.isNameLike(i, words, sentenceStart: range.lowerBound) else { i += 1; continue }
                var last = i
                var bridged = false
                var j = i + 1
                while j < range.upperBound {
                    if Self.isNameLike(j, words, sentenceStart: range.lowerBound) {
                        last = j
                        j += 1
                    } else if Self.isBridge(j, words), let next = (j + 1..<min(j + 4, range.upperBound)).first(where: {
                        !Self.isBridge($0, words)
                    }), Self.isNameLike(next, words, sentenceStart: range.lowerBound) {
                        bridged = bridged || !(words[j].text == "-" && Self.adjacent(j, words))
                        last = next
                        j = next + 1
                    } else {
                        break
                    }
                }
                let honorific = i > range.lowerBound ? Self.honorific(words[i - 1].lower) : nil
                let content = (i...last).filter { !Self.isBridge($0, words) }
                // A lone capitalised verb or adjective is not a name ("Keeping" alone).
                if content.count == 1, !words[i].isNoun, honorific == nil { i = last + 1; continue }
                runs.append((i, last, bridged, honorific))
                i = last + 1
            }
        }
        // Entities of the multi-word names first, so that single words can be matched against them.
        var entityByName: [String: Int] = [:]
        func entityIndex(for tokens: [String], kind: Kind) -> Int {
            let key = tokens.joined(separator: " ")
            if let existing = entityByName[key] { return existing }
            entities.append(Entity(name: key, tokens: tokens, kind: kind, gender: nil))
            entityByName[key] = entities.count - 1
            return entities.count - 1
        }
        var runEntity: [Int?] = Array(repeating: nil, count: runs.count)
        for (r, run) in runs.enumerated() {
            let tokens = Self.tokens(run.first, run.last, words)
            let kind = Self.kind(tokens: tokens, bridged: run.bridged, honorific: run.honorific, words: words, first: run.first)
            if tokens.count >= 2 || kind != .unknown && kind != .group || run.honorific != nil {
                if tokens.count == 1, kind == .person { continue }  // "Mr. Odom": matched below if a full name exists
                runEntity[r] = entityIndex(for: tokens, kind: kind)
            }
        }
        for (r, run) in runs.enumerated() where runEntity[r] == nil {
            let tokens = Self.tokens(run.first, run.last, words)
            if tokens.count == 1, let person = personMatching(tokens[0], before: run.first, words: words) {
                runEntity[r] = person
            } else {
                let kind = Self.kind(tokens: tokens, bridged: run.bridged, honorific: run.honorific, words: words, first: run.first)
                runEntity[r] = entityIndex(for: tokens, kind: kind)
            }
        }
        // A multi-word "person" seen only after locative prepositions and never as a subject, with a title or an
        // age is a place ("in Eastern Slavonia").
        var placeEvidence: [Int: Int] = [:], personEvidence: [Int: Int] = [:]
        for (r, run) in runs.enumerated() {
            guard let entity = runEntity[r], [.person, .unknown].contains(entities[entity].kind) else { continue }
            let sentenceStart = analysis.sentenceWords[words[run.first].sentence].lowerBound
            var before = run.first - 1
            if before > sentenceStart, words[before].lower == "the" { before -= 1 }
            if before >= sentenceStart, Lexicon.locativePrepositions.contains(words[before].lower) { placeEvidence[entity, default: 0] += 1 }
            if run.honorific != nil || Lexicon.nameTitles.contains(words[run.first].lower) || Self.isSubject(after: run.last, words, analysis)
                || run.last + 3 < words.count && words[run.last + 1].text == "," && words[run.last + 2].tag == .numeral {
                personEvidence[entity, default: 0] += 1
            }
        }
        for (entity, count) in placeEvidence where count > 0 && personEvidence[entity, default: 0] == 0 { entities[entity].kind = .place }
        for (r, run) in runs.enumerated() {
            guard let entity = runEntity[r] else { continue }
            if entities[entity].gender == nil, let title = (run.first...run.last).lazy.map({ words[$0].lower }).first(where: {
                Lexicon.femaleTitles.contains($0) || Lexicon.maleTitles.contains($0)
            }) {
                entities[entity].gender = Lexicon.femaleTitles.contains(title) ? .female : .male
            }
            if let honorific = run.honorific, entities[entity].gender == nil {
                if Lexicon.femaleTitles.contains(honorific) { entities[entity].gender = .female }
                if Lexicon.maleTitles.contains(honorific) { entities[entity].gender = .male }
            }
            if words[run.first].sentence == bylineSentence, author == nil { author = entity }
            add(Mention(first: run.first, last: run.last, span: analysis.span(run.first, run.last), entity: entity, form: .name,
                        isSubject: Self.isSubject(after: run.last, words, analysis), sentence: words[run.first].sentence))
        }
        // Names repeated in headlines.
        for index in nonProse.sorted() where index != bylineSentence {
            let range = analysis.sentenceWords[index]
            var i = range.lowerBound
            while i < range.upperBound {
                if let (entity, last) = knownName(at: i, in: range, words: words) {
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
        rebuildWordIndex()
    }

    // MARK: - Queries

    /// The mention covering word `index`, if any.
    func mention(at index: Int) -> Mention? {
        mentionOfWord[index].map { mentions[$0] }
    }

    /// The resolved name of a mention, if it has one.
    func name(of mention: Mention) -> String? {
        mention.entity.map { entities[$0].name }
    }

    /// The kind of a mention's entity.
    func kind(of mention: Mention) -> Kind? {
        mention.entity.map { entities[$0].kind }
    }

    /// The distinct names of the people and organisations mentioned in the words `range`, in order of mention.
    func participants(in range: ClosedRange<Int>) -> [String] {
        var names: [String] = []
        for mention in mentions where mention.first >= range.lowerBound && mention.last <= range.upperBound {
            guard let entity = mention.entity, entities[entity].kind != .title, entities[entity].kind != .place, mention.form != .author else { continue }
            let name = entities[entity].name
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    // MARK: - Building

    private mutating func add(_ mention: Mention) {
        mentions.append(mention)
    }

    private mutating func rebuildWordIndex() {
        mentionOfWord = [:]
        for (m, mention) in mentions.enumerated() {
            for w in mention.first...mention.last where mentionOfWord[w] == nil { mentionOfWord[w] = m }
        }
    }

    /// The person whose first or last name is `token` (the most recently mentioned one when there are several).
    private func personMatching(_ token: String, before index: Int, words: [AnalysedWord]) -> Int? {
        let candidates = entities.indices.filter {
            entities[$0].kind == .person && entities[$0].tokens.count >= 2
                && (entities[$0].tokens.last == token || entities[$0].tokens.first == token)
        }
        guard !candidates.isEmpty else { return nil }
        if candidates.count == 1 { return candidates[0] }
        // Several people share the name: the one mentioned last before `index` (else the first).
        var best: (entity: Int, at: Int)?
        for mention in mentions where mention.first < index {
            if let entity = mention.entity, candidates.contains(entity), mention.first >= best?.at ?? -1 { best = (entity, mention.first) }
        }
        return best?.entity ?? candidates[0]
    }

    /// A known name (full, or a person's single first or last name) starting at word `i` of a headline.
    private func knownName(at i: Int, in range: Range<Int>, words: [AnalysedWord]) -> (Int, Int)? {
        guard words[i].isCapitalised, !words[i].inTimex else { return nil }
        var best: (Int, Int)?
        for (e, entity) in entities.enumerated() where entity.kind != .title {
            let count = entity.tokens.count
            guard i + count <= range.upperBound else { continue }
            if (0..<count).allSatisfy({ words[i + $0].text == entity.tokens[$0] }), count > (best.map { $0.1 - i + 1 } ?? 0) {
                best = (e, i + count - 1)
            }
        }
        if best == nil, words[i].isProperNoun, let person = personMatching(words[i].text, before: i, words: words) {
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
        for (s, range) in analysis.sentenceWords.enumerated() {
            var i = range.lowerBound
            while i < range.upperBound {
                while nameCursor < mentions.count, mentions[nameCursor].first <= i {
                    if mentions[nameCursor].first == i { history.append(mentions[nameCursor]) }
                    nameCursor += 1
                }
                if mentionOfWordLinear(i) { i += 1; continue }
                let word = words[i]
                if nonProse.contains(s) { i += 1; continue }
                if word.tag == .pronoun || word.penn.hasPrefix("PRP") {
                    let lower = word.lower
                    var gender: Gender?
                    if Lexicon.femalePronouns.contains(lower) { gender = .female }
                    if Lexicon.malePronouns.contains(lower) { gender = .male }
                    if let gender {
                        let entity = mostSalientPerson(history, sentence: s, gender: gender)
                        if let entity, entities[entity].gender == nil { entities[entity].gender = gender }
                        let mention = Mention(first: i, last: i, span: word.span, entity: entity, form: .pronoun,
                                              isSubject: Self.isSubject(after: i, words, analysis) && word.penn == "PRP", sentence: s)
                        resolved.append(mention)
                        if entity != nil { history.append(mention) }
                    } else if ["they", "them"].contains(lower) {
                        let entity = latest(history, sentence: s, within: 1) { [.organisation, .group].contains($0.kind) }
                        let mention = Mention(first: i, last: i, span: word.span, entity: entity, form: .pronoun,
                                              isSubject: Self.isSubject(after: i, words, analysis) && lower == "they", sentence: s)
                        resolved.append(mention)
                    }
                    i += 1
                    continue
                }
                if word.lower == "the" || word.lower == "this" || word.lower == "that", let (head, isPerson) = description(after: i, range, words) {
                    var entity: Int?
                    if isPerson {
                        entity = mostSalientPerson(history, sentence: s, gender: nil)
                    } else {
                        entity = latest(history, sentence: s, within: 3) { [.organisation, .unknown].contains($0.kind) }
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

    private func mentionOfWordLinear(_ index: Int) -> Bool {
        // Called while `mentionOfWord` is not built yet: names are sorted by first word.
        var low = 0, high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].last < index { low = middle + 1 } else { high = middle }
        }
        return low < mentions.count && mentions[low].first <= index && index <= mentions[low].last
    }

    /// A definite description starting at word `start` ("the magazine", "the Keeping Up With The Kardashians
    /// star"): the index of its head noun and whether it describes a person.
    private func description(after start: Int, _ range: Range<Int>, _ words: [AnalysedWord]) -> (Int, Bool)? {
        var j = start + 1
        var head: Int?
        while j < range.upperBound, j <= start + 8 {
            let word = words[j]
            if word.isPunctuation && word.text != "-" { break }
            if word.isFinite || word.tag == .adposition && !word.isCapitalised || word.tag == .pronoun { break }
            if word.isNoun || word.tag == .adjective || word.isCapitalised || word.tag == .numeral || word.text == "-" {
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
            let lemma = words[candidate].lemma
            if Lexicon.personRoles.contains(lemma) || lemma.hasSuffix("-old")
                || lemma == "old" && candidate > start + 1 && words[candidate - 1].text == "-" {
                return (candidate, true)
            }
            if Lexicon.mediaNouns.contains(lemma), !words[candidate].isCapitalised { return (candidate, false) }
        }
        return nil
    }

    /// The person with the highest salience before the current point, whose gender fits.
    private func mostSalientPerson(_ history: [Mention], sentence: Int, gender: Gender?) -> Int? {
        var scores: [Int: Double] = [:]
        var latestMention: [Int: Int] = [:]
        for mention in history.reversed() {
            let distance = sentence - mention.sentence
            if distance > 4 { break }
            guard let entity = mention.entity, entities[entity].kind == .person else { continue }
            if let gender, let known = entities[entity].gender, known != gender { continue }
            var weight = mention.isSubject ? 2.0 : 1.0
            if mention.form == .author { weight = 0 }
            for _ in 0..<max(0, distance) { weight *= 0.5 }
            scores[entity, default: 0] += weight
            latestMention[entity] = max(latestMention[entity] ?? 0, mention.first)
        }
        return scores.max { a, b in
            a.value != b.value ? a.value < b.value : (latestMention[a.key] ?? 0) < (latestMention[b.key] ?? 0)
        }?.key
    }

    /// The entity of the latest mention within `within` sentences back that satisfies `accept`.
    private func latest(_ history: [Mention], sentence: Int, within: Int, _ accept: (Entity) -> Bool) -> Int? {
        for mention in history.reversed() {
            if sentence - mention.sentence > within { return nil }
            if let entity = mention.entity, mention.form == .name, accept(entities[entity]) { return entity }
        }
        return nil
    }

    // MARK: - Word tests

    private static func isNameLike(_ i: Int, _ words: [AnalysedWord], sentenceStart: Int) -> Bool {
        let word = words[i]
        guard word.isCapitalised, !word.inTimex, !Lexicon.notNames.contains(word.lower), !isBridge(i, words) else { return false }
        guard word.text.unicodeScalars.contains(where: { $0.properties.isLowercase }) || word.text.count >= 2 else { return false }
        if word.tag == .pronoun || word.tag == .determiner || word.tag == .adposition || word.tag == .auxiliary { return false }
        // At the start of a sentence (or after an opening quote or bracket), only a proper noun is a name.
        var k = i - 1
        while k >= sentenceStart, words[k].isPunctuation { k -= 1 }
        let isInitial = k < sentenceStart
        if isInitial || words[k].text == ":" { return word.isProperNoun }
        return true
    }

    /// A capitalised function word or a hyphen, which may join the words of a name or title.
    private static func isBridge(_ i: Int, _ words: [AnalysedWord]) -> Bool {
        let word = words[i]
        if word.text == "-" { return true }
        guard word.isCapitalised else { return ["of", "de", "van", "von", "der", "da", "du", "la", "le", "al", "bin", "&"].contains(word.text) }
        return [.adposition, .determiner, .coordinatingConjunction, .particle, .subordinatingConjunction].contains(word.tag)
            && ["of", "the", "with", "up", "and", "a", "in", "on", "for", "to", "at", "by", "from"].contains(word.lower)
    }

    private static func adjacent(_ i: Int, _ words: [AnalysedWord]) -> Bool {
        i > 0 && i + 1 < words.count && words[i - 1].span.end == words[i].span.start && words[i].span.end == words[i + 1].span.start
    }

    private static func honorific(_ lower: String) -> String? {
        Lexicon.femaleTitles.contains(lower) || Lexicon.maleTitles.contains(lower) || Lexicon.neutralTitles.contains(lower) ? lower : nil
    }

    private static func tokens(_ first: Int, _ last: Int, _ words: [AnalysedWord]) -> [String] {
        var tokens: [String] = []
        var i = first
        // Leading titles are not part of the name: "Foreign Minister Frank-Walter Steinmeier", "Mayor John Smith",
        // "Zairean Prime Minister Kengo" (up to the last strong title; a weak one only before two more words: not "General Motors").
        var cut = i
        for k in i..<last where words[k + 1].isCapitalised {
            let lower = words[k].lower
            if Lexicon.strongTitles.contains(lower) || Lexicon.nameTitles.contains(lower) && last - k >= 2 && cut == k { cut = k + 1 }
        }
        i = cut
        while i <= last {
            // A hyphen joins its neighbours into one token ("Kardashian-Jenners").
            if words[i].text == "-", adjacent(i, words), !tokens.isEmpty, i + 1 <= last {
                tokens[tokens.count - 1] += "-" + words[i + 1].text
                i += 2
                continue
            }
            tokens.append(words[i].text)
            i += 1
        }
        return tokens
    }

    private static func kind(tokens: [String], bridged: Bool, honorific: String?, words: [AnalysedWord], first: Int) -> Kind {
        let lowerTokens = tokens.map { $0.lowercased() }
        if tokens.count == 1, Lexicon.platforms.contains(lowerTokens[0]) { return .platform }
        if bridged { return .title }
        if let last = lowerTokens.last, Lexicon.organisationSuffixes.contains(last) { return .organisation }
        if lowerTokens.first == "the" { return .organisation }
        if honorific != nil { return .person }
        if tokens.count == 1 { return words[first].penn == "NNPS" ? .group : .unknown }
        if lowerTokens.contains(where: { Lexicon.platforms.contains($0) }) { return .organisation }
        return .person
    }

    private static func isByline(_ range: Range<Int>, _ words: [AnalysedWord]) -> Bool {
        let content = range.filter { !words[$0].isPunctuation }
        guard content.count >= 2, content.count <= 5, words[content[0]].lower == "by" else { return false }
        return content.dropFirst().allSatisfy { words[$0].isCapitalised }
    }

    private static func isHeadline(_ range: Range<Int>, _ words: [AnalysedWord], sentenceIndex: Int) -> Bool {
        guard let last = range.last, ![".", "!", "?", "\"", "”", ")"].contains(words[last].text) else { return false }
        let alphabetic = range.filter { words[$0].text.unicodeScalars.first?.properties.isAlphabetic ?? false }
        guard alphabetic.count >= 2 else { return false }
        let capitalised = alphabetic.filter { words[$0].isCapitalised }.count
        return capitalised * 10 >= alphabetic.count * 6
    }

    /// Whether the mention ending at word `last` is the subject of the verb that follows it.
    static func isSubject(after last: Int, _ words: [AnalysedWord], _ analysis: DocumentAnalysis) -> Bool {
        let sentence = analysis.sentenceWords[words[last].sentence]
        var j = last + 1
        while j < sentence.upperBound {
            let word = words[j]
            if Lexicon.adverbialFillers.contains(word.lower) || word.tag == .adverb { j += 1; continue }
            if word.lower == "and" || word.lower == "or" {
                // "Kardashian and Odom are ...": skip the coordinated name.
                var k = j + 1
                while k < sentence.upperBound, words[k].isProperNoun || words[k].isCapitalised { k += 1 }
                if k == j + 1 { return false }
                j = k
                continue
            }
            return word.isVerb || word.isAuxiliary
        }
        return false
    }
}
