import ChronicleCore

/// Reduces a news web page to the text of its article, with its title and publication date.
///
/// ```swift
/// let page = HTMLArticleText.reduce(Array(html.utf8))
/// print(page.title ?? "-", page.publicationDate ?? "-")
/// print(page.text)  // paragraphs separated by a blank line
/// ```
///
/// What is kept:
/// - Dropped with their content: `script`, `style`, `noscript`, `template`, `iframe`, `svg`, `math`, `select`,
///   `button`, `textarea`, media, comments, CDATA sections, declarations, processing instructions, and elements that
///   are `hidden` or `aria-hidden="true"`.
/// - Page furniture is dropped too: `nav`, `header`, `footer`, `aside`, `form`, elements whose ARIA role is one of
///   navigation, banner, contentinfo, complementary, search or menu, and elements whose `class` or `id` has a word
///   such as "ad", "related", "share" or "newsletter" (``HTMLTags/furnitureWords``) — unless the element holds the
///   article (an `article`, `main` or `itemprop="articleBody"` inside it, or three paragraphs and 500 bytes of
///   paragraph text), which keeps a page wrapped whole in a `form` or an unclosed `header` readable.
/// - The article is the element marked `itemprop="articleBody"`, else the `article`, else the `main` (or
///   `role="main"`) with the most paragraph text, provided it holds at least a third of the page's paragraph text;
///   else the element whose paragraphs (`p`), counting half of those of its children, have the most text, under
///   the same proviso; else the whole page's text.
/// - Block elements (`p`, `div`, `br`, `li`, `h1`–`h6`, `tr`, `blockquote`, ...) break paragraphs: paragraphs are
///   separated by a blank line, and white space within a paragraph is one space (no-break spaces included). Table
///   cells are separated by a space.
/// - Character references are decoded: the HTML 4 named entities and `&apos;` (``HTMLEntities``), decimal and
///   hexadecimal references (128–159 as Windows-1252). An unknown or invalid reference is kept as written.
///
/// The title is `<meta property="og:title">`, else the first `h1` (unless it is over 500 bytes long), else
/// `<title>` (which often carries the site's name). The publication date is returned as the page gives it, from the first of:
/// `<meta property="article:published_time">`, an element with `itemprop="datePublished"` (its `content` or
/// `datetime`), JSON-LD `"datePublished"`, `<time pubdate datetime>`, `<meta name="pubdate">` and similar names,
/// the first `<time datetime>`.
///
/// Malformed HTML never fails: unclosed elements close at the end, stray `<` and `&` are text, end tags without
/// an open element are ignored, a `>` inside a quoted attribute value does not end the tag, tag and attribute
/// names are read without case. An unterminated comment, tag or script runs to the end of the page, as in a
/// browser, with a warning. Invalid UTF-8 is replaced with U+FFFD with a warning, except in a page that declares
/// `charset=iso-8859-1` or `windows-1252`, which is read as Windows-1252. The work is linear in the size of the
/// page, whatever its nesting (100,000 nested `div`s are fine).
public enum HTMLArticleText {
    /// What a page reduces to.
    public struct Result: Hashable, Sendable {
        /// The article's text: paragraphs separated by a blank line, no white space at either end.
        public var text: String
        /// The page's title, if it has one.
        public var title: String?
        /// The publication date as the page writes it (`2015-10-29T14:30:00-07:00`), if it gives one.
        public var publicationDate: String?
        /// Problems met in the page (`malformed-input` warnings): invalid UTF-8, unterminated markup.
        public var warnings: [Diagnostic]

        /// Creates a result.
        public init(text: String, title: String?, publicationDate: String?, warnings: [Diagnostic]) {
            self.text = text
            self.title = title
            self.publicationDate = publicationDate
            self.warnings = warnings
        }
    }

    /// The article text, title and publication date of an HTML page.
    public static func reduce(_ html: [UInt8]) -> Result {
        var messages: [String] = []
        var bytes = PlainTextReader.hasByteOrderMark(html) ? Array(html.dropFirst(3)) : html
        bytes = repairedUTF8(bytes, messages: &messages)
        return bytes.withUnsafeBufferPointer { buffer in
            var reducer = HTMLReducer(buffer)
            reducer.run()
            let text = reducer.text
            let range = articleRange(reducer) ?? 0..<text.bytes.count
            let metadata = reducer.metadata
            // A heading longer than a title can be (an unclosed h1 holding the page) is not taken for one.
            let title = [metadata.openGraphTitle, metadata.heading, metadata.title].compactMap { $0 }.first { !$0.isEmpty && $0.utf8.count <= 500 }
            let warnings = (messages + reducer.warnings).map { Diagnostic(.warning, .malformedInput, $0) }
            return Result(text: text.trimmed(range), title: title, publicationDate: metadata.published, warnings: warnings)
        }
    }

    /// Whether bytes look like an HTML page rather than plain text or TimeML: they start (after white space and a
    /// byte-order mark) with `<!DOCTYPE html`, `<html`, `<head`, `<body` or an HTML comment, or their first 1,024
    /// bytes have at least two tags of common HTML elements (`<p>`, `<div`, `<br>`, `<article`, ...).
    public static func looksLikeHTML(_ bytes: some Collection<UInt8>) -> Bool {
        let start = Array(bytes.prefix(1027).drop { HTMLReducer.isSpace($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).map(HTMLReducer.lowercased)
        for opening in ["<!doctype html", "<html", "<head", "<body", "<!--"] where start.starts(with: opening.utf8) { return true }
        var tags = 0
        var i = 0
        while i < start.count {
            if start[i] == UInt8(ascii: "<") {
                var j = i + 1
                if j < start.count, start[j] == UInt8(ascii: "/") { j += 1 }
                var name: [UInt8] = []
                while j < start.count, HTMLEntities.isAlphanumeric(start[j]), name.count < 12 { name.append(start[j]); j += 1 }
                if j < start.count, HTMLReducer.isSpace(start[j]) || start[j] == UInt8(ascii: ">") || start[j] == UInt8(ascii: "/"),
                   commonTags.contains(name) {
                    tags += 1
                    if tags >= 2 { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// The elements whose tags make text look like HTML.
    private static let commonTags: Set<[UInt8]> = Set([
        "p", "div", "br", "span", "a", "article", "section", "h1", "h2", "h3", "title", "meta", "ul", "li", "table", "em", "strong", "b", "i",
    ].map { Array($0.utf8) })

    /// The range of the reducer's text that is the article (see the type's documentation), `nil` for the whole text.
    private static func articleRange(_ reducer: HTMLReducer) -> Range<Int>? {
        let total = reducer.paragraphText
        func holdsEnough(_ candidate: HTMLReducer.Candidate) -> Bool {
            candidate.paragraphText * 3 >= total && !candidate.range.isEmpty
        }
        for candidates in [reducer.articleBodies, reducer.articles, reducer.mains] {
            var best: HTMLReducer.Candidate?
            for candidate in candidates where best.map({ candidate.paragraphText > $0.paragraphText }) ?? true { best = candidate }
            if let best, holdsEnough(best) { return best.range }
        }
        var best: HTMLReducer.Candidate?
        for candidate in reducer.parents where best.map({ candidate.score > $0.score }) ?? true { best = candidate }
        if let best, holdsEnough(best) { return best.range }
        return nil
    }

    /// The bytes as valid UTF-8: a page declared as ISO-8859-1 or Windows-1252 is converted from Windows-1252;
    /// otherwise each invalid sequence becomes U+FFFD. NUL bytes are noted (the reducer reads them as spaces).
    private static func repairedUTF8(_ bytes: [UInt8], messages: inout [String]) -> [UInt8] {
        if let nul = bytes.firstIndex(of: 0) {
            let count = bytes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            messages.append("\(count) NUL byte\(count == 1 ? "" : "s") (the first at byte \(nul)) read as spaces")
        }
        let problem = bytes.withUnsafeBufferPointer { ByteSupport.firstProblem(in: $0, allowingControlCharacters: true) }
        guard case .invalidUTF8(let offset)? = problem else { return bytes }
        if let charset = declaredCharset(bytes), ["iso-8859-1", "latin1", "iso8859-1", "windows-1252", "cp1252", "us-ascii"].contains(charset) {
            messages.append("the page is not UTF-8 (byte \(offset)) and declares charset=\(charset): read as Windows-1252")
            var converted: [UInt8] = []
            converted.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                if byte < 0x80 { converted.append(byte) } else if let scalar = Unicode.Scalar(HTMLEntities.windows1252Scalar(byte)) {
                    ByteSupport.appendUTF8(scalar, to: &converted)
                }
            }
            return converted
        }
        let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
        func replacements(_ bytes: [UInt8]) -> Int {
            var count = 0, i = 0
            while i + 2 < bytes.count {
                if bytes[i] == 0xEF, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBD { count += 1; i += 3 } else { i += 1 }
            }
            return count
        }
        let count = replacements(repaired) - replacements(bytes)
        messages.append("invalid UTF-8 (the first at byte \(offset)): \(count) sequence\(count == 1 ? "" : "s") replaced with U+FFFD")
        return repaired
    }

    /// The `charset=` a page declares in its first 2,048 bytes, lowercased.
    private static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(2048).map(HTMLReducer.lowercased)
        let key = Array("charset=".utf8)
        guard head.count >= key.count else { return nil }
        for i in 0...(head.count - key.count) where head[i..<(i + key.count)].elementsEqual(key) {
            var j = i + key.count
            while j < head.count, head[j] == UInt8(ascii: "\"") || head[j] == UInt8(ascii: "'") || HTMLReducer.isSpace(head[j]) { j += 1 }
            let start = j
            while j < head.count, HTMLEntities.isAlphanumeric(head[j]) || head[j] == UInt8(ascii: "-") || head[j] == UInt8(ascii: "_") { j += 1 }
            return String(decoding: head[start..<j], as: UTF8.self)
        }
        return nil
    }
}
