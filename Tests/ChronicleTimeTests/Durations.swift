import Testing

/// Lengths of time. A duration's value does not depend on the DCT.
///
/// Conventions:
/// - The unit written is the unit of the value: "18 months" is `P18M`, "24 hours" `PT24H`,
///   "90 minutes" `PT90M` (no conversion). Fractions are spelled out in the next smaller
///   unit: "2 1/2 years" `P2Y6M`, "half an hour" `PT30M`, "an hour and a half" `PT1H30M`.
/// - A decade is `P10Y` and a century `P100Y`. The data has "about a decade" once as `P1E`
///   but "past decade" as `P10Y` and "two decades" as `P20Y`; `E` is not an ISO 8601 unit.
/// - Unknown amounts: "years" `PXY`, "several months" `PXM`, "a few days" `PXD`,
///   "hours" `PTXH`, "weeks" `PXW`.
/// - Adjectival forms are durations: "two-year contract" -> "two-year" `P2Y`.
/// - "the past two months", "the first nine months", "the next few days" are DURATIONs
///   with the determiner in the extent. "the first nine months of 2015" would be two
///   expressions in the data (the duration and the year); these examples avoid the "of".
/// - Ages ("the 31-year-old") are not durations: see `FalsePositives.swift`.
@Test("Durations", arguments: durations)
func lengthOfTime(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let durations: [Example] = [
    ex("The renovation took two years to finish.", "2015-10-28", .duration("two years", "P2Y")),
    ex("The rookie missed 10 weeks with a broken wrist.", "2015-10-28", .duration("10 weeks", "P10W")),
    ex("The former mayor served 2 1/2 years in prison.", "2015-10-28", .duration("2 1/2 years", "P2Y6M")),
    ex("The standoff with police lasted three hours.", "2015-10-28", .duration("three hours", "PT3H")),
    ex("Firefighters needed 45 minutes to reach the blaze.", "2015-10-28", .duration("45 minutes", "PT45M")),
    ex("The feud between the families has simmered for a decade.", "2015-10-28", .duration("a decade", "P10Y")),
    // A bare plural unit after "for": AQUAINT tags "for weeks" (2 of 2) and leaves out "for years" (3 of 5),
    // "for months" (1 of 1) and "for decades" (1 of 1); TimeBank has none. Units the data has no example of
    // ("for days", "for hours") are tagged, as the guidelines say. After "in", "within", "over", "after" it is tagged.
    nothing("The two stars have been friends for years.", "2015-10-28"),
    nothing("The strike has dragged on for months.", "2015-10-28"),
    ex("For weeks the rebels held the mountain pass.", "2015-10-28", .duration("weeks", "PXW")),
    ex("The climbers were stranded on the ridge for days.", "2015-10-28", .duration("days", "PXD")),
    ex("Fans queued outside the arena for hours.", "2015-10-28", .duration("hours", "PTXH")),
    ex("Repairs to the bridge will take several months.", "2015-10-28", .duration("several months", "PXM")),
    ex("The former player spent a few days in intensive care.", "2015-10-28", .duration("a few days", "PXD")),
    ex("The guard signed a two-year contract with the team.", "2015-10-28", .duration("two-year", "P2Y")),
    ex("Gas prices have climbed over the past two months.", "2015-10-28", .duration("the past two months", "P2M")),
    ex("Net income rose 9 percent in the first nine months.", "2015-10-28", .duration("the first nine months", "P9M")),
    ex("The suspect can be held for 24 hours without charge.", "2015-10-28", .duration("24 hours", "PT24H")),
    ex("The store will be closed for six months.", "2015-10-28", .duration("six months", "P6M")),
    ex("The inquiry is expected to last 18 months.", "2015-10-28", .duration("18 months", "P18M")),
    ex("She has lived in the city for a year.", "2015-10-28", .duration("a year", "P1Y")),
    ex("The meeting ran for an hour.", "2015-10-28", .duration("an hour", "PT1H")),
    ex("The film runs 90 minutes.", "2015-10-28", .duration("90 minutes", "PT90M")),
    ex("The tremor lasted 30 seconds.", "2015-10-28", .duration("30 seconds", "PT30S")),
    ex("The festival lasts a week.", "2015-10-28", .duration("a week", "P1W")),
    ex("The hikers were missing for three days.", "2015-10-28", .duration("three days", "P3D")),
    ex("The union gave the company a month to respond.", "2015-10-28", .duration("a month", "P1M")),
    ex("The city adopted a five-year plan for transit.", "2015-10-28", .duration("five-year", "P5Y")),
    ex("A three-day strike shut the port.", "2015-10-28", .duration("three-day", "P3D")),
    ex("The bank has been led by the same family for two decades.", "2015-10-28", .duration("two decades", "P20Y")),
    ex("The bridge was built to last a century.", "2015-10-28", .duration("a century", "P100Y")),
    ex("Shares have lost a fifth of their value in the past week.", "2015-10-28", .duration("the past week", "P1W")),
    ex("More than 40 people have been evacuated in the past 24 hours.", "2015-10-28",
       .duration("the past 24 hours", "PT24H")),
    ex("Crime has fallen over the last three years.", "2015-10-28", .duration("the last three years", "P3Y")),
    ex("More rain is forecast for the next few days.", "2015-10-28", .duration("the next few days", "PXD")),
    ex("The talks will continue for the next two weeks.", "2015-10-28", .duration("the next two weeks", "P2W")),
    nothing("The family waited months for an answer.", "2015-10-28"),
    ex("The case could drag on for weeks.", "2015-10-28", .duration("weeks", "PXW")),
    ex("Volunteers searched for hours in the cold.", "2015-10-28", .duration("hours", "PTXH")),
    ex("The verdict came within hours.", "2015-10-28", .duration("hours", "PTXH")),
    ex("Prices doubled in months.", "2015-10-28", .duration("months", "PXM")),
    ex("The project is running a year and a half late.", "2015-10-28", .duration("a year and a half", "P1Y6M")),
    ex("The bus was stuck in traffic for half an hour.", "2015-10-28", .duration("half an hour", "PT30M")),
    ex("The surgery took an hour and a half.", "2015-10-28", .duration("an hour and a half", "PT1H30M")),
    ex("The senator served three and a half years in the army.", "2015-10-28", .duration("three and a half years", "P3Y6M")),
    ex("The airline offered a 10-day refund window.", "2015-10-28", .duration("10-day", "P10D")),
    ex("The rebels agreed to a 48-hour truce.", "2015-10-28", .duration("48-hour", "PT48H")),
    ex("The company reported a 12-month loss of $3 million.", "2015-10-28", .duration("12-month", "P12M")),
    ex("The brothers had not spoken in eight years.", "2015-10-28", .duration("eight years", "P8Y")),
    ex("The shooting was over in fifteen minutes.", "2015-10-28", .duration("fifteen minutes", "PT15M")),
    ex("The former star spent twenty years in the league.", "2015-10-28", .duration("twenty years", "P20Y")),
    ex("The patient was kept in isolation for twenty-one days.", "2015-10-28", .duration("twenty-one days", "P21D")),
    ex("The new government has 100 days to pass a budget.", "2015-10-28", .duration("100 days", "P100D")),
    ex("Losses were heavy in the first two years.", "2015-10-28", .duration("the first two years", "P2Y")),
    ex("The plant will be rebuilt over the next 14 months.", "2015-10-28", .duration("the next 14 months", "P14M")),
    ex("Home prices have doubled in the past year.", "2015-10-28", .duration("the past year", "P1Y")),
    ex("The judge handed down a 15-year sentence.", "2015-10-28", .duration("15-year", "P15Y")),
    ex("The patient underwent a seven-hour operation.", "2015-10-28", .duration("seven-hour", "PT7H")),
    ex("The lake has shrunk by half over the past decade.", "2015-10-28", .duration("the past decade", "P10Y")),
    ex("The plan cuts spending over the next decade.", "2015-10-29", .duration("the next decade", "P10Y")),
]
