import Testing

/// Ranges and coordination: each end is its own expression with a full value; the first end takes from the
/// second what it leaves out (month, year, era, unit). "the next 12 to 18 months" and "two to three weeks"
/// stay one vague length, as TimeBank writes them; "between 12 and 18 months" and "10-12 hours" are two.
@Test("Ranges and coordination", arguments: ranges)
func range(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let ranges: [Example] = [
    ex("The battle raged on 12–14 July 1950.", "2009-12-19", .date("12", "1950-07-12"), .date("14 July 1950", "1950-07-14")),
    ex("The campaign of 1861–1863 exhausted both armies.", "2009-12-19", .date("1861", "1861"), .date("1863", "1863")),
    ex("Throughout 1915–17 the front barely moved.", "2009-12-19", .date("1915", "1915"), .date("17", "1917")),
    ex("Crime fell in 2007-08, the report found.", "2010-03-01", .date("2007", "2007"), .date("08", "2008")),
    ex("The revolt of 499–493 BC failed.", "2009-12-19", .date("499", "BC0499"), .date("493 BC", "BC0493")),
    ex("Fighting lasted from 14 August–24 August 1914.", "2009-12-19",
       .date("14 August", "1914-08-14"), .date("24 August 1914", "1914-08-24")),
    ex("The clash took place on 31 May-1 June 1916.", "2009-12-19", .date("31 May", "1916-05-31"), .date("1 June 1916", "1916-06-01")),
    ex("Talks were held on March 5-9, 1918.", "2009-12-19", .date("March 5", "1918-03-05"), .date("9, 1918", "1918-03-09")),
    ex("The offensive ran from July 1 to July 3, 1863.", "2009-12-19", .date("July 1", "1863-07-01"), .date("July 3, 1863", "1863-07-03")),
    ex("Markets were shut on the 28 and 29 August.", "2015-09-02", .date("the 28", "2015-08-28"), .date("29 August", "2015-08-29")),
    ex("The fair ran 19-20 Oct in the park.", "2015-10-28", .date("19", "2015-10-19"), .date("20 Oct", "2015-10-20")),
    ex("Recovery takes between 12 and 18 months.", "2015-10-28", .duration("12", "P12M"), .duration("18 months", "P18M")),
    ex("I spent 10-12 hours in the lab.", "2015-10-28", .duration("10", "PT10H"), .duration("12 hours", "PT12H")),
    ex("Shipments resume within two to three weeks.", "2015-10-28", .duration("two to three weeks", "PXW")),
    nothing("Sales held at 2,000-3,000 units.", "2015-10-28"),
    nothing("Tickets cost $10-12 at the door.", "2015-10-28"),
]
