/// The word lists statements and the timeline rely on. Everything is lower-case; lemmas are the
/// linguistic layer's lemmas (UD English EWT conventions).
enum Lexicon {
    /// Verbs that report speech or writing, by lemma. The ones in ``weakReportingVerbs`` report only when
    /// they have content (a quotation, a that-clause, a colon): "added" alone is not a statement.
    static let reportingVerbs: Set<String> = [
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

    /// Reporting verbs that make a statement only with explicit content.
    static let weakReportingVerbs: Set<String> = [
        "add", "post", "share", "note", "write", "state", "mention", "report", "update", "message", "text", "email",
        "agree", "indicate", "observe", "repeat", "answer", "respond", "reply", "comment", "counter", "hint", "warn",
        "promise", "predict", "caution", "urge", "specify", "elaborate", "muse", "speculate", "apologize", "apologise",
        "lament", "confirm", "reveal", "suggest", "recall", "acknowledge", "maintain",
    ]

    /// Reporting verbs whose content the speaker rejects.
    static let denialVerbs: Set<String> = ["deny", "dismiss", "refute", "rebut", "dispute", "reject"]

    /// Nouns that introduce reported content with "that" ("reports that ...", "her claim that ...").
    static let reportingNouns: Set<String> = [
        "report", "rumor", "rumour", "claim", "allegation", "speculation", "statement", "announcement",
        "assertion", "denial", "suggestion", "insistence", "word", "story",
    ]

    /// Reporting nouns that carry hearsay: nobody in particular vouches for their content.
    static let hearsayNouns: Set<String> = ["report", "rumor", "rumour", "allegation", "speculation", "word", "story", "claim"]

    /// Adverbs that mark a predicate as hearsay, with the lemma of the reporting act they stand for.
    static let hearsayAdverbs: [String: String] = [
        "reportedly": "report", "allegedly": "allege", "purportedly": "purport", "supposedly": "suppose",
        "reputedly": "repute", "apparently": "appear", "rumoredly": "rumor",
    ]

    /// Subjects that make a statement hearsay ("sources said", "reports say", "insiders claim").
    static let hearsaySubjects: Set<String> = [
        "source", "sources", "report", "reports", "insider", "insiders", "rumor", "rumors", "rumour", "rumours",
        "tabloid", "tabloids", "someone", "people", "onlooker", "onlookers",
    ]

    /// Role nouns that, with a definite article, refer back to a person ("the star", "the singer").
    static let personRoles: Set<String> = [
        "star", "actress", "actor", "singer", "rapper", "player", "model", "spokesman", "spokeswoman", "spokesperson",
        "mother", "father", "wife", "husband", "sister", "brother", "daughter", "son", "president", "minister",
        "senator", "governor", "mayor", "chief", "coach", "director", "officer", "author", "writer", "host", "judge",
        "lawyer", "attorney", "celebrity", "personality", "socialite", "businesswoman", "businessman", "leader",
        "candidate", "manager", "founder", "ceo", "chairman", "chairwoman", "former", "athlete", "champion",
        "year-old", "mogul", "entrepreneur", "designer", "producer", "musician", "comedian", "presenter",
    ]

    /// Organisation nouns that refer back to a named publisher or company ("the magazine" → People); other
    /// organisation nouns ("the hospital") are usually not anaphoric.
    static let mediaNouns: Set<String> = [
        "magazine", "newspaper", "paper", "network", "station", "site", "website", "outlet", "publication", "channel",
        "broadcaster", "tabloid", "journal", "company", "firm", "agency", "studio", "label", "publisher", "daily", "weekly",
    ]

    /// Last words that make a name an organisation ("Reuters News", "Acme Corp").
    static let organisationSuffixes: Set<String> = [
        "inc", "inc.", "corp", "corp.", "corporation", "company", "co", "co.", "ltd", "ltd.", "llc", "plc", "group",
        "news", "times", "post", "magazine", "journal", "network", "university", "college", "association",
        "committee", "party", "council", "department", "ministry", "agency", "court", "police", "bank", "institute",
        "foundation", "center", "centre", "hospital", "records", "studios", "entertainment", "media", "press",
        "tribune", "herald", "gazette", "telegraph", "guardian", "daily", "weekly", "today", "tv", "radio",
        "service", "services", "office", "board", "commission", "federation", "union", "club", "fc", "airlines",
        "motors", "systems", "technologies", "labs", "partners", "holdings", "international", "organization",
        "organisation", "administration", "house", "senate", "congress", "parliament", "government", "reuters",
    ]

    /// Social platforms: channels when a statement is made "on" them; organisations otherwise.
    static let platforms: Set<String> = [
        "twitter", "instagram", "facebook", "youtube", "tiktok", "snapchat", "weibo", "reddit", "linkedin", "tumblr",
        "threads", "bluesky", "mastodon", "telegram", "whatsapp", "pinterest", "myspace", "periscope", "vine",
    ]

    /// Nouns of the media a statement is made in ("in a statement", "in an interview with People").
    static let channelNouns: Set<String> = [
        "statement", "interview", "tweet", "post", "video", "letter", "release", "blog", "op-ed", "essay", "podcast",
        "appearance", "memo", "email", "e-mail", "message", "speech", "broadcast", "announcement", "note", "caption",
        "column", "article", "story", "editorial", "profile", "conference", "briefing", "documentary", "episode",
        "livestream", "stream", "selfie", "photo", "clip", "filing", "testimony", "radio", "show",
    ]

    /// Plural nouns that can be addressees serving as a channel ("told reporters").
    static let audienceNouns: Set<String> = ["reporters", "journalists", "the press", "press", "media", "fans", "followers", "viewers", "the media"]

    /// Female and male pronouns, titles and role nouns.
    static let femalePronouns: Set<String> = ["she", "her", "hers", "herself"]
    static let malePronouns: Set<String> = ["he", "him", "his", "himself"]
    static let femaleTitles: Set<String> = ["mrs.", "mrs", "ms.", "ms", "miss", "madam", "lady", "queen", "princess", "duchess"]
    static let maleTitles: Set<String> = ["mr.", "mr", "sir", "lord", "king", "prince", "duke"]
    static let neutralTitles: Set<String> = [
        "dr.", "dr", "prof.", "prof", "gov.", "sen.", "rep.", "gen.", "col.", "capt.", "lt.", "sgt.", "president",
        "senator", "governor", "mayor", "judge", "officer", "detective", "coach", "rev.", "st.",
    ]

    /// Capitalised words before a name that are titles, not part of the name.
    static let nameTitles: Set<String> = [
        "president", "vice", "prime", "minister", "foreign", "defense", "defence", "interior", "finance", "secretary",
        "general", "chief", "spokesman", "spokeswoman", "ambassador", "senator", "sen.", "governor", "gov.", "mayor",
        "king", "queen", "prince", "princess", "pope", "chancellor", "premier", "deputy", "director", "chairman",
        "chairwoman", "commissioner", "judge", "justice", "captain", "capt.", "colonel", "col.", "lieutenant", "lt.",
        "sergeant", "sgt.", "officer", "detective", "inspector", "professor", "prof.", "dr.", "dr", "mr.", "mr", "mrs.",
        "mrs", "ms.", "ms", "miss", "sir", "lord", "lady", "rev.", "reverend", "father", "sister", "brother", "coach",
        "representative", "rep.", "congressman", "congresswoman", "state", "attorney", "prosecutor", "leader", "speaker", "consul",
        "economy", "trade", "health", "education", "justice", "army", "police", "opposition", "former", "acting", "new",
    ]

    /// Titles that end the title part of a name wherever they stand ("Zairean Prime Minister Kengo" is "Kengo").
    static let strongTitles: Set<String> = [
        "president", "minister", "secretary", "spokesman", "spokeswoman", "ambassador", "senator", "sen.", "governor",
        "gov.", "mayor", "king", "queen", "prince", "princess", "pope", "chancellor", "premier", "chairman", "chairwoman",
        "commissioner", "judge", "consul", "envoy", "leader", "speaker", "congressman", "congresswoman", "prosecutor",
        "mr.", "mrs.", "ms.", "dr.", "prof.", "rev.", "capt.", "col.", "lt.", "sgt.",
    ]

    /// Prepositions after which a name is a place ("in Eastern Slavonia", "from New York").
    static let locativePrepositions: Set<String> = ["in", "at", "from", "near", "into", "across", "throughout", "outside", "inside", "via", "toward", "towards"]

    /// Capitalised words that are never names by themselves (at any position).
    static let notNames: Set<String> = [
        "i", "i'm", "i've", "i'd", "i'll", "ok", "okay", "oh", "yes", "no", "mr.", "mrs.", "ms.", "dr.", "image",
        "photo", "getty", "ap", "tv", "update", "updated", "via", "source", "credit", "read", "watch", "related", "more",
    ]

    /// Adverbs and particles that may stand between a subject and its verb ("she also said", "it has not").
    static let adverbialFillers: Set<String> = [
        "also", "later", "then", "now", "still", "never", "not", "n't", "already", "again", "recently", "once",
        "finally", "previously", "first", "just", "even", "only", "repeatedly", "publicly", "privately", "openly",
        "exclusively", "reportedly", "allegedly", "apparently", "quickly", "immediately", "subsequently", "herself",
        "himself", "themselves", "ultimately", "eventually", "initially", "originally", "simply", "clearly",
        "candidly", "tearfully", "angrily", "bluntly", "flatly", "firmly", "famously", "notably", "recently",
    ]

    /// Words that end a reported proposition's span on their own.
    static let clauseBreaks: Set<String> = [";", ":", "—", "–", "(", ")", "[", "]", "\"", "“", "”"]
}
