import Testing

/// Documents without a creation time. Explicit dates still normalise fully; a date whose
/// year nothing in the text pins down keeps `XXXX` (even when a weekday narrows the year
/// down to a few candidates, which the tagger may list in `yearInference`); durations,
/// sets and PRESENT/PAST/FUTURE references do not need a DCT; a relative expression with a
/// narrative anchor is resolved against it.
///
/// Left out on purpose: DCT-relative expressions with nothing to anchor them ("yesterday",
/// "last week" alone): what they should produce without a DCT is a design decision for the
/// tagger, not a TimeML fact.
@Test("No creation time", arguments: noCreationTime)
func withoutCreationTime(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let noCreationTime: [Example] = [
    ex("The museum opened in 1998.", noDCT, .date("1998", "1998")),
    ex("The hijackings of Sept. 11, 2001, reshaped the airline industry.", noDCT, .date("Sept. 11, 2001", "2001-09-11")),
    ex("Kardashian posted the message on Wednesday, Oct. 28, 2015.", noDCT, .date("Wednesday, Oct. 28, 2015", "2015-10-28")),
    ex("Sales slumped in October 2015.", noDCT, .date("October 2015", "2015-10")),
    ex("The filing is dated 2015-10-28.", noDCT, .date("2015-10-28", "2015-10-28")),
    ex("Growth stalled in the third quarter of 2014.", noDCT, .date("the third quarter of 2014", "2014-Q3")),
    ex("The company lost money in fiscal 2015.", noDCT, .date("fiscal 2015", "2015")),
    ex("The dam was finished in the summer of 2012.", noDCT, .date("the summer of 2012", "2012-SU")),
    ex("The couple separated in early 2015.", noDCT, .date("early 2015", "2015", .start)),

    // Year unknown.
    ex("Kardashian posted the message on Oct. 28.", noDCT, .date("Oct. 28", "XXXX-10-28")),
    ex("Kardashian answered her critics on Wednesday, Oct. 28.", noDCT, .date("Wednesday, Oct. 28", "XXXX-10-28")),
    ex("The hearing was held March 3 in a packed courtroom.", noDCT, .date("March 3", "XXXX-03-03")),
    ex("The senator announced her run in April.", noDCT, .date("April", "XXXX-04")),
    ex("The shelter served 500 meals on Christmas Day.", noDCT, .date("Christmas Day", "XXXX-12-25")),
    ex("The vigil began at 7 p.m.", noDCT, .time("7 p.m.", "XXXX-XX-XXT19:00")),

    // Decades and centuries.
    ex("The band was huge in the 1990s.", noDCT, .date("the 1990s", "199")),
    ex("Rents soared in the late 1990s.", noDCT, .date("the late 1990s", "199", .end)),
    ex("The house was built in the 20th century.", noDCT, .date("the 20th century", "19")),

    // No anchor needed.
    ex("The renovation took two years.", noDCT, .duration("two years", "P2Y")),
    ex("Firefighters needed 45 minutes to reach the blaze.", noDCT, .duration("45 minutes", "PT45M")),
    ex("The support group meets every Monday.", noDCT, .set("every Monday", "XXXX-WXX-1", quant: "EVERY")),
    ex("The paper is published daily.", noDCT, .set("daily", "P1D", freq: adverbFrequency)),
    ex("Kardashian and Odom are now living apart.", noDCT, .date("now", "PRESENT_REF")),
    ex("The star recently moved to a new house.", noDCT, .date("recently", "PAST_REF")),
    ex("The couple will decide about the future together.", noDCT, .date("the future", "FUTURE_REF")),

    // Narrative anchor instead of a DCT.
    ex("The patient was found on Oct. 13, 2015; two days later, he woke up.", noDCT,
       .date("Oct. 13, 2015", "2015-10-13"), .date("two days later", "2015-10-15")),
    ex("The plant opened in 2010 and closed a year later.", noDCT, .date("2010", "2010"), .date("a year later", "2011")),

    // The latest day dated in full stands in for the creation time: weekdays and "this week" hang on it,
    // not on whatever the narrative last moved to; the day after it counts as the report's own day.
    ex("The river burst its banks on Sunday, Feb. 9, 2020. By Monday morning, 300 homes had been evacuated. "
       + "The council had warned residents three days earlier. The mayor will visit on Wednesday.", noDCT,
       .date("Sunday, Feb. 9, 2020", "2020-02-09"), .time("Monday morning", "2020-02-10TMO"),
       .date("three days earlier", "2020-02-07"), .date("Wednesday", "2020-02-12")),
    ex("Officials said on Friday, March 4, 2016, that the plant would close. The union had been told on Tuesday.", noDCT,
       .date("Friday, March 4, 2016", "2016-03-04"), .date("Tuesday", "2016-03-01")),
]
