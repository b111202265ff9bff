import ChronicleCore
import Foundation

/// Reads TempEval-3 TimeML (`.tml`) documents.
///
/// The reader is a hand-written, single-pass byte scanner (no `XMLParser`, no regular expressions).
/// It checks what matters for TimeML and rejects what would make the annotation ambiguous: the input must
/// be UTF-8 without NUL or other forbidden control characters; tags, attributes, comments, CDATA sections
/// and character references must be well formed; end tags must match; there must be exactly one `TEXT`
/// element; `TIMEX3` elements must not nest and (inside `TEXT`) must have one of the four TIMEX3 types.
/// Every such problem throws a ``TimeMLReadError`` naming the byte offset, line and column.
///
/// It is tolerant where tolerance loses nothing: attributes may come in any order and use either quote;
/// the `TimeML` root, the XML declaration, `DOCID` and `DCT` are optional; unknown elements are allowed
/// anywhere; an `&` that does not start one of the five XML entities or a character reference is kept as
/// written and reported as a diagnostic, and so are unknown `mod` values and an unparseable DCT value.
/// Line ends are not normalised: ``TimeMLDocument/text`` keeps every byte between `<TEXT>` and `</TEXT>`
/// that is not markup.
///
/// `EVENT`, `MAKEINSTANCE`, `SIGNAL` and `TLINK` elements become ``TimeMLDocument/events`` and
/// ``TimeMLDocument/relations``; references that cannot be resolved (a `TLINK` naming an instance or time
/// that does not exist, an unknown `relType` or `class`) are left out or defaulted with a diagnostic, never thrown.
///
/// An empty-element `TIMEX3` (`<TIMEX3 .../>`) covers no text: it is kept in ``TimeMLDocument/elements`` only.
/// A `TIMEX3` outside `TEXT` and `DCT` (in a title, say) is kept in ``TimeMLDocument/elements`` only.
public struct TimeMLReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads a document from its bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file content (UTF-8; a byte-order mark is skipped).
    ///   - fallbackID: The id to use when the document has no non-empty `DOCID`.
    public func read<Bytes: Collection>(_ bytes: Bytes, fallbackID: String = "") throws(TimeMLReadError) -> TimeMLDocument
    where Bytes.Element == UInt8 {
        try ByteSupport.withBytes(bytes) { buffer in
            Result { () throws(TimeMLReadError) -> TimeMLDocument in
                var scanner = TimeMLScanner(buffer, fallbackID: fallbackID)
                return try scanner.run()
            }
        }.get()
    }

    /// Reads a document from a string.
    ///
    /// - Parameters:
    ///   - text: The TimeML markup.
    ///   - fallbackID: The id to use when the document has no non-empty `DOCID`.
    public func read(_ text: String, fallbackID: String = "") throws(TimeMLReadError) -> TimeMLDocument {
        try ByteSupport.withBytes(of: text) { buffer in
            Result { () throws(TimeMLReadError) -> TimeMLDocument in
                var scanner = TimeMLScanner(buffer, fallbackID: fallbackID)
                return try scanner.run()
            }
        }.get()
    }

    /// Reads a document from a file; the fallback id is the file name without its extension, and errors name the file.
    public func read(contentsOf url: URL) throws(TimeMLReadError) -> TimeMLDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TimeMLReadError(.unreadableFile(error.localizedDescription), byteOffset: 0, line: 1, column: 1, file: url.path)
        }
        do {
            return try read(data, fallbackID: url.deletingPathExtension().lastPathComponent)
        } catch {
            var located = error
            located.file = url.path
            throw located
        }
    }
}

// MARK: - Scanner

/// The state of one pass over one document.
struct TimeMLScanner {
    private enum Role {
        case text, timexInText, dctTimex, otherTimex, dct, docid, other
        case recorded(Int)
    }

    private struct OpenElement {
        var nameStart: Int
        var nameEnd: Int
        var tagOffset: Int
        var role: Role
    }

    private struct PendingTimex {
        var attributes: [TimeMLAttribute]
        var kind: TimeExpression.Kind
        var startScalar: Int
        var startByte: Int
        var elementIndex: Int
    }

    private enum TextState { case before, inside, after }
    private enum Capture { case none, text, docid, dctTimex }
    private enum Reference { case character(Unicode.Scalar), literalAmpersand }

    private static let textName = Array("TEXT".utf8)
    private static let timexName = Array("TIMEX3".utf8)
    private static let dctName = Array("DCT".utf8)
    private static let docidName = Array("DOCID".utf8)

    private let b: UnsafeBufferPointer<UInt8>
    private let n: Int
    private let fallbackID: String
    private var pos = 0
    private var stack: [OpenElement] = []

    private var text: [UInt8] = []
    private var scalarCount = 0
    private var textState = TextState.before

    private var dctDepth = 0
    private var seenDCT = false
    private var dctTimexBytes: [UInt8]?
    private var dctTimexAttributes: [TimeMLAttribute] = []
    private var creationTimeExpression: TimeMLDocument.CreationTimeExpression?

    private var docidBytes: [UInt8]?
    private var docid: String?

    private var timexDepth = 0
    private var openTimex: PendingTimex?
    private var timexes: [TimeExpression] = []
    private var anchorRequests: [(index: Int, anchorID: String)] = []
    private var elements: [TimeMLElement] = []
    private var diagnostics: [Diagnostic] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, fallbackID: String) {
        self.b = bytes
        self.n = bytes.count
        self.fallbackID = fallbackID
        text.reserveCapacity(bytes.count / 2)
    }

    // MARK: Driver

    mutating func run() throws(TimeMLReadError) -> TimeMLDocument {
        switch ByteSupport.firstProblem(in: b) {
        case .invalidUTF8(let offset)?: throw error(.invalidUTF8, at: offset)
        case .controlCharacter(let offset, let value)?: throw error(.forbiddenCharacter(UInt32(value)), at: offset)
        case nil: break
        }
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { pos = 3 }

        while pos < n {
            switch capture {
            case .none:
                while pos < n, b[pos] != 0x3C { pos += 1 }
            case .text:
                let start = pos
                var scalars = 0
                while pos < n {
                    let c = b[pos]
                    if c == 0x3C || c == 0x26 { break }
                    if c & 0xC0 != 0x80 { scalars += 1 }
                    pos += 1
                }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<pos]))
                scalarCount += scalars
                if pos < n, b[pos] == 0x26 {
                    try textReference()
                    continue
                }
            case .docid, .dctTimex:
                let start = pos
                while pos < n, b[pos] != 0x3C, b[pos] != 0x26 { pos += 1 }
                appendToSideCapture(UnsafeBufferPointer(rebasing: b[start..<pos]))
                if pos < n, b[pos] == 0x26 {
                    let (reference, next) = try parseReference(at: pos)
                    switch reference {
                    case .character(let scalar):
                        var bytes: [UInt8] = []
                        ByteSupport.appendUTF8(scalar, to: &bytes)
                        bytes.withUnsafeBufferPointer { appendToSideCapture($0) }
                    case .literalAmpersand:
                        appendToSideCapture(UnsafeBufferPointer(rebasing: b[pos..<pos + 1]))
                    }
                    pos = next
                    continue
                }
            }
            if pos >= n { break }
            try markup()
        }
        return try finish()
    }

    private var capture: Capture {
        if textState == .inside { return .text }
        if dctTimexBytes != nil { return .dctTimex }
        if docidBytes != nil { return .docid }
        return .none
    }

    private mutating func appendToSideCapture(_ bytes: UnsafeBufferPointer<UInt8>) {
        if dctTimexBytes != nil {
            dctTimexBytes!.append(contentsOf: bytes)
        } else if docidBytes != nil {
            docidBytes!.append(contentsOf: bytes)
        }
    }

    /// Appends raw (CDATA) bytes to whatever is being captured.
    private mutating func appendRaw(_ range: Range<Int>) {
        let bytes = UnsafeBufferPointer(rebasing: b[range])
        switch capture {
        case .none: break
        case .text:
            text.append(contentsOf: bytes)
            for c in bytes where c & 0xC0 != 0x80 { scalarCount += 1 }
        case .docid, .dctTimex:
            appendToSideCapture(bytes)
        }
    }

    private mutating func textReference() throws(TimeMLReadError) {
        let (reference, next) = try parseReference(at: pos)
        switch reference {
        case .character(let scalar):
            ByteSupport.appendUTF8(scalar, to: &text)
        case .literalAmpersand:
            diagnostics.append(Diagnostic(
                .warning, .malformedInput, "'&' that starts no entity or character reference kept as written",
                span: TextSpan(start: scalarCount, end: scalarCount + 1)))
            text.append(0x26)
        }
        scalarCount += 1
        pos = next
    }

    // MARK: Markup

    private mutating func markup() throws(TimeMLReadError) {
        let start = pos
        guard pos + 1 < n else { throw error(.unterminatedTag(nil), at: start) }
        let c = b[pos + 1]
        switch c {
        case 0x21:  // <!
            if hasPrefix("<!--", at: pos) {
                guard let end = find("-->", from: pos + 4) else { throw error(.unterminatedMarkup("comment"), at: start) }
                pos = end + 3
            } else if hasPrefix("<![CDATA[", at: pos) {
                guard let end = find("]]>", from: pos + 9) else { throw error(.unterminatedMarkup("CDATA section"), at: start) }
                appendRaw(pos + 9..<end)
                pos = end + 3
            } else {
                var p = pos + 2
                var depth = 0
                var quote: UInt8 = 0
                while p < n {
                    let d = b[p]
                    if quote != 0 {
                        if d == quote { quote = 0 }
                    } else if d == 0x22 || d == 0x27 {
                        quote = d
                    } else if d == 0x5B {
                        depth += 1
                    } else if d == 0x5D {
                        depth -= 1
                    } else if d == 0x3E, depth <= 0 {
                        pos = p + 1
                        return
                    }
                    p += 1
                }
                throw error(.unterminatedMarkup("declaration"), at: start)
            }
        case 0x3F:  // <?
            guard let end = find("?>", from: pos + 2) else { throw error(.unterminatedMarkup("processing instruction"), at: start) }
            pos = end + 2
        case 0x2F:  // </
            try endTag()
        default:
            guard Self.isNameStart(c) else {
                throw error(.malformedTag("'<' is not followed by an element name (a literal '<' must be written &lt;)"), at: start)
            }
            try startTag()
        }
    }

    private mutating func startTag() throws(TimeMLReadError) {
        let tagStart = pos
        var p = pos + 1
        let nameStart = p
        while p < n, Self.isNameChar(b[p]) { p += 1 }
        let nameEnd = p
        let name = string(nameStart..<nameEnd)

        let insideText = textState == .inside
        let isTimex = equals(Self.timexName, nameStart..<nameEnd)
        let isText = equals(Self.textName, nameStart..<nameEnd)
        let isDCT = !insideText && equals(Self.dctName, nameStart..<nameEnd)
        let isDocid = !insideText && equals(Self.docidName, nameStart..<nameEnd)
        let recordsOutside = !insideText && !isTimex && TimeMLDocument.annotationElementNames.contains(name)
        let keep = insideText || isTimex || recordsOutside

        let (attributes, selfClosing) = try parseAttributes(tagStart: tagStart, elementName: name, keep: keep, from: &p)
        pos = p

        func push(_ role: Role) {
            stack.append(OpenElement(nameStart: nameStart, nameEnd: nameEnd, tagOffset: tagStart, role: role))
        }

        if isText {
            if textState != .before { throw error(.duplicateText, at: tagStart) }
            if selfClosing {
                textState = .after
            } else {
                textState = .inside
                push(.text)
            }
        } else if isTimex {
            if timexDepth > 0 { throw error(.nestedTimex, at: tagStart) }
            if insideText {
                let elementIndex = elements.count
                elements.append(TimeMLElement(name: name, attributes: attributes, span: TextSpan(start: scalarCount, end: scalarCount)))
                if selfClosing {
                    diagnostics.append(Diagnostic(
                        .note, .malformedInput,
                        "empty TIMEX3 \(attributes.value(of: "tid") ?? "") covers no text; kept among the elements only",
                        span: TextSpan(start: scalarCount, end: scalarCount)))
                    return
                }
                guard let type = attributes.value(of: "type") else {
                    throw error(.invalidTimex("TIMEX3 \(attributes.value(of: "tid") ?? "") has no type"), at: tagStart)
                }
                guard let kind = TimeExpression.Kind(rawValue: type) else {
                    throw error(.invalidTimex("unknown type \"\(type)\" (expected DATE, TIME, DURATION or SET)"), at: tagStart)
                }
                openTimex = PendingTimex(
                    attributes: attributes, kind: kind, startScalar: scalarCount, startByte: text.count, elementIndex: elementIndex)
                timexDepth += 1
                push(.timexInText)
            } else if dctDepth > 0, creationTimeExpression == nil, dctTimexBytes == nil {
                dctTimexAttributes = attributes
                dctTimexBytes = []
                if selfClosing {
                    finishCreationTimeExpression()
                } else {
                    timexDepth += 1
                    push(.dctTimex)
                }
            } else {
                elements.append(TimeMLElement(name: name, attributes: attributes, span: nil))
                if !selfClosing {
                    timexDepth += 1
                    push(.otherTimex)
                }
            }
        } else if isDCT {
            if seenDCT {
                diagnostics.append(Diagnostic(.warning, .malformedInput, "a second DCT element is ignored"))
            }
            seenDCT = true
            if !selfClosing {
                dctDepth += 1
                push(.dct)
            }
        } else if isDocid, docid == nil, docidBytes == nil {
            if selfClosing {
                docid = ""
            } else {
                docidBytes = []
                push(.docid)
            }
        } else if insideText {
            let index = elements.count
            elements.append(TimeMLElement(name: name, attributes: attributes, span: TextSpan(start: scalarCount, end: scalarCount)))
            if !selfClosing { push(.recorded(index)) }
        } else {
            if recordsOutside { elements.append(TimeMLElement(name: name, attributes: attributes, span: nil)) }
            if !selfClosing { push(.other) }
        }
    }

    private mutating func endTag() throws(TimeMLReadError) {
        let tagStart = pos
        var p = pos + 2
        let nameStart = p
        guard p < n else { throw error(.unterminatedTag(nil), at: tagStart) }
        guard Self.isNameStart(b[p]) else { throw error(.malformedTag("'</' is not followed by an element name"), at: tagStart) }
        while p < n, Self.isNameChar(b[p]) { p += 1 }
        let nameEnd = p
        while p < n, Self.isSpace(b[p]) { p += 1 }
        guard p < n else { throw error(.unterminatedTag(string(nameStart..<nameEnd)), at: tagStart) }
        guard b[p] == 0x3E else {
            throw error(.malformedTag("unexpected \(describeByte(at: p)) in end tag </\(string(nameStart..<nameEnd))>"), at: p)
        }
        pos = p + 1

        guard let top = stack.last else { throw error(.unexpectedEndTag(string(nameStart..<nameEnd)), at: tagStart) }
        guard sameBytes(top.nameStart..<top.nameEnd, nameStart..<nameEnd) else {
            throw error(.mismatchedEndTag(expected: string(top.nameStart..<top.nameEnd), found: string(nameStart..<nameEnd)), at: tagStart)
        }
        stack.removeLast()

        switch top.role {
        case .text:
            textState = .after
        case .timexInText:
            timexDepth -= 1
            finishTimex()
        case .dctTimex:
            timexDepth -= 1
            finishCreationTimeExpression()
        case .otherTimex:
            timexDepth -= 1
        case .dct:
            dctDepth -= 1
        case .docid:
            docid = String(decoding: docidBytes ?? [], as: UTF8.self).trimmingXMLSpace()
            docidBytes = nil
        case .recorded(let index):
            let start = elements[index].span?.start ?? scalarCount
            elements[index].span = TextSpan(start: start, end: scalarCount)
        case .other:
            break
        }
    }

    /// Parses the attributes of a start tag from `p` (just after the name) to just after its `>` or `/>`.
    private func parseAttributes(
        tagStart: Int, elementName: String, keep: Bool, from p: inout Int
    ) throws(TimeMLReadError) -> ([TimeMLAttribute], Bool) {
        var attributes: [TimeMLAttribute] = []
        var names: [Range<Int>] = []
        while true {
            let hadSpace = p < n && Self.isSpace(b[p])
            while p < n, Self.isSpace(b[p]) { p += 1 }
            guard p < n else { throw error(.unterminatedTag(elementName), at: tagStart) }
            let c = b[p]
            if c == 0x3E {
                p += 1
                return (attributes, false)
            }
            if c == 0x2F {
                guard p + 1 < n else { throw error(.unterminatedTag(elementName), at: tagStart) }
                guard b[p + 1] == 0x3E else { throw error(.malformedTag("'/' not followed by '>' in <\(elementName)>"), at: p) }
                p += 2
                return (attributes, true)
            }
            if c == 0x3C {
                throw error(.malformedTag("'<' inside the <\(elementName)> tag: the tag is not closed"), at: p)
            }
            guard Self.isNameStart(c) else {
                throw error(.malformedAttribute("unexpected \(describeByte(at: p)) in <\(elementName)>"), at: p)
            }
            guard hadSpace else {
                throw error(.malformedAttribute("attributes of <\(elementName)> must be separated by white space"), at: p)
            }
            let attributeStart = p
            while p < n, Self.isNameChar(b[p]) { p += 1 }
            let nameRange = attributeStart..<p
            let attributeName = string(nameRange)
            while p < n, Self.isSpace(b[p]) { p += 1 }
            guard p < n else { throw error(.unterminatedTag(elementName), at: tagStart) }
            guard b[p] == 0x3D else {
                throw error(.malformedAttribute("attribute \(attributeName) of <\(elementName)> has no '=' and value"), at: attributeStart)
            }
            p += 1
            while p < n, Self.isSpace(b[p]) { p += 1 }
            guard p < n else { throw error(.unterminatedTag(elementName), at: tagStart) }
            let quote = b[p]
            guard quote == 0x22 || quote == 0x27 else {
                throw error(.malformedAttribute("the value of \(attributeName) in <\(elementName)> is not quoted"), at: p)
            }
            p += 1
            let valueStart = p
            var needsDecoding = false
            while p < n, b[p] != quote {
                let d = b[p]
                if d == 0x3C {
                    throw error(.malformedAttribute("'<' in the value of \(attributeName) in <\(elementName)> (missing closing quote?)"), at: p)
                }
                if d == 0x26 || d == 0x09 || d == 0x0A || d == 0x0D { needsDecoding = true }
                p += 1
            }
            guard p < n else { throw error(.unterminatedTag(elementName), at: tagStart) }
            let valueEnd = p
            p += 1
            for other in names where sameBytes(other, nameRange) {
                throw error(.malformedAttribute("attribute \(attributeName) repeated in <\(elementName)>"), at: attributeStart)
            }
            names.append(nameRange)
            if keep {
                let value = needsDecoding ? try decodeAttributeValue(valueStart..<valueEnd) : string(valueStart..<valueEnd)
                attributes.append(TimeMLAttribute(name: attributeName, value: value))
            } else if needsDecoding {
                _ = try decodeAttributeValue(valueStart..<valueEnd)  // still check its character references
            }
        }
    }

    /// Decodes references and normalises literal white space (tab, line end) to spaces, as XML does.
    private func decodeAttributeValue(_ range: Range<Int>) throws(TimeMLReadError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var p = range.lowerBound
        while p < range.upperBound {
            let c = b[p]
            switch c {
            case 0x26:
                let (reference, next) = try parseReference(at: p)
                switch reference {
                case .character(let scalar): ByteSupport.appendUTF8(scalar, to: &out)
                case .literalAmpersand: out.append(0x26)
                }
                p = next
                continue
            case 0x0D:
                if p + 1 < range.upperBound, b[p + 1] == 0x0A { p += 1 }
                out.append(0x20)
            case 0x09, 0x0A:
                out.append(0x20)
            default:
                out.append(c)
            }
            p += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses `&...;` at `p`; an `&` that starts no known entity is returned as a literal ampersand.
    private func parseReference(at p: Int) throws(TimeMLReadError) -> (Reference, Int) {
        var q = p + 1
        if q < n, b[q] == 0x23 {  // &#
            q += 1
            let hex = q < n && b[q] == 0x78
            if hex { q += 1 }
            var value: UInt32 = 0
            var digits = 0
            while q < n, digits <= 8 {
                let d = b[q]
                let digit: UInt32
                switch d {
                case 0x30...0x39: digit = UInt32(d - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(d - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(d - 0x41 + 10)
                default: digit = UInt32.max
                }
                if digit == UInt32.max { break }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                q += 1
            }
            guard digits > 0, digits <= 8, q < n, b[q] == 0x3B,
                  ByteSupport.isXMLCharacter(value), let scalar = Unicode.Scalar(value)
            else {
                throw error(.invalidCharacterReference(snippet(from: p)), at: p)
            }
            return (.character(scalar), q + 1)
        }
        let nameStart = q
        while q < n, q - nameStart < 8, Self.isASCIIAlphanumeric(b[q]) { q += 1 }
        if q < n, b[q] == 0x3B {
            let scalar: Unicode.Scalar?
            switch Array(b[nameStart..<q]) {
            case [0x61, 0x6D, 0x70]: scalar = "&"
            case [0x6C, 0x74]: scalar = "<"
            case [0x67, 0x74]: scalar = ">"
            case [0x71, 0x75, 0x6F, 0x74]: scalar = "\""
            case [0x61, 0x70, 0x6F, 0x73]: scalar = "'"
            default: scalar = nil
            }
            if let scalar { return (.character(scalar), q + 1) }
        }
        return (.literalAmpersand, p + 1)
    }

    // MARK: Finishing

    private mutating func finishTimex() {
        guard let pending = openTimex else { return }
        openTimex = nil
        let span = TextSpan(start: pending.startScalar, end: scalarCount)
        elements[pending.elementIndex].span = span
        let attributes = pending.attributes
        let covered = String(decoding: text[pending.startByte...], as: UTF8.self)
        let id = attributes.value(of: "tid") ?? ""
        if id.isEmpty {
            diagnostics.append(Diagnostic(.warning, .malformedInput, "TIMEX3 without tid", span: span))
        }
        let value = attributes.value(of: "value")
        if value == nil {
            diagnostics.append(Diagnostic(.warning, .malformedInput, "TIMEX3 \(id) has no value", span: span))
        }
        var modifier: TimeExpression.Modifier?
        if let mod = attributes.value(of: "mod"), !mod.isEmpty {
            modifier = TimeExpression.Modifier(rawValue: mod)
            if modifier == nil {
                diagnostics.append(Diagnostic(.warning, .malformedInput, "TIMEX3 \(id) has an unknown mod \"\(mod)\"; ignored", span: span))
            }
        }
        let frequency = attributes.value(of: "freq").flatMap { $0.isEmpty ? nil : $0 }
        let quantifier = attributes.value(of: "quant").flatMap { $0.isEmpty ? nil : $0 }
        if let anchorID = attributes.value(of: "anchorTimeID"), !anchorID.isEmpty {
            anchorRequests.append((timexes.count, anchorID))
        }
        timexes.append(TimeExpression(
            id: id, span: span, text: covered, kind: pending.kind, value: value ?? "",
            modifier: modifier, frequency: frequency, quantifier: quantifier))
    }

    private mutating func finishCreationTimeExpression() {
        let attributes = dctTimexAttributes
        creationTimeExpression = TimeMLDocument.CreationTimeExpression(
            id: attributes.value(of: "tid") ?? "",
            kind: attributes.value(of: "type").flatMap(TimeExpression.Kind.init(rawValue:)),
            value: attributes.value(of: "value") ?? "",
            text: String(decoding: dctTimexBytes ?? [], as: UTF8.self),
            attributes: attributes)
        dctTimexBytes = nil
    }

    private mutating func finish() throws(TimeMLReadError) -> TimeMLDocument {
        if let top = stack.last {
            throw error(.unclosedElement(string(top.nameStart..<top.nameEnd)), at: top.tagOffset)
        }
        if textState == .before { throw error(.missingText, at: n) }

        var creationTime: CreationTime?
        if let expression = creationTimeExpression {
            creationTime = CreationTime(parsing: expression.value, source: .given)
            if creationTime == nil {
                diagnostics.append(Diagnostic(
                    .warning, .malformedInput,
                    "the DCT value \"\(expression.value)\" is not a date or date-time; the document has no creation time"))
            }
        } else if seenDCT {
            diagnostics.append(Diagnostic(.warning, .malformedInput, "the DCT has no TIMEX3; the document has no creation time"))
        }

        if !anchorRequests.isEmpty {
            var valueByID: [String: String] = [:]
            for timex in timexes where valueByID[timex.id] == nil { valueByID[timex.id] = timex.value }
            for (index, anchorID) in anchorRequests {
                if let expression = creationTimeExpression, expression.id == anchorID {
                    timexes[index].anchor = .creationTime(expression.value)
                } else if let value = valueByID[anchorID] {
                    timexes[index].anchor = .expression(id: anchorID, value: value)
                } else {
                    timexes[index].anchor = .expression(id: anchorID, value: "")
                    diagnostics.append(Diagnostic(
                        .warning, .malformedInput, "anchorTimeID \(anchorID) of \(timexes[index].id) names no TIMEX3",
                        span: timexes[index].span))
                }
            }
        }

        let id = docid.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID
        let documentText = String(decoding: text, as: UTF8.self)
        var resolver = TimeMLAnnotationResolver(
            elements: elements, timeExpressions: timexes, creationTimeID: creationTimeExpression?.id, text: documentText)
        let (events, relations) = resolver.resolve()
        return TimeMLDocument(
            id: id, creationTime: creationTime, creationTimeExpression: creationTimeExpression,
            text: documentText, timeExpressions: timexes, events: events, relations: relations, elements: elements,
            diagnostics: diagnostics + resolver.diagnostics)
    }

    // MARK: Byte helpers

    private func error(_ reason: TimeMLReadError.Reason, at offset: Int) -> TimeMLReadError {
        let (line, column) = ByteSupport.lineAndColumn(of: offset, in: b)
        return TimeMLReadError(reason, byteOffset: offset, line: line, column: column)
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
    }

    private func equals(_ literal: [UInt8], _ range: Range<Int>) -> Bool {
        guard literal.count == range.count else { return false }
        var i = range.lowerBound
        for c in literal {
            if b[i] != c { return false }
            i += 1
        }
        return true
    }

    private func sameBytes(_ a: Range<Int>, _ c: Range<Int>) -> Bool {
        guard a.count == c.count else { return false }
        var i = a.lowerBound, j = c.lowerBound
        while i < a.upperBound {
            if b[i] != b[j] { return false }
            i += 1
            j += 1
        }
        return true
    }

    private func hasPrefix(_ literal: StaticString, at p: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard p + count <= n else { return false }
        return literal.withUTF8Buffer { prefix in
            for i in 0..<count where b[p + i] != prefix[i] { return false }
            return true
        }
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        return literal.withUTF8Buffer { needle -> Int? in
            let first = needle[0]
            var p = start
            while p + count <= n {
                if b[p] == first {
                    var i = 1
                    while i < count, b[p + i] == needle[i] { i += 1 }
                    if i == count { return p }
                }
                p += 1
            }
            return nil
        }
    }

    private func snippet(from p: Int) -> String {
        var q = p
        while q < n, q - p < 12, !Self.isSpace(b[q]), b[q] != 0x3C { q += 1 }
        if q < n, b[q] == 0x3B { q += 1 }
        return string(p..<q)
    }

    private func describeByte(at p: Int) -> String {
        let c = b[p]
        if c >= 0x21, c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(String(c, radix: 16, uppercase: true))"
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
    }

    @inline(__always) private static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
    }

    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c == 0x3A || c >= 0x80
    }

    @inline(__always) static func isNameChar(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E
    }
}

extension [TimeMLAttribute] {
    /// The value of the first attribute with this name.
    func value(of name: String) -> String? {
        first { $0.name == name }?.value
    }
}

extension String {
    /// The string without leading and trailing XML white space (space, tab, line feed, carriage return).
    func trimmingXMLSpace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let c = scalars.first, c == " " || c == "\t" || c == "\n" || c == "\r" { scalars = scalars.dropFirst() }
        while let c = scalars.last, c == " " || c == "\t" || c == "\n" || c == "\r" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
