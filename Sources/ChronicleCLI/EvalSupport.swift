import Chronicle
import Dispatch
import Foundation

/// The work behind `chronicle eval`, kept apart from argument parsing.
enum EvalSupport {
    /// Where the system annotations come from.
    enum SystemSource {
        /// `.tml` files with the same relative paths under this directory.
        case directory(String)
        /// Chronicle's own tagger, run on the gold texts.
        case tagger
    }

    struct Outcome {
        var evaluation: TimexEvaluation
    }

    static func run(goldDirectory: String, system: SystemSource, console: Console) throws -> Outcome {
        let goldRoot = URL(fileURLWithPath: goldDirectory, isDirectory: true)
        try requireDirectory(goldRoot, role: "gold directory", given: goldDirectory)
        let names = try timeMLFiles(in: goldRoot)
        guard !names.isEmpty else {
            throw CommandFailure("no .tml files in the gold directory \(goldDirectory)")
        }

        let reader = TimeMLReader()
        let goldURLs = names.map { goldRoot.appendingPathComponent($0) }
        let gold = parallelMap(goldURLs) { url in
            Result { () throws(TimeMLReadError) -> TimeMLDocument in try reader.read(contentsOf: url) }
        }

        var systemTexts: [AnnotatedText?] = []
        var problems: [String] = []
        for result in gold {
            if case .failure(let error) = result { problems.append("error: \(error)") }
        }

        switch system {
        case .directory(let directory):
            let systemRoot = URL(fileURLWithPath: directory, isDirectory: true)
            try requireDirectory(systemRoot, role: "system directory", given: directory)
            let present = Set(try timeMLFiles(in: systemRoot))
            for extra in present.subtracting(names).sorted() {
                console.warning("\(systemRoot.appendingPathComponent(extra).path) has no gold file; ignored")
            }
            let systemResults = parallelMap(names) { name -> Result<TimeMLDocument, TimeMLReadError>? in
                guard present.contains(name) else { return nil }
                return Result { () throws(TimeMLReadError) -> TimeMLDocument in
                    try reader.read(contentsOf: systemRoot.appendingPathComponent(name))
                }
            }
            for (index, result) in systemResults.enumerated() {
                switch result {
                case nil:
                    console.warning(
                        "\(systemRoot.appendingPathComponent(names[index]).path) is missing; scored as a system output with no time expressions")
                    if case .success(let document) = gold[index] {
                        systemTexts.append(AnnotatedText(text: document.text, timeExpressions: []))
                    } else {
                        systemTexts.append(nil)
                    }
                case .failure(let error)?:
                    problems.append("error: \(error)")
                    systemTexts.append(nil)
                case .success(let document)?:
                    systemTexts.append(AnnotatedText(document))
                }
            }
        case .tagger:
            let tagger = TemporalTagger()
            systemTexts = parallelMap(gold) { result -> AnnotatedText? in
                guard case .success(let document) = result else { return nil }
                return AnnotatedText(tagger.tag(document.text, creationTime: document.creationTime, id: document.id))
            }
        }

        guard problems.isEmpty else { throw CommandFailure(lines: problems) }

        var pairs: [EvaluationPair] = []
        for (index, name) in names.enumerated() {
            guard case .success(let document) = gold[index], let systemText = systemTexts[index] else { continue }
            pairs.append(EvaluationPair(name: name, gold: AnnotatedText(document), system: systemText))
        }
        return Outcome(evaluation: TimexEvaluator().evaluate(pairs))
    }

    /// Fails unless `url` is an existing directory.
    static func requireDirectory(_ url: URL, role: String, given: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CommandFailure("the \(role) \(given) does not exist")
        }
        guard isDirectory.boolValue else {
            throw CommandFailure("the \(role) \(given) is not a directory")
        }
    }
}
