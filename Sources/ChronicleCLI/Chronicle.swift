import ArgumentParser
import Chronicle

@main
struct ChronicleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "Reconstruct the timeline of a news story: find and normalise its time expressions, annotate words.",
        version: "0.1.0",
        subcommands: [TagCommand.self, ExampleCommand.self, AnnotateCommand.self, EvalCommand.self, TimelineCommand.self, TrainCommand.self, BenchCommand.self]
    )
}
