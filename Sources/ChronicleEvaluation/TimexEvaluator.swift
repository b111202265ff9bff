import ChronicleCore
import ChronicleFormats

/// The text of a document and what one annotator (the gold standard or a system) found in it: time
/// expressions, and optionally events and the temporal relations between them.
public struct AnnotatedText: Hashable, Sendable {
    /// The text the spans point into (the content of the TimeML `TEXT` element).
    public var text: String
    /// The time expressions, with Unicode scalar spans into ``text``.
    public var timeExpressions: [TimeExpression]
    /// The events (one per instance; instances of one `EVENT` share id and span), with spans into ``text``.
    public var events: [Event]
    /// The temporal relations between ``events``, ``timeExpressions`` and the creation time.
    public var relations: [TemporalRelation]
    /// The time id that names the document creation time in ``relations`` (`t0`), if there is one.
    public var creationTimeID: String?

    /// Creates an annotated text.
    public init(
        text: String, timeExpressions: [TimeExpression], events: [Event] = [], relations: [TemporalRelation] = [],
        creationTimeID: String? = nil
    ) {
        self.text = text
        self.timeExpressions = timeExpressions
        self.events = events
        self.relations = relations
        self.creationTimeID = creationTimeID
    }

    /// The `TEXT` content, `TIMEX3`, `EVENT` and `TLINK` elements of a TimeML document (its `DCT` is not
    /// scored as a time expression, but relations may name it).
    public init(_ document: TimeMLDocument) {
        self.init(
            text: document.text, timeExpressions: document.timeExpressions, events: document.events,
            relations: document.relations, creationTimeID: document.creationTimeExpression?.id)
    }

    /// The text, time expressions, events and relations of a tagged document (`events` and `relations`, when
    /// given, replace the document's own; the
    /// creation time, when the document has one, is ``ChronicleCore/TemporalRelation/Endpoint/creationTime``).
    public init(_ document: Document, events: [Event]? = nil, relations: [TemporalRelation]? = nil) {
        self.init(
            text: document.text, timeExpressions: document.timeExpressions, events: events ?? document.events,
            relations: relations ?? document.relations,
            creationTimeID: document.creationTime == nil ? nil : TemporalRelation.Endpoint.creationTime.description)
    }
}

/// One document to score: its name (used in reports), the gold annotation and the system annotation of the same text.
public struct EvaluationPair: Hashable, Sendable {
    /// The document name reported in errors (a file name, say).
    public var name: String
    /// The reference annotation.
    public var gold: AnnotatedText
    /// The annotation being scored; its text must be the gold text.
    public var system: AnnotatedText

    /// Creates a pair.
    public init(name: String, gold: AnnotatedText, system: AnnotatedText) {
        self.name = name
        self.gold = gold
        self.system = system
    }
}

/// Precision, recall and their harmonic mean. A ratio with a zero denominator is 0.
public struct PrecisionRecall: Hashable, Sendable {
    /// Correct over system expressions.
    public var precision: Double
    /// Correct over gold expressions.
    public var recall: Double
    /// `2PR / (P + R)`, 0 when both are 0.
    public var f1: Double

    /// Creates the scores from counts: `precision = correct / system`, `recall = correct / gold`.
    public init(correct: Int, system: Int, gold: Int) {
        self.init(precisionCorrect: correct, system: system, recallCorrect: correct, gold: gold)
    }

    /// Creates the scores from counts whose numerators differ, as in temporal awareness:
    /// `precision = precisionCorrect / system`, `recall = recallCorrect / gold`.
    public init(precisionCorrect: Int, system: Int, recallCorrect: Int, gold: Int) {
        precision = system == 0 ? 0 : Double(precisionCorrect) / Double(system)
        recall = gold == 0 ? 0 : Double(recallCorrect) / Double(gold)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}

/// The counts TempEval-3 Task A scores are computed from; they add up over documents.
public struct TimexCounts: Hashable, Sendable {
    /// Gold time expressions.
    public var gold: Int
    /// System time expressions.
    public var system: Int
    /// Gold/system pairs with identical extents (after trimming surrounding white space).
    public var strictMatches: Int
    /// Gold/system pairs with overlapping extents (one-to-one; includes the strict matches).
    public var relaxedMatches: Int
    /// Relaxed matches whose types agree.
    public var correctType: Int
    /// Relaxed matches whose values agree.
    public var correctValue: Int

    /// Creates counts.
    public init(gold: Int = 0, system: Int = 0, strictMatches: Int = 0, relaxedMatches: Int = 0, correctType: Int = 0, correctValue: Int = 0) {
        self.gold = gold
        self.system = system
        self.strictMatches = strictMatches
        self.relaxedMatches = relaxedMatches
        self.correctType = correctType
        self.correctValue = correctValue
    }

    /// The sum of two sets of counts.
    public static func + (lhs: TimexCounts, rhs: TimexCounts) -> TimexCounts {
        TimexCounts(
            gold: lhs.gold + rhs.gold, system: lhs.system + rhs.system,
            strictMatches: lhs.strictMatches + rhs.strictMatches, relaxedMatches: lhs.relaxedMatches + rhs.relaxedMatches,
            correctType: lhs.correctType + rhs.correctType, correctValue: lhs.correctValue + rhs.correctValue)
    }

    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout TimexCounts, rhs: TimexCounts) {
        lhs = lhs + rhs
    }

    /// Strict-match precision, recall and F1.
    public var strict: PrecisionRecall { PrecisionRecall(correct: strictMatches, system: system, gold: gold) }
    /// Relaxed-match precision, recall and F1.
    public var relaxed: PrecisionRecall { PrecisionRecall(correct: relaxedMatches, system: system, gold: gold) }
    /// Type scores: correct types on relaxed matches over system (precision) and gold (recall) expressions.
    public var type: PrecisionRecall { PrecisionRecall(correct: correctType, system: system, gold: gold) }
    /// Value scores: correct values on relaxed matches over system (precision) and gold (recall) expressions.
    public var value: PrecisionRecall { PrecisionRecall(correct: correctValue, system: system, gold: gold) }
    /// Correct types over relaxed matches (0 without matches).
    public var typeAccuracy: Double { relaxedMatches == 0 ? 0 : Double(correctType) / Double(relaxedMatches) }
    /// Correct values over relaxed matches (0 without matches).
    public var valueAccuracy: Double { relaxedMatches == 0 ? 0 : Double(correctValue) / Double(relaxedMatches) }
}

/// One disagreement between the gold annotation and the system.
public struct TimexError: Hashable, Sendable {
    /// The kinds of disagreement.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A gold expression no system expression overlaps.
        case missed
        /// A system expression no gold expression overlaps.
        case spurious
        /// A relaxed match whose extents differ.
        case extent
        /// A relaxed match whose types differ.
        case type
        /// A relaxed match whose values differ.
        case value
    }

    /// What kind of disagreement this is.
    public var kind: Kind
    /// The document name.
    public var document: String
    /// The gold expression (`nil` for ``Kind/spurious``).
    public var gold: TimeExpression?
    /// The system expression (`nil` for ``Kind/missed``).
    public var system: TimeExpression?
    /// A little of the text around the expression(s), the expression in brackets, on one line.
    public var context: String

    /// Creates an error record.
    public init(kind: Kind, document: String, gold: TimeExpression?, system: TimeExpression?, context: String) {
        self.kind = kind
        self.document = document
        self.gold = gold
        self.system = system
        self.context = context
    }
}

/// The scores of one document.
public struct DocumentEvaluation: Hashable, Sendable {
    /// The document name.
    public var name: String
    /// The document's counts.
    public var counts: TimexCounts
    /// Every disagreement, in text order.
    public var errors: [TimexError]

    /// Creates a document evaluation.
    public init(name: String, counts: TimexCounts, errors: [TimexError]) {
        self.name = name
        self.counts = counts
        self.errors = errors
    }
}

/// A document that could not be scored (its gold and system texts differ).
public struct DocumentFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document name.
    public var name: String
    /// Why it was not scored.
    public var message: String

    /// Creates a failure.
    public init(name: String, message: String) {
        self.name = name
        self.message = message
    }

    /// `NAME: MESSAGE`.
    public var description: String { "\(name): \(message)" }
}

/// The result of scoring a corpus.
public struct TimexEvaluation: Hashable, Sendable {
    /// The scored documents, in the order given.
    public var documents: [DocumentEvaluation]
    /// The documents that could not be scored; they count nowhere in ``counts``.
    public var failures: [DocumentFailure]

    /// Creates an evaluation.
    public init(documents: [DocumentEvaluation], failures: [DocumentFailure]) {
        self.documents = documents
        self.failures = failures
    }

    /// The corpus counts: the sum over scored documents. Its scores are the corpus scores (micro-averaged).
    public var counts: TimexCounts {
        documents.reduce(TimexCounts()) { $0 + $1.counts }
    }

    /// Every error of every scored document, document by document.
    public var errors: [TimexError] {
        documents.flatMap(\.errors)
    }
}

/// Scores time expressions the way TempEval-3 Task A does (UzZaman et al. 2013).
///
/// Extents are compared as Unicode scalar offsets into the `TEXT` content after trimming white space
/// from both ends of each expression. Matching is one-to-one: first every gold expression is paired with
/// a system expression of identical extent (a **strict** match); then, from left to right, every gold
/// expression still unpaired is paired with the leftmost unpaired system expression that overlaps it.
/// Both kinds of pair are **relaxed** matches. Strict and relaxed precision divide the matches by the
/// number of system expressions, recall by the number of gold expressions. A type or value is correct
/// when a relaxed pair agrees on it; its precision and recall use the same denominators, and its
/// accuracy divides by the relaxed matches. Counts add up over documents before any ratio is taken.
///
/// A document whose gold and system texts differ is not scored: it becomes a ``DocumentFailure``.
public struct TimexEvaluator: Sendable {
    /// How many scalars of context to show on each side of an error.
    public var contextWidth: Int

    /// Creates an evaluator.
    public init(contextWidth: Int = 30) {
        self.contextWidth = contextWidth
    }

    /// Scores every pair and adds the counts up.
    public func evaluate(_ pairs: [EvaluationPair]) -> TimexEvaluation {
        var documents: [DocumentEvaluation] = []
        var failures: [DocumentFailure] = []
        for pair in pairs {
            switch evaluate(pair) {
            case .success(let document): documents.append(document)
            case .failure(let failure): failures.append(failure)
            }
        }
        return TimexEvaluation(documents: documents, failures: failures)
    }

    /// Scores one document, or explains why it cannot be scored.
    public func evaluate(_ pair: EvaluationPair) -> Result<DocumentEvaluation, DocumentFailure> {
        if let failure = EvaluationText.textMismatch(pair) { return .failure(failure) }
        let scalars = Array(pair.gold.text.unicodeScalars)
        let gold = pair.gold.timeExpressions
        let system = pair.system.timeExpressions
        let matching = ExtentMatching(gold: gold.map(\.span), system: system.map(\.span), in: scalars)

        var counts = TimexCounts(gold: gold.count, system: system.count)
        var located: [(position: Int, kindOrder: Int, error: TimexError)] = []
        func record(_ kind: TimexError.Kind, gold g: Int?, system s: Int?) {
            let spans = [g.map { matching.goldExtents[$0] }, s.map { matching.systemExtents[$0] }].compactMap { $0 }
            let error = TimexError(
                kind: kind, document: pair.name, gold: g.map { gold[$0] }, system: s.map { system[$0] },
                context: EvaluationText.context(of: spans, in: scalars, width: contextWidth))
            located.append((spans.map(\.start).min() ?? 0, TimexError.Kind.allCases.firstIndex(of: kind)!, error))
        }
        for g in matching.goldOrder {
            guard let s = matching.goldPartner[g] else {
                record(.missed, gold: g, system: nil)
                continue
            }
            counts.relaxedMatches += 1
            if matching.isStrict[g] { counts.strictMatches += 1 } else { record(.extent, gold: g, system: s) }
            if gold[g].kind == system[s].kind { counts.correctType += 1 } else { record(.type, gold: g, system: s) }
            if gold[g].value == system[s].value { counts.correctValue += 1 } else { record(.value, gold: g, system: s) }
        }
        for s in matching.systemOrder where matching.systemPartner[s] == nil {
            record(.spurious, gold: nil, system: s)
        }
        return .success(DocumentEvaluation(name: pair.name, counts: counts, errors: EvaluationText.sorted(located)))
    }
}
