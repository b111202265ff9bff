import Testing

/// Social posts and informal writing (`--genre colloquial`, or `auto` for a short text with a handle, a
/// hashtag or a link, or a text without capitals): shorthand ("tmr", "2nite", "wknd", "nxt yr"), lower-case
/// and abbreviated names ("fri", "sat", "21 jan", "26nov"), clock times run together ("1030am", "at 2250"), a
/// day and its clock time as one expression ("3 Oct 10pm"), and a bare part of the day ("Good morning").
/// Nothing inside a link or a handle is a time expression.
@Test("Informal text", arguments: informalText)
func informal(_ example: Example) {
    let outcome = tagging(example)
    example.allowingKnownLimitation { #expect(outcome.agrees, outcome.report, sourceLocation: example.sourceLocation) }
}

let informalText: [Example] = [
    ex("cant wait for tmr!! #excited", "2014-04-25", .date("tmr", "2014-04-26")),
    ex("dinner tmrw with the gang @jess", "2014-04-25", .date("tmrw", "2014-04-26")),
    ex("movie 2nite w @jess", "2014-04-25", .time("2nite", "2014-04-25TNI")),
    ex("so tired 2day #mondayblues", "2014-04-25", .date("2day", "2014-04-25")),
    ex("long wknd ahead @amy", "2014-04-25", .date("wknd", "2014-W17-WE")),
    ex("nxt yr will be better #goals", "2014-12-30", .date("nxt yr", "2015")),
    ex("had a blast on sat @bob", "2014-04-25", .date("sat", "2014-04-19")),
    ex("Finals are this Sat, 7pm at the arena! #dance", "2014-05-06", .time("this Sat, 7pm", "2014-05-10T19:00")),
    ex("doors open 4pm tmr @ the hall #gig", "2014-04-25", .time("4pm tmr", "2014-04-26T16:00")),
    ex("gym 3 Oct 10pm #fit", "2014-10-01", .time("3 Oct 10pm", "2014-10-03T22:00")),
    ex("Sale started 21 Jan, go go go http://t.co/abc", "2015-01-25", .date("21 Jan", "2015-01-21")),
    ex("@Jacq see u 26nov 2015 for the trip", "2015-10-01", .date("26nov 2015", "2015-11-26")),
    ex("class at 10 am then lunch #busy", "2014-04-25", .time("10 am", "2014-04-25T10:00")),
    ex("left camp at 1030am, back at 2250 #tired", "2014-10-23", .time("1030am", "2014-10-23T10:30"), .time("2250", "2014-10-23T22:50")),
    ex("Good morning everyone! #sunrise", "2014-12-17", .time("morning", "2014-12-17TMO")),
    ex("GOING HOME TOMORROW NIGHT, CANT WAIT", "2014-04-25", .time("TOMORROW NIGHT", "2014-04-26TNI")),
    ex("camps in July and Aug. then exams #life", "2015-04-01", .date("July", "2015-07"), .date("Aug.", "2015-08")),
    ex("Samsung COMEX 2014 deals are here http://t.co/x", "2014-08-29", .date("2014", "2014")),
    nothing("read this http://t.co/2014May and follow @user2015 #fun", "2014-04-25"),
    nothing("www.example.com/2015/10/28/story", "2015-10-28"),
    // In edited text the same words are not times.
    nothing("Dinner at the Sun with Sat Nam.", "2014-04-25"),
    ex("what a long day at camp @amy", "2014-10-23", .duration("a long day", "P1D")),
    ex("Family day at the zoo @amy", "2014-10-23", .duration("day", "P1D")),
    ex("Days slipping by, miss u @jo", "2014-10-23", .duration("Days", "PXD")),
    ex("PRE XMAS BROWNIES AT THE CAFE #yum", "2014-12-20", .date("XMAS", "2014-12-25")),
    ex("ANDA Friday Talk at the studio http://t.co/x", "2012-02-22", .date("Friday", "2012-02-17")),
    ex("Happy weekend friends! :)", "2014-10-25", .date("weekend", "2014-W43-WE")),
    nothing("feeling the #Christmas spirit and #Friday vibes", "2014-12-20"),
    // A handle cut short by punctuation: what follows is looked at once, and only once.
    nothing("ping @jo.2015 and #tag's fun", "2014-04-25"),
]
