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
    /// The mention covering each word (an index into ``mentions``), -1 for none.
    private(set) var mentionOfWord: [Int32] = []
    /// The author named in a byline ("by Michelle McGahan"), as an entity index.
    private(set) var author: Int?
    /// Sentences that are headlines or bylines, not prose.
    private(set) var nonProse: Set<Int> = []
    /// ``nonProse`` as a flag per sentence.
    private(set) var isNonProse: [Bool] = []
    /// The entities of two or more words, by their first and by their last word, ascending (for ``personMatching(_:before:words:)``).
    private var namesWithToken: [String: [Int]] = [:]

    init(_ analysis: DocumentAnalysis) {
        let words = analysis.words
        isNonProse = [Bool](repeating: false, count: analysis.sentenceWords.count)
        guard !words.isEmpty else { return }
        // Headlines and bylines.
        var bylineSentence: Int?
        for (index, range) in analysis.sentenceWords.enumerated().prefix(4) where !range.isEmpty {
            if Self.isByline(range, words) { bylineSentence = index; nonProse.insert(index); isNonProse[index] = true; continue }
            if Self.isHeadline(range, words, sentenceIndex: index) { nonProse.insert(index); isNonProse[index] = true }
        }
        // Names in the body.
        var runs: [(first: Int, last: Int, bridged: Bool, honorific: LexiconFlags?)] = []
        for (index, range) in analysis.sentenceWords.enumerated() where !isNonProse[index] || index == bylineSentence {
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
                runs.append((i, last, bridged, honorific))
                i = last + 1
            }
        }
        // Entities of the multi-word names first, so that single words can be matched against them.
        // (An entity's name is its tokens joined, and names are unique; a long document has thousands.)
        var entityNamed: [String: Int] = [:]
        func entityIndex(for tokens: [String], kind: Kind) -> Int {
            let key = tokens.joined(separator: " ")
            if let existing = entityNamed[key] { return existing }
            entities.append(Entity(name: key, tokens: tokens, kind: kind, gender: nil))
            entityNamed[key] = entities.count - 1
            if tokens.count >= 2 {
                namesWithToken[tokens[0], default: []].append(entities.count - 1)
                if tokens[tokens.count - 1] != tokens[0] { namesWithToken[tokens[tokens.count - 1], default: []].append(entities.count - 1) }
            }
            return entities.count - 1
        }
        var runEntity: [Int?] = Array(repeating: nil, count: runs.count)
        let runNames = runs.map { Self.name($0.first, $0.last, analysis) }
        let runKinds = runs.indices.map { r in
            Self.kind(name: runNames[r], bridged: runs[r].bridged, honorific: runs[r].honorific, words: words, first: runs[r].first)
        }
        for (r, run) in runs.enumerated() {
            let tokens = runNames[r].tokens
            let kind = runKinds[r]
            if tokens.count >= 2 || kind != .unknown && kind != .group || run.honorific != nil {
                if tokens.count == 1, kind == .person { continue }  // "Mr. Odom": matched below if a full name exists
                runEntity[r] = entityIndex(for: tokens, kind: kind)
            }
        }
        for (r, run) in runs.enumerated() where runEntity[r] == nil {
            let tokens = runNames[r].tokens
            if tokens.count == 1, let person = personMatching(tokens[0], before: run.first, words: words) {
                runEntity[r] = person
            } else {
                runEntity[r] = entityIndex(for: tokens, kind: runKinds[r])
            }
        }
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
            add(Mention(first: run.first, last: run.last, span: analysis.span(run.first, run.last), entity: entity, form: .name,
                        isSubject: Self.isSubject(after: run.last, words, analysis), sentence: words[run.first].sentence))
        }
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

    /// The distinct names of the people and organisations mentioned in the words `range`, in order of mention.
    func participants(in range: ClosedRange<Int>) -> [String] {
        // Mentions are sorted by first word: the first one starting in the range, by binary search.
        var low = 0, high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].first < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var names: [String] = []
        for mention in mentions[low...] {
            if mention.first > range.upperBound { break }
            guard mention.last <= range.upperBound, let entity = mention.entity, entities[entity].kind != .title,
                  entities[entity].kind != .place, mention.form != .author else { continue }
            let name = entities[entity].name
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    // MARK: - Building

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
    private func personMatching(_ token: String, before index: Int, words: [AnalysedWord]) -> Int? {
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
                        entity = latest(history, sentence: s, within: 3) { $0.kind == .organisation || $0.kind == .unknown }
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
            if let entity = mention.entity, mention.form == .name, accept(entities[entity]) { return entity }
        }
        return nil
    }

    // MARK: - Word tests

    private static func isNameLike(_ i: Int, _ words: [AnalysedWord], sentenceStart: Int) -> Bool {
        let word = words[i]
        guard word.isCapitalised, !word.inTimex, !word.lowerFlags.contains(.notName), !isBridge(i, words) else { return false }
        guard word.hasLowercaseOrLength else { return false }
        if word.tag == .pronoun || word.tag == .determiner || word.tag == .adposition || word.tag == .auxiliary { return false }
        // At the start of a sentence (or after an opening quote or bracket), only a proper noun is a name.
        var k = i - 1
        while k >= sentenceStart, words[k].isPunctuation { k -= 1 }
        let isInitial = k < sentenceStart
        if isInitial || words[k].textTerm == .colon { return word.isProperNoun }
        return true
    }

    /// A capitalised function word or a hyphen, which may join the words of a name or title.
    private static func isBridge(_ i: Int, _ words: [AnalysedWord]) -> Bool {
        let word = words[i]
        if word.textTerm == .hyphen { return true }
        guard word.isCapitalised else {
            switch word.textTerm {
            case .of, .de, .van, .von, .der, .da, .du, .la, .le, .al, .bin, .ampersand: return true
            default: return false
            }
        }
        switch word.tag {
        case .adposition?, .determiner?, .coordinatingConjunction?, .particle?, .subordinatingConjunction?: break
        default: return false
        }
        switch word.lower {
        case .of, .the, .with, .up, .and, .a, .in, .on, .for, .to, .at, .by, .from: return true
        default: return false
        }
    }

    private static func adjacent(_ i: Int, _ words: [AnalysedWord]) -> Bool {
        i > 0 && i + 1 < words.count && words[i - 1].span.end == words[i].span.start && words[i].span.end == words[i + 1].span.start
    }

    /// The titles of a word (lower-cased) that make the name after it a person's: `nil` when it is none.
    private static func honorific(_ word: AnalysedWord) -> LexiconFlags? {
        let titles = word.lowerFlags.intersection([.femaleTitle, .maleTitle, .neutralTitle])
        return titles.isEmpty ? nil : titles
    }

    /// The tokens of a name, and what ``kind(name:bridged:honorific:words:first:)`` asks of them lower-cased.
    private struct Name {
        var tokens: [String]
        /// The vocabulary entries of the first and last token, and whether any token is a platform.
        var first: Vocabulary.Entry
        var last: Vocabulary.Entry
        var hasPlatform: Bool
    }

    /// The tokens of the name of words `first...last`, with the vocabulary entries of the tokens lower-cased
    /// (those of the words when a token is one word).
    private static func name(_ first: Int, _ last: Int, _ analysis: DocumentAnalysis) -> Name {
        let words = analysis.words
        var tokens: [String] = []
        // The word of each token, -1 for hyphenated ones (made of several words).
        var tokenWords: [Int] = []
        var i = first
        var cut = i
        for k in i..<last where words[k + 1].isCapitalised {
            let lower = words[k].lowerFlags
            if lower.contains(.strongTitle) || lower.contains(.nameTitle) && last - k >= 2 && cut == k { cut = k + 1 }
        }
        i = cut
        tokens.reserveCapacity(last - cut + 1)
        tokenWords.reserveCapacity(last - cut + 1)
        while i <= last {
            if words[i].textTerm == .hyphen, adjacent(i, words), !tokens.isEmpty, i + 1 <= last {
                tokens[tokens.count - 1] += "-" + analysis.text(of: i + 1)
                tokenWords[tokenWords.count - 1] = -1
                i += 2
                continue
            }
            tokens.append(analysis.text(of: i))
            tokenWords.append(i)
            i += 1
        }
        let vocabulary = Vocabulary.shared
        func entry(_ t: Int) -> Vocabulary.Entry {
            let word = tokenWords[t]
            return word >= 0 ? Vocabulary.Entry(term: words[word].lower, flags: words[word].lowerFlags) : lowerEntry(tokens[t], vocabulary)
        }
        let none = Vocabulary.Entry(term: .other, flags: [])
        return Name(
            tokens: tokens, first: tokens.isEmpty ? none : entry(0), last: tokens.isEmpty ? none : entry(tokens.count - 1),
            hasPlatform: tokens.indices.contains { entry($0).flags.contains(.platform) })
    }

    /// The vocabulary entry of a token lower-cased.
    private static func lowerEntry(_ token: String, _ vocabulary: Vocabulary) -> Vocabulary.Entry {
        var token = token
        let entry: Vocabulary.Entry? = token.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return nil }
            return vocabulary.entry(lowercasing: bytes)
        }
        return entry ?? vocabulary.entry(of: token.lowercased())
    }

    private static func kind(name: Name, bridged: Bool, honorific: LexiconFlags?, words: [AnalysedWord], first: Int) -> Kind {
        let tokens = name.tokens
        if tokens.count == 1, name.first.flags.contains(.platform) { return .platform }
        if bridged { return .title }
        if !tokens.isEmpty, name.last.flags.contains(.organisationSuffix) { return .organisation }
        if !tokens.isEmpty, name.first.term == .the { return .organisation }
        if honorific != nil { return .person }
        if tokens.count == 1 { return words[first].penn == .nnps ? .group : .unknown }
        if name.hasPlatform { return .organisation }
        return .person
    }

    private static func isByline(_ range: Range<Int>, _ words: [AnalysedWord]) -> Bool {
        let content = range.filter { !words[$0].isPunctuation }
        guard content.count >= 2, content.count <= 5, words[content[0]].lower == .by else { return false }
        return content.dropFirst().allSatisfy { words[$0].isCapitalised }
    }

    private static func isHeadline(_ range: Range<Int>, _ words: [AnalysedWord], sentenceIndex: Int) -> Bool {
        guard let last = range.last else { return false }
        switch words[last].textTerm {
        case .period, .exclamation, .question, .quote, .closeQuote, .closeParenthesis: return false
        default: break
        }
        let alphabetic = range.filter { words[$0].startsAlphabetic }
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
            if word.lowerFlags.contains(.adverbialFiller) || word.tag == .adverb { j += 1; continue }
            if word.lower == .and || word.lower == .or {
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
