/// Word lists that more than one stage relies on, each defined once. Lower-case; verbs by lemma (the
/// linguistic layer's lemmas, UD English EWT conventions).
public enum Vocabulary {
    /// Verbs that report speech or writing, by lemma ("say", "tell", "claim", "tweet", "deny"; and the
    /// phrases "point out", "make clear", "according to"). Statements are built on them; the temporal tagger
    /// reads a weekday after one as a day ("said Monday Peruvian President ...") and their present tense as
    /// no schedule ("says Friday").
    public static let reportingVerbs: Set<String> = [
        "say", "tell", "claim", "explain", "tweet", "retweet", "post", "clarify", "deny", "report", "add", "write",
        "announce", "insist", "state", "confirm", "reveal", "admit", "note", "argue", "suggest", "comment", "respond",
        "reply", "recall", "acknowledge", "assert", "maintain", "allege", "declare", "testify", "warn", "complain",
        "stress", "emphasize", "emphasise", "mention", "share", "joke", "quip", "concede", "disclose", "remark",
        "blog", "dismiss", "refute", "rebut", "counter", "repeat", "promise", "vow", "predict", "answer", "boast",
        "hint", "assure", "affirm", "contend", "observe", "divulge", "gush", "exclaim", "confess", "text", "email",
        "message", "retort", "scoff", "rant", "agree", "dispute", "reiterate", "indicate", "specify", "elaborate",
        "brag", "muse", "speculate", "caution", "urge", "update", "apologize", "apologise", "announce", "lament",
        "point out", "make clear", "according to",
    ]

    /// The forms of the one-word reporting verbs ("say", "says", "said", "saying"), for stages that see words
    /// without their lemmas: regular endings, and the irregular ones of the list.
    public static let reportingVerbForms: Set<String> = {
        let irregular: [String: [String]] = [
            "say": ["said"], "tell": ["told"], "write": ["wrote", "written"],
        ]
        var forms: Set<String> = []
        for lemma in reportingVerbs where !lemma.contains(" ") {
            forms.insert(lemma)
            forms.formUnion(irregular[lemma] ?? [])
            let last = lemma.last!
            let stem = String(lemma.dropLast())
            let vowelBeforeY = lemma.count > 1 && "aeiou".contains(lemma[lemma.index(lemma.endIndex, offsetBy: -2)])
            if last == "y" && !vowelBeforeY {
                forms.formUnion([stem + "ies", stem + "ied"])
            } else if lemma.hasSuffix("s") || lemma.hasSuffix("sh") || lemma.hasSuffix("ch") || lemma.hasSuffix("x") {
                forms.formUnion([lemma + "es", lemma + "ed"])
            } else if last == "e" {
                forms.formUnion([lemma + "s", lemma + "d"])
            } else if irregular[lemma] == nil {
                forms.formUnion([lemma + "s", lemma + "ed"])
            } else {
                forms.insert(lemma + "s")
            }
        }
        return forms
    }()
}
