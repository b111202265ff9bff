import ChronicleCore

/// The words around a verb that the rules for subjects, speakers and participants share.
package enum Clause {
    /// An adverb, auxiliary or word of a time expression that may stand between a subject and its verb.
    static func isFiller(_ j: Int, _ words: [AnalysedWord]) -> Bool {
        let word = words[j]
        if word.inTimex || word.lowerFlags.contains(.adverbialFiller) || word.isAuxiliary { return true }
        return word.tag == .adverb && word.lowerEndsWithLy
    }

    /// "It was reported", "she is said to": a form of "be" (or "get") before the participle at `verb`.
    static func isPassive(_ verb: Int, _ words: [AnalysedWord], from start: Int) -> Bool {
        guard words[verb].penn == .vbn else { return false }
        var j = verb - 1
        while j >= start, words[j].lowerFlags.contains(.adverbialFiller) || words[j].tag == .adverb { j -= 1 }
        return j >= start && (words[j].lemma == .be || words[j].lemma == .get)
    }

    /// The nearest verb before word `j` in the sentence, within its stretch (for "to VERB", "and VERB", ", VERB-ing").
    static func governingVerb(before j: Int, from start: Int, _ analysis: DocumentAnalysis) -> Int? {
        var k = j - 1
        while k >= start {
            if analysis.isBreak(k) { return nil }
            if !analysis.words[k].inTimex, analysis.words[k].isVerb || analysis.words[k].isFinite { return k }
            k -= 1
        }
        return nil
    }

    /// Whether word `j` is a present participle ("saying", "telling").
    static func isParticiple(_ j: Int, _ analysis: DocumentAnalysis) -> Bool {
        analysis.words[j].isVerb && !analysis.words[j].isFinite && analysis.lower(of: j).hasSuffix("ing")
    }
}

/// How the entities of a sentence take part in its events, by simple rules over words and their tags:
///
/// - **Subject** of a verb: the mention just before it (adverbs, auxiliaries and times skipped); through an
///   apposition to the name it renames ("Her publicist, Jonah Whitcombe, said"; "Smith, a spokesman, said"; "the
///   Northern Institute of Palaeontology (NIP) announced"); through a relative pronoun to its antecedent ("Smith,
///   who ..., said"); for an infinitive, a coordinated verb or a participle after a comma, the subject of the verb
///   that governs it ("Okafor rejected the criticism, saying ...", "has cancelled the tour since collapsing").
/// - **Object**: the first mention after the verb, before any preposition, in its stretch of the clause (up to a
///   comma, a break, a finite verb or a complementiser), and the mentions inside that noun phrase
///   ("cancelled Corvair's flight"); for a noun event, the mention after "of" ("the arrest of Smith").
/// - **Agent**: the mention after "by" following a passive participle or a noun event ("was founded by the
///   Beatles", "the purchase by Apple").
/// - **Complement**: a mention after another preposition in that stretch ("a lawsuit against Apple Computer"),
///   places excepted ("in London"); not, after a verb, the subject of a clause the preposition opens ("recorded before
///   Lamar Odom was found").
/// - **Possessor** of a noun event: a name in the possessive or a possessive pronoun before it, adjectives
///   between ("Odom's recent hospitalization", "his arrest").
///
/// Mentions that merely stand in the same sentence take no part.
extension EntityIndex {
    /// The entities taking part in the event whose first word is `w`, with their roles, in order of first role.
    package func participants(ofWord w: Int, in analysis: DocumentAnalysis) -> [(entity: Int, role: Entity.Role)] {
        let words = analysis.words
        let sentence = analysis.sentenceWords[words[w].sentence]
        var result: [(entity: Int, role: Entity.Role)] = []
        func add(_ mention: Mention?, _ role: Entity.Role) {
            guard let mention, !result.contains(where: { $0.entity == mention.entity }) else { return }
            if role == .complement, entities[mention.entity].kind == .place { return }
            result.append((mention.entity, role))
        }
        if words[w].isNoun {
            add(possessor(of: w, from: sentence.lowerBound, analysis), .possessor)
        } else if words[w].isVerb || words[w].isAuxiliary {
            add(subject(of: w, in: analysis), .subject)
        }
        // After the event word: its object and complements, in its stretch of the clause.
        let passive = Clause.isPassive(w, words, from: sentence.lowerBound)
        var preposition: Term?
        var j = w + 1
        var seenNoun = false
        while j < sentence.upperBound, j <= w + 12 {
            let word = words[j]
            if analysis.isBreak(j) || analysis.isComma(j) || word.isFinite && !word.inTimex || word.lower == .that || word.isPennWh { break }
            if word.tag == .subordinatingConjunction || word.penn == .to && j + 1 < sentence.upperBound && words[j + 1].isVerb { break }
            if word.tag == .adposition, word.penn != .pos {
                preposition = word.lower
            } else if let mention = mention(at: j) {
                // "recorded before Lamar Odom was found": a verb after the mention makes the preposition a conjunction and
                // the mention the subject of the clause it opens, not a participant of this event.
                if preposition != nil, !words[w].isNoun, opensClause(after: mention.last, sentence.upperBound, analysis) { break }
                let role: Entity.Role
                switch preposition {
                case nil: role = words[w].isNoun ? .complement : .object
                case .of?: role = words[w].isNoun ? .object : .complement
                case .by?: role = passive || words[w].isNoun ? .agent : .complement
                default: role = .complement
                }
                if !(words[w].isNoun && preposition == nil && seenNoun) { add(mention, role) }
                j = mention.last + 1
                continue
            } else if word.isNoun {
                seenNoun = true
            }
            j += 1
        }
        return result
    }

    /// Whether a finite verb or an auxiliary follows word `j`, past adverbs ("Odom was found", "the council finally votes").
    private func opensClause(after j: Int, _ end: Int, _ analysis: DocumentAnalysis) -> Bool {
        var k = j + 1
        while k < end, analysis.words[k].tag == .adverb { k += 1 }
        return k < end && !analysis.words[k].inTimex && (analysis.words[k].isFinite || analysis.words[k].isAuxiliary)
    }

    /// The mention that is the subject of the verb at `verb` (see the type's documentation).
    package func subject(of verb: Int, in analysis: DocumentAnalysis, depth: Int = 0) -> Mention? {
        let words = analysis.words
        let sentence = analysis.sentenceWords[words[verb].sentence]
        guard depth < 4 else { return nil }
        var j = verb - 1
        while j >= sentence.lowerBound, Clause.isFiller(j, words) { j -= 1 }
        guard j >= sentence.lowerBound else { return nil }
        let word = words[j]
        if word.penn == .to || word.lower == .to || word.lower == .and {
            guard let governor = Clause.governingVerb(before: j, from: sentence.lowerBound, analysis) else { return nil }
            return subject(of: governor, in: analysis, depth: depth + 1)
        }
        if word.lower == .who || word.lower == .which || word.lower == .that, word.tag == .pronoun || word.isPennWh {
            var k = j - 1
            while k >= sentence.lowerBound, analysis.isComma(k) || words[k].textTerm == .emDash { k -= 1 }
            return k >= sentence.lowerBound ? mention(endingAt: k) : nil
        }
        if word.tag == .adposition || word.tag == .subordinatingConjunction, Clause.isParticiple(verb, analysis),
           let governor = Clause.governingVerb(before: j, from: sentence.lowerBound, analysis) {
            // "has cancelled her tour since collapsing on stage": the subject of the clause the participle hangs on.
            return subject(of: governor, in: analysis, depth: depth + 1)
        }
        if word.textTerm == .closeParenthesis {
            // "the Northern Institute of Palaeontology (NIP) announced": the name before the bracket, or the acronym.
            guard let open = (max(sentence.lowerBound, j - 4)..<j).last(where: { words[$0].textTerm == .openParenthesis }) else { return nil }
            return open - 1 >= sentence.lowerBound ? mention(endingAt: open - 1) ?? mention(endingAt: j - 1) : mention(endingAt: j - 1)
        }
        if analysis.isComma(j) {
            if Clause.isParticiple(verb, analysis), let governor = Clause.governingVerb(before: j, from: sentence.lowerBound, analysis) {
                return subject(of: governor, in: analysis, depth: depth + 1)
            }
            return apposition(endingAt: j, from: sentence.lowerBound, analysis)
        }
        return mention(endingAt: j)
    }

    /// The named subject of an apposition whose second comma is at `comma`: the name between the commas
    /// ("Her publicist, Jonah Whitcombe, said"), else the mention before the first ("Smith, a spokesman for X,
    /// said"; "Smith, who has been mayor since March, said").
    /// With `namedOnly`, only the name between the commas.
    package func apposition(endingAt comma: Int, from start: Int, _ analysis: DocumentAnalysis, namedOnly: Bool = false) -> Mention? {
        let words = analysis.words
        guard let open = (max(start, comma - 10)..<comma).last(where: { analysis.isComma($0) }), open > start else { return nil }
        // Finite verbs only in a relative clause: "Peter Gault, one of the two who voted against, said".
        let relative = (open + 1..<comma).first { words[$0].lower == .who || words[$0].lower == .which } ?? comma
        guard !(open + 1..<relative).contains(where: { words[$0].isFinite || analysis.isBreak($0) }),
              !(open + 1..<comma).contains(where: { analysis.isBreak($0) }) else { return nil }
        if let inside = mention(endingAt: comma - 1), inside.first == open + 1, inside.form != .pronoun, inside.form != .description,
           entities[inside.entity].kind == .person || entities[inside.entity].kind == .organisation {
            return inside
        }
        return namedOnly ? nil : mention(endingAt: open - 1)
    }

    /// The mention that ends at word `j` (a name, pronoun or description), if any.
    package func mention(endingAt j: Int) -> Mention? {
        guard let mention = mention(at: j), mention.last == j else { return nil }
        return mention
    }

    /// The possessor of the noun at `noun`: "Odom's (recent) hospitalization", "his arrest".
    private func possessor(of noun: Int, from start: Int, _ analysis: DocumentAnalysis) -> Mention? {
        let words = analysis.words
        var j = noun - 1
        while j >= start, words[j].tag == .adjective || words[j].penn == .jj { j -= 1 }
        guard j >= start else { return nil }
        if words[j].penn == .prpPossessive { return mention(at: j) }
        if words[j].penn == .pos, j - 1 >= start { return mention(endingAt: j - 1) }
        return nil
    }
}
