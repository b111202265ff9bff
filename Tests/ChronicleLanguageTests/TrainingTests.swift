import ChronicleCore
import ChronicleLanguage
import Testing

/// A hand-written treebank of twenty sentences with two patterns to learn: a noun after "the" or "a" and
/// before a verb, and adverbs in "-ly".
enum TinyTreebank {
    /// Sentences as (form, lemma, UPOS, XPOS) per word.
    static let sentences: [[(String, String, String, String)]] = {
        let nouns = [("cat", "cats"), ("dog", "dogs"), ("bird", "birds"), ("child", "children"), ("farmer", "farmers")]
        let verbs = [("sleeps", "sleep", "sleep"), ("runs", "run", "run"), ("sings", "sing", "sing"), ("waits", "wait", "wait")]
        let adverbs = ["quickly", "slowly", "happily", "quietly", "loudly"]
        var sentences: [[(String, String, String, String)]] = []
        for index in 0..<20 {
            let (singular, plural) = nouns[index % nouns.count]
            let (verb, base, _) = verbs[index % verbs.count]
            let adverb = adverbs[(index / 2) % adverbs.count]
            var words: [(String, String, String, String)] = []
            if index % 2 == 0 {
                words.append(("The", "the", "DET", "DT"))
                words.append((singular, singular, "NOUN", "NN"))
                words.append((verb, base, "VERB", "VBZ"))
            } else {
                words.append(("Two", "two", "NUM", "CD"))
                words.append((plural, singular, "NOUN", "NNS"))
                words.append((base, base, "VERB", "VBP"))
            }
            words.append((adverb, adverb, "ADV", "RB"))
            words.append((".", ".", "PUNCT", "."))
            sentences.append(words)
        }
        return sentences
    }()

    /// The treebank as CoNLL-U text.
    static let conllu: String = sentences.enumerated().map { number, words in
        "# text = " + words.map(\.0).joined(separator: " ") + "\n"
            + words.enumerated().map { index, word in
                "\(index + 1)\t\(word.0)\t\(word.1)\t\(word.2)\t\(word.3)\t_\t\(index)\t_\t_\t_"
            }.joined(separator: "\n") + "\n\n"
    }.joined()

    static var treebank: [TreebankSentence] {
        get throws { try CoNLLU.read(conllu) }
    }
}

@Suite("Training")
struct TrainingTests {
    @Test("The learner fits its training data and generalises the patterns")
    func learns() throws {
        let treebank = try TinyTreebank.treebank
        #expect(treebank.count == 20)
        let result = POSTrainer(options: .init(iterations: 10)).train(on: treebank, development: treebank)
        let tagger = PartOfSpeechTagger(model: result.model)
        let scores = TreebankEvaluation.tagging(of: treebank, by: tagger)
        #expect(scores.universalTagAccuracy == 1)
        #expect(scores.pennTagAccuracy == 1)
        #expect(scores.lemmaAccuracy == 1)

        // Unseen noun and adverb, in a seen frame.
        let analysis = tagger.analyse(["The", "zebra", "sleeps", "softly", "."])
        #expect(analysis.map(\.universalTag) == [.determiner, .noun, .verb, .adverb, .punctuation])
        #expect(analysis.map(\.pennTag) == ["DT", "NN", "VBZ", "RB", "."])
    }

    @Test("The same data and seed give the same model bytes")
    func deterministic() throws {
        let treebank = try TinyTreebank.treebank
        let options = POSTrainer.Options(iterations: 5, seed: 42)
        let first = POSTrainer(options: options).train(on: treebank, development: treebank).model.serialized()
        let second = POSTrainer(options: options).train(on: treebank, development: treebank).model.serialized()
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test("Serialisation round-trips, and damaged models are refused")
    func serialisation() throws {
        let treebank = try TinyTreebank.treebank
        let bytes = POSTrainer(options: .init(iterations: 3)).train(on: treebank, development: []).model.serialized()
        #expect(try POSModel(serialized: bytes).serialized() == bytes)
        #expect(throws: POSModelError.self) { try POSModel(serialized: Array(bytes.dropLast(7))) }
        #expect(throws: POSModelError.self) { try POSModel(serialized: Array("not a model".utf8)) }
        #expect(throws: POSModelError.self) { try POSModel(serialized: bytes + [0]) }
    }
}
