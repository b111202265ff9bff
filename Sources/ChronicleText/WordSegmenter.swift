import ChronicleCore

/// Groups the fine-grained tokens of a text into syntactic words, following UD English EWT.
///
/// The ``Tokenizer`` cuts at every punctuation mark; this stage puts back together what EWT writes as
/// one word and splits what EWT writes as two:
///
/// - one word: URLs, e-mail addresses, @handles, #hashtags, numbers with inner punctuation ("3.5",
///   "7:30", "1,000", "11/28/2000", "713-853-3989"), letters and digits written together ("1990s",
///   "28th", "mp3"), abbreviations with their period ("Oct.", "Mr.", "U.S.", "e.g."), domain and file
///   names ("enron.com", "budget.xls"), names with an inner apostrophe ("O'Brien"), hyphenated words
///   after a prefix that EWT keeps ("e-mail", "post-hospitalization"), "AT&T", runs of the same
///   punctuation mark ("...", "--", "!!", "?!"), emoticons (":-)") and emoji sequences (flags, skin tones,
///   ZWJ sequences);
/// - two words: clitics ("do" + "n't", "Kardashian" + "'s", "I" + "'m", "parents" + "'"), contractions
///   written without an apostrophe ("dont", "cannot", "gonna"); other hyphenated words are split at the
///   hyphen ("30-year-old" is "30", "-", "year", "-", "old"), as EWT does.
public struct WordSegmenter: Sendable {
    public init() {}

    /// The words of `text`, whose fine tokens are `tokens`.
    public func words(in text: String, tokens: [Token]) -> [Word] {
        var text = text
        return text.withUTF8 { words(bytes: $0, tokens: tokens) }
    }

    /// The words of the UTF-8 text `bytes`, whose fine tokens are `tokens`.
    public func words(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Word] {
        words(bytes: bytes, tokens: tokens, in: 0..<tokens.count)
    }

    /// The words made of the tokens in `range` only (one sentence, say); nothing outside it is read.
    public func words(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], in range: Range<Int>) -> [Word] {
        bounds(bytes: bytes, tokens: tokens, in: range).map(Word.init)
    }

    /// The words of the tokens in `range`, as offsets only.
    func bounds(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], in range: Range<Int>) -> [WordBounds] {
        tokens.withUnsafeBufferPointer { tokens in
            var scanner = WordScanner(bytes: bytes, tokens: tokens, start: range.lowerBound, end: range.upperBound)
            scanner.words.reserveCapacity(range.count)
            var index = range.lowerBound
            while index < range.upperBound {
                index = scanner.scan(at: index)
            }
            return scanner.words
        }
    }
}

/// A word as the segmenter and the sentence splitter handle it: offsets only (a trivial type, cheap to copy
/// and store), made into a ``Word`` at the end.
struct WordBounds {
    var byteStart: Int32
    var byteEnd: Int32
    var scalarStart: Int32
    var scalarEnd: Int32
    var tokenStart: Int32
    var tokenEnd: Int32
    var spaceBefore: Bool
    var continuesToken: Bool

    var byteRange: Range<Int> { Int(byteStart)..<Int(byteEnd) }
    var tokenCount: Int { Int(tokenEnd - tokenStart) }
}

extension Word {
    init(_ bounds: WordBounds) {
        self.init(
            span: TextSpan(start: Int(bounds.scalarStart), end: Int(bounds.scalarEnd)), byteStart: bounds.byteStart,
            byteEnd: bounds.byteEnd, tokens: Int(bounds.tokenStart)..<Int(bounds.tokenEnd), spaceBefore: bounds.spaceBefore,
            continuesToken: bounds.continuesToken)
    }
}

/// One pass of ``WordSegmenter`` over a range of tokens.
private struct WordScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let start: Int
    let end: Int
    var words: [WordBounds] = []
    /// The last opening single quote ("'" or "‘" before a word), while it may still be closed: an apostrophe
    /// after a plural then closes it rather than marking a possessive.
    var openSingleQuote: Int?

    private static let period = UInt8(ascii: ".")

    /// Whether `byte` is a last letter of the contractions written without an apostrophe ("tmesal", either
    /// case): a cheap test before the lookup. `| 0x20` maps only the capitals of these letters onto them.
    @inline(__always)
    private static func endsContraction(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "e"), UInt8(ascii: "s"), UInt8(ascii: "a"), UInt8(ascii: "l"): true
        default: false
        }
    }

    // MARK: Token tests (all false past the end of the range)

    /// Whether token `i` exists and is written right after the previous token, without white space.
    @inline(__always) func glued(_ i: Int) -> Bool { i < end && !tokens[i].spaceBefore }
    @inline(__always) func isAlphanumeric(_ i: Int) -> Bool { i < end && tokens[i].kind.rawValue <= Token.Kind.number.rawValue }
    @inline(__always) func isLetters(_ i: Int) -> Bool { i < end && tokens[i].kind == .word }
    @inline(__always) func isNumber(_ i: Int) -> Bool { i < end && tokens[i].kind == .number }
    @inline(__always) func length(_ i: Int) -> Int { Int(tokens[i].byteEnd - tokens[i].byteStart) }
    @inline(__always) func firstByte(_ i: Int) -> UInt8 { bytes[Int(tokens[i].byteStart)] }
    @inline(__always) func lastByte(_ i: Int) -> UInt8 { bytes[Int(tokens[i].byteEnd) - 1] }
    @inline(__always) func short(_ i: Int) -> ShortWord? { ShortWord(bytes, tokens[i]) }

    /// The character of a one-byte punctuation token; nil for anything else.
    @inline(__always) func mark(_ i: Int) -> UInt8? {
        guard i < end, tokens[i].kind == .punctuation, length(i) == 1 else { return nil }
        return firstByte(i)
    }

    @inline(__always) func isMark(_ i: Int, _ character: UInt8) -> Bool { mark(i) == character }

    /// "'", "’" or "`": the marks that can start a clitic.
    func isApostrophe(_ i: Int) -> Bool {
        guard i < end, tokens[i].kind == .punctuation else { return false }
        let b = Int(tokens[i].byteStart)
        switch length(i) {
        case 1: return bytes[b] == UInt8(ascii: "'") || bytes[b] == UInt8(ascii: "`")
        case 3: return bytes[b] == 0xE2 && bytes[b + 1] == 0x80 && bytes[b + 2] == 0x99
        default: return false
        }
    }

    /// The end of the run of letter and digit tokens written together from `i` ("1990s", "mp3"), short of
    /// a unit after a number ("5" in "5pm").
    func alphanumericRunEnd(from i: Int) -> Int {
        var j = i + 1
        while glued(j), isAlphanumeric(j) {
            if isLetters(j), isNumber(j - 1), Lexical.units.contains(short(j)), !(glued(j + 1) && isAlphanumeric(j + 1)) { break }
            j += 1
        }
        return j
    }

    /// Whether tokens `i` and `j` have the same bytes.
    func sameText(_ i: Int, _ j: Int) -> Bool {
        let a = tokens[i], b = tokens[j]
        guard a.byteEnd - a.byteStart == b.byteEnd - b.byteStart else { return false }
        for k in 0..<Int(a.byteEnd - a.byteStart) where bytes[Int(a.byteStart) + k] != bytes[Int(b.byteStart) + k] {
            return false
        }
        return true
    }

    // MARK: Output

    /// Adds the word made of the whole tokens `range`.
    mutating func emit(_ range: Range<Int>, continuesToken: Bool = false) {
        let first = tokens[range.lowerBound], last = tokens[range.upperBound - 1]
        words.append(WordBounds(
            byteStart: first.byteStart, byteEnd: last.byteEnd,
            scalarStart: Int32(truncatingIfNeeded: first.span.start), scalarEnd: Int32(truncatingIfNeeded: last.span.end),
            tokenStart: Int32(truncatingIfNeeded: range.lowerBound), tokenEnd: Int32(truncatingIfNeeded: range.upperBound),
            spaceBefore: first.spaceBefore || range.lowerBound == start, continuesToken: continuesToken))
    }

    /// Adds the words `range` cut `tail` ASCII bytes before the end of its last token: the stem, then the
    /// clitic made of those bytes and the tokens `clitic` ("do" + "n't" from `don` `'` `t`).
    mutating func emitSplit(_ range: Range<Int>, tail: Int, clitic: Range<Int>) {
        let first = tokens[range.lowerBound], cut = tokens[range.upperBound - 1], last = tokens[clitic.upperBound - 1]
        let byteCut = cut.byteEnd - Int32(tail), scalarCut = Int32(truncatingIfNeeded: cut.span.end - tail)
        words.append(WordBounds(
            byteStart: first.byteStart, byteEnd: byteCut, scalarStart: Int32(truncatingIfNeeded: first.span.start),
            scalarEnd: scalarCut, tokenStart: Int32(truncatingIfNeeded: range.lowerBound),
            tokenEnd: Int32(truncatingIfNeeded: range.upperBound), spaceBefore: first.spaceBefore || range.lowerBound == start,
            continuesToken: false))
        words.append(WordBounds(
            byteStart: byteCut, byteEnd: last.byteEnd, scalarStart: scalarCut, scalarEnd: Int32(truncatingIfNeeded: last.span.end),
            tokenStart: Int32(truncatingIfNeeded: range.upperBound - 1), tokenEnd: Int32(truncatingIfNeeded: clitic.upperBound),
            spaceBefore: false, continuesToken: true))
    }

    /// Whether the last `count` bytes of token `i` are ASCII letters (so that bytes and scalars agree).
    func endsWithASCIILetters(_ i: Int, _ count: Int) -> Bool {
        guard length(i) > count else { return false }
        let stop = Int(tokens[i].byteEnd)
        for k in (stop - count)..<stop where !(isASCIILowercase(bytes[k]) || isASCIIUppercase(bytes[k])) { return false }
        return true
    }

    // MARK: Scanning

    /// Adds the word or words that start at token `i`; returns the index of the first token after them.
    mutating func scan(at i: Int) -> Int {
        switch tokens[i].kind {
        case .word, .number: scanAlphanumeric(at: i)
        case .punctuation: scanPunctuation(at: i)
        case .symbol: scanSymbol(at: i)
        }
    }

    private mutating func scanAlphanumeric(at i: Int) -> Int {
        guard glued(i + 1) else {
            // The common case: a word on its own.
            emitSplittingContraction(i..<(i + 1))
            return i + 1
        }
        if let j = urlEnd(at: i) ?? emailEnd(at: i) {
            emit(i..<j)
            return j
        }
        var j = acronymEnd(at: i) ?? compoundEnd(at: i)
        if j == i + 1, glued(j) {
            if isMark(j, Self.period), !isMark(j + 1, Self.period), isAbbreviation(i) {
                j += 1
            } else if isMark(j, UInt8(ascii: "$")), isLetters(i), length(i) <= 3, isASCIIUppercase(lastByte(i)) {
                // "US$", "C$".
                j += 1
            }
        }
        return emitWithClitics(i..<j)
    }

    /// Adds the word `unit` and splits off the clitic that follows it, or that it ends with; returns the end.
    private mutating func emitWithClitics(_ unit: Range<Int>) -> Int {
        let j = unit.upperBound, last = j - 1
        if glued(j), isApostrophe(j) {
            // "do" + "n't", "Kardashian" + "'s", "I" + "'m".
            if glued(j + 1), isLetters(j + 1), !(glued(j + 2) && isAlphanumeric(j + 2)) {
                let clitic = short(j + 1)
                if clitic == ShortWord("t"), isLetters(last), lowercased(lastByte(last)) == UInt8(ascii: "n") {
                    if endsWithASCIILetters(last, 1) {
                        emitSplit(unit, tail: 1, clitic: j..<(j + 2))
                        return j + 2
                    }
                    if unit.count == 1, length(last) == 1 {
                        // "n't" written apart.
                        emit(last..<(j + 2))
                        return j + 2
                    }
                }
                if Lexical.apostropheClitics.contains(clitic) {
                    emit(unit)
                    emit(j..<(j + 2), continuesToken: true)
                    return j + 2
                }
            }
            // "parents" + "'": a possessive apostrophe after a plural, before another word (unless it closes a quote).
            if let open = openSingleQuote, j - open < 40 {
                openSingleQuote = nil
            } else if isLetters(last), lowercased(lastByte(last)) == UInt8(ascii: "s"), j + 1 < end, tokens[j + 1].spaceBefore,
               isAlphanumeric(j + 1) {
                emit(unit)
                emit(j..<(j + 1), continuesToken: true)
                return j + 1
            }
        }
        emitSplittingContraction(unit)
        return j
    }

    /// Adds the word `unit`, or the two words of a contraction written without an apostrophe ("dont" =
    /// "do" + "nt", "cannot" = "can" + "not").
    @inline(__always)
    private mutating func emitSplittingContraction(_ unit: Range<Int>) {
        let last = unit.upperBound - 1
        if unit.count == 1, isLetters(last), length(last) >= 2, Self.endsContraction(lastByte(last)),
           let tail = Lexical.bareContractions.value(for: short(last)) {
            emitSplit(unit, tail: Int(tail), clitic: unit.upperBound..<unit.upperBound)
        } else {
            emit(unit)
        }
    }

    /// Whether the letters of token `i` followed by a period are an abbreviation ("Mr.", "Oct.", "J.").
    private func isAbbreviation(_ i: Int) -> Bool {
        guard isLetters(i) else { return false }
        if length(i) == 1 { return isASCIIUppercase(firstByte(i)) && firstByte(i) != UInt8(ascii: "I") }
        guard let word = short(i),
              Lexical.leadingAbbreviations.contains(word) || Lexical.trailingAbbreviations.contains(word)
        else { return false }
        return !Lexical.capitalisedOnly.contains(word) || isASCIIUppercase(firstByte(i))
    }

    /// The end of a URL starting at `i` ("http://...", "www.example.com/...", "mailto:..."), trailing
    /// punctuation excluded.
    private func urlEnd(at i: Int) -> Int? {
        guard isLetters(i), length(i) <= 6, let word = short(i) else { return nil }
        var j: Int
        switch word {
        case ShortWord("http"), ShortWord("https"), ShortWord("ftp"):
            guard isMark(i + 1, UInt8(ascii: ":")), glued(i + 1), isMark(i + 2, UInt8(ascii: "/")), glued(i + 2),
                  isMark(i + 3, UInt8(ascii: "/")), glued(i + 3) else { return nil }
            j = i + 4
        case ShortWord("mailto"):
            guard isMark(i + 1, UInt8(ascii: ":")), glued(i + 1), glued(i + 2) else { return nil }
            j = i + 2
        case ShortWord("www"):
            guard isMark(i + 1, Self.period), glued(i + 1), glued(i + 2), isAlphanumeric(i + 2) else { return nil }
            j = i + 2
        default:
            return nil
        }
        var hasParenthesis = false
        while glued(j) {
            if isMark(j, UInt8(ascii: "(")) { hasParenthesis = true }
            j += 1
        }
        while j > i + 2, let character = mark(j - 1) {
            switch character {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"), UInt8(ascii: ">"):
                j -= 1
            case UInt8(ascii: ")") where !hasParenthesis:
                j -= 1
            default:
                return j
            }
        }
        return j
    }

    /// The end of an e-mail address starting at `i` ("carol.st.clair@enron.com", "Rice@ENRON").
    private func emailEnd(at i: Int) -> Int? {
        var k = i + 1
        while glued(k) {
            if isAlphanumeric(k) {
                k += 1
                continue
            }
            guard let character = mark(k) else { return nil }
            if character == UInt8(ascii: "@") { break }
            switch character {
            case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "%"): k += 1
            default: return nil
            }
        }
        guard glued(k), isMark(k, UInt8(ascii: "@")), glued(k + 1), isAlphanumeric(k + 1) else { return nil }
        var m = k + 1
        while true {
            m = alphanumericRunEnd(from: m)
            guard glued(m), glued(m + 1), isAlphanumeric(m + 1), let character = mark(m),
                  character == Self.period || character == UInt8(ascii: "-") else { break }
            m += 1
        }
        return m
    }

    /// The end of letters separated by periods ("U.S.", "e.g.", "a.k.a", "Ph.D."), final period included.
    ///
    /// The first part has one or two letters, the others one letter each, so that "it.He" (a missing space)
    /// is not taken for an abbreviation.
    private func acronymEnd(at i: Int) -> Int? {
        guard isLetters(i), length(i) <= 2 else { return nil }
        var k = i, parts = 1
        while glued(k + 1), isMark(k + 1, Self.period), glued(k + 2), isLetters(k + 2), length(k + 2) == 1,
              !(glued(k + 3) && isAlphanumeric(k + 3)) {
            k += 2
            parts += 1
        }
        guard parts >= 2 else { return nil }
        if glued(k + 1), isMark(k + 1, Self.period), !(glued(k + 2) && isAlphanumeric(k + 2)) {
            return k + 2
        }
        return k + 1
    }

    /// The end of a word that can hold inner punctuation: numbers ("3.5", "1,000", "7:30", "9/11",
    /// "713-853-3989"), domain names, prefixed hyphenated words, "AT&T", "file_name", "O'Brien".
    private func compoundEnd(at i: Int) -> Int {
        var j = alphanumericRunEnd(from: i)
        var partStart = i
        while glued(j), glued(j + 1), isAlphanumeric(j + 1) {
            let next = j + 1
            if isApostrophe(j) {
                // An inner apostrophe that does not start a clitic: "O'Brien", "Sha'lan".
                let clitic = short(next)
                let startsClitic = isLetters(next) && !(glued(next + 1) && isAlphanumeric(next + 1))
                    && (Lexical.apostropheClitics.contains(clitic) || clitic == ShortWord("t"))
                guard !startsClitic, isLetters(j - 1), isLetters(next) else { break }
                j = alphanumericRunEnd(from: next)
                continue
            }
            guard let character = mark(j) else { break }
            let numbers = isNumber(j - 1) && isNumber(next)
            switch character {
            case Self.period:
                if numbers {
                    j = alphanumericRunEnd(from: next)
                } else if let domain = domainEnd(fromPeriod: j) {
                    j = domain
                } else {
                    return j
                }
            case UInt8(ascii: ","):
                guard numbers, length(next) == 3, !(glued(next + 1) && isAlphanumeric(next + 1)) else { return j }
                j = next + 1
            case UInt8(ascii: ":"):
                guard numbers else { return j }
                j = alphanumericRunEnd(from: next)
            case UInt8(ascii: "/"), UInt8(ascii: "-"):
                if numbers, partStart == j - 1, let chain = numberChainEnd(from: partStart, separator: character) {
                    j = chain
                    partStart = j - 1
                    continue
                }
                guard character == UInt8(ascii: "-"), partStart == j - 1, isLetters(partStart), isAlphanumeric(next),
                      let prefix = short(partStart), Lexical.hyphenPrefixes.contains(prefix),
                      prefix != ShortWord("e") || isASCIILowercase(firstByte(next)) else { return j }
                j = alphanumericRunEnd(from: next)
            case UInt8(ascii: "&"):
                guard partStart == j - 1, isLetters(partStart), length(partStart) <= 3, isASCIIUppercase(firstByte(partStart)),
                      isLetters(next), isASCIIUppercase(firstByte(next)) else { return j }
                j = alphanumericRunEnd(from: next)
            case UInt8(ascii: "_"):
                j = alphanumericRunEnd(from: next)
            default:
                return j
            }
            partStart = next
        }
        return j
    }

    /// The end of numbers joined by `separator` from `i` when EWT writes them as one word: dates and
    /// phone numbers ("11/28/2000", "9/11", "713-853-3989", "345-9945"), not ranges and fractions ("5-10",
    /// "1969-1970", "1/2"). Nil when they are separate words.
    private func numberChainEnd(from i: Int, separator: UInt8) -> Int? {
        var j = i + 1, groups = 1
        while glued(j), isMark(j, separator), glued(j + 1), isNumber(j + 1), !(glued(j + 2) && isLetters(j + 2)) {
            j += 2
            groups += 1
        }
        guard groups == 2 else { return groups > 2 ? j : nil }
        let first = length(i), second = length(i + 2)
        if separator == UInt8(ascii: "-") {
            return second == 4 && (first == 1 || first == 3 || first == 5) ? j : nil
        }
        guard first <= 2, second <= 2 else { return nil }
        let month = Int(firstByte(i) - 48) * (first == 2 ? 10 : 1) + (first == 2 ? Int(lastByte(i) - 48) : 0)
        let day = Int(firstByte(i + 2) - 48) * (second == 2 ? 10 : 1) + (second == 2 ? Int(lastByte(i + 2) - 48) : 0)
        let isFraction = month < day && day <= 4
        return (1...12).contains(month) && (1...31).contains(day) && !isFraction ? j : nil
    }

    /// The end of ".com" in "enron.com" or of ".xls" in "budget.xls": `period` starts one or more
    /// dotted parts, the last of which is a known top-level domain or file extension (lower case or
    /// all capitals). Nil when the parts do not end that way.
    private func domainEnd(fromPeriod period: Int) -> Int? {
        var k = period
        var lastPart = period + 1
        while glued(k), isMark(k, Self.period), glued(k + 1), isAlphanumeric(k + 1) {
            lastPart = k + 1
            k = alphanumericRunEnd(from: k + 1)
        }
        guard k == lastPart + 1, isLetters(lastPart), Lexical.domainEndings.contains(short(lastPart)) else { return nil }
        let first = firstByte(lastPart), final = lastByte(lastPart)
        let lower = isASCIILowercase(first) && isASCIILowercase(final)
        let upper = isASCIIUppercase(first) && isASCIIUppercase(final)
        return lower || upper ? k : nil
    }

    private mutating func scanPunctuation(at i: Int) -> Int {
        if let j = emoticonEnd(at: i) {
            emit(i..<j)
            return j
        }
        var j = i + 1
        switch mark(i) {
        case UInt8(ascii: "@")?, UInt8(ascii: "#")?:
            // @handle, #hashtag (not "a@b", which is no handle, nor "# 5").
            if glued(j), isLetters(j), !(i > start && glued(i) && isAlphanumeric(i - 1)) {
                j = alphanumericRunEnd(from: j)
                while glued(j), isMark(j, UInt8(ascii: "_")), glued(j + 1), isAlphanumeric(j + 1) {
                    j = alphanumericRunEnd(from: j + 1)
                }
            }
        case .some(Self.period) where glued(j) && isLetters(j) && Lexical.domainEndings.contains(short(j)) && !(glued(j + 1) && isAlphanumeric(j + 1)):
            // ".doc" written apart.
            j += 1
        case UInt8(ascii: "+")? where glued(j) && isNumber(j) && (tokens[i].spaceBefore || i == start):
            // "+44".
            j = alphanumericRunEnd(from: j)
        default:
            let beforeWord = isApostrophe(i) && glued(j) && isAlphanumeric(j)
            if beforeWord, isNumber(j), length(j) == 2 {
                // "'90s", "’72".
                j = alphanumericRunEnd(from: j)
            } else if beforeWord, isLetters(j), Lexical.apostropheClitics.contains(short(j)), !(glued(j + 1) && isAlphanumeric(j + 1)) {
                // "'s" written apart.
                j += 1
            } else if isApostrophe(i) {
                openSingleQuote = beforeWord && (tokens[i].spaceBefore || i == start) ? i : nil
            }
            if j > i + 1 {
                break
            } else if isTerminal(i) {
                j = terminalRunEnd(from: i)
            } else if isSingleQuote(i) {
                // "‘’", "’’".
                while glued(j), isSingleQuote(j) { j += 1 }
            } else {
                // "--", "**", "''", "——": runs of one mark.
                while glued(j), tokens[j].kind == .punctuation, sameText(i, j) { j += 1 }
            }
        }
        emit(i..<j)
        return j
    }

    /// The end of a run of ".", "!", "?" and "…" ("...", "?!", ".?"); a run of periods stops before another
    /// mark ("..." "?"), as in EWT.
    func terminalRunEnd(from i: Int) -> Int {
        var j = i + 1
        while glued(j), isTerminal(j) {
            if j - i >= 2, !sameText(j, j - 1), isMark(j - 1, Self.period), isMark(j - 2, Self.period) { break }
            j += 1
        }
        return j
    }

    /// Whether token `i` is "‘" or "’".
    func isSingleQuote(_ i: Int) -> Bool {
        guard i < end, tokens[i].kind == .punctuation, length(i) == 3 else { return false }
        let b = Int(tokens[i].byteStart)
        return bytes[b] == 0xE2 && bytes[b + 1] == 0x80 && (bytes[b + 2] == 0x98 || bytes[b + 2] == 0x99)
    }

    /// Whether token `i` is ".", "!", "?" or "…".
    func isTerminal(_ i: Int) -> Bool {
        guard i < end, tokens[i].kind == .punctuation else { return false }
        let b = Int(tokens[i].byteStart)
        switch length(i) {
        case 1: return bytes[b] == Self.period || bytes[b] == UInt8(ascii: "!") || bytes[b] == UInt8(ascii: "?")
        case 3: return bytes[b] == 0xE2 && bytes[b + 1] == 0x80 && bytes[b + 2] == 0xA6
        default: return false
        }
    }

    /// Emoticons, matched token by token (each string is the text of consecutive tokens written together).
    private static let emoticons: [[UInt8]] = [
        ":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":p", ":-P", ":/", ":-/", "=)", "=(", "(:",
        "^_^", "^^", "<3", ":'(", ":o", ":O", ":]", ":[", ";D", ":|", ":-|", ":*", ":-*", "=D",
    ].map { Array($0.utf8) }

    /// The end of an emoticon starting at `i`, when it is not glued to a following letter or digit.
    private func emoticonEnd(at i: Int) -> Int? {
        let first = firstByte(i)
        guard first == UInt8(ascii: ":") || first == UInt8(ascii: ";") || first == UInt8(ascii: "=")
            || first == UInt8(ascii: "(") || first == UInt8(ascii: "^") || first == UInt8(ascii: "<") else { return nil }
        candidates: for emoticon in Self.emoticons where emoticon[0] == first {
            var j = i, offset = 0
            while offset < emoticon.count {
                guard j < end, j == i || glued(j) else { continue candidates }
                for b in tokens[j].byteRange {
                    guard offset < emoticon.count, bytes[b] == emoticon[offset] else { continue candidates }
                    offset += 1
                }
                j += 1
            }
            if glued(j), isAlphanumeric(j) { continue }
            return j
        }
        return nil
    }

    /// An emoji with its modifiers, variation selectors and ZWJ continuations, or a flag (two regional
    /// indicators); any other symbol on its own.
    private mutating func scanSymbol(at i: Int) -> Int {
        var j = i + 1
        let first = scalar(i)
        if Self.isRegionalIndicator(first) {
            if glued(j), Self.isRegionalIndicator(scalar(j)) { j += 1 }
        } else if Self.isEmoji(first) {
            while glued(j) {
                let next = scalar(j)
                if next == 0xFE0F || next == 0x20E3 || (0x1F3FB...0x1F3FF).contains(next) {
                    j += 1
                } else if next == 0x200D, glued(j + 1), Self.isEmoji(scalar(j + 1)) {
                    j += 2
                } else {
                    break
                }
            }
        }
        emit(i..<j)
        return j
    }

    /// The first scalar of token `i`.
    private func scalar(_ i: Int) -> UInt32 {
        UTF8Scalar.decode(bytes, at: Int(tokens[i].byteStart)).0
    }

    private static func isRegionalIndicator(_ scalar: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar) }

    private static func isEmoji(_ scalar: UInt32) -> Bool {
        (0x1F000...0x1FAFF).contains(scalar) || (0x2600...0x27BF).contains(scalar) || (0x2B00...0x2BFF).contains(scalar)
    }
}
