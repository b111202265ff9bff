import ChronicleCalendar
import ChronicleCore

extension Build {
    /// For a document without a creation time in a story whose other documents are dated, the year of each
    /// date whose year the text leaves unknown: the candidate year (a weekday narrows the candidates: "Friday,
    /// Sept. 16") that puts the date nearest the story's creation times, within a year of them. `nil` when the
    /// document has a creation time or no other document has one.
    func storyYear(forUndated d: Int) -> ((TimeExpression) -> Int?)? {
        guard story[d].document.creationTime == nil else { return nil }
        let days = story.compactMap { $0.document.creationTime?.date.dayNumber }.sorted()
        guard !days.isEmpty else { return nil }
        let middle = days[days.count / 2]
        let years = Set(days.map { CalendarDate(dayNumber: $0).year })
        let range = (years.min()! - 1)...(years.max()! + 1)
        return { timex in
            guard let value = TimeValue(timex.value), value.year == nil else { return nil }
            let candidates = timex.yearInference?.candidates.filter(range.contains) ?? []
            var best: (year: Int, distance: Int)?
            for year in candidates.isEmpty ? Array(range) : candidates {
                guard let span = value.days(inYear: year) else { continue }
                let distance = abs(span.lowerBound - middle)
                if best == nil || distance < best!.distance { best = (year, distance) }
            }
            return best?.year
        }
    }

    /// The warning for a document whose unknown years were taken from the story, naming the years chosen and the
    /// other candidates the tagger had found.
    func storyYearWarning(_ d: Int) -> Timeline.Warning? {
        guard let choose = storyYear(forUndated: d) else { return nil }
        var chosen: Set<Int> = []
        var others: Set<Int> = []
        for timex in story[d].document.timeExpressions {
            guard let year = choose(timex) else { continue }
            chosen.insert(year)
            others.formUnion(timex.yearInference?.candidates ?? [])
        }
        guard !chosen.isEmpty else { return nil }
        let years = chosen.sorted().map(String.init).joined(separator: ", ")
        let rest = others.subtracting(chosen).sorted()
        var message = "\(documentIDs[d]) has no creation time: its dates without a year are placed in \(years), the year of the story's other documents"
        if !rest.isEmpty { message += "; other candidates: \(rest.map(String.init).joined(separator: ", "))" }
        return Timeline.Warning(severity: .note, code: Diagnostic.Code.inferredYear, message: message, document: documentIDs[d],
                                candidates: chosen.sorted() + rest)
    }
}
