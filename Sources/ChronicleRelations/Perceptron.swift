/// Stable 64-bit hashing for features: FNV-1a over bytes, and a mixer for combining hashes.
///
/// Swift's `Hasher` is seeded per process, so features use this instead: a model trained in one run
/// must read the same features in the next.
enum FeatureHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a of the UTF-8 bytes of `string`.
    static func of(_ string: String) -> UInt64 {
        var hash = offset
        for byte in string.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// FNV-1a of `string` lowercased (ASCII letters only are folded).
    static func ofLowercased(_ string: some StringProtocol) -> UInt64 {
        ofLowercased(string.utf8)
    }

    /// FNV-1a of UTF-8 `bytes` lowercased (ASCII letters only are folded).
    static func ofLowercased(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offset
        for var byte in bytes {
            if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// Combines two hashes (order matters).
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a &+ 0x9e37_79b9_7f4a_7c15 &+ (b &* 0xbf58_476d_1ce4_e5b9)
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return x ^ (x >> 31)
    }
}

/// The features of one candidate pair, as hashes of (template, values).
struct FeatureVector: Sendable {
    private(set) var keys: [UInt64] = []

    init() { keys.reserveCapacity(64) }

    /// Adds the feature `template` with up to three values.
    @inline(__always)
    mutating func add(_ template: UInt64, _ a: UInt64 = 0, _ b: UInt64 = 0, _ c: UInt64 = 0) {
        keys.append(FeatureHash.mix(FeatureHash.mix(FeatureHash.mix(template, a), b), c))
    }

    /// Adds every feature of `other`.
    mutating func append(_ other: FeatureVector) {
        keys.append(contentsOf: other.keys)
    }
}

/// A multi-class linear model over hashed features: the scoring half of an averaged perceptron.
struct LinearModel: Sendable {
    /// The number of classes.
    let classes: Int
    /// Feature hash → offset of its `classes` weights in ``weights``.
    private let index: [UInt64: Int32]
    private let weights: [Float]

    init(classes: Int, index: [UInt64: Int32], weights: [Float]) {
        self.classes = classes
        self.index = index
        self.weights = weights
    }

    /// An empty model: every score is 0.
    init(classes: Int) {
        self.init(classes: classes, index: [:], weights: [])
    }

    var featureCount: Int { index.count }

    /// The score of each class.
    func scores(_ features: FeatureVector) -> [Float] {
        var scores = [Float](repeating: 0, count: classes)
        weights.withUnsafeBufferPointer { w in
            for key in features.keys {
                guard let offset = index[key] else { continue }
                let base = Int(offset)
                for k in 0..<classes { scores[k] += w[base + k] }
            }
        }
        return scores
    }

    /// The entries in a stable order (by hash), for serialisation.
    func entries() -> [(key: UInt64, weights: ArraySlice<Float>)] {
        index.keys.sorted().map { key in
            let base = Int(index[key]!)
            return (key, weights[base..<base + classes])
        }
    }
}

/// Trains a ``LinearModel`` as an averaged perceptron (Collins 2002; averaging by time stamps).
struct PerceptronTrainer {
    let classes: Int
    private var index: [UInt64: Int32] = [:]
    private var weights: [Float] = []
    private var totals: [Double] = []
    private var stamps: [Int32] = []
    private var step: Int32 = 1

    init(classes: Int) {
        self.classes = classes
    }

    private mutating func offset(of key: UInt64) -> Int {
        if let offset = index[key] { return Int(offset) }
        let offset = weights.count
        index[key] = Int32(offset)
        weights.append(contentsOf: repeatElement(0, count: classes))
        totals.append(contentsOf: repeatElement(0, count: classes))
        stamps.append(contentsOf: repeatElement(0, count: classes))
        return offset
    }

    /// The current (not averaged) scores.
    func scores(_ features: FeatureVector) -> [Float] {
        var scores = [Float](repeating: 0, count: classes)
        for key in features.keys {
            guard let offset = index[key] else { continue }
            let base = Int(offset)
            for k in 0..<classes { scores[k] += weights[base + k] }
        }
        return scores
    }

    /// One training example: predicts among `allowed` classes and updates when the prediction is wrong.
    mutating func train(_ features: FeatureVector, label: Int, allowed: [Int], weight: Float = 1) {
        let scores = self.scores(features)
        var best = allowed[0]
        for k in allowed where scores[k] > scores[best] { best = k }
        if best != label {
            for key in features.keys {
                let base = offset(of: key)
                update(base + label, by: weight)
                update(base + best, by: -weight)
            }
        }
        step += 1
    }

    private mutating func update(_ slot: Int, by amount: Float) {
        totals[slot] += Double(step - stamps[slot]) * Double(weights[slot])
        stamps[slot] = step
        weights[slot] += amount
    }

    /// The averaged model, without features whose weights all lie within `pruning` of zero.
    func averaged(pruning: Float = 1e-4) -> LinearModel {
        var newIndex: [UInt64: Int32] = [:]
        var newWeights: [Float] = []
        for key in index.keys.sorted() {
            let base = Int(index[key]!)
            var row = [Float](repeating: 0, count: classes)
            var any = false
            for k in 0..<classes {
                let slot = base + k
                let total = totals[slot] + Double(step - stamps[slot]) * Double(weights[slot])
                row[k] = Float(total / Double(step))
                if abs(row[k]) > pruning { any = true }
            }
            guard any else { continue }
            newIndex[key] = Int32(newWeights.count)
            newWeights.append(contentsOf: row)
        }
        return LinearModel(classes: classes, index: newIndex, weights: newWeights)
    }
}

/// A small deterministic random number generator (SplitMix64) for shuffling training examples.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// A linear model in a flat open-addressing table from feature hash to a row of weights, for fast scoring.
///
/// Each slot holds the key (two 32-bit words; 0 marks an empty slot) followed by the row's weights (as
/// float bit patterns), so that a lookup touches one cache line.
struct ScoringTable: Sendable {
    let width: Int
    private let stride: Int
    private let slots: [UInt32]
    private let mask: Int

    /// The table of `model`'s columns `columns`.
    init(_ model: LinearModel, columns: [Int]) {
        let entries = model.entries()
        width = columns.count
        stride = 2 + columns.count
        var capacity = 16
        while capacity < 2 * entries.count { capacity <<= 1 }
        var slots = [UInt32](repeating: 0, count: capacity * stride)
        for entry in entries {
            let key = entry.key == 0 ? 1 : entry.key
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while slots[slot * stride] != 0 || slots[slot * stride + 1] != 0 { slot = (slot + 1) & (capacity - 1) }
            let base = slot * stride
            slots[base] = UInt32(truncatingIfNeeded: key)
            slots[base + 1] = UInt32(truncatingIfNeeded: key >> 32)
            for (k, column) in columns.enumerated() { slots[base + 2 + k] = entry.weights[entry.weights.startIndex + column].bitPattern }
        }
        self.slots = slots
        mask = capacity - 1
    }

    /// Sets `scores` (``width`` floats) to the sums of the rows of `features` (adds them when `adding`).
    func accumulate(_ features: FeatureVector, into scores: UnsafeMutablePointer<Float>, adding: Bool = false) {
        let width = self.width, stride = self.stride, mask = self.mask
        if !adding { for k in 0..<width { scores[k] = 0 } }
        slots.withUnsafeBufferPointer { slots in
            for original in features.keys {
                let key = original == 0 ? 1 : original
                let low = UInt32(truncatingIfNeeded: key), high = UInt32(truncatingIfNeeded: key >> 32)
                var slot = Int(truncatingIfNeeded: key) & mask
                while true {
                    let base = slot * stride
                    let a = slots[base], b = slots[base + 1]
                    if a == low, b == high {
                        for k in 0..<width { scores[k] += Float(bitPattern: slots[base + 2 + k]) }
                        break
                    }
                    if a == 0, b == 0 { break }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}
