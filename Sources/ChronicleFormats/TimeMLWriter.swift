import ChronicleCore

/// Writes a ``Document`` as a TempEval-3-layout TimeML document.
///
/// The layout is the one of the TempEval-3 `.tml` files:
///
/// ```xml
/// <?xml version="1.0" ?>
/// <TimeML xmlns:xsi="..." xsi:noNamespaceSchemaLocation="...">
///
/// <DOCID>...</DOCID>
///
/// <DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-29" temporalFunction="false" functionInDocument="CREATION_TIME">2015-10-29</TIMEX3></DCT>
///
/// <TEXT>...text with <TIMEX3 tid="t1" type="DATE" value="..." temporalFunction="..." functionInDocument="NONE">...</TIMEX3> elements...</TEXT>
///
/// </TimeML>
/// ```
///
/// `DOCID` is written when the document has an id and `DCT` when it has a creation time (its `type` is
/// `TIME` when the creation time has a clock time). The text is written as it is, with `&`, `<` and `>`
/// escaped and carriage returns written `&#13;` (so that XML parsers, which normalise line ends, keep
/// them). Characters XML cannot carry at all (NUL and other C0 controls, U+FFFE, U+FFFF) are replaced by
/// U+FFFD, one scalar for one, so that offsets stay valid; a diagnostic says so.
///
/// Time expressions are written at their spans with `tid`, `type`, `value`, `mod`, `freq`, `quant` (the
/// last three when set), `temporalFunction` (true when anchored), `functionInDocument="NONE"` and
/// `anchorTimeID` (`t0` for an anchor on the creation time when there is a `DCT`; the id of the anchoring
/// expression otherwise). The covered text always comes from ``Document/text``.
///
/// Expressions that cannot be written as well-formed TimeML are **skipped**, each with a diagnostic
/// (code `unwritable-expression`) in ``Output/diagnostics``: empty spans, spans outside the text, and spans
/// that overlap an earlier-starting (or, at the same start, longer) expression that was written.
/// Expressions whose id is empty, repeated or `t0` (taken by the `DCT`) get a fresh `tN` id, with a note.
///
/// Reading the output with ``TimeMLReader`` gives back the same text and the same time expressions (spans,
/// text, types, values, modifiers, frequencies, quantifiers; anchors when they can be expressed with
/// `anchorTimeID`). ``TimeExpression/yearInference`` has no TimeML form and is not written.
public struct TimeMLWriter: Sendable {
    /// The written document and what had to be left out or changed to write it.
    public struct Output: Hashable, Sendable {
        /// The TimeML document.
        public var xml: String
        /// Skipped expressions, renamed ids, replaced characters.
        public var diagnostics: [Diagnostic]

        /// Creates an output.
        public init(xml: String, diagnostics: [Diagnostic]) {
            self.xml = xml
            self.diagnostics = diagnostics
        }
    }

    /// The diagnostic code of an expression the writer had to skip.
    public static let unwritableExpression: Diagnostic.Code = "unwritable-expression"

    /// Creates a writer.
    public init() {}

    /// Writes `document` as TimeML.
    public func write(_ document: Document) -> Output {
        var diagnostics: [Diagnostic] = []
        let scalars = Array(document.text.unicodeScalars)
        let count = scalars.count
        let hasDCT = document.creationTime != nil
        let dctID = "t0"

        // Choose the expressions that can be written: in span order, no overlaps, inside the text.
        let ordered = document.timeExpressions.enumerated().sorted { a, b in
            a.element.span.start != b.element.span.start
                ? a.element.span.start < b.element.span.start
                : (a.element.span.end != b.element.span.end ? a.element.span.end > b.element.span.end : a.offset < b.offset)
        }
        var kept: [TimeExpression] = []
        for (_, expression) in ordered {
            let span = expression.span
            let label = expression.id.isEmpty ? "\"\(expression.text)\"" : expression.id
            if span.start < 0 || span.end > count {
                diagnostics.append(Diagnostic(
                    .warning, Self.unwritableExpression,
                    "time expression \(label) at \(span) lies outside the text (\(count) scalars); not written"))
                continue
            }
            if span.isEmpty {
                diagnostics.append(Diagnostic(
                    .warning, Self.unwritableExpression, "time expression \(label) has an empty span; not written", span: span))
                continue
            }
            if let previous = kept.last, previous.span.end > span.start {
                diagnostics.append(Diagnostic(
                    .warning, Self.unwritableExpression,
                    "time expression \(label) at \(span) overlaps \(previous.id) at \(previous.span); not written", span: span))
                continue
            }
            kept.append(expression)
        }

        // Make the ids unique.
        var used: Set<String> = hasDCT ? [dctID] : []
        var ids: [String] = []
        var renamed = false
        for expression in kept {
            if !expression.id.isEmpty, !used.contains(expression.id) {
                ids.append(expression.id)
                used.insert(expression.id)
            } else {
                ids.append("")
                renamed = true
            }
        }
        if renamed {
            var next = 1
            for index in ids.indices where ids[index].isEmpty {
                while used.contains("t\(next)") { next += 1 }
                ids[index] = "t\(next)"
                used.insert(ids[index])
                let old = kept[index].id
                diagnostics.append(Diagnostic(
                    .note, Self.unwritableExpression,
                    old.isEmpty ? "time expression without id written as \(ids[index])"
                        : "time expression id \(old) is already taken; written as \(ids[index])",
                    span: kept[index].span))
            }
        }

        var out: [UInt8] = []
        out.reserveCapacity(document.text.utf8.count + 200 * (kept.count + 2))
        append(#"<?xml version="1.0" ?>"#, to: &out)
        append("\n", to: &out)
        append(
            #"<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">"#,
            to: &out)
        append("\n\n", to: &out)
        if !document.id.isEmpty {
            append("<DOCID>", to: &out)
            appendEscaped(document.id, to: &out, inAttribute: false)
            append("</DOCID>\n\n", to: &out)
        }
        if let creationTime = document.creationTime {
            let value = creationTime.description
            append("<DCT><TIMEX3", to: &out)
            appendAttribute("tid", dctID, to: &out)
            appendAttribute("type", creationTime.time == nil ? "DATE" : "TIME", to: &out)
            appendAttribute("value", value, to: &out)
            appendAttribute("temporalFunction", "false", to: &out)
            appendAttribute("functionInDocument", "CREATION_TIME", to: &out)
            append(">", to: &out)
            appendEscaped(value, to: &out, inAttribute: false)
            append("</TIMEX3></DCT>\n\n", to: &out)
        }

        append("<TEXT>", to: &out)
        var replaced = 0
        var position = 0
        func writeText(upTo end: Int) {
            while position < end {
                let scalar = scalars[position]
                switch scalar.value {
                case 0x26: append("&amp;", to: &out)
                case 0x3C: append("&lt;", to: &out)
                case 0x3E: append("&gt;", to: &out)
                case 0x0D: append("&#13;", to: &out)
                case let v where !ByteSupport.isXMLCharacter(v):
                    ByteSupport.appendUTF8("\u{FFFD}", to: &out)
                    replaced += 1
                default: ByteSupport.appendUTF8(scalar, to: &out)
                }
                position += 1
            }
        }
        for (index, expression) in kept.enumerated() {
            writeText(upTo: expression.span.start)
            append("<TIMEX3", to: &out)
            appendAttribute("tid", ids[index], to: &out)
            appendAttribute("type", expression.kind.rawValue, to: &out)
            appendAttribute("value", expression.value, to: &out)
            if let modifier = expression.modifier { appendAttribute("mod", modifier.rawValue, to: &out) }
            if let frequency = expression.frequency { appendAttribute("freq", frequency, to: &out) }
            if let quantifier = expression.quantifier { appendAttribute("quant", quantifier, to: &out) }
            appendAttribute("temporalFunction", expression.isTemporalFunction ? "true" : "false", to: &out)
            appendAttribute("functionInDocument", "NONE", to: &out)
            switch expression.anchor {
            case .creationTime?:
                if hasDCT { appendAttribute("anchorTimeID", dctID, to: &out) }
            case .expression(let id, _)?:
                appendAttribute("anchorTimeID", id, to: &out)
            case nil:
                break
            }
            append(">", to: &out)
            writeText(upTo: expression.span.end)
            append("</TIMEX3>", to: &out)
        }
        writeText(upTo: count)
        append("</TEXT>\n\n</TimeML>\n", to: &out)

        if replaced > 0 {
            diagnostics.append(Diagnostic(
                .warning, .malformedInput,
                "\(replaced) character\(replaced == 1 ? "" : "s") XML cannot represent written as U+FFFD"))
        }
        return Output(xml: String(decoding: out, as: UTF8.self), diagnostics: diagnostics)
    }

    private func append(_ literal: String, to out: inout [UInt8]) {
        out.append(contentsOf: literal.utf8)
    }

    private func appendAttribute(_ name: String, _ value: String, to out: inout [UInt8]) {
        out.append(0x20)
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: #"=""#.utf8)
        appendEscaped(value, to: &out, inAttribute: true)
        out.append(0x22)
    }

    private func appendEscaped(_ string: String, to out: inout [UInt8], inAttribute: Bool) {
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x26: append("&amp;", to: &out)
            case 0x3C: append("&lt;", to: &out)
            case 0x3E: append("&gt;", to: &out)
            case 0x22 where inAttribute: append("&quot;", to: &out)
            case 0x09 where inAttribute: append("&#9;", to: &out)
            case 0x0A where inAttribute: append("&#10;", to: &out)
            case 0x0D: append("&#13;", to: &out)
            case let v where !ByteSupport.isXMLCharacter(v): ByteSupport.appendUTF8("\u{FFFD}", to: &out)
            default: ByteSupport.appendUTF8(scalar, to: &out)
            }
        }
    }
}
