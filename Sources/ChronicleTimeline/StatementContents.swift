import ChronicleCalendar
import ChronicleCore

/// The statements of a document by the start of their content, to find those whose content holds a span
/// without looking at every statement (a long document has thousands).
struct StatementContents {
    /// Statements with content, by content start.
    private let order: [Int]
    private let starts: [Int]
    /// Per position of ``order``: the furthest content end up to it.
    private let furthestEnd: [Int]
    private let contents: [TextSpan]

    init(_ statements: [Statement]) {
        contents = statements.map { $0.content ?? TextSpan(start: 0, end: 0) }
        order = statements.indices.filter { statements[$0].content != nil }.sorted { (statements[$0].content!.start, $0) < (statements[$1].content!.start, $1) }
        starts = order.map { statements[$0].content!.start }
        var furthest = Int.min
        furthestEnd = order.map { s in
            furthest = max(furthest, statements[s].content!.end)
            return furthest
        }
    }

    /// The statements whose content contains `span`, in ascending order.
    func containing(_ span: TextSpan) -> [Int] {
        // The statements starting at or before the span, scanned back while one of them could still reach its end.
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= span.start { low = middle + 1 } else { high = middle }
        }
        var result: [Int] = []
        var k = low - 1
        while k >= 0, furthestEnd[k] >= span.end {
            if contents[order[k]].contains(span) { result.append(order[k]) }
            k -= 1
        }
        return result.sorted()
    }
}
