import Testing

/// Words and numbers that look like time expressions but are not, and their true
/// counterparts. A `nothing(...)` example fails if the tagger finds anything at all.
///
/// Ages ("the 31-year-old", "64 years old") are not tagged: the TimeBank/AQUAINT data has
/// 26 files with "-year-old" and none of them is annotated. "a second" is a DURATION
/// (`PT1S`) when it measures time ("paused for a second") and nothing when it is an
/// ordinal ("a second vote").
@Test("False positives and their counterparts", arguments: falsePositives)
func falsePositive(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let falsePositives: [Example] = [
    // Titles in quotation marks: digits and a capitalised unit just after the opening quote.
    nothing("He said so on CBS's ''60 Minutes.''", "2000-04-17"),
    nothing("She watched \"48 Hours\" with her family.", "2000-04-17"),
    ex("\"60 days\" is the deadline, he said.", "2000-04-17", .duration("60 days", "P60D")),
    ex("The interview on \"60 Minutes\" lasted 60 minutes.", "2000-04-17", .duration("60 minutes", "PT60M")),
    // Month names used as verbs, names and adjectives.
    nothing("Officials may decide to delay the vote.", "2015-10-28"),
    nothing("Investors may want to wait before buying.", "2015-10-28"),
    nothing("Prime Minister Theresa May met the French president.", "2017-05-10"),
    nothing("Theresa May's government faces a confidence vote.", "2019-01-14"),
    nothing("Thousands plan to march on city hall.", "2015-10-28"),
    nothing("Protesters will march through the capital.", "2015-10-28"),
    nothing("Jan Brewer signed the bill into law.", "2015-10-28"),
    nothing("April Ryan asked the first question.", "2015-10-28"),
    nothing("June Carter recorded the song in Nashville.", "2015-10-28"),
    nothing("The august institution has admitted its first female member.", "2015-10-28"),
    nothing("The storm threatens to mar the ceremony.", "2015-10-28"),

    // Seasons used as verbs and nouns.
    nothing("Prices fall when demand weakens.", "2015-10-28"),
    nothing("The climber survived a fall from the ridge.", "2015-10-28"),
    nothing("The fall of the regime surprised diplomats.", "2015-10-28"),
    nothing("The town is famous for a hot spring.", "2015-10-28"),
    nothing("Critics spring into action whenever the senator speaks.", "2015-10-28"),
    nothing("Donna Summer's songs filled the hall.", "2015-10-28"),

    // Ordinals.
    nothing("The second candidate withdrew from the race.", "2015-10-28"),
    nothing("She won a second term in a landslide.", "2015-10-28"),
    nothing("The city is the country's second-largest port.", "2015-10-28"),
    nothing("Lawmakers called for a second vote.", "2015-10-28"),

    // Weekday abbreviations and names.
    nothing("The Sun reported that the couple had split.", "2015-10-28"),
    nothing("The Baltimore Sun first reported the story.", "2015-10-28"),
    nothing("He sat quietly through the hearing.", "2015-10-28"),
    nothing("The couple wed in a private ceremony.", "2015-10-28"),
    nothing("The Sunday Times published the letter.", "2015-10-28"),
    nothing("He told the Sunday Mirror about the split.", "2015-10-28"),
    // After a preposition or "said", a weekday before a name is the day.
    ex("On Monday Chilean President Ana Rojas flew home.", "2015-10-28", .date("Monday", "2015-10-26")),
    ex("The coach said Tuesday Rivera would start.", "2015-10-28", .date("Tuesday", "2015-10-27")),

    // Numbers that are not dates or times.
    nothing("Call the hotline at 555-1234.", "2015-10-28"),
    nothing("The office can be reached at (212) 555-0100.", "2015-10-28"),
    nothing("Call 1-800-555-0199 for tickets.", "2015-10-28"),
    nothing("The home side won 3-2.", "2015-10-28"),
    nothing("The Packers clinched a 24-17 victory.", "2015-10-28"),
    nothing("The painting sold for $2015.", "2015-10-28"),
    nothing("The fine was 2,015 dollars.", "2015-10-28"),
    nothing("The update ships as version 2.1.", "2015-10-28"),
    nothing("Apple released iOS 9.1 to fix the bug.", "2015-10-28"),
    nothing("The president lives at 1600 Pennsylvania Avenue.", "2015-10-28"),
    nothing("The stock has risen 2015% since its listing.", "2015-10-28"),
    nothing("The ship carried 1,200 passengers and 300 crew.", "2015-10-28"),
    nothing("The measure passed by a 3:1 margin.", "2015-10-28"),
    nothing("Room 2015 was sealed off by police.", "2015-10-28"),
    nothing("The airline filed for Chapter 11 protection.", "2015-10-28"),

    // Ages.
    nothing("The 31-year-old star thanked her fans.", "2015-10-28"),
    nothing("A 52-year-old teacher was among the injured.", "2015-10-28"),
    nothing("The senator, who is 64 years old, will retire.", "2015-10-28"),

    // Fractions, names and other non-temporal uses.
    nothing("A quarter of voters remain undecided.", "2015-10-28"),
    nothing("Visitors flock to Easter Island for its statues.", "2015-10-28"),
    nothing("Time magazine put her on its cover.", "2015-10-28"),
    nothing("Oil futures rose sharply.", "2015-10-28"),
    nothing("The current swept the swimmer out to sea.", "2015-10-28")
        .knownLimitation("the part-of-speech tagger reads this \"current\" as an adjective, so the noun is not ruled out"),
    nothing("The mayor will present the award.", "2015-10-28"),
    nothing("The motorcade drove past the crowd.", "2015-10-28"),
    // "today's youth", "today's world": nowadays, which the data leaves out (4 of 4); a day's own editions are tagged.
    nothing("Today's youth spend hours online.", "2015-10-28"),
    ex("Today's editions carry the full story.", "2015-10-28", .date("Today", "2015-10-28")),
    // "a long time" (left out in 2 of 2), and the rate in "24 hours a day".
    nothing("The talks could take a long time.", "2015-10-28"),
    ex("Guards watch the house 24 hours a day.", "2015-10-28", .duration("24 hours", "PT24H")),
    // Newspapers named after how often they appear; a "daily" is tagged all the same, as the data does (3 of 4).
    nothing("The business weekly Barron's ran the story.", "2015-10-28"),
    ex("The party daily Pravda praised the rally.", "2015-10-28", .set("daily", "P1D", freq: adverbFrequency)),

    // True counterparts.
    ex("The two met in May at a charity dinner.", "2015-10-28", .date("May", "2015-05")),
    ex("The ruling came on May 5.", "2015-10-28", .date("May 5", "2015-05-05")),
    ex("Officials may decide in May.", "2016-01-10", .date("May", "2016-05")),
    ex("Theresa May will visit Paris in May.", "2017-03-01", .date("May", "2017-05")),
    ex("The march began on March 3.", "2015-10-28", .date("March 3", "2015-03-03")),
    ex("Students will march again in March.", "2015-10-28", .date("March", "2016-03")),
    ex("The springs dried up this spring.", "2016-06-01", .date("this spring", "2016-SP")),
    ex("Prices began to fall last fall.", "2016-03-01", .date("last fall", "2015-FA")),
    ex("The witness paused for a second before answering.", "2015-10-28", .duration("a second", "PT1S")),
    ex("Sales fell in the second quarter.", "2015-10-28", .date("the second quarter", "2015-Q2")),
    ex("The Sun reported on Sunday that the couple had split.", "2015-10-28", .date("Sunday", "2015-10-25")),
    ex("The couple wed on Saturday in Montecito.", "2015-11-02", .date("Saturday", "2015-10-31")),
    ex("Sales rose 3% in 2015.", "2016-03-01", .date("2015", "2015")),
    ex("The 2015 budget was approved without debate.", "2015-10-28", .date("2015", "2015")),
    ex("The 31-year-old star will speak on Friday.", "2015-10-28", .date("Friday", "2015-10-30")),
]
