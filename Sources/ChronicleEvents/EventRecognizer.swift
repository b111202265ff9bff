import ChronicleCore
import ChronicleLanguage

/// Finds event mentions (TimeML EVENTs) and their attributes: class, tense, aspect, polarity, modality and
/// part of speech.
///
/// Every verb, noun, adjective (and the few other content words that can be events) is scored by an averaged
/// perceptron (see ``EventModel``) for "no event" and the seven TimeML classes, over features of the word, its
/// neighbours, its verb group and the model's lexicon of lemmas. An event is one word, as in TimeBank: "said",
/// "hospitalization", "unconscious". Tense, aspect, polarity and modality come from the auxiliaries, modals,
/// "to" and negations before the word, by TimeML's rules ("had been hospitalized": PAST, PERFECTIVE; "did not
/// attend": PAST, NEG; "would meet": modality "would").
///
/// A recogniser holds only immutable tables and models: create one and share it across threads.
///
/// ```swift
/// var document = Document(text: "She said on Friday that he had been hospitalized.")
/// EventRecognizer().annotate(&document)
/// document.events.map(\.text)         // ["said", "hospitalized"]
/// document.events[1].aspect           // .perfective
/// ```
public struct EventRecognizer: Sendable {
    /// The model given at creation; `nil` for the shipped one, which is then decoded on first use.
    private let customModel: EventModel?

    /// A recogniser using the model that ships with Chronicle (decoded once, when first needed).
    public init() {
        customModel = nil
    }

    /// A recogniser using `model`.
    public init(model: EventModel) {
        customModel = model
    }

    /// The model the recogniser scores words with.
    public var model: EventModel { customModel ?? .shipped }

    /// Sets ``Document/events`` (replacing any it had), numbered `e1`, `e2`, ... with instances `ei1`, `ei2`, ...
    /// in text order. If the document has no words yet, adds the linguistic layer they need first.
    public func annotate(_ document: inout Document) {
        if document.words.isEmpty { LanguageAnnotator().annotate(&document) }
        document.events = events(in: document)
    }

    /// The events of a document that has its words (with tags and lemmas) and sentences.
    ///
    /// Sentence by sentence: the feature keys of every candidate word are computed first, then looked up in the
    /// model all together (so that the processor fetches the weights from memory in parallel), then each word
    /// is decided in text order.
    public func events(in document: Document) -> [Event] {
        guard !document.words.isEmpty else { return [] }
        let model = self.model
        let table = model.storage.features
        let lexicon = model.storage.lexicon
        let eventBias = model.eventBias
        let ranges = Self.sentenceRanges(of: document)
        let longest = ranges.reduce(0) { max($0, $1.count) }
        var found: [Event] = []
        var foundWords = [Bool](repeating: false, count: document.words.count)
        var added = false
        var text = document.text
        text.withUTF8 { bytes in
            document.words.withUnsafeBufferPointer { words in
                let roles = GroupRole.roles(of: words)
                roles.withUnsafeBufferPointer { roles in
                    var infos: [EventWordInfo] = []
                    infos.reserveCapacity(longest + 4)
                    // Per sentence: the candidate words, their lexicon keys and entries, and the feature keys and
                    // rows of the ones the model scores (`EventFeatures.count` each).
                    var candidates = [Int](repeating: 0, count: longest)
                    var lexiconKeys = [UInt32](repeating: 0, count: longest)
                    var entries = [UInt32](repeating: 0, count: longest)
                    var scored = [Bool](repeating: false, count: longest)
                    var keys = [UInt32](repeating: 0, count: longest * EventFeatures.count)
                    var slotKeys = [UInt32](repeating: 0, count: keys.count)
                    var offsets = [Int](repeating: 0, count: keys.count)
                    var rows = [SIMD8<Int16>](repeating: SIMD8(), count: keys.count)
                    for range in ranges where !range.isEmpty {
                        EventFeatures.infos(words: words, range: range, roles: roles, bytes: bytes, into: &infos)
                        infos.withUnsafeBufferPointer { infos in
                            var count = 0
                            for index in range where EventFeatures.isCandidate(words[index].universalTag) {
                                candidates[count] = index
                                lexiconKeys[count] = infos[index - range.lowerBound + 2].lexiconKey
                                count += 1
                            }
                            // The lexicon entries of all candidates, then the feature keys of the scored ones, then
                            // their weights, all looked up together (the processor fetches them in parallel).
                            lexiconKeys.withUnsafeBufferPointer { lexiconKeys in
                                entries.withUnsafeMutableBufferPointer { entries in
                                    lexicon.values(for: UnsafeBufferPointer(rebasing: lexiconKeys[0..<count]), into: UnsafeMutableBufferPointer(rebasing: entries[0..<count]))
                                }
                            }
                            var scoredCount = 0
                            keys.withUnsafeMutableBufferPointer { keys in
                                for c in 0..<count {
                                    let i = candidates[c] - range.lowerBound + 2
                                    let entry = LemmaEntry(bits: entries[c] == EventKeyTable.missing ? 0 : entries[c])
                                    scored[c] = !EventFeatures.isNeverEvent(entry)
                                    guard scored[c] else { continue }
                                    let context = EventFeatures.context(
                                        at: i, infos: infos, words: words, start: range.lowerBound, entry: entry, lexicon: model.lexiconBits)
                                    EventFeatures.keys(at: i, infos: infos, context: context, into: keys.baseAddress! + scoredCount * EventFeatures.count)
                                    scoredCount += 1
                                }
                            }
                            keys.withUnsafeBufferPointer { keys in
                                rows.withUnsafeMutableBufferPointer { rows in
                                    slotKeys.withUnsafeMutableBufferPointer { slotKeys in
                                        offsets.withUnsafeMutableBufferPointer { offsets in
                                            table.rows(of: UnsafeBufferPointer(rebasing: keys[0..<scoredCount * EventFeatures.count]),
                                                       into: rows.baseAddress!, offsets: offsets.baseAddress!, found: slotKeys.baseAddress!)
                                        }
                                    }
                                }
                            }
                            rows.withUnsafeBufferPointer { rows in
                                var row = 0
                                for c in 0..<count {
                                    let index = candidates[c]
                                    let i = index - range.lowerBound + 2
                                    var label = 0
                                    if scored[c] {
                                        label = model.decide(table.scores(rows: rows.baseAddress! + row * EventFeatures.count, count: EventFeatures.count), eventBias: eventBias)
                                        row += 1
                                    }
                                    // A condition the model missed: "found unconscious", "will be available".
                                    if label == 0, infos[i].coarse == 3, EventFeatures.stateAdjectives.contains(infos[i].lemma),
                                       EventFeatures.isPredicative(at: i, infos: infos) {
                                        label = EventModel.stateLabel
                                    }
                                    guard label > 0, let eventClass = EventModel.classes[label] else { continue }
                                    found.append(Self.event(
                                        number: found.count + 1, class: eventClass, word: index, words: words, roles: roles,
                                        sentenceStart: range.lowerBound, bytes: bytes))
                                    foundWords[index] = true
                                }
                            }
                            // Nominal events the words around them make certain ("before Odom's hospitalization").
                            let extra = SignalledEvents.words(in: range, words: words, infos: infos, bytes: bytes, found: foundWords) { index in
                                Self.isEventLike(words[index], model: model)
                            } isVerbLike: { index in
                                Self.isVerbLike(words[index], model: model)
                            }
                            for index in extra {
                                found.append(Self.event(
                                    number: 0, class: .occurrence, word: index, words: words, roles: roles,
                                    sentenceStart: range.lowerBound, bytes: bytes))
                                foundWords[index] = true
                                added = true
                            }
                        }
                    }
                }
            }
        }
        if added {
            found.sort { $0.span.start < $1.span.start }
            for k in found.indices {
                found[k].id = "e" + String(k + 1)
                found[k].instanceID = "ei" + String(k + 1)
            }
        }
        return found
    }

    /// Whether a noun may be an event by what the lexicon knows: the model saw it as an event often enough,
    /// or it is made from a verb by a suffix ("hospitalization" from "hospitalize", "meeting" from "meet"), or
    /// it is the bare form of a verb and the lexicon knows nothing of it as a noun. Capitalised nouns (names:
    /// "Operation Rescue") are not.
    static func isEventLike(_ word: Word, model: EventModel) -> Bool {
        guard let lemma = word.lemma?.lowercased(), word.universalTag == .noun, let first = word.lemma?.utf8.first,
              first &- 65 >= 26 else { return false }
        let hash = StableHash.finish(lemma.utf8.reduce(StableHash.offset, StableHash.add))
        let asNoun = LemmaEntry(bits: model.lexiconBits(EventWordInfo.lexiconKey(lemma: hash, coarse: 2)))
        if asNoun.goldRate >= 4 || asNoun.extraRate >= 5 { return true }
        if Derivation.forEachStem(of: lemma, { LemmaEntry(bits: model.lexiconBits(EventWordInfo.lexiconKey(lemma: $0, coarse: 1))).seenAsVerb }) {
            return true
        }
        return asNoun.goldRate == 0 && asNoun.extraRate == 0
            && LemmaEntry(bits: model.lexiconBits(EventWordInfo.lexiconKey(lemma: hash, coarse: 1))).seenAsVerb
    }

    /// Whether a lower-case noun's lemma was seen as a verb ("quote").
    static func isVerbLike(_ word: Word, model: EventModel) -> Bool {
        guard let lemma = word.lemma?.lowercased(), word.universalTag == .noun, let first = word.lemma?.utf8.first,
              first &- 65 >= 26 else { return false }
        let hash = StableHash.finish(lemma.utf8.reduce(StableHash.offset, StableHash.add))
        return LemmaEntry(bits: model.lexiconBits(EventWordInfo.lexiconKey(lemma: hash, coarse: 1))).seenAsVerb
    }

    /// The word ranges of the document's sentences (the whole document as one when it has none).
    static func sentenceRanges(of document: Document) -> [Range<Int>] {
        guard !document.sentences.isEmpty else { return [0..<document.words.count] }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(document.sentences.count)
        var first = 0
        for sentence in document.sentences {
            while first < document.words.count, document.words[first].span.start < sentence.span.start { first += 1 }
            var end = first
            while end < document.words.count, document.words[end].span.start < sentence.span.end { end += 1 }
            ranges.append(first..<end)
            first = end
        }
        return ranges
    }

    /// The event of word `index`, its attributes from its verb group.
    static func event(
        number: Int, class eventClass: Event.Class, word index: Int, words: UnsafeBufferPointer<Word>,
        roles: UnsafeBufferPointer<GroupRole>, sentenceStart: Int, bytes: UnsafeBufferPointer<UInt8>
    ) -> Event {
        let word = words[index]
        let group = VerbGroup(event: index, words: words, roles: roles, start: sentenceStart)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[word.byteRange]), as: UTF8.self)
        return Event(
            id: "e" + String(number), instanceID: "ei" + String(number), span: word.span, text: text, lemma: word.lemma ?? text.lowercased(),
            eventClass: eventClass, tense: group.tense, aspect: group.aspect, polarity: group.polarity, modality: group.modality,
            partOfSpeech: VerbGroup.partOfSpeech(of: word))
    }
}
