import Testing

/// Days named relative to the DCT (today, yesterday, tomorrow, tonight, N days ago) or to the
/// narrative reference time: "three days later", "the next day", "the same day", "that day"
/// hang on the last date the text mentioned, not on the DCT. All are DATE values of day
/// granularity, except "tonight", which is a TIME (`...TNI`).
@Test("Relative days", arguments: relativeDays)
func relativeDay(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let relativeDays: [Example] = [
    // Anchored on the DCT.
    ex("The singer spoke briefly to reporters today.", "2015-10-28", .date("today", "2015-10-28")),
    ex("Today, the family asked for privacy.", "2015-10-28", .date("Today", "2015-10-28")),
    ex("The hospital issued a short update today.", "2016-02-29T18:00", .date("today", "2016-02-29")),
    ex("Odom was moved to a hospital in Los Angeles yesterday.", "2015-10-28", .date("yesterday", "2015-10-27")),
    ex("Yesterday, doctors said he was breathing on his own.", "2015-10-28T09:15", .date("Yesterday", "2015-10-27")),
    ex("Yesterday's storm cut power to thousands of homes.", "2016-03-01", .date("Yesterday", "2016-02-29")),
    ex("The index closed lower yesterday.", "2015-03-01", .date("yesterday", "2015-02-28")),
    ex("Crowds filled the square yesterday for the fireworks.", "2016-01-01", .date("yesterday", "2015-12-31")),
    ex("The family will issue a statement tomorrow.", "2015-10-28", .date("tomorrow", "2015-10-29")),
    ex("Tomorrow the committee votes on the plan.", "2016-02-28", .date("Tomorrow", "2016-02-29")),
    ex("The new toll takes effect tomorrow.", "2015-12-31", .date("tomorrow", "2016-01-01")),
    ex("The episode airs tonight on cable.", "2015-10-28", .time("tonight", "2015-10-28TNI")),
    ex("Tonight the city will hold its biggest fireworks show.", "2016-12-31", .time("Tonight", "2016-12-31TNI")),
    ex("Tonight's debate will be the last before the primary.", "2016-02-29", .time("Tonight", "2016-02-29TNI")),
    ex("The day before yesterday, the rescue crews gave up the search.", "2015-10-28", .date("The day before yesterday", "2015-10-26")),
    ex("The dam was inspected the day before yesterday.", "2016-03-01", .date("the day before yesterday", "2016-02-28")),
    ex("The results will be known the day after tomorrow.", "2015-10-28", .date("the day after tomorrow", "2015-10-30")),
    ex("The body was found two days ago near the river.", "2015-10-28", .date("two days ago", "2015-10-26")),
    ex("The warehouse burned three days ago.", "2016-03-02", .date("three days ago", "2016-02-28")),
    ex("The vessel was last seen 10 days ago.", "2016-01-05", .date("10 days ago", "2015-12-26")),
    ex("The ballots arrived four days ago.", "2014-12-31", .date("four days ago", "2014-12-27")),
    ex("The border crossing closed five days ago.", "2021-01-04", .date("five days ago", "2020-12-30")),
    ex("The miners were trapped eight days ago.", "2016-03-05", .date("eight days ago", "2016-02-26")),
    ex("The verdict is expected two days from now.", "2015-10-28", .date("two days from now", "2015-10-30")),

    // Anchored on the narrative reference time.
    ex("The fire started on Oct. 3, and crews contained it three days later.", "2015-10-28",
       .date("Oct. 3", "2015-10-03"), .date("three days later", "2015-10-06")),
    ex("The senator resigned on May 4, 2014. The next day, her deputy was sworn in.", "2015-10-28",
       .date("May 4, 2014", "2014-05-04"), .date("The next day", "2014-05-05")),
    ex("The court ruled on June 26, 2015, and the first licences were issued the same day.", "2015-10-28",
       .date("June 26, 2015", "2015-06-26"), .date("the same day", "2015-06-26")),
    ex("The earthquake struck on March 11, 2011. That day, the stock market fell sharply.", "2015-10-28",
       .date("March 11, 2011", "2011-03-11"), .date("That day", "2011-03-11")),
    ex("The verdict came on Oct. 20; the day before, the jury had asked for more time.", "2015-10-28",
       .date("Oct. 20", "2015-10-20"), .date("the day before", "2015-10-19")),
    ex("The strike ended on Jan. 29, 2016; two days earlier, talks had collapsed.", "2016-02-10",
       .date("Jan. 29, 2016", "2016-01-29"), .date("two days earlier", "2016-01-27")),
    ex("The storm hit on Feb. 27, 2016, and power returned three days later.", "2016-03-10",
       .date("Feb. 27, 2016", "2016-02-27"), .date("three days later", "2016-03-01")),
    ex("The candidate entered the race on Dec. 30, 2015, and quit four days later.", "2016-01-10",
       .date("Dec. 30, 2015", "2015-12-30"), .date("four days later", "2016-01-03")),
    ex("The bank collapsed on Sept. 15, 2008; the following day, markets plunged.", "2015-10-28",
       .date("Sept. 15, 2008", "2008-09-15"), .date("the following day", "2008-09-16")),
    ex("The parcel was mailed on April 2, 2014, and arrived the next day.", "2015-10-28",
       .date("April 2, 2014", "2014-04-02"), .date("the next day", "2014-04-03")),
    ex("The plane landed on March 1, 2016. The previous day, it had been grounded in Denver.", "2016-03-10",
       .date("March 1, 2016", "2016-03-01"), .date("The previous day", "2016-02-29")),
    ex("The band played Houston on Oct. 3, 2015, and Dallas a day later.", "2015-10-28",
       .date("Oct. 3, 2015", "2015-10-03"), .date("a day later", "2015-10-04")),
    ex("Stocks plunged on Aug. 24, 2015, and rebounded the day after.", "2015-10-28",
       .date("Aug. 24, 2015", "2015-08-24"), .date("the day after", "2015-08-25")),
    ex("The plant shut down on June 8, 2015. Two days later, it reopened.", "2015-10-28",
       .date("June 8, 2015", "2015-06-08"), .date("Two days later", "2015-06-10")),
    ex("The couple signed the lease on Sept. 1, 2009, and moved in that day.", "2015-10-28",
       .date("Sept. 1, 2009", "2009-09-01"), .date("that day", "2009-09-01")),
    // Days and weeks counted from a named day: one DATE.
    ex("The final vote comes two weeks from Friday.", "2015-10-29", .date("two weeks from Friday", "2015-11-13")),
    ex("The sale must close 10 days from Oct. 3.", "2015-10-29", .date("10 days from Oct. 3", "2015-10-13")),
    ex("The striker is three weeks from a return.", "2015-10-29", .duration("three weeks", "P3W")),
    ex("The minister will visit Japan for three days from April 14.", "2015-10-29",
       .duration("three days", "P3D"), .date("April 14", "2016-04-14")),
    // "ago" with "today", "this month", "this week": the same day, month or week that many years back.
    ex("A year ago today the storm hit the coast.", "2015-10-29", .date("A year ago today", "2014-10-29")),
    ex("The agency was created 10 years ago this month.", "2015-10-29", .date("10 years ago this month", "2005-10")),
    ex("The war ended 70 years ago this week.", "2015-10-29", .date("70 years ago this week", "1945-W44")),
]
