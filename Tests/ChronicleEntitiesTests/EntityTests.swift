import ChronicleCore
import Testing

@testable import ChronicleEntities

/// The entity layer: names and their variants, kinds, references.
@Suite("Entities")
struct EntityTests {
    static func entities(_ text: String) -> (Document, [Entity]) {
        var document = Document(text: text)
        EntityRecognizer().annotate(&document)
        return (document, document.entities)
    }

    static func entity(_ name: String, in entities: [Entity]) throws -> Entity {
        try #require(entities.first { $0.name == name }, "no entity \(name) in \(entities.map(\.name))")
    }

    static func forms(_ entity: Entity, in document: Document) -> [String: Entity.Mention.Form] {
        Dictionary(entity.mentions.map { (document.text(of: $0.span), $0.form) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func acronymInBrackets() throws {
        let (document, found) = Self.entities("General Motors (GM) recalled 50,000 cars on Monday. Regulators fined GM's parent on Tuesday.")
        let gm = try Self.entity("General Motors", in: found)
        #expect(gm.kind == .organisation)
        #expect(gm.variants == ["General Motors", "GM"])
        #expect(gm.mentions.count == 3)
        #expect(gm.mentions.map(\.form) == [.name, .acronym, .acronym])
        #expect(gm.mentions.map(\.isPossessive) == [false, false, true])
        #expect(document.text(of: gm.mentions[2].span) == "GM")
        #expect(gm.id == "en1")
    }

    @Test func acronymAfterKnownAs() throws {
        let (_, found) = Self.entities("The Civil Aviation Safety Directorate, known as CASD, opened an inquiry. CASD said it would report in May.")
        let casd = try Self.entity("Civil Aviation Safety Directorate", in: found)
        #expect(casd.kind == .organisation)
        #expect(casd.variants.contains("CASD"))
        #expect(casd.mentions.filter { $0.form == .acronym }.count == 2)
    }

    @Test func surnameAndPossessive() throws {
        let (document, found) = Self.entities("Lamar Odom was found unconscious on Tuesday. Odom's family flew to Las Vegas.")
        let odom = try Self.entity("Lamar Odom", in: found)
        #expect(odom.kind == .person)
        let surname = try #require(odom.mentions.first { $0.form == .surname })
        #expect(document.text(of: surname.span) == "Odom")
        #expect(surname.isPossessive)
        #expect(!found.contains { $0.name == "Odom" })
    }

    /// A surname that is also a common word ("banks", "cook", "wells") starts a sentence: the tagger reads it as a
    /// common noun, but after the person's full name it is the person.
    @Test(arguments: [
        ("Rita Banks chaired the inquiry in May. Banks said the report was late.", "Rita Banks", "Banks"),
        ("Tom Cook left the firm on Friday. Cook, 54, joined a rival.", "Tom Cook", "Cook"),
        ("The mayor thanked Anna Wells on Monday. Wells told reporters she would stay.", "Anna Wells", "Wells"),
    ])
    func sentenceInitialSurnameThatIsAlsoACommonWord(text: String, name: String, surname: String) throws {
        let (document, found) = Self.entities(text)
        let person = try Self.entity(name, in: found)
        #expect(person.kind == .person)
        let mention = try #require(person.mentions.first { $0.form == .surname }, "no surname mention in \(person.mentions)")
        #expect(document.text(of: mention.span) == surname)
        #expect(!found.contains { $0.name == surname })
    }

    /// A company officer's title between the company and the person is neither ("Brindle CEO Maya Ortiz").
    @Test(arguments: [
        ("Brindle CEO Maya Ortiz unveiled the pen on Monday.", "Maya Ortiz"),
        ("Harrowgate Foods co-founder Ian Platt resigned in May.", "Ian Platt"),
        ("Quill CFO Dan Lee said costs rose.", "Dan Lee"),
    ])
    func companyOfficerTitleIsNotPartOfTheName(text: String, name: String) throws {
        let (_, found) = Self.entities(text)
        let person = try Self.entity(name, in: found)
        #expect(person.kind == .person)
        #expect(!found.contains { $0.name.hasSuffix(name) && $0.name != name }, "\(found.map(\.name))")
    }

    /// The same word with no person of that name before it stays a common word.
    @Test func sentenceInitialCommonWordWithoutThePersonIsNoName() {
        let (_, found) = Self.entities("Wells ran dry in the village on Monday. Anna Wells, the mayor, visited on Friday.")
        #expect(!found.flatMap(\.mentions).contains { $0.span.start == 0 })
        #expect(!found.contains { $0.name == "Wells" })
    }

    @Test func shortNameWithTheAndModelAfterItsMaker() throws {
        let (document, found) = Self.entities(
            "The Dow Jones Industrial Average fell 2 percent on Monday. The Dow rose on Friday. Airbus A380 deliveries slowed. "
                + "Emirates flies the A380 to Sydney.")
        let dow = try Self.entity("Dow Jones Industrial Average", in: found)
        #expect(Self.forms(dow, in: document)["Dow"] == .shortName)
        #expect(dow.variants.contains("Dow"))
        let a380 = try Self.entity("Airbus A380", in: found)
        #expect(a380.kind == .product)
        #expect(Self.forms(a380, in: document)["A380"] == .shortName)
        let corvair = Self.entities("Corvair Airways cancelled the flight. Corvair said it regretted the delay.").1
        #expect(try Self.entity("Corvair Airways", in: corvair).variants == ["Corvair Airways", "Corvair"])
    }

    @Test func productsAndNamesInAnotherCase() throws {
        let (document, found) = Self.entities(
            "Apple opened the iTunes Store in 2003 and sold the iPod for years. The iTunes store sold songs for the iPhone 4 and Mac OS X Lion.")
        let store = try Self.entity("iTunes Store", in: found)
        #expect(Self.forms(store, in: document)["iTunes store"] == .name)
        #expect(store.variants.contains("iTunes store"))
        #expect(try Self.entity("iPod", in: found).kind == .product)
        #expect(try Self.entity("iPhone 4", in: found).kind == .product)
        #expect(try Self.entity("Mac OS X Lion", in: found).kind == .product)
    }

    @Test func possessorBeforeAnOrganisation() throws {
        let (_, found) = Self.entities("The Beatles' Apple Corps has filed a lawsuit against Apple Computer in London.")
        let corps = try Self.entity("Apple Corps", in: found)
        #expect(corps.kind == .organisation)
        #expect(corps.variants.contains { $0.hasPrefix("Beatles") })
    }

    @Test func pronounsAndDescriptions() throws {
        let (document, found) = Self.entities(
            "Maria Lopez left the band in March. She said the tour was over. Corvair Airways cancelled the flight. The airline apologised.")
        let lopez = try Self.entity("Maria Lopez", in: found)
        #expect(Self.forms(lopez, in: document)["She"] == .pronoun)
        let corvair = try Self.entity("Corvair Airways", in: found)
        #expect(corvair.kind == .organisation)
        #expect(Self.forms(corvair, in: document)["The airline"] == .description)
        #expect(!corvair.variants.contains("The airline"))
    }
}

/// How entities take part in events (``EntityIndex/participants(ofWord:in:)``).
@Suite("Entities: roles")
struct RoleTests {
    static func roles(_ text: String, of word: String, occurrence: Int = 0) -> [String: Entity.Role] {
        var document = Document(text: text)
        EntityRecognizer().annotate(&document)
        let analysis = DocumentAnalysis(document)
        let index = EntityIndex(document, analysis)
        let w = analysis.wordIndex(at: span(of: word, in: text, occurrence: occurrence).start)!
        return Dictionary(index.participants(ofWord: w, in: analysis).map { (index.entities[$0.entity].name, $0.role) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func subjectAndObject() {
        #expect(Self.roles("Khloe Kardashian visited Lamar Odom in Las Vegas.", of: "visited")
            == ["Khloe Kardashian": .subject, "Lamar Odom": .object])
    }

    @Test func possessorOfANounEvent() {
        #expect(Self.roles("Lamar Odom was found on Tuesday. Odom's hospitalization shocked fans.", of: "hospitalization") == ["Lamar Odom": .possessor])
        #expect(Self.roles("The Port Ellery council opened an inquiry into the arrest of Marcus Tamsin.", of: "arrest") == ["Marcus Tamsin": .object])
    }

    @Test func agentOfAPassive() {
        #expect(Self.roles("Apple Corps was founded by the Beatles in 1968.", of: "founded") == ["Apple Corps": .subject, "Beatles": .agent])
    }

    @Test func complementsButNotPlaces() {
        let roles = Self.roles("Apple Corps filed a lawsuit against Apple Computer in London.", of: "lawsuit")
        #expect(roles["Apple Computer"] == .complement)
        #expect(roles["London"] == nil)
    }

    @Test func subjectsThroughAppositionsParticiplesAndCoordination() {
        #expect(Self.roles("Her publicist, Jonah Whitcombe, flew to Paris.", of: "flew")["Jonah Whitcombe"] == .subject)
        #expect(Self.roles("Tessa Vane has cancelled her tour since collapsing on stage.", of: "collapsing")["Tessa Vane"] == .subject)
        #expect(Self.roles("Tessa Vane left the hospital and returned home.", of: "returned")["Tessa Vane"] == .subject)
    }

    /// A preposition followed by a clause is a conjunction: the name after it is that clause's subject, not a
    /// complement of the verb before it; a name it governs alone stays a complement.
    @Test func theSubjectOfAClauseAfterAPrepositionTakesNoPart() {
        #expect(Self.roles("Her interview was recorded before Lamar Odom was found unconscious.", of: "recorded")["Lamar Odom"] == nil)
        #expect(Self.roles("The criticism of MBC continued after Hwang Woo-Suk admitted the charges.", of: "continued")["Hwang Woo-Suk"] == nil)
        #expect(Self.roles("Tessa Vane met with Jonah Whitcombe before the concert.", of: "met")["Jonah Whitcombe"] == .complement)
    }

    @Test func aNameElsewhereInTheSentenceTakesNoPart() {
        #expect(Self.roles("Khloe Kardashian watched as doctors operated.", of: "operated").isEmpty)
    }
}
