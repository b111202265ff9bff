import ChronicleCore

/// A trained part-of-speech model: the weights of averaged perceptrons over hashed features (one set per
/// reading direction), the tag pairs they predict, the lexicon of the training words and the lemmas the
/// rules do not find.
///
/// Models are written by ``POSTrainer`` and stored with ``serialized()``: a compact binary form (sorted
/// hashed feature keys, delta-coded, with 8-bit logarithmically quantised weights). ``shipped`` is the
/// model trained on UD English EWT that is compiled into Chronicle.
public struct POSModel: Sendable {
    /// Everything a model holds, in the canonical (sorted) order in which it is serialised.
    struct Parts: Sendable, Equatable {
        /// The (Penn, universal) tag pairs the model predicts: the classes of the perceptron.
        var classes: [TagClass]
        /// Feature keys, ascending.
        var featureKeys: [UInt32]
        /// The number of weights of each feature.
        var featureCounts: [UInt8]
        /// Weights (``WeightEntry`` bits), grouped by feature in key order.
        var weights: [UInt16]
        /// The scale of the weight codes (see ``WeightCodebook``).
        var weightScale: Float
        /// Normalised word keys, ascending, and their ``LexiconEntry`` bits.
        var lexiconKeys: [UInt32]
        var lexiconValues: [UInt32]
        /// Lemma keys (lower-cased form and Penn tag), ascending, and the lemmas the rules do not find.
        var lemmaKeys: [UInt32]
        var lemmas: [String]
        /// How the model was made, in one line.
        var summary: String
    }

    /// A (Penn tag, universal tag) pair.
    struct TagClass: Sendable, Hashable {
        var pennTag: String
        var universalTag: UniversalTag
    }

    let parts: Parts
    let features: KeyTable
    let lexicon: KeyTable
    let lemmaTable: KeyTable
    let codebook: WeightCodebook
    /// Dense rows of the features with many weights (nil if the model's scores do not fit them).
    let dense: DenseWeights?
    /// Per class: the hash of its Penn tag (for lemma keys) and the lemma rule it uses.
    let lemmaRules: [(tagHash: UInt64, rule: LemmaRule)]

    init(parts: Parts) {
        self.parts = parts
        codebook = WeightCodebook(scale: parts.weightScale)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(parts.featureKeys.count)
        var start = 0
        for count in parts.featureCounts {
            ranges.append(start..<(start + Int(count)))
            start += Int(count)
        }
        let denseRanges = ranges.filter { $0.count >= DenseWeights.minimumWeights }
        dense = DenseWeights(rows: denseRanges, weights: parts.weights, codebook: codebook, classCount: parts.classes.count)
        var pairs: [(key: UInt32, value: UInt32)] = []
        pairs.reserveCapacity(parts.featureKeys.count)
        var denseRow = 0
        for (key, range) in zip(parts.featureKeys, ranges) {
            if dense != nil, range.count >= DenseWeights.minimumWeights {
                pairs.append((key, FeatureWeights(denseRow: denseRow).bits))
                denseRow += 1
            } else {
                pairs.append((key, FeatureWeights(start: range.lowerBound, count: range.count, weights: parts.weights).bits))
            }
        }
        features = KeyTable(pairs)
        lexicon = KeyTable(Array(zip(parts.lexiconKeys, parts.lexiconValues)).map { ($0.0, $0.1) })
        lemmaTable = KeyTable(parts.lemmaKeys.enumerated().map { ($0.element, UInt32($0.offset)) })
        lemmaRules = parts.classes.map { (StableHash.of($0.pennTag.utf8), LemmaRule(pennTag: $0.pennTag)) }
    }

    /// How the model was made (training data, iterations, seed, development accuracy).
    public var summary: String { parts.summary }

    /// The Penn tags the model predicts, in the order of its classes.
    public var pennTags: [String] { parts.classes.map(\.pennTag) }

    /// The number of weights, after pruning.
    public var weightCount: Int { parts.weights.count }

    // MARK: Serialisation

    private static let magic = Array("CHRNPOS1".utf8)

    /// Reads a model written by ``serialized()``.
    public init(serialized bytes: [UInt8]) throws(POSModelError) {
        let parts = try bytes.withUnsafeBufferPointer { buffer throws(POSModelError) in try Self.parse(buffer) }
        self.init(parts: parts)
    }

    /// Reads the base64 text of a serialised model.
    init(base64 text: StaticString) throws(POSModelError) {
        guard let bytes = text.withUTF8Buffer({ Base64.decode($0) }) else { throw POSModelError("not base64") }
        try self.init(serialized: bytes)
    }

    /// The model as bytes; the same model always gives the same bytes.
    public func serialized() -> [UInt8] {
        var writer = ByteWriter()
        for byte in Self.magic { writer.append(byte) }
        writer.append(parts.summary)
        writer.appendVarint(UInt64(parts.classes.count))
        for tagClass in parts.classes {
            writer.append(tagClass.pennTag)
            writer.append(UInt8(UniversalTag.allCases.firstIndex(of: tagClass.universalTag)!))
        }
        writer.append(parts.weightScale)
        writer.appendKeys(parts.featureKeys)
        for count in parts.featureCounts { writer.append(count) }
        for weight in parts.weights { writer.append(weight) }
        writer.appendKeys(parts.lexiconKeys)
        for value in parts.lexiconValues { writer.appendVarint(UInt64(value)) }
        writer.appendKeys(parts.lemmaKeys)
        for lemma in parts.lemmas { writer.append(lemma) }
        return writer.bytes
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(POSModelError) -> Parts {
        var reader = ByteReader(buffer)
        for byte in magic where try reader.byte() != byte { throw POSModelError("not a Chronicle part-of-speech model") }
        let summary = try reader.string()
        let classCount = try reader.count(minimumBytesEach: 2)
        guard (1...WeightEntry.maximumClasses).contains(classCount) else { throw POSModelError("\(classCount) classes") }
        var classes: [TagClass] = []
        for _ in 0..<classCount {
            let penn = try reader.string()
            let universal = Int(try reader.byte())
            guard universal < UniversalTag.allCases.count else { throw POSModelError("bad universal tag \(universal)") }
            classes.append(TagClass(pennTag: penn, universalTag: UniversalTag.allCases[universal]))
        }
        let weightScale = try reader.float()
        guard weightScale.isFinite, weightScale > 0 else { throw POSModelError("bad weight scale") }
        let featureKeys = try reader.keys()
        var featureCounts: [UInt8] = []
        featureCounts.reserveCapacity(featureKeys.count)
        var total = 0
        for _ in featureKeys {
            let count = try reader.byte()
            guard count > 0 else { throw POSModelError("a feature without weights") }
            featureCounts.append(count)
            total += Int(count)
        }
        guard total < 1 << 23 else { throw POSModelError("too many weights") }
        let weights = try reader.uint16s(total)
        for bits in weights {
            let entry = WeightEntry(bits)
            guard entry.tagClass < classCount else { throw POSModelError("weight for class \(entry.tagClass)") }
        }
        let lexiconKeys = try reader.keys()
        var lexiconValues: [UInt32] = []
        lexiconValues.reserveCapacity(lexiconKeys.count)
        for _ in lexiconKeys {
            let value = try reader.varint()
            guard value <= UInt64(UInt32.max) else { throw POSModelError("bad lexicon entry") }
            let entry = LexiconEntry(bits: UInt32(value))
            let (lower, capitalised) = (entry.fixedClass(capitalised: false), entry.fixedClass(capitalised: true))
            if lower != Lexicon.noClass && Int(lower) >= classCount || capitalised != Lexicon.noClass && Int(capitalised) >= classCount {
                throw POSModelError("bad lexicon entry")
            }
            lexiconValues.append(UInt32(value))
        }
        let lemmaKeys = try reader.keys()
        var lemmas: [String] = []
        lemmas.reserveCapacity(lemmaKeys.count)
        for _ in lemmaKeys { lemmas.append(try reader.string()) }
        guard reader.isAtEnd else { throw POSModelError("\(buffer.count - reader.offset) bytes after the end") }
        return Parts(
            classes: classes, featureKeys: featureKeys, featureCounts: featureCounts, weights: weights,
            weightScale: weightScale, lexiconKeys: lexiconKeys, lexiconValues: lexiconValues, lemmaKeys: lemmaKeys,
            lemmas: lemmas, summary: summary)
    }

    /// A Swift source file that compiles `bytes` (a serialised model) into a program, as the base64 string
    /// literal `ShippedModel.base64`: how ``shipped`` is generated (see `chronicle train pos --swift-out`).
    public static func swiftSource(embedding bytes: [UInt8], comment: String) -> String {
        let commentLines = comment.split(separator: "\n", omittingEmptySubsequences: false).map { "// \($0)" }.joined(separator: "\n")
        return """
            // Generated by `chronicle train pos --swift-out`; do not edit.
            \(commentLines)

            /// The serialised part-of-speech model that ``POSModel/shipped`` decodes, in base64 (\(bytes.count) bytes).
            enum ShippedModel {
                static let base64: StaticString = "\(Base64.encode(bytes))"
            }

            """
    }

    // MARK: The shipped model

    /// The model trained on UD English EWT that ships with Chronicle, decoded once, on first use (from a
    /// string literal compiled into the program: no file to find, no path to set).
    public static let shipped: POSModel = {
        do {
            return try POSModel(base64: ShippedModel.base64)
        } catch {
            preconditionFailure("the shipped part-of-speech model is corrupt: \(error)")
        }
    }()
}

/// What the lexicon of a model knows about a word (its normalised form): its ambiguity class (the set of tag
/// classes it was seen with, bits 16–31) and, for frequent words seen with one class only, that class, apart
/// for lower-case (bits 0–7) and capitalised forms (bits 8–15): "March" is always a proper noun, "march" not.
struct LexiconEntry {
    let bits: UInt32

    init(bits: UInt32) {
        self.bits = bits
    }

    init(ambiguity: UInt16, fixedLowercase: UInt8, fixedCapitalised: UInt8) {
        bits = UInt32(ambiguity) << 16 | UInt32(fixedCapitalised) << 8 | UInt32(fixedLowercase)
    }

    var ambiguity: UInt16 { UInt16(truncatingIfNeeded: bits >> 16) }

    /// The fixed class of the word written capitalised or not, ``Lexicon/noClass`` when there is none.
    func fixedClass(capitalised: Bool) -> UInt8 {
        UInt8(truncatingIfNeeded: capitalised ? bits >> 8 : bits)
    }
}

/// The lexicon part of a model: see ``LexiconEntry``.
enum Lexicon {
    /// The ambiguity class of a word the lexicon does not know.
    static let unknownAmbiguity: UInt16 = 0
    /// The ambiguity class of the padding around a sentence.
    static let paddingAmbiguity: UInt16 = 1
    /// The first ambiguity class of real words.
    static let firstAmbiguity: UInt16 = 2
    /// "No fixed class".
    static let noClass: UInt8 = 255

    /// The padded word infos of a sentence (two padding entries on each side), with their lexicon fields,
    /// and its case style: 0 when few of its words are capitalised, 1 for some, 2 for most (a title), 3 when
    /// its letters are all capitals.
    static func wordInfos(
        bytes: UnsafeBufferPointer<UInt8>, words: some Collection<Range<Int>>, lexicon: KeyTable
    ) -> (infos: [WordInfo], caseStyle: UInt64) {
        var infos: [WordInfo] = [.start, .start]
        infos.reserveCapacity(words.count + 4)
        var lettered = 0, capitalised = 0, lower = 0
        for range in words {
            let first = range.isEmpty ? 0 : bytes[range.lowerBound]
            if first &- 65 < 26 {
                lettered += 1
                capitalised += 1
            } else if first &- 97 < 26 {
                lettered += 1
            }
            for byte in bytes[range] where byte &- 97 < 26 {
                lower += 1
                break
            }
            var info = WordInfo(UnsafeBufferPointer(rebasing: bytes[range]))
            if let value = lexicon.value(for: info.lexiconKey) {
                let entry = LexiconEntry(bits: value)
                info.ambiguity = entry.ambiguity
                info.fixedClass = entry.fixedClass(capitalised: first &- 65 < 26)
            }
            infos.append(info)
        }
        infos.append(.end)
        infos.append(.end)
        let caseStyle: UInt64 = lettered == 0 ? 0 : lower == 0 ? 3 : capitalised * 10 >= lettered * 7 ? 2 : capitalised * 10 >= lettered * 3 ? 1 : 0
        return (infos, caseStyle)
    }
}
