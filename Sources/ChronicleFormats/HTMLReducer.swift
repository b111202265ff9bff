/// The single pass of ``HTMLArticleText/reduce(_:)`` over a page's bytes (valid UTF-8 by then): a tokenizer and
/// a stack of open elements, with HTML's common implied end tags, collecting the text of everything that is not
/// dropped and the stretches of it that are candidates for the article.
///
/// Every byte is looked at a bounded number of times: tags and text once; an end tag pops at most the elements
/// above its match, each pushed once; a search for an element to close implicitly looks at most
/// ``impliedEndSearchDepth`` elements down; the text of page furniture is removed at most once. The stack is an
/// array, so no nesting depth can overflow the call stack.
struct HTMLReducer {
    /// A stretch of the collected text that may be the article.
    struct Candidate {
        var range: Range<Int>
        /// The text of the paragraphs (`p`) inside it.
        var paragraphText: Int
        /// Its paragraph text plus half that of its children (a page splits an article's paragraphs over sibling
        /// `div`s): what picks the article when no element says where it is.
        var score: Int
    }

    private struct OpenElement {
        var id: Int
        var flags: HTMLTagFlags
        var start: Int
        /// The text of its own `p` children, and half that of its children's.
        var directParagraphText = 0
        var childParagraphText = 0
        var paragraphText = 0
        var paragraphs = 0
        var holdsArticle = false
        /// The sizes of the candidate lists when it opened (what furniture that is dropped takes back).
        var marks: (Int, Int, Int, Int)
    }

    /// How far down the stack a start tag looks for an element it closes implicitly (`<p>` after `<p>`).
    static let impliedEndSearchDepth = 16

    private let input: UnsafeBufferPointer<UInt8>
    private(set) var text = HTMLTextSink()
    private var stack: [OpenElement] = []
    private var names = HTMLTags.ids
    private var flagsByID = HTMLTags.flags
    private var openCounts = [Int](repeating: 0, count: HTMLTags.known.count)
    private var droppedDepth = 0
    private var scratch: [UInt8] = []
    /// The stack index of the first `h1` while it is open.
    private var openHeading: Int?

    private(set) var warnings: [String] = []
    private(set) var articleBodies: [Candidate] = []
    private(set) var articles: [Candidate] = []
    private(set) var mains: [Candidate] = []
    private(set) var parents: [Candidate] = []
    /// The paragraph text of the whole page (furniture that was dropped left out).
    private(set) var paragraphText = 0
    private(set) var metadata = HTMLMetadata()

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        text.bytes.reserveCapacity(input.count / 2)
    }

    mutating func run() {
        let n = input.count
        var i = 0
        while i < n {
            if droppedDepth == 0 {
                i = text.appendText(input, from: i, to: n, stoppingAtTag: true)
            } else {
                while i < n, input[i] != UInt8(ascii: "<") { i += 1 }
            }
            if i < n { i = markup(at: i) }
        }
        while !stack.isEmpty { pop() }
    }

    // MARK: Markup

    /// Reads the markup at `i` (a `<`); returns the index after it.
    private mutating func markup(at i: Int) -> Int {
        let n = input.count
        guard i + 1 < n else { return literalLessThan(at: i) }
        let next = input[i + 1]
        if Self.isLetter(next) { return startTag(at: i) }
        switch next {
        case UInt8(ascii: "/"):
            if i + 2 < n, Self.isLetter(input[i + 2]) { return endTag(at: i) }
            if i + 2 < n, input[i + 2] == UInt8(ascii: ">") { return i + 3 }
            return literalLessThan(at: i)
        case UInt8(ascii: "!"):
            if matches("<!--", at: i) {
                if matches("<!-->", at: i) { return i + 5 }
                if matches("<!--->", at: i) { return i + 6 }
                return skip(past: "-->", from: i + 4, what: "a comment", at: i)
            }
            if matches("<![CDATA[", at: i) { return skip(past: "]]>", from: i + 9, what: "a CDATA section", at: i) }
            return skip(past: ">", from: i + 2, what: "a declaration", at: i)
        case UInt8(ascii: "?"):
            return skip(past: ">", from: i + 2, what: "a processing instruction", at: i)
        default:
            return literalLessThan(at: i)
        }
    }

    /// A `<` that starts no markup ("a < b"): text.
    private mutating func literalLessThan(at i: Int) -> Int {
        if droppedDepth == 0 { text.append(byte: UInt8(ascii: "<")) }
        return i + 1
    }

    private mutating func startTag(at tagStart: Int) -> Int {
        var j = readName(from: tagStart + 1)
        let id = intern()
        var attributes = HTMLAttributes()
        guard let (end, selfClosing) = scanAttributes(from: &j, into: &attributes) else { return unterminatedTag(at: tagStart) }
        var flags = flagsByID[id]
        metadata.note(tag: id, attributes, in: input, droppedDepth: droppedDepth)
        if flags.contains(.rawText) { return rawText(id: id, flags: flags, attributes: attributes, contentStart: end) }
        if flags.contains(.void) {
            if flags.contains(.block) { closeParagraphIfNeeded(flags); text.paragraphBreak() }
            return end
        }
        flags.formUnion(attributes.flags(in: input))
        if flags.contains(.closesParagraph), openCounts[HTMLTags.p] > 0 {
            closeImplied(matching: { $0 == HTMLTags.p }, stoppingAt: { $0.contains(.scopeBoundary) })
        }
        switch id {
        case HTMLTags.li:
            closeImplied(matching: { $0 == HTMLTags.li }, stoppingAt: { !$0.isDisjoint(with: [.list, .scopeBoundary]) })
        case HTMLTags.dd, HTMLTags.dt:
            closeImplied(matching: { $0 == HTMLTags.dd || $0 == HTMLTags.dt }, stoppingAt: { !$0.isDisjoint(with: [.list, .scopeBoundary]) })
        case HTMLTags.td, HTMLTags.th:
            closeImplied(matching: { $0 == HTMLTags.td || $0 == HTMLTags.th }, stoppingAt: { $0.contains(.scopeBoundary) || $0.contains(.block) })
        case HTMLTags.tr:
            closeImplied(matching: { $0 == HTMLTags.tr }, stoppingAt: { $0.contains(.scopeBoundary) && !$0.contains(.cell) })
        default:
            if flags.contains(.heading), let top = stack.last, top.flags.contains(.heading) { pop() }
        }
        if flags.contains(.block) { text.paragraphBreak() } else if flags.contains(.cell) { text.space() }
        // "<div/>": HTML ignores the slash on a non-void element, but a page that writes it means an empty element.
        if selfClosing { return end }
        stack.append(OpenElement(id: id, flags: flags, start: text.bytes.count,
                                 marks: (articleBodies.count, articles.count, mains.count, parents.count)))
        openCounts[id] += 1
        if flags.contains(.dropped) { droppedDepth += 1 }
        if id == HTMLTags.h1, metadata.heading == nil, openHeading == nil, droppedDepth == 0 { openHeading = stack.count - 1 }
        return end
    }

    /// A void block element (`<hr>`) also closes an open paragraph.
    private mutating func closeParagraphIfNeeded(_ flags: HTMLTagFlags) {
        guard flags.contains(.closesParagraph), openCounts[HTMLTags.p] > 0 else { return }
        closeImplied(matching: { $0 == HTMLTags.p }, stoppingAt: { $0.contains(.scopeBoundary) })
    }

    private mutating func endTag(at tagStart: Int) -> Int {
        var j = readName(from: tagStart + 2)
        let id = names[scratch]
        var ignored = HTMLAttributes()
        guard let (end, _) = scanAttributes(from: &j, into: &ignored) else { return unterminatedTag(at: tagStart) }
        guard let id, openCounts[id] > 0 else {
            // "</p>" with no open paragraph and "</br>" still break the text, as browsers have it.
            if id == HTMLTags.p || id == HTMLTags.br { text.paragraphBreak() }
            return end
        }
        while let top = stack.last {
            pop()
            if top.id == id { break }
        }
        return end
    }

    /// Closes the nearest open element `matching` within ``impliedEndSearchDepth`` of the top, unless an element
    /// the search stops at comes first.
    private mutating func closeImplied(matching: (Int) -> Bool, stoppingAt: (HTMLTagFlags) -> Bool) {
        var index = stack.count - 1
        let lowest = max(0, stack.count - Self.impliedEndSearchDepth)
        while index >= lowest {
            if matching(stack[index].id) {
                while stack.count > index { pop() }
                return
            }
            if stoppingAt(stack[index].flags) { return }
            index -= 1
        }
    }

    /// Closes the top element: records it as a candidate, or, for page furniture that does not hold the article,
    /// takes its text back.
    private mutating func pop() {
        var element = stack.removeLast()
        openCounts[element.id] -= 1
        if element.flags.contains(.dropped) { droppedDepth -= 1 }
        let end = text.bytes.count
        if openHeading == stack.count {
            metadata.heading = text.oneLine(element.start..<end)
            openHeading = nil
        }
        if element.flags.contains(.furniture), !element.holdsArticle, element.paragraphs < 3 || element.paragraphText < 500 {
            text.truncate(to: element.start)
            articleBodies.removeSubrange(element.marks.0...)
            articles.removeSubrange(element.marks.1...)
            mains.removeSubrange(element.marks.2...)
            parents.removeSubrange(element.marks.3...)
            return
        }
        let length = end - element.start
        if element.id == HTMLTags.p {
            element.paragraphText += length
            element.paragraphs += 1
        }
        let candidate = Candidate(range: element.start..<end, paragraphText: element.paragraphText,
                                  score: element.directParagraphText + element.childParagraphText / 2)
        if candidate.score > 0 { parents.append(candidate) }
        if element.flags.contains(.articleBody) { articleBodies.append(candidate) }
        if element.flags.contains(.article) { articles.append(candidate) }
        if element.flags.contains(.main) { mains.append(candidate) }
        if element.flags.contains(.block) { text.paragraphBreak() } else if element.flags.contains(.cell) { text.space() }
        guard !stack.isEmpty else {
            paragraphText += element.paragraphText
            return
        }
        let parent = stack.count - 1
        stack[parent].paragraphText += element.paragraphText
        stack[parent].paragraphs += element.paragraphs
        stack[parent].childParagraphText += element.directParagraphText
        if element.id == HTMLTags.p { stack[parent].directParagraphText += length }
        if element.holdsArticle || !element.flags.isDisjoint(with: [.article, .main, .articleBody]) { stack[parent].holdsArticle = true }
    }

    /// The content of a raw-text element (`script`, `style`, `title`, `textarea`) up to its end tag.
    private mutating func rawText(id: Int, flags: HTMLTagFlags, attributes: HTMLAttributes, contentStart: Int) -> Int {
        let n = input.count
        var contentEnd = n, next = n
        if id != HTMLTags.plaintext {
            if let endTag = findEndTag(from: contentStart) {
                contentEnd = endTag
                var j = endTag + 2
                while j < n, input[j] != UInt8(ascii: ">") { j += 1 }
                next = min(j + 1, n)
            } else {
                warnings.append("<\(String(decoding: scratch, as: UTF8.self))> at byte \(contentStart) is never closed: the rest of the page (\(n - contentStart) bytes) is read as its content")
            }
        }
        if droppedDepth == 0 {
            if id == HTMLTags.title, metadata.title == nil {
                var sink = HTMLTextSink()
                _ = sink.appendText(input, from: contentStart, to: contentEnd, stoppingAtTag: false)
                metadata.title = sink.oneLine(0..<sink.bytes.count)
            } else if id == HTMLTags.script, attributes.isJSONLD(in: input) {
                metadata.noteJSONLD(input, contentStart..<contentEnd)
            }
        }
        return next
    }

    /// The start of the end tag of the raw-text element named `scratch` at or after `start` (case-insensitive).
    private func findEndTag(from start: Int) -> Int? {
        let n = input.count
        var i = start
        while i + 1 < n {
            if input[i] == UInt8(ascii: "<"), input[i + 1] == UInt8(ascii: "/") {
                var k = 0
                while k < scratch.count, i + 2 + k < n, Self.lowercased(input[i + 2 + k]) == scratch[k] { k += 1 }
                let after = i + 2 + k
                if k == scratch.count, after >= n || Self.isSpace(input[after]) || input[after] == UInt8(ascii: ">") || input[after] == UInt8(ascii: "/") {
                    return i
                }
            }
            i += 1
        }
        return nil
    }

    // MARK: Pieces

    /// Reads a tag name into `scratch`, lowercased; returns the index after it.
    private mutating func readName(from start: Int) -> Int {
        scratch.removeAll(keepingCapacity: true)
        var j = start
        let n = input.count
        while j < n {
            let byte = input[j]
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            scratch.append(Self.lowercased(byte))
            j += 1
        }
        return j
    }

    /// The id of the name in `scratch`, giving a new name the next id.
    private mutating func intern() -> Int {
        if let id = names[scratch] { return id }
        let id = flagsByID.count
        names[scratch] = id
        flagsByID.append([])
        openCounts.append(0)
        return id
    }

    /// Reads attributes from `j` to the `>` that ends the tag (a `>` inside a quoted value does not); returns the
    /// index after the tag and whether it ends in `/>`, or `nil` when the input ends first.
    private func scanAttributes(from j: inout Int, into attributes: inout HTMLAttributes) -> (Int, Bool)? {
        let n = input.count
        var selfClosing = false
        while true {
            while j < n, Self.isSpace(input[j]) || input[j] == UInt8(ascii: "/") {
                selfClosing = input[j] == UInt8(ascii: "/") && j + 1 < n && input[j + 1] == UInt8(ascii: ">")
                j += 1
            }
            guard j < n else { return nil }
            if input[j] == UInt8(ascii: ">") { return (j + 1, selfClosing) }
            selfClosing = false
            let nameStart = j
            j += 1
            while j < n, !Self.isSpace(input[j]), input[j] != UInt8(ascii: "/"), input[j] != UInt8(ascii: ">"), input[j] != UInt8(ascii: "=") { j += 1 }
            let nameEnd = j
            while j < n, Self.isSpace(input[j]) { j += 1 }
            var value: Range<Int>?
            if j < n, input[j] == UInt8(ascii: "=") {
                j += 1
                while j < n, Self.isSpace(input[j]) { j += 1 }
                guard j < n else { return nil }
                if input[j] == UInt8(ascii: "\"") || input[j] == UInt8(ascii: "'") {
                    let quote = input[j]
                    j += 1
                    let valueStart = j
                    while j < n, input[j] != quote { j += 1 }
                    guard j < n else { return nil }
                    value = valueStart..<j
                    j += 1
                } else {
                    let valueStart = j
                    while j < n, !Self.isSpace(input[j]), input[j] != UInt8(ascii: ">") { j += 1 }
                    value = valueStart..<j
                }
            }
            attributes.record(name: nameStart..<nameEnd, value: value, in: input)
        }
    }

    private mutating func unterminatedTag(at start: Int) -> Int {
        warnings.append("the tag at byte \(start) has no closing '>': the rest of the page (\(input.count - start) bytes) is ignored")
        return input.count
    }

    /// Skips past `terminator`, searching from `from`; at the end of the input with a warning when it is missing.
    private mutating func skip(past terminator: StaticString, from: Int, what: String, at start: Int) -> Int {
        var i = from
        let n = input.count
        while i < n {
            if input[i] == terminator.utf8Start.pointee, matches(terminator, at: i) { return i + terminator.utf8CodeUnitCount }
            i += 1
        }
        warnings.append("\(what) at byte \(start) is never closed: the rest of the page (\(n - start) bytes) is ignored")
        return n
    }

    /// Whether the input at `i` starts with `literal` (ASCII letters compared without case).
    private func matches(_ literal: StaticString, at i: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= input.count else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where Self.lowercased(input[i + k]) != Self.lowercased(pointer[k]) { return false }
        return true
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
