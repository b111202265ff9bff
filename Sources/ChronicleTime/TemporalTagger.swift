import ChronicleCalendar
import ChronicleCore
import ChronicleLanguage
import ChronicleText

/// Finds English time expressions and normalises them to TimeML TIMEX3 values.
///
/// ```swift
/// let tagger = TemporalTagger()
/// let document = tagger.tag("She clarified on Wednesday, Oct. 28.",
///                           creationTime: CreationTime(parsing: "2015-10-29"))
/// for timex in document.timeExpressions {
///     print(timex.text, timex.kind.rawValue, timex.value)   // Wednesday, Oct. 28  DATE  2015-10-28
/// }
/// ```
///
/// A tagger holds only immutable, compiled tables: create one and share it across threads.
/// Tagging is a pure function of the text, the creation time and the options.
public struct TemporalTagger: Sendable {
    /// The kind of text, which decides what an underspecified expression ("in June", "On 14 September")
    /// hangs on when the text does not say.
    public enum Genre: String, CaseIterable, Hashable, Sendable {
        /// Decided by the text, expression by expression: the narrative time when the text has moved to a
        /// date far from the creation time and has not come back to the present since; the creation time
        /// otherwise. Informal writing (handles, hashtags, lower-case text) is recognised as such.
        case auto
        /// News about the present: underspecified expressions hang on the creation time.
        case news
        /// Histories, biographies, retrospectives: underspecified expressions take the narrative time (the
        /// latest explicit date of adequate granularity) wherever there is one.
        case narrative
        /// Social posts and informal text: lower-case names ("fri", "sat", "march 3") and shorthand
        /// ("tmr", "2nite", "wknd") are read as time words.
        case colloquial
    }

    public struct Options: Hashable, Sendable {
        /// Without a creation time, the years considered when a weekday written with a date
        /// ("Wednesday, Oct. 28") narrows down the year.
        public var yearInferenceWindow: ClosedRange<Int>
        /// The kind of text; ``Genre/auto`` decides from the text itself.
        public var genre: Genre

        public init(yearInferenceWindow: ClosedRange<Int> = 1950...2049, genre: Genre = .auto) {
            self.yearInferenceWindow = yearInferenceWindow
            self.genre = genre
        }
    }

    public var options: Options
    private let lexicon: Lexicon

    public init(options: Options = Options()) {
        self.options = options
        self.lexicon = Lexicon.shared
    }

    /// Tags `text`, anchoring relative expressions on `creationTime` when given.
    public func tag(_ text: String, creationTime: CreationTime? = nil, id: String = "") -> Document {
        var document = Document(id: id, text: text, creationTime: creationTime)
        annotate(&document)
        return document
    }

    /// Adds tokens, sentences (when the document has none yet) and time expressions to a document.
    public func annotate(_ document: inout Document) {
        var text = document.text
        let creationTime = document.creationTime
        var tokens = document.tokens
        var sentences = document.sentences
        // Words already tagged by the language stage (the pipeline runs it first) are reused, not tagged again.
        let documentWords = document.words.first?.pennTag == nil ? [] : document.words
        var expressions: [TimeExpression] = []
        var diagnostics: [Diagnostic] = []
        text.withUTF8 { bytes in
            if tokens.isEmpty { tokens = Tokenizer().tokenize(bytes: bytes) }
            let stream = TokenStream(bytes: bytes, tokens: tokens, lexicon: lexicon)
            let colloquial = options.genre == .colloquial || options.genre == .auto && Self.looksInformal(bytes, stream)
            let candidates = Grammar(stream, colloquial: colloquial, referenceYear: creationTime?.date.year).candidates()
            guard !candidates.isEmpty else { return }
            if sentences.isEmpty { sentences = SentenceSplitter().split(bytes: bytes, tokens: tokens) }
            var inferredYear: Int?
            var inference: YearInference?
            if creationTime == nil {
                (inferredYear, inference) = inferYear(candidates, diagnostics: &diagnostics, tokens: tokens)
            }
            var resolver = Resolver(creationTime: creationTime, inferredYear: inferredYear, inference: inference, genre: options.genre)
            let cues = TenseCues(s: stream)
            // Part-of-speech tags are computed only for sentences that need them: where a candidate hangs on
            // an ambiguous word ("may", "fall") or where words alone do not tell the tense.
            var tagged = SentenceTags(bytes: bytes, tokens: tokens, sentences: sentences, documentWords: documentWords)
            var sentenceIndex = 0
            var previous: (first: Int, end: Int, day: CalendarDate?)?
            for candidate in candidates {
                while sentenceIndex + 1 < sentences.count, sentences[sentenceIndex].tokens.upperBound <= candidate.first {
                    sentenceIndex += 1
                }
                let bounds = sentences.isEmpty ? 0..<tokens.count : sentences[sentenceIndex].tokens
                if let check = candidate.check, let tag = tagged.pennTag(ofToken: check.token, sentence: sentenceIndex),
                   !check.allows(pennTag: tag) {
                    continue
                }
                resolver.sentence = sentenceIndex
                resolver.opensSentence = Self.opensSentence(candidate, bounds: bounds, stream)
                resolver.movesNarrative = Self.movesNarrative(candidate, stream)
                resolver.rangeStart = previous.flatMap { Self.rangeJoins($0.first, $0.end, to: candidate, stream) ? $0.day : nil }
                let first = tokens[candidate.first]
                let last = tokens[candidate.end - 1]
                let span = TextSpan(start: first.span.start, end: last.span.end)
                let id = "t\(expressions.count + 1)"
                guard let result = resolver.resolve(candidate, id: id, span: span, tense: {
                    let lexical = cues.tense(around: candidate.first..<candidate.end, within: bounds)
                    guard lexical == .unknown else { return lexical }
                    return tagged.tense(around: candidate.first..<candidate.end, sentence: sentenceIndex)
                }) else { continue }
                // Only a weekday opens a range of weekdays: "from Sept. 14 to Thursday" can span weeks.
                previous = (candidate.first, candidate.end, candidate.isWeekdayAlone ? result.calendar?.representativeDate : nil)
                let covered = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(first.byteStart)..<Int(last.byteEnd)]), as: UTF8.self)
                expressions.append(TimeExpression(
                    id: id, span: span, text: covered, kind: result.kind, value: result.value,
                    modifier: candidate.modifier, frequency: candidate.frequency, quantifier: candidate.quantifier,
                    anchor: result.anchor, yearInference: result.yearInference))
            }
            diagnostics.append(contentsOf: resolver.diagnostics)
        }
        document.tokens = tokens
        document.sentences = sentences
        document.timeExpressions = expressions
        document.diagnostics.append(contentsOf: diagnostics)
    }

    /// Whether a text reads as informal writing (``Genre/colloquial``): a short text with a handle, a hashtag or
    /// a link ("@Joojookxy", "#fnnsdd4", "http://t.co/..."), or a text written without capitals or all in them.
    static func looksInformal(_ bytes: UnsafeBufferPointer<UInt8>, _ stream: TokenStream) -> Bool {
        guard let last = bytes.lastIndex(where: { $0 > 0x20 }) else { return false }
        let end = bytes[last]
        let finished = end == 0x2E || end == 0x3F || end == 0x22 || end == 0x27 || end == 0x29
        if bytes.count < 2000, stream.containsLinkOrHandle { return true }
        // All in capitals, or without capitals and without a final period ("2015 was the warmest year." is edited):
        // the scan stops at the first pair of an upper- and a lower-case letter, near the start of most texts.
        var upper = 0, lower = 0
        for b in bytes {
            if b >= 0x61 && b <= 0x7A { lower += 1 } else if b >= 0x41 && b <= 0x5A { upper += 1 }
            if upper > 0 && lower > 0 { break }
        }
        if upper == 0 && lower >= 20 && !finished { return true }
        if lower == 0 && upper >= 20 { return true }
        // A post-length text written like speech: an exclamation, a smiley, or no final punctuation.
        guard bytes.count < 320 else { return false }
        return bytes.contains(0x21) || !finished && end != 0x21 || Self.containsSmiley(bytes)
    }

    /// Whether a date can move the narrative: not the bound of a span up to the present or from the past
    /// ("since 1990", "Before 1991, ...", "until 2003"; "By 1943" moves it), nor a year that qualifies a noun ("the 2012 plan").
    private static func movesNarrative(_ c: Candidate, _ s: TokenStream) -> Bool {
        let p = c.first - 1
        if s.isKeyword(p, .since) || s.isKeyword(p, .before) || s.isKeyword(p, .until) || s.isKeyword(p, .til) {
            return false
        }
        if c.end == c.first + 1, s.isNumber(c.first), s.isKeyword(p, .the) || s.isApostrophe(p - 1) && s.isKeyword(p, .s),
           s.isWord(c.end), !s.isCapitalized(c.end) {
            return false
        }
        return true
    }

    /// ":)", ":D", ":(", ":P", ";)".
    private static func containsSmiley(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        for k in 0..<(bytes.count - 1) where bytes[k] == 0x3A || bytes[k] == 0x3B {
            let next = bytes[k + 1]
            if next == 0x29 || next == 0x28 || next == 0x44 || next == 0x50 || next == 0x70 { return true }
        }
        return false
    }

    /// Whether a candidate opens its sentence ("Last year, ...", "In 2012, ..."): first in it, or after "In",
    /// "During", "Throughout" ("Before 1991, Nov. 7 was a holiday" is not in 1991).
    private static func opensSentence(_ c: Candidate, bounds: Range<Int>, _ s: TokenStream) -> Bool {
        let b = bounds.lowerBound
        return c.first == b || c.first == b + 1 && (s.isText(b, "in") || s.isText(b, "during") || s.isText(b, "throughout"))
    }

    /// Whether the expression at `first..<end` and the candidate are the two ends of a range: "from Monday to
    /// Friday", "Tuesday through Sunday", "between Friday and Monday" ("and" needs its "between").
    private static func rangeJoins(_ first: Int, _ end: Int, to c: Candidate, _ s: TokenStream) -> Bool {
        end + 1 == c.first && s.joinsRange(end, openedAt: first)
    }

    /// Part-of-speech tags of the sentences that need them, computed once each; the tag of a single word is
    /// computed on its own (see ``PartOfSpeechTagger/tag(_:in:window:text:)``: the same tag, from the stretch of
    /// the sentence it depends on).
    private struct SentenceTags {
        let bytes: UnsafeBufferPointer<UInt8>
        let tokens: [Token]
        let sentences: [Sentence]
        /// Per sentence: its words, and whether all of them are tagged (else only those asked about one by one).
        private var cache: [Int: (words: [Word], isTagged: Bool)] = [:]

        /// One annotator for the whole process: its model loads on first use only.
        static let annotator = LanguageAnnotator()

        /// The document's own tagged words, if it has them.
        let documentWords: [Word]

        init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], sentences: [Sentence], documentWords: [Word] = []) {
            self.bytes = bytes
            self.tokens = tokens
            self.sentences = sentences
            self.documentWords = documentWords
        }

        /// The words of a sentence, all tagged.
        mutating func words(of sentence: Int) -> [Word] {
            var (words, isTagged) = cachedWords(of: sentence)
            guard !isTagged else { return words }
            cache[sentence] = nil  // tagged in place
            Self.annotator.tagger.tag(&words, in: 0..<words.count, text: bytes)
            cache[sentence] = (words, true)
            return words
        }

        /// The words of a sentence as cut (tagged or not), and whether they are all tagged.
        private mutating func cachedWords(of sentence: Int) -> (words: [Word], isTagged: Bool) {
            if let entry = cache[sentence] { return entry }
            let range = sentences.indices.contains(sentence) ? sentences[sentence].tokens : 0..<tokens.count
            if !documentWords.isEmpty {
                // The words whose first token lies in the sentence (binary search for the first).
                var low = 0, high = documentWords.count
                while low < high {
                    let middle = (low + high) / 2
                    if documentWords[middle].tokens.lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
                }
                var end = low
                while end < documentWords.count, documentWords[end].tokens.lowerBound < range.upperBound { end += 1 }
                cache[sentence] = (Array(documentWords[low..<end]), true)
            } else {
                cache[sentence] = (WordSegmenter().words(bytes: bytes, tokens: tokens, in: range), false)
            }
            return cache[sentence]!
        }

        mutating func pennTag(ofToken token: Int, sentence: Int) -> String? {
            var (words, isTagged) = cachedWords(of: sentence)
            let k = Self.firstWord(in: words, endingAfter: token)
            guard k < words.count, words[k].tokens.contains(token) else { return nil }
            if !isTagged, words[k].pennTag == nil {
                cache[sentence] = nil  // tagged in place
                Self.annotator.tagger.tag(&words, in: 0..<words.count, window: k..<(k + 1), text: bytes)
                cache[sentence] = (words, false)
            }
            return words[k].pennTag
        }

        /// The index of the first word whose tokens end after `token` (binary search: words are in text order).
        static func firstWord(in words: [Word], endingAfter token: Int) -> Int {
            var low = 0, high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].tokens.upperBound <= token { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// How far from the expression a verb may stand and still give it its tense, in words: the cost of an
        /// expression stays the same however long its sentence is.
        static let verbReach = 40

        /// The tense of the nearest finite verb, left of the expression first: VBD is past, VBZ/VBP present,
        /// "will"/"shall"/"'ll"/"would" future.
        mutating func tense(around range: Range<Int>, sentence: Int) -> Tense {
            let words = words(of: sentence)
            let start = Self.firstWord(in: words, endingAfter: range.lowerBound)
            guard start < words.count else { return .unknown }
            var end = start
            while end < words.count, words[end].tokens.lowerBound < range.upperBound { end += 1 }
            /// `governing`: the verb stands before the expression, as a verb governing a time adverbial does.
            func tense(of k: Int, governing: Bool, nearestVerb: Bool = false) -> Tense? {
                let word = words[k]
                // The verb nearest before the expression, a base form right after its subject, is a present the
                // tagger missed ("He and Arafat meet Monday"); further off it is as likely a subjunctive ("demands
                // that Syria stop interfering and cooperate in the probe of February's killing").
                // Not after a verb and its object ("see it crack Wednesday", "let them go Friday").
                let finiteBase = nearestVerb && word.pennTag == "VB" && k > 0
                    && ["NNP", "NNPS", "NNS", "PRP"].contains(words[k - 1].pennTag ?? "")
                    && !(k > 1 && words[k - 2].pennTag?.hasPrefix("VB") == true)
                switch finiteBase ? "VBP" : word.pennTag {
                case "VBD": return .past
                case "VBZ", "VBP":
                    // "have been killed", "has already left": the present perfect looks back.
                    if word.lemma?.lowercased() == "have", perfectParticiple(after: k) { return .past }
                    // "The hearing resumes Friday", "they meet Monday": the present of a scheduled event.
                    let lemma = word.lemma?.lowercased() ?? ""
                    if lemma == "be" || lemma == "have" || lemma == "do" || Vocabulary.reportingVerbs.contains(lemma) { return .present }
                    return governing ? .scheduled : .present
                case "MD":
                    switch word.lemma?.lowercased() {
                    case "will", "shall", "'ll", "would", "wo": return .future
                    default: return nil
                    }
                default: return nil
                }
            }
            /// Whether a past participle follows word `k`, past adverbs only ("has already left").
            func perfectParticiple(after k: Int) -> Bool {
                var n = k + 1
                while n < words.count, words[n].pennTag?.hasPrefix("RB") == true { n += 1 }
                return n < words.count && words[n].pennTag == "VBN"
            }
            // A "verb" between two proper nouns is a tagging slip inside a name ("Dar es Salaam").
            func insideName(_ k: Int) -> Bool {
                k > 0 && k + 1 < words.count && words[k - 1].pennTag == "NNP" && words[k + 1].pennTag == "NNP"
            }
            var nearestVerb = true
            for k in (max(0, start - Self.verbReach)..<start).reversed() where !insideName(k) {
                if let t = tense(of: k, governing: true, nearestVerb: nearestVerb) { return t }
                if words[k].pennTag?.hasPrefix("VB") == true || words[k].pennTag == "MD" { nearestVerb = false }
            }
            for k in end..<min(words.count, end + Self.verbReach) where !insideName(k) {
                if let t = tense(of: k, governing: false) { return t }
            }
            return .unknown
        }
    }

    /// Without a creation time: the years that weekday-and-date pairs allow, and the one the rule picks.
    ///
    /// The rule: intersect the years in ``Options/yearInferenceWindow`` in which every "weekday, month day"
    /// of the text falls on its weekday. If one year remains, it is chosen; if several remain and the text
    /// writes explicit years, the candidate nearest the latest explicit year is chosen (ties go to the
    /// earlier year); otherwise no year is chosen and the candidates are reported.
    private func inferYear(_ candidates: [Candidate], diagnostics: inout [Diagnostic], tokens: [Token]) -> (Int?, YearInference?) {
        var allowed: Set<Int>?
        var explicitYears: [Int] = []
        var firstSpan: TextSpan?
        var conflicting = false
        for c in candidates {
            guard case .date(let spec) = c.meaning else { continue }
            if let y = spec.year { explicitYears.append(y) }
            guard spec.year == nil, spec.shift == nil, let m = spec.month, let d = spec.day, let wd = spec.weekday else { continue }
            let years = Set(options.yearInferenceWindow.filter { y in
                CalendarDate(year: y, month: m, day: d)?.weekday.rawValue == wd
            })
            if firstSpan == nil { firstSpan = TextSpan(start: tokens[c.first].span.start, end: tokens[c.end - 1].span.end) }
            if let current = allowed {
                let both = current.intersection(years)
                if both.isEmpty { conflicting = true } else { allowed = both }
            } else {
                allowed = years
            }
        }
        guard let allowed, let span = firstSpan else { return (nil, nil) }
        let candidates = allowed.sorted()
        let window = "\(options.yearInferenceWindow.lowerBound)–\(options.yearInferenceWindow.upperBound)"
        if conflicting {
            diagnostics.append(Diagnostic(.warning, .weekdayMismatch, "weekdays written with dates contradict each other: no single year fits them all", span: span))
        }
        var chosen: Int?
        var rule: String
        if candidates.count == 1 {
            chosen = candidates[0]
            rule = "the only year in \(window) in which every weekday written with a date falls on that date"
        } else if let latest = explicitYears.max(), !candidates.isEmpty {
            chosen = candidates.min { (abs($0 - latest), $0) < (abs($1 - latest), $1) }
            rule = "of the years in \(window) that fit the weekday, the nearest to \(latest), the latest year the text writes"
        } else {
            rule = "no creation time and no written year: the weekday allows several years in \(window), none is chosen"
        }
        let list = candidates.map(String.init).joined(separator: ", ")
        if let chosen {
            diagnostics.append(Diagnostic(.note, .inferredYear, "no creation time: year \(chosen) inferred (\(rule)); candidates: \(list)", span: span))
        } else {
            diagnostics.append(Diagnostic(.warning, .ambiguousYear, "no creation time: the year is ambiguous; candidates: \(list)", span: span))
        }
        return (chosen, YearInference(candidates: candidates, chosen: chosen, rule: rule))
    }
}
