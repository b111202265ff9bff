import Testing

/// Recurring times (TIMEX3 type SET).
///
/// Conventions (TimeML 1.2.1 guidelines; the data, where it has sets at all, is inconsistent):
/// - The value is the period (`P1W`) or the repeated calendar slot (`XXXX-WXX-1` for Mondays,
///   `XXXX-SU` for summers, `XXXX-01` for Januaries).
/// - `quant` is the quantifier as the guidelines write it, upper case: "every" -> `EVERY`,
///   "each" -> `EACH`; no quant when the text has none ("Mondays", "daily").
/// - `freq` is the number of times per period the text states: "twice a week" -> `P1W`
///   with `2X`, "once a month" -> `P1M` with `1X`. The -ly adverbs ("daily", "weekly", "annually") are `P1D`/`P1W`/`P1Y` with
///   `freq` `1X`: the AQUAINT annotators did this for 10 of the 12 such adverbs in the data
///   (the other two are malformed), and "once a day" is what "daily" means.
/// - "every other week" is `P2W` with quant `EVERY`, the same as "every two weeks".
@Test("Sets", arguments: sets)
func recurrence(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

/// The `freq` of "daily", "weekly", "annually", ... (see the conventions above). Change it here,
/// in one place, if the project settles on leaving `freq` out for these adverbs.
let adverbFrequency: String? = "1X"

let sets: [Example] = [
    // Quantified weekdays and periods.
    ex("The support group meets every Monday.", "2015-10-28", .set("every Monday", "XXXX-WXX-1", quant: "EVERY")),
    ex("The market is held every Friday in the square.", "2015-10-28", .set("every Friday", "XXXX-WXX-5", quant: "EVERY")),
    ex("The choir rehearses each Sunday.", "2015-10-28", .set("each Sunday", "XXXX-WXX-7", quant: "EACH")),
    ex("The council publishes the figures each year.", "2015-10-28", .set("each year", "P1Y", quant: "EACH")),
    ex("Tourists flock to the town every summer.", "2015-10-28", .set("every summer", "XXXX-SU", quant: "EVERY")),
    ex("Prices are reset every January.", "2015-10-28", .set("every January", "XXXX-01", quant: "EVERY")),
    ex("The geese return each spring.", "2015-10-28", .set("each spring", "XXXX-SP", quant: "EACH")),
    ex("The patient must be checked every day.", "2015-10-28", .set("every day", "P1D", quant: "EVERY")),
    ex("The reality show films every week.", "2015-10-28", .set("every week", "P1W", quant: "EVERY")),
    ex("The race is run every year.", "2015-10-28", .set("every year", "P1Y", quant: "EVERY")),
    ex("Tenants pay their rent each month.", "2015-10-28", .set("each month", "P1M", quant: "EACH")),
    ex("The newsletter is mailed each week.", "2015-10-28", .set("each week", "P1W", quant: "EACH")),
    ex("Trash is collected every other week.", "2015-10-28", .set("every other week", "P2W", quant: "EVERY")),
    ex("The committee meets every two weeks.", "2015-10-28", .set("every two weeks", "P2W", quant: "EVERY")),
    ex("Elections are held every four years.", "2015-10-28", .set("every four years", "P4Y", quant: "EVERY")),
    ex("The filters must be changed every six months.", "2015-10-28", .set("every six months", "P6M", quant: "EVERY")),
    ex("Trains leave every 15 minutes.", "2015-10-28", .set("every 15 minutes", "PT15M", quant: "EVERY")),
    ex("The guards patrol the fence every hour.", "2015-10-28", .set("every hour", "PT1H", quant: "EVERY")),

    // Bare plural weekdays.
    ex("The museum is closed on Mondays.", "2015-10-28", .set("Mondays", "XXXX-WXX-1")),
    ex("The couple used to brunch together on Sundays.", "2015-10-28", .set("Sundays", "XXXX-WXX-7")),

    // Adverbs.
    ex("The paper is published daily.", "2015-10-28", .set("daily", "P1D", freq: adverbFrequency)),
    ex("The figures are updated weekly.", "2015-10-28", .set("weekly", "P1W", freq: adverbFrequency)),
    ex("The board meets monthly.", "2015-10-28", .set("monthly", "P1M", freq: adverbFrequency)),
    ex("The prize is awarded annually.", "2015-10-28", .set("annually", "P1Y", freq: adverbFrequency)),
    ex("Members renew their passes yearly.", "2015-10-28", .set("yearly", "P1Y", freq: adverbFrequency)),
    ex("Staff are paid hourly.", "2015-10-28", .set("hourly", "PT1H", freq: adverbFrequency)),

    // Stated frequencies.
    ex("Odom's relatives visit him twice a week.", "2015-10-28", .set("twice a week", "P1W", freq: "2X")),
    ex("The fund reports three times a year.", "2015-10-28", .set("three times a year", "P1Y", freq: "3X")),
    ex("The inspectors come once a month.", "2015-10-28", .set("once a month", "P1M", freq: "1X")),
    ex("The drug is taken twice daily.", "2015-10-28", .set("twice daily", "P1D", freq: "2X")),
    ex("Nurses check the ward four times a day.", "2015-10-28", .set("four times a day", "P1D", freq: "4X")),
    // "on weekends", "at weekends": every weekend; a counted "three weekends" is not a recurrence.
    ex("The office is closed on weekends.", "2015-10-29", .set("weekends", "XXXX-WXX-WE")),
    ex("She works at weekends in a bakery.", "2016-02-29", .set("weekends", "XXXX-WXX-WE")),
    nothing("The repairs took three weekends.", "2015-10-29"),
]
