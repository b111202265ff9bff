import Testing

/// Months, quarters, halves and seasons relative to the DCT, with month / quarter / half /
/// season granularity ("last month" is `2015-09`, never a day).
///
/// Conventions:
/// - "last March" / "last spring": the latest March / spring that began before the DCT's
///   current one ("last March" said in October 2015 is `2015-03`; said in March 2016,
///   `2015-03`). The data has "last fall" said in June 1999 -> `1998-FA` and in February 1998
///   -> `1997-FA` (agreeing), but also "last spring" said in October 1989 -> `1988-SP`
///   (disagreeing); the corpus follows the "most recent" reading.
/// - "next March" / "next spring": the first one after the DCT's current one.
/// - A season is labelled by the year in which it begins: `2014-WI` is the winter of
///   December 2014 to February 2015 (so "last winter" said in October 2015 is `2014-WI`, and
///   "this winter" said then is `2015-WI`).
/// - "third-quarter" as an adjective is a DATE (`2015-Q3`), as in the data.
/// - Quarters and halves without a year take the year that puts them nearest the DCT on
///   the side the tense points to ("fourth-quarter earnings" reported in February 2016 are
///   `2015-Q4`; the data has the same for 1997-Q4 in a January 1998 report).
@Test("Months, quarters, halves and seasons", arguments: monthsQuartersSeasons)
func monthQuarterOrSeason(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let monthsQuartersSeasons: [Example] = [
    // Months.
    ex("Odom's family flew to his bedside last month.", "2015-10-28", .date("last month", "2015-09")),
    ex("The couple called off the divorce this month.", "2015-10-28", .date("this month", "2015-10")),
    ex("The magazine will run a second interview next month.", "2015-10-28", .date("next month", "2015-11")),
    ex("Layoffs hit the plant last month.", "2016-01-02", .date("last month", "2015-12")),
    ex("The new fares take effect next month.", "2015-12-15", .date("next month", "2016-01")),
    ex("Home sales rose last month.", "2016-03-01", .date("last month", "2016-02")),
    ex("The county has seen record rainfall this month.", "2016-02-29", .date("this month", "2016-02")),
    ex("Last month's report was revised upward.", "2015-10-28", .date("Last month", "2015-09")),
    ex("The chief executive stepped down a month ago.", "2015-10-28", .date("a month ago", "2015-09")),
    ex("The factory closed two months ago.", "2016-01-15", .date("two months ago", "2015-11")),
    ex("The talks broke down six months ago.", "2016-02-29", .date("six months ago", "2015-08")),
    ex("The mine reopened in March after the flood.", "2015-10-28", .date("March", "2015-03")),
    ex("The company moved its headquarters last March.", "2015-10-28", .date("last March", "2015-03")),
    ex("The bridge collapsed last March.", "2016-03-15", .date("last March", "2015-03")),
    ex("Construction is due to begin next March.", "2015-10-28", .date("next March", "2016-03")),
    ex("The treaty was ratified last December.", "2016-06-01", .date("last December", "2015-12")),
    ex("The new stadium opens next January.", "2015-10-28", .date("next January", "2016-01")),

    // Quarters.
    ex("Profit fell 12 percent in the third quarter.", "2015-10-28", .date("the third quarter", "2015-Q3")),
    ex("Third-quarter revenue beat forecasts.", "2015-10-28", .date("Third-quarter", "2015-Q3")),
    ex("The airline posted a third-quarter loss.", "2015-10-28", .date("third-quarter", "2015-Q3")),
    ex("Analysts see fourth-quarter sales rising.", "2015-10-28", .date("fourth-quarter", "2015-Q4")),
    ex("Sales will pick up in the fourth quarter, the company said.", "2015-10-28", .date("the fourth quarter", "2015-Q4")),
    ex("The bank lost money in the first quarter.", "2016-04-20", .date("the first quarter", "2016-Q1")),
    ex("The retailer reported weak fourth-quarter earnings.", "2016-02-10", .date("fourth-quarter", "2015-Q4")),
    ex("Exports shrank last quarter.", "2015-10-28", .date("last quarter", "2015-Q3")),
    ex("The firm hopes to break even this quarter.", "2015-10-28", .date("this quarter", "2015-Q4")),
    ex("Hiring should resume next quarter.", "2015-10-28", .date("next quarter", "2016-Q1")),
    ex("Margins narrowed in the current quarter.", "2015-10-28", .date("the current quarter", "2015-Q4")),
    ex("The economy contracted in the first quarter of 2014.", "2015-10-28", .date("the first quarter of 2014", "2014-Q1")),
    ex("Growth slowed in the second quarter of 2009.", "2015-10-28", .date("the second quarter of 2009", "2009-Q2")),

    // Halves.
    ex("Deliveries doubled in the first half of 2015.", "2015-10-28", .date("the first half of 2015", "2015-H1")),
    ex("The carrier expects a recovery in the second half.", "2015-10-28", .date("the second half", "2015-H2")),
    ex("First-half profit rose 8 percent.", "2015-08-05", .date("First-half", "2015-H1")),
    ex("Orders slumped in the first half of the year.", "2015-08-05", .date("the first half of the year", "2015-H1")),
    ex("The plant should be running by the second half of next year.", "2015-10-28", .date("the second half of next year", "2016-H2")),

    // Seasons.
    ex("The couple reconciled this summer.", "2015-10-28", .date("this summer", "2015-SU")),
    // A winter is written with the year of its January ("last winter" in October 2015 ran from December 2014).
    ex("The lake froze solid last winter.", "2015-10-28", .date("last winter", "2015-WI")),
    ex("Heating bills soared last winter.", "2016-06-10", .date("last winter", "2016-WI")),
    ex("The show returns next spring.", "2015-10-28", .date("next spring", "2016-SP")),
    ex("The park will reopen this spring.", "2016-02-10", .date("this spring", "2016-SP")),
    ex("The coach was hired last fall.", "2016-03-01", .date("last fall", "2015-FA")),
    ex("Enrollment has climbed this fall.", "2015-10-28", .date("this fall", "2015-FA")),
    ex("The ferry service ended last autumn.", "2016-05-01", .date("last autumn", "2015-FA")),
    ex("The dam was finished in the summer of 2012.", "2015-10-28", .date("the summer of 2012", "2012-SU")),
    ex("The company plans to go public next summer.", "2015-10-28", .date("next summer", "2016-SU")),
    ex("Tourism recovered last summer.", "2015-10-28", .date("last summer", "2015-SU")),
    ex("The pipeline was damaged last spring.", "2015-10-28", .date("last spring", "2015-SP")),
    ex("The company plans to go public in the spring.", "2015-10-28", .date("the spring", "2016-SP")),
    ex("Gas prices are expected to rise this winter.", "2015-10-28", .date("this winter", "2016-WI")),
    ex("Heating bills rose this winter.", "2016-01-20", .date("this winter", "2016-WI")),
    ex("The album was recorded in the spring of 2016.", "2016-10-01", .date("the spring of 2016", "2016-SP")),
    ex("The drought began in summer 2014.", "2015-10-28", .date("summer 2014", "2014-SU")),
    // A year that opens the sentence dates the months and seasons named after it.
    ex("In 2012, the streets flooded twice, in March and again in the autumn.", "2015-10-29",
       .date("2012", "2012"), .date("March", "2012-03"), .date("the autumn", "2012-FA")),
    ex("Last year the plant closed in March.", "2015-10-29", .date("Last year", "2014"), .date("March", "2014-03")),
    // Not a year inside a name or after "before", nor a month in the future tense.
    ex("The 2012 plan was dropped in March.", "2015-10-29", .date("2012", "2012"), .date("March", "2015-03")),
    ex("Before 1991, Nov. 7 was a public holiday.", "2016-03-01", .date("1991", "1991"), .date("Nov. 7", "2015-11-07")),
    ex("In 2012 the plant closed; it will reopen in March.", "2015-10-29", .date("2012", "2012"), .date("March", "2016-03")),
    // Halves written like quarters: "H1 2016", "H2" (not "H1N1", "H2O", "H1-B").
    ex("Profits rose in H1 2016.", "2015-10-29", .date("H1 2016", "2016-H1")),
    ex("Sales fell in H2.", "2015-10-29", .date("H2", "2015-H2")),
    nothing("The H1N1 virus spread quickly.", "2015-10-29"),
    nothing("He holds an H1-B visa.", "2015-10-29"),
]
