import Chronicle
import Foundation

/// One input of `chronicle tag` outside `--jsonl` mode.
enum DocumentInput: Sendable {
    /// A path, or `-` for standard input.
    case argument(String)
    /// The built-in example story.
    case example

    /// The name used in messages: the path as given, `<stdin>` or `example`.
    var name: String {
        switch self {
        case .argument("-"): "<stdin>"
        case .argument(let path): path
        case .example: ExampleStory.name
        }
    }

    /// The path of a file input.
    var path: String? {
        guard case .argument(let path) = self, path != "-" else { return nil }
        return path
    }

    /// The file name without directory and extension: the name of its `--output-dir` file and of a plain-text document.
    var baseName: String {
        switch self {
        case .argument("-"): "stdin"
        case .argument(let path): URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        case .example: ExampleStory.name
        }
    }
}

/// Where `chronicle tag` writes its documents.
enum Destination {
    case standardOutput
    /// `--output FILE`: all documents in one file.
    case file(String)
    /// `--output-dir DIR`: one file per input.
    case directory(String)
}

/// `chronicle tag` outside `--jsonl` mode: whole documents, read, tagged and written in input order.
///
/// Inputs are tagged `threads` at a time (each on its own core), then written in order, so that memory
/// holds at most `threads` documents whatever the number of inputs.
struct DocumentTagging: Sendable {
    let settings: TagSettings
    var pipeline: Pipeline { settings.pipeline }

    /// What one input gives: its rendering and the lines for standard error (notes, warnings).
    struct Rendering: Sendable {
        var output: String
        var messages: [String]
    }

    func run(inputs: [DocumentInput], output destination: Destination, console: Console) throws {
        let sink: OutputSink?
        let directory: String?
        switch destination {
        case .standardOutput:
            (sink, directory) = (.standardOutput(), nil)
        case .file(let path):
            try refuseOverwriting(inputs.compactMap(\.path), with: [path])
            (sink, directory) = (try OutputSink(atomicallyWritingTo: path), nil)
        case .directory(let path):
            (sink, directory) = (nil, try prepareDirectory(path, for: inputs))
        }
        let isStandalone = directory != nil || inputs.count == 1
        var combined = CombinedOutput(format: settings.format, isSeveral: !isStandalone)
        var failures = 0
        do {
            for start in stride(from: 0, to: inputs.count, by: settings.threads) {
                let group = Array(inputs[start..<min(start + settings.threads, inputs.count)])
                let results = parallelMap(group, threads: settings.threads) { input in
                    Result { try render(input, isStandalone: isStandalone) }
                }
                for (input, result) in zip(group, results) {
                    let rendering: Rendering
                    do {
                        rendering = try result.get()
                    } catch let failure as CommandFailure {
                        failure.report(to: console)
                        failures += 1
                        continue
                    }
                    for message in rendering.messages { console.error(message) }
                    guard let directory else {
                        try sink?.write(combined.append(rendering.output, name: input.name))
                        continue
                    }
                    do {
                        try write(rendering.output, to: "\(directory)/\(input.baseName).\(settings.format.fileExtension)")
                    } catch let failure as CommandFailure {
                        failure.report(to: console)
                        failures += 1
                    }
                }
            }
            try sink?.write(combined.end())
        } catch {
            sink?.discard()
            throw error
        }
        if let sink, sink.path != nil, failures > 0 {
            sink.discard()
            if combined.count > 0 { console.error("error: \(sink.name) not written because of the errors above") }
        } else {
            try sink?.commit()
        }
        guard failures == 0 else {
            throw inputs.count > 1 ? CommandFailure("\(failures) of \(inputs.count) inputs failed") : CommandFailure(lines: [])
        }
    }

    /// Reads, tags and renders one input.
    ///
    /// - Parameter isStandalone: Whether the rendering is a whole output (else it is joined with others by ``CombinedOutput``).
    func render(_ input: DocumentInput, isStandalone: Bool) throws -> Rendering {
        var (document, messages) = try load(input)
        pipeline.run(&document)
        let output: String
        var diagnostics = document.diagnostics
        switch settings.format {
        case .text:
            if case .example = input {
                diagnostics = []
                output = TableRenderer().render(document, title: ExampleStory.title, footer: ExampleStory.footer)
            } else {
                var shown = document
                shown.diagnostics = []
                output = PlainTextRenderer().render(shown)
            }
        case .json:
            diagnostics = []
            let json = JSONWriter(style: .pretty).string(for: document)
            // Strings escape line feeds, so every line feed of the JSON text is layout: indent it as an array element.
            output = isStandalone ? json + "\n" : Self.indentedAsArrayElement(json)
        case .timeml:
            let written = TimeMLWriter().write(document)
            output = written.xml
            diagnostics += written.diagnostics
        }
        messages += diagnostics.map { "\($0.severity.rawValue): \(input.name): \($0.message)" }
        return Rendering(output: output, messages: messages)
    }

    /// `json` with every line indented by two spaces (a byte loop: Foundation's string replacement
    /// was a fifth of the run time on a corpus of small documents).
    static func indentedAsArrayElement(_ json: String) -> String {
        var bytes: [UInt8] = [0x20, 0x20]
        bytes.reserveCapacity(json.utf8.count + json.utf8.count / 16)
        for byte in json.utf8 {
            bytes.append(byte)
            if byte == 0x0A { bytes.append(0x20); bytes.append(0x20) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The untagged document of an input, and notes about it.
    private func load(_ input: DocumentInput) throws -> (Document, [String]) {
        var document: Document
        switch input {
        case .example:
            document = Document(id: ExampleStory.name, text: ExampleStory.text, creationTime: ExampleStory.creationTime)
        case .argument(let argument):
            let source = try InputSource(opening: argument)
            let bytes = try source.readAll(limit: settings.maximumBytes, limitName: "--max-bytes")
            let content = bytes[(PlainTextReader.hasByteOrderMark(bytes) ? 3 : 0)...]
            guard let first = content.firstIndex(where: { !Self.isSpace($0) }) else {
                throw CommandFailure("\(input.name): the input is \(content.isEmpty ? "empty" : "empty (only white space)")")
            }
            if Self.isTimeML(path: source.path, firstByte: first, bytes) {
                do {
                    let timeML = try TimeMLReader().read(bytes, fallbackID: input.baseName)
                    document = Document(id: timeML.id, text: timeML.text, creationTime: timeML.creationTime, diagnostics: timeML.diagnostics)
                } catch {
                    var located = error
                    located.file = input.name
                    throw CommandFailure("\(located)")
                }
            } else {
                do {
                    document = Document(id: source.path == nil ? "" : input.baseName, text: try PlainTextReader().read(bytes))
                } catch {
                    throw CommandFailure("\(input.name): \(error)")
                }
            }
        }
        var messages: [String] = []
        if let override = settings.creationTime {
            if let own = document.creationTime, own.description != override.description {
                messages.append("note: \(input.name): --dct \(override) overrides the document's DCT \(own)")
            }
            document.creationTime = override
        }
        return (document, messages)
    }

    /// Whether an input is TimeML: by its extension for a file, by its first characters for standard input.
    private static func isTimeML(path: String?, firstByte: Int, _ bytes: [UInt8]) -> Bool {
        if let path {
            let suffix = path.lowercased()
            return suffix.hasSuffix(".tml") || suffix.hasSuffix(".xml")
        }
        let start = bytes[firstByte...]
        return start.starts(with: "<?xml".utf8) || start.starts(with: "<TimeML".utf8)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func write(_ output: String, to path: String) throws {
        let file = try OutputSink(atomicallyWritingTo: path)
        try file.write(output)
        try file.commit()
    }

    /// Creates the `--output-dir` directory if needed and checks that no two inputs (and no input itself) share an output file.
    private func prepareDirectory(_ path: String, for inputs: [DocumentInput]) throws -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CommandFailure("--output-dir \(path): is a file, not a directory") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("--output-dir \(path): cannot create the directory: \(error.localizedDescription)")
            }
        }
        let outputs = inputs.map { "\(path)/\($0.baseName).\(settings.format.fileExtension)" }
        var firstInput: [String: String] = [:]
        for (input, output) in zip(inputs, outputs) {
            if let other = firstInput.updateValue(input.name, forKey: output) {
                throw CommandFailure("\(other) and \(input.name) would both be written to \(output); tag them separately")
            }
        }
        try refuseOverwriting(inputs.compactMap(\.path), with: outputs)
        return path
    }
}

/// Joins the documents written to one output: a JSON array for several JSON documents, a `# NAME` line
/// before each of several text documents.
struct CombinedOutput {
    let format: OutputFormat
    let isSeveral: Bool
    private(set) var count = 0

    /// The text to write for the next document.
    mutating func append(_ rendering: String, name: String) -> String {
        defer { count += 1 }
        guard isSeveral else { return rendering }
        switch format {
        case .json: return (count == 0 ? "[\n" : ",\n") + rendering
        case .text: return "# \(name)\n" + rendering
        case .timeml: return rendering
        }
    }

    /// The text to write after the last document.
    func end() -> String {
        guard isSeveral, format == .json else { return "" }
        return count == 0 ? "[]\n" : "\n]\n"
    }
}
