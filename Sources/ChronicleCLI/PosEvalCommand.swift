import ArgumentParser
import Chronicle
import Foundation

/// `chronicle eval pos`: the linguistic layer scored on UD English EWT.
struct PosEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pos",
        abstract: "Score tagging, lemmas, tokens and sentences on UD English EWT.",
        discussion: """
            Reads en_ewt-ud-SPLIT.conllu from the data directory. Tagging and lemmas are scored on the gold \
            words (gold tokenisation). Tokens and sentences are scored on the raw text: the '# text' lines \
            joined as the CoNLL 2018 shared task joins them (sentences of a paragraph separated by a space, \
            paragraphs by a blank line), aligned with the gold words on their non-space characters, as its \
            evaluation script does; a multiword token such as "don't" counts once.

            With --check, the exit status is 1 when a figure is below its floor.
            """
    )

    static let defaultData = "../shared/data/ud-english-ewt"

    @Option(help: ArgumentHelp("Directory of the UD English EWT .conllu files. (default: \(defaultData))", valueName: "DIR"))
    var data: String?

    @Option(help: ArgumentHelp("The split to score: test or dev.", valueName: "SPLIT"))
    var split = "test"

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Flag(help: "Exit with status 1 when a figure is below its floor.")
    var check = false

    func validate() throws {
        if split != "test", split != "dev" { throw ValidationError("--split must be test or dev") }
    }

    func run() throws {
        let console = Console()
        let directory = data ?? Self.defaultData
        let path = URL(fileURLWithPath: directory).appendingPathComponent("en_ewt-ud-\(split).conllu").path
        let sentences: [TreebankSentence]
        let evaluation: (tagging: TaggingScores, segmentation: SegmentationScores)
        do {
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure("""
                    \(path) does not exist (the data directory is \(directory), relative to \
                    \(FileManager.default.currentDirectoryPath)); give the UD English EWT directory with --data DIR
                    """)
            }
            sentences = try readTreebank(path)
            do {
                evaluation = try TreebankEvaluation.evaluate(sentences)
            } catch {
                throw CommandFailure("\(path): \(error)")
            }
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        }
        let checks = TreebankEvaluation.Floors().checks(tagging: evaluation.tagging, segmentation: evaluation.segmentation)
        let model = PartOfSpeechTagger().model
        if json {
            console.output(Self.json(split: split, sentences: sentences.count, evaluation: evaluation, checks: checks, model: model)
                .serialized(.pretty) + "\n")
        } else {
            console.output(Self.table(split: split, sentences: sentences.count, evaluation: evaluation, checks: checks, model: model))
        }
        if check, checks.contains(where: { $0.value < $0.floor }) { throw ExitCode.failure }
    }

    private static func table(
        split: String, sentences: Int, evaluation: (tagging: TaggingScores, segmentation: SegmentationScores),
        checks: [(name: String, value: Double, floor: Double)], model: POSModel
    ) -> String {
        let (tagging, segmentation) = evaluation
        func row(_ name: String, _ score: F1Score) -> String {
            "  \(name.padding(toLength: 10, withPad: " ", startingAt: 0))  precision \(percent(score.precision))  "
                + "recall \(percent(score.recall))  F1 \(percent(score.f1))  (gold \(score.gold), system \(score.system), correct \(score.correct))"
        }
        var lines = [
            "chronicle eval pos: UD English EWT, \(split) split (\(sentences) sentences, \(tagging.words) words)",
            "",
            "Gold tokenisation",
            "  UPOS accuracy   \(percent(tagging.universalTagAccuracy))",
            "  XPOS accuracy   \(percent(tagging.pennTagAccuracy))",
            "  lemma accuracy  \(percent(tagging.lemmaAccuracy))",
            "",
            "From raw text (CoNLL 2018 alignment)",
            row("tokens", segmentation.tokens),
            row("sentences", segmentation.sentences),
            "",
            "Floors (issue 3, test split)",
        ]
        for check in checks {
            lines.append("  \(check.name): \(percent(check.value)) ≥ \(percent(check.floor)): \(check.value >= check.floor ? "ok" : "BELOW THE FLOOR")")
        }
        lines += ["", "Model: \(model.summary)"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func json(
        split: String, sentences: Int, evaluation: (tagging: TaggingScores, segmentation: SegmentationScores),
        checks: [(name: String, value: Double, floor: Double)], model: POSModel
    ) -> JSONValue {
        let (tagging, segmentation) = evaluation
        func f1(_ score: F1Score) -> JSONValue {
            .object([
                ("gold", .integer(score.gold)), ("system", .integer(score.system)), ("correct", .integer(score.correct)),
                ("precision", .number(score.precision)), ("recall", .number(score.recall)), ("f1", .number(score.f1)),
            ])
        }
        return .object([
            ("split", .string(split)),
            ("sentences", .integer(sentences)),
            ("words", .integer(tagging.words)),
            ("goldTokenisation", .object([
                ("upos", .number(tagging.universalTagAccuracy)),
                ("xpos", .number(tagging.pennTagAccuracy)),
                ("lemma", .number(tagging.lemmaAccuracy)),
            ])),
            ("rawText", .object([("tokens", f1(segmentation.tokens)), ("sentences", f1(segmentation.sentences))])),
            ("floors", .array(checks.map { check in
                .object([("name", .string(check.name)), ("value", .number(check.value)), ("floor", .number(check.floor)),
                         ("met", .bool(check.value >= check.floor))])
            })),
            ("model", .string(model.summary)),
        ])
    }
}
