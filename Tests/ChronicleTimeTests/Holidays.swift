import Testing

/// Named days: fixed feasts (Christmas, New Year's Day, Halloween, Independence Day) and
/// movable ones (Easter by the Gregorian computus, Thanksgiving = 4th Thursday of November,
/// Election Day = the Tuesday after the first Monday of November, Memorial Day = last
/// Monday of May, Labor Day = 1st Monday of September, Martin Luther King Jr. Day = 3rd
/// Monday of January), all as DATEs with a day value.
///
/// The year follows the rule for dates without a year (`YearInference.swift`): the
/// occurrence nearest the DCT on the side the tense points to. The data has no holidays, so
/// the values follow the guidelines (a named day is a day).
@Test("Holidays", arguments: holidays)
func holiday(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let holidays: [Example] = [
    ex("The album will be in stores before Christmas.", "2015-10-28", .date("Christmas", "2015-12-25")),
    ex("Toy sales were strong over Christmas.", "2016-01-05", .date("Christmas", "2015-12-25")),
    ex("The shelter will serve 500 meals on Christmas Day.", "2015-12-20", .date("Christmas Day", "2015-12-25")),
    ex("The fire broke out on Christmas Eve.", "2015-12-27", .date("Christmas Eve", "2015-12-24")),
    ex("The couple spent last Christmas apart.", "2015-10-28", .date("last Christmas", "2014-12-25")),
    ex("The band reunited for one night at Christmas 2014.", "2015-10-28", .date("Christmas 2014", "2014-12-25")),
    ex("The new tax takes effect on New Year's Day.", "2015-12-10", .date("New Year's Day", "2016-01-01")),
    ex("The city will host a concert on New Year's Eve.", "2015-12-10", .date("New Year's Eve", "2015-12-31")),
    ex("Police made dozens of arrests on New Year's Eve.", "2016-01-02", .date("New Year's Eve", "2015-12-31")),
    ex("Odom hopes to be home by Thanksgiving.", "2015-10-28", .date("Thanksgiving", "2015-11-26")),
    ex("The parade will go ahead on Thanksgiving Day.", "2016-11-01", .date("Thanksgiving Day", "2016-11-24")),
    ex("Stores opened their doors on Thanksgiving.", "2012-11-26", .date("Thanksgiving", "2012-11-22")),
    ex("The cathedral will reopen for Easter.", "2016-01-15", .date("Easter", "2016-03-27")),
    ex("Pilgrims will crowd the square on Easter Sunday.", "2019-04-01", .date("Easter Sunday", "2019-04-21")),
    ex("The church was packed on Easter.", "2015-04-20", .date("Easter", "2015-04-05")),
    ex("The new pope will celebrate Easter in Rome.", "2024-02-01", .date("Easter", "2024-03-31")),
    ex("Markets will be closed on Good Friday.", "2016-03-20", .date("Good Friday", "2016-03-25")),
    ex("Turnout on Election Day is expected to be high.", "2016-10-01", .date("Election Day", "2016-11-08")),
    ex("Lines stretched around the block on Election Day.", "2020-11-05", .date("Election Day", "2020-11-03")),
    ex("The ads will run until Election Day.", "2012-10-15", .date("Election Day", "2012-11-06")),
    ex("Candy sales soar before Halloween.", "2015-10-28", .date("Halloween", "2015-10-31")),
    ex("Florists expect a rush before Valentine's Day.", "2016-01-20", .date("Valentine's Day", "2016-02-14")),
    ex("The town will hold a fireworks show on Independence Day.", "2023-06-20", .date("Independence Day", "2023-07-04")),
    ex("Two people were hurt at a party on the Fourth of July.", "2023-07-06", .date("the Fourth of July", "2023-07-04")),
    ex("The pool opens on Memorial Day.", "2016-05-10", .date("Memorial Day", "2016-05-30")),
    ex("Schools will reopen after Labor Day.", "2015-08-20", .date("Labor Day", "2015-09-07")),
    ex("Federal offices close on Martin Luther King Jr. Day.", "2016-01-10", .date("Martin Luther King Jr. Day", "2016-01-18")),
    // A weekday counted within a month, like the movable feasts: "the second Tuesday of November".
    ex("The second Tuesday of November is the deadline.", "2015-10-29", .date("The second Tuesday of November", "2015-11-10")),
    ex("The vote was held on the first Monday in October 2014.", "2015-10-29", .date("the first Monday in October 2014", "2014-10-06")),
    ex("The fair opens on the third Saturday of March, 2016.", "2015-10-29", .date("the third Saturday of March, 2016", "2016-03-19")),
    ex("The board met on the last Friday of February.", "2016-03-10", .date("the last Friday of February", "2016-02-26")),
    ex("The rally is set for the last weekend of October.", "2015-10-29", .date("the last weekend of October", "2015-W44-WE")),
    // Not a weekend before this one: "the last weekend of the season" names no month.
    nothing("Attendance fell in the last weekend of the season.", "2015-10-29"),
    // A holiday's weekend: its own for a Friday to a Sunday, the one before a Monday holiday.
    ex("Traffic was heavy over the Labor Day weekend.", "2015-10-29", .date("the Labor Day weekend", "2015-W36-WE")),
    ex("The Easter weekend was wet and cold.", "2015-10-29", .date("The Easter weekend", "2015-W14-WE")),
]
