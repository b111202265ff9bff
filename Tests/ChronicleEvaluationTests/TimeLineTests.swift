import ChronicleCore
import Foundation
import Testing

@testable import ChronicleEvaluation

/// A timeline of entity "E" from `ORDINAL DATE MENTION...` lines (spaces for tabs).
private func timeline(_ lines: String...) throws -> EntityTimeline {
    try EntityTimeline(parsing: (["E"] + lines).joined(separator: "\n"))
}

private func score(gold: EntityTimeline, system: EntityTimeline) -> TimeLineEntityEvaluation {
    TimeLineEvaluator().evaluate(gold: gold, system: system)
}

@Suite("TimeLine scorer (SemEval-2015 Task 4)")
struct TimeLineScorerTests {
    /// Gold: a and b simultaneous in 2008, c in 2009, x unplaced. Its graph: a SIMULTANEOUS b, b BEFORE c.
    static let gold = """
        E
        0\tXXXX-XX-XX\td-1-x
        1\t2008\td-2-a\td-2-b
        2\t2009\td-3-c
        """

    @Test func aPerfectTimelineScoresOne() throws {
        let gold = try EntityTimeline(parsing: Self.gold)
        #expect(gold.relations.map(\.type) == [.simultaneous, .before])
        let result = score(gold: gold, system: gold)
        #expect(result.counts.relations == TemporalAwarenessCounts(system: 2, verified: 2, gold: 2, recovered: 2))
        #expect(result.counts.scores == PrecisionRecall(correct: 2, system: 2, gold: 2))
        #expect(result.counts.scores.f1 == 1)
        #expect(result.counts.goldMentions == 4 && result.counts.foundMentions == 4 && result.counts.sameDate == 4)
        #expect(result.errors.isEmpty && result.relationErrors.isEmpty)
    }

    /// Gold a < b < c; system b < a < c. Gold reduced {a<b, b<c}, closure adds a<c; system reduced {b<a, a<c},
    /// closure adds b<c. Precision: a<c holds, b<a does not: 1/2. Recall: b<c holds, a<b does not: 1/2.
    @Test func aReversedPairHalvesBoth() throws {
        let gold = try timeline("1 2001 d-2-a", "2 2002 d-2-b", "3 2003 d-2-c")
        let system = try timeline("1 2001 d-2-b", "2 2002 d-2-a", "3 2003 d-2-c")
        let result = score(gold: gold, system: system)
        #expect(result.counts.relations == TemporalAwarenessCounts(system: 2, verified: 1, gold: 2, recovered: 1))
        #expect(result.counts.scores.precision == 0.5 && result.counts.scores.recall == 0.5 && result.counts.scores.f1 == 0.5)
        #expect(result.relationErrors.map(\.kind) == [.missed, .unverified])
        #expect(result.relationErrors[0].counterpart == .after, "the system has a after b")
        // Two mentions dated differently.
        #expect(result.errors.map(\.kind) == [.date, .date])
        #expect(result.errors.map(\.mention) == ["d-2-a", "d-2-b"])
        #expect(result.counts.sameDate == 1)
    }

    /// Gold a < b < c < d; system a < b < d, without c. System reduced {a<b, b<d}: both in the gold closure, P = 1.
    /// Gold reduced {a<b, b<c, c<d}: only a<b is in the system closure, R = 1/3; F1 = 2·1·⅓ / (1 + ⅓) = 0.5.
    @Test func aMissingEventCostsRecall() throws {
        let gold = try timeline("1 2001 d-2-a", "2 2002 d-2-b", "3 2003 d-2-c", "4 2004 d-2-d")
        let system = try timeline("1 2001 d-2-a", "2 2002 d-2-b", "3 2004 d-2-d")
        let result = score(gold: gold, system: system)
        #expect(result.counts.relations == TemporalAwarenessCounts(system: 2, verified: 2, gold: 3, recovered: 1))
        #expect(result.counts.scores.precision == 1)
        #expect(abs(result.counts.scores.recall - 1.0 / 3) < 1e-12)
        #expect(abs(result.counts.scores.f1 - 0.5) < 1e-12)
        #expect(result.errors.map(\.kind) == [.missing])
        #expect(result.errors.first?.mention == "d-2-c" && result.errors.first?.gold?.ordinal == 3)
    }

    /// A system event the gold lacks, between two gold events: system reduced {a<x, x<b}, neither verified (P = 0);
    /// the gold's a<b is in the system closure (R = 1).
    @Test func aSpuriousEventCostsPrecision() throws {
        let gold = try timeline("1 2001 d-2-a", "2 2002 d-2-b")
        let system = try timeline("1 2001 d-2-a", "2 2001-06 d-5-x", "3 2002 d-2-b")
        let result = score(gold: gold, system: system)
        #expect(result.counts.relations == TemporalAwarenessCounts(system: 2, verified: 0, gold: 1, recovered: 1))
        #expect(result.errors.map(\.kind) == [.spurious])
        #expect(result.errors.first?.system == EntityTimeline.Event(ordinal: 2, date: "2001-06", mentions: ["d-5-x"]))
    }

    /// Gold a = b < c; system a < b < c. Gold reduced {a=b, b<c}; system reduced {a<b, b<c}. P: b<c only, 1/2;
    /// R: b<c only, 1/2 (a SIMULTANEOUS b is not a BEFORE b).
    @Test func simultaneousIsNotBefore() throws {
        let gold = try timeline("1 2001 d-2-a", "1 2001 d-2-b", "2 2002 d-2-c")
        let system = try timeline("1 2001-01 d-2-a", "2 2001-02 d-2-b", "3 2002 d-2-c")
        let result = score(gold: gold, system: system)
        #expect(result.counts.relations == TemporalAwarenessCounts(system: 2, verified: 1, gold: 2, recovered: 1))
        #expect(result.counts.scores.f1 == 0.5)
        let missed = try #require(result.relationErrors.first { $0.kind == .missed })
        #expect(missed.relation.type == .simultaneous && missed.counterpart == .before)
    }

    /// Ordinal 0 holds events that cannot be placed: they have no relation, so where the system puts them
    /// changes nothing; a timeline with all its events at 0 has no relation to score.
    @Test func unplacedEventsHaveNoRelation() throws {
        let gold = try timeline("0 XXXX-XX-XX d-2-x", "0 XXXX-XX-XX d-2-y", "1 2001 d-2-a", "2 2002 d-2-b")
        let system = try timeline("0 XXXX-XX-XX d-2-a", "0 XXXX-XX-XX d-2-b", "1 2001 d-2-x", "2 2002 d-2-y")
        let result = score(gold: gold, system: system)
        #expect(result.counts.relations == TemporalAwarenessCounts(system: 1, verified: 0, gold: 1, recovered: 0))
        #expect(try timeline("0 XXXX-XX-XX d-2-x", "0 XXXX-XX-XX d-2-y").relations.isEmpty)
        #expect(result.counts.foundMentions == 4 && result.counts.sameDate == 0)
    }

    /// Counts add up over entities before the ratios are taken: a perfect entity (2 of 2) and a reversed one
    /// (1 of 2 each way) give 3/4, not the mean of 1 and 0.5 (which would be the same here) — with a perfect
    /// entity of 4 relations, 5/6 rather than 3/4.
    @Test func microAveragesOverEntities() throws {
        let perfect = try timeline("1 2001 d-2-a", "2 2002 d-2-b", "3 2003 d-2-c", "4 2004 d-2-d", "5 2005 d-2-e")
        let gold = try timeline("1 2001 d-2-a", "2 2002 d-2-b", "3 2003 d-2-c")
        let reversed = try timeline("1 2001 d-2-b", "2 2002 d-2-a", "3 2003 d-2-c")
        let evaluation = TimeLineEvaluator().evaluate([(gold: perfect, system: perfect), (gold: gold, system: reversed)])
        #expect(evaluation.entities.map(\.counts.scores.f1) == [1, 0.5])
        #expect(evaluation.counts.relations == TemporalAwarenessCounts(system: 6, verified: 5, gold: 6, recovered: 5))
        #expect(abs(evaluation.counts.scores.f1 - 5.0 / 6) < 1e-12)
        #expect(evaluation.relationErrors.count == 2)
    }

    /// The same word twice in a sentence is two mentions with one name: the second is node `NAME#2`.
    @Test func aRepeatedMentionIsANodeOfItsOwn() throws {
        let gold = try timeline("1 2011-03 d-9-appearance", "2 2011-06 d-9-appearance")
        #expect(gold.mentionNodes.map(\.node) == ["d-9-appearance", "d-9-appearance#2"])
        #expect(gold.relations.count == 1)
        #expect(score(gold: gold, system: gold).counts.scores.f1 == 1)
        let once = score(gold: gold, system: try timeline("1 2011-03 d-9-appearance"))
        #expect(once.errors.map(\.mention) == ["d-9-appearance#2"])
    }

    /// Names are compared ignoring case: the gold files write `16900-2-pre-orders` for the token `Pre-orders`.
    @Test func mentionsMatchIgnoringCase() throws {
        let gold = try timeline("1 2010-06-07 d-2-unveiled", "2 2010-06-15 d-2-pre-orders")
        let result = score(gold: gold, system: try timeline("1 2010-06-07 d-2-unveiled", "2 2010-06-15 d-2-Pre-orders"))
        #expect(result.counts.scores.f1 == 1 && result.errors.isEmpty)
    }

    @Test func errorListing() throws {
        let gold = try timeline("1 1955-02-24 d-5-born", "2 1985 d-7-fired")
        let system = try timeline("1 1984 d-7-fired", "2 2011 d-5-said")
        let listing = ErrorListingRenderer().render(score(gold: gold, system: system).errors)
        #expect(listing == """
            timeline errors: 1 missing, 1 spurious, 1 date
            E: missing: d-5-born | gold 1 1955-02-24
            E: spurious: d-5-said | system 2 2011
            E: date: d-7-fired | gold 2 1985 | system 1 1984

            """)
    }
}

@Suite("TimeLine format")
struct EntityTimelineFormatTests {
    @Test func readsTheTaskFormat() throws {
        let text = "Steve Jobs\r\n0\tXXXX-XX-XX\t18315-4-said\r\n1\t2008-06-09\t12315-2-launched\t12315-3-launching\r\n\r\n2\tXXX-XX-XX\t12315-4-provide\r\n"
        let timeline = try EntityTimeline(parsing: text)
        #expect(timeline.entity == "Steve Jobs")
        #expect(timeline.events == [
            .init(ordinal: 0, date: "XXXX-XX-XX", mentions: ["18315-4-said"]),
            .init(ordinal: 1, date: "2008-06-09", mentions: ["12315-2-launched", "12315-3-launching"]),
            .init(ordinal: 2, date: "XXX-XX-XX", mentions: ["12315-4-provide"]),
        ])
        #expect(try EntityTimeline(parsing: timeline.formatted()) == timeline)
    }

    @Test func rejectsMalformedLines() {
        #expect(throws: EntityTimelineReadError(line: 2, message: "the ordinal 'first' is not a number")) {
            try EntityTimeline(parsing: "iPod\nfirst\t2006\t1-2-sold")
        }
        #expect(throws: EntityTimelineReadError.self) { try EntityTimeline(parsing: "iPod\n1\t2006") }
        #expect(throws: EntityTimelineReadError.self) { try EntityTimeline(parsing: " \n\n") }
    }

    /// Ordinals from dates in the order given: a date keeps the ordinal it first had; undated events at 0.
    @Test func ordersByDate() {
        let timeline = EntityTimeline(entity: "iPod", ordering: [
            ("2008", ["d-2-a"]), (nil, ["d-2-x"]), ("2009-01-05", ["d-3-b", "d-4-b"]), ("2008", ["d-5-c"]), ("XXXX-XX-XX", ["d-6-y"]),
            ("2010", []),
        ])
        #expect(timeline.formatted() == """
            iPod
            0\tXXXX-XX-XX\td-2-x
            0\tXXXX-XX-XX\td-6-y
            1\t2008\td-2-a
            1\t2008\td-5-c
            2\t2009-01-05\td-3-b\td-4-b

            """)
    }

    @Test func normalisesDates() {
        #expect(EntityTimeline.normalizedDate("2008-03-XX") == "2008-03")
        #expect(EntityTimeline.normalizedDate("2010-XX-XX") == "2010")
        #expect(EntityTimeline.normalizedDate("2008-01-09") == "2008-01-09")
        #expect(EntityTimeline.normalizedDate("XXXX-XX-XX") == nil)
        #expect(EntityTimeline.normalizedDate("XXX-XX-XX") == nil)
        #expect(EntityTimeline.normalizedDate("") == nil)
        #expect(EntityTimeline.mentionID(document: "4954", sentence: 2, words: ["court", "case"]) == "4954-2-court_case")
    }
}
