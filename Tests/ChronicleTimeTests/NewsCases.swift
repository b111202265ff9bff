import Testing

/// Cases that news written after the TempEval data showed: the tense of an expression comes from the verb
/// group it belongs to (a modal or "would" looks ahead even under a past reporting verb), forward-pointing
/// cues ("through", "due in", "expected in") take the coming month or quarter, a day with its part of the
/// day is a TIME, a comparison ("earlier than usual") keeps a length, ages and measures are not lengths of
/// time, and "on the day" in a market report is the trading day.
@Test("News cases", arguments: newsCases)
func newsCase(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let newsCases: [Example] = [
    ex("Officials told reporters that the bridge should reopen by late May.", "2015-03-10",
       .date("late May", "2015-05", .end)),
    ex("Officials told reporters that the bridge closed in late May.", "2015-03-10",
       .date("late May", "2014-05", .end)),
    ex("The club said it would play on June 5.", "2015-03-10", .date("June 5", "2015-06-05")),
    ex("The club said it played on June 5.", "2015-03-10", .date("June 5", "2014-06-05")),
    ex("The exhibition runs through June.", "2015-01-10", .date("June", "2015-06")),
    ex("The final report is due in August.", "2015-01-10", .date("August", "2015-08")),
    ex("Earnings are expected in the fourth quarter.", "2015-03-10", .date("the fourth quarter", "2015-Q4")),
    ex("Earnings rose in the fourth quarter.", "2015-03-10", .date("the fourth quarter", "2014-Q4")),
    ex("The suspect was arrested Friday night.", "2015-10-28", .time("Friday night", "2015-10-23TNI")),
    ex("Schools opened a month earlier than usual.", "2015-10-28", .duration("a month", "P1M")),
    nothing("The vaccine is approved for ages 6 months and older.", "2015-10-28"),
    nothing("He finished one second slower than the winner.", "2015-10-28"),
    nothing("She ran a sub-five-minute mile.", "2015-10-28"),
    ex("Shares of the company rose 3% on the day.", "2015-03-10", .date("the day", "2015-03-10")),
    nothing("The couple met on the day of the storm.", "2015-03-10"),
]
