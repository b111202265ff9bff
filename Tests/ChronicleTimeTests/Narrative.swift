import Testing

/// Narrative anchoring: histories, biographies and retrospectives narrate a period far from the DCT, and a
/// date written without its year ("On 14 June", "in June", "the summer", "by the end of the month") is in
/// the year the narrative is in. The tagger decides expression by expression: the narrative time (the latest
/// date the text wrote or dated through the narrative) when it lies two or more years before the DCT and the
/// text has not come back to the present since ("last week", "Tuesday"); the DCT otherwise. A year after
/// "since" opens a span up to the present and does not move the narrative. `--genre news` and `--genre
/// narrative` force one reading. The JSON anchor of such an expression has the kind `narrative`.
@Test("Narrative anchoring", arguments: narrativeAnchoring)
func narrative(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let narrativeAnchoring: [Example] = [
    // A day and a month without their year, in the narrative's year.
    ex("The siege began on 3 May 1862. On 14 June, the defenders surrendered.", "2009-12-19",
       .date("3 May 1862", "1862-05-03"), .date("14 June", "1862-06-14")),
    ex("Congress met on March 4, 1789, and the first president took office on April 30.", "2010-01-05",
       .date("March 4, 1789", "1789-03-04"), .date("April 30", "1789-04-30")),
    ex("In 1776 the army wintered at the fort. In June it marched south, and by the end of the month it had reached the river.", "2010-01-01",
       .date("1776", "1776"), .date("June", "1776-06"), .date("the end of the month", "1776-06", .end)),
    ex("In the winter of 1777 the army camped at the forge. In spring it moved north.", "2010-01-01",
       .date("the winter of 1777", "1777-WI"), .date("spring", "1777-SP")),
    ex("The war resumed in 1803. By late September the fleet was at sea again.", "2009-12-19",
       .date("1803", "1803"), .date("late September", "1803-09", .end)),
    // Relative expressions count from the narrative's dates.
    ex("On 2 March 1917 the tsar abdicated. Twelve days later the council met.", "2009-12-19",
       .date("2 March 1917", "1917-03-02"), .date("Twelve days later", "1917-03-14")),
    ex("The fleet sailed on 12 October 1805. That night a storm broke.", "2009-12-19",
       .date("12 October 1805", "1805-10-12"), .time("That night", "1805-10-12TNI")),
    ex("Carthage lost Sicily in 241 BC. The following year a revolt broke out among its mercenaries.", "2009-12-19",
       .date("241 BC", "BC0241"), .date("The following year", "BC0240")),
    // A flashback does not move the narrative: "June" is still in 1965.
    ex("The first troops landed in March 1965, two decades earlier, under a treaty. In June more arrived.", "2009-12-19",
       .date("March 1965", "1965-03"), .date("two decades earlier", "1945"), .date("June", "1965-06")),
    // News that mentions a past year comes back to its own time.
    ex("The company was founded in 1985. On Tuesday it said profits rose in March.", "2015-04-10",
       .date("1985", "1985"), .date("Tuesday", "2015-04-07"), .date("March", "2015-03")),
    ex("The plant, built in 1972, will close in June.", "2015-04-10",
       .date("1972", "1972"), .date("June", "2015-06")),
    ex("Prices have risen every year since 1990. In March they fell for the first time.", "2015-04-10",
       .set("every year", "P1Y", quant: "EVERY"), .date("1990", "1990"), .date("March", "2015-03")),
    // A narrative date near the DCT is the DCT's reading anyway.
    ex("The talks opened on Jan. 5, 2015. In March they broke down.", "2015-04-10",
       .date("Jan. 5, 2015", "2015-01-05"), .date("March", "2015-03")),
    // Forced readings.
    ex("The siege began on 3 May 1862. On 14 June, the defenders surrendered.", "2015-10-28",
       .date("3 May 1862", "1862-05-03"), .date("14 June", "2015-06-14")).genre(.news),
    ex("The war ended in 1945. Last week the museum opened. In May, veterans gathered there.", "2015-10-28",
       .date("1945", "1945"), .date("Last week", "2015-W43"), .date("May", "1945-05")).genre(.narrative),
    ex("The war ended in 1945. Last week the museum opened. In May, veterans gathered there.", "2015-10-28",
       .date("1945", "1945"), .date("Last week", "2015-W43"), .date("May", "2015-05")),
]
