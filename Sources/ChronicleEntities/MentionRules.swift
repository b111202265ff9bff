import ChronicleCore

/// The word tests of ``MentionIndex``: what may be a name, a title or a bridge between the words of a name,
/// a name's kind, headlines and bylines, subjects.
extension MentionIndex {
    // MARK: - Word tests

    static func isNameLike(_ i: Int, _ words: [AnalysedWord], sentenceStart: Int) -> Bool {
        let word = words[i]
        if word.isCamelCase, !word.inTimex { return true }  // "iPod", "iTunes", "eBay"
        guard word.isCapitalised, !word.inTimex, !word.lowerFlags.contains(.notName), !isBridge(i, words) else { return false }
        guard word.hasLowercaseOrLength else { return false }
        if word.tag == .pronoun || word.tag == .determiner || word.tag == .adposition || word.tag == .auxiliary { return false }
        // At the start of a sentence (or after an opening quote or bracket), only a proper noun is a name.
        var k = i - 1
        while k >= sentenceStart, words[k].isPunctuation { k -= 1 }
        let isInitial = k < sentenceStart
        if isInitial || words[k].textTerm == .colon { return word.isProperNoun }
        return true
    }

    /// A word that continues a name without being one: a model number or letter after it ("iPhone 4", "iPhone 3G",
    /// "Mac OS X"), up to four characters, outside time expressions.
    static func continuesName(_ j: Int, _ words: [AnalysedWord]) -> Bool {
        let word = words[j]
        guard !word.inTimex, !word.isPunctuation, word.span.length <= 4, words[j - 1].span.end < word.span.start else { return false }
        if word.isCapitalised, !word.hasLowercaseOrLength { return word.tag != .pronoun && word.tag != .determiner }
        return !word.startsAlphabetic && word.penn != .pos && word.textTerm != .apostrophe
    }

    /// A capitalised function word or a hyphen, which may join the words of a name or title.
    static func isBridge(_ i: Int, _ words: [AnalysedWord]) -> Bool {
        let word = words[i]
        if word.textTerm == .hyphen { return true }
        guard word.isCapitalised else {
            switch word.textTerm {
            case .of, .de, .van, .von, .der, .da, .du, .la, .le, .al, .bin, .ampersand: return true
            default: return false
            }
        }
        switch word.tag {
        case .adposition?, .determiner?, .coordinatingConjunction?, .particle?, .subordinatingConjunction?: break
        default: return false
        }
        switch word.lower {
        case .of, .the, .with, .up, .and, .a, .in, .on, .for, .to, .at, .by, .from: return true
        default: return false
        }
    }

    static func adjacent(_ i: Int, _ words: [AnalysedWord]) -> Bool {
        i > 0 && i + 1 < words.count && words[i - 1].span.end == words[i].span.start && words[i].span.end == words[i + 1].span.start
    }

    /// The titles of a word (lower-cased) that make the name after it a person's: `nil` when it is none.
    static func honorific(_ word: AnalysedWord) -> LexiconFlags? {
        let titles = word.lowerFlags.intersection([.femaleTitle, .maleTitle, .neutralTitle])
        return titles.isEmpty ? nil : titles
    }

    /// The tokens of a name, and what ``kind(name:bridged:honorific:words:first:)`` asks of them lower-cased.
    struct Name {
        var tokens: [String]
        /// The vocabulary entries of the first and last token, and whether any token is a platform.
        var first: Vocabulary.Entry
        var last: Vocabulary.Entry
        var hasPlatform: Bool
        /// Whether a token is an organisation word ("Institute" in "Northern Institute of Palaeontology").
        var hasOrganisationWord: Bool
        /// Whether a token looks like a product's: camel-case ("iPod"), with a digit ("A380", "4"), or a later
        /// token in capitals ("Mac OS X").
        var hasModelToken: Bool
    }

    /// The tokens of the name of words `first...last`, with the vocabulary entries of the tokens lower-cased
    /// (those of the words when a token is one word).
    static func name(_ first: Int, _ last: Int, _ analysis: DocumentAnalysis) -> Name {
        let words = analysis.words
        var tokens: [String] = []
        // The word of each token, -1 for hyphenated ones (made of several words).
        var tokenWords: [Int] = []
        var i = first
        var cut = i
        for k in i..<last where words[k + 1].isCapitalised {
            let lower = words[k].lowerFlags
            if lower.contains(.strongTitle) || lower.contains(.nameTitle) && last - k >= 2 && cut == k { cut = k + 1 }
        }
        i = cut
        tokens.reserveCapacity(last - cut + 1)
        tokenWords.reserveCapacity(last - cut + 1)
        while i <= last {
            if words[i].textTerm == .hyphen, adjacent(i, words), !tokens.isEmpty, i + 1 <= last {
                tokens[tokens.count - 1] += "-" + analysis.text(of: i + 1)
                tokenWords[tokenWords.count - 1] = -1
                i += 2
                continue
            }
            tokens.append(analysis.text(of: i))
            tokenWords.append(i)
            i += 1
        }
        let vocabulary = Vocabulary.shared
        func entry(_ t: Int) -> Vocabulary.Entry {
            let word = tokenWords[t]
            return word >= 0 ? Vocabulary.Entry(term: words[word].lower, flags: words[word].lowerFlags) : lowerEntry(tokens[t], vocabulary)
        }
        let none = Vocabulary.Entry(term: .other, flags: [])
        let hasModelToken = tokens.enumerated().contains { index, token in
            let scalars = token.unicodeScalars
            guard let first = scalars.first else { return false }
            if first.properties.isLowercase, scalars.contains(where: { $0.properties.isUppercase }) { return true }
            if scalars.contains(where: { ("0"..."9").contains($0) }) { return true }
            return index > 0 && scalars.count >= 2 && scalars.allSatisfy { $0.properties.isUppercase }
        }
        return Name(
            tokens: tokens, first: tokens.isEmpty ? none : entry(0), last: tokens.isEmpty ? none : entry(tokens.count - 1),
            hasPlatform: tokens.indices.contains { entry($0).flags.contains(.platform) },
            hasOrganisationWord: tokens.indices.contains { entry($0).flags.contains(.organisationSuffix) }, hasModelToken: hasModelToken)
    }

    /// The vocabulary entry of a token lower-cased.
    static func lowerEntry(_ token: String, _ vocabulary: Vocabulary) -> Vocabulary.Entry {
        var token = token
        let entry: Vocabulary.Entry? = token.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return nil }
            return vocabulary.entry(lowercasing: bytes)
        }
        return entry ?? vocabulary.entry(of: token.lowercased())
    }

    static func kind(name: Name, bridged: Bool, honorific: LexiconFlags?, words: [AnalysedWord], first: Int) -> Kind {
        let tokens = name.tokens
        if tokens.count == 1, name.first.flags.contains(.platform) { return .platform }
        // "Keeping Up With The Kardashians" is a title; "Northern Institute of Palaeontology" an organisation.
        if bridged { return name.hasOrganisationWord ? .organisation : .title }
        if !tokens.isEmpty, name.last.flags.contains(.organisationSuffix) { return .organisation }
        if name.hasModelToken { return .product }
        if !tokens.isEmpty, name.first.term == .the { return .organisation }
        if honorific != nil { return .person }
        if tokens.count == 1 { return words[first].penn == .nnps ? .group : .unknown }
        if name.hasPlatform { return .organisation }
        return .person
    }

    /// Which sentences are headlines or bylines (among the first four), and the byline's.
    static func nonProse(_ analysis: DocumentAnalysis) -> (flags: [Bool], byline: Int?) {
        var flags = [Bool](repeating: false, count: analysis.sentenceWords.count)
        var byline: Int?
        for (index, range) in analysis.sentenceWords.enumerated().prefix(4) where !range.isEmpty {
            if isByline(range, analysis.words) {
                byline = index
                flags[index] = true
            } else if isHeadline(range, analysis.words, sentenceIndex: index) {
                flags[index] = true
            }
        }
        return (flags, byline)
    }

    static func isByline(_ range: Range<Int>, _ words: [AnalysedWord]) -> Bool {
        let content = range.filter { !words[$0].isPunctuation }
        guard content.count >= 2, content.count <= 5, words[content[0]].lower == .by else { return false }
        return content.dropFirst().allSatisfy { words[$0].isCapitalised }
    }

    static func isHeadline(_ range: Range<Int>, _ words: [AnalysedWord], sentenceIndex: Int) -> Bool {
        guard let last = range.last else { return false }
        switch words[last].textTerm {
        case .period, .exclamation, .question, .quote, .closeQuote, .closeParenthesis: return false
        default: break
        }
        let alphabetic = range.filter { words[$0].startsAlphabetic }
        guard alphabetic.count >= 2 else { return false }
        let capitalised = alphabetic.filter { words[$0].isCapitalised }.count
        return capitalised * 10 >= alphabetic.count * 6
    }

    /// Whether the mention ending at word `last` is the subject of the verb that follows it.
    static func isSubject(after last: Int, _ words: [AnalysedWord], _ analysis: DocumentAnalysis) -> Bool {
        let sentence = analysis.sentenceWords[words[last].sentence]
        var j = last + 1
        while j < sentence.upperBound {
            let word = words[j]
            if word.lowerFlags.contains(.adverbialFiller) || word.tag == .adverb { j += 1; continue }
            if word.lower == .and || word.lower == .or {
                // "Kardashian and Odom are ...": skip the coordinated name.
                var k = j + 1
                while k < sentence.upperBound, words[k].isProperNoun || words[k].isCapitalised { k += 1 }
                if k == j + 1 { return false }
                j = k
                continue
            }
            return word.isVerb || word.isAuxiliary
        }
        return false
    }
}
