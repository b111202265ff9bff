import ChronicleCalendar
import ChronicleCore
import ChronicleTime
import Testing

@testable import ChronicleTimeline

@Suite("Timeline placement, merging, ordering and warnings")
struct TimelineTests {
    /// "Odom was hospitalized on Oct. 13. The interview was done before the hospitalization. Kardashian will
    /// speak after the article." with gold-style relations.
    static func story() -> HandDocument {
        var hand = HandDocument("a", "Odom was hospitalized on Oct. 13. The interview was done before the hospitalization. "
                                + "This week Kardashian appears on the cover. She will speak again.")
        hand.event("e1", "hospitalized", lemma: "hospitalize")
        hand.timex("t1", "Oct. 13", "2015-10-13")
        hand.event("e2", "interview", lemma: "interview", pos: .noun)
        hand.event("e3", "done", lemma: "do")
        hand.event("e4", "hospitalization", lemma: "hospitalization", pos: .noun)
        hand.timex("t2", "This week", "2015-W44")
        hand.event("e5", "appears", lemma: "appear", .state)
        hand.event("e6", "speak", lemma: "speak")
        hand.relate("e1", .isIncluded, "t1")
        hand.relate("e3", .before, "e4")
        hand.relate("e2", .simultaneous, "e3")
        hand.relate("e5", .isIncluded, "t2")
        hand.relate("e6", .after, "t0")
        return hand
    }

    @Test func placesEventsOnDaysWeeksAndOpenIntervals() throws {
        let document = Self.story().build()
        let timeline = TimelineBuilder().build([document])
        let hospitalization = try #require(timeline.entry(mentioning: "hospitalized", in: [document]))
        #expect(hospitalization.time.relation == .on)
        #expect(hospitalization.time.value == "2015-10-13")
        #expect(hospitalization.time.start == date("2015-10-13"))
        #expect(hospitalization.time.end == date("2015-10-13"))
        #expect(hospitalization.time.granularity == .day)
        #expect(hospitalization.time.anchor == .time(document: "a", id: "t1", text: "Oct. 13", value: "2015-10-13"))
        #expect(hospitalization.participants == ["Odom"])

        // "before the hospitalization": an open interval that keeps its anchor.
        let done = try #require(timeline.entry(mentioning: "done", in: [document]))
        #expect(done.time.relation == .before)
        #expect(done.time.anchor == .entry(id: hospitalization.id))
        #expect(done.time.start == nil)
        #expect(done.time.end == date("2015-10-13"))
        #expect(done.time.granularity == .open)
        let interview = try #require(timeline.entry(mentioning: "interview", in: [document]))
        #expect(interview.time.relation == .on)
        #expect(interview.time.anchor == .entry(id: done.id))
        #expect(interview.time.end == date("2015-10-13"))

        // "This week" is a week.
        let appears = try #require(timeline.entry(mentioning: "appears", in: [document]))
        #expect(appears.time.granularity == .week)
        #expect(appears.time.value == "2015-W44")
        #expect(appears.time.start == date("2015-10-26"))
        #expect(appears.time.end == date("2015-11-01"))

        // After the creation time.
        let speak = try #require(timeline.entry(mentioning: "speak", in: [document]))
        #expect(speak.time.relation == .after)
        #expect(speak.time.anchor == .creationTime(document: "a", value: "2015-10-29"))
        #expect(speak.time.start == date("2015-10-30"))
        #expect(speak.time.end == nil)
    }

    @Test func mergesDerivationallyRelatedMentions() throws {
        let document = Self.story().build()
        let timeline = TimelineBuilder().build([document])
        let hospitalization = try #require(timeline.entry(mentioning: "hospitalized", in: [document]))
        #expect(hospitalization.sources.map { document.text(of: $0.span) } == ["hospitalized", "hospitalization"])
        #expect(hospitalization.sources.map(\.sentence) == [0, 1])
        #expect(timeline.entries.count == 5)
        #expect(Derivation.root("hospitalization") == Derivation.root("hospitalize"))
        #expect(Derivation.root("denial") == Derivation.root("deny"))
        #expect(Derivation.root("arrival") == Derivation.root("arrive"))
        #expect(Derivation.root("announcement") == Derivation.root("announce"))
        #expect(Derivation.root("interview") != Derivation.root("view"))
    }

    @Test func ordersByDateThenRelations() throws {
        let document = Self.story().build()
        let timeline = TimelineBuilder().build([document])
        let texts = timeline.entries.map(\.event.text)
        // done/interview (before Oct. 13) come before the hospitalization; this week's cover, then what comes after the article.
        #expect(texts == ["done", "interview", "hospitalized", "appears", "speak"] || texts == ["interview", "done", "hospitalized", "appears", "speak"])
        #expect(timeline.entries.map(\.id) == ["E1", "E2", "E3", "E4", "E5"])
        let hospitalization = timeline.entries[2]
        #expect(timeline.relations.contains { $0.type == .before && $0.target == hospitalization.id })
    }

    @Test func doesNotMergeRepeatedVerbsWithoutTimes() {
        var hand = HandDocument("a", "Odom left early. Later Odom left again.")
        hand.event("e1", "left", lemma: "leave")
        hand.event("e2", "left", lemma: "leave", occurrence: 1)
        let timeline = TimelineBuilder().build([hand.build()])
        #expect(timeline.entries.count == 2)
    }

    @Test func mergesAcrossDocuments() throws {
        var first = HandDocument("first", "Lamar Odom was hospitalized on Oct. 13.")
        first.event("e1", "hospitalized", lemma: "hospitalize")
        first.timex("t1", "Oct. 13", "2015-10-13")
        first.relate("e1", .isIncluded, "t1")
        var second = HandDocument("second", "Odom's hospitalization on Tuesday shocked fans.", dct: "2015-10-15")
        second.event("e1", "hospitalization", lemma: "hospitalization", pos: .noun)
        second.event("e2", "shocked", lemma: "shock")
        second.timex("t1", "Tuesday", "2015-10-13")
        second.relate("e1", .isIncluded, "t1")
        let documents = [first.build(), second.build()]
        let timeline = TimelineBuilder().build(documents.map { StoryDocument($0, title: "T-\($0.id)") })
        let entry = try #require(timeline.entry(mentioning: "hospitalized", in: documents))
        #expect(entry.sources.map(\.document) == ["first", "second"])
        #expect(entry.time.start == date("2015-10-13"))
        #expect(entry.participants == ["Lamar Odom"])
        #expect(timeline.documents.map(\.id) == ["first", "second"])
        #expect(timeline.documents.map(\.title) == ["T-first", "T-second"])
        #expect(timeline.warnings.isEmpty)
    }

    @Test func warnsAboutIncompatibleTimesOfTheSameEvent() throws {
        var first = HandDocument("first", "Lamar Odom was hospitalized on Oct. 13.")
        first.event("e1", "hospitalized", lemma: "hospitalize")
        first.timex("t1", "Oct. 13", "2015-10-13")
        first.relate("e1", .isIncluded, "t1")
        var second = HandDocument("second", "Lamar Odom was hospitalized on Oct. 14.")
        second.event("e1", "hospitalized", lemma: "hospitalize")
        second.timex("t1", "Oct. 14", "2015-10-14")
        second.relate("e1", .isIncluded, "t1")
        let timeline = TimelineBuilder().build([first.build(), second.build()])
        #expect(timeline.entries.count == 2)
        let warning = try #require(timeline.warnings.first { $0.code == Timeline.Warning.conflictingTimes })
        #expect(warning.entries == ["E1", "E2"])
        #expect(warning.message.contains("2015-10-13") && warning.message.contains("2015-10-14"))
    }

    @Test func warnsAboutContradictoryPlacement() throws {
        var hand = HandDocument("a", "Odom was hospitalized on Oct. 13 after Oct. 20.")
        hand.event("e1", "hospitalized", lemma: "hospitalize")
        hand.timex("t1", "Oct. 13", "2015-10-13")
        hand.timex("t2", "Oct. 20", "2015-10-20")
        hand.relate("e1", .isIncluded, "t1")
        hand.relate("e1", .after, "t2")
        let timeline = TimelineBuilder().build([hand.build()])
        let warning = try #require(timeline.warnings.first { $0.code == Timeline.Warning.conflictingTimes })
        // The warning names the two written times that disagree.
        #expect(warning.message.contains("Oct. 13") && warning.message.contains("Oct. 20"), "\(warning.message)")
        #expect(timeline.entries.count == 1)
    }

    @Test func reportsOrderingCycles() throws {
        var hand = HandDocument("a", "The show aired. The show was filmed.")
        hand.event("e1", "aired", lemma: "air")
        hand.event("e2", "filmed", lemma: "film")
        hand.relate("e1", .before, "e2")
        hand.relate("e2", .before, "e1")
        let timeline = TimelineBuilder().build([hand.build()])
        let warning = try #require(timeline.warnings.first { $0.code == Timeline.Warning.orderingCycle })
        #expect(warning.document == "a")
        #expect(warning.entries.count == 2)
        #expect(timeline.entries.count == 2)
    }

    @Test func largeGroupsOfRelationsAreNotClosed() throws {
        // Three events in a chain, stated with a redundant link and a cycle: a closed group reports the cycle and
        // drops the entailed link; above the limit, the links stay as the document gives them.
        var hand = HandDocument("a", "The show was announced. The show aired. The show was filmed.")
        hand.event("e1", "announced", lemma: "announce")
        hand.event("e2", "aired", lemma: "air")
        hand.event("e3", "filmed", lemma: "film")
        hand.relate("e1", .before, "e2")
        hand.relate("e2", .before, "e3")
        hand.relate("e1", .before, "e3")
        let chain = hand.build()
        let closed = TimelineBuilder().build([chain])
        let open = TimelineBuilder(maximumClosedIntervals: 2).build([chain])
        #expect(closed.entries.count == 3 && open.entries.count == 3)
        #expect(closed.relations.count == 2, "e1 BEFORE e3 is entailed")
        #expect(open.relations.count == 3)
        #expect(Set(closed.relations).isSubset(of: Set(open.relations)))
        // The order of the entries comes from the direct links either way.
        #expect(open.entries.map(\.event.text) == ["announced", "aired", "filmed"])
        #expect(closed.entries.map(\.event.text) == ["announced", "aired", "filmed"])

        hand.relate("e3", .before, "e1")
        let cycle = hand.build()
        #expect(TimelineBuilder().build([cycle]).warnings.contains { $0.code == Timeline.Warning.orderingCycle })
        #expect(!TimelineBuilder(maximumClosedIntervals: 2).build([cycle]).warnings.contains { $0.code == Timeline.Warning.orderingCycle })
    }

    @Test func passesWeekdayMismatchesThrough() throws {
        let document = TemporalTagger().tag("She spoke on Tuesday, Oct. 28, 2015.", creationTime: CreationTime(parsing: "2015-10-29"))
        let timeline = TimelineBuilder().build([document])
        let warning = try #require(timeline.warnings.first)
        #expect(warning.code == .weekdayMismatch)
        #expect(warning.document == "doc1")
        #expect(warning.span != nil)
    }

    @Test func listsTheCandidateYearsOfAnAmbiguousYear() throws {
        let document = TemporalTagger().tag("Kardashian took to Twitter on Wednesday, Oct. 28 to clarify her interview.")
        let timeline = TimelineBuilder().build([StoryDocument(document)])
        let warning = try #require(timeline.warnings.first { $0.code == .ambiguousYear })
        for year in [2009, 2015, 2020, 2026] { #expect(warning.candidates.contains(year)) }
        #expect(timeline.documents[0].creationTime == nil)
    }

    @Test func attachesStatementsAndTheirContent() throws {
        var hand = HandDocument("a", "Kardashian took to Twitter on Wednesday, Oct. 28 to clarify that the interview was done before the hospitalization. "
                                + "Reports say that the family was filming during the hospitalization. (They weren't.)")
        hand.event("e1", "took", lemma: "take")
        hand.timex("t1", "Wednesday, Oct. 28", "2015-10-28")
        hand.event("e2", "clarify", lemma: "clarify", .reporting)
        hand.event("e3", "interview", lemma: "interview", pos: .noun)
        hand.event("e4", "filming", lemma: "film")
        hand.relate("e1", .isIncluded, "t1")
        hand.relate("e2", .isIncluded, "t1")
        let document = hand.build()
        #expect(document.statements.count == 3)
        let timeline = TimelineBuilder().build([document])
        let clarify = try #require(timeline.entry(mentioning: "clarify", in: [document]))
        let statement = try #require(clarify.statement)
        #expect(statement.speaker == "Kardashian")
        #expect(statement.channel == "Twitter")
        #expect(statement.verb == "clarify")
        #expect(statement.contentText == "the interview was done before the hospitalization")
        #expect(clarify.time.start == date("2015-10-28"))
        #expect(clarify.time.relation == .on)

        // What was said has its own time; it is attributed to the statement.
        let interview = try #require(timeline.entry(mentioning: "interview", in: [document]))
        #expect(interview.attribution == .asserted)
        #expect(interview.attributedTo == [clarify.id])
        // Nothing but the report places it: dated to the report's day by default, and said so.
        #expect(interview.time.basis == .documentDate)
        #expect(interview.time.start == nil && interview.time.end == nil)

        // Hearsay, denied by the author: reported, not asserted.
        let filming = try #require(timeline.entry(mentioning: "filming", in: [document]))
        #expect(filming.attribution == .reported)
        #expect(filming.isDenied)
        #expect(filming.attributedTo.count == 2)
        // A statement whose verb is not an event of the document becomes an entry of its own.
        let reports = try #require(timeline.entries.first { $0.statement?.verb == "say" })
        #expect(reports.statement?.stance == .reported)
        #expect(reports.event.eventClass == .reporting)
    }

    @Test func statementWithoutRelationsTakesTheTimeOfItsOwnClause() throws {
        var hand = HandDocument("a", "On Friday, Oct. 30, Berg said that the band had split in May.")
        hand.timex("t1", "Friday, Oct. 30", "2015-10-30")
        hand.timex("t2", "May", "2015-05")
        let document = hand.build()
        let timeline = TimelineBuilder().build([document])
        let said = try #require(timeline.entries.first { $0.statement != nil })
        #expect(said.time.value == "2015-10-30")
        #expect(said.time.granularity == .day)
        #expect(said.participants == ["Berg"])
    }

    @Test func unknownYearsKeepTheirValueAndOrder() throws {
        var hand = HandDocument("a", "She spoke on Oct. 28. He was hospitalized on Oct. 13.", dct: nil)
        hand.event("e1", "spoke", lemma: "speak")
        hand.event("e2", "hospitalized", lemma: "hospitalize")
        hand.timex("t1", "Oct. 28", "XXXX-10-28")
        hand.timex("t2", "Oct. 13", "XXXX-10-13")
        hand.relate("e1", .isIncluded, "t1")
        hand.relate("e2", .isIncluded, "t2")
        let timeline = TimelineBuilder().build([hand.build()])
        #expect(timeline.entries.map(\.event.text) == ["hospitalized", "spoke"])
        #expect(timeline.entries[0].time.value == "XXXX-10-13")
        #expect(timeline.entries[0].time.start == nil)
        #expect(timeline.entries[0].time.granularity == .day)
    }

    @Test(arguments: [
        ("2015", "2015-01-01", "2015-12-31", Timeline.Granularity.year),
        ("201", "2010-01-01", "2019-12-31", .decade),
        ("2015-10", "2015-10-01", "2015-10-31", .month),
        ("2015-W44", "2015-10-26", "2015-11-01", .week),
        ("2015-W44-WE", "2015-10-31", "2015-11-01", .weekend),
        ("2015-Q3", "2015-07-01", "2015-09-30", .quarter),
        ("2015-H1", "2015-01-01", "2015-06-30", .half),
        ("2015-SU", "2015-06-01", "2015-08-31", .season),
        ("2015-WI", "2014-12-01", "2015-02-28", .season),
        ("2015-10-13TNI", "2015-10-13", "2015-10-13", .time),
        ("2015-10-13T19:30", "2015-10-13", "2015-10-13", .time),
    ])
    func calendarIntervals(value: String, first: String, last: String, granularity: Timeline.Granularity) throws {
        let interval = try #require(TimexCalendar.parse(value))
        #expect(interval.first == date(first).dayNumber)
        #expect(interval.last == date(last).dayNumber)
        #expect(interval.granularity == granularity)
    }

    @Test func referencesAndModifiers() throws {
        let dct = CreationTime(parsing: "2015-10-29")
        func timex(_ value: String, _ modifier: TimeExpression.Modifier? = nil, kind: TimeExpression.Kind = .date) -> TimeExpression {
            TimeExpression(id: "t1", span: TextSpan(start: 0, end: 1), text: "x", kind: kind, value: value, modifier: modifier)
        }
        #expect(TimexCalendar.interval(of: timex("PRESENT_REF"), creationTime: dct) == DayInterval(first: date("2015-10-29").dayNumber, last: date("2015-10-29").dayNumber, granularity: .day))
        #expect(TimexCalendar.interval(of: timex("PAST_REF"), creationTime: dct)?.last == date("2015-10-28").dayNumber)
        #expect(TimexCalendar.interval(of: timex("2015", .before), creationTime: dct) == DayInterval(first: nil, last: date("2014-12-31").dayNumber, granularity: .open))
        #expect(TimexCalendar.interval(of: timex("P2Y", kind: .duration), creationTime: dct) == nil)
        #expect(TimexCalendar.parse("XXXX-10-28") == DayInterval(first: nil, last: nil, granularity: .day))
        #expect(TimexCalendar.parse("XXXX-10-28", chosenYear: 2015)?.first == date("2015-10-28").dayNumber)
        #expect(TimexCalendar.parse("garbage") == nil)
        #expect(TimexCalendar.parse("2015-13") == nil)
    }

    @Test func duplicateAndMissingDocumentIDsAreMadeUnique() {
        let documents = [Document(id: "", text: "a"), Document(id: "x", text: "b"), Document(id: "x", text: "c")]
        #expect(TimelineBuilder().build(documents).documents.map(\.id) == ["doc1", "x", "x-2"])
    }

    @Test func emptyStory() {
        let timeline = TimelineBuilder().build([StoryDocument]())
        #expect(timeline.entries.isEmpty && timeline.documents.isEmpty && timeline.warnings.isEmpty)
    }
}
