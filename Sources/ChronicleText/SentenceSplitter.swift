import ChronicleCore

/// Splits a text into sentences, working on its words (see ``WordSegmenter``).
///
/// A sentence ends:
/// - at a blank line (paragraphs, and headlines set apart by a blank line);
/// - after ".", "!", "?", "…" or a run of them ("?!", "..."), with the closing quotes and brackets that
///   follow, when the next word can start a sentence: it is set apart by white space and is not a
///   lower-case word ("Oct. 28" and "Wednesday, Oct. 28" never break: "Oct." is one word);
/// - after an abbreviation that can end a sentence ("Inc.", "U.S.", "etc.") when a line break or a typical
///   sentence opener ("The", "He", "But") follows; the period is then a word of its own, as in UD English
///   EWT ("etc" + ".");
/// - at a single line break after a headline-like line: one without final punctuation, whose words are all
///   capitalised or which has at most five words, before a line that starts with a capital or a digit;
/// - before a list item after a colon ("Steps: 1. Mix"), after a letter's closing before a name on its own
///   ("Thanks, Kim" but not "Thanks, Kim.") and after the date and time of a forwarded e-mail's header
///   ("11/28/2000 09:52 AM").
public struct SentenceSplitter: Sendable {
    public init() {}

    /// The sentences of a token sequence taken from `text`.
    public func split(_ text: String, tokens: [Token]) -> [Sentence] {
        var text = text
        return text.withUTF8 { split(bytes: $0, tokens: tokens) }
    }

    /// The sentences of a token sequence taken from the UTF-8 text `bytes`.
    public func split(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Sentence] {
        segment(bytes: bytes, tokens: tokens, makingWords: false).sentences
    }

    /// The words (see ``WordSegmenter``) and the sentences of a token sequence taken from `text`.
    public func wordsAndSentences(_ text: String, tokens: [Token]) -> (words: [Word], sentences: [Sentence]) {
        var text = text
        return text.withUTF8 { wordsAndSentences(bytes: $0, tokens: tokens) }
    }

    /// The words (see ``WordSegmenter``) and the sentences of a token sequence taken from the UTF-8 text
    /// `bytes`. A sentence-final abbreviation is cut into the word and its period, as in UD English EWT
    /// ("etc." at the end of a sentence is "etc" + ".").
    public func wordsAndSentences(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> (words: [Word], sentences: [Sentence]) {
        segment(bytes: bytes, tokens: tokens, makingWords: true)
    }

    private func segment(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], makingWords: Bool) -> (words: [Word], sentences: [Sentence]) {
        let bounds = WordSegmenter().bounds(bytes: bytes, tokens: tokens, in: 0..<tokens.count)
        guard !bounds.isEmpty else { return ([], []) }
        return tokens.withUnsafeBufferPointer { tokens in
            bounds.withUnsafeBufferPointer { bounds in
                let boundaries = SentenceBoundaries(bytes: bytes, tokens: tokens, words: bounds)
                let decisions = boundaries.find()
                var words: [Word] = []
                if makingWords { words.reserveCapacity(bounds.count + 16) }
                var sentences: [Sentence] = []
                var first = 0
                for (k, decision) in decisions.enumerated() {
                    if makingWords {
                        if decision == .endAfterPeriod {
                            let (stem, period) = boundaries.splitPeriod(of: k)
                            words.append(Word(stem))
                            words.append(Word(period))
                        } else {
                            words.append(Word(bounds[k]))
                        }
                    }
                    guard decision != .none else { continue }
                    let head = bounds[first], tail = bounds[k]
                    sentences.append(Sentence(
                        tokens: Int(head.tokenStart)..<Int(tail.tokenEnd),
                        span: TextSpan(start: Int(head.scalarStart), end: Int(tail.scalarEnd))))
                    first = k + 1
                }
                return (words, sentences)
            }
        }
    }
}

/// One pass of ``SentenceSplitter`` over the words of a text.
private struct SentenceBoundaries {
    /// What follows a word.
    enum Decision: UInt8 {
        /// The sentence goes on.
        case none
        /// The sentence ends after the word.
        case end
        /// The word is an abbreviation whose period also ends the sentence: the period becomes a word of
        /// its own, which ends the sentence.
        case endAfterPeriod
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let words: UnsafeBufferPointer<WordBounds>

    /// The decision after each word; the last word always ends a sentence.
    func find() -> [Decision] {
        let count = words.count
        var decisions = [Decision](repeating: .none, count: count)
        var lineStart = 0  // first word of the current line
        var sentenceStart = 0
        var quoteOpen = false  // an odd number of '"' so far in the paragraph
        var k = 0
        func decide(_ decision: Decision, after index: Int) {
            decisions[index] = decision
            sentenceStart = index + 1
        }
        while k < count - 1 {
            let next = k + 1
            let breaks = lineBreaks(before: next)
            if breaks == 0, words[k].tokenCount == 1, tokens[Int(words[k].tokenStart)].kind.rawValue <= Token.Kind.number.rawValue,
               !isMeridiem(k) {
                // The common case: a plain word or number inside a line.
                k += 1
                continue
            }
            if isStraightDoubleQuote(k) { quoteOpen.toggle() }
            if breaks >= 2 {
                decide(isAbbreviationWithPeriod(k) ? .endAfterPeriod : .end, after: k)
                quoteOpen = false
            } else if isTerminal(k) || isEmoticon(k), !isListMarker(k, sentenceStart: sentenceStart) {
                let end = closersEnd(after: k, quoteOpen: &quoteOpen)
                if end == count || startsSentence(end, afterTerminal: k, closingQuote: end > k + 1 && isQuote(end - 1)) {
                    decide(.end, after: end - 1)
                    if end < count, lineBreaks(before: end) > 0 { lineStart = end }
                    k = end
                    continue
                }
            } else if isAbbreviationWithPeriod(k), canEndSentence(k), breaks > 0 || opensSentence(next) {
                decide(.endAfterPeriod, after: k)
            } else if breaks == 1, isHeadline(lineStart..<next), startsLine(next) {
                decide(.end, after: k)
            } else if isColon(k), isListMarker(next, sentenceStart: next) {
                decide(.end, after: k)
            } else if isSignOff(sentenceStart..<k), isMark(k, UInt8(ascii: ",")), startsLine(next),
                      !(next + 1 < count && isTerminal(next + 1)) {
                decide(.end, after: k)
            } else if isTimestamp(endingAt: k) {
                decide(.end, after: k)
            }
            if breaks > 0 { lineStart = next }
            k += 1
        }
        decisions[count - 1] = isAbbreviationWithPeriod(count - 1) ? .endAfterPeriod : .end
        return decisions
    }

    /// Word `k` ("etc.") cut into the word and its final period.
    func splitPeriod(of k: Int) -> (WordBounds, WordBounds) {
        var stem = words[k]
        let periodToken = stem.tokenEnd - 1
        let period = tokens[Int(periodToken)]
        stem.tokenEnd = periodToken
        stem.byteEnd = period.byteStart
        stem.scalarEnd = Int32(truncatingIfNeeded: period.span.start)
        return (stem, WordBounds(
            byteStart: period.byteStart, byteEnd: period.byteEnd, scalarStart: stem.scalarEnd,
            scalarEnd: stem.scalarEnd + 1, tokenStart: periodToken, tokenEnd: periodToken + 1, spaceBefore: false,
            continuesToken: false))
    }

    // MARK: Word tests

    @inline(__always) private func firstByte(_ k: Int) -> UInt8 { bytes[Int(words[k].byteStart)] }
    @inline(__always) private func lastByte(_ k: Int) -> UInt8 { bytes[Int(words[k].byteEnd) - 1] }
    @inline(__always) private func length(_ k: Int) -> Int { Int(words[k].byteEnd - words[k].byteStart) }

    /// Line feeds between word `k - 1` and word `k`.
    private func lineBreaks(before k: Int) -> Int {
        guard words[k].spaceBefore, k > 0 else { return 0 }
        var count = 0
        for index in Int(words[k - 1].byteEnd)..<Int(words[k].byteStart) where bytes[index] == 0x0A { count += 1 }
        return count
    }

    /// Whether word `k` is made of ".", "!", "?" and "…" only.
    private func isTerminal(_ k: Int) -> Bool {
        let first = firstByte(k)
        guard first == UInt8(ascii: ".") || first == UInt8(ascii: "!") || first == UInt8(ascii: "?") || first == 0xE2 else { return false }
        for t in Int(words[k].tokenStart)..<Int(words[k].tokenEnd) {
            let token = tokens[t]
            guard token.kind == .punctuation else { return false }
            let b = Int(token.byteStart)
            switch token.byteEnd - token.byteStart {
            case 1 where bytes[b] == UInt8(ascii: ".") || bytes[b] == UInt8(ascii: "!") || bytes[b] == UInt8(ascii: "?"):
                continue
            case 3 where bytes[b] == 0xE2 && bytes[b + 1] == 0x80 && bytes[b + 2] == 0xA6:
                continue
            default:
                return false
            }
        }
        return true
    }

    /// Whether word `k` is a closing quote or bracket.
    private func isClosing(_ k: Int) -> Bool {
        switch length(k) {
        case 1:
            let c = firstByte(k)
            return c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]")
        case 2:
            return firstByte(k) == UInt8(ascii: "'") && lastByte(k) == UInt8(ascii: "'")
        case 3:
            // ’ ” »
            let b = Int(words[k].byteStart)
            return (bytes[b] == 0xE2 && bytes[b + 1] == 0x80 && (bytes[b + 2] == 0x99 || bytes[b + 2] == 0x9D))
        default:
            return false
        }
    }

    /// The index past the closing quotes, brackets and emoticons that follow word `k`; a '"' closes only
    /// when a quotation is open (else it opens the next sentence).
    private func closersEnd(after k: Int, quoteOpen: inout Bool) -> Int {
        var end = k + 1
        while end < words.count {
            if isStraightDoubleQuote(end) {
                guard quoteOpen else { break }
                quoteOpen = false
            } else if !(isClosing(end) && (!words[end].spaceBefore || length(end) > 1 || firstByte(end) != UInt8(ascii: "'")))
                        && !isEmoticon(end) {
                break
            }
            end += 1
        }
        return end
    }

    /// Whether word `k` can be the first of a sentence after the terminal mark or emoticon `terminal`: white
    /// space before it, and not a lower-case word after a closing quote ("?" he asked) or after a run of
    /// periods ("..."); in web text a lower-case word often starts a sentence after a plain period.
    private func startsSentence(_ k: Int, afterTerminal terminal: Int, closingQuote: Bool) -> Bool {
        guard words[k].spaceBefore else { return false }
        guard tokens[Int(words[k].tokenStart)].kind == .word, isASCIILowercase(firstByte(k)) else { return true }
        return !closingQuote
            && !(length(terminal) > 1 && firstByte(terminal) == UInt8(ascii: ".") && lastByte(terminal) == UInt8(ascii: "."))
    }

    /// Whether word `k` is a quotation mark: '"', "'", "''", "”" or "’".
    private func isQuote(_ k: Int) -> Bool {
        isClosing(k) && firstByte(k) != UInt8(ascii: ")") && firstByte(k) != UInt8(ascii: "]")
    }

    /// Whether word `k` is '"'.
    private func isStraightDoubleQuote(_ k: Int) -> Bool {
        length(k) == 1 && firstByte(k) == UInt8(ascii: "\"")
    }

    /// Whether word `k` is ":".
    private func isColon(_ k: Int) -> Bool { isMark(k, UInt8(ascii: ":")) }

    /// Whether word `k` is the one-byte mark `character`.
    private func isMark(_ k: Int, _ character: UInt8) -> Bool {
        length(k) == 1 && firstByte(k) == character
    }

    /// Whether word `k` is "AM" or "PM" (any case).
    private func isMeridiem(_ k: Int) -> Bool {
        guard length(k) == 2, lastByte(k) | 0x20 == UInt8(ascii: "m") else { return false }
        let first = firstByte(k) | 0x20
        return first == UInt8(ascii: "a") || first == UInt8(ascii: "p")
    }

    /// Whether `range` holds the words of a letter's closing ("Thanks", "Best regards"), which ends a
    /// sentence at the comma after it ("Thanks, Kim").
    private func isSignOff(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 2 else { return false }
        return range.allSatisfy { Lexical.signOffs.contains(ShortWord(bytes, words[$0].byteRange)) }
    }

    /// Whether words `k - 2...k` are a date, a time and "AM" or "PM", as in the header lines of forwarded
    /// e-mail ("John Smith 11/28/2000 09:52 AM"), after which a sentence ends.
    private func isTimestamp(endingAt k: Int) -> Bool {
        guard k >= 2, isMeridiem(k) else { return false }
        func contains(_ word: Int, _ character: UInt8) -> Bool {
            isASCIIDigit(firstByte(word)) && bytes[words[word].byteRange].contains(character)
        }
        return contains(k - 1, UInt8(ascii: ":")) && contains(k - 2, UInt8(ascii: "/"))
    }

    /// Whether word `k` is an emoticon (":)", ";-)", "^_^").
    private func isEmoticon(_ k: Int) -> Bool {
        guard words[k].tokenCount >= 2 else { return false }
        switch firstByte(k) {
        case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "^"): return true
        case UInt8(ascii: "("): return lastByte(k) == UInt8(ascii: ":")
        case UInt8(ascii: "<"): return lastByte(k) == UInt8(ascii: "3")
        default: return false
        }
    }

    /// Whether word `k` is the number or letter of a list item ("1." or "a)" at the start of a sentence), or
    /// the period or bracket after it.
    private func isListMarker(_ k: Int, sentenceStart: Int) -> Bool {
        var marker = k
        if length(k) == 1, firstByte(k) == UInt8(ascii: ".") || firstByte(k) == UInt8(ascii: ")") {
            marker = k - 1
        } else if k + 1 < words.count, !words[k + 1].spaceBefore, length(k + 1) == 1,
                  firstByte(k + 1) == UInt8(ascii: ".") || firstByte(k + 1) == UInt8(ascii: ")") {
            marker = k
        } else {
            return false
        }
        guard marker == sentenceStart, marker >= 0, length(marker) <= 2 else { return false }
        return tokens[Int(words[marker].tokenStart)].kind == .number || (length(marker) == 1 && isASCIILowercase(firstByte(marker)))
    }

    /// Whether word `k` is letters with a final period ("Inc.", "U.S.", "etc.", "Oct.").
    private func isAbbreviationWithPeriod(_ k: Int) -> Bool {
        words[k].tokenCount > 1 && lastByte(k) == UInt8(ascii: ".") && tokens[Int(words[k].tokenStart)].kind == .word
            && tokens[Int(words[k].tokenEnd) - 1].kind == .punctuation
    }

    /// Whether the abbreviation `k` can end a sentence: not a title, month or initial that announces a name or number.
    private func canEndSentence(_ k: Int) -> Bool {
        let first = tokens[Int(words[k].tokenStart)]
        if words[k].tokenCount == 2 {
            if first.byteEnd - first.byteStart == 1 { return false }  // an initial
            return !Lexical.leadingAbbreviations.contains(ShortWord(bytes, first))
        }
        return true
    }

    /// Whether word `k` typically opens a sentence ("The", "He", "But"), capitalised.
    private func opensSentence(_ k: Int) -> Bool {
        guard words[k].spaceBefore, isASCIIUppercase(firstByte(k)) else { return false }
        return Lexical.sentenceStarters.contains(ShortWord(bytes, words[k].byteRange))
    }

    /// Whether word `k`, the first of a line, can start a sentence after a headline.
    private func startsLine(_ k: Int) -> Bool {
        let c = firstByte(k)
        return isASCIIUppercase(c) || isASCIIDigit(c) || c == UInt8(ascii: "\"") || c >= 0x80
    }

    /// Whether the words `line` look like a headline: no final punctuation, and either at most five words or
    /// every word with letters capitalised.
    private func isHeadline(_ line: Range<Int>) -> Bool {
        guard let last = line.last, tokens[Int(words[last].tokenStart)].kind != .punctuation else { return false }
        if line.count <= 5 { return true }
        for k in line where tokens[Int(words[k].tokenStart)].kind == .word && isASCIILowercase(firstByte(k)) && length(k) > 3 {
            return false
        }
        return true
    }
}
