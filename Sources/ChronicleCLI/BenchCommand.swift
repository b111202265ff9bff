import ArgumentParser
import Chronicle

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure speed and memory.")
    func run() throws {}
}
