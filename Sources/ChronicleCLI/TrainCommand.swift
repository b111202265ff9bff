import ArgumentParser
import Chronicle
import Dispatch
import Foundation

/// `chronicle train`: trains Chronicle's models from annotated data.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train Chronicle's models from annotated data.",
        subcommands: [PartOfSpeech.self, TrainEventsCommand.self, TrainRelationsCommand.self]
    )

    /// `chronicle train pos`: trains the part-of-speech tagger and lemmatiser from UD treebank files.
    struct PartOfSpeech: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pos",
            abstract: "Train the part-of-speech tagger and lemmatiser on CoNLL-U files.",
            discussion: """
                Trains on the words of --train (CoNLL-U: FORM, LEMMA, UPOS and XPOS are used) and keeps the \
                iteration with the best UPOS + XPOS accuracy on --dev. Training is deterministic: the same \
                files, options and seed give the same model bytes.

                The shipped model is made with:
                  chronicle train pos --train ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu \\
                    --dev ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu --out pos.model \\
                    --swift-out Sources/ChronicleLanguage/Model/ShippedModel.swift

                --out writes the binary model; --swift-out writes it as a Swift source file (a base64 string \
                literal) that compiles it into Chronicle as POSModel.shipped.
                """
        )

        @Option(help: ArgumentHelp("Training data (CoNLL-U).", valueName: "FILE"))
        var train: String

        @Option(help: ArgumentHelp("Development data (CoNLL-U), to choose the iteration.", valueName: "FILE"))
        var dev: String

        @Option(help: ArgumentHelp("Write the model to FILE.", valueName: "FILE"))
        var out: String?

        @Option(name: .customLong("swift-out"), help: ArgumentHelp("Write the model as a Swift source file.", valueName: "FILE"))
        var swiftOut: String?

        @Option(help: ArgumentHelp("Passes over the training data.", valueName: "N"))
        var iterations = POSTrainer.Options().iterations

        @Option(help: ArgumentHelp("Seed of the shuffling of the training sentences.", valueName: "S"))
        var seed = POSTrainer.Options().seed

        func validate() throws {
            if out == nil, swiftOut == nil { throw ValidationError("give --out FILE, --swift-out FILE or both") }
            if iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        }

        func run() throws {
            let console = Console()
            do {
                let start = DispatchTime.now().uptimeNanoseconds
                let training = try readTreebank(train)
                let development = try readTreebank(dev)
                console.error("training on \(training.count) sentences, choosing on \(development.count)...")
                let trainer = POSTrainer(options: POSTrainer.Options(iterations: iterations, seed: seed))
                let result = trainer.train(on: training, development: development) { iteration in
                    let scores = iteration.development
                    console.error("iteration \(iteration.number): training \(percent(iteration.trainingAccuracy)), "
                        + "development UPOS \(percent(scores.universalTagAccuracy)) XPOS \(percent(scores.pennTagAccuracy)) "
                        + "lemmas \(percent(scores.lemmaAccuracy))")
                }
                let bytes = result.model.serialized()
                if let out {
                    try write(bytes, to: out)
                }
                if let swiftOut {
                    let source = POSModel.swiftSource(embedding: bytes, comment: """
                        \(result.model.summary)
                        Made with: chronicle train pos --train \(URL(fileURLWithPath: train).lastPathComponent) \
                        --dev \(URL(fileURLWithPath: dev).lastPathComponent) --iterations \(iterations) --seed \(seed)
                        """)
                    try write(Array(source.utf8), to: swiftOut)
                }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                console.output("""
                    \(result.model.summary)
                    model: \(bytes.count) bytes, \(result.model.weightCount) weights; trained in \(String(format: "%.1f", seconds)) s

                    """)
            } catch let failure as CommandFailure {
                failure.report(to: console)
                throw ExitCode.failure
            }
        }

        private func write(_ bytes: [UInt8], to path: String) throws {
            let sink = try OutputSink(atomicallyWritingTo: path)
            try sink.write(bytes)
            try sink.commit()
        }
    }
}

/// The sentences of a CoNLL-U file; errors name the file (and the line).
func readTreebank(_ path: String) throws -> [TreebankSentence] {
    let source = try InputSource(opening: path)
    let bytes = try source.readAll(limit: 1 << 30, limitName: "treebank size")
    let text: String
    do {
        text = try PlainTextReader().read(bytes)
    } catch {
        throw CommandFailure("\(source.name): \(error)")
    }
    do {
        let sentences = try CoNLLU.read(text)
        guard !sentences.isEmpty else { throw CommandFailure("\(source.name): no sentences") }
        return sentences
    } catch let error as CoNLLUError {
        throw CommandFailure("\(source.name): \(error)")
    }
}

/// `value` as a percentage with two decimals ("95.61%").
func percent(_ value: Double) -> String {
    String(format: "%.2f%%", value * 100)
}
