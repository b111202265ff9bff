import ChronicleCore
import ChronicleEntities
import Testing

@testable import ChronicleTimeline

/// The timeline of one entity: `Timeline.entries(about:)` through the variants of the story's entities, and the
/// roles of the participants.
@Suite("Timeline of one entity")
struct EntityTimelineTests {
    static func timeline() -> (Timeline, Document) {
        var hand = HandDocument("a", "General Motors (GM) recalled 50,000 cars on Monday. Regulators fined GM heavily. "
                                + "Lamar Odom was hospitalized on Oct. 13. Odom's recovery surprised doctors. "
                                + "The Dow Jones Industrial Average fell on Wednesday. The Dow rose on Thursday. "
                                + "Khloe Kardashian watched as doctors operated. Apple Corps was founded by the Beatles. The Beatles' Apple Corps sued Apple Computer.")
        hand.event("e1", "recalled", lemma: "recall")
        hand.event("e2", "fined", lemma: "fine")
        hand.event("e3", "hospitalized", lemma: "hospitalize")
        hand.event("e4", "recovery", lemma: "recovery", pos: .noun)
        hand.event("e5", "fell", lemma: "fall")
        hand.event("e6", "rose", lemma: "rise")
        hand.event("e7", "operated", lemma: "operate")
        hand.event("e8", "founded", lemma: "found")
        hand.event("e9", "sued", lemma: "sue")
        let document = hand.build()
        return (TimelineBuilder().build([document]), document)
    }

    static func texts(_ entries: [Timeline.Entry]) -> [String] { entries.map(\.event.text) }

    @Test func acronymSurnameShortNameAndPossessive() {
        let (timeline, _) = Self.timeline()
        #expect(Self.texts(timeline.entries(about: "GM")).sorted() == ["fined", "recalled"])
        #expect(Self.texts(timeline.entries(about: "General Motors")).sorted() == ["fined", "recalled"])
        #expect(Self.texts(timeline.entries(about: "Odom")).sorted() == ["hospitalized", "recovery"])
        #expect(Self.texts(timeline.entries(about: "lamar odom")).sorted() == ["hospitalized", "recovery"])
        #expect(Self.texts(timeline.entries(about: "the Dow")).sorted() == ["fell", "rose"])
        #expect(Self.texts(timeline.entries(about: "Beatles Apple Corps")) == ["founded", "sued"])
        #expect(timeline.entries(about: "Khloe Kardashian").isEmpty)
    }

    @Test func participantsHaveRoles() throws {
        let (timeline, document) = Self.timeline()
        let founded = try #require(timeline.entry(mentioning: "founded", in: [document]))
        #expect(founded.roles == [Timeline.Participant(name: "Apple Corps", role: .subject), Timeline.Participant(name: "Beatles", role: .agent)])
        #expect(founded.participants == ["Apple Corps", "Beatles"])
        let fined = try #require(timeline.entry(mentioning: "fined", in: [document]))
        #expect(fined.roles == [Timeline.Participant(name: "General Motors", role: .object)])
        let recovery = try #require(timeline.entry(mentioning: "recovery", in: [document]))
        #expect(recovery.roles == [Timeline.Participant(name: "Lamar Odom", role: .possessor)])
        #expect(timeline.entities.contains { $0.name == "General Motors" && $0.variants.contains("GM") })
    }
}
