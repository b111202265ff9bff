/// Writes JSON text a value at a time into a byte buffer, with no tree of ``JSONValue``s in between: the writer
/// of Chronicle's large outputs (timelines, tagged documents). It writes exactly what ``JSONValue`` serialises
/// (``JSONValue`` serialises through it): the same escaping, numbers, and layouts.
///
/// ```swift
/// var json = JSONStream(style: .compact)
/// json.beginObject()
/// json.key("id"); json.string("E1")
/// json.key("sources"); json.beginArray(); json.integer(3); json.endArray()
/// json.endObject()
/// // json.bytes: {"id":"E1","sources":[3]}
/// ```
///
/// Every value inside an object follows its ``key(_:)``; the calls must nest as the JSON does (checked in debug
/// builds).
public struct JSONStream: Sendable {
    /// The text written so far, UTF-8.
    public private(set) var bytes: [UInt8] = []
    public let style: JSONValue.Style
    /// The values written so far in each open container, innermost last.
    private var counts: [Int] = []
    /// Whether the next value is an object member's, its key already written.
    private var afterKey = false

    public init(style: JSONValue.Style = .compact, reservingCapacity capacity: Int = 0) {
        self.style = style
        bytes.reserveCapacity(capacity)
    }

    /// A stream that goes on after `bytes` (written before, at the top level).
    public init(style: JSONValue.Style = .compact, appendingTo bytes: [UInt8]) {
        self.style = style
        self.bytes = bytes
    }

    /// Makes room for `capacity` bytes in all.
    public mutating func reserveCapacity(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    /// The text written so far, as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    public mutating func beginObject() {
        beginValue()
        bytes.append(0x7B)
        counts.append(0)
    }

    public mutating func endObject() { end(0x7D) }

    public mutating func beginArray() {
        beginValue()
        bytes.append(0x5B)
        counts.append(0)
    }

    public mutating func endArray() { end(0x5D) }

    /// Starts an object member whose key is made at run time: its separator, its key and the colon. Its value
    /// comes next.
    public mutating func key(string key: String) {
        assert(!counts.isEmpty && !afterKey, "a key belongs in an object, before its value")
        separate()
        Self.appendString(key, to: &bytes)
        endKey()
    }

    /// Starts an object member whose key is a literal with nothing to escape (checked in debug builds): its
    /// separator, its key and the colon. Its value comes next.
    public mutating func key(_ key: StaticString) {
        assert(!counts.isEmpty && !afterKey, "a key belongs in an object, before its value")
        separate()
        bytes.append(0x22)
        key.withUTF8Buffer { key in
            assert(!key.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }, "a literal key needs no escape")
            bytes.append(contentsOf: key)
        }
        bytes.append(0x22)
        endKey()
    }

    private mutating func endKey() {
        bytes.append(0x3A)
        if style == .pretty { bytes.append(0x20) }
        afterKey = true
    }

    // MARK: Values

    public mutating func null() {
        beginValue()
        bytes.append(contentsOf: "null".utf8)
    }

    public mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func integer(_ value: Int) {
        beginValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A number in Swift's shortest round-tripping form, `null` when not finite.
    public mutating func number(_ value: Double) {
        beginValue()
        bytes.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
    }

    public mutating func string(_ value: String) {
        beginValue()
        Self.appendString(value, to: &bytes)
    }

    /// The string, or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// The integer, or `null`.
    public mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    /// An array of `elements`, each written by `write`.
    public mutating func array<Elements: Sequence>(_ elements: Elements, _ write: (Elements.Element, inout JSONStream) -> Void) {
        beginArray()
        for element in elements { write(element, &self) }
        endArray()
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// A whole ``JSONValue``.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let value): bool(value)
        case .integer(let value): integer(value)
        case .number(let value): number(value)
        case .string(let value): string(value)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(string: member.key)
                self.value(member.value)
            }
            endObject()
        }
    }

    // MARK: Layout

    /// Before a value: an object member's value follows its key; an array element gets its separator.
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if !counts.isEmpty {
            separate()
        }
    }

    /// The comma before every element but the first, and in the pretty layout the element's line.
    private mutating func separate() {
        let index = counts.count - 1
        if counts[index] > 0 { bytes.append(0x2C) }
        counts[index] += 1
        if style == .pretty { newline(depth: counts.count) }
    }

    private mutating func end(_ bracket: UInt8) {
        assert(!afterKey, "a key without its value")
        let count = counts.removeLast()
        if style == .pretty, count > 0 { newline(depth: counts.count) }
        bytes.append(bracket)
    }

    private mutating func newline(depth: Int) {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `string` as a JSON string literal: `"`, `\` and U+0000–U+001F escaped (as `\n`, `\t`, ... or
    /// `\u00XX`), everything else kept as UTF-8, copied a run at a time between the bytes that need an escape.
    static func appendString(_ string: String, to out: inout [UInt8]) {
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
