import ChronicleCore
import ChronicleEvents
import Foundation
import Testing

/// The shipped model on hand-written sentences whose events are certain.
@Suite("Event recogniser")
struct RecognizerTests {
    let recognizer = EventRecognizer()

    func events(_ text: String) -> [Event] {
        var document = Document(text: text)
        recognizer.annotate(&document)
        return document.events
    }

    func event(_ word: String, in text: String) throws -> Event {
        try #require(events(text).first { $0.text == word }, "no event \(word) in \"\(text)\"")
    }

    @Test("She said on Friday ...: a reporting verb in the past")
    func said() throws {
        let said = try event("said", in: "She said on Friday that he had been hospitalized.")
        #expect(said.eventClass == .reporting)
        #expect(said.tense == .past)
        #expect(said.aspect == .none)
        #expect(said.partOfSpeech == .verb)
        #expect(said.lemma == "say")
        #expect(said.span == TextSpan(start: 4, end: 8))
        let hospitalized = try event("hospitalized", in: "She said on Friday that he had been hospitalized.")
        #expect(hospitalized.eventClass == .occurrence)
        #expect(hospitalized.tense == .past)
        #expect(hospitalized.aspect == .perfective)
    }

    @Test("Negation and modality reach the event")
    func negationAndModality() throws {
        let attend = try event("attend", in: "The players did not attend the meeting on Sunday.")
        #expect(attend.polarity == .negative)
        #expect(attend.tense == .past)
        let meet = try event("meet", in: "Officials said the two leaders would meet in Geneva.")
        #expect(meet.modality == "would")
        #expect(meet.tense == .none)
        let sell = try event("sell", in: "The company said it will sell the plant.")
        #expect(sell.tense == .future)
    }

    @Test("Event nouns and states")
    func nounsAndStates() throws {
        let found = events("The attack came two days after the election, and the interview was postponed.")
        #expect(found.map(\.text).contains("attack"))
        #expect(found.map(\.text).contains("election"))
        #expect(found.map(\.text).contains("postponed"))
        let attack = try #require(found.first { $0.text == "attack" })
        #expect(attack.partOfSpeech == .noun)
        #expect(attack.tense == .none)
        // Words that are never events.
        #expect(!found.map(\.text).contains("The"))
        #expect(!found.map(\.text).contains("days"))
        #expect(!found.map(\.text).contains("and"))
    }

    @Test("Ids, instance ids and spans")
    func identifiers() {
        let text = "The army attacked the town. Witnesses said the bombing lasted an hour."
        var document = Document(text: text)
        recognizer.annotate(&document)
        #expect(!document.words.isEmpty)
        #expect(document.events.count >= 4)
        for (index, event) in document.events.enumerated() {
            #expect(event.id == "e\(index + 1)")
            #expect(event.instanceID == "ei\(index + 1)")
            #expect(document.text(of: event.span) == event.text)
        }
        #expect(document.events.map(\.span.start) == document.events.map(\.span.start).sorted())
    }

    @Test("Offsets count Unicode scalars")
    func unicode() throws {
        let text = "Khloé’s husband was hospitalized on Oct. 13, and she said so on Wednesday."
        let hospitalized = try event("hospitalized", in: text)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[hospitalized.span.start..<hospitalized.span.end])) == "hospitalized")
    }

    @Test("Empty and event-free documents")
    func empty() {
        #expect(events("").isEmpty)
        #expect(events("   ").isEmpty)
        #expect(events("The, of and a.").isEmpty)
    }

    @Test("Annotating is deterministic and safe to share across threads")
    func concurrent() async {
        let text = "Rescuers found him unconscious on Tuesday. His family said he would recover."
        let expected = events(text)
        let recognizer = self.recognizer
        let results = await withTaskGroup(of: [Event].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var document = Document(text: text)
                    recognizer.annotate(&document)
                    return document.events
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test("The shipped model loads and says how it was made")
    func shipped() {
        let model = EventModel.shipped
        #expect(model.summary.contains("averaged perceptron"))
        #expect(model.featureCount > 1000)
        #expect(model.lexiconCount > 1000)
    }
}
