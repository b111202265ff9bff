import ArgumentParser
import Chronicle
import ChronicleService
import ChronicleStores
import Foundation

/// `chronicle story`: stories kept in the service's store, from the shell.
struct StoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story",
        abstract: "Add documents to stories kept in the store that 'chronicle serve' uses, list them, show their timelines.",
        discussion: """
            Stories are named by their titles here. 'story add' creates the story when there is none of that name, \
            so that a story loaded from the shell can then be looked at in the browser ('chronicle serve' with the \
            same --data-dir or --postgres).
            """,
        subcommands: [Add.self, List.self, Show.self]
    )

    /// `chronicle story add NAME FILE...`
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Analyse documents and add them to a story (created when absent).",
            discussion: """
                Each FILE is plain text (a short first line is the title), an HTML page (.html, .htm, or text starting \
                with <!doctype html> or <html>: reduced to its article text), TempEval-3 TimeML, or a JSONL story file \
                with one {"id", "title", "published", "text"} per line. Every file is read and checked before any \
                document is added.
                """
        )

        @Argument(help: ArgumentHelp("The story's title.", valueName: "NAME"))
        var name: String

        @Argument(help: ArgumentHelp("The documents.", valueName: "FILE"))
        var files: [String]

        @Option(help: ArgumentHelp("The publication date of documents that do not give one.", valueName: "YYYY-MM-DD[THH:MM]"))
        var dct: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one FILE") }
            if let dct, CreationTime(parsing: dct) == nil { throw ValidationError("invalid --dct '\(dct)': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM") }
        }

        func run() async throws {
            try await StoryCommand.withService(store) { service, console in
                let inputs = try files.flatMap(read)
                var story = try await service.story(titled: name)
                if story == nil { story = try await service.createStory(title: name) }
                guard let story else { return }
                for (file, input) in inputs {
                    let record = try await service.addDocument(input, to: story.id)
                    console.output("\(file): document \(record.id) added to story \(story.id) '\(story.title)'\n")
                }
            }
        }

        /// The documents of one file, as inputs for the service.
        private func read(_ file: String) throws -> [(String, DocumentSubmission)] {
            let items = try TimelineStory(creationTime: dct.flatMap { CreationTime(parsing: $0) }).read(file)
            let isHTMLFile = [".html", ".htm", ".xhtml"].contains { file.lowercased().hasSuffix($0) }
            return items.map { item in
                let format: DocumentSubmission.Format? = isHTMLFile ? .html : nil
                let title = format == .html || HTMLArticleText.looksLikeHTML(item.document.text.utf8) ? nil : item.title
                return (file, DocumentSubmission(title: title, published: item.document.creationTime?.description, body: item.document.text, format: format))
            }
        }
    }

    /// `chronicle story list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stories: id, documents, title.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await StoryCommand.withService(store) { service, console in
                let stories = try await service.stories()
                if stories.isEmpty { console.error("no stories yet: add one with 'chronicle story add NAME FILE...'") }
                for story in stories {
                    console.output("\(story.id)\t\(story.documentCount) document\(story.documentCount == 1 ? "" : "s")\t\(story.title)\n")
                }
            }
        }
    }

    /// `chronicle story timeline NAME`
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "timeline", abstract: "Print the timeline of a story.")

        @Argument(help: ArgumentHelp("The story's title.", valueName: "NAME"))
        var name: String

        @Option(help: ArgumentHelp("Output format: text, json or html. (default: text)", valueName: "format"))
        var format: TimelineFormat = .text

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await StoryCommand.withService(store) { service, console in
                guard let story = try await service.story(titled: name) else { throw CommandFailure("there is no story named '\(name)'") }
                let timeline = try await service.timeline(of: story.id)
                console.output(TimelineStory().render(timeline, as: format))
            }
        }
    }

    /// Opens the store, runs `body` with a service over it, and reports failures as `error:` lines (exit 1).
    static func withService(_ options: StoreOptions, _ body: (StoryService, Console) async throws -> Void) async throws {
        let console = Console()
        do {
            let opened = try await openStoryStore(options.location)
            let background = Task { try await opened.run() }
            defer { background.cancel() }
            try await body(StoryService(store: opened.store), console)
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        } catch let error as StoryServiceError {
            console.error("error: \(error)")
            throw ExitCode.failure
        }
    }
}
