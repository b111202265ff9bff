import Testing

/// Where an expression starts and ends.
///
/// Rules (TimeML notes): prepositions and trailing punctuation are outside ("on Friday" ->
/// "Friday"; "2015," -> "2015"); determiners, quantifiers and "ago"/"earlier"/"later" are
/// inside; the possessive "'s" is outside ("Friday's" -> "Friday", as in the data); a period
/// that belongs to an abbreviation stays inside ("7 p.m." at the end of a sentence, "Oct.").
/// Offsets count Unicode scalars, so text with accented letters and typographic quotes
/// before the expression must still yield the right extent.
@Test("Extents", arguments: extents)
func extent(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let extents: [Example] = [
    // Prepositions are outside.
    ex("The interview was conducted on Friday.", "2015-10-28", .date("Friday", "2015-10-23")),
    ex("The show has aired since 2007.", "2015-10-28", .date("2007", "2007")),
    ex("The offer is valid until next week.", "2015-10-28", .date("next week", "2015-W45")),
    ex("The senator served for three years.", "2015-10-28", .duration("three years", "P3Y")),
    ex("The store was busy during the weekend.", "2015-11-02", .date("the weekend", "2015-W44-WE")),
    ex("The shop closes at 7 p.m.", "2015-10-28", .time("7 p.m.", "2015-10-28T19:00")),
    ex("The results are due by the end of the year.", "2015-10-28", .date("the end of the year", "2015", .end)),
    ex("Tickets go on sale in December.", "2015-10-28", .date("December", "2015-12")),

    // Determiners, quantifiers, "ago", "earlier", "later" are inside.
    ex("Revenue rose in the third quarter.", "2015-10-28", .date("the third quarter", "2015-Q3")),
    ex("The company changed hands two years ago.", "2015-10-28", .date("two years ago", "2013")),
    ex("The merger closed in 2012; talks had begun a year earlier.", "2015-10-28", .date("2012", "2012"), .date("a year earlier", "2011")),

    // Trailing punctuation is outside; an abbreviation's period is inside.
    ex("The accident happened in 2015, police said.", "2016-03-01", .date("2015", "2015")),
    ex("The doors open at 7 p.m.", "2015-10-28", .time("7 p.m.", "2015-10-28T19:00")),
    ex("The hearing is set for Oct. 28.", "2015-10-20", .date("Oct. 28", "2015-10-28")),
    ex("Was the decision made yesterday?", "2015-10-28", .date("yesterday", "2015-10-27")),
    ex("The deadline is tomorrow!", "2015-10-28", .date("tomorrow", "2015-10-29")),
    ex("The ruling (Oct. 13) surprised everyone.", "2015-10-28", .date("Oct. 13", "2015-10-13")),
    ex("The building opened (in 1998) to great fanfare.", "2015-10-28", .date("1998", "1998")),
    // "soon" is left out on purpose (see References.swift); the quotes must not make it an expression either.
    nothing("The spokesman said the family would speak \"soon\".", "2015-10-28"),
    ex("The pair split in 2013; they reconciled in 2015.", "2015-10-28", .date("2013", "2013"), .date("2015", "2015")),
    ex("The star's timeline: Oct. 13, hospital; Oct. 28, tweets.", "2015-10-30",
       .date("Oct. 13", "2015-10-13"), .date("Oct. 28", "2015-10-28")),
    ex("The rally is at noon — rain or shine.", "2015-10-28", .time("noon", "2015-10-28T12:00")),

    // Possessives.
    ex("Friday's game was postponed.", "2015-11-02", .date("Friday", "2015-10-30")),
    ex("Last year's flood was the worst in memory.", "2015-10-28", .date("Last year", "2014")),
    ex("The story ran on this week's cover.", "2015-10-28", .date("this week", "2015-W44")),
    ex("Today's hearing was closed to the public.", "2015-10-28", .date("Today", "2015-10-28")),

    // Unicode before the expression: offsets are counted in Unicode scalars.
    ex("Khloé Kardashian tweeted on Wednesday.", "2015-10-28", .date("Wednesday", "2015-10-28")),
    ex("“We are not back together,” Khloé said on Monday.", "2015-10-28", .date("Monday", "2015-10-26")),
    ex("The café reopened in 2014 after the fire.", "2015-10-28", .date("2014", "2014")),
    ex("The show was a hit in the ’90s.", "2015-10-28", .date("the ’90s", "199")),
    ex("Crème brûlée sales doubled last month.", "2015-10-28", .date("last month", "2015-09")),
]
