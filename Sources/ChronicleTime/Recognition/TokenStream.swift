import ChronicleCore

/// Read access to the tokens of one document, with their lexicon entries, for the grammar.
struct TokenStream {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    /// Lexicon entry index per token, -1 when none.
    let lexIndex: [Int16]
    let entries: [LexEntry]
    static let noEntry = LexEntry()

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], lexicon: Lexicon) {
        self.bytes = bytes
        self.tokens = tokens
        self.entries = lexicon.entries
        var lex = [Int16](repeating: -1, count: tokens.count)
        var lastPeriodWord = -1
        for (i, token) in tokens.enumerated() where token.kind == .word {
            let k = lexicon.lookup(bytes, Int(token.byteStart), Int(token.byteEnd))
            lex[i] = k
            if k >= 0, Self.namesPeriod(lexicon.entries[Int(k)]) { lastPeriodWord = i }
        }
        self.lexIndex = lex
        self.lastPeriodWord = lastPeriodWord
    }

    /// The last token that can end a quarter or a half ("quarter", "half", "period", the "Q" of "Q3", the "H" of
    /// "H1"), -1 when none: no quarter or half starts after it.
    let lastPeriodWord: Int

    private static func namesPeriod(_ entry: LexEntry) -> Bool {
        entry.unit == .quarter || entry.keyword == .half || entry.keyword == .period || entry.keyword == .q || entry.keyword == .h
    }

    var count: Int { tokens.count }

    @inline(__always) func entry(_ i: Int) -> LexEntry {
        guard i >= 0, i < tokens.count else { return TokenStream.noEntry }
        let k = lexIndex[i]
        return k < 0 ? TokenStream.noEntry : entries[Int(k)]
    }

    @inline(__always) func hasEntry(_ i: Int) -> Bool { i >= 0 && i < tokens.count && lexIndex[i] >= 0 }

    @inline(__always) func keyword(_ i: Int) -> Keyword { entry(i).keyword }

    @inline(__always) func isKeyword(_ i: Int, _ k: Keyword) -> Bool {
        i >= 0 && i < tokens.count && lexIndex[i] >= 0 && entries[Int(lexIndex[i])].keyword == k
    }

    /// Whether token `i` is the single punctuation byte `c`.
    @inline(__always) func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        return t.kind == .punctuation && t.byteEnd - t.byteStart == 1 && bytes[Int(t.byteStart)] == c
    }

    /// A hyphen or a dash (ASCII "-", or U+2010...U+2015).
    func isDash(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
        let t = tokens[i]
        let b = Int(t.byteStart)
        if t.byteEnd - t.byteStart == 1 { return bytes[b] == 0x2D }
        return t.byteEnd - t.byteStart == 3 && bytes[b] == 0xE2 && bytes[b + 1] == 0x80 && (0x90...0x95).contains(bytes[b + 2])
    }

    /// Whether token `i` joins the two ends of a range that token `first` opens: "from Monday to Friday",
    /// "Tuesday through Sunday", "9:30-11 a.m.", "between 2 and 4 p.m." ("and" only after "between").
    func joinsRange(_ i: Int, openedAt first: Int) -> Bool {
        isText(i, "to") || isText(i, "through") || isText(i, "until") || isDash(i) || isText(i, "and") && isText(first - 1, "between")
    }

    /// An apostrophe (ASCII ' or U+2019).
    func isApostrophe(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
        let t = tokens[i]
        let b = Int(t.byteStart)
        if t.byteEnd - t.byteStart == 1 { return bytes[b] == 0x27 }
        return t.byteEnd - t.byteStart == 3 && bytes[b] == 0xE2 && bytes[b + 1] == 0x80 && (bytes[b + 2] == 0x99 || bytes[b + 2] == 0x98)
    }

    /// A quotation mark: `"`, `'`, `` ` `` or a run of them (`''`, ``` `` ```), or a curly quote (U+2018, U+2019,
    /// U+201C, U+201D).
    func isQuoteMark(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
        let t = tokens[i]
        let range = Int(t.byteStart)..<Int(t.byteEnd)
        if range.count == 3, bytes[range.lowerBound] == 0xE2, bytes[range.lowerBound + 1] == 0x80 {
            return (0x98...0x9D).contains(bytes[range.lowerBound + 2])
        }
        return !range.isEmpty && range.allSatisfy { bytes[$0] == 0x22 || bytes[$0] == 0x27 || bytes[$0] == 0x60 }
    }

    /// No white space between token `i - 1` and token `i`.
    @inline(__always) func glued(_ i: Int) -> Bool {
        i > 0 && i < tokens.count && !tokens[i].spaceBefore
    }

    @inline(__always) func isNumber(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .number }
    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }

    /// The value of a digit token (up to 9 digits), or `nil`.
    func number(_ i: Int) -> Int? {
        guard isNumber(i) else { return nil }
        let t = tokens[i]
        guard t.byteEnd - t.byteStart <= 9 else { return nil }
        var n = 0
        for k in Int(t.byteStart)..<Int(t.byteEnd) { n = n * 10 + Int(bytes[k] - 48) }
        return n
    }

    func digitCount(_ i: Int) -> Int { Int(tokens[i].byteEnd - tokens[i].byteStart) }

    /// Whether a word token starts with an upper-case ASCII letter.
    func isCapitalized(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        let b = bytes[Int(tokens[i].byteStart)]
        return b >= 65 && b <= 90
    }

    /// Whether every letter of a word token is upper-case ASCII.
    func isAllCaps(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        for k in Int(tokens[i].byteStart)..<Int(tokens[i].byteEnd) where bytes[k] >= 97 && bytes[k] <= 122 { return false }
        return true
    }

    /// Whether a word ends with the given lower-case ASCII suffix.
    func hasSuffix(_ i: Int, _ suffix: StaticString) -> Bool {
        guard isWord(i) else { return false }
        let t = tokens[i]
        let n = suffix.utf8CodeUnitCount
        guard Int(t.byteEnd - t.byteStart) > n else { return false }
        let p = suffix.utf8Start
        let start = Int(t.byteEnd) - n
        for k in 0..<n where bytes[start + k] | 0x20 != p[k] { return false }
        return true
    }

    /// Compares a token with a lower-case ASCII word.
    func isText(_ i: Int, _ word: StaticString) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        let n = word.utf8CodeUnitCount
        guard Int(t.byteEnd - t.byteStart) == n else { return false }
        let p = word.utf8Start
        for k in 0..<n {
            var b = bytes[Int(t.byteStart) + k]
            if b >= 65 && b <= 90 { b |= 0x20 }
            if b != p[k] { return false }
        }
        return true
    }

    /// The end of a link ("http://t.co/2014abc", "www.example.com/2015/10"), a handle ("@user2015") or a hashtag
    /// ("#Christmas", "#HWW1HR") that starts at token `i`: nothing inside them is a time expression (a hashtag
    /// names a topic).
    func linkOrHandle(at i: Int) -> Int? {
        // Cheap first look: a link starts with "h" or "w", a handle or a hashtag with its mark.
        let t = tokens[i]
        let first = bytes[Int(t.byteStart)]
        guard t.kind == .word && (first | 0x20 == 0x68 || first | 0x20 == 0x77) || t.kind == .punctuation && (first == 0x40 || first == 0x23) else {
            return nil
        }
        let link = (isText(i, "http") || isText(i, "https")) && isPunct(i + 1, UInt8(ascii: ":")) && glued(i + 1)
            || isText(i, "www") && isPunct(i + 1, UInt8(ascii: ".")) && glued(i + 1)
        let handle = (isPunct(i, UInt8(ascii: "@")) || isPunct(i, UInt8(ascii: "#")) && !glued(i))
            && glued(i + 1) && (isWord(i + 1) || isNumber(i + 1))
        guard link || handle else { return nil }
        var end = i + 1
        while end < count, glued(end), link || isWord(end) || isNumber(end) || isPunct(end, UInt8(ascii: "_")) { end += 1 }
        return end
    }

    /// Whether the text has a link, a handle or a hashtag after a space (a mark of informal writing).
    var containsLinkOrHandle: Bool {
        tokens.indices.contains { (tokens[$0].spaceBefore || $0 == 0) && linkOrHandle(at: $0) != nil }
    }

    /// Whether token `i` is a form of a reporting verb ("said", "says", "announced": ``Vocabulary/reportingVerbForms``).
    /// Not a lexicon entry: the lexicon holds time words only.
    func isReportingVerb(_ i: Int) -> Bool {
        guard isWord(i), tokens[i].byteEnd - tokens[i].byteStart <= 16 else { return false }
        let t = tokens[i]
        var word = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(t.byteStart)..<Int(t.byteEnd)]), as: UTF8.self)
        if isCapitalized(i) { word = word.lowercased() }
        return Vocabulary.reportingVerbForms.contains(word)
    }

    /// The token's text, for diagnostics and debugging only.
    func text(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(t.byteStart)..<Int(t.byteEnd)]), as: UTF8.self)
    }
}
