import ChronicleCore

/// A word of a document with what statement finding and the timeline ask about it, computed once.
struct AnalysedWord: Sendable {
    var text: String
    /// ``text`` lower-cased.
    var lower: String
    /// The lemma, lower-cased (the text lower-cased when the word has no lemma).
    var lemma: String
    var tag: UniversalTag?
    var penn: String
    var span: TextSpan
    var sentence: Int
    /// Whether the first letter is upper-case.
    var isCapitalised: Bool
    /// Whether the word lies inside a time expression.
    var inTimex: Bool
    let isPunctuation: Bool
    let isVerb: Bool
    let isAuxiliary: Bool
    /// A finite verb or auxiliary (past, present, modal): the head of a clause.
    let isFinite: Bool
    let isNoun: Bool
    let isProperNoun: Bool
    let isNegation: Bool

    init(text: String, lower: String, lemma: String, tag: UniversalTag?, penn: String, span: TextSpan, sentence: Int,
         isCapitalised: Bool, inTimex: Bool) {
        self.text = text
        self.lower = lower
        self.lemma = lemma
        self.tag = tag
        self.penn = penn
        self.span = span
        self.sentence = sentence
        self.isCapitalised = isCapitalised
        self.inTimex = inTimex
        isPunctuation = tag == .punctuation || !text.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        isVerb = tag == .verb || penn.hasPrefix("VB") && tag != .auxiliary
        isAuxiliary = tag == .auxiliary || penn == "MD"
        isFinite = penn == "VBD" || penn == "VBZ" || penn == "VBP" || penn == "MD"
        isNoun = tag == .noun || tag == .properNoun || penn.hasPrefix("NN")
        isProperNoun = tag == .properNoun || penn.hasPrefix("NNP")
        isNegation = lemma == "not" || lower == "n't" || lower == "never" || lower == "no"
    }
}

/// The words of a document arranged for the rule-based readers of this module: per-word text, lemma and
/// tags, the word range of every sentence, and the document's UTF-8 bytes for cheap span-to-text conversion.
struct DocumentAnalysis: Sendable {
    let text: String
    let words: [AnalysedWord]
    /// The word indices of each sentence of ``Document/sentences`` (when a document has no sentences, one range of all words).
    let sentenceWords: [Range<Int>]
    let sentenceSpans: [TextSpan]
    /// UTF-8 byte offsets of the words (start, end), to cut their text out of ``utf8`` cheaply.
    private let byteRanges: [Range<Int>]
    private let utf8: [UInt8]

    init(_ document: Document) {
        text = document.text
        utf8 = Array(document.text.utf8)
        var spans = document.sentences.map(\.span)
        if spans.isEmpty, let first = document.words.first, let last = document.words.last {
            spans = [TextSpan(start: first.span.start, end: last.span.end)]
        }
        sentenceSpans = spans
        let timexSpans = document.timeExpressions.map(\.span).sorted()
        var ranges: [Range<Int>] = []
        var analysed: [AnalysedWord] = []
        analysed.reserveCapacity(document.words.count)
        byteRanges = document.words.map { Int($0.byteStart)..<Int($0.byteEnd) }
        var sentence = 0
        var timexIndex = 0
        for (index, word) in document.words.enumerated() {
            while sentence + 1 < spans.count, spans[sentence].end <= word.span.start { sentence += 1 }
            while timexIndex < timexSpans.count, timexSpans[timexIndex].end <= word.span.start { timexIndex += 1 }
            let inTimex = timexIndex < timexSpans.count && timexSpans[timexIndex].overlaps(word.span)
            let bytes = byteRanges[index]
            var text = bytes.upperBound <= utf8.count && bytes.lowerBound <= bytes.upperBound ? String(decoding: utf8[bytes], as: UTF8.self) : ""
            if text.unicodeScalars.count != word.span.length { text = document.text(of: word.span) }  // words made without byte offsets
            let lower = Self.lowercased(text)
            let firstByte = bytes.lowerBound < utf8.count ? utf8[bytes.lowerBound] : 0
            let isCapitalised = firstByte < 0x80
                ? (0x41...0x5A).contains(firstByte)
                : text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
            analysed.append(AnalysedWord(
                text: text, lower: lower, lemma: word.lemma.map(Self.lowercased) ?? lower, tag: word.universalTag,
                penn: word.pennTag ?? "", span: word.span, sentence: sentence, isCapitalised: isCapitalised, inTimex: inTimex))
        }
        words = analysed
        var start = 0
        for index in spans.indices {
            var end = start
            while end < analysed.count, analysed[end].sentence == index { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        sentenceWords = ranges
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
    func text(_ span: TextSpan) -> String {
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
    func span(_ first: Int, _ last: Int) -> TextSpan {
        TextSpan(start: words[first].span.start, end: words[max(first, last)].span.end)
    }

    /// The index of the sentence holding scalar offset `offset` (the last one starting at or before it).
    func sentenceIndex(at offset: Int) -> Int? {
        guard !sentenceSpans.isEmpty else { return nil }
        var low = 0, high = sentenceSpans.count
        while low < high {
            let middle = (low + high) / 2
            if sentenceSpans[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// The index of the word covering (or first starting after) scalar offset `offset`.
    func wordIndex(at offset: Int) -> Int? {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].span.end <= offset { low = middle + 1 } else { high = middle }
        }
        return low < words.count ? low : nil
    }

    /// The indices of the words inside `span`.
    func wordRange(in span: TextSpan) -> Range<Int> {
        guard let first = wordIndex(at: span.start) else { return words.count..<words.count }
        var end = first
        while end < words.count, words[end].span.start < span.end { end += 1 }
        return first..<end
    }

    /// Whether word `index` ends a clause-level stretch: a sentence-internal break other than a comma.
    func isBreak(_ index: Int) -> Bool {
        Lexicon.clauseBreaks.contains(words[index].text) && !words[index].inTimex
    }

    /// Whether word `index` is a comma that is not inside a time expression ("Wednesday, Oct. 28").
    func isComma(_ index: Int) -> Bool {
        words[index].text == "," && !words[index].inTimex
    }

    /// The clause around word `index`: the words between the nearest breaks or commas on either side
    /// (commas inside time expressions do not count), within its sentence.
    func clause(around index: Int) -> ClosedRange<Int> {
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
