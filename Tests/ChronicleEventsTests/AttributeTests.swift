import ChronicleCore
@testable import ChronicleEvents
import ChronicleLanguage
import Testing

/// Tense, aspect, polarity, modality and part of speech from the verb group, on hand-written sentences (these
/// are rules: they do not depend on the trained model).
@Suite("Verb groups")
struct AttributeTests {
    /// The verb group of the first word written `target` in `sentence`.
    func verbGroup(of target: String, in sentence: String) -> (VerbGroup, Event.PartOfSpeech)? {
        let document = LanguageAnnotator().annotate(sentence)
        guard let index = document.words.firstIndex(where: { document.text(of: $0.span) == target }) else { return nil }
        let roles = document.words.map(GroupRole.init)
        return document.words.withUnsafeBufferPointer { words in
            roles.withUnsafeBufferPointer { roles in
                (VerbGroup(event: index, words: words, roles: roles, start: 0), VerbGroup.partOfSpeech(of: words[index]))
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var word: String
        var tense: Event.Tense
        var aspect: Event.Aspect = .none
        var polarity: Event.Polarity = .positive
        var modality: String? = nil
        var pos: Event.PartOfSpeech = .verb

        var testDescription: String { "\(word) in \"\(sentence)\"" }
    }

    static let cases: [Case] = [
        Case(sentence: "She said on Friday that she would resign.", word: "said", tense: .past),
        Case(sentence: "She said on Friday that she would resign.", word: "resign", tense: .none, modality: "would"),
        Case(sentence: "He had been hospitalized for a week.", word: "hospitalized", tense: .past, aspect: .perfective),
        Case(sentence: "He has been hospitalized since Tuesday.", word: "hospitalized", tense: .present, aspect: .perfective),
        Case(sentence: "The players did not attend the meeting.", word: "attend", tense: .past, polarity: .negative),
        Case(sentence: "The players didn't attend the meeting.", word: "attend", tense: .past, polarity: .negative),
        Case(sentence: "The two leaders will meet in Geneva.", word: "meet", tense: .future),
        Case(sentence: "The two leaders would meet in Geneva.", word: "meet", tense: .none, modality: "would"),
        Case(sentence: "The company could not sell the plant.", word: "sell", tense: .none, polarity: .negative, modality: "could"),
        Case(sentence: "Prices may rise again.", word: "rise", tense: .none, modality: "may"),
        Case(sentence: "The bank is talking to investors.", word: "talking", tense: .present, aspect: .progressive),
        Case(sentence: "The bank was talking to investors.", word: "talking", tense: .past, aspect: .progressive),
        Case(sentence: "Oil prices have been falling for months.", word: "falling", tense: .present, aspect: .perfectiveProgressive),
        Case(sentence: "The talks would have collapsed without him.", word: "collapsed", tense: .none, aspect: .perfective, modality: "would"),
        Case(sentence: "The board decided to sell the unit.", word: "sell", tense: .infinitive),
        Case(sentence: "The board is going to sell the unit.", word: "sell", tense: .future),
        Case(sentence: "The minister never answered the question.", word: "answered", tense: .past, polarity: .negative),
        Case(sentence: "Investors buy shares every day.", word: "buy", tense: .present),
        Case(sentence: "The ship is being held in the port.", word: "held", tense: .present, aspect: .progressive),
        Case(sentence: "He was found unconscious at his home.", word: "unconscious", tense: .none, pos: .adjective),
        Case(sentence: "He was unconscious when they found him.", word: "unconscious", tense: .past, pos: .adjective),
        Case(sentence: "The drugs will be available next year.", word: "available", tense: .future, pos: .adjective),
        Case(sentence: "There was no agreement on the price.", word: "agreement", tense: .none, polarity: .negative, pos: .noun),
        Case(sentence: "His hospitalization came after the interview.", word: "hospitalization", tense: .none, pos: .noun),
        Case(sentence: "That would be a mistake.", word: "mistake", tense: .none, modality: "would", pos: .noun),
        Case(sentence: "Troops seeking shelter arrived.", word: "seeking", tense: .presentParticiple),
    ]

    @Test("Attributes of hand-written verb groups", arguments: cases)
    func attributes(_ example: Case) throws {
        let (group, pos) = try #require(verbGroup(of: example.word, in: example.sentence))
        #expect(group.tense == example.tense)
        #expect(group.aspect == example.aspect)
        #expect(group.polarity == example.polarity)
        #expect(group.modality == example.modality)
        #expect(pos == example.pos)
    }
}
