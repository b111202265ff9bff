import ChronicleCalendar
import ChronicleCore

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
    ]

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
