import Chronicle

// Estimates of the memory a value takes, for the service's caches (``DocumentCache``, ``TimelineCache``), which
// are bounded in bytes. An estimate counts each array's elements at their stride, and each element's strings at
// their UTF-8 length plus a heap object's header; it does not follow every reference, so it is a lower bound of
// the same order as the truth (checked in FootprintTests against the resident-set growth of keeping many).

/// The bytes a heap-allocated string or array costs beyond its contents (header, capacity, allocator rounding).
private let heapObjectOverhead = 48

private func footprint(of string: String) -> Int {
    // Strings of up to 15 UTF-8 bytes are stored inline.
    string.utf8.count <= 15 ? 0 : string.utf8.count + heapObjectOverhead
}

private func footprint<Element>(of array: [Element], each: (Element) -> Int = { _ in 0 }) -> Int {
    array.isEmpty ? 0 : heapObjectOverhead + array.count * MemoryLayout<Element>.stride + array.reduce(0) { $0 + each($1) }
}

extension Document {
    /// About how many bytes the document and its annotations take in memory.
    var estimatedFootprint: Int {
        MemoryLayout<Document>.size + footprint(of: id) + footprint(of: text)
            + footprint(of: tokens) + footprint(of: sentences)
            + footprint(of: words) { footprint(of: $0.lemma ?? "") + footprint(of: $0.pennTag ?? "") }
            + footprint(of: timeExpressions) { footprint(of: $0.id) + footprint(of: $0.text) + footprint(of: $0.value) + 64 }
            + footprint(of: events) { footprint(of: $0.id) + footprint(of: $0.instanceID) + footprint(of: $0.text) + footprint(of: $0.lemma) + 64 }
            + footprint(of: relations) { footprint(of: $0.id) + 64 }
            + footprint(of: statements) { _ in 64 }
            + footprint(of: entities) { footprint(of: $0.name) + 64 }
            + footprint(of: diagnostics) { footprint(of: $0.message) }
    }
}

extension Timeline {
    /// About how many bytes the timeline takes in memory.
    var estimatedFootprint: Int {
        MemoryLayout<Timeline>.size
            + footprint(of: documents) { document in
                footprint(of: document.id) + footprint(of: document.title ?? "") + footprint(of: document.text)
                    + footprint(of: document.timeExpressions) { footprint(of: $0.text) + footprint(of: $0.value) + 64 }
                    + footprint(of: document.events) { footprint(of: $0.text) + footprint(of: $0.lemma) + 64 }
                    + footprint(of: document.sentences)
            }
            + footprint(of: entries) { _ in 256 }
            + footprint(of: relations) { _ in 64 }
            + footprint(of: warnings) { footprint(of: $0.message) + 64 }
            + footprint(of: entities) { footprint(of: $0.name) + 64 }
    }
}
