import ChronicleCore

/// The tense a sentence puts a time expression in, as far as its words tell.
enum Tense: Sendable {
    case past, present, future, unknown
}

/// Guesses the tense governing a time expression from the verbs around it, without a tagger:
/// auxiliaries and modals ("will", "'ll", "was", "had"), "said", common irregular past forms and
/// regular "-ed" forms. The nearest cue in the same sentence wins, looking left first.
struct TenseCues {
    let s: TokenStream

    static let pastWords: Set<String> = [
        "was", "were", "had", "did", "said", "told", "took", "came", "went", "made", "gave", "began", "held", "met", "saw",
        "left", "rose", "fell", "won", "lost", "paid", "sold", "bought", "found", "got", "put", "hit", "cut", "quit", "led",
        "ran", "spent", "sent", "brought", "thought", "became", "knew", "wrote", "spoke", "broke", "chose", "drove",
        "flew", "fought", "kept", "meant", "shot", "stood", "struck", "swore", "taught", "threw", "woke", "wore", "grew",
        "drew", "felt", "heard", "built", "caught", "dealt", "fled", "forgot", "hid", "lay", "lent", "lit", "sat", "slept",
        "sought", "spun", "stole", "stuck", "sank", "sang", "swam", "tore", "understood", "wept", "withdrew", "ago", "yesterday",
        "wasn't", "weren't", "didn't", "hadn't",
    ]
    static let futureWords: Set<String> = [
        "will", "shall", "'ll", "won't", "tomorrow", "upcoming", "would", "plans", "plan", "planned", "expects", "expected",
        "scheduled", "intends", "due", "slated", "set", "going",
    ]
    static let presentWords: Set<String> = ["is", "are", "am", "says", "say", "has", "have", "isn't", "aren't"]
    static let notVerbsInEd: Set<String> = ["need", "speed", "seed", "feed", "bed", "red", "led", "wed", "shed", "hundred", "indeed", "proceed", "exceed", "succeed", "breed", "greed", "weed", "creed", "deed", "sacred", "kindred", "naked", "wicked", "wretched", "rugged", "ragged", "crooked", "beloved", "learned", "aged", "united", "limited", "based", "related", "detailed", "advanced", "supposed", "used", "fixed", "mixed", "estimated", "expected", "scheduled", "planned", "proposed", "anticipated", "projected", "intended", "slated"]

    /// The tense around tokens `range`, looking no further than the sentence `bounds`.
    func tense(around range: Range<Int>, within bounds: Range<Int>) -> Tense {
        var left = range.lowerBound - 1
        var right = range.upperBound
        // Look left first, up to 12 tokens, then right.
        var distance = 0
        while distance < 14 {
            if left >= bounds.lowerBound, left >= 0 {
                if let t = cue(left, leftOfExpression: true) { return t }
                left -= 1
            }
            if distance >= 1, right < bounds.upperBound, right < s.count {
                if let t = cue(right, leftOfExpression: false) { return t }
                right += 1
            }
            distance += 1
        }
        return .unknown
    }

    private func cue(_ i: Int, leftOfExpression: Bool) -> Tense? {
        let t = s.tokens[i]
        if t.kind == .punctuation {
            // "'ll", "'s" are split off; look at the apostrophe's next token.
            if s.isApostrophe(i), s.isText(i + 1, "ll") { return .future }
            return nil
        }
        guard t.kind == .word else { return nil }
        let length = Int(t.byteEnd - t.byteStart)
        guard length <= 12 else { return nil }
        var word = ""
        word.reserveCapacity(length)
        for k in Int(t.byteStart)..<Int(t.byteEnd) {
            let b = s.bytes[k]
            guard b < 0x80 else { return nil }
            word.unicodeScalars.append(Unicode.Scalar(b >= 65 && b <= 90 ? b | 0x20 : b))
        }
        if Self.futureWords.contains(word) {
            // "set", "due", "going" only as "set to", "due to", "going to"
            if word == "set" || word == "due" || word == "going" {
                return s.isText(i + 1, "to") || s.isText(i + 1, "for") ? .future : nil
            }
            if word == "expected" || word == "planned" || word == "scheduled" {
                return s.isText(i + 1, "to") || s.isText(i + 1, "for") || s.isText(i + 1, "on") ? .future : nil
            }
            return .future
        }
        if Self.pastWords.contains(word) { return .past }
        if Self.presentWords.contains(word) {
            // "has been", "have said": perfect tenses point to the past; "is to" to the future.
            if word == "has" || word == "have" { return .past }
            if s.isText(i + 1, "to") { return .future }
            return .present
        }
        if length > 4, word.hasSuffix("ed"), !Self.notVerbsInEd.contains(word), !s.isCapitalized(i) {
            return .past
        }
        return nil
    }
}
