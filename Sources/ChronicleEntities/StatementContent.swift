import ChronicleCore

/// The content and the channel of a statement (see ``StatementRecognizer`` for the rules).
extension StatementFinder {
    // MARK: - Content

    /// The content of a verb cue, and whether it is explicit (anything but the fallback object).
    func content(of cue: Draft, speaker: Speaker?, in range: Range<Int>) -> (first: Int, last: Int, isExplicit: Bool)? {
        guard let (found, isExplicit) = contentSearch(of: cue, speaker: speaker, in: range) else { return nil }
        return (found.first, found.last, isExplicit)
    }

    func contentSearch(of cue: Draft, speaker: Speaker?, in range: Range<Int>) -> ((first: Int, last: Int), Bool)? {
        func explicit(_ found: (first: Int, last: Int)?) -> ((first: Int, last: Int), Bool)? { found.map { ($0, true) } }
        let verb = cue.verbFirst
        let after = cue.verbLast + 1
        // A quotation right before the subject or the verb: `"...," she said` / `"...," said Smith`.
        let before = min(speaker?.first ?? verb, verb) - 1
        if before >= range.lowerBound, let quote = quotation(endingBefore: before, in: range) { return (quote, true) }
        // A parenthetical: ", she claims," / "(..., she explained)".
        if let speaker, speaker.last < verb, speaker.first - 1 >= range.lowerBound,
           analysis.isComma(speaker.first - 1) || words[speaker.first - 1].textTerm == .openParenthesis {
            var k = after
            while k < range.upperBound, words[k].lower == .out || isFiller(k) { k += 1 }
            let follower = k < range.upperBound ? words[k].textTerm : .period
            if [.comma, .closeParenthesis, .period, .exclamation, .question, .emDash, .enDash].contains(follower) {
                return explicit(parentheticalContent(commaBefore: speaker.first - 1, after: k, in: range))
            }
        }
        // "..., which the magazine points out": the clause the relative pronoun stands for.
        if let speaker, speaker.first - 1 >= range.lowerBound, words[speaker.first - 1].lower == .which || words[speaker.first - 1].lower == .as {
            var end = speaker.first - 2
            while end >= range.lowerBound, analysis.isComma(end) { end -= 1 }
            let start = clauseStart(before: end, in: range, stopAtComma: true)
            if start <= end { return ((start, end), true) }
        }
        guard after < range.upperBound else { return nil }
        // A quotation after the verb.
        var k = after
        while k < range.upperBound, analysis.isComma(k) || words[k].textTerm == .colon { k += 1 }
        if k < range.upperBound, let quote = quotation(startingAt: k, in: range) { return (quote, true) }
        // A colon after the verb and its object: "wants to make one thing perfectly clear: She did not ...".
        var j = after
        while j < range.upperBound, j <= after + 7, !words[j].isFinite || words[j].inTimex {
            if words[j].textTerm == .colon {
                return j + 1 < range.upperBound ? explicit(stretch(from: j + 1, in: range, stopAtComma: false, throughColon: true)) : nil
            }
            if analysis.isBreak(j) { break }
            j += 1
        }
        // A that-clause, after the verb's object or indirect object.
        j = after
        while j < range.upperBound, j <= after + 12 {
            if isComplementiser(j, afterReportingVerb: true) { return explicit(stretch(from: j + 1, in: range, stopAtComma: false)) }
            if analysis.isBreak(j) || words[j].isFinite && !words[j].inTimex || words[j].lemmaFlags.contains(.reportingVerb) && j > after + 1 { break }
            j += 1
        }
        // Content after inverted subject: "Talks will resume, said Sam Adurogboye." is the clause before the comma.
        if let speaker, speaker.first > cue.verbLast {
            var end = cue.verbFirst - 1
            // A passive's subject without its auxiliary: "Reports ... were denied by a spokesman".
            if isPassive(verb, in: range) {
                while end >= range.lowerBound, words[end].tag == .adverb || words[end].lemma == .be || words[end].lemma == .get { end -= 1 }
            }
            while end >= range.lowerBound, analysis.isComma(end) || words[end].isPunctuation && !analysis.isBreak(end) { end -= 1 }
            guard end >= range.lowerBound, !analysis.isBreak(end) else { return nil }
            return ((clauseStart(before: end, in: range, stopAtComma: false), end), true)
        }
        // A bare complement clause: "said she would resign", "told People the interview came first", after
        // prepositional phrases ("said on Wednesday she would resign").
        j = afterPrepositionalPhrases(after, in: range)
        if j < range.upperBound, let mention = mentions.mention(at: j), words[cue.verbFirst].lemma == .tell {
            j = afterPrepositionalPhrases(mention.last + 1, in: range)
        }
        if j < range.upperBound, words[j].tag == .pronoun && words[j].penn == .prp || words[j].isProperNoun || words[j].tag == .determiner {
            var k = j
            while k < range.upperBound, k <= j + 6, !analysis.isComma(k), !analysis.isBreak(k) {
                if words[k].isFinite && !words[k].inTimex && k > j { return explicit(stretch(from: j, in: range, stopAtComma: false)) }
                k += 1
            }
        }
        // The object, up to the next comma.
        let object = afterPrepositionalPhrases(after, in: range)
        if object >= range.upperBound || words[object].isPunctuation { return nil }
        return stretch(from: object, in: range, stopAtComma: true).map { ($0, false) }
    }

    /// The first word at or after `start` that is not in a prepositional phrase or time expression right after
    /// the verb ("on Wednesday", "in a statement", "to reporters", "late Tuesday").
    func afterPrepositionalPhrases(_ start: Int, in range: Range<Int>) -> Int {
        var j = start
        while j < range.upperBound {
            if words[j].inTimex || words[j].tag == .adverb && words[j].lower != .that { j += 1; continue }
            guard words[j].tag == .adposition, words[j].lower != .that else { break }
            var k = j + 1
            while k < range.upperBound, words[k].tag == .determiner || words[k].penn == .prpPossessive || words[k].tag == .adjective
                || words[k].tag == .numeral || words[k].isNoun && !(k + 1 < range.upperBound && words[k + 1].isFinite) || words[k].inTimex {
                k += 1
            }
            if k == j + 1 { break }
            j = k
        }
        return j
    }

    /// The words from `start` up to the end of the stretch: a sentence-internal break (a comma too when
    /// `stopAtComma`) or the end of the sentence, without final punctuation.
    func stretch(from start: Int, in range: Range<Int>, stopAtComma: Bool, throughColon: Bool = false) -> (first: Int, last: Int)? {
        var first = start
        while first < range.upperBound, words[first].isPunctuation { first += 1 }
        guard first < range.upperBound else { return nil }
        var last = first
        while last + 1 < range.upperBound {
            let next = last + 1
            if analysis.isBreak(next) && !(throughColon && words[next].textTerm == .colon) { break }
            if stopAtComma && analysis.isComma(next) { break }
            last = next
        }
        while last > first, words[last].isPunctuation { last -= 1 }
        if words[last].isPunctuation { return nil }
        return (first, last)
    }

    /// The start of the clause that ends at word `end`: after the previous break (or comma when
    /// `stopAtComma`), skipping punctuation and a leading conjunction.
    func clauseStart(before end: Int, in range: Range<Int>, stopAtComma: Bool) -> Int {
        var start = end
        while start - 1 >= range.lowerBound, !analysis.isBreak(start - 1), !(stopAtComma && analysis.isComma(start - 1)) { start -= 1 }
        return skipLeadIn(start, upTo: end)
    }

    func skipLeadIn(_ start: Int, upTo end: Int) -> Int {
        var start = start
        while start < end, words[start].isPunctuation || Self.isLeadingConjunction(words[start].lower) && start < end {
            start += 1
        }
        return start
    }

    static func isLeadingConjunction(_ term: Term) -> Bool {
        switch term {
        case .and, .but, .so, .yet, .or: true
        default: false
        }
    }

    /// Content around a parenthetical speaker–verb pair; `comma` is the comma (or bracket) before the
    /// subject, `follower` the first word after the verb.
    func parentheticalContent(commaBefore comma: Int, after follower: Int, in range: Range<Int>) -> (first: Int, last: Int)? {
        // The bracket the parenthetical lives in, if any.
        var open: Int?
        var k = comma
        while k >= range.lowerBound {
            if words[k].textTerm == .closeParenthesis { break }
            if words[k].textTerm == .openParenthesis { open = k; break }
            k -= 1
        }
        let regionStart = skipLeadIn((open ?? (range.lowerBound - 1)) + 1, upTo: comma)
        var regionEnd = range.upperBound - 1
        if open != nil, let close = (follower..<range.upperBound).first(where: { words[$0].textTerm == .closeParenthesis }) { regionEnd = close - 1 }
        while regionEnd > regionStart, words[regionEnd].isPunctuation { regionEnd -= 1 }
        let isFinal = follower >= range.upperBound || [.closeParenthesis, .period, .exclamation, .question].contains(words[follower].textTerm)
            || follower > regionEnd
        var end = isFinal ? comma - 1 : regionEnd
        while end > regionStart, words[end].isPunctuation { end -= 1 }
        guard regionStart <= end, !words[end].isPunctuation else { return nil }
        return (regionStart, end)
    }

    /// The quotation (inside its marks) that starts with an opening mark at word `k`.
    func quotation(startingAt k: Int, in range: Range<Int>) -> (first: Int, last: Int)? {
        let opening = words[k].textTerm
        guard opening == .quote || opening == .openQuote || opening == .apostrophe else { return nil }
        // “ closes with ”; " and ' with themselves or ”.
        guard let end = (k + 1..<range.upperBound).first(where: {
            let term = words[$0].textTerm
            return term == .closeQuote || opening != .openQuote && term == opening
        }), end > k + 1 else { return nil }
        var last = end - 1
        while last > k + 1, words[last].isPunctuation { last -= 1 }
        return (k + 1, last)
    }

    /// The quotation whose closing mark is at or just before word `j` (`"...," she said`).
    func quotation(endingBefore j: Int, in range: Range<Int>) -> (first: Int, last: Int)? {
        var close = j
        while close >= range.lowerBound, analysis.isComma(close) { close -= 1 }
        guard close >= range.lowerBound else { return nil }
        let closing = words[close].textTerm
        guard closing == .quote || closing == .closeQuote || closing == .apostrophe else { return nil }
        // ” opens with “; " and ' with themselves or “.
        guard let start = (range.lowerBound..<close).last(where: {
            let term = words[$0].textTerm
            return term == .openQuote || closing != .closeQuote && term == closing
        }), start + 1 < close else { return nil }
        var last = close - 1
        while last > start + 1, words[last].isPunctuation { last -= 1 }
        return (start + 1, last)
    }

    /// Whether word `j` is the complementiser "that" (not a determiner or pronoun: "that thing", "that was").
    func isComplementiser(_ j: Int, afterReportingVerb: Bool = false) -> Bool {
        guard words[j].lower == .that, !words[j].inTimex else { return false }
        if words[j].tag == .subordinatingConjunction || words[j].penn == .in { return true }
        // Tagged as a pronoun or determiner: a complementiser when a clause follows ("that she was", "that the timing";
        // after a reporting verb, anything but a verb or punctuation: "said that talks would resume").
        guard j + 1 < words.count, words[j + 1].sentence == words[j].sentence else { return false }
        let next = words[j + 1]
        if afterReportingVerb { return !(next.isFinite || next.isAuxiliary || next.isVerb || next.isPunctuation) }
        return next.tag == .pronoun && next.penn == .prp || next.tag == .determiner || next.isProperNoun
    }

    func firstContentWord(of range: Range<Int>) -> Int {
        var i = range.lowerBound
        while i < range.upperBound, words[i].isPunctuation { i += 1 }
        return i
    }

    // MARK: - Channel

    func channel(of cue: Draft, content: (first: Int, last: Int)?, in range: Range<Int>) -> (name: String, span: TextSpan)? {
        // The stretch the verb is in (brackets, dashes, semicolons and colons bound it; commas do not).
        var lower = cue.verbFirst
        while lower - 1 >= range.lowerBound, !analysis.isBreak(lower - 1) { lower -= 1 }
        var upper = cue.verbLast
        while upper + 1 < range.upperBound, !analysis.isBreak(upper + 1) { upper += 1 }
        func inContent(_ k: Int) -> Bool { content.map { $0.first <= k && k <= $0.last } ?? false }
        var best: (name: String, span: TextSpan, distance: Int)?
        func consider(_ name: String, _ span: TextSpan, at k: Int) {
            let distance = abs(k - cue.verbFirst)
            if best == nil || distance < best!.distance { best = (name, span, distance) }
        }
        for k in lower...upper where !inContent(k) && !words[k].inTimex {
            let word = words[k]
            // "on Twitter", "via her Instagram account".
            if [.on, .via, .through, .over, .onto].contains(word.lower), let (name, span) = namedChannel(after: k + 1, upTo: upper) {
                consider(name, span, at: k)
            }
            // "took to Twitter".
            if [.take, .go, .turn, .head].contains(word.lemma), word.isVerb, k + 1 <= upper, words[k + 1].lower == .to,
               let (name, span) = namedChannel(after: k + 2, upTo: upper) {
                consider(name, span, at: k)
            }
            // "told People", "told reporters".
            if word.lemma == .tell, word.isVerb, k + 1 <= upper {
                var j = k + 1
                if words[j].lowerFlags.contains(.adverbialFiller), j + 1 <= upper { j += 1 }
                if let mention = mentions.mention(at: j), mention.first == j, let kind = mentions.kind(of: mention),
                   [.organisation, .other].contains(kind), let name = mentions.name(of: mention) {
                    consider(name, mention.span, at: k)
                } else if words[j].lowerFlags.contains(.audienceNoun), words[j].lower != .fans {
                    consider(analysis.lower(of: j), words[j].span, at: k)
                } else if words[j].tag == .determiner {
                    // "told a news conference", "told the briefing".
                    var head = j + 1
                    while head <= upper, words[head].tag == .adjective || words[head].isNoun && head + 1 <= upper && words[head + 1].isNoun { head += 1 }
                    if head <= upper, words[head].isNoun, words[head].lemmaFlags.contains(.channelNoun) {
                        let span = analysis.span(j, head)
                        consider(analysis.text(span), span, at: k)
                    }
                }
            }
            // "in a statement", "in an interview with People".
            if [.in, .during, .via, .through, .with].contains(word.lower) {
                var j = k + 1
                while j <= upper, words[j].tag == .determiner || words[j].penn == .prpPossessive || words[j].tag == .adjective
                    || words[j].penn == .pos || (words[j].isProperNoun && j + 1 <= upper && words[j + 1].isNoun) {
                    j += 1
                }
                if j <= upper, words[j].lemmaFlags.contains(.channelNoun), words[j].isNoun {
                    if j + 2 <= upper, [.with, .to, .on, .for].contains(words[j + 1].lower),
                       let (name, span) = namedChannel(after: j + 2, upTo: upper) {
                        consider(name, span, at: k)
                    } else {
                        let span = analysis.span(k + 1, j)
                        consider(analysis.text(span), span, at: k)
                    }
                }
            }
        }
        if let best { return (best.name, best.span) }
        if cue.verbTerm == .tweet || cue.verbTerm == .retweet { return ("Twitter", analysis.span(cue.verbFirst, cue.verbLast)) }
        return nil
    }

    /// A platform or a named organisation starting at word `k` (after a possessive or article).
    func namedChannel(after k: Int, upTo upper: Int) -> (String, TextSpan)? {
        var j = k
        while j <= upper, words[j].tag == .determiner || words[j].penn == .prpPossessive { j += 1 }
        guard j <= upper else { return nil }
        if words[j].lowerFlags.contains(.platform) { return (analysis.text(of: j).capitalisedFirst, words[j].span) }
        if let mention = mentions.mention(at: j), mention.first == j, [.name, .acronym, .shortName].contains(mention.form), let kind = mentions.kind(of: mention),
           [.organisation, .other].contains(kind), let name = mentions.name(of: mention) {
            return (name, mention.span)
        }
        return nil
    }
}
