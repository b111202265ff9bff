/// A problem Chronicle noticed while reading or annotating a document.
///
/// Diagnostics never stop a pipeline by themselves: a stage that cannot do its job throws,
/// a stage that did its job but has doubts (a weekday that contradicts its date, a year that
/// could not be pinned down) records a diagnostic on the document.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable {
        case note, warning, error
    }

    /// Stable, machine-readable identifiers of the problems Chronicle reports.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        /// A weekday written next to a date falls on another day ("Tuesday, Oct. 28, 2015").
        public static let weekdayMismatch: Code = "weekday-mismatch"
        /// A date that does not exist ("February 30").
        public static let impossibleDate: Code = "impossible-date"
        /// A date beyond the years a TIMEX3 value can write (BC9999 to 9999): "8000 years from now".
        public static let dateOutOfRange: Code = "date-out-of-range"
        /// Without a creation time, the year of a date could not be pinned down; candidates are listed.
        public static let ambiguousYear: Code = "ambiguous-year"
        /// The year of a document was inferred from its text, not given.
        public static let inferredYear: Code = "inferred-year"
        /// The input could not be read as intended (markup problems, stripped tags).
        public static let malformedInput: Code = "malformed-input"
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    /// Where in the document the problem is, if it is somewhere in particular.
    public var span: TextSpan?

    public init(_ severity: Severity, _ code: Code, _ message: String, span: TextSpan? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
    }
}
