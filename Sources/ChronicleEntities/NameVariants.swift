import ChronicleCore

/// How the name runs of a document become entities, and the variants of a name the text introduces.
///
/// 1. **Full names.** A run of two or more words, or one word of a known kind (an organisation word, a
///    platform, a product's look, a title before it), is an entity of its own, unless it is not a person's and
///    is the short name of a longer name seen before (as in 3: "the Dow Jones" after "Dow Jones Industrial
///    Average"). Names are compared without case.
/// 2. **Acronyms.** A name followed by a bracketed acronym ("the Northern Institute of Palaeontology (NIP)")
///    or by "known as" and an acronym gives the acronym as a variant; the name is then an organisation
///    (unless it looks like a product's).
/// 3. **Single words** and the rest: an acronym introduced in the text; the first or last word of a person's
///    name ("Odom" for "Lamar Odom"); the first words of a longer name that is not a person's ("Corvair" for
///    "Corvair Airways", "the Dow"), or the model after its maker ("the A380" for "Airbus A380"), with the
///    lower-case words after it when they complete that name in another case ("iTunes store" for "iTunes
///    Store"); otherwise an entity of its own.
/// 4. **Possessors.** A name in the possessive right before an organisation's or product's name gives the
///    pair as a variant ("Beatles' Apple Corps" for "Apple Corps").
extension MentionIndex {
    typealias Run = (first: Int, last: Int, bridged: Bool, honorific: LexiconFlags?)

    /// The entity and form of every run (see the type's documentation); runs that complete a known name in
    /// another case are lengthened.
    mutating func resolve(runs: inout [Run], _ analysis: DocumentAnalysis) -> (entities: [Int?], forms: [MentionForm]) {
        let words = analysis.words
        var runEntity = [Int?](repeating: nil, count: runs.count)
        var forms = [MentionForm](repeating: .name, count: runs.count)
        let names = runs.map { Self.name($0.first, $0.last, analysis) }
        let kinds = runs.indices.map { r in
            Self.kind(name: names[r], bridged: runs[r].bridged, honorific: runs[r].honorific, words: words, first: runs[r].first)
        }
        // The start of the latest run of each entity so far (for a short name of several names: the latest).
        var recent: [Int: Int] = [:]
        // 1. Full names.
        for (r, run) in runs.enumerated() {
            defer { if let entity = runEntity[r] { recent[entity] = run.first } }
            let tokens = names[r].tokens, kind = kinds[r]
            guard tokens.count >= 2 || kind != .unknown && kind != .group || run.honorific != nil else { continue }
            if tokens.count == 1, kind == .person { continue }  // "Mr. Odom": matched below if a full name exists
            if kind != .person, entityNamed[Self.key(tokens)] == nil,
               let (entity, completion) = shortName(tokens, at: run.first, after: run.last, analysis, recent: recent) {
                (runEntity[r], forms[r]) = (entity, completion == nil ? .shortName : .name)
                if let completion { runs[r].last = completion }
                continue
            }
            runEntity[r] = entityIndex(for: tokens, kind: kind)
        }
        // 2. Acronyms.
        for r in runs.indices.dropLast() {
            guard let entity = runEntity[r], names[r + 1].tokens.count == 1, Self.isAcronym(names[r + 1].tokens[0]) else { continue }
            let acronym = names[r + 1].tokens[0]
            let (end, start) = (runs[r].last, runs[r + 1].first)
            let bracketed = start == end + 2 && words[end + 1].textTerm == .openParenthesis && runs[r + 1].last + 1 < words.count
                && words[runs[r + 1].last + 1].textTerm == .closeParenthesis
            let knownAs = start - end >= 3 && start - end <= 4 && analysis.lower(of: start - 1) == "as" && analysis.lower(of: start - 2) == "known"
            guard bracketed || knownAs, acronym != entities[entity].name else { continue }
            acronyms[acronym] = entity
            if !entities[entity].variants.contains(acronym) { entities[entity].variants.append(acronym) }
            if [.person, .unknown, .title].contains(entities[entity].kind) { entities[entity].kind = .organisation }
            runEntity[r + 1] = entity
            forms[r + 1] = .acronym
        }
        // 3. Single words and the rest (the latest runs now by text order).
        recent = [:]
        for r in runs.indices {
            defer { if let entity = runEntity[r] { recent[entity] = runs[r].first } }
            guard runEntity[r] == nil else { continue }
            let tokens = names[r].tokens
            if tokens.count == 1, let entity = acronyms[tokens[0]] {
                (runEntity[r], forms[r]) = (entity, .acronym)
            } else if tokens.count == 1, let person = personMatching(tokens[0], before: runs[r].first, words: words) {
                (runEntity[r], forms[r]) = (person, .surname)
            } else if let (entity, completion) = shortName(tokens, at: runs[r].first, after: runs[r].last, analysis, recent: recent) {
                (runEntity[r], forms[r]) = (entity, completion == nil ? .shortName : .name)
                if let completion { runs[r].last = completion }
            } else {
                runEntity[r] = entityIndex(for: tokens, kind: kinds[r])
            }
        }
        // 4. Possessors.
        for r in runs.indices.dropLast() {
            let mark = runs[r].last + 1
            guard let owner = runEntity[r], let entity = runEntity[r + 1], owner != entity, runs[r + 1].first == mark + 1,
                  words[mark].penn == .pos || words[mark].textTerm == .apostrophe || analysis.lower(of: mark) == "'s",
                  [.organisation, .product, .title].contains(entities[entity].kind) else { continue }
            let variant = analysis.text(analysis.span(runs[r].first, runs[r + 1].last))
            if !entities[entity].variants.contains(variant) { entities[entity].variants.append(variant) }
        }
        return (runEntity, forms)
    }

    /// The entity named `tokens` (compared without case), made when there is none.
    private mutating func entityIndex(for tokens: [String], kind: Kind) -> Int {
        let key = Self.key(tokens)
        if let existing = entityNamed[key] { return existing }
        entities.append(Entity(name: tokens.joined(separator: " "), tokens: tokens, kind: kind, gender: nil))
        entityNamed[key] = entities.count - 1
        if tokens.count >= 2 {
            namesWithToken[tokens[0], default: []].append(entities.count - 1)
            if tokens[tokens.count - 1] != tokens[0] { namesWithToken[tokens[tokens.count - 1], default: []].append(entities.count - 1) }
        }
        return entities.count - 1
    }

    private static func key(_ tokens: [String]) -> String {
        tokens.joined(separator: " ").lowercased()
    }

    /// The entity of more words than `tokens` that is not a person's and whose first words they are: of several,
    /// the one named last before word `index` (by `recent`), else the first.
    private func longerName(startingWith tokens: [String], before index: Int, recent: [Int: Int]) -> Int? {
        let candidates = (namesWithToken[tokens[0]] ?? []).filter { e in
            let entity = entities[e]
            return entity.kind != .person && entity.kind != .place && entity.tokens.count > tokens.count
                && zip(entity.tokens, tokens).allSatisfy { $0.lowercased() == $1.lowercased() }
        }
        guard candidates.count > 1 else { return candidates.first }
        return candidates.max { (recent[$0].map { $0 < index ? $0 : -1 } ?? -1) < (recent[$1].map { $0 < index ? $0 : -1 } ?? -1) }
    }

    /// The entity whose short name `tokens` are (see the type's documentation), and the last word of the
    /// run once completed in another case ("iTunes store"), if it is.
    private func shortName(_ tokens: [String], at first: Int, after last: Int, _ analysis: DocumentAnalysis, recent: [Int: Int]) -> (Int, Int?)? {
        if let longer = longerName(startingWith: tokens, before: first, recent: recent) {
            // The lower-case words that complete the name: "iTunes" + "store".
            let rest = entities[longer].tokens.dropFirst(tokens.count)
            let sentence = analysis.sentenceWords[analysis.words[last].sentence]
            if last + rest.count < sentence.upperBound,
               zip(rest, last + 1...last + rest.count).allSatisfy({ $0.lowercased() == analysis.lower(of: $1) }) {
                return (longer, last + rest.count)
            }
            return (longer, nil)
        }
        // A model after its maker: "the A380" for "Airbus A380".
        guard tokens.count == 1, tokens[0].unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else { return nil }
        let model = (namesWithToken[tokens[0]] ?? []).first { entities[$0].kind == .product && entities[$0].tokens.last == tokens[0] }
        return model.map { ($0, nil) }
    }

    /// Two to six capitals, digits after the first allowed ("GM", "NIP", "CASD", "G20").
    static func isAcronym(_ token: String) -> Bool {
        let scalars = Array(token.unicodeScalars)
        guard (2...6).contains(scalars.count), let first = scalars.first, ("A"..."Z").contains(first) else { return false }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
