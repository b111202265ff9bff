import ArgumentParser
import Chronicle
import Foundation

/// `chronicle eval`: scores against gold data — TempEval-3 TimeML (the default, `chronicle eval tempeval`),
/// UD English EWT part-of-speech tagging (`chronicle eval pos`) or SemEval-2015 TimeLine entity timelines
/// (`chronicle eval timeline`).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Chronicle (or another system) against gold data.",
        discussion: """
            `chronicle eval GOLD_DIR SYSTEM_DIR` and `chronicle eval --tag GOLD_DIR` score TempEval-3 TimeML \
            (the default subcommand, `tempeval`); `chronicle eval pos` scores the linguistic layer on UD English EWT; \
            `chronicle eval timeline` scores entity timelines on the SemEval-2015 TimeLine data.
            """,
        subcommands: [TempEvalCommand.self, PosEvalCommand.self, StoryEvalCommand.self, TimeLineEvalCommand.self],
        defaultSubcommand: TempEvalCommand.self
    )
}

/// `chronicle eval [tempeval]`: TempEval-3 scores of a system (or of Chronicle's own tagger) against gold TimeML:
/// Task A (timex) always, Task B (events) and temporal awareness (TLINKs) when the system annotates them.
struct TempEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tempeval",
        abstract: "Score time expressions, events and temporal relations against TempEval-3 gold data.",
        discussion: """
            Compares every .tml file under GOLD_DIR (searched recursively; hidden files skipped) with the \
            file of the same relative path under SYSTEM_DIR, or, with --tag, with what Chronicle's tagger \
            finds in the gold text (anchored on the gold DCT). Scores are TempEval-3 Task A: strict and \
            relaxed extent match, type and value, over the TEXT element only. When the system files have \
            EVENTs, Task B follows (strict and relaxed extent match; class, tense, aspect, polarity, \
            modality and pos), and when they have TLINKs, temporal awareness (UzZaman & Allen 2011: \
            precision and recall of the reduced graphs against the other side's closure, system entities \
            aligned with gold ones by extent).

            A gold file missing from SYSTEM_DIR counts as a system output with no time expressions (a \
            warning says so). Unreadable or malformed files, and documents whose gold and system texts \
            differ, are reported on standard error and make the command exit with status 1.
            """
    )

    @Argument(help: ArgumentHelp("Directory of gold TimeML (.tml) files.", valueName: "GOLD_DIR"))
    var goldDirectory: String

    @Argument(help: ArgumentHelp("Directory of system TimeML files with the same names (not with --tag).", valueName: "SYSTEM_DIR"))
    var systemDirectory: String?

    @Flag(help: "Tag the gold texts with Chronicle's tagger and score the result instead of reading a system directory.")
    var tag = false

    @Flag(help: "With --tag: run the whole pipeline, so that events (Task B) and temporal relations (temporal awareness) are scored too.")
    var events = false

    @Option(help: ArgumentHelp("With --tag: the kind of text (auto, news, narrative, colloquial), as for 'chronicle tag'. (default: auto)", valueName: "genre"))
    var genre: TemporalTagger.Genre = .auto

    @Flag(help: "Print the scores (and, with --errors, the errors) as JSON.")
    var json = false

    @Flag(help: "List every missed, spurious, extent, type and value error (and every event and TLINK error).")
    var errors = false

    func validate() throws {
        if tag, systemDirectory != nil {
            throw ValidationError("--tag scores Chronicle's own tagging of GOLD_DIR; do not give a SYSTEM_DIR with it.")
        }
        if events, !tag {
            throw ValidationError("--events goes with --tag (a system directory's events are scored whenever it has some).")
        }
        if !tag, systemDirectory == nil {
            throw ValidationError("Missing SYSTEM_DIR (or use --tag to score Chronicle's own tagger).")
        }
    }

    func run() throws {
        let console = Console()
        let system: EvalSupport.SystemSource = tag
            ? .annotator(events ? EvalSupport.pipelineTagger(genre: genre) : EvalSupport.timexTagger(genre: genre)) : .directory(systemDirectory ?? "")
        let outcome: EvalSupport.Outcome
        do {
            outcome = try EvalSupport.run(goldDirectory: goldDirectory, system: system, console: console)
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        }

        let evaluation = outcome.evaluation
        if json {
            let renderer = EvaluationJSONRenderer(style: .pretty, includesErrors: errors)
            var value = renderer.value(for: evaluation)
            if case .object(var members) = value {
                if let events = outcome.events { members.append(("events", renderer.value(for: events))) }
                if let relations = outcome.relations { members.append(("temporalAwareness", renderer.value(for: relations))) }
                value = .object(members)
            }
            console.output(value.serialized(.pretty) + "\n")
        } else {
            let table = EvaluationTableRenderer(), listing = ErrorListingRenderer()
            console.output(table.render(evaluation))
            if errors { console.output("\n" + listing.render(evaluation)) }
            if let events = outcome.events {
                console.output("\n" + table.render(events))
                if errors { console.output("\n" + listing.render(events)) }
            }
            if let relations = outcome.relations {
                console.output("\n" + table.render(relations))
                if errors { console.output("\n" + listing.render(relations)) }
            }
        }
        for failure in evaluation.failures {
            console.error("error: \(failure.name): \(failure.message)")
        }
        if !evaluation.failures.isEmpty { throw ExitCode.failure }
    }
}
