/// Stable 64-bit hashing for features: FNV-1a over bytes, and a mixer for combining hashes.
///
/// Swift's `Hasher` is seeded per process, so features use this instead: a model trained in one run
/// must read the same features in the next.
enum FeatureHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a of the UTF-8 bytes of `string` (over its contiguous storage).
    static func of(_ string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { bytes in
            var hash = offset
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* prime
            }
            return hash
        }
    }

    /// FNV-1a of `string` lowercased (ASCII letters only are folded).
    static func ofLowercased(_ string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { ofLowercased($0) }
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

    /// Removes every feature, keeping the storage.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
    }
}

/// A multi-class linear model over hashed features: the scoring half of an averaged perceptron, stored as
/// ascending feature hashes and one row of `classes` weights per hash (what ``ScoringTable`` is built from and
/// what is serialised, both in key order, so neither needs a dictionary or a sort).
struct LinearModel: Sendable {
    /// The number of classes.
    let classes: Int
    /// Feature hashes, ascending and distinct.
    private let keys: [UInt64]
    /// The weights of `keys[i]` at `i * classes ..< (i + 1) * classes`.
    private let weights: [Float]
    /// When the weights were read from a serialised model: the scale of its 16-bit weights (every weight is
    /// `Float(q) * scale` for some `Int16` `q`), which lets ``ScoringTable`` store them in 16 bits.
    let quantizationScale: Float?

    /// A model of the weights at `index[key] ..< index[key] + classes` of `weights`.
    init(classes: Int, index: [UInt64: Int32], weights: [Float], quantizationScale: Float? = nil) {
        let keys = index.keys.sorted()
        var rows: [Float] = []
        rows.reserveCapacity(keys.count * classes)
        for key in keys {
            let base = Int(index[key]!)
            rows.append(contentsOf: weights[base..<base + classes])
        }
        self.init(classes: classes, sortedKeys: keys, rows: rows, quantizationScale: quantizationScale)
    }

    /// A model of ascending, distinct `sortedKeys` and their rows, one after the other in `rows`.
    init(classes: Int, sortedKeys: [UInt64], rows: [Float], quantizationScale: Float? = nil) {
        precondition(rows.count == sortedKeys.count * classes, "one row of weights per key")
        self.classes = classes
        self.keys = sortedKeys
        self.weights = rows
        self.quantizationScale = quantizationScale
    }

    /// An empty model: every score is 0.
    init(classes: Int) {
        self.init(classes: classes, sortedKeys: [], rows: [])
    }

    var featureCount: Int { keys.count }

    /// The feature hashes, ascending.
    var sortedKeys: [UInt64] { keys }

    /// The weight of class `k` for the `i`-th key of ``sortedKeys``.
    @inline(__always)
    func weight(row i: Int, class k: Int) -> Float { weights[i * classes + k] }

    /// The entries in a stable order (by hash), for serialisation.
    func entries() -> [(key: UInt64, weights: ArraySlice<Float>)] {
        keys.indices.map { i in (keys[i], weights[i * classes..<(i + 1) * classes]) }
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
        var newKeys: [UInt64] = []
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
            newKeys.append(key)
            newWeights.append(contentsOf: row)
        }
        return LinearModel(classes: classes, sortedKeys: newKeys, rows: newWeights)
    }
}

/// A linear model in a flat open-addressing table from feature hash to a row of weights, for fast scoring.
///
/// Each slot holds the key (0 marks an empty slot) followed by the row's weights: as 16-bit integers times the
/// model's scale when the model was read from a serialised (16-bit) model, else as floats, in slots of 16, 32
/// or 64 bytes that never straddle a cache line. The table is a third full, so that a key is most often
/// in its home slot: a lookup then reads one slot. Either way the scores are the same floats, added in the
/// same order.
struct ScoringTable: Sendable {
    let width: Int
    /// The slot size in 64-bit words (2, 4 or 8).
    private let slotWords: Int
    /// The number of slots.
    private let capacity: Int
    private let storage: TableStorage
    /// Whether the weights are 16-bit integers (times the per-column scales), else floats.
    private let isQuantized: Bool
    /// Per column (up to 12): the scale of its 16-bit weights.
    private let scales4: SIMD4<Float>
    private let scalesLow: SIMD8<Float>
    private let scalesHigh: SIMD4<Float>

    /// The table of `model`'s columns `columns`.
    init(_ model: LinearModel, columns: [Int]) {
        self.init([(model, columns)])
    }

    /// One table for the given columns of several models, side by side (a model without a key adds 0 for it,
    /// which leaves every sum as it is).
    init(_ parts: [(model: LinearModel, columns: [Int])]) {
        let width = parts.reduce(0) { $0 + $1.columns.count }
        self.width = width
        // The rows, one per key of any part, in ascending key order: the parts' keys are ascending, so the
        // union is their merge, and each part's keys are found in it by walking both in order.
        var union = parts.flatMap { $0.model.sortedKeys }
        if parts.count > 1 {
            union.sort()
            union = Self.distinct(union)
        }
        var rows = [Float](repeating: 0, count: union.count * width)
        // The 16-bit weights, while every weight has one (found by the check below).
        var quantizedRows = [Int16](repeating: 0, count: width <= 12 ? union.count * width : 0)
        var offset = 0
        var quantized = width <= 12
        var scales: [Float] = []
        for (model, columns) in parts {
            // 16-bit weights when every weight is exactly a 16-bit integer times the model's scale.
            let scale = model.quantizationScale ?? 0
            if !(scale.isFinite && scale > 0) { quantized = false }
            var u = 0
            for (i, key) in model.sortedKeys.enumerated() {
                while union[u] != key { u += 1 }
                for (k, column) in columns.enumerated() {
                    let w = model.weight(row: i, class: column)
                    rows[u * width + offset + k] = w
                    if quantized {
                        let q = (w / scale).rounded()
                        if !(q.magnitude <= 32767 && (Float(Int16(q)) * scale).bitPattern == w.bitPattern) {
                            quantized = false
                        } else {
                            quantizedRows[u * width + offset + k] = Int16(q)
                        }
                    }
                }
            }
            scales += Array(repeating: scale, count: columns.count)
            offset += columns.count
        }
        isQuantized = quantized
        var all = [Float](repeating: 1, count: 16)
        for (k, scale) in scales.enumerated() where scale.isFinite && scale > 0 { all[k] = scale }
        scales4 = SIMD4(all[0..<4])
        scalesLow = SIMD8(all[0..<8])
        scalesHigh = SIMD4(all[8..<12])
        let rowBytes = quantized ? 2 * width : 4 * width
        precondition(rowBytes <= 56, "a scoring table row must fit in a cache line")
        var slotWords = 2
        while slotWords < 1 + (rowBytes + 7) / 8 { slotWords <<= 1 }
        self.slotWords = slotWords
        // A third full: most keys are in their home slot, and most absent keys find an empty one.
        let capacity = 3 * union.count + 16
        self.capacity = capacity
        let storage = TableStorage(words: capacity * slotWords + 8)
        let raw = UnsafeMutableRawPointer(storage.words)
        let words = storage.words
        rows.withUnsafeBufferPointer { rows in quantizedRows.withUnsafeBufferPointer { quantizedRows in
            for (u, key0) in union.enumerated() {
                let key = key0 == 0 ? 1 : key0
                var slot = Self.home(key, capacity)
                while words[slot * slotWords] != 0 {
                    slot += 1
                    if slot == capacity { slot = 0 }
                }
                let base = slot * slotWords
                words[base] = key
                for k in 0..<width {
                    if quantized {
                        raw.storeBytes(of: quantizedRows[u * width + k], toByteOffset: 8 * (base + 1) + 2 * k, as: Int16.self)
                    } else {
                        raw.storeBytes(of: rows[u * width + k].bitPattern, toByteOffset: 8 * (base + 1) + 4 * k, as: UInt32.self)
                    }
                }
            }
        } }
        self.storage = storage
    }

    /// The home slot of `key` (its high 32 bits scaled to the capacity).
    @inline(__always)
    private static func home(_ key: UInt64, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: ((key >> 32) &* UInt64(truncatingIfNeeded: capacity)) >> 32)
    }

    /// `sorted` without repeated keys.
    private static func distinct(_ sorted: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(sorted.count)
        for key in sorted where result.last != key { result.append(key) }
        return result
    }

    /// Sets `scores` (``width`` floats) to the sums of the rows of `features` (adds them when `adding`).
    func accumulate(_ features: FeatureVector, into scores: UnsafeMutablePointer<Float>, adding: Bool = false) {
        features.keys.withUnsafeBufferPointer { accumulate($0, into: scores, adding: adding) }
    }

    /// Sets `scores` (``width`` floats) to the sums of the rows of the feature `keys`, in their order (adds
    /// them when `adding`).
    func accumulate(_ keys: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>, adding: Bool = false) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(keys.count, 1)) { first in
            probe(keys, into: first.baseAddress!)
            accumulate(keys, first: first.baseAddress!, into: scores, adding: adding)
        }
    }

    /// The first step of a lookup, apart so that the cache misses of many lookups overlap: reads the home
    /// slot of every key, without branches, and keeps its key in `first` (for ``accumulate(_:first:into:adding:)``).
    @inline(__always)
    func probe(_ keys: UnsafeBufferPointer<UInt64>, into first: UnsafeMutablePointer<UInt64>) {
        let table = UnsafePointer(storage.words), capacity = self.capacity, slotWords = self.slotWords
        for i in 0..<keys.count {
            let original = keys[i]
            first[i] = table[Self.home(original == 0 ? 1 : original, capacity) &* slotWords]
        }
    }

    /// ``accumulate(_:into:adding:)`` after ``probe(_:into:)`` of the same keys.
    func accumulate(_ keys: UnsafeBufferPointer<UInt64>, first firstKeys: UnsafePointer<UInt64>, into scores: UnsafeMutablePointer<Float>, adding: Bool = false) {
        let width = self.width, slotWords = self.slotWords, capacity = self.capacity
        if !adding { for k in 0..<width { scores[k] = 0 } }
        let count = keys.count
        guard count > 0 else { return }
        let table = UnsafePointer(storage.words)
        let raw = UnsafeRawPointer(table)
        /// The word index of key `i`'s slot, or -1 when the table does not have it.
        @inline(__always)
        func slot(of i: Int) -> Int {
            let original = keys[i]
            let key = original == 0 ? 1 : original
            var slot = Self.home(key, capacity)
            var found = firstKeys[i]
            while found != key {
                if found == 0 { return -1 }
                slot &+= 1
                if slot == capacity { slot = 0 }
                found = table[slot &* slotWords]
            }
            return slot &* slotWords
        }
        guard isQuantized else {
            for i in 0..<count {
                let slot = slot(of: i)
                guard slot >= 0 else { continue }
                let row = raw + 8 * (slot + 1)
                for k in 0..<width { scores[k] += Float(bitPattern: row.load(fromByteOffset: 4 * k, as: UInt32.self)) }
            }
            return
        }
        // Each lane adds its column's weights in the keys' order, as a scalar loop would.
        if slotWords == 2 {
            let scales = scales4
            var sums = SIMD4<Float>(repeating: 0)
            for k in 0..<width { sums[k] = scores[k] }
            for i in 0..<count {
                let slot = slot(of: i)
                guard slot >= 0 else { continue }
                sums += SIMD4<Float>(raw.load(fromByteOffset: 8 * (slot + 1), as: SIMD4<Int16>.self)) * scales
            }
            for k in 0..<width { scores[k] = sums[k] }
        } else {
            let (scalesLow, scalesHigh) = (self.scalesLow, self.scalesHigh)
            var low = SIMD8<Float>(repeating: 0), high = SIMD4<Float>(repeating: 0)
            for k in 0..<width { if k < 8 { low[k] = scores[k] } else { high[k - 8] = scores[k] } }
            for i in 0..<count {
                let slot = slot(of: i)
                guard slot >= 0 else { continue }
                let offset = 8 * (slot + 1)
                low += SIMD8<Float>(raw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self)) * scalesLow
                high += SIMD4<Float>(raw.load(fromByteOffset: offset + 16, as: SIMD4<Int16>.self)) * scalesHigh
            }
            for k in 0..<width { scores[k] = k < 8 ? low[k] : high[k - 8] }
        }
    }
}

/// The memory of a ``ScoringTable``: zeroed 64-bit words aligned to a cache line, never written after the
/// table is built.
private final class TableStorage: @unchecked Sendable {
    let words: UnsafeMutablePointer<UInt64>
    let count: Int

    init(words count: Int) {
        self.count = count
        words = UnsafeMutableRawPointer.allocate(byteCount: 8 * count, alignment: 64).bindMemory(to: UInt64.self, capacity: count)
        words.initialize(repeating: 0, count: count)
    }

    deinit {
        words.deallocate()
    }
}
