import ChronicleCore
import ChronicleEvents
import Testing

/// Nominal events made certain by the words around them (``SignalledEvents``), with the shipped model.
@Suite("Signalled nominal events")
struct SignalledEventTests {
    func eventTexts(_ text: String) -> [String] {
        var document = Document(text: text)
        EventRecognizer().annotate(&document)
        return document.events.map(\.text)
    }

    @Test("The object of a temporal preposition", arguments: [
        ("The talks were finished before Odom's hospitalization.", "hospitalization"),
        ("The deal collapsed prior to the merger.", "merger"),
        ("Prices rose ahead of the announcement.", "announcement"),
        ("Nobody called during the negotiations.", "negotiations"),
    ])
    func objectOfSignal(text: String, noun: String) {
        #expect(eventTexts(text).contains(noun), "\(text)")
    }

    @Test("Not the subject of a clause the signal word introduces, nor names and times")
    func notClauseSubjects() {
        #expect(!eventTexts("The meeting was canceled after security plans were leaked.").contains("plans"))
        #expect(!eventTexts("Nothing changed after the weekend.").contains("weekend"))
        #expect(!eventTexts("Support grew after Operation Rescue.").contains("Rescue"))
    }

    @Test("The noun after a post-/pre- compound of an event noun")
    func compounds() {
        #expect(eventTexts("She provided the post-hospitalization quotes.").contains("quotes"))
        #expect(!eventTexts("They drew up a post-Madrid development plan.").contains("plan"))
    }

    @Test("What a passive of completion says was done")
    func completion() {
        let found = eventTexts("The cover and majority of the interview was done before his hospitalization.")
        #expect(found.contains("cover"))
        #expect(found.contains("interview"))
        #expect(!found.contains("majority"))
        #expect(!eventTexts("They want to see that justice is done.").contains("justice"))
    }

    @Test("Events stay numbered in text order when rules add some")
    func numbering() {
        var document = Document(text: "The cover was done before the hospitalization, she said.")
        EventRecognizer().annotate(&document)
        #expect(document.events.map(\.id) == (1...document.events.count).map { "e\($0)" })
        #expect(document.events.map(\.span.start) == document.events.map(\.span.start).sorted())
    }
}
