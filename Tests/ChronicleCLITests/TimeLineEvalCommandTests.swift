import ChronicleCalendar
import ChronicleCore
import Foundation
import Testing

@testable import ChronicleCLI

/// `chronicle eval timeline` on the SemEval-2015 TimeLine trial data, through the real command. No threshold:
/// the figures move as Chronicle improves (the gate is `--check`, run elsewhere).
@Suite("chronicle eval timeline: the trial data", .enabled(if: TimeLineTrialData.isAvailable, "needs ../shared/data/semeval2015-timeline-trial next to the package"))
struct TimeLineEvalCommandTests {
    static let packageRoot = TimeLineTrialData.packageRoot
    static let data = TimeLineTrialData.directory
    static let entities = ["Beatles Apple Corps", "iPhone 3G", "iPhone 4", "iPod", "iTunes store", "Steve Jobs"]

    /// The precision, recall and F1 of the `micro-average` row.
    static func microAverage(_ output: String) throws -> [Double] {
        let row = try #require(output.split(separator: "\n").first { $0.hasPrefix("micro-average ") }, "no micro-average line in\n\(output)")
        let figures = row.split(separator: " ").dropFirst().prefix(3).compactMap { Double($0) }
        #expect(figures.count == 3 && figures.allSatisfy { (0...1).contains($0) }, "\(row)")
        return figures
    }

    @Test func scoresChronicleAndWritesTheTimelines() throws {
        let directory = try TemporaryDirectory()
        let outcome = try directory.run(["eval", "timeline", Self.data.path, "--output-dir", "out", "--errors"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.output.hasPrefix("SemEval-2015 TimeLine (temporal awareness), Chronicle, 30 documents: 6 target entities\n"))
        _ = try Self.microAverage(outcome.output)
        let lines = outcome.output.split(separator: "\n")
        for entity in Self.entities { #expect(lines.contains { $0.hasPrefix(entity + "  ") }, "a row for \(entity)") }
        #expect(outcome.output.contains("\ntimeline errors: "))
        #expect(outcome.output.contains("\nTLINK errors: "))
        // One timeline per gold file, in the task format, under the gold file's name.
        let gold = try FileManager.default.contentsOfDirectory(atPath: Self.data.appendingPathComponent("gold-timelines").path).sorted()
        #expect(try directory.entries("out") == gold)
        for (name, entity) in zip(gold, Self.entities) {
            let lines = try directory.contents("out/" + name).split(separator: "\n")
            #expect(lines.first.map(String.init) == entity)
            for line in lines.dropFirst() {
                let fields = line.split(separator: "\t")
                #expect(fields.count == 3 && Int(fields[0]) != nil, "\(name): \(line)")
            }
        }
    }

    @Test func scoresTheBaselineFromTheDefaultDirectory() throws {
        // The default DIR, ../shared/data/semeval2015-timeline-trial, from the package root.
        let outcome = try ChronicleProcess.run(["eval", "timeline", "--baseline"], in: Self.packageRoot)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.output.contains("baseline (every mention on its article's publication day)"))
        let f1 = try Self.microAverage(outcome.output)[2]
        // --check F fails exactly when the micro F1 is below F.
        let passed = try ChronicleProcess.run(["eval", "timeline", "--baseline", "--check", "0"], in: Self.packageRoot)
        #expect(passed.status == 0)
        if f1 < 1 {
            let failed = try ChronicleProcess.run(["eval", "timeline", "--baseline", "--check", "1"], in: Self.packageRoot)
            #expect(failed.status == 1)
            #expect(failed.standardError.contains("is below --check 1"))
        }
    }
}

/// The SemEval-2015 TimeLine trial data, next to the package (`../shared/data/semeval2015-timeline-trial`).
enum TimeLineTrialData {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("../shared/data/semeval2015-timeline-trial").standardizedFileURL
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("gold-timelines").path) }
}

@Suite("chronicle eval timeline: bad input")
struct TimeLineEvalInputTests {
    @Test func missingDirectoryAndBadOptions() throws {
        let directory = try TemporaryDirectory()
        let missing = try directory.run(["eval", "timeline", "nowhere"])
        #expect(missing.status == 1)
        #expect(missing.standardError.hasPrefix("error: the TimeLine data directory nowhere does not exist"))
        let badCheck = try directory.run(["eval", "timeline", "nowhere", "--check", "7.85"])
        #expect(badCheck.status == 64)
        #expect(badCheck.standardError.contains("--check takes an F1 between 0 and 1"))
        // A malformed CAT file is reported with its place; nothing is scored.
        for folder in ["data/corpus-cat", "data/corpus-timeml", "data/gold-timelines"] {
            try FileManager.default.createDirectory(at: directory.url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try directory.write("data/corpus-cat/1.xml", #"<Document doc_id="1"><token number="0" sentence="0" t_id="1">a</tok></Document>"#)
        try directory.write("data/corpus-timeml/1.tml", #"<TimeML><DOCID>1</DOCID><TEXT>a</TEXT></TimeML>"#)
        try directory.write("data/gold-timelines/a.txt", "a\n1\t2008\t1-0-a\n")
        let malformed = try directory.run(["eval", "timeline", "data"])
        #expect(malformed.status == 1)
        #expect(malformed.errorLines.first?.hasSuffix("data/corpus-cat/1.xml:1:63: end tag </tok> does not match the open element <token>") == true,
                "\(malformed.standardError)")
        #expect(malformed.output.isEmpty)
    }
}

/// How an entry's time is written in the TimeLine task's format: as precise as it is known.
@Suite("chronicle eval timeline: the task's dates")
struct TimeLineTaskDateTests {
    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test(arguments: [
        (Timeline.Placement(value: "2010-06-07", granularity: .day), "2010-06-07"),
        (Timeline.Placement(value: "2010-06", granularity: .month), "2010-06"),
        (Timeline.Placement(value: "2010", granularity: .year), "2010"),
        // A week inside one month is that month; one across two months is its year.
        (Timeline.Placement(value: "2010-W23", start: date("2010-06-07"), end: date("2010-06-13"), granularity: .week), "2010-06"),
        (Timeline.Placement(value: "2010-W22", start: date("2010-05-31"), end: date("2010-06-06"), granularity: .week), "2010"),
        (Timeline.Placement(value: "2011-SU", start: date("2011-06-21"), end: date("2011-09-22"), granularity: .season), "2011"),
        // Bounds only: after Oct. 13 and before Oct. 28.
        (Timeline.Placement(start: date("2015-10-14"), end: date("2015-10-27"), granularity: .range), "2015-10"),
    ] as [(Timeline.Placement, String)])
    func coarsensToWhatHoldsTheTime(_ time: Timeline.Placement, _ expected: String) {
        #expect(TimeLineEvalSupport.taskDate(time) == expected)
    }

    @Test func openOrUnknownTimesAreUndated() {
        #expect(TimeLineEvalSupport.taskDate(Timeline.Placement(end: Self.date("2015-10-27"), granularity: .open)) == nil)
        #expect(TimeLineEvalSupport.taskDate(Timeline.Placement(value: "PAST_REF")) == nil)
        #expect(TimeLineEvalSupport.taskDate(Timeline.Placement(start: Self.date("2009-12-01"), end: Self.date("2010-01-31"), granularity: .range)) == nil)
    }
}
