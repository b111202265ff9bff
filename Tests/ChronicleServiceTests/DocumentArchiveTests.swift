import Chronicle
import Foundation
import Testing

@testable import ChronicleService

/// The binary document archive: exact round trips, the JSON archives of the first version still read, unknown
/// versions and damaged archives refused without a crash, and a document of an unknown version analysed again.
@Suite("Document archive")
struct DocumentArchiveTests {
    /// A document with every optional field set and every kind of anchor and endpoint, beside a pipeline's output.
    static var handMade: Document {
        let span = TextSpan(start: 0, end: 5)
        var document = Document(
            id: "hand-made é", text: "Ruiz resigned.\n\u{1F600} Then ",
            creationTime: CreationTime(date: CalendarDate(year: 2020, month: 2, day: 29)!, time: ClockTime(hour: 23, minute: 59, second: 60), source: .inferred),
            tokens: [Token(kind: .symbol, span: span, byteStart: 0, byteEnd: 4, spaceBefore: false)],
            sentences: [Sentence(tokens: 0..<1, span: span)],
            words: [
                Word(span: span, byteStart: 0, byteEnd: 5, tokens: 0..<1, spaceBefore: true),
                Word(span: span, byteStart: -3, byteEnd: Int32.max, tokens: 0..<0, spaceBefore: false, continuesToken: true, universalTag: .properNoun, pennTag: "NNP", lemma: ""),
            ],
            timeExpressions: [
                TimeExpression(id: "t1", span: span, text: "Monday", kind: .date, value: "2020-03-02"),
                TimeExpression(
                    id: "t2", span: span, text: "every week", kind: .set, value: "P1W", modifier: .approximately, frequency: "1X",
                    quantifier: "EVERY", anchor: .creationTime("2020-03-03"), yearInference: YearInference(candidates: [2019, -44], chosen: nil, rule: "r")),
                TimeExpression(id: "t3", span: span, text: "then", kind: .time, value: "X", anchor: .expression(id: "t1", value: "2020")),
                TimeExpression(id: "t4", span: span, text: "later", kind: .duration, value: "PXD", anchor: .narrative(id: "t2", value: "v"),
                               yearInference: YearInference(candidates: [], chosen: Int.min, rule: "")),
            ],
            events: [
                Event(id: "e1", instanceID: "ei1", span: span, text: "resigned", lemma: "resign", eventClass: .occurrence),
                Event(id: "e2", instanceID: "ei2", span: span, text: "said", lemma: "say", eventClass: .reporting, tense: .past,
                      aspect: .perfectiveProgressive, polarity: .negative, modality: "would", partOfSpeech: .verb),
            ],
            relations: [
                TemporalRelation(id: "l1", source: .event(instanceID: "ei1"), target: .time(id: "t1"), type: .isIncluded),
                TemporalRelation(id: "l2", source: .time(id: "t0"), target: .event(instanceID: "ei2"), type: .endedBy, signal: span),
            ],
            statements: [
                Statement(id: "s1", speaker: nil, speakerSpan: nil, reportingEventID: nil, verbSpan: span, verb: "said", content: nil,
                          channel: nil, channelSpan: nil, stance: .asserted),
                Statement(id: "s2", speaker: "Ruiz", speakerSpan: span, reportingEventID: "e2", verbSpan: span, verb: "denied",
                          content: span, channel: "Twitter", channelSpan: span, stance: .denied),
            ],
            diagnostics: [Diagnostic(.warning, .ambiguousYear, "two years"), Diagnostic(.error, "custom", "", span: span)],
            entities: [Entity(id: "n1", name: "Ana Ruiz", kind: .person, variants: ["Ruiz", "Ana Ruiz"],
                              mentions: [Entity.Mention(span: span, form: .surname, isPossessive: true)])]
        )
        document.entities.append(Entity(id: "n2", name: "City", kind: .place))
        document.entities[1].variants = []
        return document
    }

    static var documents: [Document] {
        [
            handMade, Document(text: ""),
            Pipeline().run(Articles.first, creationTime: CreationTime(parsing: "2020-03-03"), id: "a"),
            Pipeline().run(Articles.second + "\n\u{FEFF}Ünïcödé — \u{1F600} \"quoted\"", creationTime: nil, id: "b"),
        ]
    }

    @Test func roundTripsEveryLayerExactly() throws {
        for document in Self.documents {
            let archive = try DocumentArchive.encode(document)
            #expect(archive.starts(with: Array("CHRA".utf8) + [DocumentArchive.version]))
            #expect(try DocumentArchive.decode(archive) == document)
        }
    }

    @Test func isDeterministicAndSmallerThanJSON() throws {
        let document = Self.documents[2]
        let archive = try DocumentArchive.encode(document)
        #expect(try DocumentArchive.encode(document) == archive)
        #expect(archive.count * 3 < (try JSONEncoder().encode(document)).count)
    }

    @Test func readsTheJSONArchivesOfTheFirstVersion() throws {
        for document in Self.documents {
            #expect(try DocumentArchive.decode(try JSONEncoder().encode(document)) == document)
        }
    }

    @Test func refusesAnUnknownVersion() throws {
        var archive = try DocumentArchive.encode(Self.handMade)
        archive[4] = DocumentArchive.version + 1
        #expect(throws: DocumentArchive.ArchiveError.unsupportedVersion(DocumentArchive.version + 1)) { try DocumentArchive.decode(archive) }
    }

    @Test func refusesDamagedArchivesWithoutCrashing() throws {
        let archive = try DocumentArchive.encode(Self.handMade)
        // Every truncation, and every byte changed (each change is either refused or decodes to some document).
        for length in 0..<archive.count {
            #expect(throws: (any Error).self) { try DocumentArchive.decode(archive.prefix(length)) }
        }
        for index in 5..<archive.count {
            for value: UInt8 in [0x00, 0x7F, 0x80, 0xFF] {
                var damaged = archive
                damaged[index] = value
                _ = try? DocumentArchive.decode(damaged)
            }
        }
        #expect(throws: (any Error).self) { try DocumentArchive.decode(archive + [0]) }
        #expect(throws: (any Error).self) { try DocumentArchive.decode(Data("not an archive".utf8)) }
    }

    @Test func aDocumentOfAnUnknownArchiveVersionIsAnalysedAgain() async throws {
        // The same story, once added through the service and once stored with an archive from a "newer" build.
        let normal = StoryService(store: InMemoryStoryStore())
        let story = try await normal.createStory(title: "S")
        _ = try await normal.addDocument(DocumentSubmission(title: "One", published: "2020-03-03", body: Articles.first), to: story.id)

        let store = InMemoryStoryStore()
        let other = try await store.createStory(title: "S")
        let future = Data("CHRA".utf8) + [DocumentArchive.version + 1] + Data("whatever a newer build wrote".utf8)
        _ = try await store.addDocument(
            NewDocument(title: "One", published: "2020-03-03", text: Articles.first), analysis: future, to: other.id, limit: nil)
        let reanalysed = StoryService(store: store)
        #expect(try await reanalysed.renderedTimeline(of: other.id, as: .json) == (try await normal.renderedTimeline(of: story.id, as: .json)))
    }

    @Test func aTimelineFromDecodedArchivesEqualsOneFromAnalysedDocuments() async throws {
        let store = InMemoryStoryStore()
        let first = StoryService(store: store)
        let story = try await first.createStory(title: "S")
        _ = try await first.addDocument(DocumentSubmission(title: "One", published: "2020-03-03", body: Articles.first), to: story.id)
        _ = try await first.addDocument(DocumentSubmission(title: "Two", published: "2020-03-06", body: Articles.second), to: story.id)
        let fromMemory = try await first.renderedTimeline(of: story.id, as: .html)
        // A new service has no analysed documents in memory: it decodes every archive.
        #expect(try await StoryService(store: store).renderedTimeline(of: story.id, as: .html) == fromMemory)
    }
}
