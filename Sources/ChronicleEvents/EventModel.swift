import ChronicleCore
import ChronicleLanguage

/// A trained event model: the averaged-perceptron weights that score every content word for "no event" and
/// the seven TimeML event classes, and the lexicon of lemmas with their event rates in training.
///
/// Models are written by ``EventTrainer`` and stored with ``serialized()``: sorted hashed feature keys,
/// delta-coded, each with a byte saying which classes it has weights for and 8-bit logarithmically quantised
/// weights. ``shipped`` is the model trained on TimeBank (with lexicon statistics from the TempEval-3 silver
/// data) that is compiled into Chronicle.
public struct EventModel: Sendable {
    /// The classes of the perceptron: no event, then the TimeML classes.
    public static let classes: [Event.Class?] = [nil] + Event.Class.allCases.map { $0 }

    /// The index of ``Event/Class/state`` in ``classes``.
    static let stateLabel = classes.firstIndex(of: .state)!

    /// Everything a model holds, in the canonical (sorted) order in which it is serialised.
    struct Parts: Sendable, Equatable {
        /// Feature keys, ascending.
        var featureKeys: [UInt32]
        /// Per feature, the codes of its weights for the eight classes (class `c` in byte `c`; 0 for no weight).
        var rows: [UInt64]
        /// The scale of the weight codes (see ``EventCodebook``).
        var weightScale: Float
        /// Lexicon keys (lemma and coarse part of speech), ascending, and their ``LemmaEntry`` bits.
        var lexiconKeys: [UInt32]
        var lexiconValues: [UInt32]
        /// What is added to the event classes' scores before they are compared with "no event" (in 1/256 of a
        /// weight unit): above zero, more words are events.
        var eventBias: Int32
        /// How the model was made, in one line.
        var summary: String
    }

    /// The tables of a model, shared by its copies (a model is copied into every closure that scores).
    final class Storage: Sendable {
        let parts: Parts
        let features: EventScoringTable
        let lexicon: EventKeyTable
        let codebook: EventCodebook

        init(parts: Parts) {
            self.parts = parts
            codebook = EventCodebook(scale: parts.weightScale)
            features = EventScoringTable(keys: parts.featureKeys, rows: parts.rows, codebook: codebook, first: EventFeatures.commonKeys)
            lexicon = EventKeyTable(Array(zip(parts.lexiconKeys, parts.lexiconValues)).map { ($0.0, $0.1) })
        }
    }

    let storage: Storage
    var parts: Parts { storage.parts }

    init(parts: Parts) {
        storage = Storage(parts: parts)
    }

    /// How the model was made (training data, iterations, seed).
    public var summary: String { parts.summary }

    /// The number of features with weights, after pruning.
    public var featureCount: Int { parts.featureKeys.count }

    /// The number of lemmas in the lexicon.
    public var lexiconCount: Int { parts.lexiconKeys.count }

    /// The lexicon bits of a key (0 for an unknown lemma).
    @inline(__always)
    func lexiconBits(_ key: UInt32) -> UInt32 {
        storage.lexicon.value(for: key) ?? 0
    }

    /// The class (index into ``classes``) of the eight class scores (class `c` in lane `c`): the best event class
    /// (the first of equals) when its score plus the event bias beats "no event", else 0. The best score is
    /// carried along rather than read back at a variable lane, so that the loop compiles to conditional moves:
    /// which class wins is unpredictable, and branches on it were mispredicted.
    @inline(__always)
    func decide(_ scores: SIMD8<Int32>, eventBias: Int32) -> Int {
        var best = 1, top = scores[1]
        for c in 2..<8 {
            let score = scores[c]
            best = score > top ? c : best
            top = score > top ? score : top
        }
        return top &+ eventBias > scores[0] ? best : 0
    }

    /// What is added to the event classes' scores before they are compared with "no event" (see ``decide(_:eventBias:)``).
    var eventBias: Int32 { storage.parts.eventBias }

    // MARK: Serialisation

    private static let magic = Array("CHRNEVT1".utf8)
    /// The version of the feature templates; a model made for other templates is refused.
    static let featureVersion: UInt8 = 2

    /// Reads a model written by ``serialized()``.
    public init(serialized bytes: [UInt8]) throws(EventModelError) {
        let parts = try bytes.withUnsafeBufferPointer { buffer throws(EventModelError) in try Self.parse(buffer) }
        self.init(parts: parts)
    }

    /// Reads the base64 text of a serialised model.
    init(base64 text: StaticString) throws(EventModelError) {
        guard let bytes = text.withUTF8Buffer({ Base64.decode($0) }) else { throw EventModelError("not base64") }
        try self.init(serialized: bytes)
    }

    /// The model as bytes; the same model always gives the same bytes.
    public func serialized() -> [UInt8] {
        var writer = EventByteWriter()
        for byte in Self.magic { writer.append(byte) }
        writer.append(Self.featureVersion)
        writer.append(parts.summary)
        writer.append(parts.weightScale)
        writer.append(UInt32(bitPattern: parts.eventBias))
        writer.appendKeys(parts.featureKeys)
        for row in parts.rows {
            var mask: UInt8 = 0
            for c in 0..<8 where row >> UInt64(8 * c) & 0xFF != 0 { mask |= 1 << UInt8(c) }
            writer.append(mask)
            for c in 0..<8 where mask & 1 << UInt8(c) != 0 { writer.append(UInt8(truncatingIfNeeded: row >> UInt64(8 * c))) }
        }
        writer.appendKeys(parts.lexiconKeys)
        for value in parts.lexiconValues { writer.appendVarint(UInt64(value)) }
        return writer.bytes
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(EventModelError) -> Parts {
        var reader = EventByteReader(buffer)
        for byte in magic where try reader.byte() != byte { throw EventModelError("not a Chronicle event model") }
        let version = try reader.byte()
        guard version == featureVersion else { throw EventModelError("feature version \(version), expected \(featureVersion)") }
        let summary = try reader.string()
        let weightScale = try reader.float()
        guard weightScale.isFinite, weightScale > 0 else { throw EventModelError("bad weight scale") }
        let eventBias = Int32(bitPattern: try reader.uint32())
        let featureKeys = try reader.keys()
        var rows: [UInt64] = []
        rows.reserveCapacity(featureKeys.count)
        for _ in featureKeys {
            let mask = try reader.byte()
            guard mask != 0 else { throw EventModelError("a feature without weights") }
            var row: UInt64 = 0
            for c in 0..<8 where mask & 1 << UInt8(c) != 0 {
                let code = try reader.byte()
                guard code != 0 else { throw EventModelError("a zero weight") }
                row |= UInt64(code) << UInt64(8 * c)
            }
            rows.append(row)
        }
        let lexiconKeys = try reader.keys()
        var lexiconValues: [UInt32] = []
        lexiconValues.reserveCapacity(lexiconKeys.count)
        for _ in lexiconKeys {
            let value = try reader.varint()
            guard value < 1 << 21 else { throw EventModelError("bad lexicon entry") }
            lexiconValues.append(UInt32(value))
        }
        guard reader.isAtEnd else { throw EventModelError("\(reader.remaining) bytes after the end") }
        return Parts(
            featureKeys: featureKeys, rows: rows, weightScale: weightScale, lexiconKeys: lexiconKeys, lexiconValues: lexiconValues,
            eventBias: eventBias, summary: summary)
    }

    /// A Swift source file that compiles `bytes` (a serialised model) into a program, as the base64 string
    /// literal `ShippedEventModel.base64`: how ``shipped`` is generated (see `chronicle train events --swift-out`).
    public static func swiftSource(embedding bytes: [UInt8], comment: String) -> String {
        let commentLines = comment.split(separator: "\n", omittingEmptySubsequences: false).map { "// \($0)" }.joined(separator: "\n")
        return """
            // Generated by `chronicle train events --swift-out`; do not edit.
            \(commentLines)

            /// The serialised event model that ``EventModel/shipped`` decodes, in base64 (\(bytes.count) bytes).
            enum ShippedEventModel {
                static let base64: StaticString = "\(Base64.encode(bytes))"
            }

            """
    }

    // MARK: The shipped model

    /// The model that ships with Chronicle, decoded once, on first use (from a string literal compiled into the
    /// program: no file to find, no path to set).
    public static let shipped: EventModel = {
        do {
            return try EventModel(base64: ShippedEventModel.base64)
        } catch {
            preconditionFailure("the shipped event model is corrupt: \(error)")
        }
    }()
}
