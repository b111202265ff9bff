import ChronicleCore
import ChronicleFormats

/// The text of a document and the time expressions one annotator (the gold standard or a system) found in it.
public struct AnnotatedText: Hashable, Sendable {
    /// The text the spans point into (the content of the TimeML `TEXT` element).
    public var text: String
    /// The time expressions, with Unicode scalar spans into ``text``.
    public var timeExpressions: [TimeExpression]

    /// Creates an annotated text.
    public init(text: String, timeExpressions: [TimeExpression]) {
        self.text = text
        self.timeExpressions = timeExpressions
    }

    /// The `TEXT` content and `TIMEX3` elements of a TimeML document (its `DCT` is not scored).
    public init(_ document: TimeMLDocument) {
        self.init(text: document.text, timeExpressions: document.timeExpressions)
    }

    /// The text and time expressions of a tagged document.
    public init(_ document: Document) {
        self.init(text: document.text, timeExpressions: document.timeExpressions)
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
        precision = system == 0 ? 0 : Double(correct) / Double(system)
        recall = gold == 0 ? 0 : Double(correct) / Double(gold)
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
        let scalars = Array(pair.gold.text.unicodeScalars)
        if pair.gold.text != pair.system.text {
            return .failure(DocumentFailure(name: pair.name, message: Self.describeDifference(scalars, Array(pair.system.text.unicodeScalars))))
        }
        let gold = pair.gold.timeExpressions
        let system = pair.system.timeExpressions
        let goldExtents = gold.map { Self.trimmed($0.span, in: scalars) }
        let systemExtents = system.map { Self.trimmed($0.span, in: scalars) }
        let goldOrder = gold.indices.sorted { (goldExtents[$0], $0) < (goldExtents[$1], $1) }
        let systemOrder = system.indices.sorted { (systemExtents[$0], $0) < (systemExtents[$1], $1) }

        var systemPartner = [Int?](repeating: nil, count: system.count)
        var goldPartner = [Int?](repeating: nil, count: gold.count)
        var strict = [Bool](repeating: false, count: gold.count)

        // 1. Strict: identical extents.
        var systemBySpan: [TextSpan: [Int]] = [:]
        for s in systemOrder.reversed() where !systemExtents[s].isEmpty { systemBySpan[systemExtents[s], default: []].append(s) }
        for g in goldOrder where !goldExtents[g].isEmpty {
            if let s = systemBySpan[goldExtents[g]]?.popLast() {
                goldPartner[g] = s
                systemPartner[s] = g
                strict[g] = true
            }
        }
        // 2. Relaxed: the leftmost unpaired overlapping system expression, gold from left to right.
        for g in goldOrder where goldPartner[g] == nil {
            let extent = goldExtents[g]
            for s in systemOrder {
                let candidate = systemExtents[s]
                if candidate.start >= extent.end { break }
                if systemPartner[s] == nil, candidate.overlaps(extent) {
                    goldPartner[g] = s
                    systemPartner[s] = g
                    break
                }
            }
        }

        var counts = TimexCounts(gold: gold.count, system: system.count)
        var located: [(position: Int, order: Int, error: TimexError)] = []
        func record(_ kind: TimexError.Kind, gold g: Int?, system s: Int?) {
            var spans: [TextSpan] = []
            if let g { spans.append(goldExtents[g]) }
            if let s { spans.append(systemExtents[s]) }
            let start = spans.map(\.start).min() ?? 0
            let end = spans.map(\.end).max() ?? 0
            let error = TimexError(
                kind: kind, document: pair.name, gold: g.map { gold[$0] }, system: s.map { system[$0] },
                context: context(TextSpan(start: start, end: max(start, end)), in: scalars))
            located.append((start, TimexError.Kind.allCases.firstIndex(of: kind)!, error))
        }
        for g in goldOrder {
            guard let s = goldPartner[g] else {
                record(.missed, gold: g, system: nil)
                continue
            }
            counts.relaxedMatches += 1
            if strict[g] { counts.strictMatches += 1 } else { record(.extent, gold: g, system: s) }
            if gold[g].kind == system[s].kind { counts.correctType += 1 } else { record(.type, gold: g, system: s) }
            if gold[g].value == system[s].value { counts.correctValue += 1 } else { record(.value, gold: g, system: s) }
        }
        for s in systemOrder where systemPartner[s] == nil {
            record(.spurious, gold: nil, system: s)
        }
        let errors = located.enumerated()
            .sorted { ($0.element.position, $0.element.order, $0.offset) < ($1.element.position, $1.element.order, $1.offset) }
            .map(\.element.error)
        return .success(DocumentEvaluation(name: pair.name, counts: counts, errors: errors))
    }

    // MARK: Helpers

    /// The span clamped to the text, without white space at either end.
    static func trimmed(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> TextSpan {
        var start = min(max(span.start, 0), scalars.count)
        var end = min(max(span.end, start), scalars.count)
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return TextSpan(start: start, end: end)
    }

    private func context(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> String {
        let from = max(0, span.start - contextWidth)
        let to = min(scalars.count, span.end + contextWidth)
        var out = String.UnicodeScalarView()
        func add(_ range: Range<Int>) {
            for i in range {
                let c = scalars[i]
                out.append(c.properties.isWhitespace ? " " : c)
            }
        }
        if from > 0 { out.append("…") }
        add(from..<span.start)
        out.append("[")
        add(span.start..<span.end)
        out.append("]")
        add(span.end..<to)
        if to < scalars.count { out.append("…") }
        return String(out)
    }

    private static func describeDifference(_ gold: [Unicode.Scalar], _ system: [Unicode.Scalar]) -> String {
        var i = 0
        while i < gold.count, i < system.count, gold[i] == system[i] { i += 1 }
        func excerpt(_ scalars: [Unicode.Scalar]) -> String {
            guard i < scalars.count else { return "end of text" }
            var view = String.UnicodeScalarView()
            for c in scalars[i..<min(scalars.count, i + 20)] { view.append(c.properties.isWhitespace ? " " : c) }
            return "\"\(String(view))\""
        }
        return "gold and system TEXT contents differ (gold \(gold.count) scalars, system \(system.count)); "
            + "first difference at scalar \(i): gold \(excerpt(gold)), system \(excerpt(system)); not scored"
    }
}
