import ArgumentParser
import Chronicle
import Dispatch
import Foundation

/// `chronicle train relations`: trains the temporal-relation (TLINK) recogniser from TimeML files with
/// EVENT, TIMEX3 and TLINK annotation, and scores it in the TempEval-3 Task C setting.
struct TrainRelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "Train the temporal-relation recogniser on TempEval-3 TimeML files.",
        discussion: """
            Trains on the TLINKs of the .tml files under --train (searched recursively): one averaged perceptron \
            per kind of pair decides whether to link it, another which relation it has. --folds K (5) \
            cross-validates on --train to choose how sure the classifiers must be to link (the thresholds that \
            give the best temporal awareness over the held-out folds); the final model is trained on every file. \
            Training is deterministic: the same files, options and seed give the same model bytes.

            The shipped model is made with:
              chronicle train relations --train ../shared/data/tbaq-cleaned/TimeBank \\
                --out relations.model --swift-out Sources/ChronicleRelations/Model/ShippedRelationModel.swift

            --test DIR scores the trained model on DIR in the TempEval-3 Task C setting: the gold events and \
            time expressions are given, the gold TLINKs dropped, and the relations found are scored by temporal \
            awareness against them.
            """
    )

    @Option(help: ArgumentHelp("Training data: a directory of TimeML (.tml) files with EVENTs and TLINKs.", valueName: "DIR"))
    var train: String

    @Option(help: ArgumentHelp("Write the model to FILE.", valueName: "FILE"))
    var out: String?

    @Option(name: .customLong("swift-out"), help: ArgumentHelp("Write the model as a Swift source file.", valueName: "FILE"))
    var swiftOut: String?

    @Option(help: ArgumentHelp("Passes over the training pairs.", valueName: "N"))
    var iterations = RelationTrainer.Options().iterations

    @Option(help: ArgumentHelp("Seed of the shuffling of the training pairs.", valueName: "S"))
    var seed = RelationTrainer.Options().seed

    @Option(help: ArgumentHelp("Folds of the cross-validation that chooses the thresholds (1: none).", valueName: "K"))
    var folds = RelationTrainer.Options().folds

    @Option(help: ArgumentHelp("Score the trained model on the TimeML files of DIR (TempEval-3 Task C).", valueName: "DIR"))
    var test: String?

    @Flag(help: "With --test: list every missed, unverified and inconsistent relation.")
    var errors = false

    func validate() throws {
        if out == nil, swiftOut == nil, test == nil {
            throw ValidationError("give --out FILE, --swift-out FILE or --test DIR")
        }
        if iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if folds < 1 { throw ValidationError("--folds must be at least 1") }
    }

    func run() throws {
        let console = Console()
        do {
            let start = DispatchTime.now().uptimeNanoseconds
            func elapsed() -> String { String(format: "%.1f s", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
            let training = try AnnotatedTimeML.read(directory: train)
            console.error("read and tagged \(training.count) training documents in \(elapsed())")
            var options = RelationTrainer.Options()
            options.iterations = iterations
            options.seed = seed
            options.folds = folds
            let (model, report) = RelationTrainer(options: options).train(training.map(\.document)) { console.error($0) }
            let bytes = model.serialized()
            if let out { try OutputSink.writeAtomically(bytes, to: out) }
            if let swiftOut {
                let made = "chronicle train relations --train \(URL(fileURLWithPath: train).lastPathComponent)"
                    + (iterations != RelationTrainer.Options().iterations ? " --iterations \(iterations)" : "")
                    + (seed != RelationTrainer.Options().seed ? " --seed \(seed)" : "")
                    + (folds != RelationTrainer.Options().folds ? " --folds \(folds)" : "")
                let source = model.swiftSource(comment: "\(model.summary)\n\(report.summaryLine)\nMade with: \(made)")
                try OutputSink.writeAtomically(Array(source.utf8), to: swiftOut)
            }
            console.output("""
                \(model.summary)
                \(report)
                model: \(bytes.count) bytes, \(model.featureCount) features; \(elapsed()) in all

                """)

            if let test {
                let documents = try AnnotatedTimeML.read(directory: test)
                let recognizer = RelationRecognizer(model: model)
                let pairs = parallelMap(documents) { annotated -> EvaluationPair in
                    var document = annotated.document
                    let gold = AnnotatedText(annotated.gold)
                    document.relations = []
                    recognizer.annotate(&document)
                    return EvaluationPair(name: annotated.name, gold: gold, system: AnnotatedText(document))
                }
                let evaluation = TemporalAwarenessEvaluator().evaluate(pairs)
                console.output("\nTask C (gold events and time expressions) on \(test):\n" + EvaluationTableRenderer().render(evaluation))
                if errors { console.output("\n" + ErrorListingRenderer().render(evaluation)) }
            }
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        }
    }
}
