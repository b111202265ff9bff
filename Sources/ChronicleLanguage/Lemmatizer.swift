/// How a lemma is derived from a word form when the model's lexicon has no entry for the form and tag:
/// one rule per Penn tag.
enum LemmaRule: UInt8, Sendable {
    /// The form lower-cased (most tags).
    case lowercase
    /// The form as written (proper nouns, addresses).
    case keep
    /// A plural noun: "-ies" → "-y", "-ches"/"-shes"/"-sses"/"-xes"/"-zes" → drop "es", else drop "s".
    case plural
    /// A plural proper noun: like ``plural``, keeping the case ("Americans" → "American").
    case properPlural
    /// A verb in the third person singular: "-ies" → "-y", "-oes" and sibilants + "es" → drop "es", else drop "s".
    case thirdPerson
    /// A past tense or participle: "-ied" → "-y", "-eed" → "-ee", else drop "ed" (see ``Lemmatizer``).
    case past
    /// A gerund or present participle: drop "ing" (see ``Lemmatizer``).
    case gerund
    /// A comparative: "-ier" → "-y", else drop "er".
    case comparative
    /// A superlative: "-iest" → "-y", else drop "est".
    case superlative

    init(pennTag: String) {
        switch pennTag {
        case "NNP", "ADD", "GW", "SYM", "NFP": self = .keep
        case "NNPS": self = .properPlural
        case "NNS": self = .plural
        case "VBZ": self = .thirdPerson
        case "VBD", "VBN": self = .past
        case "VBG": self = .gerund
        case "JJR", "RBR": self = .comparative
        case "JJS", "RBS": self = .superlative
        default: self = .lowercase
        }
    }
}

/// Lemmas from rules, for the words the model's lexicon does not list (the lexicon holds the lemmas that
/// the training data gives and the rules miss: irregular forms, "n't" → "not", "I" → "I").
enum Lemmatizer {
    /// The lexicon key of a form (lower-cased) with a Penn tag (given by its hash).
    static func key(form: UnsafeBufferPointer<UInt8>, tagHash: UInt64) -> UInt32 {
        var hash = StableHash.offset
        for byte in form { hash = StableHash.add(hash, byte &- 65 < 26 ? byte | 0x20 : byte) }
        return StableHash.key(101, StableHash.finish(hash), tagHash)
    }

    /// The lemma that `rule` gives for `form`.
    static func lemma(of form: UnsafeBufferPointer<UInt8>, rule: LemmaRule) -> String {
        if rule == .keep { return String(decoding: form, as: UTF8.self) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: form.count + 2) { buffer in
            let keepsCase = rule == .properPlural
            for (index, byte) in form.enumerated() {
                buffer[index] = keepsCase || byte &- 65 >= 26 ? byte : byte | 0x20
            }
            var word = RuleWord(bytes: buffer, count: form.count)
            switch rule {
            case .lowercase, .keep: break
            case .plural, .properPlural: word.singularise(verb: false)
            case .thirdPerson: word.singularise(verb: true)
            case .past: word.removeVerbEnding("ed")
            case .gerund: word.removeVerbEnding("ing")
            case .comparative: word.removeGradeEnding("er")
            case .superlative: word.removeGradeEnding("est")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<word.count]), as: UTF8.self)
        }
    }
}

/// A word being cut down to its lemma, in a buffer with room for two more bytes.
private struct RuleWord {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    var count: Int

    func ends(with suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count > length else { return false }
        return suffix.withUTF8Buffer { suffix in
            (0..<length).allSatisfy { bytes[count - length + $0] | 0x20 == suffix[$0] }
        }
    }

    func isVowel(_ index: Int) -> Bool {
        switch bytes[index] | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): true
        default: false
        }
    }

    func isLetter(_ index: Int) -> Bool { (bytes[index] | 0x20) &- 97 < 26 }

    mutating func replaceEnding(dropping length: Int, with ending: StaticString = "") {
        count -= length
        ending.withUTF8Buffer { ending in
            for byte in ending {
                bytes[count] = byte
                count += 1
            }
        }
    }

    /// "babies" → "baby", "watches" → "watch", "cats" → "cat"; verbs also "goes" → "go".
    mutating func singularise(verb: Bool) {
        guard count > 2, ends(with: "s"), !ends(with: "ss"), !ends(with: "us"), !ends(with: "is") else { return }
        if count > 4, ends(with: "ies") {
            replaceEnding(dropping: 3, with: "y")
        } else if ends(with: "sses") || ends(with: "ches") || ends(with: "shes") || ends(with: "xes") || ends(with: "zzes")
                    || (verb && ends(with: "oes")) {
            replaceEnding(dropping: 2)
        } else {
            replaceEnding(dropping: 1)
        }
    }

    /// "tried" → "try", "agreed" → "agree", "stopped" → "stop", "hoped" → "hope", "making" → "make".
    mutating func removeVerbEnding(_ ending: StaticString) {
        let length = ending.utf8CodeUnitCount
        guard count >= length + 2, ends(with: ending) else { return }
        if length == 2 {
            if ends(with: "ied") {
                count > 4 ? replaceEnding(dropping: 3, with: "y") : replaceEnding(dropping: 1)
                return
            }
            if ends(with: "eed") {
                replaceEnding(dropping: 1)
                return
            }
        }
        count -= length
        restoreStem()
    }

    /// "bigger" → "big", "happier" → "happy", "later" → "late".
    mutating func removeGradeEnding(_ ending: StaticString) {
        let length = ending.utf8CodeUnitCount
        guard count >= length + 2, ends(with: ending) else { return }
        if bytes[count - length - 1] | 0x20 == UInt8(ascii: "i") {
            replaceEnding(dropping: length + 1, with: "y")
            return
        }
        count -= length
        restoreStem()
    }

    /// After a suffix is cut off: undoes a doubled final consonant ("stopp" → "stop") or restores a silent
    /// "e" ("hop" → "hope", "solv" → "solve", "handl" → "handle", "rescu" → "rescue").
    private mutating func restoreStem() {
        guard count >= 2, isLetter(count - 1) else { return }
        let last = bytes[count - 1] | 0x20
        if last == bytes[count - 2] | 0x20, !isVowel(count - 1) {
            switch last {
            case UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "f"): return
            default:
                count -= 1
                return
            }
        }
        // A stem ending in "u" had a silent "e": "pursu" → "pursue", "rescu" → "rescue", "queu" → "queue".
        if last == UInt8(ascii: "u"), count >= 3 {
            replaceEnding(dropping: 0, with: "e")
            return
        }
        if isVowel(count - 1) || last == UInt8(ascii: "w") || last == UInt8(ascii: "x") || last == UInt8(ascii: "y") { return }
        switch last {
        case UInt8(ascii: "v"), UInt8(ascii: "z"), UInt8(ascii: "c"):
            replaceEnding(dropping: 0, with: "e")
            return
        case UInt8(ascii: "l") where !isVowel(count - 2) && bytes[count - 2] | 0x20 != UInt8(ascii: "l"):
            replaceEnding(dropping: 0, with: "e")
            return
        default:
            break
        }
        // A one-syllable stem ending in one vowel and one consonant: "hop", "mak", "us", "writ".
        guard isVowel(count - 2), count < 3 || !isVowel(count - 3) else { return }
        var groups = 0, index = 0
        while index < count {
            if isVowel(index) {
                groups += 1
                while index < count, isVowel(index) { index += 1 }
            } else {
                index += 1
            }
        }
        if groups == 1 { replaceEnding(dropping: 0, with: "e") }
    }
}
