import Chronicle
import Dispatch
import Foundation

/// Writes to standard output and standard error, one complete line at a time.
struct Console: Sendable {
    func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func warning(_ line: String) {
        error("warning: " + line)
    }
}

/// The work behind `chronicle eval`, kept apart from argument parsing.
enum EvalSupport {
    /// Where the system annotations come from.
    enum SystemSource {
        /// `.tml` files with the same relative paths under this directory.
        case directory(String)
        /// Chronicle's own tagger, run on the gold texts.
        case tagger
    }

    /// Problems that stop the evaluation, one `error: ...` line each.
    struct Failure: Error {
        var lines: [String]
    }

    struct Outcome {
        var evaluation: TimexEvaluation
    }

    static func run(goldDirectory: String, system: SystemSource, console: Console) throws -> Outcome {
        let goldRoot = URL(fileURLWithPath: goldDirectory, isDirectory: true)
        try requireDirectory(goldRoot, role: "gold directory", given: goldDirectory)
        let names = try timeMLFiles(in: goldRoot)
        guard !names.isEmpty else {
            throw Failure(lines: ["error: no .tml files in the gold directory \(goldDirectory)"])
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

        guard problems.isEmpty else { throw Failure(lines: problems) }

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
            throw Failure(lines: ["error: the \(role) \(given) does not exist"])
        }
        guard isDirectory.boolValue else {
            throw Failure(lines: ["error: the \(role) \(given) is not a directory"])
        }
    }

    /// The relative paths of the `.tml` files under `root` (recursively, hidden entries skipped), sorted.
    static func timeMLFiles(in root: URL) throws -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else {
            throw Failure(lines: ["error: cannot list the directory \(root.path)"])
        }
        var names: [String] = []
        while let next = enumerator.nextObject() as? String {
            let components = next.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            guard next.hasSuffix(".tml") else { continue }
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: root.appendingPathComponent(next).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                names.append(next)
            }
        }
        return names.sorted()
    }

    /// `items.map(transform)` on all cores; the results keep the order of `items`.
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        let storage = ResultStorage<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            storage.store(transform(items[index]), at: index)
        }
        return storage.values
    }
}

/// Slots that concurrent workers fill, each slot by exactly one worker.
private final class ResultStorage<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [R?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ value: R, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [R] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
