import ArgumentParser
import Chronicle

@main
struct ChronicleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "Reconstruct the timeline of a news story: its time expressions, events, statements and their order.",
        version: "0.2.0",
        subcommands: [TimelineCommand.self, TagCommand.self, ExampleCommand.self, AnnotateCommand.self, EvalCommand.self, TrainCommand.self, BenchCommand.self, ServeCommand.self, StoryCommand.self]
    )
}
