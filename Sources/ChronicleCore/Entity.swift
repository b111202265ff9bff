/// A person, organisation, place, product or other named thing of one document, with every way the text
/// refers to it: its names and their variants, pronouns and descriptions.
///
/// "General Motors (GM) said on Monday ... GM's chief executive ... The company ..." gives one entity,
/// `General Motors` (an organisation), with the variants `General Motors` and `GM`, and four mentions: a
/// name, an acronym, an acronym in the possessive and a description. Written by the entity stage
/// (`EntityRecognizer`); statements take their speakers from it and the timeline its participants.
public struct Entity: Hashable, Sendable, Codable {
    /// What an entity is.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case person
        case organisation
        case place
        /// A product or a work: "iPod", "iPhone 4", "Mac OS X Lion", "the A380", "Keeping Up With The Kardashians".
        case product
        /// People named together: "the Beatles", "Democrats".
        case group
        case other
    }

    /// One mention of an entity in the text.
    public struct Mention: Hashable, Sendable, Codable {
        /// How a mention refers to its entity.
        public enum Form: String, Hashable, Sendable, Codable, CaseIterable {
            /// The full name, or a repetition of it in any case ("iTunes store" for "iTunes Store").
            case name
            /// An acronym the text introduces: "General Motors (GM)", "... known as GM".
            case acronym
            /// A person's surname or first name after the full name ("Odom" for "Lamar Odom").
            case surname
            /// The first word or words of a longer name, usually with "the" ("the Dow" for "Dow Jones Industrial
            /// Average"; "Corvair" for "Corvair Airways"), or a model after its maker ("the A380" for "Airbus A380").
            case shortName
            /// "he", "she", "his", "her", "they".
            case pronoun
            /// A definite description: "the magazine", "the airline", "the singer".
            case description
            /// The author named in a byline ("By Michelle McGahan").
            case byline
        }

        public var span: TextSpan
        public var form: Form
        /// Whether the mention is in the possessive ("Odom's", "GM's", "her").
        public var isPossessive: Bool

        public init(span: TextSpan, form: Form, isPossessive: Bool = false) {
            self.span = span
            self.form = form
            self.isPossessive = isPossessive
        }
    }

    /// How an entity takes part in an event.
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        /// The subject of the event's verb ("Odom was hospitalized", "Corvair cancelled the flight").
        case subject
        /// The object of the event's verb, or of a noun event through "of" ("cancelled the flight", "the arrest of Smith").
        case object
        /// A prepositional complement in the event's clause ("sued Apple over its use", "a lawsuit against Apple").
        case complement
        /// The possessor of a noun event ("Odom's hospitalization", "his arrest").
        case possessor
        /// The agent of a passive ("was founded by the Beatles").
        case agent
        /// The speaker of a statement.
        case speaker
    }

    /// Identifier within the document (`en1`).
    public var id: String
    /// The fullest name the document gives ("Khloé Kardashian").
    public var name: String
    public var kind: Kind
    /// The names the text uses for it, the canonical one first ("General Motors", "GM"); pronouns and
    /// descriptions are not variants.
    public var variants: [String]
    /// Its mentions, in text order.
    public var mentions: [Mention]

    public init(id: String, name: String, kind: Kind, variants: [String] = [], mentions: [Mention] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.variants = variants.isEmpty ? [name] : variants
        self.mentions = mentions
    }
}
