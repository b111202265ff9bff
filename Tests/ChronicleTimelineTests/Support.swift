import ChronicleCalendar
import ChronicleCore
import ChronicleEntities
import ChronicleLanguage
import ChronicleTime
import Foundation
import Testing

@testable import ChronicleTimeline

/// The shared data next to the package (`../shared` from the package root); not part of the repository.
enum Shared {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ChronicleTimelineTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared").standardizedFileURL
    static let seedStory = root.appendingPathComponent("stories/seed-khloe-odom.txt")
    static let tbaq = root.appendingPathComponent("data/tbaq-cleaned")

    static var hasSeedStory: Bool { FileManager.default.fileExists(atPath: seedStory.path) }
    static var hasTBAQ: Bool { FileManager.default.fileExists(atPath: tbaq.appendingPathComponent("TimeBank").path) }

    static func seedText() throws -> String { try String(contentsOf: seedStory, encoding: .utf8) }
}

/// A document written by hand: text, events, time expressions and relations, with words from the linguistic layer.
struct HandDocument {
    struct EventSpec {
        var id: String
        var text: String
        var lemma: String
        var eventClass: Event.Class
        var partOfSpeech: Event.PartOfSpeech
        /// Which occurrence of `text` (0 for the first).
        var occurrence: Int
    }

    struct TimexSpec {
        var id: String
        var text: String
        var value: String
        var kind: TimeExpression.Kind
        var occurrence: Int
    }

    var id: String
    var text: String
    var dct: String?
    var events: [EventSpec] = []
    var timexes: [TimexSpec] = []
    var relations: [(String, String, TemporalRelation.RelationType)] = []
    var diagnostics: [Diagnostic] = []

    init(_ id: String, _ text: String, dct: String? = "2015-10-29") {
        self.id = id
        self.text = text
        self.dct = dct
    }

    mutating func event(_ id: String, _ text: String, lemma: String, _ eventClass: Event.Class = .occurrence,
                        pos: Event.PartOfSpeech = .verb, occurrence: Int = 0) {
        events.append(EventSpec(id: id, text: text, lemma: lemma, eventClass: eventClass, partOfSpeech: pos, occurrence: occurrence))
    }

    mutating func timex(_ id: String, _ text: String, _ value: String, kind: TimeExpression.Kind = .date, occurrence: Int = 0) {
        timexes.append(TimexSpec(id: id, text: text, value: value, kind: kind, occurrence: occurrence))
    }

    mutating func relate(_ source: String, _ type: TemporalRelation.RelationType, _ target: String) {
        relations.append((source, target, type))
    }

    /// The document: words and sentences from the linguistic layer, the given annotations, and (optionally) statements.
    func build(statements: Bool = true) -> Document {
        var document = Document(id: id, text: text, creationTime: dct.flatMap { CreationTime(parsing: $0) })
        LanguageAnnotator().annotate(&document)
        document.timeExpressions = timexes.map { spec in
            TimeExpression(id: spec.id, span: span(of: spec.text, occurrence: spec.occurrence), text: spec.text, kind: spec.kind, value: spec.value)
        }
        document.events = events.map { spec in
            let number = spec.id.dropFirst()
            return Event(id: spec.id, instanceID: "ei\(number)", span: span(of: spec.text, occurrence: spec.occurrence), text: spec.text,
                         lemma: spec.lemma, eventClass: spec.eventClass, partOfSpeech: spec.partOfSpeech)
        }
        func endpoint(_ name: String) -> TemporalRelation.Endpoint {
            name.hasPrefix("e") ? .event(instanceID: "ei\(name.dropFirst())") : .time(id: name)
        }
        document.relations = relations.enumerated().map { index, relation in
            TemporalRelation(id: "l\(index + 1)", source: endpoint(relation.0), target: endpoint(relation.1), type: relation.2)
        }
        document.diagnostics = diagnostics
        if statements { StatementRecognizer().annotate(&document) }
        return document
    }

    /// The scalar span of the `occurrence`-th occurrence of `needle`.
    func span(of needle: String, occurrence: Int = 0) -> TextSpan {
        let scalars = Array(text.unicodeScalars), target = Array(needle.unicodeScalars)
        var found = 0
        var index = 0
        while index + target.count <= scalars.count {
            if Array(scalars[index..<index + target.count]) == target {
                if found == occurrence { return TextSpan(start: index, end: index + target.count) }
                found += 1
            }
            index += 1
        }
        fatalError("'\(needle)' (\(occurrence)) not in the text")
    }
}

extension Document {
    func text(of span: TextSpan?) -> String? { span.map { text(of: $0) } }
}

extension Timeline {
    /// The entry whose sources include the mention with this text (the first one).
    func entry(mentioning text: String, in documents: [Document]) -> Entry? {
        entries.first { entry in
            entry.sources.contains { source in
                documents.first { $0.id == source.document }.map { $0.text(of: source.span) == text } ?? false
            }
        }
    }
}

func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
