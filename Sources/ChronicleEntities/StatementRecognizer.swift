import ChronicleCore
import ChronicleLanguage

/// Finds statements: who said what (speaker, reporting verb, content, channel), and with what stance.
///
/// ```swift
/// var document = Pipeline().run("Kardashian took to Twitter on Wednesday, Oct. 28 to clarify that the interview came first.")
/// document.statements[0].speaker   // "Kardashian" (or the full name, when the text gives it earlier)
/// document.statements[0].channel   // "Twitter"
/// ```
///
/// What counts as a statement, in the order the recogniser looks for them in each sentence of prose
/// (headlines and bylines are skipped):
///
/// - a reporting verb, by lemma (say, claim, explain, tell, tweet, post, clarify, deny, report, add, write,
///   announce, insist, ... and "point out", "make (it) clear"), as the part-of-speech tagger marks verbs; weak
///   ones ("add", "post", "note", ...) only with explicit content. A REPORTING event of ``Document/events``
///   that the lexicon misses is a statement too when it has content;
/// - a reporting noun followed by "that" ("reports were flying around that ...", "her claim that ...");
/// - a hearsay adverb ("reportedly", "allegedly"): the rest of its clause is the content, nobody the speaker;
/// - "according to X".
///
/// The **speaker** is the subject of the verb: the mention just before it (skipping adverbs and
/// auxiliaries), the subject of the governing verb for an infinitive or a coordinated verb ("Kardashian
/// took to Twitter ... to clarify"), the antecedent of a relative pronoun, or the mention after the verb
/// in an inversion ("..., said Smith"); names, surnames, pronouns and descriptions are resolved within
/// the document (see ``EntityRecognizer``), so "Kardashian", "she" and "the reality star" all give the full
/// name. Common-noun subjects ("police", "sources") keep their span but no name.
///
/// The **content** is, in this order: the quotation next to the verb; what follows a colon after the
/// verb; a that-clause after the verb (its object and an indirect object may stand between: "make it
/// clear to fans that ..."); a bare complement clause ("said she would resign"); for a parenthetical
/// ("..., she claims, ...", "(..., she explained)") the sentence or bracket around it; for "which SUBJECT
/// VERB" the clause the relative pronoun refers to; otherwise the verb's object up to the next comma.
///
/// The **channel**: "on|via Twitter", "took to Instagram", "told People", "in a statement", "in an
/// interview with X" (then X); "tweet" implies Twitter.
///
/// The **stance**: `reported` for hearsay (a hearsay adverb or noun, a "sources"/"reports" subject, a
/// passive without agent: "it was reported"), `denied` for a denial verb ("deny", "dismiss", "refute"),
/// `asserted` otherwise. A short negated sentence right after a hearsay statement ("(They weren't.)") is
/// itself a statement: a denial by the author (the byline's name, if the document has one), with the
/// verb "deny", its span on the negated verb, and as content the content of the statement it denies; the
/// hearsay statement stays `reported`.
public struct StatementRecognizer: Sendable {
    public init() {}

    /// Adds ``Document/statements`` from the document's words, entities and events (and, if the document has
    /// no entities yet, the entity layer and the linguistic layer it needs).
    public func annotate(_ document: inout Document) {
        if document.entities.isEmpty, !document.text.isEmpty {
            EntityRecognizer().annotate(&document)
        }
        document.statements = statements(in: document)
    }

    /// The statements of a document that has words (see ``annotate(_:)``), in text order, with ids `s1`, `s2`,
    /// ...; the speakers are mentions of ``Document/entities`` (found here when the document has none).
    public func statements(in document: Document) -> [Statement] {
        guard !document.words.isEmpty else { return [] }
        return statements(in: document, analysis: DocumentAnalysis(document))
    }

    /// The statements of a document that has words, from its ``DocumentAnalysis`` (made once for the entity and
    /// statement stages).
    package func statements(in document: Document, analysis: DocumentAnalysis) -> [Statement] {
        let mentions = EntityIndex(document, analysis)
        let finder = StatementFinder(analysis: analysis, mentions: mentions, events: document.events)
        return finder.find()
    }
}

/// One statement under construction.
struct Draft {
    enum Cue { case verb, noun, adverb, according }

    var cue: Cue
    var verbFirst: Int
    var verbLast: Int
    var verb: String
    /// ``verb`` as a term, and the lists it is in.
    var verbTerm: Term
    var verbFlags: LexiconFlags
    var speaker: Speaker?
    var content: (first: Int, last: Int)?
    var channel: (name: String, span: TextSpan)?
    var stance: Statement.Stance = .asserted
    var reportingEventID: String?

    /// A cue whose verb is `verb`.
    init(cue: Cue, verbFirst: Int, verbLast: Int, verb: String) {
        let entry = Vocabulary.shared.entry(of: verb)
        self.init(cue: cue, verbFirst: verbFirst, verbLast: verbLast, verb: verb, verbTerm: entry.term, verbFlags: entry.flags)
    }

    /// A cue whose verb is the lemma of word `index`.
    init(cue: Cue, verbFirst: Int, verbLast: Int, lemmaOf index: Int, in analysis: DocumentAnalysis) {
        let word = analysis.words[index]
        self.init(cue: cue, verbFirst: verbFirst, verbLast: verbLast, verb: analysis.lemma(of: index), verbTerm: word.lemma, verbFlags: word.lemmaFlags)
    }

    init(cue: Cue, verbFirst: Int, verbLast: Int, verb: String, verbTerm: Term, verbFlags: LexiconFlags) {
        self.cue = cue
        self.verbFirst = verbFirst
        self.verbLast = verbLast
        self.verb = verb
        self.verbTerm = verbTerm
        self.verbFlags = verbFlags
    }
}

/// The subject of a reporting verb.
struct Speaker {
    var first: Int
    var last: Int
    /// The resolved name, if any.
    var name: String?
    /// Whether the subject is hearsay ("sources", "reports").
    var isHearsay: Bool
    /// Whether the mention is in the statement's sentence (a byline's author is not).
    var isInSentence = true
}

struct StatementFinder {
    let analysis: DocumentAnalysis
    let mentions: EntityIndex
    let events: [Event]
    let words: [AnalysedWord]
    /// The indices of `events` by start (then index), their starts, and the longest event's length: the events
    /// overlapping a verb are found by binary search, so finding statements stays linear (n log n) in the document.
    private let eventOrder: [Int]
    private let eventStarts: [Int]
    private let longestEvent: Int

    init(analysis: DocumentAnalysis, mentions: EntityIndex, events: [Event]) {
        self.analysis = analysis
        self.mentions = mentions
        self.events = events
        words = analysis.words
        eventOrder = events.indices.sorted { (events[$0].span.start, $0) < (events[$1].span.start, $1) }
        eventStarts = eventOrder.map { events[$0].span.start }
        longestEvent = events.map { $0.span.end - $0.span.start }.max() ?? 0
    }

    /// The first event (in `events` order) with an instance ID that overlaps `span`.
    func firstInstance(overlapping span: TextSpan) -> Event? {
        func firstStart(atLeast bound: Int) -> Int {
            var (low, high) = (0, eventStarts.count)
            while low < high {
                let middle = (low + high) / 2
                if eventStarts[middle] >= bound { high = middle } else { low = middle + 1 }
            }
            return low
        }
        // An overlapping event starts after `span.start - longestEvent` and before `span.end`.
        let from = firstStart(atLeast: span.start - longestEvent), to = firstStart(atLeast: span.end)
        guard from < to else { return nil }
        return eventOrder[from..<to].filter { events[$0].span.overlaps(span) && !events[$0].instanceID.isEmpty }.min().map { events[$0] }
    }

    func find() -> [Statement] {
        var drafts: [Draft] = []
        // The reporting event (REPORTING or I_ACTION) on each word, if any: an index into `events`, -1 for none.
        var reportingEvents = [Int32](repeating: -1, count: analysis.words.count)
        for (e, event) in events.enumerated() where event.eventClass == .reporting || event.eventClass == .intensionalAction {
            var w = analysis.wordIndex(at: event.span.start) ?? analysis.words.count
            while w < analysis.words.count, analysis.words[w].span.start < event.span.end {
                if reportingEvents[w] < 0 { reportingEvents[w] = Int32(e) }
                w += 1
            }
        }
        for (s, range) in analysis.sentenceWords.enumerated() where !mentions.isNonProse[s] && !range.isEmpty {
            var sentenceDrafts: [Draft] = []
            var i = range.lowerBound
            while i < range.upperBound {
                if mayBeCue(i, reportingEvents: reportingEvents), let draft = cue(at: i, in: range, reportingEvents: reportingEvents) {
                    i = draft.verbLast + 1
                    if let complete = complete(draft, in: range) { sentenceDrafts.append(complete) }
                } else {
                    i += 1
                }
            }
            // Coordinated reporting verbs with one content and speaker ("clarify ... and make it clear that ..."): keep the first.
            // A reporting noun that names the medium of a verb's statement ("said in a statement that ...") is not another one.
            var kept: [Draft] = []
            for draft in sentenceDrafts {
                let sameContent = kept.contains { other in
                    guard let content = other.content, let draftContent = draft.content else { return false }
                    return content.first == draftContent.first && content.last == draftContent.last
                        && (other.speaker?.name == draft.speaker?.name || draft.cue == .noun)
                }
                if sameContent { continue }
                kept.append(draft)
            }
            drafts += kept
            if let denial = denial(after: s, of: kept) { drafts.append(denial) }
        }
        drafts.sort { $0.verbFirst < $1.verbFirst }
        return drafts.enumerated().map { index, draft in
            Statement(
                id: "s\(index + 1)", speaker: draft.speaker?.name,
                speakerSpan: draft.speaker.flatMap { $0.isInSentence ? analysis.span($0.first, $0.last) : nil },
                reportingEventID: draft.reportingEventID, verbSpan: analysis.span(draft.verbFirst, draft.verbLast),
                verb: draft.verb, content: draft.content.map { analysis.span($0.first, $0.last) },
                channel: draft.channel?.name, channelSpan: draft.channel?.span, stance: draft.stance)
        }
    }

    // MARK: - Cues

    /// Whether word `i` passes the word tests of some cue of ``cue(at:in:reportingEvents:)`` (its lexicon
    /// lists, its lemma, its reporting event): the cheap tests first, for every word.
    @inline(__always)
    func mayBeCue(_ i: Int, reportingEvents: [Int32]) -> Bool {
        let word = words[i]
        return word.lowerFlags.contains(.hearsayAdverb) || word.lemmaFlags.contains(.reportingVerb) || word.lemmaFlags.contains(.reportingNoun)
            || word.lower == .according || word.lemma == .point || word.lemma == .make || reportingEvents[i] >= 0
    }

    func cue(at i: Int, in range: Range<Int>, reportingEvents: [Int32]) -> Draft? {
        let word = words[i]
        if word.inTimex || word.isPunctuation { return nil }
        let hasNext = i + 1 < range.upperBound
        if word.tag == .adverb || word.isPennAdverb, word.lowerEndsWithLy, word.lowerFlags.contains(.hearsayAdverb),
           let lemma = Lexicon.hearsayAdverbs[analysis.lower(of: i)] {
            return Draft(cue: .adverb, verbFirst: i, verbLast: i, verb: lemma)
        }
        if word.lower == .according, hasNext, words[i + 1].lower == .to {
            return Draft(cue: .according, verbFirst: i, verbLast: i + 1, verb: "according to")
        }
        if word.lemma == .point, hasNext, words[i + 1].lower == .out, i > range.lowerBound, !Self.isModifierOrAdposition(words[i - 1].tag) {
            return Draft(cue: .verb, verbFirst: i, verbLast: i + 1, verb: "point out")
        }
        if word.lemma == .make, word.isVerb,
           let clear = (i + 1..<min(i + 6, range.upperBound)).first(where: { words[$0].lower == .clear }),
           !(i + 1..<clear).contains(where: { words[$0].isFinite || analysis.isBreak($0) }) {
            return Draft(cue: .verb, verbFirst: i, verbLast: i, verb: "make clear")
        }
        // "Reports that ..." opening a sentence: a noun the tagger may read as a verb ("Reports" VBZ).
        if word.isCapitalised, word.lemmaFlags.contains(.reportingNoun), i == firstContentWord(of: range),
           i + 1 < range.upperBound, isComplementiser(i + 1) {
            return Draft(cue: .noun, verbFirst: i, verbLast: i, lemmaOf: i, in: analysis)
        }
        let event = reportingEvents[i] < 0 ? nil : events[Int(reportingEvents[i])]
        if word.isVerb || event?.partOfSpeech == .verb, word.lemmaFlags.contains(.reportingVerb) {
            return Draft(cue: .verb, verbFirst: i, verbLast: i, lemmaOf: i, in: analysis)
        }
        if word.isNoun, word.lemmaFlags.contains(.reportingNoun), !word.isCapitalised || i == range.lowerBound,
           !(hasNext && words[i + 1].lemmaFlags.contains(.reportingVerb) && words[i + 1].isVerb),
           (i + 1..<min(i + 6, range.upperBound)).contains(where: { isComplementiser($0) }) {
            return Draft(cue: .noun, verbFirst: i, verbLast: i, lemmaOf: i, in: analysis)
        }
        if let event, event.eventClass == .reporting, word.isVerb {
            return Draft(cue: .verb, verbFirst: i, verbLast: i, lemmaOf: i, in: analysis)
        }
        return nil
    }

    /// A determiner, adjective, numeral or adposition.
    static func isModifierOrAdposition(_ tag: UniversalTag?) -> Bool {
        switch tag {
        case .determiner?, .adjective?, .numeral?, .adposition?: true
        default: false
        }
    }

    /// Fills in the speaker, content, channel and stance of a cue; `nil` when it turns out not to be a statement.
    func complete(_ cue: Draft, in range: Range<Int>) -> Draft? {
        var draft = cue
        let verbSpan = analysis.span(cue.verbFirst, cue.verbLast)
        draft.reportingEventID = firstInstance(overlapping: verbSpan)?.instanceID
        switch cue.cue {
        case .adverb:
            draft.content = stretch(from: cue.verbLast + 1, in: range, stopAtComma: false)
            draft.stance = .reported
            guard draft.content != nil else { return nil }
            return draft
        case .according:
            let after = cue.verbLast + 1
            guard after < range.upperBound else { return nil }
            draft.speaker = speakerMention(startingAt: after, in: range)
            let speakerEnd = draft.speaker?.last ?? after
            if cue.verbFirst == firstContentWord(of: range) {
                // "According to X, CONTENT."
                if let comma = (speakerEnd + 1..<range.upperBound).first(where: { analysis.isComma($0) }) {
                    draft.content = stretch(from: comma + 1, in: range, stopAtComma: false)
                }
            } else {
                // "CONTENT, according to X."
                var end = cue.verbFirst - 1
                while end >= range.lowerBound, words[end].isPunctuation { end -= 1 }
                let start = clauseStart(before: end, in: range, stopAtComma: false)
                if start <= end { draft.content = (start, end) }
            }
            if draft.speaker?.isHearsay ?? true { draft.stance = .reported }
            return draft
        case .noun:
            guard let that = (cue.verbLast + 1..<min(cue.verbLast + 6, range.upperBound)).first(where: { isComplementiser($0) })
            else { return nil }
            draft.content = stretch(from: that + 1, in: range, stopAtComma: false)
            // "Reports that the family filmed there were denied": when the noun phrase is the subject of the
            // sentence (no verb between the noun and "that"), the clause ends before the sentence's own verb:
            // the first finite verb after the clause's own verb.
            if let content = draft.content, !(cue.verbLast + 1..<that).contains(where: { words[$0].isFinite }) {
                var verbs = 0
                for k in content.first...content.last where (verbs == 0 ? words[k].isVerb || words[k].isFinite : words[k].isFinite) && !words[k].inTimex {
                    verbs += 1
                    if verbs == 2, k - 1 >= content.first {
                        var end = k - 1
                        while end > content.first, words[end].isPunctuation { end -= 1 }
                        draft.content = (content.first, end)
                        break
                    }
                }
            }
            draft.speaker = possessor(of: cue.verbFirst, in: range)
            if cue.verbFlags.contains(.denialVerb) || cue.verbTerm == .denial {
                draft.stance = .denied
            } else if draft.speaker == nil, cue.verbFlags.contains(.hearsayNoun) {
                draft.stance = .reported
            }
            draft.verb = cue.verb
            guard draft.content != nil else { return nil }
            return draft
        case .verb:
            let verb = cue.verbFirst
            let passive = isPassive(verb, in: range)
            draft.speaker = passive ? agent(after: cue.verbLast, in: range) : speaker(of: verb, in: range, depth: 0)
            let found = content(of: cue, speaker: draft.speaker, in: range)
            draft.content = found.map { ($0.first, $0.last) }
            let needsContent = cue.verbFlags.contains(.weakReportingVerb) || !cue.verbFlags.contains(.reportingVerb)
                || passive && ![.say, .report, .allege, .claim, .rumor, .rumour, .tell].contains(cue.verbTerm)
            if !(found?.isExplicit ?? false), needsContent { return nil }
            // "Okafor rejected the criticism", "Delgado-Finch accused Tamsin of ...": a stance verb states only with a
            // named speaker and something it bears on.
            if cue.verbFlags.contains(.stanceVerb), draft.speaker?.name == nil || found == nil { return nil }
            if cue.verbFlags.contains(.denialVerb) {
                draft.stance = .denied
            } else if draft.speaker?.isHearsay == true || passive && draft.speaker == nil {
                draft.stance = .reported
            }
            draft.channel = channel(of: cue, content: draft.content, in: range)
            return draft
        }
    }

    // MARK: - Speaker

    /// The subject of the verb at `verb`.
    func speaker(of verb: Int, in range: Range<Int>, depth: Int) -> Speaker? {
        guard depth < 4 else { return nil }
        var j = verb - 1
        while j >= range.lowerBound, isFiller(j) { j -= 1 }
        guard j >= range.lowerBound else { return inverted(after: verb, in: range) }
        let word = words[j]
        // An infinitive or a coordinated verb takes the subject of the verb that governs it.
        if word.penn == .to || word.lower == .to || word.lower == .and && depth < 3 {
            if let governor = governingVerb(before: j, in: range) { return speaker(of: governor, in: range, depth: depth + 1) }
            return nil
        }
        if word.lower == .who || word.lower == .which || word.lower == .that, word.tag == .pronoun || word.isPennWh {
            var k = j - 1
            while k >= range.lowerBound, analysis.isComma(k) || words[k].textTerm == .emDash { k -= 1 }
            return k >= range.lowerBound ? speakerMention(endingAt: k, in: range) : nil
        }
        if word.textTerm == .closeParenthesis, let mention = mentions.subject(of: verb, in: analysis) {
            return Speaker(first: mention.first, last: mention.last, name: mentions.name(of: mention), isHearsay: false)
        }
        // An apposition naming the subject: "Her publicist, Jonah Whitcombe, denied reports ...".
        if word.textTerm == .comma, let mention = mentions.apposition(endingAt: j, from: range.lowerBound, analysis, namedOnly: true) {
            return Speaker(first: mention.first, last: mention.last, name: mentions.name(of: mention), isHearsay: false)
        }
        if word.textTerm == .comma || word.textTerm == .quote || word.textTerm == .closeQuote || word.textTerm == .openQuote {
            if let inverted = inverted(after: verb, in: range) { return inverted }
            // A participle after the main clause takes its subject: "Okafor rejected the criticism, saying ...".
            if word.textTerm == .comma, Clause.isParticiple(verb, analysis), let governor = governingVerb(before: j, in: range) {
                return speaker(of: governor, in: range, depth: depth + 1)
            }
            // An apposition: "Smith, who ..., said".
            if word.textTerm == .comma, let mention = mentions.apposition(endingAt: j, from: range.lowerBound, analysis) {
                return Speaker(first: mention.first, last: mention.last, name: mentions.name(of: mention), isHearsay: false)
            }
            // An apposition between the subject and the verb: "John Smith, 45, said", "Smith, a spokesman for X, said".
            if word.textTerm == .comma, let open = (max(range.lowerBound, j - 8)..<j).last(where: { analysis.isComma($0) }), open - 1 >= range.lowerBound,
               !(open + 1..<j).contains(where: { words[$0].isFinite || analysis.isBreak($0) }) {
                return speakerMention(endingAt: open - 1, in: range)
            }
            return nil
        }
        return speakerMention(endingAt: j, in: range)
    }

    /// The subject after the verb in an inversion (`"...," said Smith`, `..., said sources`): a name, a
    /// resolved description or pronoun, or a hearsay noun.
    func inverted(after verb: Int, in range: Range<Int>) -> Speaker? {
        var j = verb + 1
        while j < range.upperBound, isFiller(j) { j += 1 }
        guard j < range.upperBound else { return nil }
        if let mention = mentions.mention(at: j), mention.first == j {
            // "said the council had ignored ...": the subject of the content, not an inversion.
            var k = mention.last + 1
            while k < range.upperBound, isFiller(k) && !words[k].isAuxiliary { k += 1 }
            if k < range.upperBound, words[k].isFinite || words[k].isAuxiliary, !words[k].inTimex { return nil }
            return Speaker(first: mention.first, last: mention.last, name: mentions.name(of: mention), isHearsay: false)
        }
        var last = j
        while last < range.upperBound, words[last].tag == .determiner || words[last].tag == .adjective { last += 1 }
        if last < range.upperBound, words[last].isNoun, words[last].lowerFlags.contains(.hearsaySubject), isHearsayPhrase(j, last) {
            return Speaker(first: j, last: last, name: nil, isHearsay: true)
        }
        return nil
    }

    /// Whether the noun phrase `first...head` (head a hearsay noun) is unattributed hearsay: a plural or an
    /// indefinite noun ("reports", "sources", "a source"), not a particular document ("the report").
    func isHearsayPhrase(_ first: Int, _ head: Int) -> Bool {
        if words[head].penn == .nns || words[head].lowerEndsWithS && words[head].lemmaDiffersFromLower { return true }
        return (first..<head).contains {
            switch words[$0].lower {
            case .a, .an, .one, .some, .several, .many, .unnamed, .anonymous: true
            default: false
            }
        }
    }

    /// A mention or noun phrase that ends at word `j`.
    func speakerMention(endingAt j: Int, in range: Range<Int>) -> Speaker? {
        let word = words[j]
        if word.lowerFlags.contains(.hearsaySubject), word.isNoun, mentions.mention(at: j).map({ $0.first == $0.last }) ?? true {
            var first = j
            while first - 1 >= range.lowerBound, Self.isDeterminerAdjectiveOrNumeral(words[first - 1].tag) { first -= 1 }
            return Speaker(first: first, last: j, name: nil, isHearsay: isHearsayPhrase(first, j))
        }
        if let mention = mentions.mention(at: j), mention.last == j || word.isNoun {
            return Speaker(first: mention.first, last: max(mention.last, j), name: mentions.name(of: mention), isHearsay: false)
        }
        guard word.isNoun || word.tag == .pronoun else { return nil }
        var first = j
        while first - 1 >= range.lowerBound, Self.isNounPhraseWord(words[first - 1].tag)
            || words[first - 1].penn == .pos || words[first - 1].penn == .prpPossessive {
            first -= 1
        }
        if word.tag == .pronoun { first = j }
        let hearsay = word.lowerFlags.contains(.hearsaySubject) && !word.isCapitalised
        return Speaker(first: first, last: j, name: nil, isHearsay: hearsay)
    }

    /// A mention or noun phrase that starts at word `j`.
    func speakerMention(startingAt j: Int, in range: Range<Int>) -> Speaker? {
        if let mention = mentions.mention(at: j) {
            return Speaker(first: mention.first, last: mention.last, name: mentions.name(of: mention), isHearsay: false)
        }
        var last = j
        guard words[j].isNoun || words[j].tag == .determiner || words[j].tag == .pronoun || words[j].tag == .adjective else { return nil }
        if words[j].tag == .pronoun { return Speaker(first: j, last: j, name: nil, isHearsay: false) }
        while last + 1 < range.upperBound, Self.isNounPhraseWord(words[last + 1].tag) {
            last += 1
            if let mention = mentions.mention(at: last) {
                return Speaker(first: j, last: mention.last, name: mentions.name(of: mention), isHearsay: false)
            }
        }
        let head = words[last]
        return Speaker(first: j, last: last, name: nil, isHearsay: head.lowerFlags.contains(.hearsaySubject) && isHearsayPhrase(j, last))
    }

    /// A determiner, adjective or numeral.
    static func isDeterminerAdjectiveOrNumeral(_ tag: UniversalTag?) -> Bool {
        switch tag {
        case .determiner?, .adjective?, .numeral?: true
        default: false
        }
    }

    /// A determiner, adjective, noun, proper noun or numeral.
    static func isNounPhraseWord(_ tag: UniversalTag?) -> Bool {
        switch tag {
        case .determiner?, .adjective?, .noun?, .properNoun?, .numeral?: true
        default: false
        }
    }

    /// "her claims that", "Smith's denial that".
    func possessor(of noun: Int, in range: Range<Int>) -> Speaker? {
        var j = noun - 1
        while j >= range.lowerBound, words[j].tag == .adjective || words[j].penn == .jj { j -= 1 }
        guard j >= range.lowerBound else { return nil }
        if words[j].penn == .prpPossessive, let mention = mentions.mention(at: j) {
            return Speaker(first: j, last: j, name: mentions.name(of: mention), isHearsay: false)
        }
        if words[j].penn == .pos, j - 1 >= range.lowerBound, let mention = mentions.mention(at: j - 1) {
            return Speaker(first: mention.first, last: mention.last, name: mentions.name(of: mention), isHearsay: false)
        }
        return nil
    }

    func isPassive(_ verb: Int, in range: Range<Int>) -> Bool {
        Clause.isPassive(verb, words, from: range.lowerBound)
    }

    /// The agent of a passive ("was reported by People").
    func agent(after verb: Int, in range: Range<Int>) -> Speaker? {
        var j = verb + 1
        while j < range.upperBound, j <= verb + 3 {
            if words[j].lower == .by, j + 1 < range.upperBound { return speakerMention(startingAt: j + 1, in: range) }
            j += 1
        }
        return nil
    }

    func governingVerb(before j: Int, in range: Range<Int>) -> Int? {
        Clause.governingVerb(before: j, from: range.lowerBound, analysis)
    }

    func isFiller(_ j: Int) -> Bool {
        Clause.isFiller(j, words)
    }

    // MARK: - Denials

    /// A short negated sentence right after a hearsay statement ("(They weren't.)"): a denial of its content.
    func denial(after s: Int, of drafts: [Draft]) -> Draft? {
        guard let reported = drafts.last(where: { $0.stance == .reported && $0.content != nil }), s + 1 < analysis.sentenceWords.count
        else { return nil }
        let range = analysis.sentenceWords[s + 1]
        let content = range.filter { !words[$0].isPunctuation }
        guard (2...7).contains(content.count), let negation = content.first(where: { words[$0].isNegation }) else { return nil }
        let first = words[content[0]]
        guard first.tag == .pronoun || [.that, .this, .not, .no, .none].contains(first.lower) else { return nil }
        guard !content.contains(where: { words[$0].lemmaFlags.contains(.reportingVerb) && words[$0].isVerb }) else { return nil }
        var verbFirst = negation
        if negation - 1 >= range.lowerBound, words[negation - 1].isAuxiliary || words[negation - 1].isVerb { verbFirst = negation - 1 }
        var denial = Draft(cue: .verb, verbFirst: verbFirst, verbLast: negation, verb: "deny")
        if let author = mentions.author {
            let name = mentions.entities[author].name
            if let mention = mentions.mentions.first(where: { $0.entity == author && $0.form == .byline }) {
                denial.speaker = Speaker(first: mention.first, last: mention.last, name: name, isHearsay: false, isInSentence: false)
            }
        }
        denial.content = reported.content
        denial.stance = .denied
        return denial
    }
}
