import Testing

/// Years relative to the DCT or to the narrative, decades and centuries.
///
/// Conventions: "N years ago" keeps year granularity (`2013`). Decades are the first three
/// digits (`199`), centuries the first two (`19` for "the 20th century" and for "the 1900s").
/// "this century" is a DATE `20` (the data has it twice as `P100Y`, once typed DATE and once
/// DURATION; a period that contains the DCT is a DATE). The data writes decades both as
/// `199` and `199X`; the TimeML form is `199`.
@Test("Years, decades and centuries", arguments: yearsDecadesCenturies)
func yearDecadeOrCentury(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let yearsDecadesCenturies: [Example] = [
    // Years relative to the DCT.
    ex("The couple's troubles have filled the tabloids this year.", "2015-10-28", .date("this year", "2015")),
    ex("The couple married in 2009 and separated last year.", "2015-10-28", .date("2009", "2009"), .date("last year", "2014")),
    ex("The league will expand next year.", "2015-10-28", .date("next year", "2016")),
    ex("Sales of the phone fell last year.", "2016-01-02", .date("last year", "2015")),
    ex("This year has been the busiest on record for the port.", "2014-12-31", .date("This year", "2014")),
    ex("The tax cut expires next year.", "2015-12-31", .date("next year", "2016")),
    ex("The team last won the title two years ago.", "2015-10-28", .date("two years ago", "2013")),
    ex("The plant was sold five years ago.", "2016-02-29", .date("five years ago", "2011")),
    ex("A year ago, the company was close to bankruptcy.", "2015-10-28", .date("A year ago", "2014")),
    ex("The law was passed 10 years ago.", "2015-10-28", .date("10 years ago", "2005")),
    ex("The monument was restored a decade ago.", "2015-10-28", .date("a decade ago", "2005")),
    ex("Last year's harvest was poor.", "2015-10-28", .date("Last year", "2014")),
    ex("Next year's election will be costly.", "2015-10-28", .date("Next year", "2016")),
    ex("2015's best-selling album came from a newcomer.", "2016-01-20", .date("2015", "2015")),

    // Years relative to the narrative.
    ex("The plant opened in 2010 and closed a year later.", "2015-10-28", .date("2010", "2010"), .date("a year later", "2011")),
    ex("Sales fell in 2009 after rising the previous year.", "2015-10-28", .date("2009", "2009"), .date("the previous year", "2008")),
    ex("The law passed in 2012; three years earlier, a similar bill had failed.", "2015-10-28",
       .date("2012", "2012"), .date("three years earlier", "2009")),
    ex("The firm was founded in 1998 and went public two years later.", "2015-10-28",
       .date("1998", "1998"), .date("two years later", "2000")),

    // Decades.
    ex("The band was huge in the 1990s.", "2015-10-28", .date("the 1990s", "199")),
    ex("The show was a hit in the '90s.", "2015-10-28", .date("the '90s", "199")),
    ex("Her parents met in the nineties.", "2015-10-28", .date("the nineties", "199")),
    ex("The neighbourhood declined in the 1980s.", "2015-10-28", .date("the 1980s", "198")),
    ex("The company grew quickly in the 2000s.", "2015-10-28", .date("the 2000s", "200")),
    ex("The law dates from the 1960s.", "2015-10-28", .date("the 1960s", "196")),
    ex("Protest songs filled the radio in the sixties.", "2015-10-28", .date("the sixties", "196")),
    ex("The disco craze peaked in the '70s.", "2015-10-28", .date("the '70s", "197")),
    ex("The town boomed in the 1920s.", "2015-10-28", .date("the 1920s", "192")),
    ex("Smartphones defined the 2010s.", "2019-12-20", .date("the 2010s", "201")),
    ex("The company has grown fast this decade.", "2015-10-28", .date("this decade", "201")),
    ex("Rents soared in the late 1990s.", "2015-10-28", .date("the late 1990s", "199", .end)),
    ex("The factory closed in the mid-1980s.", "2015-10-28", .date("the mid-1980s", "198", .mid)),
    ex("The housing bubble formed in the early 2000s.", "2015-10-28", .date("the early 2000s", "200", .start)),
    ex("The club was founded in the early '70s.", "2015-10-28", .date("the early '70s", "197", .start)),

    // Centuries.
    ex("The house was built in the 20th century.", "2015-10-28", .date("the 20th century", "19")),
    ex("The church dates from the 19th century.", "2015-10-28", .date("the 19th century", "18")),
    ex("Cities will shape the 21st century.", "2015-10-28", .date("the 21st century", "20")),
    ex("The twentieth century saw two world wars.", "2015-10-28", .date("The twentieth century", "19")),
    ex("The mill was built in the 1800s.", "2015-10-28", .date("the 1800s", "18")),
    ex("It is the worst flood this century.", "2015-10-28", .date("this century", "20")),
    ex("The canal was dug in the late 19th century.", "2015-10-28", .date("the late 19th century", "18", .end)),
    // A fiscal year written as one word: its plain year, as "fiscal 2016" is.
    ex("Results for FY2016 beat the forecast.", "2015-10-29", .date("FY2016", "2016")),
    ex("The FY16 budget passed the house.", "2015-10-29", .date("FY16", "2016")),
    // Decades and centuries ago, halves included: whole years before the DCT.
    ex("The treaty was signed half a century ago.", "2015-10-29", .date("half a century ago", "1965")),
    ex("The firm was founded two decades ago.", "2015-10-29", .date("two decades ago", "1995")),
    // Years before Christ and eras: TimeML writes BC and four digits (decades three, centuries two).
    ex("Rome was founded in 753 BC.", "2015-10-28", .date("753 BC", "BC0753")),
    ex("Athens surrendered in 404 B.C. after the long war.", "2015-10-28", .date("404 B.C.", "BC0404")),
    ex("The legions were lost in AD 9.", "2015-10-28", .date("AD 9", "0009")),
    ex("The cult spread in the 460s BC.", "2015-10-28", .date("the 460s BC", "BC046")),
    ex("The city was rebuilt in the 4th century BC.", "2015-10-28", .date("the 4th century BC", "BC03")),
    ex("The plans were drawn up for 1777, and as late as 1781 the ministers still hoped.", "2015-10-28",
       .date("1777", "1777"), .date("1781", "1781")),
    ex("The 1777 campaign ended in defeat.", "2015-10-28", .date("1777", "1777")),
    nothing("The regiment had 1500 men.", "2015-10-28"),
]
