import ArgumentParser
import Chronicle
import Foundation

/// `chronicle eval stories`: the story timeline scored against gold timelines written by readers.
struct StoryEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Score story timelines against gold timelines (dates, order, speakers, merges, false warnings).",
        discussion: """
            Reads every NAME.jsonl story file of DIR with its gold timeline NAME.gold.json (see \
            corpus/stories/README.md), builds each story's timeline as 'chronicle timeline' does, and scores \
            it: the share of gold events dated right (the entry's time meets the gold date or bounds and is \
            inside them or at most a week long), of gold ordered pairs shown in that order, of statements with \
            the right speaker, of events told by two documents merged into one entry, and the number of \
            'conflicting-times' warnings (the stories are consistent, so every one is false).

            --check DATES,ORDER,SPEAKERS exits with status 1 when a share is below its floor or when any \
            conflicting-times warning appears.
            """
    )

    @Argument(help: ArgumentHelp("Directory of the story corpus. (default: corpus/stories)", valueName: "DIR"))
    var directory = "corpus/stories"

    @Flag(help: "List every error.")
    var errors = false

    @Option(help: ArgumentHelp("Score only these stories (comma-separated names).", valueName: "NAMES"))
    var only: String?

    @Option(help: ArgumentHelp("Floors for dates, order and speakers, for example 0.85,0.85,0.9.", valueName: "D,O,S"))
    var check: String?

    func run() throws {
        let console = Console()
        let floors = check.map { $0.split(separator: ",").compactMap { Double($0) } }
        if let floors, floors.count != 3 {
            console.error("error: --check takes three numbers: dates,order,speakers")
            throw ExitCode.validationFailure
        }
        let url = URL(fileURLWithPath: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".gold.json") }
                .map { String($0.dropLast(".gold.json".count)) }.sorted()
        } catch {
            console.error("error: \(directory): cannot read the directory (\(error.localizedDescription))")
            throw ExitCode.failure
        }
        let wanted = only.map { Set($0.split(separator: ",").map(String.init)) }
        let evaluator = StoryTimelineEvaluator()
        var total = StoryTimelineEvaluator.Score()
        var lines = ["story                              events  found  dated  pairs  order  speak  merge  warn"]
        for name in names where wanted?.contains(name) ?? true {
            do {
                let goldData = try Data(contentsOf: url.appendingPathComponent(name + ".gold.json"))
                let gold = try JSONDecoder().decode(StoryTimelineEvaluator.Gold.self, from: goldData)
                let story = TimelineStory(threads: 1)
                let timeline = try story.timeline(of: [url.appendingPathComponent(name + ".jsonl").path])
                let texts = Dictionary(timeline.documents.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
                let entries = timeline.entries.map(Self.systemEntry)
                let warnings = timeline.warnings.filter { $0.code == Timeline.Warning.conflictingTimes }.count
                let score = evaluator.score(entries, warnings: warnings, gold: gold, texts: texts)
                total = total + score
                lines.append(Self.row(name, score))
            } catch let failure as CommandFailure {
                failure.report(to: console)
                throw ExitCode.failure
            } catch {
                console.error("error: \(name): \(error)")
                throw ExitCode.failure
            }
        }
        lines.append(Self.row("all", total))
        console.output(lines.joined(separator: "\n") + "\n")
        if errors { console.output("\n" + total.errors.joined(separator: "\n") + "\n") }
        if let floors {
            let figures = [("dates", total.dateAccuracy), ("order", total.orderAccuracy), ("speakers", total.speakerAccuracy)]
            var failed = false
            for ((name, figure), floor) in zip(figures, floors) where figure < floor {
                console.error("error: \(name) \(String(format: "%.3f", figure)) is below the floor \(floor)")
                failed = true
            }
            if total.falseWarnings > 0 {
                console.error("error: \(total.falseWarnings) false conflicting-times warning(s)")
                failed = true
            }
            if failed { throw ExitCode.failure }
        }
    }

    /// The entry as the evaluator sees it: its time is its best-supported value's days, else its bounds.
    static func systemEntry(_ entry: Timeline.Entry) -> StoryTimelineEvaluator.SystemEntry {
        // The best-supported value's days, narrowed by the bounds when they are narrower ("mid-April": the value is
        // the month, the bounds its middle third); else the bounds.
        var days: ClosedRange<Int>?
        let bounds = entry.time.start.flatMap { start in entry.time.end.map { start.dayNumber...$0.dayNumber } }
        if let value = entry.time.value, let parsed = TimeValue(value)?.days {
            days = bounds.map { parsed.clamped(to: $0) }.flatMap { $0.overlaps(parsed) ? $0 : nil } ?? parsed
        } else {
            days = bounds
        }
        return StoryTimelineEvaluator.SystemEntry(
            id: entry.id, sources: entry.sources.map { ($0.document, $0.span) }, days: days, speaker: entry.statement?.speaker)
    }

    static func row(_ name: String, _ score: StoryTimelineEvaluator.Score) -> String {
        func cell(_ value: Double) -> String { String(format: "%5.1f%%", value * 100).padding(toLength: 7, withPad: " ", startingAt: 0) }
        return name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%7d", score.events) + " "
            + cell(score.foundRate) + cell(score.dateAccuracy) + String(format: "%6d", score.pairs) + " " + cell(score.orderAccuracy)
            + cell(score.speakerAccuracy) + cell(score.mergeAccuracy) + String(format: "%5d", score.falseWarnings)
    }
}
