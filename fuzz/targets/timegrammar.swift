// Fuzz target (b'): structure-aware fuzzing of the time-expression recogniser and normaliser. The input bytes
// are not the text: they choose a creation time, a genre and a sequence of date-like tokens (numbers, years,
// month names and abbreviations, weekdays, ordinals, separators, modifiers, times of day, decades, eras,
// holidays, durations and quantifiers), so that most inputs are text that the grammar's deep rules match.
import ChronicleCore
import ChronicleTime
import Foundation

let grammarTaggers = TemporalTagger.Genre.allCases.map { TemporalTagger(options: .init(genre: $0)) }

/// The words of the generated texts, by class.
enum Vocabulary {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December", "Jan.", "Feb", "Mar.", "Apr", "Jun.", "Jul", "Aug.", "Sept.", "Sep", "Oct.",
                         "Nov", "Dec.", "march", "may", "june"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon.", "Tue", "Wed.",
                           "Thurs.", "Fri", "Sat.", "Sun", "fri", "weekend", "weekday"]
    static let ordinals = ["1st", "2nd", "3rd", "4th", "11th", "21st", "22nd", "23rd", "29th", "30th", "31st", "first", "second",
                           "third", "fourth", "last", "tenth", "twentieth", "thirty-first"]
    static let separators = ["/", "-", ".", ",", ":", "–", "—", "to", "through", "and", "or", "of", "the", "'", "(", ")", "T", "Z"]
    static let modifiers = ["early", "late", "mid", "mid-", "last", "next", "this", "that", "ago", "since", "until", "till", "before",
                            "after", "by", "in", "on", "at", "from", "during", "between", "around", "about", "nearly", "almost",
                            "more than", "less than", "at least", "the end of", "the beginning of", "the start of", "the middle of",
                            "the first half of", "the second half of", "past", "previous", "following", "coming", "upcoming",
                            "earlier", "later", "recent", "current", "each", "every", "per", "a", "an", "one", "several", "few",
                            "couple of", "within", "later that", "later this", "no", "not"]
    static let units = ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "fortnight", "month",
                        "months", "quarter", "quarters", "year", "years", "decade", "decades", "century", "centuries", "millennium",
                        "season", "half", "semester", "yr", "yrs", "hrs", "mins", "wk", "wks"]
    static let relativeWords = ["today", "tomorrow", "yesterday", "tonight", "now", "currently", "recently", "soon", "once", "then",
                                "morning", "afternoon", "evening", "night", "noon", "midnight", "dawn", "dusk", "overnight", "spring",
                                "summer", "autumn", "fall", "winter", "Christmas", "Easter", "Thanksgiving", "New Year's Day",
                                "Halloween", "Q1", "Q4", "H1", "FY2015", "fiscal", "BC", "AD", "B.C.", "A.D.", "BCE", "CE", "a.m.",
                                "p.m.", "am", "pm", "AM", "PM", "o'clock", "GMT", "EST", "UTC", "tmr", "2nite", "wknd", "the day before",
                                "the day after", "the year", "the week", "the month", "that day", "the same day", "the 1990s",
                                "the '90s", "the nineties", "the 20th century", "the 1800s", "the past", "the future", "daily",
                                "weekly", "monthly", "annually", "twice", "times", "hence", "later", "earlier", "sooner"]
    static let decades = ["1990s", "1980s", "'60s", "2000s", "1900s", "90s", "the 2010s", "1970's"]
    static let numberWords = ["one", "two", "three", "ten", "twelve", "fifteen", "twenty", "thirty", "forty-five", "hundred",
                              "thousand", "half", "a half", "quarter", "dozen", "a few", "zero", "nineteen", "eighty"]
}

/// Builds a text from fuzz bytes: each byte chooses a token class and the next bytes its value.
func generatedText(_ input: inout FuzzBytes) -> String {
    var text = ""
    var tokens = 0
    func pick(_ words: [String], _ byte: UInt8) -> String { words[Int(byte) % words.count] }
    while !input.isAtEnd && tokens < 200 {
        let choice = input.byte()
        let word: String
        switch choice % 16 {
        case 0: word = String(Int(input.byte()) % 32)
        case 1: word = String(1_900 + Int(input.byte()) % 150)
        case 2: word = String(input.uint16() % 10_000)
        case 3: word = String(format2(Int(input.byte()) % 13)) + "/" + String(format2(Int(input.byte()) % 32)) + "/" + String(input.uint16() % 3_000)
        case 4: word = pick(Vocabulary.months, input.byte())
        case 5: word = pick(Vocabulary.weekdays, input.byte())
        case 6: word = pick(Vocabulary.ordinals, input.byte())
        case 7: word = pick(Vocabulary.separators, input.byte())
        case 8, 9: word = pick(Vocabulary.modifiers, input.byte())
        case 10: word = pick(Vocabulary.units, input.byte())
        case 11, 12: word = pick(Vocabulary.relativeWords, input.byte())
        case 13: word = pick(Vocabulary.decades, input.byte())
        case 14: word = pick(Vocabulary.numberWords, input.byte())
        default:
            word = String(format2(Int(input.byte()) % 25)) + ":" + format2(Int(input.byte()) % 61)
        }
        // The high bits decide how the token joins the previous one: a space, nothing, a sentence end, a line end.
        switch choice >> 6 {
        case 0, 1: text += text.isEmpty ? word : " " + word
        case 2: text += word
        default: text += choice & 0x20 == 0 ? ". " + word.capitalized : "\n" + word
        }
        tokens += 1
    }
    return text
}

func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimeGrammar(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let tagger = grammarTaggers[Int(input.byte()) % grammarTaggers.count]
    let creationTime = input.creationTime()
    let text = generatedText(&input)
    tagAndCheck(text, tagger: tagger, creationTime: creationTime)
    return 0
}

func warmUp() {
    for tagger in grammarTaggers { _ = tagger.tag("May said on Monday, Oct. 5, 2015 that she may fall in the fall.") }
}
