import ChronicleCore

/// Splits a token sequence into sentences.
///
/// A sentence ends at ".", "!" or "?" (with any closing quotes and brackets after it) when the
/// next token starts a new sentence (a capital, a digit, an opening quote) and the period does not
/// belong to an abbreviation ("Oct.", "Mr.", "U.S."), and always at a blank line.
public struct SentenceSplitter: Sendable {
    public init() {}

    /// Abbreviations after which a period does not end a sentence, lower-cased.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
        "st", "jr", "sr", "rev", "hon", "pres", "supt", "det", "insp", "fr", "messrs", "mmes", "mme", "mlle",
        "jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "inc", "corp", "co", "ltd", "bros", "cos", "plc", "llc", "dept", "univ", "assn", "ave", "blvd", "rd", "mt", "ft",
        "no", "nos", "vol", "vols", "p", "pp", "ch", "fig", "figs", "al", "etc", "vs", "v", "cf", "e.g", "i.e", "approx",
        "est", "min", "max", "misc", "tel", "ext", "a.m", "p.m", "u.s", "u.k", "u.n", "calif", "conn", "fla", "ill",
        "mass", "mich", "minn", "penn", "tenn", "tex", "va", "wash", "wis", "ariz", "ark", "colo", "del", "ga", "ind",
        "kan", "ky", "la", "md", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "vt", "wyo",
    ]

    /// The sentences of a token sequence taken from `text`.
    public func split(_ text: String, tokens: [Token]) -> [Sentence] {
        var text = text
        return text.withUTF8 { split(bytes: $0, tokens: tokens) }
    }

    public func split(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        var sentences: [Sentence] = []
        var start = 0
        func close(_ end: Int) {
            guard end > start else { return }
            sentences.append(Sentence(tokens: start..<end, span: TextSpan(start: tokens[start].span.start, end: tokens[end - 1].span.end)))
            start = end
        }
        func byte(_ i: Int) -> UInt8 { bytes[Int(tokens[i].byteStart)] }
        func isSingle(_ i: Int, _ c: UInt8) -> Bool {
            tokens[i].kind == .punctuation && tokens[i].byteEnd - tokens[i].byteStart == 1 && byte(i) == c
        }
        func isClosing(_ i: Int) -> Bool {
            guard tokens[i].kind == .punctuation else { return false }
            if tokens[i].byteEnd - tokens[i].byteStart == 1 {
                let c = byte(i)
                return c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]")
            }
            // ’ ” »
            let b = Int(tokens[i].byteStart)
            return tokens[i].byteEnd - tokens[i].byteStart == 3 && bytes[b] == 0xE2 && bytes[b + 1] == 0x80 && (bytes[b + 2] == 0x99 || bytes[b + 2] == 0x9D)
        }
        func lineBreaks(before i: Int) -> Int {
            var count = 0
            var k = Int(tokens[i].byteStart) - 1
            let stop = Int(tokens[i - 1].byteEnd)
            while k >= stop {
                if bytes[k] == 0x0A { count += 1 }
                k -= 1
            }
            return count
        }
        func startsSentence(_ i: Int) -> Bool {
            let t = tokens[i]
            switch t.kind {
            case .number: return true
            case .word:
                let b = byte(i)
                return !(b >= 97 && b <= 122)
            case .punctuation, .symbol:
                return true
            }
        }
        func isAbbreviation(_ i: Int) -> Bool {
            guard tokens[i].kind == .word else { return false }
            let length = Int(tokens[i].byteEnd - tokens[i].byteStart)
            // A single letter is an initial ("J. Smith", "U.S.").
            if length == 1 { return true }
            guard length <= 6 else { return false }
            var word = ""
            for k in Int(tokens[i].byteStart)..<Int(tokens[i].byteEnd) {
                let b = bytes[k]
                word.unicodeScalars.append(Unicode.Scalar(b >= 65 && b <= 90 ? b | 0x20 : b))
            }
            return Self.abbreviations.contains(word)
        }
        var i = 0
        while i < tokens.count {
            if i > start, lineBreaks(before: i) >= 2 {
                close(i)
            }
            if isSingle(i, UInt8(ascii: ".")) || isSingle(i, UInt8(ascii: "!")) || isSingle(i, UInt8(ascii: "?")) {
                var end = i + 1
                while end < tokens.count, !tokens[end].spaceBefore || isClosing(end), isClosing(end) || isSingle(end, UInt8(ascii: ".")) {
                    end += 1
                }
                if end >= tokens.count {
                    close(tokens.count)
                    break
                }
                let abbreviation = isSingle(i, UInt8(ascii: ".")) && i > 0 && !tokens[i].spaceBefore && isAbbreviation(i - 1)
                let nextStarts = tokens[end].spaceBefore && startsSentence(end)
                if nextStarts && (!abbreviation || lineBreaks(before: end) > 0) {
                    close(end)
                    i = end
                    continue
                }
                if lineBreaks(before: end) > 0 {
                    close(end)
                    i = end
                    continue
                }
            }
            i += 1
        }
        close(tokens.count)
        return sentences
    }
}
