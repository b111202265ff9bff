import ChronicleCore

/// Renders a document's time expressions as plain text, one line each:
///
/// ```
/// start-end<TAB>TYPE<TAB>value<TAB>mod-or-empty<TAB>text
/// ```
///
/// followed by one line per diagnostic: `warning: MESSAGE [code] (start-end)` (the severity is the
/// diagnostic's own: `note:`, `warning:` or `error:`; the span part only when it has one). Offsets are
/// Unicode scalar offsets. So that each record stays on one line, a backslash, tab, line feed or carriage
/// return in the covered text or a message is written `\\`, `\t`, `\n` or `\r`.
public struct PlainTextRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The rendering of `document`, every line (the last one included) ended by a line feed; empty when
    /// the document has neither time expressions nor diagnostics.
    public func render(_ document: Document) -> String {
        var out = ""
        for expression in document.timeExpressions {
            out += "\(expression.span.start)-\(expression.span.end)\t\(expression.kind.rawValue)\t"
            out += "\(Self.escaped(expression.value))\t\(expression.modifier?.rawValue ?? "")\t\(Self.escaped(expression.text))\n"
        }
        for diagnostic in document.diagnostics {
            out += "\(diagnostic.severity.rawValue): \(Self.escaped(diagnostic.message)) [\(diagnostic.code.rawValue)]"
            if let span = diagnostic.span { out += " (\(span.start)-\(span.end))" }
            out += "\n"
        }
        return out
    }

    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 4)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
