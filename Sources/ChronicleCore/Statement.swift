/// Who said what, when and where: a reported statement.
///
/// "Kardashian took to Twitter on Wednesday, Oct. 28 to clarify her People interview" is a statement by
/// Khloé Kardashian (speaker, resolved from the surname), made with the reporting event "clarify", on
/// the channel Twitter; the time of saying (Oct. 28) is distinct from the time of what was said.
public struct Statement: Hashable, Sendable, Codable {
    /// How the text vouches for the statement's content.
    public enum Stance: String, Hashable, Sendable, Codable, CaseIterable {
        /// Said by a named speaker ("she explained", "the magazine points out").
        case asserted
        /// Hearsay: "reportedly", "reports that ...", "sources say".
        case reported
        /// The content is denied ("Reports that they were filming were denied", "They weren't.").
        case denied
    }

    /// Identifier within the document (`s1`).
    public var id: String
    /// The speaker's name, resolved within the document to the fullest form the text gives
    /// ("Khloé Kardashian" for "Kardashian" or "she"); `nil` when no speaker is named.
    public var speaker: String?
    /// The mention of the speaker in this statement's sentence ("Kardashian", "she"), if any.
    public var speakerSpan: TextSpan?
    /// The reporting event's instance id (`ei3`) in ``Document/events``, and its span.
    public var reportingEventID: String?
    public var verbSpan: TextSpan
    /// The reporting verb's lemma ("say", "claim", "tweet", "deny").
    public var verb: String
    /// What was said: the quoted or reported content.
    public var content: TextSpan?
    /// Where it was said, when the text says so ("Twitter", "People", "a statement").
    public var channel: String?
    public var channelSpan: TextSpan?
    public var stance: Stance

    public init(
        id: String, speaker: String?, speakerSpan: TextSpan?, reportingEventID: String?, verbSpan: TextSpan, verb: String,
        content: TextSpan?, channel: String?, channelSpan: TextSpan?, stance: Stance
    ) {
        self.id = id
        self.speaker = speaker
        self.speakerSpan = speakerSpan
        self.reportingEventID = reportingEventID
        self.verbSpan = verbSpan
        self.verb = verb
        self.content = content
        self.channel = channel
        self.channelSpan = channelSpan
        self.stance = stance
    }
}
