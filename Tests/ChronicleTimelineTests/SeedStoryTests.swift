import ChronicleCalendar
import ChronicleCore
import ChronicleEntities
import ChronicleFormats
import ChronicleTime
import Foundation
import Testing

@testable import ChronicleTimeline

/// The motivating story of issue 4, read from `../shared/stories` (it is not part of the repository).
/// These tests need only time expressions, words and statements; the acceptance test of the whole
/// `chronicle timeline` command (events and relations included) is in ChronicleCLITests.
@Suite("Seed story: statements", .enabled(if: Shared.hasSeedStory, "needs ../shared/stories/seed-khloe-odom.txt"))
struct SeedStoryTests {
    static func document(dct: String?) throws -> Document {
        var document = TemporalTagger().tag(try Shared.seedText(), creationTime: dct.flatMap { CreationTime(parsing: $0) }, id: "seed")
        StatementRecognizer().annotate(&document)
        return document
    }

    @Test func twitterClarificationBySpeakerResolvedFromTheSurname() throws {
        let document = try Self.document(dct: "2015-10-29")
        let clarify = try #require(document.statements.first { $0.verb == "clarify" })
        #expect(clarify.speaker == "Khloé Kardashian")
        #expect(document.text(of: clarify.speakerSpan) == "Kardashian")
        #expect(clarify.channel == "Twitter")
        #expect(clarify.stance == .asserted)
        #expect(document.text(of: clarify.content)?.hasPrefix("she was not exploiting Odom") == true)
    }

    @Test func pronounsAndDescriptionsResolve() throws {
        let document = try Self.document(dct: "2015-10-29")
        let explained = try #require(document.statements.first { $0.verb == "explain" })
        #expect(explained.speaker == "Khloé Kardashian")
        #expect(document.text(of: explained.speakerSpan) == "she")
        #expect(document.text(of: explained.content) == "despite calling off their divorce, Kardashian and Odom are not back together")
        let claims = try #require(document.statements.first { $0.verb == "claim" })
        #expect(claims.speaker == "Khloé Kardashian")
        let pointsOut = try #require(document.statements.first { $0.verb == "point out" })
        #expect(pointsOut.speaker == "People")
        #expect(document.text(of: pointsOut.speakerSpan) == "the magazine")
        #expect(document.text(of: pointsOut.content) == "the cover and majority of the interview was done before Odom's hospitalization")
    }

    @Test func filmingReportsAreReportedAndDenied() throws {
        let document = try Self.document(dct: "2015-10-29")
        let reports = try #require(document.statements.first { document.text(of: $0.content)?.contains("filming") == true })
        #expect(reports.stance == .reported)
        #expect(reports.speaker == nil)
        let denial = try #require(document.statements.first { $0.stance == .denied })
        #expect(denial.content == reports.content)
        #expect(denial.speaker == "Michelle McGahan")
        let reportedly = try #require(document.statements.first { document.text(of: $0.verbSpan) == "reportedly" })
        #expect(reportedly.stance == .reported)
    }

    @Test func clarificationIsPlacedOnOctober28() throws {
        let document = try Self.document(dct: "2015-10-29")
        let timeline = TimelineBuilder().build([StoryDocument(document, title: "Khloé Defends Her Interview About Lamar Odom")])
        let clarify = try #require(timeline.entries.first { $0.statement?.verb == "clarify" })
        #expect(clarify.statement?.speaker == "Khloé Kardashian")
        #expect(clarify.statement?.channel == "Twitter")
        #expect(clarify.time.start == date("2015-10-28"))
        #expect(clarify.time.end == date("2015-10-28"))
        #expect(clarify.time.relation == .on)
    }

    @Test func withoutCreationTimeTheYearIsAmbiguous() throws {
        let document = try Self.document(dct: nil)
        let timeline = TimelineBuilder().build([document])
        let warning = try #require(timeline.warnings.first { $0.code == .ambiguousYear })
        for year in [2009, 2015, 2020, 2026] { #expect(warning.candidates.contains(year)) }
        #expect(timeline.documents[0].creationTime == nil)
        let clarify = try #require(timeline.entries.first { $0.statement?.verb == "clarify" })
        #expect(clarify.time.value == "XXXX-10-28")
        #expect(clarify.time.start == nil)
        let text = TimelineTextRenderer().render(timeline)
        #expect(text.contains("2009") && text.contains("2026"))
    }
}

/// Gold TBAQ documents (events, TLINKs and time expressions as annotated) through the timeline builder.
@Suite("Timeline on gold TBAQ annotation", .enabled(if: Shared.hasTBAQ, "needs ../shared/data/tbaq-cleaned"))
struct GoldTimelineTests {
    static func goldDocuments() throws -> [Document] {
        try ["TimeBank", "AQUAINT"].flatMap { part in
            try FileManager.default.contentsOfDirectory(at: Shared.tbaq.appendingPathComponent(part), includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "tml" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
                .map { url in
                    let gold = try TimeMLReader().read(contentsOf: url)
                    return Document(id: gold.id, text: gold.text, creationTime: gold.creationTime, timeExpressions: gold.timeExpressions,
                                    events: gold.events, relations: gold.relations, diagnostics: gold.diagnostics)
                }
        }
    }

    @Test func everyEventIsInOneEntryAndDatedLinksHold() throws {
        let documents = try Self.goldDocuments()
        #expect(documents.count > 200)
        var checkedLinks = 0
        for document in documents {
            let timeline = TimelineBuilder().build([document])
            var entryOfSpan: [TextSpan: [String]] = [:]
            for entry in timeline.entries { for source in entry.sources { entryOfSpan[source.span, default: []].append(entry.id) } }
            for event in document.events where !event.instanceID.isEmpty {
                #expect(entryOfSpan[event.span]?.isEmpty == false, "\(document.id) \(event.instanceID)")
            }
            let conflicted = Set(timeline.warnings.flatMap(\.entries))
            let byID = Dictionary(timeline.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for relation in document.relations where relation.type == .isIncluded {
                guard case .event(let instance) = relation.source, case .time(let tid) = relation.target,
                      let event = document.events.first(where: { $0.instanceID == instance }),
                      let timex = document.timeExpressions.first(where: { $0.id == tid }), timex.kind == .date, timex.modifier == nil,
                      timex.value.count == 10, let day = CalendarDate(iso: timex.value),
                      let ids = entryOfSpan[event.span] else { continue }
                for id in ids where !conflicted.contains(id) {
                    let entry = try #require(byID[id])
                    if let start = entry.time.start, let end = entry.time.end {
                        #expect(start <= day && day <= end, "\(document.id) \(instance) \(timex.value): \(start)–\(end)")
                    } else {
                        Issue.record("\(document.id) \(instance) IS_INCLUDED \(timex.value) but the entry has no dates")
                    }
                    checkedLinks += 1
                }
            }
        }
        #expect(checkedLinks > 100)
    }

    @Test func wholeCorpusAsOneStoryIsDeterministic() throws {
        let documents = Array(try Self.goldDocuments().prefix(20))
        let first = TimelineJSONWriter(style: .compact).string(for: TimelineBuilder().build(documents))
        let second = TimelineJSONWriter(style: .compact).string(for: TimelineBuilder().build(documents))
        #expect(first == second)
        let timeline = TimelineBuilder().build(documents)
        #expect(timeline.documents.count == 20)
        #expect(timeline.entries.map(\.id) == (1...timeline.entries.count).map { "E\($0)" })
    }
}
