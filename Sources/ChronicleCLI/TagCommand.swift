import ArgumentParser
import Chronicle

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Tag time expressions.")
    func run() throws {}
}
