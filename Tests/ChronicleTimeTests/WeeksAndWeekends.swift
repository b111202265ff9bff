import Testing

/// Weeks and weekends relative to the DCT.
///
/// Conventions: weeks are ISO 8601 weeks written with two digits (`2015-W04`; the data
/// mixes `2000-W7` and `1998-W08`, the zero-padded form is the standard one). ISO years
/// differ from calendar years at year ends (2014-12-31 is in 2015-W01, 2016-01-02 in
/// 2015-W53). A weekend is `<ISO week>-WE`, the week that contains the Saturday and Sunday.
/// "N weeks ago" keeps week granularity (`2015-W42`), as "last week" does.
@Test("Weeks and weekends", arguments: weeksAndWeekends)
func weekOrWeekend(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let weeksAndWeekends: [Example] = [
    ex("The singer's photo fills this week's front page.", "2015-10-28", .date("this week", "2015-W44")),
    ex("The star filed the papers last week.", "2015-10-28", .date("last week", "2015-W43")),
    ex("The magazine will publish the full interview next week.", "2015-10-28", .date("next week", "2015-W45")),
    ex("Last week's vote split the party.", "2015-10-28", .date("Last week", "2015-W43")),
    ex("This week, the governor toured the flooded towns.", "2015-10-28", .date("This week", "2015-W44")),
    ex("Retail sales slowed last week.", "2016-01-02", .date("last week", "2015-W52")),
    ex("Lawmakers return to the capital next week.", "2016-01-02", .date("next week", "2016-W01")),
    ex("Shoppers returned thousands of gifts this week.", "2016-01-01", .date("this week", "2015-W53")),
    ex("Markets have been quiet this week.", "2014-12-31", .date("this week", "2015-W01")),
    ex("The council will reconvene next week.", "2014-12-31", .date("next week", "2015-W02")),
    ex("Oil prices fell again last week.", "2014-12-31", .date("last week", "2014-W52")),
    ex("Snow fell across the region this week.", "2010-01-03", .date("this week", "2009-W53")),
    ex("The new rules were published last week.", "2021-01-04", .date("last week", "2020-W53")),
    ex("The vaccine campaign will expand next week.", "2020-12-31", .date("next week", "2021-W01")),
    ex("Hospitals have been overwhelmed this week.", "2020-12-31", .date("this week", "2020-W53")),
    ex("The primary campaign moves south next week.", "2016-02-29", .date("next week", "2016-W10")),
    ex("Stores will reopen next week.", "2015-12-28", .date("next week", "2016-W01")),
    ex("The strike was called off two weeks ago.", "2015-10-28", .date("two weeks ago", "2015-W42")),
    ex("The mine flooded three weeks ago.", "2016-01-06", .date("three weeks ago", "2015-W51")),
    ex("The rescue crews left a week ago.", "2015-10-28", .date("a week ago", "2015-W43")),
    ex("The layoffs began the week of Oct. 12.", "2015-10-28", .date("the week of Oct. 12", "2015-W42")),
    ex("The trial is set to open the week of Jan. 4.", "2015-12-20", .date("the week of Jan. 4", "2016-W01")),

    // Weekends.
    ex("Two climbers died on the mountain over the weekend.", "2015-11-02", .date("the weekend", "2015-W44-WE")),
    ex("The couple was spotted at a party last weekend.", "2015-10-28", .date("last weekend", "2015-W43-WE")),
    ex("Forecasters expect heavy rain this weekend.", "2015-10-28", .date("this weekend", "2015-W44-WE")),
    ex("The museum will be closed over the weekend.", "2015-10-29", .date("the weekend", "2015-W44-WE")),
    ex("Voters in two states went to the polls over the weekend.", "2016-02-29", .date("the weekend", "2016-W08-WE")),
    ex("The roads iced over last weekend.", "2016-01-04", .date("last weekend", "2015-W53-WE")),
    ex("The weekend brought heavy snow to the valley.", "2016-01-04", .date("The weekend", "2015-W53-WE")),
    ex("Crowds are expected at the beaches this weekend.", "2016-01-02", .date("this weekend", "2015-W53-WE")),
    ex("Trick-or-treaters will be out in force this weekend.", "2015-10-31", .date("this weekend", "2015-W44-WE")),
    // A present perfect far from the expression still looks back: the weekend just past.
    ex("Hundreds of residents have been evacuated from the low streets beside the river in the east of the old port city over the weekend.",
       "2015-10-29", .date("the weekend", "2015-W43-WE")),
    // "the week before last", "the year after next": two steps from the current one.
    ex("The talks broke down the week before last.", "2015-10-29", .date("the week before last", "2015-W42")),
    ex("The firm went public the year before last.", "2016-01-10", .date("the year before last", "2014")),
    ex("The month before last was the wettest on record.", "2016-01-10", .date("The month before last", "2015-11")),
    ex("The stadium will open the year after next.", "2015-10-29", .date("the year after next", "2017")),
    ex("The week before last Friday was quiet.", "2015-10-29", .date("last Friday", "2015-10-23")),
]
