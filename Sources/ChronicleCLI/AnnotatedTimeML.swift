import Chronicle
import Foundation

/// A TempEval-3 TimeML file read for training or scoring a model: its name, its gold annotation, and the
/// document with the gold annotation and the linguistic layer (words, tags, lemmas) added.
struct AnnotatedTimeML: Sendable {
    var name: String
    var gold: TimeMLDocument
    var document: Document

    /// The `.tml` files under `directory`, read and tagged on all cores, in the order of their names; every
    /// unreadable file is reported at once.
    static func read(directory: String) throws -> [AnnotatedTimeML] {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        try EvalSupport.requireDirectory(root, role: "directory", given: directory)
        let names = try timeMLFiles(in: root)
        guard !names.isEmpty else { throw CommandFailure("no .tml files in \(directory)") }
        let reader = TimeMLReader()
        let annotator = LanguageAnnotator()
        let results = parallelMap(names) { name -> Result<AnnotatedTimeML, TimeMLReadError> in
            Result { () throws(TimeMLReadError) -> AnnotatedTimeML in
                let gold = try reader.read(contentsOf: root.appendingPathComponent(name))
                var document = gold.document
                annotator.annotate(&document)
                return AnnotatedTimeML(name: name, gold: gold, document: document)
            }
        }
        var documents: [AnnotatedTimeML] = [], problems: [String] = []
        for result in results {
            switch result {
            case .success(let document): documents.append(document)
            case .failure(let error): problems.append("error: \(error)")
            }
        }
        guard problems.isEmpty else { throw CommandFailure(lines: problems) }
        return documents
    }
}

extension OutputSink {
    /// Writes `bytes` to `path` through a temporary file renamed into place.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let sink = try OutputSink(atomicallyWritingTo: path)
        try sink.write(bytes)
        try sink.commit()
    }
}
