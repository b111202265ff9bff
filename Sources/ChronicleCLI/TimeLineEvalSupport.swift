import Chronicle
import Foundation

/// The work behind `chronicle eval timeline`, kept apart from argument parsing: reading the SemEval-2015
/// TimeLine data, building the story's timeline, and writing each target entity's timeline in the task format.
enum TimeLineEvalSupport {
    /// The documents and gold timelines of a TimeLine data directory.
    struct Corpus {
        /// The CAT documents' texts, in file-name order.
        var texts: [CATText]
        /// The creation time of each document (from `corpus-timeml`), by CAT document id.
        var creationTimes: [String: CreationTime]
        /// The gold timelines, in file-name order, with their file names.
        var gold: [(file: String, timeline: EntityTimeline)]
    }

    /// Reads `corpus-cat/*.xml`, the DCTs of `corpus-timeml/*.tml` and `gold-timelines/*.txt` under `directory`.
    /// Every unreadable file is reported at once; a document without a DCT only gets a warning.
    static func read(_ directory: String, console: Console) throws -> Corpus {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        try EvalSupport.requireDirectory(root, role: "TimeLine data directory", given: directory)
        var problems: [String] = []
        func files(_ subdirectory: String, _ suffix: String) throws -> [URL] {
            let folder = root.appendingPathComponent(subdirectory, isDirectory: true)
            try EvalSupport.requireDirectory(folder, role: "directory", given: folder.path)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { !$0.hasPrefix(".") && $0.hasSuffix(suffix) }.sorted()
            if names.isEmpty { problems.append("error: no \(suffix) files in \(folder.path)") }
            return names.map { folder.appendingPathComponent($0) }
        }
        let catFiles = try files("corpus-cat", ".xml"), timeMLFiles = try files("corpus-timeml", ".tml")
        let goldFiles = try files("gold-timelines", ".txt")

        let reader = CATReader()
        let documents = parallelMap(catFiles) { url in Result { () throws(CATReadError) in try reader.read(contentsOf: url) } }
        var texts: [CATText] = []
        for result in documents {
            switch result {
            case .success(let document): texts.append(document.rebuiltText())
            case .failure(let error): problems.append("error: \(error)")
            }
        }
        for (id, count) in Dictionary(texts.map { ($0.documentID, 1) }, uniquingKeysWith: +) where count > 1 {
            problems.append("error: \(count) CAT documents have the doc_id \(id)")
        }

        var creationTimes: [String: CreationTime] = [:]
        for url in timeMLFiles {
            do {
                let document = try TimeMLReader().read(contentsOf: url)
                creationTimes[document.id] = document.creationTime
            } catch {
                problems.append("error: \(error)")
            }
        }

        var gold: [(file: String, timeline: EntityTimeline)] = []
        for url in goldFiles {
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                do {
                    gold.append((url.lastPathComponent, try EntityTimeline(parsing: text)))
                } catch {
                    var located = error
                    located.file = url.path
                    problems.append("error: \(located)")
                }
            } catch {
                problems.append("error: \(url.path): cannot read: \(error.localizedDescription)")
            }
        }
        guard problems.isEmpty else { throw CommandFailure(lines: problems) }
        for text in texts where creationTimes[text.documentID] == nil {
            console.warning("document \(text.documentID) has no DCT in \(root.appendingPathComponent("corpus-timeml").path)")
        }
        return Corpus(texts: texts, creationTimes: creationTimes, gold: gold)
    }

    /// The story's timeline: every document through the whole pipeline (anchored on its DCT), its headline (CAT
    /// sentence 0) as its title, then one timeline over all of them. Document ids are the CAT `doc_id`s.
    static func storyTimeline(_ corpus: Corpus) -> Timeline {
        let items = corpus.texts.map { text in
            TimelineStory.Item(
                document: Document(id: text.documentID, text: text.text, creationTime: corpus.creationTimes[text.documentID]),
                title: text.headline)
        }
        return TimelineStory().timeline(of: items)
    }

    /// How the dates of an entity's timeline are chosen.
    enum DateSource {
        /// Chronicle's: each entry's place on the calendar, in timeline order.
        case timeline
        /// The baseline: every mention on its document's creation day, in date order.
        case publicationDay
    }

    /// The timeline of `entity` in the task format: a line per source mention of each entry of
    /// `timeline.entries(about: entity)`, named after the CAT tokens its span covers. Mentions in a headline
    /// (CAT sentence 0) are left out: the task does not annotate headlines (the trial data has no gold event
    /// in sentence 0, nor in sentence 1, the dateline).
    static func entityTimeline(_ entity: String, in timeline: Timeline, corpus: Corpus, dates: DateSource) -> EntityTimeline {
        let texts = Dictionary(corpus.texts.map { ($0.documentID, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [(date: String?, mentions: [String])] = []
        for entry in timeline.entries(about: entity) {
            let date = taskDate(entry.time)
            for source in entry.sources {
                guard let text = texts[source.document], let first = text.tokenIndices(overlapping: source.span).first,
                      text.tokens[first].sentence > 0, let mention = text.mentionID(for: source.span) else { continue }
                switch dates {
                case .timeline: lines.append((date, [mention]))
                case .publicationDay: lines.append((corpus.creationTimes[source.document]?.date.description, [mention]))
                }
            }
        }
        if dates == .publicationDay {
            // By date (undated last), a stable sort.
            lines = lines.enumerated().sorted { ($0.element.date ?? "~", $0.offset) < ($1.element.date ?? "~", $1.offset) }.map(\.element)
        }
        return EntityTimeline(entity: entity, ordering: lines)
    }

    /// An entry's date in the task's terms: its TIMEX3 value when it is a year, a month or a day of a known year
    /// (the day of a clock time), else its day when it is bounded to one, else the month or the year that holds its
    /// bounds (a week, a season, "after Oct. 13 and before Oct. 28"), else `nil` (undated).
    static func taskDate(_ time: Timeline.Placement) -> String? {
        if let value = time.value {
            let parts = value.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
            let fields = parts[0].split(separator: "-", omittingEmptySubsequences: false)
            let widths = fields.map(\.count)
            let isDigits = fields.allSatisfy { $0.allSatisfy { ("0"..."9").contains($0) } }
            if isDigits, widths == [4] || widths == [4, 2] || widths == [4, 2, 2], parts.count == 1 || widths.count == 3 {
                return String(parts[0])
            }
        }
        guard let start = time.start, let end = time.end else { return nil }
        if start == end { return start.description }
        // A week, a season, a quarter or bounds of several days: the month or the year that holds them all.
        guard start.year == end.year, (0...9999).contains(start.year) else { return nil }
        return String(start.description.prefix(start.month == end.month ? 7 : 4))
    }
}
