import ArgumentParser
import Chronicle
import Foundation

/// `chronicle eval timeline`: the SemEval-2015 Task 4 (TimeLine: cross-document event ordering) score of the
/// timelines Chronicle builds for target entities.
struct TimeLineEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Score entity timelines against SemEval-2015 Task 4 (TimeLine) gold data.",
        discussion: """
            Reads the CAT documents of DIR/corpus-cat (the text rebuilt from their tokens), anchors each on the \
            DCT of its DIR/corpus-timeml file, runs the whole pipeline and builds one timeline of the whole story. \
            For the target entity of each DIR/gold-timelines file (its first line), the entries about it \
            (Timeline.entries(about:)) give a line per mention, DOCID-SENTENCE-WORDS after the CAT tokens its \
            span covers (not in the headline, which the task does not annotate), dated as the entry is (a day, a month or a year, else XXXX-XX-XX at ordinal 0), \
            numbered in timeline order (entries of one date share an ordinal).

            Each timeline becomes a graph of BEFORE and SIMULTANEOUS relations between its mentions (same \
            ordinal: SIMULTANEOUS; a lower ordinal: BEFORE; ordinal 0: none), scored against the gold one by \
            temporal awareness (UzZaman & Allen 2011) and micro-averaged over the entities, as the task did. \
            --baseline dates the same mentions on their article's publication day instead.

            With --check F, the exit status is 1 when the micro-averaged F1 is below F.
            """
    )

    static let defaultData = "../shared/data/semeval2015-timeline-trial"

    @Argument(help: ArgumentHelp(
        "The TimeLine data: corpus-cat/, corpus-timeml/ and gold-timelines/. (default: \(defaultData))", valueName: "DIR"))
    var data: String?

    @Flag(help: "List the missing, spurious and differently dated mentions, and the missed and unverified relations.")
    var errors = false

    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "Write each system timeline in the task format to DIR, under the name of its gold file.", valueName: "DIR"))
    var outputDirectory: String?

    @Flag(help: "Score the trivial baseline instead: every mention on its article's publication day.")
    var baseline = false

    @Option(help: ArgumentHelp("Exit with status 1 when the micro-averaged F1 is below F (0 to 1).", valueName: "F"))
    var check: Double?

    func validate() throws {
        if let check, !(0...1).contains(check) { throw ValidationError("--check takes an F1 between 0 and 1, not \(check)") }
    }

    func run() throws {
        let console = Console()
        let directory = data ?? Self.defaultData
        let evaluation: TimeLineEvaluation
        let documents: Int
        do {
            if !FileManager.default.fileExists(atPath: directory) {
                throw CommandFailure("""
                    the TimeLine data directory \(directory) does not exist (relative to \
                    \(FileManager.default.currentDirectoryPath)); give it as DIR
                    """)
            }
            let corpus = try TimeLineEvalSupport.read(directory, console: console)
            documents = corpus.texts.count
            let timeline = TimeLineEvalSupport.storyTimeline(corpus)
            let systems = corpus.gold.map { gold in
                TimeLineEvalSupport.entityTimeline(
                    gold.timeline.entity, in: timeline, corpus: corpus, dates: baseline ? .publicationDay : .timeline)
            }
            if let outputDirectory {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
                for (gold, system) in zip(corpus.gold, systems) {
                    let sink = try OutputSink(atomicallyWritingTo: URL(fileURLWithPath: outputDirectory).appendingPathComponent(gold.file).path)
                    try sink.write(system.formatted())
                    try sink.commit()
                }
            }
            evaluation = TimeLineEvaluator().evaluate(zip(corpus.gold, systems).map { (gold: $0.timeline, system: $1) })
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        } catch {
            console.error("error: \(error.localizedDescription)")
            throw ExitCode.failure
        }

        let system = baseline ? "baseline (every mention on its article's publication day)" : "Chronicle"
        console.output(EvaluationTableRenderer().render(
            evaluation, title: "SemEval-2015 TimeLine (temporal awareness), \(system), \(documents) documents"))
        if errors {
            let listing = ErrorListingRenderer()
            console.output("\n" + listing.render(evaluation.errors) + "\n" + listing.render(evaluation.relationErrors))
        }
        let f1 = evaluation.counts.scores.f1
        if let check, f1 < check {
            console.error("error: the micro-averaged F1 \(String(format: "%.4f", f1)) is below --check \(check)")
            throw ExitCode.failure
        }
    }
}
