import Foundation
import ChronicleCore

/// The kinds of pair the relation stage links, each with its own classifier.
enum PairCategory: Int, CaseIterable, Sendable {
    /// An event and the creation time (`t0`).
    case eventCreationTime = 0
    /// An event and a time expression of the same sentence.
    case eventTime
    /// Two events of the same sentence.
    case eventEvent
    /// The main events of two consecutive sentences.
    case mainEvents
    /// An event and the nearest earlier mention of the same lemma in another sentence (often the same event).
    case sameLemma

    var name: String {
        switch self {
        case .eventCreationTime: return "event-DCT"
        case .eventTime: return "event-time"
        case .eventEvent: return "event-event"
        case .mainEvents: return "main events"
        case .sameLemma: return "same lemma"
        }
    }
}

/// The classes the classifiers choose among: no link, or a TimeML relation from the pair's first member to its second.
enum RelationLabel: Int, CaseIterable, Sendable {
    case none = 0, before, after, includes, isIncluded, simultaneous, begins, begunBy, ends, endedBy, immediatelyBefore, immediatelyAfter

    static let count = allCases.count

    init(_ type: TemporalRelation.RelationType) {
        switch type {
        case .before: self = .before
        case .after: self = .after
        case .includes: self = .includes
        case .isIncluded: self = .isIncluded
        case .simultaneous, .identity, .during, .duringInverse: self = .simultaneous
        case .begins: self = .begins
        case .begunBy: self = .begunBy
        case .ends: self = .ends
        case .endedBy: self = .endedBy
        case .immediatelyBefore: self = .immediatelyBefore
        case .immediatelyAfter: self = .immediatelyAfter
        }
    }

    var type: TemporalRelation.RelationType? {
        switch self {
        case .none: return nil
        case .before: return .before
        case .after: return .after
        case .includes: return .includes
        case .isIncluded: return .isIncluded
        case .simultaneous: return .simultaneous
        case .begins: return .begins
        case .begunBy: return .begunBy
        case .ends: return .ends
        case .endedBy: return .endedBy
        case .immediatelyBefore: return .immediatelyBefore
        case .immediatelyAfter: return .immediatelyAfter
        }
    }
}

/// A pair the relation stage may link: its category, its two members (indices into the document's events
/// or time expressions; `-1` for the creation time) and its features.
struct Candidate {
    var category: PairCategory
    var source: TemporalRelation.Endpoint
    var target: TemporalRelation.Endpoint
    var first: Int
    var second: Int
    /// The pair's own features; the features of its events (``PairFeatureExtractor/eventBlock(_:role:)``)
    /// are added to them unless ``firstBlock`` and ``secondBlock`` are -1.
    var features: FeatureVector
    /// The event whose first-role block of features the pair has, or -1.
    var firstBlock: Int = -1
    /// The event whose second-role block of features the pair has, or -1.
    var secondBlock: Int = -1
}

/// Words that signal a temporal relation, by lemma: their feature value is the lemma's hash.
enum Signals {
    static let words: Set<String> = [
        "before", "after", "since", "until", "till", "following", "follow", "prior", "ahead", "during", "while", "when",
        "as", "then", "earlier", "later", "afterward", "afterwards", "meanwhile", "subsequently", "previously", "once",
        "by", "within", "upon", "amid", "throughout", "from", "through", "when", "whenever", "pending", "already", "still",
        "now", "soon", "recently", "formerly", "eventually", "finally", "first", "next", "last", "again", "yet",
    ]
}

/// Where a candidate pair sits, before its features are computed: its category and its two members
/// (event indices, or for ``PairCategory/eventTime`` an event and a time expression index; `-1` for the
/// creation time).
struct PairSite {
    var category: PairCategory
    var first: Int
    var second: Int
    /// For ``PairCategory/eventEvent``: the events of the sentence between the two.
    var between: Int = 0

    /// The event whose first-role block of features the pair has, or -1.
    var firstBlock: Int { first }

    /// The event whose second-role block of features the pair has, or -1.
    var secondBlock: Int {
        switch category {
        case .eventCreationTime, .eventTime: return -1
        case .eventEvent, .mainEvents, .sameLemma: return second
        }
    }
}

/// Builds the candidate pairs of a document and their features.
struct PairFeatureExtractor {
    let context: RelationContext
    /// The most events between two events of one sentence for them to be a candidate pair.
    var maximumEventsBetween = Self.defaultMaximumEventsBetween

    /// 3: what cross-validation on TimeBank chose (the shipped relation model is trained with it).
    static let defaultMaximumEventsBetween = 3

    init(_ context: RelationContext) {
        self.context = context
    }

    /// Every candidate pair of the document, category by category, in text order.
    func candidates() -> [Candidate] {
        var result: [Candidate] = []
        forEachSite { site in
            var features = FeatureVector()
            self.features(of: site, into: &features)
            let (source, target) = endpoints(of: site)
            result.append(Candidate(
                category: site.category, source: source, target: target, first: site.first, second: site.second, features: features,
                firstBlock: site.firstBlock, secondBlock: site.secondBlock))
        }
        return result
    }

    /// Calls `body` with every candidate pair of the document, category by category, in text order (the order
    /// of ``candidates()``).
    func forEachSite(_ body: (PairSite) -> Void) {
        let c = context
        let eventCount = c.events.count
        let hasID = c.hasInstanceID
        if c.hasCreationTime {
            for e in 0..<eventCount where hasID[e] {
                body(PairSite(category: .eventCreationTime, first: e, second: -1))
            }
        }
        for (s, timexes) in c.sentenceTimexes.enumerated() where !timexes.isEmpty {
            for t in timexes {
                for e in c.sentenceEvents[s] where hasID[e] {
                    body(PairSite(category: .eventTime, first: e, second: t))
                }
            }
        }
        for list in c.sentenceEvents where list.count > 1 {
            for i in 0..<(list.count - 1) {
                for j in (i + 1)..<min(list.count, i + 2 + maximumEventsBetween) {
                    let (a, b) = (list[i], list[j])
                    if c.eventSpan[a] == c.eventSpan[b] || !hasID[a] || !hasID[b] { continue }
                    body(PairSite(category: .eventEvent, first: a, second: b, between: j - i - 1))
                }
            }
        }
        var previousMain: Int?
        for main in c.mainEvent {
            if let a = previousMain, let b = main, hasID[a], hasID[b] {
                body(PairSite(category: .mainEvents, first: a, second: b))
            }
            previousMain = main
        }
        // The nearest earlier mention of each lemma (by lemma hash).
        var lastMention = LemmaMentions(capacity: eventCount)
        for e in 0..<eventCount where hasID[e] {
            let lemma = c.eventHash[e].lemma
            if let a = lastMention.last(lemma), c.eventSentence[a] != c.eventSentence[e], c.eventSentence[e] - c.eventSentence[a] <= 6 {
                body(PairSite(category: .sameLemma, first: a, second: e))
            }
            lastMention.set(lemma, e)
        }
    }

    /// The source and target of a candidate pair.
    func endpoints(of site: PairSite) -> (source: TemporalRelation.Endpoint, target: TemporalRelation.Endpoint) {
        let c = context
        let source = TemporalRelation.Endpoint.event(instanceID: c.events[site.first].instanceID)
        switch site.category {
        case .eventCreationTime: return (source, .creationTime)
        case .eventTime: return (source, .time(id: c.timeExpressions[site.second].id))
        case .eventEvent, .mainEvents, .sameLemma: return (source, .event(instanceID: c.events[site.second].instanceID))
        }
    }

    /// The pair's own features (without its event blocks), replacing what `f` held.
    func features(of site: PairSite, into f: inout FeatureVector) {
        f.removeAll()
        switch site.category {
        case .eventCreationTime: eventCreationTimeFeatures(site.first, into: &f)
        case .eventTime: eventTimeFeatures(site.first, site.second, into: &f)
        case .eventEvent: eventEventFeatures(site.first, site.second, between: site.between, into: &f)
        case .mainEvents: mainEventFeatures(site.first, site.second, into: &f)
        case .sameLemma: sameLemmaFeatures(site.first, site.second, into: &f)
        }
    }

    // MARK: Blocks

    /// The event's own attributes and surroundings, under `role` (1 or 2, so that the two events of a pair
    /// differ): the same for every pair the event is in, so scorers can sum its weights once.
    func eventBlock(_ e: Int, role: UInt64) -> FeatureVector {
        var f = FeatureVector()
        addEvent(e, role: role, to: &f)
        return f
    }

    /// ``eventBlock(_:role:)`` into `f`, replacing what it held.
    func eventBlock(_ e: Int, role: UInt64, into f: inout FeatureVector) {
        f.removeAll()
        addEvent(e, role: role, to: &f)
    }

    /// The candidate's features with those of its event blocks, and no blocks left to add.
    func complete(_ candidate: Candidate) -> Candidate {
        var result = candidate
        if candidate.firstBlock >= 0 { result.features.append(eventBlock(candidate.firstBlock, role: 1)) }
        if candidate.secondBlock >= 0 { result.features.append(eventBlock(candidate.secondBlock, role: 2)) }
        result.firstBlock = -1
        result.secondBlock = -1
        return result
    }

    private func addEvent(_ e: Int, role: UInt64, to f: inout FeatureVector) {
        let c = context, h = c.eventHash[e], w = c.eventWord[e], s = c.eventSentence[e]
        let r = role << 32
        f.add(r | 1, h.eventClass)
        f.add(r | 2, h.tense)
        f.add(r | 3, h.aspect)
        f.add(r | 4, h.tenseAspect)
        f.add(r | 5, h.polarity)
        f.add(r | 6, h.modality)
        f.add(r | 7, h.partOfSpeech)
        f.add(r | 8, h.penn)
        f.add(r | 9, h.lemma)
        f.add(r | 10, h.eventClass, h.tense)
        f.add(r | 11, c.isMain[e] ? 1 : 0, h.tense)
        f.add(r | 12, c.quoted.isEmpty ? 0 : (c.quoted[w] ? 1 : 0), h.tense)
        f.add(r | 13, c.isSubordinate[e] ? 1 : 0, h.eventClass)
        f.add(r | 14, c.lemmaHash(w - 1, in: s))
        f.add(r | 15, c.lemmaHash(w - 1, in: s), c.lemmaHash(w - 2, in: s))
        f.add(r | 16, c.lemmaHash(w + 1, in: s))
        f.add(r | 17, h.tenseAspect, h.partOfSpeech)
        f.add(r | 18, h.modality, h.tense)
        f.add(r | 19, h.penn, c.lemmaHash(w - 1, in: s))
        // The finite verb or modal the event's clause hangs on: its form, and its lemma when it is an auxiliary or modal.
        if let g = c.governor[e] {
            let form = UInt64(c.verbForm[g].rawValue)
            let side: UInt64 = g < w ? 1 : (g == w ? 0 : 2)
            let auxiliary = c.tag[g] == .auxiliary || c.verbForm[g] == .modal
            f.add(r | 20, form, side)
            f.add(r | 21, form, h.tense)
            f.add(r | 22, form, auxiliary ? c.lemmaHash[g] : 0, h.tense)
            f.add(r | 23, form, h.eventClass, h.partOfSpeech)
        } else {
            f.add(r | 24)
        }
    }

    /// Bucketed count: 0, 1, 2, 3–4, 5–8, 9–16, more.
    @inline(__always)
    private func bucket(_ n: Int) -> UInt64 {
        switch n {
        case ..<3: return UInt64(max(n, 0))
        case 3...4: return 3
        case 5...8: return 4
        case 9...16: return 5
        default: return 6
        }
    }

    // MARK: Event and creation time

    func eventCreationTimeFeatures(_ e: Int, into f: inout FeatureVector) {
        let c = context
        f.add(100)
        let s = c.eventSentence[e], w = c.eventWord[e]
        let h = c.eventHash[e]
        // The nearest time expression of the sentence and how it stands to the creation time.
        var nearest: Int?
        var nearestDistance = Int.max
        for t in c.sentenceTimexes[s] {
            let range = c.timexWords[t]
            let distance = w < range.lowerBound ? range.lowerBound - w : w - range.upperBound
            if distance < nearestDistance { nearest = t; nearestDistance = distance }
        }
        if let t = nearest {
            let order = UInt64(c.timexOrder[t].rawValue)
            f.add(101, order)
            f.add(102, order, bucket(nearestDistance))
            f.add(103, order, h.tense)
            f.add(104, order, c.lemmaHash(c.timexWords[t].lowerBound - 1, in: s))
        } else {
            f.add(105)
        }
        // The main event of the sentence, when it is another one.
        if let main = c.mainEvent[s], main != e {
            f.add(106, c.eventHash[main].tense, c.eventHash[main].eventClass)
            f.add(107, c.eventHash[main].tense, h.tense)
        }
        // The nearest earlier event of the sentence (often the governing verb).
        if let position = c.sentenceEvents[s].firstIndex(of: e), position > 0 {
            let g = c.sentenceEvents[s][position - 1]
            f.add(108, c.eventHash[g].eventClass, c.eventHash[g].tense)
            f.add(109, c.eventHash[g].tense, h.tense)
            f.add(110, c.eventHash[g].eventClass, h.eventClass)
        } else {
            f.add(111)
        }
        f.add(112, h.eventClass, h.tenseAspect)
        f.add(113, h.tenseAspect, h.polarity)
    }

    // MARK: Event and time expression

    func eventTimeFeatures(_ e: Int, _ t: Int, into f: inout FeatureVector) {
        let c = context
        f.add(200)
        let s = c.eventSentence[e], w = c.eventWord[e]
        let range = c.timexWords[t]
        let h = c.eventHash[e]
        let kind = c.timexKindHash[t]
        let order = UInt64(c.timexOrder[t].rawValue)
        let mod = c.timexModifierHash[t]
        f.add(201, kind)
        f.add(202, order)
        f.add(203, mod)
        f.add(204, kind, order)
        f.add(205, granularity(c.timexInterval[t]))
        let before1 = c.lemmaHash(range.lowerBound - 1, in: s)
        let before2 = c.lemmaHash(range.lowerBound - 2, in: s)
        let after1 = c.lemmaHash(range.upperBound, in: s)
        f.add(206, before1)
        f.add(207, before1, before2)
        f.add(208, after1)
        let eventFirst: UInt64 = w < range.lowerBound ? 1 : 0
        let distance = eventFirst == 1 ? range.lowerBound - w : w - range.upperBound
        f.add(209, eventFirst)
        f.add(210, eventFirst, bucket(distance))
        // Events between, and whether this is the event nearest the time expression.
        var between = 0, verbsBetween = 0
        var nearerOnOtherSide = false
        for other in c.sentenceEvents[s] where other != e {
            let ow = c.eventWord[other]
            if (ow > w && ow < range.lowerBound) || (ow < w && ow >= range.upperBound) {
                between += 1
                if c.events[other].partOfSpeech == .verb || c.tag[ow] == .verb { verbsBetween += 1 }
            }
            let otherDistance = ow < range.lowerBound ? range.lowerBound - ow : ow - range.upperBound
            if otherDistance < distance { nearerOnOtherSide = true }
        }
        let nearest: UInt64 = between == 0 ? (nearerOnOtherSide ? 1 : 2) : 0
        f.add(211, bucket(between))
        f.add(212, bucket(verbsBetween), eventFirst)
        f.add(213, nearest, eventFirst)
        f.add(214, before1, eventFirst, nearest)
        f.add(215, before1, kind)
        f.add(216, before1, h.eventClass)
        f.add(217, before1, h.tense)
        f.add(218, order, h.tense)
        f.add(219, order, h.tenseAspect, kind)
        f.add(220, kind, eventFirst, nearest)
        f.add(221, c.isMain[e] ? 1 : 0, nearest)
        f.add(222, after1, kind)
        f.add(223, mod, before1)
        f.add(224, h.partOfSpeech, before1, eventFirst)
        // Punctuation and subordination between the two.
        var comma = false
        let (low, high) = eventFirst == 1 ? (w + 1, range.lowerBound) : (range.upperBound, w)
        if low < high {
            for k in low..<high where c.flags[k] & (WordFlags.comma | WordFlags.clauseBoundary) != 0 { comma = true }
        }
        f.add(225, comma ? 1 : 0, nearest)
        f.add(226, verbsBetween == 0 ? 1 : 0, before1, eventFirst)
    }

    private func granularity(_ interval: TimeValueInterval?) -> UInt64 {
        guard let interval else { return 0 }
        switch interval.length {
        case ..<60: return 1
        case ..<1440: return 2
        case ..<(1440 * 2): return 3
        case ..<(1440 * 8): return 4
        case ..<(1440 * 32): return 5
        case ..<(1440 * 93): return 6
        case ..<(1440 * 367): return 7
        default: return 8
        }
    }

    // MARK: Two events of a sentence

    func eventEventFeatures(_ a: Int, _ b: Int, between: Int, into f: inout FeatureVector) {
        let c = context
        f.add(300)
        let ha = c.eventHash[a], hb = c.eventHash[b]
        let wa = c.eventWord[a], wb = c.eventWord[b], s = c.eventSentence[a]
        f.add(301, ha.eventClass, hb.eventClass)
        f.add(302, ha.tense, hb.tense)
        f.add(303, ha.aspect, hb.aspect)
        f.add(304, ha.partOfSpeech, hb.partOfSpeech)
        f.add(305, ha.tenseAspect, hb.tenseAspect)
        f.add(306, ha.eventClass, hb.tense)
        f.add(307, ha.tense, hb.eventClass)
        f.add(308, ha.eventClass, hb.eventClass, hb.tense)
        f.add(309, bucket(wb - wa - 1))
        f.add(310, bucket(between))
        f.add(311, ha.lemma, hb.eventClass)
        f.add(312, ha.eventClass, hb.lemma)
        f.add(313, c.isMain[a] ? 1 : 0, c.isMain[b] ? 1 : 0)
        f.add(314, c.isSubordinate[b] ? 1 : 0, ha.eventClass)
        f.add(315, ha.lemma == hb.lemma ? 1 : 0)
        // The words between, when few; signals among them.
        var signal: UInt64 = 0
        var comma = false, quoteChange = false
        if wa + 1 < wb {
            for k in (wa + 1)..<wb {
                let form = c.lemmaHash[k]
                if wb - wa <= 8 {
                    switch c.tag[k] {
                    case .adposition, .subordinatingConjunction, .coordinatingConjunction, .particle, .punctuation, .adverb, .auxiliary, .pronoun:
                        f.add(316, form)
                    default: break
                    }
                }
                if c.flags[k] & WordFlags.signal != 0, signal == 0 { signal = form }
                if c.flags[k] & WordFlags.comma != 0 { comma = true }
            }
        }
        if !c.quoted.isEmpty, c.quoted[wa] != c.quoted[wb] { quoteChange = true }
        f.add(317, signal)
        f.add(318, signal, ha.eventClass, hb.eventClass)
        f.add(319, signal, hb.partOfSpeech)
        f.add(320, comma ? 1 : 0, quoteChange ? 1 : 0)
        f.add(321, c.lemmaHash(wb - 1, in: s), hb.partOfSpeech)
        f.add(322, c.lemmaHash(wb - 1, in: s), ha.eventClass)
        f.add(323, c.lemmaHash(wb - 1, in: s), c.lemmaHash(wb - 2, in: s))
        f.add(324, wb - wa == 1 ? 1 : 0, ha.partOfSpeech, hb.partOfSpeech)
        // A signal opening the sentence governs its first clause: "After the merger, the company collapsed."
        let start = c.sentenceWords[s].lowerBound
        if start < wa, c.flags[start] & WordFlags.signal != 0 {
            f.add(325, c.lemmaHash[start], comma ? 1 : 0)
        }
        // The signal attached to the second event's phrase ("before the merger"): the nearest one within 4 words.
        var k = wb - 1, attached: UInt64 = 0
        while k > wa, wb - k <= 4 {
            if c.flags[k] & WordFlags.signal != 0 { attached = c.lemmaHash[k]; break }
            if c.tag[k] == .verb || c.flags[k] & WordFlags.comma != 0 { break }
            k -= 1
        }
        f.add(326, attached, hb.partOfSpeech)
        f.add(327, attached, ha.tense, hb.tense)
        f.add(328, quoteChange ? 1 : 0, ha.eventClass, hb.tense)
        // Complements: "said (that) shareholders approved", "expects to obtain", "would help".
        var finiteBetween = 0, verbEventsBetween = 0
        if wa + 1 < wb {
            for k in (wa + 1)..<wb {
                if c.verbForm[k].isFinite, c.tag[k] != .auxiliary { finiteBetween += 1 }
                if c.tag[k] == .verb { verbEventsBetween += 1 }
            }
        }
        let governsClass: Bool
        switch c.events[a].eventClass {
        case .reporting, .intensionalState, .intensionalAction, .perception, .aspectual: governsClass = true
        default: governsClass = false
        }
        let bIsVerb = c.events[b].partOfSpeech == .verb || c.tag[wb] == .verb
        if governsClass, bIsVerb, finiteBetween == 0, verbEventsBetween == 0, wb - wa <= 10 {
            f.add(329, ha.eventClass, ha.tense, hb.tenseAspect)
            f.add(330, ha.tense, hb.tenseAspect, hb.modality)
            if let g = c.governor[b] { f.add(331, ha.tense, UInt64(c.verbForm[g].rawValue), c.lemmaHash[g]) }
        }
        // Quote-first reports: "... the shares rose, the company said."
        if c.events[b].eventClass == .reporting, comma || quoteChange, finiteBetween == 0 {
            f.add(332, ha.tenseAspect, hb.tense)
            f.add(333, ha.eventClass, ha.tense, hb.tense)
        }
        f.add(334, bucket(finiteBetween), bucket(verbEventsBetween))
    }

    // MARK: Two mentions of one lemma

    func sameLemmaFeatures(_ a: Int, _ b: Int, into f: inout FeatureVector) {
        let c = context
        f.add(500)
        let ha = c.eventHash[a], hb = c.eventHash[b]
        f.add(501, ha.eventClass, hb.eventClass)
        f.add(502, ha.tense, hb.tense)
        f.add(503, ha.partOfSpeech, hb.partOfSpeech)
        f.add(504, bucket(c.eventSentence[b] - c.eventSentence[a]))
        f.add(505, ha.tenseAspect, hb.tenseAspect)
        let sb = c.eventSentence[b], wb = c.eventWord[b]
        f.add(506, c.lemmaHash(wb - 1, in: sb), hb.partOfSpeech)
        f.add(507, c.isMain[a] ? 1 : 0, c.isMain[b] ? 1 : 0)
        f.add(508, ha.lemma, hb.partOfSpeech)
    }

    // MARK: Main events of consecutive sentences

    func mainEventFeatures(_ a: Int, _ b: Int, into f: inout FeatureVector) {
        let c = context
        f.add(400)
        let ha = c.eventHash[a], hb = c.eventHash[b]
        f.add(401, ha.eventClass, hb.eventClass)
        f.add(402, ha.tense, hb.tense)
        f.add(403, ha.aspect, hb.aspect)
        f.add(404, ha.tenseAspect, hb.tenseAspect)
        f.add(405, ha.lemma == hb.lemma ? 1 : 0)
        f.add(406, ha.eventClass, hb.tense)
        f.add(407, ha.tense, hb.eventClass)
        let s = c.eventSentence[b]
        let first = c.sentenceWords[s].lowerBound
        if first < c.lemmaHash.count {
            f.add(408, c.lemmaHash[first])
            f.add(409, c.lemmaHash[first], ha.tense, hb.tense)
        }
        // Time expressions of either sentence and how they stand to the creation time.
        let ta = c.sentenceTimexes[c.eventSentence[a]].first.map { UInt64(c.timexOrder[$0].rawValue) } ?? 99
        let tb = c.sentenceTimexes[s].first.map { UInt64(c.timexOrder[$0].rawValue) } ?? 99
        f.add(410, ta, tb)
        f.add(411, ta, tb, ha.tense)
    }
}

/// The last event mentioning each lemma (by hash), for ``PairFeatureExtractor/forEachSite(_:)``: a small
/// open-addressing table instead of a dictionary.
private struct LemmaMentions {
    private var keys: [UInt64]
    private var values: [Int]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    private func slot(_ key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while values[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    func last(_ key: UInt64) -> Int? {
        let slot = slot(key)
        return values[slot] >= 0 ? values[slot] : nil
    }

    mutating func set(_ key: UInt64, _ value: Int) {
        let slot = slot(key)
        keys[slot] = key
        values[slot] = value
    }
}
