import Testing

/// Sentences in the style of the motivating story (celebrity news about a hospitalisation
/// and an interview), each with several expressions of different kinds. Written for this
/// corpus; none is taken from the story.
@Test("Story sentences", arguments: storySentences)
func storySentence(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let storySentences: [Example] = [
    ex("Kardashian replied on Wednesday, Oct. 28, to the cover story that ran this week.", "2015-10-30",
       .date("Wednesday, Oct. 28", "2015-10-28"), .date("this week", "2015-W44")),
    ex("The reality star rushed to Las Vegas on Oct. 13 and has stayed at his bedside for more than two weeks.", "2015-10-30",
       .date("Oct. 13", "2015-10-13"), .duration("more than two weeks", "P2W", .moreThan)),
    ex("The bulk of the reporting took place in September, a spokeswoman said Thursday.", "2015-10-30",
       .date("September", "2015-09"), .date("Thursday", "2015-10-29")),
    ex("The couple, who married in 2009, called off their divorce last week.", "2015-10-30",
       .date("2009", "2009"), .date("last week", "2015-W43")),
    ex("The 31-year-old said on Wednesday that she would not discuss the case for now.", "2015-10-30",
       .date("Wednesday", "2015-10-28"), .date("now", "PRESENT_REF")),
    ex("He spent four days in a coma before he was flown to Los Angeles on Oct. 16.", "2015-10-30",
       .duration("four days", "P4D"), .date("Oct. 16", "2015-10-16")),
    ex("The family has not filmed the show since Oct. 13, a spokesman said Friday.", "2015-10-30",
       .date("Oct. 13", "2015-10-13"), .date("Friday", "2015-10-30")),
    ex("The season premiere, first set for Nov. 1, has been pushed back to early next year.", "2015-10-30",
       .date("Nov. 1", "2015-11-01"), .date("early next year", "2016", .start)),
    ex("He had been staying at a Nevada resort for three days when he was found on Tuesday, Oct. 13.", "2015-10-30",
       .duration("three days", "P3D"), .date("Tuesday, Oct. 13", "2015-10-13")),
    ex("Doctors said Monday that he could leave the hospital within weeks.", "2015-10-30",
       .date("Monday", "2015-10-26"), .duration("weeks", "PXW")),
    ex("The magazine hit newsstands Wednesday morning, hours before her tweets.", "2015-10-30",
       .time("Wednesday morning", "2015-10-28TMO")),  // a bare "hours" is not tagged (see Durations.swift)
    ex("By Thursday evening, the post had been shared more than 50,000 times.", "2015-10-30",
       .time("Thursday evening", "2015-10-29TEV")),
    ex("The two met in August 2009 and married a month later.", "2015-10-30",
       .date("August 2009", "2009-08"), .date("a month later", "2009-09")),
    ex("Her sister posted a photo of the couple on Sunday, and by Monday it had been deleted.", "2015-10-28",
       .date("Sunday", "2015-10-25"), .date("Monday", "2015-10-26")),
    ex("The statement, released at 10 a.m., said the family would make no further comment this week.", "2015-10-28",
       .time("10 a.m.", "2015-10-28T10:00"), .date("this week", "2015-W44")),
    ex("He is expected to remain in the hospital until mid-November.", "2015-10-28",
       .date("mid-November", "2015-11", .mid)),
    ex("The interview took place over two days in early September.", "2015-10-28",
       .duration("two days", "P2D"), .date("early September", "2015-09", .start)),
    ex("The magazine first reported the reconciliation on its website Tuesday night.", "2015-10-28",
       .time("Tuesday night", "2015-10-27TNI")),
    ex("In the past 48 hours, the hashtag has trended around the world.", "2015-10-28",
       .duration("the past 48 hours", "PT48H")),
    ex("She filed for divorce in December 2013, and a judge was due to sign off on it in July 2015.", "2015-10-28",
       .date("December 2013", "2013-12"), .date("July 2015", "2015-07")),
    ex("The former player retired in 2013 and has rarely been seen in public since.", "2015-10-28",
       .date("2013", "2013")),
    ex("Fans have followed the family's ups and downs since the show began in 2007, and the network renewed it last year.", "2015-10-28",
       .date("2007", "2007"), .date("last year", "2014")),
]
