import ArgumentParser
import Chronicle
import Dispatch
import Foundation

/// `chronicle train events`: trains the event recogniser from TimeML files with EVENT annotation.
struct TrainEventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Train the event recogniser on TempEval-3 TimeML files.",
        discussion: """
            Trains on the EVENTs (and their classes) of the .tml files under --train (searched recursively). \
            --extra adds machine-annotated files (the TempEval-3 silver data): for the lexicon statistics of the \
            model (how often a lemma is an event) and as training examples that count --extra-weight (0.5) each \
            against 1 for a --train example (0: lexicon statistics only). Training is deterministic: the same files, options and seed give the same model bytes.

            The shipped model is made with:
              chronicle train events --train ../shared/data/tbaq-cleaned/TimeBank \\
                --extra ../shared/data/te3-silver --out events.model \\
                --swift-out Sources/ChronicleEvents/Model/ShippedEventModel.swift

            --folds K first cross-validates on --train (K folds of documents) and prints the TempEval-3 Task B \
            scores; --test DIR scores the trained model on the gold events of DIR.
            """
    )

    @Option(help: ArgumentHelp("Training data: a directory of TimeML (.tml) files with EVENTs.", valueName: "DIR"))
    var train: String

    @Option(help: ArgumentHelp("Extra (silver) TimeML files, for the lexicon statistics.", valueName: "DIR"))
    var extra: String?

    @Option(help: ArgumentHelp("Write the model to FILE.", valueName: "FILE"))
    var out: String?

    @Option(name: .customLong("swift-out"), help: ArgumentHelp("Write the model as a Swift source file.", valueName: "FILE"))
    var swiftOut: String?

    @Option(help: ArgumentHelp("Passes over the training data.", valueName: "N"))
    var iterations = EventTrainer.Options().iterations

    @Option(help: ArgumentHelp("Seed of the shuffling of the training words.", valueName: "S"))
    var seed = EventTrainer.Options().seed

    @Option(name: .customLong("extra-weight"), help: ArgumentHelp("Weight of the extra files' words as training examples (0: lexicon statistics only).", valueName: "W"))
    var extraWeight = EventTrainer.Options().extraWeight

    @Option(name: .customLong("event-bias"), help: ArgumentHelp("Added to the event scores against 'no event' (more events when positive).", valueName: "B"))
    var eventBias = EventTrainer.Options().eventBias

    @Option(help: ArgumentHelp("Perceptrons trained side by side on their own orders of the examples, added up.", valueName: "N"))
    var ensemble = EventTrainer.Options().ensembleSize

    @Option(help: ArgumentHelp("Drop averaged weights smaller than T from the model.", valueName: "T"))
    var pruning = EventTrainer.Options().pruningThreshold

    @Option(help: ArgumentHelp("Cross-validate on --train with K folds of documents first, and print the scores.", valueName: "K"))
    var folds: Int?

    @Option(help: ArgumentHelp("Score the trained model on the gold events of the TimeML files of DIR.", valueName: "DIR"))
    var test: String?

    @Flag(help: "With --folds or --test: list every event error (missed, spurious, class and attribute errors).")
    var errors = false

    func validate() throws {
        if out == nil, swiftOut == nil, folds == nil, test == nil {
            throw ValidationError("give --out FILE, --swift-out FILE, --folds K or --test DIR")
        }
        if iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if let folds, folds < 2 { throw ValidationError("--folds must be at least 2") }
        if ensemble < 1 { throw ValidationError("--ensemble must be at least 1") }
        if extraWeight < 0 { throw ValidationError("--extra-weight must not be negative") }
    }

    func run() throws {
        let console = Console()
        do {
            let start = DispatchTime.now().uptimeNanoseconds
            func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
            let training = try AnnotatedTimeML.read(directory: train)
            let extraDocuments = try extra.map { try AnnotatedTimeML.read(directory: $0).map(\.document) } ?? []
            console.error(String(format: "read and tagged %d training and %d extra documents in %.1f s", training.count, extraDocuments.count, elapsed()))
            let options = EventTrainer.Options(
                iterations: iterations, seed: seed, pruningThreshold: pruning, extraWeight: extraWeight, eventBias: eventBias,
                ensembleSize: ensemble)
            let trainer = EventTrainer(options: options)

            if let folds {
                var pairs: [EvaluationPair] = []
                for fold in 0..<folds {
                    let held = training.indices.filter { $0 % folds == fold }
                    let kept = training.indices.filter { $0 % folds != fold }
                    let model = trainer.train(on: kept.map { training[$0].document }, extra: extraDocuments).model
                    let recognizer = EventRecognizer(model: model)
                    pairs += held.map { Self.pair(training[$0], recognizer: recognizer) }
                }
                let evaluation = EventEvaluator().evaluate(pairs)
                console.output("cross-validation on \(train), \(folds) folds of documents:\n")
                console.output(EvaluationTableRenderer().render(evaluation) + "\n")
                if errors { console.output(ErrorListingRenderer().render(evaluation) + "\n") }
            }

            let trainingStart = DispatchTime.now().uptimeNanoseconds
            let result = trainer.train(on: training.map(\.document), extra: extraDocuments)
            let trainingSeconds = Double(DispatchTime.now().uptimeNanoseconds - trainingStart) / 1e9
            let bytes = result.model.serialized()
            if let out {
                try OutputSink.writeAtomically(bytes, to: out)
            }
            if let swiftOut {
                let made = "chronicle train events --train \(URL(fileURLWithPath: train).lastPathComponent)"
                    + (extra.map { " --extra \(URL(fileURLWithPath: $0).lastPathComponent)" } ?? "")
                    + " --iterations \(iterations) --seed \(seed)"
                    + (extraWeight != EventTrainer.Options().extraWeight ? " --extra-weight \(extraWeight)" : "")
                    + (eventBias != EventTrainer.Options().eventBias ? " --event-bias \(eventBias)" : "")
                    + (pruning != EventTrainer.Options().pruningThreshold ? " --pruning \(pruning)" : "")
                    + (ensemble != EventTrainer.Options().ensembleSize ? " --ensemble \(ensemble)" : "")
                let source = EventModel.swiftSource(embedding: bytes, comment: "\(result.model.summary)\nMade with: \(made)")
                try OutputSink.writeAtomically(Array(source.utf8), to: swiftOut)
            }
            console.output("""
                \(result.model.summary)
                gold events \(result.goldEvents): \(result.uncoveredEvents) on no candidate word, \(result.inexactEvents) with another extent than their word
                model: \(bytes.count) bytes, \(result.model.featureCount) features, \(result.model.lexiconCount) lemmas; \
                \(result.examples) examples trained in \(String(format: "%.1f", trainingSeconds)) s (\(String(format: "%.1f", elapsed())) s in all)

                """)

            if let test {
                let documents = try AnnotatedTimeML.read(directory: test)
                let recognizer = EventRecognizer(model: result.model)
                let evaluation = EventEvaluator().evaluate(documents.map { Self.pair($0, recognizer: recognizer) })
                console.output("\nscores on \(test):\n" + EvaluationTableRenderer().render(evaluation))
                if errors { console.output("\n" + ErrorListingRenderer().render(evaluation)) }
            }
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        }
    }

    /// The gold events of a document against those `recognizer` finds.
    static func pair(_ annotated: AnnotatedTimeML, recognizer: EventRecognizer) -> EvaluationPair {
        let document = annotated.document
        return EvaluationPair(
            name: annotated.name, gold: AnnotatedText(text: document.text, timeExpressions: [], events: document.events),
            system: AnnotatedText(text: document.text, timeExpressions: [], events: recognizer.events(in: document)))
    }
}
