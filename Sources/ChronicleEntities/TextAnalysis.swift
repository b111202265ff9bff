import ChronicleCore

/// The Penn Treebank tags the rules of this module (and the timeline's) test one by one (``other`` for the rest).
package enum PennTag: UInt8, Sendable {
    case other, prp, prpPossessive, pos, vbn, to, jj, nns, nnps, `in`, vbd, vbz, vbp, md

    /// The tag of a Penn tag's bytes packed little-endian (at most four bytes; longer tags are ``other``).
    init(packed: UInt32, count: Int) {
        guard count <= 4 else {
            self = .other
            return
        }
        switch packed {
        case 0x50_5250: self = .prp
        case 0x2450_5250: self = .prpPossessive
        case 0x53_4F50: self = .pos
        case 0x4E_4256: self = .vbn
        case 0x4F54: self = .to
        case 0x4A4A: self = .jj
        case 0x53_4E4E: self = .nns
        case 0x5350_4E4E: self = .nnps
        case 0x4E49: self = .in
        case 0x44_4256: self = .vbd
        case 0x5A_4256: self = .vbz
        case 0x50_4256: self = .vbp
        case 0x444D: self = .md
        default: self = .other
        }
    }
}

/// A word of a document with what statement finding and the timeline ask about it, computed once: tags, the
/// ``Term`` and ``LexiconFlags`` of its text and lemma (lower-cased), and the tests the rules make on its
/// characters. A small plain value (no strings: the text, lower-cased text and lemma are
/// ``DocumentAnalysis/text(of:)``, ``DocumentAnalysis/lower(of:)`` and ``DocumentAnalysis/lemma(of:)``).
package struct AnalysedWord: Sendable {
    /// The yes-or-no facts about a word.
    package struct Traits: OptionSet, Sendable {
        package let rawValue: UInt32
        static let capitalised = Traits(rawValue: 1 << 0)
        static let inTimex = Traits(rawValue: 1 << 1)
        static let punctuation = Traits(rawValue: 1 << 2)
        static let verb = Traits(rawValue: 1 << 3)
        static let auxiliary = Traits(rawValue: 1 << 4)
        static let finite = Traits(rawValue: 1 << 5)
        static let noun = Traits(rawValue: 1 << 6)
        static let properNoun = Traits(rawValue: 1 << 7)
        package static let negation = Traits(rawValue: 1 << 8)
        package static let pennAdverb = Traits(rawValue: 1 << 9)
        static let pennWh = Traits(rawValue: 1 << 10)
        static let pennPRP = Traits(rawValue: 1 << 11)
        static let lowerEndsWithLy = Traits(rawValue: 1 << 12)
        static let lowerEndsWithS = Traits(rawValue: 1 << 13)
        static let lemmaDiffersFromLower = Traits(rawValue: 1 << 14)
        static let lemmaEndsWithOld = Traits(rawValue: 1 << 15)
        static let hasLowercaseOrLength = Traits(rawValue: 1 << 16)
        static let startsAlphabetic = Traits(rawValue: 1 << 17)
        static let breakText = Traits(rawValue: 1 << 18)
        static let camelCase = Traits(rawValue: 1 << 19)

        package init(rawValue: UInt32) {
            self.rawValue = rawValue
        }

        @inline(__always)
        mutating func set(_ trait: Traits, _ value: Bool) {
            if value { insert(trait) }
        }
    }

    package var span: TextSpan
    private var sentenceIndex: Int32
    /// The text lower-cased, and the lemma lower-cased (the text lower-cased when the word has no lemma): the
    /// lists they are in.
    var lowerFlags: LexiconFlags
    var lemmaFlags: LexiconFlags
    package var traits: Traits
    package var tag: UniversalTag?
    package var penn: PennTag
    /// The text lower-cased, as a term.
    var lower: Term
    /// The lemma lower-cased, as a term.
    var lemma: Term
    /// The text as written, as a term (``Term/other`` for "The": terms are lower-case).
    var textTerm: Term

    init(
        span: TextSpan, sentence: Int, tag: UniversalTag?, penn: PennTag, lower: Term, lowerFlags: LexiconFlags, lemma: Term,
        lemmaFlags: LexiconFlags, textTerm: Term, traits: Traits
    ) {
        self.span = span
        sentenceIndex = Int32(truncatingIfNeeded: sentence)
        self.lowerFlags = lowerFlags
        self.lemmaFlags = lemmaFlags
        self.traits = traits
        self.tag = tag
        self.penn = penn
        self.lower = lower
        self.lemma = lemma
        self.textTerm = textTerm
    }

    /// The index of the word's sentence.
    package var sentence: Int { Int(sentenceIndex) }
    /// Whether the first letter is upper-case.
    var isCapitalised: Bool { traits.contains(.capitalised) }
    /// Whether the word lies inside a time expression.
    package var inTimex: Bool { traits.contains(.inTimex) }
    var isPunctuation: Bool { traits.contains(.punctuation) }
    package var isVerb: Bool { traits.contains(.verb) }
    package var isAuxiliary: Bool { traits.contains(.auxiliary) }
    /// A finite verb or auxiliary (past, present, modal): the head of a clause.
    package var isFinite: Bool { traits.contains(.finite) }
    package var isNoun: Bool { traits.contains(.noun) }
    package var isProperNoun: Bool { traits.contains(.properNoun) }
    var isNegation: Bool { traits.contains(.negation) }
    /// Whether the Penn tag starts with "RB", with "W", with "PRP".
    var isPennAdverb: Bool { traits.contains(.pennAdverb) }
    var isPennWh: Bool { traits.contains(.pennWh) }
    var isPennPRP: Bool { traits.contains(.pennPRP) }
    /// Whether the lower-cased text ends with "ly", with "s".
    var lowerEndsWithLy: Bool { traits.contains(.lowerEndsWithLy) }
    var lowerEndsWithS: Bool { traits.contains(.lowerEndsWithS) }
    /// Whether the lemma (lower-cased) differs from the lower-cased text.
    var lemmaDiffersFromLower: Bool { traits.contains(.lemmaDiffersFromLower) }
    /// Whether the lemma ends with "-old" ("year-old").
    var lemmaEndsWithOld: Bool { traits.contains(.lemmaEndsWithOld) }
    /// Whether the text has a lower-case letter or at least two characters.
    var hasLowercaseOrLength: Bool { traits.contains(.hasLowercaseOrLength) }
    /// Whether the first character is a letter.
    var startsAlphabetic: Bool { traits.contains(.startsAlphabetic) }
    /// Whether the text is one of ``Lexicon/clauseBreaks`` (inside a time expression or not).
    var isBreakText: Bool { traits.contains(.breakText) }
    /// Whether the word is a hyphen or a function word, which may stand inside a name ("of", "de", "-").
    var isBridgeLike: Bool { textTerm == .hyphen || textTerm == .of || textTerm == .de || textTerm == .ampersand }
    /// Whether the word starts with a lower-case letter and has an upper-case one ("iPod", "eBay").
    var isCamelCase: Bool { traits.contains(.camelCase) }
}

/// The words of a document arranged for the rule-based readers of this module: per-word tags and terms, the
/// word range of every sentence, and the document's UTF-8 bytes for cheap span-to-text conversion.
package struct DocumentAnalysis: Sendable {
    let text: String
    package let words: [AnalysedWord]
    /// The word indices of each sentence of ``Document/sentences`` (when a document has no sentences, one range of all words).
    package let sentenceWords: [Range<Int>]
    package let sentenceSpans: [TextSpan]
    /// UTF-8 byte offsets of the words (start, end), to cut their text out of ``utf8`` cheaply.
    private let byteRanges: [Range<Int>]
    private let utf8: [UInt8]
    /// The document, for the text and lemma of a word.
    private let document: Document

    package init(_ document: Document) {
        self.document = document
        text = document.text
        let utf8 = Array(document.text.utf8)
        self.utf8 = utf8
        var spans = document.sentences.map(\.span)
        if spans.isEmpty, let first = document.words.first, let last = document.words.last {
            spans = [TextSpan(start: first.span.start, end: last.span.end)]
        }
        sentenceSpans = spans
        let timexSpans = document.timeExpressions.map(\.span).sorted()
        let vocabulary = Vocabulary.shared
        var byteRanges: [Range<Int>] = []
        let analysed = utf8.withUnsafeBufferPointer { utf8 in
            document.words.withUnsafeBufferPointer { words in
                byteRanges = [Range<Int>](unsafeUninitializedCapacity: words.count) { ranges, count in
                    for index in words.indices {
                        (ranges.baseAddress! + index).initialize(to: Int(words[index].byteStart)..<Int(words[index].byteEnd))
                    }
                    count = words.count
                }
                return byteRanges.withUnsafeBufferPointer { byteRanges in
                    [AnalysedWord](unsafeUninitializedCapacity: words.count) { analysed, count in
                        var sentence = 0
                        var timexIndex = 0
                        for index in words.indices {
                            let span = words[index].span
                            while sentence + 1 < spans.count, spans[sentence].end <= span.start { sentence += 1 }
                            while timexIndex < timexSpans.count, timexSpans[timexIndex].end <= span.start { timexIndex += 1 }
                            let inTimex = timexIndex < timexSpans.count && timexSpans[timexIndex].overlaps(span)
                            Self.analyse(
                                index, into: analysed.baseAddress! + index, words: words, utf8: utf8, bytes: byteRanges[index],
                                sentence: sentence, inTimex: inTimex, vocabulary: vocabulary, document: document)
                        }
                        count = words.count
                    }
                }
            }
        }
        self.byteRanges = byteRanges
        words = analysed
        var ranges: [Range<Int>] = []
        var start = 0
        for index in spans.indices {
            var end = start
            while end < analysed.count, analysed[end].sentence == index { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        sentenceWords = ranges
    }

    /// The analysis of word `index`: from its bytes when they are ASCII and match its span (the usual case),
    /// else from its text as a `String`.
    private static func analyse(
        _ index: Int, into result: UnsafeMutablePointer<AnalysedWord>, words: UnsafeBufferPointer<Word>, utf8: UnsafeBufferPointer<UInt8>,
        bytes: Range<Int>, sentence: Int, inTimex: Bool, vocabulary: Vocabulary, document: Document
    ) {
        let tag = words[index].universalTag
        // The Penn tag.
        var packed: UInt32 = 0, pennCount = 0
        var first: UInt8 = 0, second: UInt8 = 0, third: UInt8 = 0
        if let pennTag = words[index].pennTag {
            for byte in pennTag.utf8 {
                if pennCount < 4 { packed |= UInt32(byte) << UInt32(8 * pennCount) }
                if pennCount == 0 { first = byte } else if pennCount == 1 { second = byte } else if pennCount == 2 { third = byte }
                pennCount += 1
            }
        }
        let isPennVerb = first == 0x56 && second == 0x42  // VB
        let isPennNoun = first == 0x4E && second == 0x4E  // NN
        let penn = PennTag(packed: packed, count: pennCount)
        let span = words[index].span
        var lowerTerm = Term.other, lowerFlags: LexiconFlags = [], lemmaTerm = Term.other, lemmaFlags: LexiconFlags = []
        var textTerm = Term.other
        var traits: AnalysedWord.Traits = []
        traits.set(.inTimex, inTimex)
        traits.set(.pennAdverb, first == 0x52 && second == 0x42)  // RB
        traits.set(.pennWh, first == 0x57)  // W
        traits.set(.pennPRP, first == 0x50 && second == 0x52 && third == 0x50)  // PRP
        traits.set(.verb, tag == .verb || isPennVerb && tag != .auxiliary)
        traits.set(.auxiliary, tag == .auxiliary || penn == .md)
        traits.set(.finite, penn == .vbd || penn == .vbz || penn == .vbp || penn == .md)
        traits.set(.noun, tag == .noun || tag == .properNoun || isPennNoun)
        traits.set(.properNoun, tag == .properNoun || isPennNoun && third == 0x50)  // NNP
        let firstByte = bytes.lowerBound < utf8.count ? utf8[bytes.lowerBound] : 0
        let valid = bytes.upperBound <= utf8.count && bytes.lowerBound <= bytes.upperBound
        // One pass over the bytes: whether they are ASCII, which kinds of characters they have, and their hash.
        var ascii = valid && bytes.count == span.length
        var hasUpper = false, hasLower = false, hasAlphanumeric = false
        var hash = Vocabulary.Hash()
        if ascii {
            var all: UInt8 = 0
            for position in bytes {
                let byte = utf8[position]
                all |= byte
                let upper = byte &- 65 < 26, lower = byte &- 97 < 26
                hasUpper = hasUpper || upper
                hasLower = hasLower || lower
                hasAlphanumeric = hasAlphanumeric || upper || lower || byte &- 48 < 10
                hash.add(byte)
            }
            ascii = all < 0x80
        }
        // The lower-cased text, as bytes when ASCII (else as a string).
        var lowerString: String?
        if ascii {
            let text = UnsafeBufferPointer(rebasing: utf8[bytes])
            let entry = vocabulary.entry(lowercasing: text, hash: hash.value)
            lowerTerm = entry.term
            lowerFlags = entry.flags
            textTerm = hasUpper ? .other : entry.term
            traits.set(.breakText, !hasUpper && entry.flags.contains(.clauseBreak))
            traits.set(.capitalised, firstByte &- 65 < 26)
            traits.set(.punctuation, tag == .punctuation || !hasAlphanumeric)
            let count = text.count
            @inline(__always) func folded(_ k: Int) -> UInt8 { text[k] &- 65 < 26 ? text[k] | 0x20 : text[k] }
            traits.set(.lowerEndsWithLy, count >= 2 && folded(count - 2) == 0x6C && folded(count - 1) == 0x79)
            traits.set(.lowerEndsWithS, count >= 1 && folded(count - 1) == 0x73)
            // A character count of two or more: any two bytes but "\r\n" (one character) make two characters.
            traits.set(.hasLowercaseOrLength, hasLower || count >= 3 || count == 2 && !(text[0] == 0x0D && text[1] == 0x0A))
            traits.set(.startsAlphabetic, count > 0 && (text[0] &- 65 < 26 || text[0] &- 97 < 26))
            traits.set(.camelCase, hasUpper && firstByte &- 97 < 26)
        } else {
            let text = Self.wordText(index, utf8: utf8, bytes: bytes, document: document)
            let lower = Self.lowercased(text)
            lowerString = lower
            let entry = vocabulary.entry(of: lower)
            lowerTerm = entry.term
            lowerFlags = entry.flags
            if text.utf8.contains(where: { $0 >= 0x80 }) {
                // (For a word that is not ASCII, the vocabulary's entry is the term and lists of the text itself.)
                let textEntry = vocabulary.entry(of: text)
                textTerm = textEntry.term
                traits.set(.breakText, textEntry.flags.contains(.clauseBreak))
            } else {
                textTerm = Term(rawValue: text) ?? .other
                traits.set(.breakText, Lexicon.clauseBreaks.contains(text))
            }
            traits.set(.capitalised, firstByte < 0x80
                ? (0x41...0x5A).contains(firstByte)
                : text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false)
            traits.set(.punctuation, tag == .punctuation || !text.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
            traits.set(.lowerEndsWithLy, lower.hasSuffix("ly"))
            traits.set(.lowerEndsWithS, lower.hasSuffix("s"))
            traits.set(.hasLowercaseOrLength, text.unicodeScalars.contains(where: { $0.properties.isLowercase }) || text.count >= 2)
            traits.set(.startsAlphabetic, text.unicodeScalars.first?.properties.isAlphabetic ?? false)
            traits.set(.camelCase, text.unicodeScalars.first?.properties.isLowercase == true
                && text.unicodeScalars.contains { $0.properties.isUppercase })
        }
        // The lemma, lower-cased.
        if var lemma = words[index].lemma {
            var done = false
            if ascii {
                // An ASCII lemma against the ASCII text: the same word (lower-cased) takes the text's entry.
                lemma.withUTF8 { lemma in
                    var any: UInt8 = 0
                    for byte in lemma { any |= byte }
                    guard any < 0x80 else { return }
                    done = true
                    let text = UnsafeBufferPointer(rebasing: utf8[bytes])
                    @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }
                    var differs = lemma.count != text.count
                    if !differs { for k in 0..<lemma.count where folded(lemma[k]) != folded(text[k]) { differs = true; break } }
                    if differs {
                        let entry = vocabulary.entry(lowercasing: lemma)
                        lemmaTerm = entry.term
                        lemmaFlags = entry.flags
                        traits.insert(.lemmaDiffersFromLower)
                    } else {
                        lemmaTerm = lowerTerm
                        lemmaFlags = lowerFlags
                    }
                    let count = lemma.count
                    traits.set(.lemmaEndsWithOld, count >= 4 && lemma[count - 4] == 0x2D && folded(lemma[count - 3]) == 0x6F
                        && folded(lemma[count - 2]) == 0x6C && folded(lemma[count - 1]) == 0x64)
                }
            }
            if !done {
                let lower = lowerString ?? Self.lowercased(Self.wordText(index, utf8: utf8, bytes: bytes, document: document))
                let lemmaLower = Self.lowercased(lemma)
                let entry = vocabulary.entry(of: lemmaLower)
                lemmaTerm = entry.term
                lemmaFlags = entry.flags
                traits.set(.lemmaDiffersFromLower, lemmaLower != lower)
                traits.set(.lemmaEndsWithOld, lemmaLower.hasSuffix("-old"))
            }
        } else {
            lemmaTerm = lowerTerm
            lemmaFlags = lowerFlags
            let lower = lowerString ?? Self.lowercased(Self.wordText(index, utf8: utf8, bytes: bytes, document: document))
            traits.set(.lemmaEndsWithOld, lower.hasSuffix("-old"))
        }
        traits.set(.negation, lemmaTerm == .not || lowerTerm == .nt || lowerTerm == .never || lowerTerm == .no)
        result.initialize(to: AnalysedWord(
            span: span, sentence: sentence, tag: tag, penn: penn, lower: lowerTerm, lowerFlags: lowerFlags, lemma: lemmaTerm,
            lemmaFlags: lemmaFlags, textTerm: textTerm, traits: traits))
    }

    /// The text of word `index` as the words of a document give it: its bytes, or (for words made without byte
    /// offsets) its span of the text.
    private static func wordText(_ index: Int, utf8: UnsafeBufferPointer<UInt8>, bytes: Range<Int>, document: Document) -> String {
        // ASCII bytes as many as the span's scalars: the text (the usual case, without counting scalars).
        if bytes.upperBound <= utf8.count, bytes.count == document.words[index].span.length,
           !bytes.contains(where: { utf8[$0] >= 0x80 }) {
            return String(decoding: UnsafeBufferPointer(rebasing: utf8[bytes]), as: UTF8.self)
        }
        var text = bytes.upperBound <= utf8.count && bytes.lowerBound <= bytes.upperBound
            ? String(decoding: UnsafeBufferPointer(rebasing: utf8[bytes]), as: UTF8.self) : ""
        if text.unicodeScalars.count != document.words[index].span.length { text = document.text(of: document.words[index].span) }
        return text
    }

    /// The text of word `index`.
    package func text(of index: Int) -> String {
        utf8.withUnsafeBufferPointer { Self.wordText(index, utf8: $0, bytes: byteRanges[index], document: document) }
    }

    /// The text of word `index` lower-cased.
    package func lower(of index: Int) -> String {
        Self.lowercased(text(of: index))
    }

    /// The lemma of word `index` lower-cased (the text lower-cased when the word has no lemma).
    package func lemma(of index: Int) -> String {
        document.words[index].lemma.map(Self.lowercased) ?? lower(of: index)
    }

    /// `text` lower-cased, without work when it has no upper-case ASCII letter and is all ASCII.
    private static func lowercased(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte >= 0x80 || (0x41...0x5A).contains(byte) {
            needsWork = true
            break
        }
        return needsWork ? text.lowercased() : text
    }

    /// The text of a span: cut from the UTF-8 bytes when the span starts and ends at word boundaries (the usual
    /// case), else counted out scalar by scalar.
    package func text(_ span: TextSpan) -> String {
        if let first = wordIndex(at: span.start), words[first].span.start == span.start,
           let last = wordIndex(endingAt: span.end), first <= last, byteRanges[first].lowerBound <= byteRanges[last].upperBound {
            let bytes = byteRanges[first].lowerBound..<byteRanges[last].upperBound
            if !bytes.isEmpty, bytes.upperBound <= utf8.count { return String(decoding: utf8[bytes], as: UTF8.self) }
        }
        let scalars = text.unicodeScalars
        let count = scalars.count
        let lower = min(max(span.start, 0), count)
        let upper = min(max(span.end, lower), count)
        let from = scalars.index(scalars.startIndex, offsetBy: lower)
        return String(scalars[from..<scalars.index(from, offsetBy: upper - lower)])
    }

    /// The index of the word that ends exactly at scalar offset `offset`, if any.
    private func wordIndex(endingAt offset: Int) -> Int? {
        guard offset > 0, let index = wordIndex(at: offset - 1), words[index].span.end == offset else { return nil }
        return index
    }

    /// The span from the start of word `first` to the end of word `last` (inclusive indices).
    package func span(_ first: Int, _ last: Int) -> TextSpan {
        TextSpan(start: words[first].span.start, end: words[max(first, last)].span.end)
    }

    /// The index of the sentence holding scalar offset `offset` (the last one starting at or before it).
    package func sentenceIndex(at offset: Int) -> Int? {
        guard !sentenceSpans.isEmpty else { return nil }
        var low = 0, high = sentenceSpans.count
        while low < high {
            let middle = (low + high) / 2
            if sentenceSpans[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// The index of the word covering (or first starting after) scalar offset `offset`.
    package func wordIndex(at offset: Int) -> Int? {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].span.end <= offset { low = middle + 1 } else { high = middle }
        }
        return low < words.count ? low : nil
    }

    /// The indices of the words inside `span`.
    package func wordRange(in span: TextSpan) -> Range<Int> {
        guard let first = wordIndex(at: span.start) else { return words.count..<words.count }
        var end = first
        while end < words.count, words[end].span.start < span.end { end += 1 }
        return first..<end
    }

    /// Whether word `index` ends a clause-level stretch: a sentence-internal break other than a comma.
    package func isBreak(_ index: Int) -> Bool {
        words[index].isBreakText && !words[index].inTimex
    }

    /// Whether word `index` is a comma that is not inside a time expression ("Wednesday, Oct. 28").
    func isComma(_ index: Int) -> Bool {
        words[index].textTerm == .comma && !words[index].inTimex
    }

    /// The clause around word `index`: the words between the nearest breaks or commas on either side
    /// (commas inside time expressions do not count), within its sentence.
    package func clause(around index: Int) -> ClosedRange<Int> {
        let sentence = sentenceWords[words[index].sentence]
        var first = index
        while first > sentence.lowerBound, !isBreak(first - 1), !isComma(first - 1) { first -= 1 }
        var last = index
        while last + 1 < sentence.upperBound, !isBreak(last + 1), !isComma(last + 1) { last += 1 }
        return first...last
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalisedFirst: String {
        guard let first = first else { return self }
        return first.uppercased() + dropFirst()
    }
}
