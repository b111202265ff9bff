import Testing

/// Fully or partly written calendar dates: month names and abbreviations, ordinals, numeric
/// forms, months with years, bare years, fiscal years, and dates that carry their weekday.
/// Month + day without a year takes the DCT year here (no year-boundary question arises);
/// the harder cases are in `YearInference.swift`.
@Test("Explicit dates", arguments: explicitDates)
func explicitDate(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let explicitDates: [Example] = [
    // Month name + day + year, in the usual news spellings.
    ex("The former player was discovered unresponsive on Oct. 13, 2015.", "2015-10-28", .date("Oct. 13, 2015", "2015-10-13")),
    ex("The couple filed the papers on October 28, 2015, in Los Angeles.", "2015-11-02", .date("October 28, 2015", "2015-10-28")),
    ex("The treaty was signed in Geneva on 28 October 2015.", "2015-11-02", .date("28 October 2015", "2015-10-28")),
    ex("The league suspended him on October 28th, 2015.", "2015-11-02", .date("October 28th, 2015", "2015-10-28")),
    ex("The hijackings of Sept. 11, 2001, changed air travel for good.", "2011-09-09", .date("Sept. 11, 2001", "2001-09-11")),
    ex("Engineers feared systems would crash on Jan. 1, 2000.", "1999-12-01", .date("Jan. 1, 2000", "2000-01-01")),
    ex("The settlement is due by Feb. 29, 2016, lawyers said.", "2016-01-10", .date("Feb. 29, 2016", "2016-02-29")),
    ex("The delegates adopted the declaration on July 4, 1776.", "2016-07-01", .date("July 4, 1776", "1776-07-04")),
    ex("Voters went to the polls on Nov. 3, 2020, in record numbers.", "2020-11-05", .date("Nov. 3, 2020", "2020-11-03")),
    ex("The ceasefire took hold on 2 March 2015 after weeks of talks.", "2015-03-10",
       .date("2 March 2015", "2015-03-02"), .duration("weeks", "PXW")),
    ex("The embassy reopened on Aug. 14, 2015, after a long closure.", "2015-09-01", .date("Aug. 14, 2015", "2015-08-14")),
    ex("The rover landed on Mars on Aug 6, 2012.", "2012-08-10", .date("Aug 6, 2012", "2012-08-06")),
    ex("She was born on December 31, 1999, in a small town in Ohio.", "2017-03-01", .date("December 31, 1999", "1999-12-31")),
    ex("The record was set on Sept 3 2009 and still stands.", "2015-10-28", .date("Sept 3 2009", "2009-09-03")),
    ex("The tower opened to the public on 1 Jan 1990.", "2015-10-28", .date("1 Jan 1990", "1990-01-01")),

    // Month name + day, year from the DCT.
    ex("The council approved the budget on October 28.", "2015-10-30", .date("October 28", "2015-10-28")),
    ex("Ticket sales open Oct 28th, the organisers said.", "2015-10-20", .date("Oct 28th", "2015-10-28")),
    ex("The jury returned its verdict on the 28th of October.", "2015-11-02", .date("the 28th of October", "2015-10-28")),
    ex("The vote took place on Aug. 5 amid heavy rain.", "2019-08-12", .date("Aug. 5", "2019-08-05")),
    ex("The hearing was held March 3 in a packed courtroom.", "2014-03-20", .date("March 3", "2014-03-03")),
    ex("Odom's relatives flew to Las Vegas on Oct. 14.", "2015-10-28", .date("Oct. 14", "2015-10-14")),
    ex("Workers marched through the capital on May 1.", "2017-05-03", .date("May 1", "2017-05-01")),
    ex("Tax returns are due April 15.", "2016-02-01", .date("April 15", "2016-04-15")),
    ex("The new rules take effect Oct. 1.", "2015-09-20", .date("Oct. 1", "2015-10-01")),
    ex("The school year began Sept. 8 in most districts.", "2015-09-15", .date("Sept. 8", "2015-09-08")),
    ex("Rents will rise on the first of June.", "2016-05-10", .date("the first of June", "2016-06-01")),
    ex("The mayor leaves office on June 30.", "2017-05-10", .date("June 30", "2017-06-30")),
    ex("The festival runs through Aug. 21.", "2019-08-12", .date("Aug. 21", "2019-08-21")),
    ex("The museum closed its doors on Jan. 9 for repairs.", "2016-01-15", .date("Jan. 9", "2016-01-09")),

    // Numeric dates.
    ex("The filing is dated 2015-10-28.", "2015-11-02", .date("2015-10-28", "2015-10-28")),
    ex("The deed was recorded on 10/28/2015.", "2015-11-05", .date("10/28/2015", "2015-10-28")),
    ex("The memo, dated 1/15/2016, was leaked to reporters.", "2016-02-01", .date("1/15/2016", "2016-01-15")),
    ex("The server log shows an entry at 2016-02-29.", "2016-03-01", .date("2016-02-29", "2016-02-29")),
    ex("The receipt is dated 10/28/15.", "2015-11-02", .date("10/28/15", "2015-10-28")),

    // Month + year.
    ex("Sales slumped in October 2015.", "2016-01-15", .date("October 2015", "2015-10")),
    ex("Unemployment peaked in December 2014.", "2015-06-01", .date("December 2014", "2014-12")),
    ex("The mine closed in June 2012 and never reopened.", "2015-10-28", .date("June 2012", "2012-06")),
    ex("The embassies were bombed in August 1998.", "1999-08-07", .date("August 1998", "1998-08")),
    ex("The survey was carried out in Sept. 2014.", "2015-10-28", .date("Sept. 2014", "2014-09")),
    ex("The first episode aired in March of 2007.", "2015-10-28", .date("March of 2007", "2007-03")),

    // Month alone (DCT year; the month lies before the DCT and the sentence is in the past).
    ex("Exports fell sharply in January.", "2016-03-01", .date("January", "2016-01")),
    ex("The senator announced her run in April.", "2015-10-28", .date("April", "2015-04")),
    ex("Hundreds of residents have been evacuated from the low streets beside the river in the east of the old port city in January.",
       "2015-10-29", .date("January", "2015-01")),

    // Years.
    ex("The museum opened in 2015.", "2017-03-01", .date("2015", "2015")),
    ex("The company was founded in 1999.", "2015-10-28", .date("1999", "1999")),
    ex("2015 was the warmest year on record.", "2016-01-20", .date("2015", "2015")),
    ex("In 1990, the wall came down.", "2015-10-28", .date("1990", "1990")),
    ex("The bridge will not be finished before the year 2020.", "2015-10-28", .date("the year 2020", "2020")),
    ex("Few planners saw the chaos of the year 2000 coming.", "2015-10-28", .date("the year 2000", "2000")),

    // Fiscal years are written as the plain year, as in the TimeBank data ("fiscal 1989" -> 1989).
    ex("The company lost $40 million in fiscal 2015.", "2016-02-10", .date("fiscal 2015", "2015")),
    ex("Revenue is expected to grow in fiscal 2016.", "2015-10-28", .date("fiscal 2016", "2016")),
    ex("The agency spent less in fiscal year 2014.", "2015-10-28", .date("fiscal year 2014", "2014")),

    // A date with its weekday is one expression.
    ex("The star answered her critics online on Wednesday, Oct. 28, in a series of posts.", "2015-10-30", .date("Wednesday, Oct. 28", "2015-10-28")),
    ex("Americans voted on Tuesday, Nov. 8, 2016.", "2016-11-10", .date("Tuesday, Nov. 8, 2016", "2016-11-08")),
    ex("The statement was released on Friday, October 30, 2015.", "2015-11-02", .date("Friday, October 30, 2015", "2015-10-30")),
    ex("The trial resumes Monday, Nov. 2.", "2015-10-28", .date("Monday, Nov. 2", "2015-11-02")),
    ex("Fans lined up outside the arena on Saturday, Aug. 10.", "2019-08-12", .date("Saturday, Aug. 10", "2019-08-10")),
    // "9/11" without a year names the day of the 2001 attacks.
    ex("Airport security tightened after 9/11.", "2015-10-29", .date("9/11", "2001-09-11")),
    ex("Since 9/11, the agency has doubled in size.", "2016-03-01", .date("9/11", "2001-09-11")),
]
