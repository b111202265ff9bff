import ChronicleCore
import ChronicleLanguage

/// Trains a ``RelationModel`` from documents with gold events, time expressions and relations (TimeBank).
///
/// Each candidate pair (see ``RelationRecognizer``) is labelled with the gold relation between its two
/// members — the TLINK the annotators wrote or, failing that, the one the closure of their TLINKs entails
/// — or "no link". One averaged perceptron per kind of pair learns the labels. How sure a classifier must
/// be to link (its threshold) is chosen by cross-validation: the documents are split into folds, each fold
/// is scored by classifiers trained on the others, and the thresholds that give the best temporal-awareness
/// F1 (UzZaman & Allen 2011, as TempEval-3 scores Task C) over all folds are kept. The final classifiers
/// are trained on every document.
///
/// Training is deterministic: the same documents and options give the same model bytes.
public struct RelationTrainer: Sendable {
    public struct Options: Hashable, Sendable {
        /// Passes over the training pairs.
        public var iterations: Int
        /// Seed of the shuffling of the training pairs.
        public var seed: UInt64
        /// Folds of the cross-validation that chooses the thresholds (1: no cross-validation, thresholds stay at 0).
        public var folds: Int
        /// Whether pairs the annotators did not link but whose relation their closure entails count as linked.
        public var closureLabels: Bool
        /// A label seen fewer times than this among a category's training pairs is never predicted for it.
        public var minimumLabelCount: Int
        /// The options of the recogniser the thresholds are tuned for.
        public var recognizer: RelationRecognizer.Options
        /// With ``RelationRecognizer/Options/everyEventToCreationTime``: whether cross-validation scores
        /// event–creation time links only for the events TimeBank relates to the creation time. TimeBank
        /// links few events to it while TempEval-3 data (AQUAINT) links every one, so unlinked events would
        /// count as errors TempEval-3 data would not make; leaving them out gives thresholds for the other
        /// kinds of pair that suit such data.
        public var completeCreationTimeProxy = true
        /// Features whose averaged weights all lie within this of zero are left out of the model.
        public var pruning: Float = 0.1

        public init(
            iterations: Int = 8, seed: UInt64 = 1, folds: Int = 5, closureLabels: Bool = true, minimumLabelCount: Int = 10,
            recognizer: RelationRecognizer.Options = RelationRecognizer.Options()
        ) {
            self.iterations = iterations
            self.seed = seed
            self.folds = folds
            self.closureLabels = closureLabels
            self.minimumLabelCount = minimumLabelCount
            self.recognizer = recognizer
        }
    }

    /// What cross-validation measured with the chosen thresholds.
    public struct Report: Sendable, CustomStringConvertible {
        /// Temporal-awareness counts over the held-out folds: system relations (reduced), verified, gold (reduced), recovered.
        public var system = 0, verified = 0, gold = 0, recovered = 0
        /// Per pair category: name, training pairs, linked in gold, chosen threshold.
        public var categories: [(name: String, pairs: Int, linked: Int, threshold: Float)] = []
        /// Per pair category: of the held-out pairs the gold relates, how many get the gold type (as the classifier's best non-"no link" label).
        public var typeAccuracy: [(correct: Int, total: Int)] = []
        /// Per pair category: "gold>predicted" counts of the held-out type errors.
        public var confusions: [[String: Int]] = []
        /// Per document: the relations found by classifiers that did not see it, with the chosen thresholds.
        public var heldOutRelations: [[TemporalRelation]] = []

        public var precision: Double { system == 0 ? 0 : Double(verified) / Double(system) }
        public var recall: Double { gold == 0 ? 0 : Double(recovered) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        /// The cross-validated scores in one line.
        public var summaryLine: String {
            "cross-validated temporal awareness: P \(Self.format(precision)) R \(Self.format(recall)) F1 \(Self.format(f1)) "
                + "(\(verified)/\(system) system, \(recovered)/\(gold) gold)"
        }

        public var description: String {
            var lines = [summaryLine]
            for (index, category) in categories.enumerated() {
                var line = "  \(category.name): \(category.pairs) pairs, \(category.linked) linked in gold, threshold \(category.threshold)"
                if index < typeAccuracy.count, typeAccuracy[index].total > 0 {
                    line += ", type accuracy \(Self.format(Double(typeAccuracy[index].correct) / Double(typeAccuracy[index].total))) of \(typeAccuracy[index].total)"
                }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }

        static func format(_ value: Double) -> String {
            let scaled = Int((value * 1000).rounded())
            return "0." + String(repeating: "0", count: max(0, 3 - String(scaled).count)) + String(scaled)
        }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// A document prepared for training: its candidates with gold labels, its gold graph.
    struct Prepared {
        var context: RelationContext
        var candidates: [Candidate]
        var labels: [Int]
        var goldGraph: TemporalGraph
        var goldReduced: [TemporalRelation]
        var rules: [TemporalRelation]
    }

    /// Trains a model on `documents` (each with words — they are tagged when missing —, time expressions,
    /// events and gold relations). `progress` receives a line now and then.
    public func train(_ documents: [Document], progress: (String) -> Void = { _ in }) -> (model: RelationModel, report: Report) {
        let prepared = prepare(documents)
        var report = Report()
        var thresholds = PairCategory.allCases.map { _ in Float(0) }
        if options.folds > 1 {
            var scored = [[ScoredPair]](repeating: [], count: prepared.count)
            report.typeAccuracy = PairCategory.allCases.map { _ in (0, 0) }
            report.confusions = PairCategory.allCases.map { _ in [:] }
            for fold in 0..<options.folds {
                let train = prepared.indices.filter { $0 % options.folds != fold }
                let test = prepared.indices.filter { $0 % options.folds == fold }
                let model = trainClassifiers(prepared, on: train, thresholds: thresholds)
                for d in test {
                    scored[d] = Self.score(prepared[d], model: model)
                    if options.recognizer.everyEventToCreationTime, options.completeCreationTimeProxy {
                        let related = Set(zip(prepared[d].candidates, prepared[d].labels).compactMap { candidate, label in
                            candidate.category == .eventCreationTime && label != 0 ? candidate.source : nil
                        })
                        scored[d].removeAll { $0.category == .eventCreationTime && !related.contains($0.source) }
                    }
                    for (candidate, label) in zip(prepared[d].candidates, prepared[d].labels) where label != 0 {
                        let predicted = model.classify(candidate.features, category: candidate.category).label
                        report.typeAccuracy[candidate.category.rawValue].total += 1
                        if predicted.rawValue == label {
                            report.typeAccuracy[candidate.category.rawValue].correct += 1
                        } else {
                            let key = "\(RelationLabel(rawValue: label)!)>\(predicted)"
                            report.confusions[candidate.category.rawValue][key, default: 0] += 1
                        }
                    }
                }
                progress("fold \(fold + 1)/\(options.folds) trained")
            }
            thresholds = tuneThresholds(prepared, scored: scored, progress: progress)
            let counts = evaluate(prepared, scored: scored, thresholds: thresholds)
            (report.system, report.verified, report.gold, report.recovered) = counts
            report.heldOutRelations = zip(prepared, scored).map { document, pairs in
                RelationSelection.select(pairs, thresholds: thresholds, rules: document.rules, existing: [], options: options.recognizer)
            }
        }
        let model = trainClassifiers(prepared, on: Array(prepared.indices), thresholds: thresholds)
        for category in PairCategory.allCases {
            var pairs = 0, linked = 0
            for document in prepared {
                for (candidate, label) in zip(document.candidates, document.labels) where candidate.category == category {
                    pairs += 1
                    if label != 0 { linked += 1 }
                }
            }
            report.categories.append((category.name, pairs, linked, thresholds[category.rawValue]))
        }
        return (model, report)
    }

    /// Tags the documents that have no words, and labels their candidate pairs from their gold relations.
    func prepare(_ documents: [Document]) -> [Prepared] {
        documents.map { original in
            var document = original
            if document.words.isEmpty { LanguageAnnotator().annotate(&document) }
            let gold = document.relations
            document.relations = []
            let context = RelationContext(document)
            let extractor = PairFeatureExtractor(context)
            let candidates = extractor.candidates().map(extractor.complete)
            let goldGraph = TemporalGraph(gold)
            var explicit: [PairKey: TemporalRelation] = [:]
            for relation in goldGraph.relations where explicit[PairKey(relation.source, relation.target)] == nil {
                explicit[PairKey(relation.source, relation.target)] = relation
            }
            let labels = candidates.map { candidate -> Int in
                if let relation = explicit[PairKey(candidate.source, candidate.target)] {
                    let type = relation.source == candidate.source ? relation.type : relation.type.inverse
                    return RelationLabel(type).rawValue
                }
                if options.closureLabels, let type = goldGraph.relation(from: candidate.source, to: candidate.target) {
                    return RelationLabel(type).rawValue
                }
                return 0
            }
            let rules = RelationRecognizer(model: .empty).timeRelations(context)
            return Prepared(
                context: context, candidates: candidates, labels: labels, goldGraph: goldGraph, goldReduced: goldGraph.reduced(), rules: rules)
        }
    }

    private func trainClassifiers(_ prepared: [Prepared], on documents: [Int], thresholds: [Float]) -> RelationModel {
        var linkers: [LinearModel] = []
        var typers: [LinearModel] = []
        var allowed: [[Int]] = []
        for category in PairCategory.allCases {
            var examples: [(features: FeatureVector, label: Int)] = []
            for d in documents {
                for (candidate, label) in zip(prepared[d].candidates, prepared[d].labels) where candidate.category == category {
                    examples.append((candidate.features, label))
                }
            }
            var counts = [Int](repeating: 0, count: RelationLabel.count)
            for example in examples { counts[example.label] += 1 }
            let labels = (1..<RelationLabel.count).filter { counts[$0] >= options.minimumLabelCount }
            var generator = SplitMix64(seed: options.seed &+ UInt64(category.rawValue))
            var linker = PerceptronTrainer(classes: 2)
            var typer = PerceptronTrainer(classes: RelationLabel.count)
            var order = Array(examples.indices)
            for _ in 0..<options.iterations {
                order.shuffle(using: &generator)
                for i in order {
                    let label = examples[i].label
                    linker.train(examples[i].features, label: label == 0 ? 0 : 1, allowed: [0, 1])
                    if !labels.isEmpty, labels.contains(label) {
                        typer.train(examples[i].features, label: label, allowed: labels)
                    }
                }
            }
            linkers.append(linker.averaged(pruning: options.pruning))
            typers.append(typer.averaged(pruning: options.pruning))
            allowed.append(labels)
        }
        return RelationModel(
            linkers: linkers, typers: typers, thresholds: thresholds, allowedLabels: allowed,
            summary: "averaged perceptrons, \(options.iterations) iterations, seed \(options.seed), \(documents.count) documents")
    }

    static func score(_ document: Prepared, model: RelationModel) -> [ScoredPair] {
        model.score(document.candidates, extractor: nil)
    }

    /// Temporal-awareness counts (system, verified, gold, recovered) of the selection with `thresholds`.
    func evaluate(_ prepared: [Prepared], scored: [[ScoredPair]], thresholds: [Float]) -> (Int, Int, Int, Int) {
        var system = 0, verified = 0, gold = 0, recovered = 0
        for (document, pairs) in zip(prepared, scored) {
            let relations = RelationSelection.select(pairs, thresholds: thresholds, rules: document.rules, existing: [], options: options.recognizer)
            let graph = TemporalGraph(relations)
            let reduced = graph.reduced()
            system += reduced.count
            verified += reduced.filter { document.goldGraph.entails($0) }.count
            gold += document.goldReduced.count
            recovered += document.goldReduced.filter { graph.entails($0) }.count
        }
        return (system, verified, gold, recovered)
    }

    /// Coordinate ascent over each category's threshold, on a grid of quantiles of its margins.
    private func tuneThresholds(_ prepared: [Prepared], scored: [[ScoredPair]], progress: (String) -> Void) -> [Float] {
        func f1(_ c: (Int, Int, Int, Int)) -> Double {
            let p = c.0 == 0 ? 0 : Double(c.1) / Double(c.0), r = c.2 == 0 ? 0 : Double(c.3) / Double(c.2)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        var grids: [[Float]] = []
        for category in PairCategory.allCases {
            var margins = scored.flatMap { $0 }.filter { $0.category == category }.map(\.margin)
            margins.sort()
            var grid: [Float] = [.infinity]
            if !margins.isEmpty {
                for q in stride(from: 0.0, through: 0.975, by: 0.025) {
                    grid.append(margins[min(margins.count - 1, Int(q * Double(margins.count)))] - 1e-4)
                }
            }
            grids.append(Array(Set(grid)).sorted())
        }
        var thresholds = grids.map { grid in grid.min(by: { abs($0) < abs($1) }) ?? 0 }
        var best = f1(evaluate(prepared, scored: scored, thresholds: thresholds))
        for round in 0..<3 {
            var changed = false
            for category in PairCategory.allCases {
                for value in grids[category.rawValue] {
                    var trial = thresholds
                    trial[category.rawValue] = value
                    let score = f1(evaluate(prepared, scored: scored, thresholds: trial))
                    if score > best + 1e-9 {
                        best = score
                        thresholds = trial
                        changed = true
                    }
                }
                progress("round \(round + 1), \(category.name): threshold \(thresholds[category.rawValue]), F1 \(Report.format(best))")
            }
            if !changed { break }
        }
        return thresholds
    }
}

/// Two endpoints, unordered.
struct PairKey: Hashable {
    var a: TemporalRelation.Endpoint
    var b: TemporalRelation.Endpoint

    init(_ x: TemporalRelation.Endpoint, _ y: TemporalRelation.Endpoint) {
        if x.description <= y.description {
            a = x
            b = y
        } else {
            a = y
            b = x
        }
    }
}
