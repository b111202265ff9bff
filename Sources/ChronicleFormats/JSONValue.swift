/// A JSON value whose objects keep their keys in the order given, serialised deterministically.
///
/// Chronicle writes its JSON through this type instead of `JSONEncoder` so that key order, number
/// formatting and escaping never depend on the platform: strings escape `"`, `\` and the control
/// characters U+0000–U+001F (as `\n`, `\t`, ... or `\u00XX`) and keep everything else, non-ASCII
/// included, as UTF-8.
public indirect enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer, written in decimal.
    case integer(Int)
    /// A floating-point number; written in Swift's shortest round-tripping form, `null` when not finite.
    case number(Double)
    /// A string, escaped as described above.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object: its members in the order they are written.
    case object([(key: String, value: JSONValue)])

    /// Serialisation layouts.
    public enum Style: Hashable, Sendable {
        /// One line, no spaces: `{"a":1,"b":[true,null]}`.
        case compact
        /// Two-space indentation, `"key": value`, one member or element per line; empty containers as `{}` and `[]`.
        case pretty
    }

    /// The JSON text of the value (without a trailing line end).
    public func serialized(_ style: Style = .compact) -> String {
        var stream = JSONStream(style: style)
        stream.value(self)
        return stream.string
    }

    /// Appends the JSON text of the value to `out`.
    public func write(to out: inout [UInt8], style: Style = .compact) {
        var stream = JSONStream(style: style, appendingTo: out)
        out = []
        stream.value(self)
        out = stream.bytes
    }

    /// Whether two values are the same, objects comparing their members in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}
