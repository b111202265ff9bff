import ArgumentParser
import Chronicle
import Foundation

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Tag time expressions.")

    @Argument var files: [String] = []
    @Option var dct: String?
    @Flag var devJsonl = false

    func run() throws {
        let tagger = TemporalTagger()
        if devJsonl {
            while let line = readLine() {
                guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let text = obj["text"] as? String else { continue }
                let id = obj["id"] as? String ?? ""
                let dct = (obj["dct"] as? String).flatMap { CreationTime(parsing: $0) }
                let doc = tagger.tag(text, creationTime: dct, id: id)
                for t in doc.timeExpressions {
                    print([id, String(t.span.start), String(t.span.end), t.kind.rawValue, t.value, t.modifier?.rawValue ?? "", t.text.replacingOccurrences(of: "\n", with: " ")].joined(separator: "\t"))
                }
            }
            return
        }
        let text = files.isEmpty ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : try String(contentsOfFile: files[0], encoding: .utf8)
        let doc = tagger.tag(text, creationTime: dct.flatMap { CreationTime(parsing: $0) })
        for t in doc.timeExpressions {
            print("\(t.span.start)-\(t.span.end)\t\(t.kind.rawValue)\t\(t.value)\t\(t.modifier?.rawValue ?? "")\t\(t.text)")
        }
        for d in doc.diagnostics { print("\(d.severity.rawValue): \(d.message)") }
    }
}
