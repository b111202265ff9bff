import ChronicleCore
import ChronicleText

/// Speed of the linguistic layer on one core (the calling thread), for `chronicle bench` and for reports.
///
/// Each measurement runs over all the texts `runs` times and keeps the median time:
/// - "tokenising + sentence splitting": ``Tokenizer`` then ``SentenceSplitter/split(bytes:tokens:)``, the
///   path of the temporal tagger;
/// - "words + sentences": the tokeniser, then ``SentenceSplitter/wordsAndSentences(bytes:tokens:)``;
/// - "tagging": ``PartOfSpeechTagger/tag(_:in:text:)`` on the sentences found beforehand (tags and lemmas);
/// - "annotating": ``LanguageAnnotator``, everything at once, from the text to tagged words.
public struct LanguageBenchmark: Sendable {
    /// One measurement.
    public struct Measurement: Hashable, Sendable {
        public var name: String
        /// The median time of one run over all the texts.
        public var seconds: Double
        /// UTF-8 bytes of all the texts.
        public var bytes: Int
        /// What one run counted (tokens, words), proof that the work was done.
        public var count: Int
        /// What ``count`` counts, plural.
        public var unit: String

        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
        public var countPerSecond: Double { Double(count) / seconds }
    }

    public let texts: [String]
    public let runs: Int
    public let annotator: LanguageAnnotator

    public init(texts: [String], runs: Int = 5, annotator: LanguageAnnotator = LanguageAnnotator()) {
        self.texts = texts
        self.runs = max(1, runs)
        self.annotator = annotator
    }

    /// All four measurements, in the order listed above.
    public func measureAll() -> [Measurement] {
        [measureSegmentation(), measureWordsAndSentences(), measureTagging(), measureAnnotation()]
    }

    public func measureSegmentation() -> Measurement {
        measure("tokenising + sentence splitting", unit: "sentences") { text in
            var text = text
            return text.withUTF8 { bytes in SentenceSplitter().split(bytes: bytes, tokens: Tokenizer().tokenize(bytes: bytes)).count }
        }
    }

    public func measureWordsAndSentences() -> Measurement {
        measure("words + sentences", unit: "words") { text in
            var text = text
            return text.withUTF8 { bytes in
                SentenceSplitter().wordsAndSentences(bytes: bytes, tokens: Tokenizer().tokenize(bytes: bytes)).words.count
            }
        }
    }

    public func measureTagging() -> Measurement {
        let segmented = texts.map { text in
            var text = text
            return text.withUTF8 { bytes in
                SentenceSplitter().wordsAndSentences(bytes: bytes, tokens: Tokenizer().tokenize(bytes: bytes))
            }
        }
        let tagger = annotator.tagger
        var times: [Double] = []
        var count = 0
        for _ in 0..<runs {
            var tagged = 0
            let seconds = Self.time {
                for (text, (words, sentences)) in zip(texts, segmented) {
                    var text = text, words = words
                    text.withUTF8 { bytes in
                        var first = 0
                        for sentence in sentences {
                            var end = first
                            while end < words.count, words[end].span.start < sentence.span.end { end += 1 }
                            tagger.tag(&words, in: first..<end, text: bytes)
                            first = end
                        }
                    }
                    tagged += words.count
                }
            }
            times.append(seconds)
            count = tagged
        }
        return Measurement(name: "tagging (tags and lemmas)", seconds: Self.median(times), bytes: byteCount, count: count, unit: "words")
    }

    public func measureAnnotation() -> Measurement {
        measure("annotating (all of the above)", unit: "words") { text in annotator.annotate(text).words.count }
    }

    private var byteCount: Int { texts.reduce(0) { $0 + $1.utf8.count } }

    private func measure(_ name: String, unit: String, _ body: (String) -> Int) -> Measurement {
        var times: [Double] = []
        var count = 0
        for _ in 0..<runs {
            var total = 0
            times.append(Self.time { for text in texts { total += body(text) } })
            count = total
        }
        return Measurement(name: name, seconds: Self.median(times), bytes: byteCount, count: count, unit: unit)
    }

    private static func time(_ body: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
