import ChronicleCalendar
import ChronicleCore
import ChronicleFormats
import Foundation
import Testing

@testable import ChronicleTimeline

/// How each entry's time is found (`time.basis`), clause attachment, and the year of an undated document.
@Suite("Dating")
struct DatingTests {
    @Test func narrativeDateCarriesPastEventsOfItsParagraph() throws {
        var hand = HandDocument("fire", "The fire began on July 14. Firefighters arrived within minutes.", dct: "2015-07-21")
        hand.event("e1", "began", lemma: "begin", .aspectual)
        hand.event("e2", "arrived", lemma: "arrive")
        hand.timex("t1", "July 14", "2015-07-14")
        hand.relate("e1", .isIncluded, "t1")
        let document = hand.build()
        let timeline = TimelineBuilder().build([document])
        let began = try #require(timeline.entry(mentioning: "began", in: [document]))
        #expect(began.time.basis == .explicit)
        let arrived = try #require(timeline.entry(mentioning: "arrived", in: [document]))
        #expect(arrived.time.basis == .narrative)
        #expect(arrived.time.value == "2015-07-14")
        // The bounds stay what the relations prove: nothing.
        #expect(arrived.time.start == nil)
    }

    /// A statement told in the past within the narrative is made at the narrative's date, as its events are; a
    /// reporting verb ("said") stays with the report, which it was quoted for.
    @Test func pastStatementThatIsNotAReportingVerbTakesTheNarrativeDate() throws {
        var hand = HandDocument("vote", "Voting ended on Tuesday, Nov. 3. Ruth Hale admitted that she had lost.", dct: "2015-11-06")
        hand.event("e1", "ended", lemma: "end", .aspectual)
        hand.event("e2", "admitted", lemma: "admit")
        hand.timex("t1", "Tuesday, Nov. 3", "2015-11-03")
        hand.relate("e1", .isIncluded, "t1")
        let document = hand.build()
        let admitted = try #require(TimelineBuilder().build([document]).entry(mentioning: "admitted", in: [document]))
        #expect(admitted.statement?.speaker == "Ruth Hale")
        #expect(admitted.time.basis == .narrative)
        #expect(admitted.time.value == "2015-11-03")
    }

    /// A time inside what was said dates what was said, not the saying, even when the relation stage links them.
    @Test func timeInsideAStatementsContentDoesNotDateTheSaying() throws {
        var hand = HandDocument("shop", "\"The store opens on Friday,\" Ruth Hale said.", dct: "2015-10-29")
        hand.event("e1", "opens", lemma: "open")
        hand.timex("t1", "Friday", "2015-10-30")
        hand.relate("e1", .isIncluded, "t1")
        let document = hand.build()
        let statement = try #require(document.statements.first)
        var related = document
        let saying = "statement:\(statement.id)"
        related.relations.append(TemporalRelation(id: "l9", source: .event(instanceID: saying), target: .time(id: "t1"), type: .isIncluded))
        let timeline = TimelineBuilder().build([related])
        let said = try #require(timeline.entries.first { $0.statement != nil && $0.event.text == "said" })
        #expect(said.time.value != "2015-10-30")
        #expect(said.time.basis != .explicit)
        let opens = try #require(timeline.entry(mentioning: "opens", in: [related]))
        #expect(opens.time.value == "2015-10-30")
    }

    @Test func pastEventOfAReportIsDatedToItsDay() throws {
        for (dct, day) in [("2015-10-29", "2015-10-29"), ("2015-10-29T07:00", "2015-10-28")] {
            var hand = HandDocument("report", "Police arrested the mayor.", dct: dct)
            hand.event("e1", "arrested", lemma: "arrest")
            let document = hand.build()
            let arrested = try #require(TimelineBuilder().build([document]).entry(mentioning: "arrested", in: [document]))
            #expect(arrested.time.basis == .documentDate, "\(dct)")
            #expect(arrested.time.value == day, "a morning report tells of the day before: \(dct)")
            #expect(TimelineTextRenderer.when(arrested) == "~" + day)
        }
    }

    @Test func futureEventIsAfterTheReport() throws {
        var hand = HandDocument("council", "The council will vote on the budget.")
        hand.event("e1", "vote", lemma: "vote")
        let document = hand.build()
        let vote = try #require(TimelineBuilder().build([document]).entry(mentioning: "vote", in: [document]))
        #expect(vote.time.basis == .documentDate)
        #expect(vote.time.relation == .after)
        #expect(vote.time.value == nil)
    }

    @Test func eventTakesTheTimeOfItsClauseWithItsSignal() throws {
        var hand = HandDocument("court", "The interview was done before Oct. 13. A hearing was scheduled for Tuesday.", dct: "2015-10-29")
        hand.event("e1", "done", lemma: "do")
        hand.event("e2", "hearing", lemma: "hearing", pos: .noun)
        hand.event("e3", "scheduled", lemma: "schedule", .intensionalAction)
        hand.timex("t1", "Oct. 13", "2015-10-13")
        hand.timex("t2", "Tuesday", "2015-11-03")
        let document = hand.build()
        let timeline = TimelineBuilder().build([document])
        let done = try #require(timeline.entry(mentioning: "done", in: [document]))
        #expect(done.time.relation == .before)
        #expect(done.time.end == date("2015-10-12"))
        // "scheduled for Tuesday": the hearing is then, not the scheduling.
        let hearing = try #require(timeline.entry(mentioning: "hearing", in: [document]))
        #expect(hearing.time.basis == .explicit)
        #expect(hearing.time.start == date("2015-11-03") && hearing.time.end == date("2015-11-03"))
        let scheduled = try #require(timeline.entry(mentioning: "scheduled", in: [document]))
        #expect(scheduled.time.start != date("2015-11-03"))
    }

    /// A time in a clause that "before" opens dates that clause's event, not the events before it ("her interview was
    /// recorded before Lamar Odom was found unconscious on Oct. 13"); after "after" it dates both, and a base form after a
    /// modal is its subject's predicate ("the closure would save ... next year").
    @Test func timeOfAClauseOpenedByBeforeIsNotTheEarlierEventsTime() throws {
        var hand = HandDocument("odom", "Her interview was recorded before Lamar Odom was found unconscious on Oct. 13. "
            + "The guard was questioned before being released on Monday. The nurse arrived after being called on Tuesday. "
            + "The closure would save money next year.")
        hand.event("e1", "recorded", lemma: "record")
        hand.event("e2", "found", lemma: "find")
        hand.event("e3", "questioned", lemma: "question")
        hand.event("e4", "released", lemma: "release")
        hand.event("e5", "arrived", lemma: "arrive")
        hand.event("e6", "called", lemma: "call")
        hand.event("e7", "closure", lemma: "closure", pos: .noun)
        hand.event("e8", "save", lemma: "save")
        hand.event("e9", "interview", lemma: "interview", pos: .noun)
        hand.timex("t1", "Oct. 13", "2015-10-13")
        hand.timex("t2", "Monday", "2015-10-26")
        hand.timex("t3", "Tuesday", "2015-10-27")
        hand.timex("t4", "next year", "2016")
        hand.relate("e1", .before, "e2")
        let document = hand.build()
        let timeline = TimelineBuilder().build([document])
        let found = try #require(timeline.entry(mentioning: "found", in: [document]))
        #expect(found.time.basis == .explicit && found.time.value == "2015-10-13")
        let recorded = try #require(timeline.entry(mentioning: "recorded", in: [document]))
        #expect(recorded.time.relation == .before)
        #expect(recorded.time.end.map { $0 <= date("2015-10-13") } == true)
        #expect(TimelineTextRenderer.when(recorded) == "… 2015-10-13")
        let interview = try #require(timeline.entry(mentioning: "interview", in: [document]))
        #expect(interview.time.value != "2015-10-13" || interview.time.basis != .explicit)
        let released = try #require(timeline.entry(mentioning: "released", in: [document]))
        #expect(released.time.value == "2015-10-26")
        let questioned = try #require(timeline.entry(mentioning: "questioned", in: [document]))
        #expect(questioned.time.value != "2015-10-26" || questioned.time.basis != .explicit)
        let arrived = try #require(timeline.entry(mentioning: "arrived", in: [document]))
        #expect(arrived.time.basis == .explicit && arrived.time.value == "2015-10-27")
        let closure = try #require(timeline.entry(mentioning: "closure", in: [document]))
        #expect(closure.time.value == "2016")
    }

    /// "added later", "had left earlier": the adverb places the event against the story's time, so a time elsewhere in
    /// its stretch is not its own; a time the adverb governs ("later on Tuesday"), or one after an event the adverb
    /// precedes ("later resigned on March 3"), is.
    @Test func relativeAdverbKeepsAnEventFromAnotherClausesTime() throws {
        var hand = HandDocument("shoot", "The shoot took place on Oct. 1, and the quotes were added later. "
            + "The captions were changed later on Tuesday. She later resigned on March 3.")
        hand.event("e1", "took", lemma: "take")
        hand.event("e2", "added", lemma: "add")
        hand.event("e3", "changed", lemma: "change")
        hand.event("e4", "resigned", lemma: "resign")
        hand.timex("t1", "Oct. 1", "2015-10-01")
        hand.timex("t2", "Tuesday", "2015-10-27")
        hand.timex("t3", "March 3", "2015-03-03")
        let document = hand.build()
        let timeline = TimelineBuilder().build([document])
        let took = try #require(timeline.entry(mentioning: "took", in: [document]))
        #expect(took.time.value == "2015-10-01")
        let added = try #require(timeline.entry(mentioning: "added", in: [document]))
        #expect(added.time.value != "2015-10-01" || added.time.basis != .explicit)
        let changed = try #require(timeline.entry(mentioning: "changed", in: [document]))
        #expect(changed.time.basis == .explicit && changed.time.value == "2015-10-27")
        let resigned = try #require(timeline.entry(mentioning: "resigned", in: [document]))
        #expect(resigned.time.basis == .explicit && resigned.time.value == "2015-03-03")
    }

    /// A time in a relative clause set off by commas is that clause's: "The Denby site, which opened in 1987, makes
    /// crackers" does not make crackers in 1987, and "Yeltsin fired Zaitsev, who had taken the post in August 1996"
    /// did not fire him then.
    @Test func timeOfARelativeClauseStaysInIt() throws {
        var hand = HandDocument("denby", "The Denby site, which opened in 1987, makes crackers. "
            + "Yeltsin fired Zaitsev, who had taken the post in August 1996.", dct: "1997-04-14")
        hand.event("e1", "opened", lemma: "open")
        hand.event("e2", "makes", lemma: "make")
        hand.event("e3", "fired", lemma: "fire")
        hand.event("e4", "taken", lemma: "take")
        hand.timex("t1", "1987", "1987")
        hand.timex("t2", "August 1996", "1996-08")
        let document = hand.build()
        let timeline = TimelineBuilder().build([document])
        let opened = try #require(timeline.entry(mentioning: "opened", in: [document]))
        #expect(opened.time.basis == .explicit && opened.time.value == "1987")
        let makes = try #require(timeline.entry(mentioning: "makes", in: [document]))
        #expect(makes.time.value != "1987")
        let taken = try #require(timeline.entry(mentioning: "taken", in: [document]))
        #expect(taken.time.basis == .explicit && taken.time.value == "1996-08")
        let fired = try #require(timeline.entry(mentioning: "fired", in: [document]))
        #expect(fired.time.value != "1996-08")
    }

    @Test func undatedDocumentTakesTheYearOfItsStory() throws {
        var dated = HandDocument("a", "The company announced cuts.", dct: "2025-02-10")
        dated.event("e1", "announced", lemma: "announce")
        var undated = HandDocument("b", "On Friday, Feb. 7, the company closed the plant.", dct: nil)
        undated.event("e1", "closed", lemma: "close")
        undated.timex("t1", "Friday, Feb. 7", "XXXX-02-07")
        undated.relate("e1", .isIncluded, "t1")
        let documents = [dated.build(), undated.build()]
        let timeline = TimelineBuilder().build(documents)
        let closed = try #require(timeline.entry(mentioning: "closed", in: documents))
        #expect(closed.time.value == "2025-02-07")
        #expect(closed.time.start == date("2025-02-07"))
        let note = try #require(timeline.warnings.first { $0.code == .inferredYear })
        #expect(note.document == "b" && note.message.contains("2025"))
    }

    @Test func textViewShowsKeyEntriesAndSaysHowManyAreLeftOut() {
        var hand = HandDocument("long", "Walking and talking, we see and think. Police arrested Hale on Oct. 13. Hale said he was innocent.")
        for (n, word) in ["Walking", "talking", "see", "think", "arrested"].enumerated() {
            hand.event("e\(n + 1)", word, lemma: word.lowercased())
        }
        hand.timex("t1", "Oct. 13", "2015-10-13")
        let timeline = TimelineBuilder().build([hand.build()])
        #expect(timeline.entries.count > TimelineSalience.smallStory)
        let key = TimelineTextRenderer().render(timeline)
        #expect(key.contains("arrested") && !key.contains("Walking"))
        #expect(key.contains("key entries of \(timeline.entries.count); --all shows every entry"))
        #expect(TimelineTextRenderer(selection: .all).render(timeline).contains("Walking"))
    }
}

@Suite("TIMEX3 values")
struct TimeValueTests {
    @Test(arguments: [
        ("2015", TimeValue.Granularity.year, "2015-01-01", "2015-12-31"),
        ("201", .decade, "2010-01-01", "2019-12-31"),
        ("2015-10", .month, "2015-10-01", "2015-10-31"),
        ("2015-W44", .week, "2015-10-26", "2015-11-01"),
        ("2015-W44-WE", .weekend, "2015-10-31", "2015-11-01"),
        ("2015-W44-3", .day, "2015-10-28", "2015-10-28"),
        ("2015-Q3", .quarter, "2015-07-01", "2015-09-30"),
        ("2016-WI", .season, "2015-12-01", "2016-02-29"),
        ("2015-10-13T19:30", .time, "2015-10-13", "2015-10-13"),
    ])
    func daysOfAValue(value: String, granularity: TimeValue.Granularity, first: String, last: String) throws {
        let parsed = try #require(TimeValue(value))
        #expect(parsed.granularity == granularity)
        #expect(parsed.days == date(first).dayNumber...date(last).dayNumber)
    }

    @Test func unknownYearsDurationsAndImpossibleDates() throws {
        let unknown = try #require(TimeValue("XXXX-10-28"))
        #expect(unknown.year == nil && unknown.days == nil)
        #expect(unknown.days(inYear: 2015) == date("2015-10-28").dayNumber...date("2015-10-28").dayNumber)
        #expect(TimeValue("P3D") == nil)
        #expect(TimeValue("PRESENT_REF") == nil)
        #expect(TimeValue("2015-02-30") == nil)
        #expect(TimeValue("2015-10-13TNI")?.minutes == (date("2015-10-13").dayNumber * 1440 + 19 * 60)..<(date("2015-10-13").dayNumber * 1440 + 24 * 60))
    }
}
