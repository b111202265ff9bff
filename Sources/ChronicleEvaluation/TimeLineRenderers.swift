import ChronicleCore

extension EvaluationTableRenderer {
    /// The TimeLine table: a row per entity and the micro-average, then the counts behind them, every line
    /// ended by a line feed.
    ///
    /// ```
    /// SemEval-2015 TimeLine (temporal awareness), Chronicle: 2 target entities
    ///
    ///                precision  recall      F1  gold  system  found  same date
    /// iPod              0.5000  0.2500  0.3333    12       6      4          3
    /// Steve Jobs        0.2000  0.1000  0.1333   117      40     20         10
    /// micro-average     0.2500  0.1200  0.1622   129      46     24         13
    ///
    /// relations: system 40 (reduced), verified 10; gold 83 (reduced), recovered 10
    /// ```
    ///
    /// `gold` and `system` count mentions, `found` the gold mentions the system lists, `same date` those it
    /// dates as the gold does.
    public func render(_ evaluation: TimeLineEvaluation, title: String) -> String {
        let entities = evaluation.entities.count
        func row(_ name: String, _ counts: TimeLineCounts) -> [String] {
            [name] + Self.cells(counts.scores)
                + [counts.goldMentions, counts.systemMentions, counts.foundMentions, counts.sameDate].map(String.init)
        }
        let counts = evaluation.counts
        let relations = counts.relations
        return "\(title): \(entities) target entit\(entities == 1 ? "y" : "ies")\n\n"
            + Self.table(
                header: ["", "precision", "recall", "F1", "gold", "system", "found", "same date"],
                rows: evaluation.entities.map { row($0.entity, $0.counts) } + [row("micro-average", counts)])
            + "\nrelations: system \(relations.system) (reduced), verified \(relations.verified); "
            + "gold \(relations.gold) (reduced), recovered \(relations.recovered)\n"
    }
}

extension ErrorListingRenderer {
    /// The TimeLine mention errors, every line ended by a line feed:
    ///
    /// ```
    /// timeline errors: 1 missing, 1 spurious, 1 date
    /// Steve Jobs: missing: 18355-5-born | gold 1 1955-02-24
    /// Steve Jobs: spurious: 18355-5-said | system 3 2011-10-05
    /// Steve Jobs: date: 18355-7-fired | gold 3 1985 | system 2 1984
    /// ```
    public func render(_ errors: [TimeLineError]) -> String {
        var tally: [TimeLineError.Kind: Int] = [:]
        for error in errors { tally[error.kind, default: 0] += 1 }
        var out = "timeline errors: " + TimeLineError.Kind.allCases.map { "\(tally[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + "\n"
        for error in errors {
            var line = "\(error.entity): \(error.kind.rawValue): \(error.mention)"
            if let gold = error.gold { line += " | gold \(gold.ordinal) \(gold.date)" }
            if let system = error.system { line += " | system \(system.ordinal) \(system.date)" }
            out += line + "\n"
        }
        return out
    }
}
