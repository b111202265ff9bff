import ArgumentParser
import Chronicle
import Foundation

/// `chronicle annotate`: words, sentences, part-of-speech tags and lemmas of plain texts.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Print the words, sentences, part-of-speech tags and lemmas of texts.",
        discussion: """
            Reads the files given, or standard input when there are none (or for '-'), as plain UTF-8 text (a \
            leading byte-order mark is dropped). Words follow UD English EWT ("don't" is "do" + "n't"); each gets \
            its universal tag (UPOS), Penn Treebank tag (XPOS) and lemma. Offsets are Unicode scalar offsets \
            into the text.

            Formats: 'text' prints, per sentence, a '# text' line and one line per word (start-end, form, UPOS, \
            XPOS, lemma); 'conllu' prints CoNLL-U (multiword tokens such as "don't" on range lines; no \
            dependencies); 'json' prints one object per document (an array for several).

            A bad input is reported on standard error and skipped, and the exit status is then 1.
            """
    )

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, conllu, json
    }

    @Argument(help: ArgumentHelp("Input files; '-' or none for standard input.", valueName: "FILE"))
    var files: [String] = []

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Reject an input longer than this many bytes.", valueName: "N"))
    var maximumBytes = 32 << 20

    func validate() throws {
        if maximumBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
    }

    func run() throws {
        let console = Console()
        let inputs = files.isEmpty ? ["-"] : files
        let annotator = LanguageAnnotator()
        let output = OutputSink.standardOutput()
        var failures = 0
        var rendered = 0
        do {
            for input in inputs {
                let document: Document
                do {
                    document = try read(input)
                } catch let failure as CommandFailure {
                    failure.report(to: console)
                    failures += 1
                    continue
                }
                var annotated = document
                annotator.annotate(&annotated)
                try output.write(render(annotated, index: rendered, isSeveral: inputs.count > 1))
                rendered += 1
            }
            if format == .json, inputs.count > 1 { try output.write(rendered == 0 ? "[]\n" : "\n]\n") }
        } catch let failure as CommandFailure {
            failure.report(to: console)
            throw ExitCode.failure
        }
        if failures > 0 {
            if inputs.count > 1 { console.error("error: \(failures) of \(inputs.count) inputs failed") }
            throw ExitCode.failure
        }
    }

    /// The unannotated document of an input: `-` is standard input.
    private func read(_ input: String) throws -> Document {
        let source = try InputSource(opening: input)
        let bytes = try source.readAll(limit: maximumBytes, limitName: "--max-bytes")
        do {
            let text = try PlainTextReader().read(bytes)
            let id = source.path.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? ""
            return Document(id: id, text: text)
        } catch {
            throw CommandFailure("\(source.name): \(error)")
        }
    }

    /// The output for one document, `index` counting the documents written before it.
    private func render(_ document: Document, index: Int, isSeveral: Bool) -> String {
        switch format {
        case .conllu:
            let header = isSeveral ? "# newdoc id = \(document.id.isEmpty ? "stdin" : document.id)\n" : ""
            return header + CoNLLU.write(document)
        case .json:
            let json = Self.json(for: document).serialized(.pretty)
            guard isSeveral else { return json + "\n" }
            return (index == 0 ? "[\n  " : ",\n  ") + json.replacingOccurrences(of: "\n", with: "\n  ")
        case .text:
            var lines: [String] = isSeveral ? ["# \(document.id.isEmpty ? "stdin" : document.id)"] : []
            let text = ScalarIndexedText(document.text)
            for sentence in document.sentences {
                lines.append("# text = " + text[sentence.span].replacingOccurrences(of: "\n", with: " "))
                for word in document.words[document.wordRange(of: sentence)] {
                    lines.append([
                        "\(word.span.start)-\(word.span.end)", text[word.span], word.universalTag?.rawValue ?? "_",
                        word.pennTag ?? "_", word.lemma ?? "_",
                    ].joined(separator: "\t"))
                }
                lines.append("")
            }
            return lines.map { $0 + "\n" }.joined()
        }
    }

    /// `{"id", "sentences": [{"start", "end", "words": [{"start", "end", "text", "upos", "xpos", "lemma"}]}]}`.
    static func json(for document: Document) -> JSONValue {
        let text = ScalarIndexedText(document.text)
        let sentences = document.sentences.map { sentence in
            JSONValue.object([
                ("start", .integer(sentence.span.start)),
                ("end", .integer(sentence.span.end)),
                ("words", .array(document.words[document.wordRange(of: sentence)].map { word in
                    .object([
                        ("start", .integer(word.span.start)),
                        ("end", .integer(word.span.end)),
                        ("text", .string(text[word.span])),
                        ("upos", word.universalTag.map { .string($0.rawValue) } ?? .null),
                        ("xpos", word.pennTag.map(JSONValue.string) ?? .null),
                        ("lemma", word.lemma.map(JSONValue.string) ?? .null),
                    ])
                })),
            ])
        }
        return .object([("id", .string(document.id)), ("sentences", .array(sentences))])
    }
}
