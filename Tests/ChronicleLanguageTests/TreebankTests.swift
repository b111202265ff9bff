import ChronicleCore
import ChronicleLanguage
import Foundation
import Testing

/// The UD English EWT directory of the shared data, next to the package (`../shared/data`).
let ewtDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data/ud-english-ewt")

let ewtTestSplit = ewtDirectory.appendingPathComponent("en_ewt-ud-test.conllu")

/// The figures of the linguistic layer on the UD English EWT test split, with the shipped model, held to
/// the floors that `chronicle eval pos` reports.
@Suite(
    "UD English EWT test split",
    .enabled(if: FileManager.default.fileExists(atPath: ewtTestSplit.path),
             "needs ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu next to the package")
)
struct TreebankTests {
    static let sentences: [TreebankSentence] = (try? CoNLLU.read(String(contentsOf: ewtTestSplit, encoding: .utf8))) ?? []
    static let floors = TreebankEvaluation.Floors()

    @Test("The test split is what the README describes")
    func data() {
        #expect(Self.sentences.count == 2077)
        #expect(Self.sentences.reduce(0) { $0 + $1.words.count } == 25094)
    }

    @Test("Tagging and lemmas with gold words reach the floors")
    func tagging() {
        let scores = TreebankEvaluation.tagging(of: Self.sentences, by: PartOfSpeechTagger())
        #expect(scores.words == 25094)
        #expect(scores.universalTagAccuracy >= Self.floors.universalTagAccuracy)
        #expect(scores.pennTagAccuracy >= Self.floors.pennTagAccuracy)
        #expect(scores.lemmaAccuracy >= Self.floors.lemmaAccuracy)
    }

    @Test("Tokens and sentences from raw text reach the floors (CoNLL 2018 scoring)")
    func segmentation() throws {
        let document = LanguageAnnotator().annotate(TreebankEvaluation.documentText(of: Self.sentences))
        let scores = try TreebankEvaluation.segmentation(of: document, against: Self.sentences)
        #expect(scores.tokens.gold == 24740)
        #expect(scores.sentences.gold == 2077)
        #expect(scores.tokens.f1 >= Self.floors.tokenF1)
        #expect(scores.sentences.f1 >= Self.floors.sentenceF1)
    }
}
