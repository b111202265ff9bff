import ArgumentParser
import Chronicle

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Score time expressions against TempEval-3 gold data.")
    func run() throws {}
}
