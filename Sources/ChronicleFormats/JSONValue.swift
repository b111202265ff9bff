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
        var out: [UInt8] = []
        write(to: &out, style: style, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text of the value to `out`.
    public func write(to out: inout [UInt8], style: Style = .compact) {
        write(to: &out, style: style, indent: 0)
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

    private func write(to out: inout [UInt8], style: Style, indent: Int) {
        switch self {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let value):
            out.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value):
            out.append(contentsOf: String(value).utf8)
        case .number(let value):
            out.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
        case .string(let value):
            Self.writeString(value, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(0x5B)
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(0x2C) }
                if style == .pretty { Self.newline(indent + 1, to: &out) }
                element.write(to: &out, style: style, indent: indent + 1)
            }
            if style == .pretty { Self.newline(indent, to: &out) }
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(0x7B)
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(0x2C) }
                if style == .pretty { Self.newline(indent + 1, to: &out) }
                Self.writeString(member.key, to: &out)
                out.append(0x3A)
                if style == .pretty { out.append(0x20) }
                member.value.write(to: &out, style: style, indent: indent + 1)
            }
            if style == .pretty { Self.newline(indent, to: &out) }
            out.append(0x7D)
        }
    }

    private static func newline(_ indent: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `string` as a JSON string literal: its bytes are copied a run at a time between the few that need
    /// an escape.
    static func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(0x22)
        var string = string
        string.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                start = index + 1
                switch byte {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x08: out.append(0x5C); out.append(0x62)
                case 0x0C: out.append(0x5C); out.append(0x66)
                default:
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
            }
            if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
        out.append(0x22)
    }
}
