import Testing

/// Month + day (or a month alone) without a year, anchored on the DCT.
///
/// Convention: the year is the one that puts the date nearest the DCT on the side the
/// sentence points to. In a past-tense report that is the latest such date on or before the
/// DCT ("Dec. 30" said on 2016-01-02 -> 2015-12-30); in a future-tense sentence the earliest
/// on or after it ("Jan. 15" said on 2015-12-30 -> 2016-01-15). The TimeBank/AQUAINT data
/// agrees ("Nov. 25" in a 2000-02-16 report -> 1999-11-25; "Feb. 1" in a 1989-10-26 outlook
/// -> 1990-02-01; "December" in a 1998-02-06 report -> 1997-12).
@Test("Years inferred from the DCT", arguments: yearInference)
func yearInferred(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let yearInference: [Example] = [
    // Past tense just after New Year: the previous year.
    ex("Odom was released from the hospital on Dec. 30.", "2016-01-02", .date("Dec. 30", "2015-12-30")),
    ex("The store shut its doors for good on Dec. 24.", "2016-01-05", .date("Dec. 24", "2015-12-24")),
    ex("In November, the board hired a new chief executive.", "2016-01-10", .date("November", "2015-11")),
    ex("The company reported a loss in December.", "2016-02-01", .date("December", "2015-12")),
    ex("The recall was ordered on Dec. 31.", "2021-01-04", .date("Dec. 31", "2020-12-31")),
    ex("Auditors found errors in the December accounts.", "2021-01-04", .date("December", "2020-12")),
    ex("The ship left port on Sept. 2 and has not been heard from since.", "2016-01-02", .date("Sept. 2", "2015-09-02")),

    // Past tense, same year.
    ex("Shares rose on Oct. 13 after the report.", "2015-10-28", .date("Oct. 13", "2015-10-13")),
    ex("Prices spiked on Dec. 28 as the storm hit.", "2015-12-30", .date("Dec. 28", "2015-12-28")),
    ex("The mayor was sworn in on Jan. 2.", "2016-01-02", .date("Jan. 2", "2016-01-02")),
    ex("The curfew was lifted on Jan. 3.", "2021-01-04", .date("Jan. 3", "2021-01-03")),
    ex("The merger closed on Feb. 29.", "2016-03-04", .date("Feb. 29", "2016-02-29")),
    ex("The hurricane made landfall on Aug. 29.", "2005-09-05", .date("Aug. 29", "2005-08-29")),
    ex("The governor signed the bill in July.", "2016-09-10", .date("July", "2016-07")),
    ex("Flights resumed on Nov. 30.", "2016-12-02", .date("Nov. 30", "2016-11-30")),

    // Future tense just before New Year: the next year.
    ex("The law will take effect Jan. 1.", "2015-12-15", .date("Jan. 1", "2016-01-01")),
    ex("Classes will resume Monday, Jan. 4.", "2015-12-28", .date("Monday, Jan. 4", "2016-01-04")),
    ex("The trial will start in February.", "2015-11-20", .date("February", "2016-02")),
    ex("The court will rule on Jan. 15.", "2015-12-30", .date("Jan. 15", "2016-01-15")),
    ex("The new tariff will apply from January.", "2020-12-18", .date("January", "2021-01")),
    ex("The band will tour Europe in March.", "2015-10-28", .date("March", "2016-03")),
    // The nearest Feb. 29 after 2015-10-28 is in the leap year 2016.
    ex("The festival will return on Feb. 29.", "2015-10-28", .date("Feb. 29", "2016-02-29")),

    // Future tense, same year.
    ex("The general election will be held on Nov. 8.", "2016-10-01", .date("Nov. 8", "2016-11-08")),
    ex("She will turn 40 on Aug. 8.", "2016-08-01", .date("Aug. 8", "2016-08-08")),
    ex("The team will play its opening game on Sept. 10.", "2016-08-20", .date("Sept. 10", "2016-09-10")),
    ex("A new chief executive will take over on Dec. 1.", "2016-11-15", .date("Dec. 1", "2016-12-01")),
    ex("The band will tour in March.", "2016-01-20", .date("March", "2016-03")),
]
