import ChronicleCore

/// Numbered spans (mentions, time expressions) in the order of their starts, to find by binary search the ones
/// that start in a stretch of text or may overlap a span: what keeps the searches made for every statement of a
/// document linear (n log n) in the document, rather than a scan of all its mentions or times each time.
struct SpanIndex {
    /// The numbers of the spans, by start (in the given order for equal starts).
    private let items: [Int]
    private let starts: [Int]
    /// The length of the longest span.
    private let longest: Int

    init(_ spans: [(item: Int, span: TextSpan)]) {
        let ordered = spans.indices.sorted { (spans[$0].span.start, $0) < (spans[$1].span.start, $1) }
        items = ordered.map { spans[$0].item }
        starts = ordered.map { spans[$0].span.start }
        longest = spans.map { $0.span.end - $0.span.start }.max() ?? 0
    }

    /// The spans that start in `text`, by start.
    func starting(in text: Range<Int>) -> ArraySlice<Int> {
        items[starts.partitionPoint { $0 >= text.lowerBound }..<starts.partitionPoint { $0 >= text.upperBound }]
    }

    /// The spans that may overlap `span`: every one that does, and others that start shortly before it.
    func mayOverlap(_ span: TextSpan) -> ArraySlice<Int> {
        let from = span.start - longest
        return starting(in: from..<max(from, span.end))
    }
}
