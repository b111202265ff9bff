import Chronicle
import Dispatch
import Foundation

/// The work behind `chronicle eval`, kept apart from argument parsing.
enum EvalSupport {
    /// Annotates the text of a gold document the way a system would (anchored on the gold creation time).
    typealias Annotator = @Sendable (TimeMLDocument) -> AnnotatedText

    /// Where the system annotations come from.
    enum SystemSource {
        /// `.tml` files with the same relative paths under this directory.
        case directory(String)
        /// An annotator run on the gold texts, such as ``EvalSupport/timexTagger(genre:)``.
        case annotator(Annotator)
    }

    /// Chronicle's temporal tagger: time expressions only. A tagger that also finds events and relations plugs
    /// in as another ``Annotator`` that returns `AnnotatedText(document, events: ..., relations: ...)`; its
    /// event and TLINK scores are then reported like a system directory's.
    static func timexTagger(genre: TemporalTagger.Genre = .auto) -> Annotator {
        let tagger = TemporalTagger(options: TemporalTagger.Options(genre: genre))
        return { document in AnnotatedText(tagger.tag(document.text, creationTime: document.creationTime, id: document.id)) }
    }

    /// Chronicle's whole pipeline: time expressions, events and temporal relations (`--tag --events`).
    static func pipelineTagger(genre: TemporalTagger.Genre = .auto) -> Annotator {
        let pipeline = Pipeline(stages: .all, temporalTagger: TemporalTagger(options: TemporalTagger.Options(genre: genre)))
        return { document in AnnotatedText(pipeline.run(document.text, creationTime: document.creationTime, id: document.id)) }
    }

    struct Outcome {
        var evaluation: TimexEvaluation
        /// The Task B scores, when some system annotation has events.
        var events: EventEvaluation?
        /// The temporal-awareness scores, when some system annotation has relations.
        var relations: TemporalAwarenessEvaluation?
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
        case .annotator(let annotate):
            systemTexts = parallelMap(gold) { result -> AnnotatedText? in
                guard case .success(let document) = result else { return nil }
                return annotate(document)
            }
        }

        guard problems.isEmpty else { throw CommandFailure(lines: problems) }

        var pairs: [EvaluationPair] = []
        for (index, name) in names.enumerated() {
            guard case .success(let document) = gold[index], let systemText = systemTexts[index] else { continue }
            pairs.append(EvaluationPair(name: name, gold: AnnotatedText(document), system: systemText))
        }
        let hasEvents = pairs.contains { !$0.system.events.isEmpty }
        let hasRelations = pairs.contains { !$0.system.relations.isEmpty }
        return Outcome(
            evaluation: TimexEvaluator().evaluate(pairs),
            events: hasEvents ? EventEvaluator().evaluate(pairs) : nil,
            relations: hasRelations ? TemporalAwarenessEvaluator().evaluate(pairs) : nil)
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
