import Testing

/// Dates that do not exist, and weekdays that contradict their date.
///
/// Convention: a date that does not exist ("February 30, 2015", "Feb. 29, 2015") yields no
/// time expression at all (no `2015-02-30`, and no fallback to the month or the year) and
/// the tagger reports an `impossible-date` diagnostic. A weekday that contradicts its date
/// ("Tuesday, Oct. 28, 2015": Oct. 28, 2015 is a Wednesday) keeps the written date as the
/// value, the extent still covers the weekday, and the tagger reports `weekday-mismatch`.
/// The valid neighbours (leap days in leap years) are here too, to keep the check honest.
@Test("Impossible dates", arguments: impossibleDates)
func impossibleDate(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let impossibleDates: [Example] = [
    nothing("The contract is dated February 30, 2015.", "2015-10-28", warns: [.impossibleDate]),
    nothing("The form lists the deadline as Feb. 29, 2015.", "2015-10-28", warns: [.impossibleDate]),
    nothing("The invoice was supposedly sent on April 31.", "2015-10-28", warns: [.impossibleDate]),
    nothing("The ledger shows a payment on Sept. 31, 2016.", "2016-11-01", warns: [.impossibleDate]),
    nothing("The letter claims it was written on November 31.", "2015-12-10", warns: [.impossibleDate]),
    nothing("The certificate is dated Feb. 29, 1900.", "2015-10-28", warns: [.impossibleDate]),
    nothing("The ticket was stamped June 31, 2014.", "2015-10-28", warns: [.impossibleDate]),
    nothing("The file was last modified on 2015-02-30.", "2015-10-28", warns: [.impossibleDate]),

    // Valid leap days.
    ex("The certificate is dated Feb. 29, 2000.", "2015-10-28", .date("Feb. 29, 2000", "2000-02-29")),
    ex("The contract is dated February 29, 2012.", "2015-10-28", .date("February 29, 2012", "2012-02-29")),

    // Weekday contradicting the date: the written date wins.
    ex("The star posted the message on Tuesday, Oct. 28, 2015.", "2015-10-30",
       .date("Tuesday, Oct. 28, 2015", "2015-10-28"), warns: [.weekdayMismatch]),
    ex("The hearing was held on Friday, March 3, 2014.", "2014-03-20",
       .date("Friday, March 3, 2014", "2014-03-03"), warns: [.weekdayMismatch]),
]
