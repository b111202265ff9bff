import ChronicleCore
import Testing

@testable import ChronicleTimeline

/// A document that repeats an earlier one word for word (a wire story republished) is a further source of the
/// earlier one's entries, not a second set of entries.
@Suite("Documents that repeat another word for word")
struct RepeatsTests {
    static func copy(_ document: Document, id: String) -> Document {
        var copy = document
        copy.id = id
        return copy
    }

    @Test func aRepeatAddsSourcesNotEntries() throws {
        let original = TimelineTests.story().build()
        let alone = TimelineBuilder().build([original])
        let story = TimelineBuilder().build([
            StoryDocument(original, title: "First outlet"),
            StoryDocument(Self.copy(original, id: "b"), title: "Second outlet"),
            StoryDocument(Self.copy(original, id: "c"), title: "Third outlet"),
        ])
        #expect(story.documents.map(\.id) == ["a", "b", "c"])
        #expect(story.documents.map(\.title) == ["First outlet", "Second outlet", "Third outlet"])
        try #require(story.entries.count == alone.entries.count)
        for (entry, single) in zip(story.entries, alone.entries) {
            #expect(entry.event.text == single.event.text)
            #expect(entry.time == single.time)
            // Each source of the document alone, then the same spans in the two copies.
            let expected = ["a", "b", "c"].flatMap { id in
                single.sources.map { Timeline.SourceSpan(document: id, span: $0.span, sentence: $0.sentence) }
            }
            #expect(entry.sources == expected, "\(entry.id) \(entry.event.text)")
        }
        #expect(story.relations.count == alone.relations.count)
    }

    @Test func aDifferentDateOrTextIsNotARepeat() throws {
        let original = TimelineTests.story().build()
        var later = Self.copy(original, id: "b")
        later.creationTime = CreationTime(parsing: "2015-11-02")
        var edited = Self.copy(original, id: "c")
        edited.text = edited.text.replacingOccurrences(of: "cover.", with: "cover!")
        #expect(!Build.isRepeat(later, of: original))
        #expect(!Build.isRepeat(edited, of: original))
        #expect(Build.isRepeat(Self.copy(original, id: "d"), of: original))
        for other in [later, edited] {
            let story = TimelineBuilder().build([original, other])
            // The second document's mentions are entries' sources of their own.
            #expect(story.entries.contains { entry in entry.sources.contains { $0.document == other.id } && !entry.sources.contains { $0.document == "a" } })
        }
    }

    @Test func canonicallyEquivalentTextsAreNotRepeats() {
        // "é" as one scalar and as "e" and a combining accent: equal as Swift strings, different offsets.
        let composed = Document(id: "a", text: "Khlo\u{E9} spoke on Oct. 28.")
        var decomposed = composed
        decomposed.id = "b"
        decomposed.text = "Khloe\u{301} spoke on Oct. 28."
        #expect(composed.text == decomposed.text)
        #expect(!Build.isRepeat(decomposed, of: composed))
    }

    @Test func differentAnnotationsAreNotRepeats() {
        let original = TimelineTests.story().build()
        var fewer = Self.copy(original, id: "b")
        fewer.events.removeLast()
        #expect(!Build.isRepeat(fewer, of: original))
        var unrelated = Self.copy(original, id: "c")
        unrelated.relations.removeAll()
        #expect(!Build.isRepeat(unrelated, of: original))
    }

    /// Two articles of one day that share a sentence word for word, at different places of their texts.
    static func sharingASentence(secondDate: String = "2015-10-29") -> [Document] {
        var first = HandDocument("a", "Officials met on Monday. The bridge reopened after repairs that lasted a year.")
        first.event("e1", "met", lemma: "meet")
        first.event("e2", "reopened", lemma: "reopen")
        first.event("e3", "repairs", lemma: "repair", pos: .noun)
        var second = HandDocument("b", "A new mayor was elected. Traffic was heavy. The bridge reopened after repairs that lasted a year.",
                                  dct: secondDate)
        second.event("e1", "elected", lemma: "elect")
        second.event("e2", "reopened", lemma: "reopen")
        second.event("e3", "repairs", lemma: "repair", pos: .noun)
        return [first.build(), second.build()]
    }

    @Test func theSameSentenceOfTheSameDayTellsTheSameEvent() throws {
        let documents = Self.sharingASentence()
        let timeline = TimelineBuilder().build(documents)
        let reopened = timeline.entries.filter { $0.event.text == "reopened" }
        try #require(reopened.count == 1)
        #expect(Set(reopened[0].sources.map(\.document)) == ["a", "b"])
        #expect(timeline.entries.filter { $0.event.text == "repairs" }.count == 1)
        // The sentences around it are not shared: their events stay apart.
        #expect(timeline.entries.contains { $0.event.text == "met" && $0.sources.map(\.document) == ["a"] })
        #expect(timeline.entries.contains { $0.event.text == "elected" && $0.sources.map(\.document) == ["b"] })
    }

    @Test func theSameSentenceOnAnotherDayIsNotMerged() {
        let timeline = TimelineBuilder().build(Self.sharingASentence(secondDate: "2016-03-01"))
        #expect(timeline.entries.filter { $0.event.text == "reopened" }.count == 2)
    }
}
