import ChronicleCalendar
import ChronicleCore
import ChronicleEntities

/// Derivational roots, so that "hospitalized" and "hospitalization" are recognised as one event.
enum Derivation {
    /// Lemmas too light to identify an event.
    static let neverMerged: Set<String> = [
        "be", "hav", "do", "get", "mak", "tak", "go", "com", "giv", "seem", "appear", "becom", "keep", "want", "need",
        "think", "know", "believ", "see", "sai", "say", "tell", "put", "us", "let", "try", "tri", "start", "begin", "continu",
    ].reduce(into: Set<String>()) { $0.insert($1) }

    private static let irregular: [String: String] = [
        "death": "die", "dead": "die", "flight": "fly", "loss": "lose", "sale": "sell", "choice": "choose", "speech": "speak",
        "explanation": "explain", "decision": "decide", "marriage": "marry", "birth": "born", "proof": "prove", "life": "live",
        "trial": "try", "defence": "defend", "defense": "defend", "offence": "offend", "offense": "offend", "response": "respond",
        "departure": "depart", "failure": "fail", "pursuit": "pursue", "complaint": "complain", "threat": "threaten",
        "growth": "grow", "analysis": "analyze", "description": "describe", "admission": "admit", "permission": "permit",
        "intervention": "intervene", "revelation": "reveal", "collision": "collide", "invasion": "invade", "conclusion": "conclude",
        "diversion": "divert", "conversion": "convert", "extension": "extend", "expansion": "expand", "suspension": "suspend",
        "arrival": "arrive", "approval": "approve", "refusal": "refuse", "withdrawal": "withdraw", "victory": "win", "won": "win",
        "sold": "sell", "bought": "buy", "purchase": "buy", "agreement": "agree", "payment": "pay",
    ]

    /// Particles that make a phrasal verb with the verb before them ("rolled out", "pushed back", "set up").
    static let particles: Set<String> = ["out", "up", "back", "off", "down", "away", "over", "through", "ahead", "forward", "aside"]
    /// Verbs that take a preposition as one predicate ("accounts for").
    static let prepositionalVerbs: Set<String> = ["account for", "call for", "apply for", "vote for", "opt for", "pay for", "look into", "carry on"]

    /// The particle right after verb `w` that makes it a phrasal verb, if any: a particle word tagged as a particle,
    /// adverb or preposition, or the preposition of a prepositional verb.
    static func particle(after w: Int, analysis: DocumentAnalysis) -> Int? {
        let next = w + 1
        guard analysis.words[w].isVerb, next < analysis.words.count, analysis.words[next].sentence == analysis.words[w].sentence else { return nil }
        let lower = analysis.lower(of: next)
        if prepositionalVerbs.contains(analysis.lemma(of: w) + " " + lower) { return next }
        guard particles.contains(lower), let tag = analysis.words[next].tag, [.particle, .adverb, .adposition].contains(tag) else { return nil }
        return next
    }

    /// The root of a lemma: irregular pairs, then one derivational suffix removed, then a final "e" dropped and "y" read as "i".
    static func root(_ lemma: String) -> String {
        var word = lemma.lowercased()
        if let base = irregular[word] { word = base }
        for (suffix, replacement) in [("isation", "iz"), ("ization", "iz"), ("ation", ""), ("ition", ""), ("ment", ""), ("ance", ""),
                                      ("ence", ""), ("ise", "iz"), ("ize", "iz"), ("ure", ""), ("ion", ""), ("ial", "i"), ("al", "")] {
            if word.hasSuffix(suffix), word.count - suffix.count >= 4 {
                word = String(word.dropLast(suffix.count)) + replacement
                break
            }
        }
        if word.hasSuffix("ate"), word.count > 6 { word = String(word.dropLast(3)) }
        if word.hasSuffix("e"), word.count > 3 { word = String(word.dropLast()) }
        if word.hasSuffix("y"), word.count > 3 { word = String(word.dropLast()) + "i" }
        return word
    }
}
