/// A half-open range of Unicode scalar offsets into a document's text.
///
/// Every offset Chronicle reports counts Unicode scalars (not bytes, not UTF-16 units,
/// not grapheme clusters) from the start of the original text, so that a span found in
/// "Khloé" points at the same characters in Swift, Python (`str` indices) and JavaScript
/// code that counts code points.
public struct TextSpan: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Offset of the first scalar of the span.
    public var start: Int
    /// Offset one past the last scalar of the span.
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        self.start = start
        self.end = end
    }

    /// The number of scalars the span covers.
    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    /// Whether the two spans share at least one scalar.
    public func overlaps(_ other: TextSpan) -> Bool {
        start < other.end && other.start < end
    }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: TextSpan) -> Bool {
        start <= other.start && other.end <= end
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
