import ChronicleCore
import ChronicleLanguage

/// Speed of event recognition on one core (the calling thread), for `chronicle bench` and for reports.
///
/// The texts are given their linguistic layer first (not timed); then each run recognises the events of every
/// text (``EventRecognizer/events(in:)``: features, scoring, attributes) and the median time of `runs` runs is
/// kept. The shipped model is decoded before timing.
public struct EventBenchmark: Sendable {
    /// One measurement.
    public struct Measurement: Hashable, Sendable {
        public var name: String
        /// The median time of one run over all the texts.
        public var seconds: Double
        /// UTF-8 bytes of all the texts.
        public var bytes: Int
        /// Words of all the texts.
        public var words: Int
        /// Events found in one run.
        public var events: Int

        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
        public var wordsPerSecond: Double { Double(words) / seconds }
    }

    public let texts: [String]
    public let runs: Int
    public let recognizer: EventRecognizer

    public init(texts: [String], runs: Int = 5, recognizer: EventRecognizer = EventRecognizer()) {
        self.texts = texts
        self.runs = max(1, runs)
        self.recognizer = recognizer
    }

    /// Event recognition on documents that have their words, tags and lemmas.
    public func measure() -> Measurement {
        let annotator = LanguageAnnotator()
        let documents = texts.map { annotator.annotate($0) }
        let words = documents.reduce(0) { $0 + $1.words.count }
        _ = recognizer.model
        var times: [Double] = []
        var events = 0
        for _ in 0..<runs {
            var found = 0
            let elapsed = ContinuousClock().measure {
                for document in documents { found += recognizer.events(in: document).count }
            }
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            events = found
        }
        let sorted = times.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return Measurement(
            name: "event recognition (given words and tags)", seconds: median, bytes: texts.reduce(0) { $0 + $1.utf8.count },
            words: words, events: events)
    }
}
