import Testing

/// Pre- and post-modifiers that set TIMEX3 `mod`; the modifier is part of the extent.
///
/// Conventions (TimeML 1.2.1; the data is inconsistent, "nearly" appears as APPROX,
/// LESS_THAN and EQUAL_OR_LESS):
/// - early / the beginning of / the start of / earlier this ... -> START
/// - mid- / the middle of -> MID; late / the end of / later this ... -> END
/// - about / around / roughly / some / approximately -> APPROX
/// - nearly / almost / less than / under -> LESS_THAN; more than / over -> MORE_THAN
/// - at least -> EQUAL_OR_MORE; no more than / up to / at most -> EQUAL_OR_LESS
/// - "2015 or later" -> ON_OR_AFTER; "1999 or earlier" -> ON_OR_BEFORE
/// - "earlier this year" keeps the granularity of "this year" (`2015`, START); "later this
///   month" is `2015-10` END. (The data once has "later this year" as a day with
///   ON_OR_AFTER; the corpus uses END, the mirror of "earlier this year".)
/// - "late yesterday" / "early Tuesday" stay DATEs with a day value and START/END, as in the data.
@Test("Modifiers", arguments: modifiers)
func modifiedExpression(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let modifiers: [Example] = [
    // Position within a period.
    ex("The couple separated in early 2015.", "2015-10-28", .date("early 2015", "2015", .start)),
    ex("The singer was hospitalised in late October.", "2015-11-02", .date("late October", "2015-10", .end)),
    ex("The strike began in mid-April.", "2015-10-28", .date("mid-April", "2015-04", .mid)),
    ex("The company hopes to turn a profit by the end of the year.", "2015-10-28", .date("the end of the year", "2015", .end)),
    ex("The documents were filed at the beginning of October.", "2015-10-28", .date("the beginning of October", "2015-10", .start)),
    ex("Earlier this year, the two were seen at a charity gala.", "2015-10-28", .date("Earlier this year", "2015", .start)),
    ex("The star will speak publicly later this month.", "2015-10-28", .date("later this month", "2015-10", .end)),
    ex("Sales picked up earlier this month.", "2015-10-28", .date("earlier this month", "2015-10", .start)),
    ex("A decision is expected later this year.", "2015-10-28", .date("later this year", "2015", .end)),
    ex("The lawyers met earlier this week.", "2015-10-28", .date("earlier this week", "2015-W44", .start)),
    ex("The findings will be released later this week.", "2015-10-28", .date("later this week", "2015-W44", .end)),
    ex("The plant closed in late 2016.", "2017-05-10", .date("late 2016", "2016", .end)),
    ex("The merger should be complete by mid-2014.", "2013-11-01", .date("mid-2014", "2014", .mid)),
    ex("The first snow fell in early September.", "2015-10-28", .date("early September", "2015-09", .start)),
    ex("The harvest ended in late September.", "2015-10-28", .date("late September", "2015-09", .end)),
    ex("Talks collapsed in mid-March.", "2015-10-28", .date("mid-March", "2015-03", .mid)),
    ex("The new terminal opens at the end of November.", "2015-10-28", .date("the end of November", "2015-11", .end)),
    ex("Prices rose at the start of the year.", "2015-10-28", .date("the start of the year", "2015", .start)),
    ex("The factory will be finished in the middle of next year.", "2015-10-28", .date("the middle of next year", "2016", .mid)),
    ex("The rules will be tightened at the end of 2016.", "2015-10-28", .date("the end of 2016", "2016", .end)),
    ex("The firm was sold late last year.", "2015-10-28", .date("late last year", "2014", .end)),
    ex("A new album is due early next year.", "2015-10-28", .date("early next year", "2016", .start)),
    ex("The deal is expected to close by the end of the week.", "2015-10-28", .date("the end of the week", "2015-W44", .end)),
    ex("The city hopes to finish the subway by the end of the decade.", "2015-10-28", .date("the end of the decade", "201", .end)),
    ex("The tanker ran aground late yesterday.", "2015-10-28", .date("late yesterday", "2015-10-27", .end)),
    ex("The storm reached the coast early Tuesday.", "2015-10-28", .date("early Tuesday", "2015-10-27", .start)),
    ex("The gunfire began late last night.", "2015-10-28", .time("late last night", "2015-10-27TNI", .end)),
    ex("The water main burst early this morning.", "2015-10-28", .time("early this morning", "2015-10-28TMO", .start)),

    // Approximation and bounds on durations.
    ex("The two dated for about two years before they married.", "2015-10-28", .duration("about two years", "P2Y", .approximately)),
    ex("The marriage lasted nearly three years.", "2015-10-28", .duration("nearly three years", "P3Y", .lessThan)),
    ex("Rescuers worked for more than four hours to free the driver.", "2015-10-28", .duration("more than four hours", "PT4H", .moreThan)),
    ex("Buyers have to wait at least 30 days for a refund.", "2015-10-28", .duration("at least 30 days", "P30D", .equalOrMore)),
    ex("Detainees may be held for no more than 60 days.", "2015-10-28", .duration("no more than 60 days", "P60D", .equalOrLess)),
    ex("The ban could last up to 180 days.", "2015-10-28", .duration("up to 180 days", "P180D", .equalOrLess)),
    ex("The negotiations took almost two years.", "2015-10-28", .duration("almost two years", "P2Y", .lessThan)),
    ex("The cleanup will take roughly three months.", "2015-10-28", .duration("roughly three months", "P3M", .approximately)),
    ex("The tribe has lived on the island for some 20 years.", "2015-10-28", .duration("some 20 years", "P20Y", .approximately)),
    ex("The dispute has dragged on for over a decade.", "2015-10-28", .duration("over a decade", "P10Y", .moreThan)),
    ex("The outage lasted less than an hour.", "2015-10-28", .duration("less than an hour", "PT1H", .lessThan)),
    ex("The race was won in under two hours.", "2015-10-28", .duration("under two hours", "PT2H", .lessThan)),
    ex("The grace period is at most 10 days.", "2015-10-28", .duration("at most 10 days", "P10D", .equalOrLess)),
    ex("The pair have not spoken in more than a year.", "2015-10-28", .duration("more than a year", "P1Y", .moreThan)),
    ex("The treatment takes approximately six weeks.", "2015-10-28", .duration("approximately six weeks", "P6W", .approximately)),
    ex("The company has run the ferry for about a decade.", "2015-10-28", .duration("about a decade", "P10Y", .approximately)),

    // Approximate and bounded points.
    ex("The shop opened about two years ago.", "2015-10-28", .date("about two years ago", "2013", .approximately)),
    ex("The shots were fired around 7:15 p.m.", "2015-10-28", .time("around 7:15 p.m.", "2015-10-28T19:15", .approximately)),
    ex("The crash happened at about 6 a.m.", "2015-10-28", .time("about 6 a.m.", "2015-10-28T06:00", .approximately)),
    ex("The bonds mature in 2015 or later.", "2013-06-01", .date("2015 or later", "2015", .onOrAfter)),
    ex("Cars built in 1999 or earlier are exempt.", "2015-10-28", .date("1999 or earlier", "1999", .onOrBefore)),
    // Before a possessive the word belongs to the noun: "around" is a preposition of "get around" here.
    ex("They will look for ways to get around Wednesday's ruling.", "2000-01-07", .date("Wednesday", "2000-01-05")),
    ex("Nearly a year's work was lost.", "2015-10-28", .duration("a year", "P1Y")),
    ex("The target date is end-2015.", "2015-10-29", .date("end-2015", "2015", .end)),
]
