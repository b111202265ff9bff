import Testing

/// Weekday names, resolved by tense against the DCT.
///
/// Conventions (TimeML notes, and the TimeBank/AQUAINT data, where a bare weekday in a
/// past-tense report is the most recent such day on or before the DCT, the DCT included):
/// - past tense: the latest such weekday on or before the DCT ("said Wednesday" on a Wednesday is the DCT);
/// - future tense: the first such weekday after the DCT;
/// - "last Friday": the latest Friday strictly before the DCT (said on a Friday: a week earlier);
/// - "next Monday": the Monday of the ISO week after the DCT's (in every case below this is
///   also simply the first Monday after the DCT);
/// - "this Tuesday": the Tuesday of the DCT's ISO week (only used here for days still to come).
/// Cases where "last"/"next" are read differently by different speakers ("last Monday" said on
/// a Wednesday: two days or nine days back?) are deliberately left out.
@Test("Weekdays", arguments: weekdays)
func weekdayName(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let weekdays: [Example] = [
    // Past tense: on or before the DCT (DCT 2015-10-28 is a Wednesday).
    ex("Kardashian told the magazine on Monday that the interview was old.", "2015-10-28", .date("Monday", "2015-10-26")),
    ex("The family said on Friday that he had opened his eyes.", "2015-10-28", .date("Friday", "2015-10-23")),
    ex("The hospital said Wednesday that his condition was stable.", "2015-10-28", .date("Wednesday", "2015-10-28")),
    ex("On Thursday, the prosecutor dropped the charges.", "2015-11-02", .date("Thursday", "2015-10-29")),
    ex("Thousands gathered downtown Saturday to protest the fare rise.", "2015-11-02", .date("Saturday", "2015-10-31")),
    ex("The pastor spoke to the congregation Sunday.", "2015-11-01", .date("Sunday", "2015-11-01")),
    ex("The caucuses were held Saturday in three states.", "2016-02-29", .date("Saturday", "2016-02-27")),
    ex("Monday's storm knocked out power across the county.", "2016-02-29", .date("Monday", "2016-02-29")),
    ex("The fire broke out Thursday in a downtown tower.", "2016-01-02", .date("Thursday", "2015-12-31")),
    ex("The league announced the trade on Wednesday.", "2016-01-02", .date("Wednesday", "2015-12-30")),
    ex("Police said Tuesday that the suspect fled the state on Sunday.", "2019-06-12",
       .date("Tuesday", "2019-06-11"), .date("Sunday", "2019-06-09")),
    ex("The bridge reopened to traffic on Wednesday.", "2023-07-06", .date("Wednesday", "2023-07-05")),
    ex("The heat wave broke records Monday.", "2023-07-04", .date("Monday", "2023-07-03")),
    ex("Officials confirmed the first case Thursday.", "2020-03-15", .date("Thursday", "2020-03-12")),
    ex("Churches held services online Sunday.", "2020-03-15", .date("Sunday", "2020-03-15")),
    ex("The council rejected the plan on Tuesday.", "2012-02-29", .date("Tuesday", "2012-02-28")),
    ex("The retailer reported record sales on Friday.", "2024-12-30", .date("Friday", "2024-12-27")),

    // Future tense: after the DCT.
    // A copula right before the day ("is Friday", "is on Friday") looks ahead, as a schedule does.
    ex("The deadline for the bids is Friday.", "2015-10-29", .date("Friday", "2015-10-30")),
    ex("The final vote is on Monday.", "2016-02-26", .date("Monday", "2016-02-29")),
    ex("The deadline is 5 p.m. on Friday.", "2015-10-29", .time("5 p.m. on Friday", "2015-10-30T17:00")),
    ex("Doctors will meet with the family on Friday.", "2015-10-28", .date("Friday", "2015-10-30")),
    ex("The network will air the reunion special Sunday.", "2015-10-28", .date("Sunday", "2015-11-01")),
    ex("The senate will vote Tuesday on the measure.", "2016-02-29", .date("Tuesday", "2016-03-01")),
    ex("Schools will reopen Monday after the holiday break.", "2016-01-01", .date("Monday", "2016-01-04")),
    ex("Trading will resume Friday.", "2014-12-31", .date("Friday", "2015-01-02")),
    ex("Tuesday's election will decide control of the chamber.", "2016-11-06", .date("Tuesday", "2016-11-08")),
    ex("The president arrives Thursday and will leave Saturday.", "2019-06-11",
       .date("Thursday", "2019-06-13"), .date("Saturday", "2019-06-15")),
    ex("The strike will continue Monday and Tuesday.", "2018-08-17",
       .date("Monday", "2018-08-20"), .date("Tuesday", "2018-08-21")),
    ex("The parade will take place Friday despite the heat.", "2023-07-04", .date("Friday", "2023-07-07")),
    ex("The governor will address the state on Wednesday.", "2020-03-15", .date("Wednesday", "2020-03-18")),
    ex("The jury will resume deliberations Thursday.", "2012-02-29", .date("Thursday", "2012-03-01")),
    ex("The museum will reopen Wednesday.", "2024-12-30", .date("Wednesday", "2025-01-01")),

    // Possessives: the weekday alone is the expression; tense decides as above.
    ex("Friday's meeting was cancelled at the last minute.", "2015-10-28", .date("Friday", "2015-10-23")),
    ex("Friday's meeting will decide the coach's future.", "2015-10-28", .date("Friday", "2015-10-30")),

    // last / next / this.
    ex("The singer was last seen in public last Friday.", "2015-10-30", .date("last Friday", "2015-10-23")),
    ex("The markets tumbled last Friday.", "2015-11-02", .date("last Friday", "2015-10-30")),
    ex("The results were certified last Sunday.", "2015-11-02", .date("last Sunday", "2015-11-01")),
    ex("The bill was signed last Wednesday.", "2019-06-12", .date("last Wednesday", "2019-06-05")),
    ex("Last Thursday, the bank raised interest rates.", "2019-06-17", .date("Last Thursday", "2019-06-13")),
    ex("The hearing is set for next Monday.", "2015-10-28", .date("next Monday", "2015-11-02")),
    ex("The union will decide next Friday.", "2015-10-31", .date("next Friday", "2015-11-06")),
    ex("The verdict is expected next Tuesday.", "2015-10-27", .date("next Tuesday", "2015-11-03")),
    ex("The board will meet next Wednesday.", "2019-06-13", .date("next Wednesday", "2019-06-19")),
    ex("Next Saturday, the team will play its final game.", "2019-06-16", .date("Next Saturday", "2019-06-22")),
    ex("The committee will meet this Tuesday.", "2015-10-26", .date("this Tuesday", "2015-10-27")),
    ex("The shelter will open this Friday.", "2019-06-17", .date("this Friday", "2019-06-21")),
    ex("The race will be run this Sunday.", "2019-06-20", .date("this Sunday", "2019-06-23")),
    // "plans to" after the weekday: a verb of intention when a name or noun is its subject, a noun after a
    // determiner or a reporting verb ("announced plans to").
    ex("On Tuesday, the league plans to hold a news conference.", "1998-10-26", .date("Tuesday", "1998-10-27")),
    ex("On Thursday, Ms. Reyes plans to testify before the committee.", "2016-03-14", .date("Thursday", "2016-03-17")),
    ex("On Tuesday, the company announced plans to expand.", "1998-10-26", .date("Tuesday", "1998-10-20")),
    ex("On Friday, its plans to expand were dropped.", "1998-10-26", .date("Friday", "1998-10-23")),
    // A range of weekdays: the second is the first such day after the first ("from Monday to Friday").
    ex("The exhibition runs from Monday to Friday.", "2015-10-29", .date("Monday", "2015-11-02"), .date("Friday", "2015-11-06")),
    ex("The show ran from Sunday to Thursday.", "2015-10-29", .date("Sunday", "2015-10-25"), .date("Thursday", "2015-10-29")),
    ex("Talks were held between Friday and Monday.", "2015-10-29", .date("Friday", "2015-10-23"), .date("Monday", "2015-10-26")),
    // Not after a dated first end: "from Sept. 14 to Thursday" can span weeks.
    ex("The shares were bought from Sept. 14 to Thursday.", "2015-10-29", .date("Sept. 14", "2015-09-14"), .date("Thursday", "2015-10-29")),
    ex("The museum is open Tuesday through Sunday.", "2015-10-29", .date("Tuesday", "2015-10-27"), .date("Sunday", "2015-11-01")),
    // A base-form verb right after its subject is a present (a scheduled event), not after a verb and its object.
    ex("He and Ortega meet separately Monday with the envoy.", "1998-05-01", .date("Monday", "1998-05-04")),
    ex("He returned home only to see it crack Wednesday.", "1997-04-17", .date("Wednesday", "1997-04-16")),
    // A weekday with an ordinal day and no month: the nearest month, by tense, where the two agree.
    ex("It happened on Friday the 13th.", "2015-10-29", .date("Friday the 13th", "2015-03-13")),
    ex("The film opens on Friday the 13th.", "2015-10-29", .date("Friday the 13th", "2015-11-13")),
    // A spelled ordinal after the weekday that heads a noun is not its day.
    ex("Stocks fell Friday, the fourth decline in a row.", "2015-10-29", .date("Friday", "2015-10-23")),
]
