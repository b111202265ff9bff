// Checks of the corpus itself, independent of the tagger: they pass whatever the tagger
// does, and catch typos in examples (an extent that is not in its phrase, a value that is
// not a TIMEX3 value, a weekday or month name that contradicts the value, a malformed DCT).

import ChronicleCore
import Testing

/// Every group of the corpus, for the integrity checks.
let corpus: [(group: String, examples: [Example])] = [
    ("Explicit dates", explicitDates),
    ("Years inferred from the DCT", yearInference),
    ("Relative days", relativeDays),
    ("Weekdays", weekdays),
    ("Weeks and weekends", weeksAndWeekends),
    ("Months, quarters, halves and seasons", monthsQuartersSeasons),
    ("Years, decades and centuries", yearsDecadesCenturies),
    ("Times", times),
    ("Durations", durations),
    ("Modifiers", modifiers),
    ("Sets", sets),
    ("Present, past and future references", references),
    ("Holidays", holidays),
    ("False positives and their counterparts", falsePositives),
    ("No creation time", noCreationTime),
    ("Impossible dates", impossibleDates),
    ("Extents", extents),
    ("Story sentences", storySentences),
]

@Suite("Example corpus integrity")
struct CorpusIntegrity {
    @Test("The corpus has at least 450 examples and no empty group")
    func size() {
        let total = corpus.reduce(0) { $0 + $1.examples.count }
        #expect(total >= 450, "only \(total) examples")
        for (group, examples) in corpus {
            #expect(!examples.isEmpty, "group \(group) is empty")
        }
    }

    @Test("No phrase appears twice with the same DCT")
    func uniqueExamples() {
        var seen: [String: SourceLocation] = [:]
        for example in corpus.flatMap(\.examples) {
            let key = "\(example.phrase)|\(example.dct ?? "")"
            if let first = seen[key] {
                Issue.record("duplicate of the example at line \(first.line) of \(first.fileName)", sourceLocation: example.sourceLocation)
            }
            seen[key] = example.sourceLocation
        }
    }

    @Test("Every example is well formed")
    func wellFormed() {
        for example in corpus.flatMap(\.examples) {
            for problem in problems(in: example) {
                Issue.record(Comment(rawValue: "\(example.testDescription): \(problem)"), sourceLocation: example.sourceLocation)
            }
        }
    }
}

// MARK: - The checks

private func problems(in example: Example) -> [String] {
    var problems: [String] = []
    if let dct = example.dct, CreationTime(parsing: dct) == nil { problems.append("malformed DCT \(dct)") }
    if example.phrase.allSatisfy(\.isWhitespace) { problems.append("empty phrase") }

    // Extents occur in the phrase, in the order written, without overlapping.
    var searchFrom = example.phrase.startIndex
    for timex in example.expected {
        guard let range = example.phrase[searchFrom...].firstRange(of: timex.text) else {
            problems.append("\"\(timex.text)\" does not occur in the phrase (after the previous expression)")
            continue
        }
        searchFrom = range.upperBound
    }

    for timex in example.expected {
        problems += extentProblems(timex.text).map { "\"\(timex.text)\": \($0)" }
        problems += valueProblems(timex).map { "\"\(timex.text)\" \(timex.value): \($0)" }
        problems += consistencyProblems(timex, mismatchExpected: example.warnings.contains(.weekdayMismatch))
            .map { "\"\(timex.text)\" \(timex.value): \($0)" }
    }
    return problems
}

private let prepositions: Set<String> = ["on", "in", "at", "since", "for", "until", "by", "during", "from", "of", "to", "within"]
private let abbreviations = ["a.m.", "p.m.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "Jr.", "B.C.", "A.D.", "B.C.E.", "C.E."]

private func extentProblems(_ text: String) -> [String] {
    var problems: [String] = []
    if text.isEmpty { return ["empty extent"] }
    if text.first == " " || text.last == " " { problems.append("extent has surrounding spaces") }
    let words = text.split(separator: " ").map { $0.lowercased() }
    if let first = words.first, prepositions.contains(first), !(first == "at" && ["least", "most"].contains(words.dropFirst().first)) {
        problems.append("extent starts with the preposition \"\(first)\"")
    }
    if let last = text.last, ",;:!?()\"”’".contains(last) { problems.append("extent ends with punctuation") }
    if text.hasSuffix("."), !abbreviations.contains(where: { text.hasSuffix($0) }) { problems.append("extent ends with a period") }
    if text.hasSuffix("'s") || text.hasSuffix("’s") { problems.append("extent includes a possessive") }
    return problems
}

private func valueProblems(_ timex: Timex) -> [String] {
    var problems: [String] = []
    let value = timex.value
    switch timex.kind {
    case .date:
        if !isDateValue(value) { problems.append("not a DATE value") }
    case .time:
        if !isTimeValue(value) { problems.append("not a TIME value") }
    case .duration:
        if !isDurationValue(value) { problems.append("not a DURATION value") }
    case .set:
        if !isDurationValue(value) && !isDateValue(value) { problems.append("not a SET value") }
    }
    if timex.kind != .set && (timex.freq != nil || timex.quant != nil) { problems.append("freq/quant on a non-SET") }
    if let quant = timex.quant, quant != quant.uppercased() { problems.append("quant is not upper case") }
    if let freq = timex.freq, !matches(freq, #"\d+X"#) { problems.append("freq is not NX") }
    return problems
}

private func matches(_ text: String, _ pattern: String) -> Bool {
    (try? Regex(pattern).wholeMatch(in: text)) != nil
}

private let dayPart = #"(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?"#

private func isDateValue(_ value: String) -> Bool {
    if ["PRESENT_REF", "PAST_REF", "FUTURE_REF"].contains(value) { return true }
    // Before Christ: "BC0241", "BC046", "BC03".
    if value.hasPrefix("BC"), value.count > 4 || matches(value, #"BC\d{2,3}"#) { return isDateValue(String(value.dropFirst(2))) }
    if matches(value, #"\d{2,3}"#) { return true }  // century, decade
    if matches(value, #"(\d{4}|XXXX)-(Q[1-4]|H[12]|SP|SU|FA|WI)"#) { return true }
    if matches(value, #"(\d{4}|XXXX)-W(\d{2}|XX)(-(WE|[1-7]))?"#) { return weekIsValid(value) }
    if matches(value, dayPart) { return calendarIsValid(value) }
    // A day with its part, typed DATE as TBAQ mostly does ("Friday night" -> 2015-10-30TNI).
    if let t = value.firstIndex(of: "T"), ["MO", "AF", "EV", "NI"].contains(String(value[value.index(after: t)...])) {
        return isTimeValue(value)
    }
    return false
}

private func isTimeValue(_ value: String) -> Bool {
    guard let t = value.firstIndex(of: "T") else { return false }
    let date = String(value[..<t])
    var clock = String(value[value.index(after: t)...])
    guard matches(date, #"(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)"#), calendarIsValid(date) else { return false }
    if ["MO", "AF", "EV", "NI"].contains(clock) { return true }
    // A zone: "Z", "+08", "-05:30".
    if clock.hasSuffix("Z") { clock.removeLast() }
    if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
        guard matches(String(clock[clock.index(after: sign)...]), #"\d{2}(:\d{2})?"#) else { return false }
        clock = String(clock[..<sign])
    }
    guard matches(clock, #"\d{2}:\d{2}"#) else { return false }
    let hour = Int(clock.prefix(2))!, minute = Int(clock.suffix(2))!
    return (hour < 24 && minute < 60) || (hour == 24 && minute == 0)
}

private func isDurationValue(_ value: String) -> Bool {
    value != "P" && value != "PT" && matches(value, #"P((\d+|X)Y)?((\d+|X)M)?((\d+|X)W)?((\d+|X)D)?(T((\d+|X)H)?((\d+|X)M)?((\d+|X)S)?)?"#)
        && !value.hasSuffix("T")
}

private func calendarIsValid(_ value: String) -> Bool {
    let fields = value.split(separator: "-").map(String.init)
    guard let year = Int(fields[0]) else { return true }
    guard fields.count > 1, let month = Int(fields[1]) else { return true }
    guard (1...12).contains(month) else { return false }
    guard fields.count > 2, let day = Int(fields[2]) else { return true }
    return day >= 1 && day <= daysIn(month: month, year: year)
}

private func weekIsValid(_ value: String) -> Bool {
    let fields = value.split(separator: "-")
    guard let year = Int(fields[0]), let week = Int(fields[1].dropFirst()) else { return true }
    return week >= 1 && week <= isoWeeks(in: year)
}

// MARK: Names in the extent must agree with the value

private let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
private let monthNames: [String: Int] = [
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
]

private func consistencyProblems(_ timex: Timex, mismatchExpected: Bool) -> [String] {
    guard timex.kind == .date || timex.kind == .time else { return [] }
    var problems: [String] = []
    let words = timex.text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    let fields = timex.value.split(separator: "T").first.map { $0.split(separator: "-").map(String.init) } ?? []

    // Weekday names.
    if fields.count >= 3, let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]) {
        let actual = weekday(year: year, month: month, day: day)
        for word in words {
            guard let named = weekdayNames.firstIndex(of: word) else { continue }
            if mismatchExpected {
                if named == actual { problems.append("the example expects a weekday mismatch, but \(weekdayNames[named]) is right") }
            } else if named != actual {
                problems.append("\(weekdayNames[named]) does not fall on \(fields.prefix(3).joined(separator: "-")) (a \(weekdayNames[actual]))")
            }
        }
    }

    // Month names.
    if fields.count >= 2, let month = Int(fields[1]), timex.value.count >= 7, !timex.value.contains("W") {
        let named = words.compactMap { monthNames[$0] }
        if !named.isEmpty, !named.contains(month) { problems.append("month name does not match month \(month)") }
    }

    // Four-digit years.
    var digits = "", years: [String] = []
    for character in timex.text + " " {
        if character.isASCII && character.isNumber { digits.append(character); continue }
        if digits.count == 4 { years.append(digits) }
        digits = ""
    }
    for year in years {
        let ok = timex.value.hasPrefix(year) || year.hasPrefix(timex.value) && timex.value.count >= 2
        if !ok { problems.append("year \(year) does not match the value") }
    }
    return problems
}

// MARK: Calendar facts (written out here so the corpus check does not depend on the code under test)

private func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

private func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
private func dayNumber(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

/// 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
private func weekday(year: Int, month: Int, day: Int) -> Int {
    ((dayNumber(year: year, month: month, day: day) % 7) + 7 + 3) % 7
}

private func isoWeeks(in year: Int) -> Int {
    let jan1 = weekday(year: year, month: 1, day: 1)
    return jan1 == 3 || (jan1 == 2 && isLeap(year)) ? 53 : 52
}
