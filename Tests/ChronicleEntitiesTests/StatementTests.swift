import ChronicleCore
import Testing

@testable import ChronicleEntities

@Suite("Statements")
struct StatementTests {
    @Test func surnameResolvesToTheFullName() {
        let (document, found) = statements(in: "Maria Lopez resigned on Monday. Lopez said in a statement that she had been treated unfairly.")
        let statement = try! #require(found.first)
        #expect(found.count == 1)
        #expect(statement.speaker == "Maria Lopez")
        #expect(document.text(of: statement.speakerSpan) == "Lopez")
        #expect(statement.verb == "say")
        #expect(document.text(of: statement.verbSpan) == "said")
        #expect(statement.channel == "a statement")
        #expect(document.text(of: statement.content) == "she had been treated unfairly")
        #expect(statement.stance == .asserted)
        #expect(statement.id == "s1")
    }

    @Test func pronounResolvesToTheSalientPerson() {
        let (document, found) = statements(in: "Maria Lopez left the band in March. She told Variety that the tour was over.")
        let statement = try! #require(found.first)
        #expect(statement.speaker == "Maria Lopez")
        #expect(document.text(of: statement.speakerSpan) == "She")
        #expect(statement.verb == "tell")
        #expect(statement.channel == "Variety")
        #expect(document.text(of: statement.content) == "the tour was over")
    }

    @Test func pronounGenderFollowsTitles() {
        let (_, found) = statements(in: "Ms. Anna Berg met Mr. Tom Hale in Paris. He said the meeting went well.")
        #expect(found.first?.speaker == "Tom Hale")
    }

    @Test func parentheticalsTakeTheSurroundingClause() {
        let text = "Anna Berg spoke on Friday. The tour will end in May, she claims. (They are not back together, she explained.)"
        let (document, found) = statements(in: text)
        #expect(found.map(\.verb) == ["claim", "explain"])
        #expect(found.allSatisfy { $0.speaker == "Anna Berg" })
        #expect(document.text(of: found[0].content) == "The tour will end in May")
        #expect(document.text(of: found[1].content) == "They are not back together")
    }

    @Test func quotationsAndInversions() {
        let text = "Tom Hale arrived late. \"We were never filming,\" Hale said. \"It is over,\" said Anna Berg."
        let (document, found) = statements(in: text)
        #expect(found.count == 2)
        #expect(found[0].speaker == "Tom Hale")
        #expect(document.text(of: found[0].content) == "We were never filming")
        #expect(found[1].speaker == "Anna Berg")
        #expect(document.text(of: found[1].content) == "It is over")
    }

    @Test func colonIntroducesTheContent() {
        let (document, found) = statements(in: "Tom Hale wants to make one thing clear: the deal is off.")
        #expect(found.first?.verb == "make clear")
        #expect(found.first?.speaker == "Tom Hale")
        #expect(document.text(of: found.first?.content) == "the deal is off")
    }

    @Test(arguments: [
        ("Anna Berg took to Instagram on Friday to deny the rumors.", "Instagram", "deny"),
        ("Anna Berg said on Twitter that the tour was over.", "Twitter", "say"),
        ("Anna Berg said in an interview with Variety that the tour was over.", "Variety", "say"),
        ("Anna Berg told People that the tour was over.", "People", "tell"),
        ("Anna Berg tweeted that the tour was over.", "Twitter", "tweet"),
    ])
    func channels(text: String, channel: String, verb: String) {
        let (_, found) = statements(in: text)
        #expect(found.first?.channel == channel)
        #expect(found.first?.verb == verb)
        #expect(found.first?.speaker == "Anna Berg")
    }

    @Test func infinitiveTakesTheGoverningSubjectAndDenialStance() {
        let (document, found) = statements(in: "Anna Berg went on Twitter on Friday to deny the reports.")
        let statement = try! #require(found.first)
        #expect(statement.speaker == "Anna Berg")
        #expect(statement.stance == .denied)
        #expect(document.text(of: statement.content) == "the reports")
    }

    @Test func hearsayIsReported() {
        let (document, found) = statements(in: "Tom Hale reportedly left the hospital on Friday. Sources say the couple split.")
        #expect(found.count == 2)
        #expect(found[0].verb == "report")
        #expect(found[0].speaker == nil)
        #expect(found[0].stance == .reported)
        #expect(document.text(of: found[0].content) == "left the hospital on Friday")
        #expect(found[1].stance == .reported)
        #expect(found[1].speaker == nil)
        #expect(document.text(of: found[1].speakerSpan) == "Sources")
        #expect(document.text(of: found[1].content) == "the couple split")
    }

    @Test func reportsThenAShortNegationIsADenialByTheAuthor() {
        let text = """
            Band Splits Up

            by Jane Roe

            Reports were flying around that the band was recording in secret. (It wasn't.) The band denied that it had split.
            """
        let (document, found) = statements(in: text)
        #expect(found.map(\.stance) == [.reported, .denied, .denied])
        #expect(found[0].verb == "report")
        #expect(document.text(of: found[0].content) == "the band was recording in secret")
        #expect(found[1].verb == "deny")
        #expect(found[1].speaker == "Jane Roe")
        #expect(found[1].speakerSpan == nil)
        #expect(document.text(of: found[1].verbSpan) == "wasn't")
        #expect(found[1].content == found[0].content)
        #expect(document.text(of: found[2].content) == "it had split")
    }

    @Test func descriptionsResolve() {
        let text = "Tom Hale appears on the cover of this week's Variety. The interview was done in May, which the magazine points out. "
            + "The 31-year-old singer said that he was tired."
        let (document, found) = statements(in: text)
        #expect(found.count == 2)
        #expect(found[0].speaker == "Variety")
        #expect(found[0].verb == "point out")
        #expect(document.text(of: found[0].content) == "The interview was done in May")
        #expect(found[1].speaker == "Tom Hale")
    }

    @Test func weakVerbsNeedContent() {
        let (_, found) = statements(in: "She added two songs to the album. It might be easy to write off the band.")
        #expect(found.isEmpty)
    }

    @Test func reportingEventsAreLinked() {
        let text = "Anna Berg announced on Monday that the tour was over."
        var (document, _) = statements(in: text)
        let span = span(of: "announced", in: text)
        document.events = [Event(id: "e1", instanceID: "ei1", span: span, text: "announced", lemma: "announce", eventClass: .reporting,
                                 tense: .past, partOfSpeech: .verb)]
        StatementRecognizer().annotate(&document)
        #expect(document.statements.first?.reportingEventID == "ei1")
    }

    @Test func headlinesAndBylinesAreNotStatements() {
        let text = "Berg Says Tour Is Over\n\nby Jane Roe\n\nAnna Berg spoke to fans."
        let (_, found) = statements(in: text)
        #expect(found.isEmpty)
    }

    @Test func documentsWithoutWordsGetThem() {
        var document = Document(text: "Anna Berg said that the tour was over.")
        StatementRecognizer().annotate(&document)
        #expect(!document.words.isEmpty)
        #expect(document.statements.count == 1)
        var empty = Document(text: "")
        StatementRecognizer().annotate(&empty)
        #expect(empty.statements.isEmpty)
    }
}

/// A reporting noun opening a sentence and a passive denial of it.
@Suite("Statements: reports denied in the passive")
struct PassiveDenialTests {
    @Test func reportsThatAreDeniedByASpokesman() throws {
        let (document, found) = statements(in: "Reports that the family filmed at the hospital last week were denied by a spokesman on Tuesday.")
        let reports = try #require(found.first { $0.verb == "report" })
        #expect(reports.stance == .reported)
        #expect(document.text(of: reports.content) == "the family filmed at the hospital last week")
        let denial = try #require(found.first { $0.stance == .denied })
        #expect(denial.verb == "deny")
        #expect(document.text(of: denial.content) == "Reports that the family filmed at the hospital last week")
        #expect(document.text(of: denial.speakerSpan) == "a spokesman")
    }
}

/// Speakers beyond a name before "said": appositions, stance verbs, descriptions, acronyms.
@Suite("Statements: speakers")
struct SpeakerTests {
    @Test func appositionNamesTheSpeaker() {
        let (_, found) = statements(in: "Tessa Vane was taken to hospital. Her publicist, Jonah Whitcombe, said on Sunday that Vane was awake.")
        #expect(found.first?.speaker == "Jonah Whitcombe")
        let (_, denied) = statements(in: "The company's managing director, Leonard Brannock, denied that the warehouse had failed the inspection.")
        #expect(denied.first?.speaker == "Leonard Brannock")
        #expect(denied.first?.stance == .denied)
    }

    @Test func relativeClauseBetweenSubjectAndVerb() {
        let (_, found) = statements(in: "Rosa Delgado-Finch, who has been acting mayor since March, announced on Tuesday that she would stay.")
        #expect(found.first?.speaker == "Rosa Delgado-Finch")
    }

    @Test func stanceVerbsAndParticiples() {
        let (_, found) = statements(in: "Samuel Okafor led the study. Okafor rejected the criticism, saying his team had compared 40 species.")
        #expect(found.map(\.verb) == ["reject", "say"])
        #expect(found.allSatisfy { $0.speaker == "Samuel Okafor" })
        let (_, accused) = statements(in: "Rosa Delgado-Finch accused Marcus Tamsin of planning to sell the marina.")
        #expect(accused.first?.verb == "accuse")
        #expect(accused.first?.speaker == "Rosa Delgado-Finch")
        let (_, telling) = statements(in: "Margaret Oyelaran rejected that account, telling the meeting that the report had rated the culvert fair.")
        #expect(telling.first?.speaker == "Margaret Oyelaran")
        // Without a named speaker a stance verb is no statement.
        #expect(statements(in: "Voters rejected the plan.").1.isEmpty)
    }

    @Test func descriptionsResolveToTheOrganisation() {
        let (_, found) = statements(in: "A Corvair Airways flight diverted to Brenmoor on Saturday, the airline said.")
        #expect(found.first?.speaker == "Corvair Airways")
    }

    @Test func organisationWithAnAcronym() {
        let text = "A fossil belongs to an unknown reptile, the Northern Institute of Palaeontology (NIP) announced on Wednesday. "
            + "The specimen will go on display in March, the NIP said."
        let (_, found) = statements(in: text)
        #expect(found.map(\.speaker) == ["Northern Institute of Palaeontology", "Northern Institute of Palaeontology"])
    }
}
