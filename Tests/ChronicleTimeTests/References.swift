import Testing

/// Vague references to the present, past and future (DATE `PRESENT_REF`, `PAST_REF`,
/// `FUTURE_REF`), and vague spans ("recent months" -> DURATION `PXM`, as the TimeML notes
/// of this project say). The values do not depend on the DCT.
///
/// Not covered on purpose: "right now" (the data has no example; whether "right" belongs
/// to the extent is open) and "once", "previously", "later" used alone (not tagged in the data).
@Test("Present, past and future references", arguments: references)
func reference(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let references: [Example] = [
    // Present.
    ex("Kardashian and Odom are now living apart.", "2015-10-28", .date("now", "PRESENT_REF")),
    ex("Now the family is asking for privacy.", "2015-10-28", .date("Now", "PRESENT_REF")),
    ex("The former player is currently in a rehabilitation clinic.", "2015-10-28", .date("currently", "PRESENT_REF")),
    ex("Currently, three candidates lead the field.", "2016-02-29", .date("Currently", "PRESENT_REF")),
    // "soon" and the adjective "future" are TimeML references, but TBAQ annotates "soon" in 5 of its
    // 18 occurrences and a bare "future" in 6 of 19: Chronicle leaves both out (see the README).
    ex("The current contract runs out soon.", "2015-10-28", .date("current", "PRESENT_REF")),
    ex("Current and former employees joined the lawsuit.", "2015-10-28", .date("Current", "PRESENT_REF")),
    ex("Until now, the couple had said nothing.", "2015-10-28", .date("now", "PRESENT_REF")),
    ex("Few people write letters nowadays.", "2015-10-28", .date("nowadays", "PRESENT_REF")),
    ex("These days, most tickets are sold online.", "2015-10-28", .date("These days", "PRESENT_REF")),
    ex("The firm has grown from a garage start-up in the 1990s to the present.", "2015-10-28",
       .date("the 1990s", "199"), .date("the present", "PRESENT_REF")),

    // Past.
    ex("The star recently moved to a new house.", "2015-10-28", .date("recently", "PAST_REF")),
    ex("Recently, the band reunited for a single show.", "2015-10-28", .date("Recently", "PAST_REF")),
    ex("The recent floods destroyed hundreds of homes.", "2015-10-28", .date("recent", "PAST_REF")),
    ex("Such mistakes were common in the past.", "2015-10-28", .date("the past", "PAST_REF")),
    ex("The two have clashed in the past over money.", "2015-10-28", .date("the past", "PAST_REF")),
    ex("The singer has been keeping a low profile lately.", "2015-10-28", .date("lately", "PAST_REF")),
    ex("The valley was covered by ice in the distant past.", "2015-10-28", .date("the distant past", "PAST_REF")),
    ex("Sales have slowed in recent months.", "2015-10-28", .duration("recent months", "PXM")),
    ex("Tensions have grown in recent weeks.", "2015-10-28", .duration("recent weeks", "PXW")),
    // TBAQ writes "recent years" as DATE PAST_REF four times out of six.
    ex("The region has warmed in recent years.", "2015-10-28", .date("recent years", "PAST_REF")),

    // Future.
    nothing("The family hopes to return home soon.", "2015-10-28"),
    nothing("Soon the streets will be closed to cars.", "2015-10-28"),
    ex("The couple will decide about the future together.", "2015-10-28", .date("the future", "FUTURE_REF")),
    ex("The plant could reopen in the near future.", "2015-10-28", .date("the near future", "FUTURE_REF")),
    nothing("The deal protects future generations.", "2015-10-28"),
    // "in future" (British) is "in the future".
    ex("The agency will publish the data in future.", "2015-10-28", .date("future", "FUTURE_REF")),
]
