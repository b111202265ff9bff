import Foundation

/// The article text of a document body: HTML detected and reduced to text.
public enum ArticleText {
    /// Whether a body without a declared format is an HTML page: it starts (after white space and a byte-order
    /// mark) with a doctype, an `<html>`, `<head>` or `<body>` tag, or an HTML comment.
    public static func looksLikeHTML(_ body: String) -> Bool {
        let start = body.unicodeScalars.drop { $0 == "\u{FEFF}" || $0.properties.isWhitespace }.prefix(15)
        let lowered = String(String.UnicodeScalarView(start)).lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<!--"].contains { lowered.hasPrefix($0) }
    }

    /// The article text of an HTML page.
    ///
    /// TODO(merge): replace this call's body with `HTMLArticleText` from ChronicleFormats (written in the
    /// exports branch); the fallback below only strips markup.
    public static func reduceHTML(_ html: String) -> String {
        MarkupStripper.text(of: html)
    }
}

/// A minimal HTML-to-text fallback until `HTMLArticleText` is merged: drops `script`, `style`, `head` and
/// comments, turns block elements into line breaks, and decodes the common entities. Linear in the input.
enum MarkupStripper {
    private static let skipped: Set<String> = ["script", "style", "head", "noscript", "template", "svg", "nav", "footer"]
    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "header",
        "ul", "ol", "table", "hr", "figure", "figcaption", "pre", "title",
    ]
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "hellip": "…", "eacute": "é",
    ]

    static func text(of html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        var skipping: String?  // the element whose content is being dropped
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                if starts(scalars, at: index, with: "<!--") {
                    index = find(scalars, "-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                    continue
                }
                let close = scalars[index...].firstIndex(of: ">") ?? scalars.count
                let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                let isEnd = tag.hasPrefix("/")
                let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
                index = close + 1
                if let element = skipping {
                    if isEnd, name == element { skipping = nil }
                    continue
                }
                if !isEnd, skipped.contains(name), !tag.hasSuffix("/") {
                    skipping = name
                } else if blocks.contains(name) {
                    out.append("\n")
                }
                continue
            }
            index += 1
            guard skipping == nil else { continue }
            if scalar == "&", let (decoded, length) = entity(scalars, at: index - 1) {
                out.append(contentsOf: decoded.unicodeScalars)
                index += length - 1
            } else {
                out.append(scalar)
            }
        }
        return tidy(String(out))
    }

    /// Collapses runs of spaces within lines and of blank lines, trims each line.
    private static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
            let joined = words.joined(separator: " ")
            if joined.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(joined)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        // Paragraphs are separated by a blank line.
        return lines.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private static func starts(_ scalars: [Unicode.Scalar], at index: Int, with prefix: String) -> Bool {
        let wanted = Array(prefix.unicodeScalars)
        return index + wanted.count <= scalars.count && Array(scalars[index..<(index + wanted.count)]) == wanted
    }

    private static func find(_ scalars: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        var index = start
        while index < scalars.count {
            if starts(scalars, at: index, with: needle) { return index }
            index += 1
        }
        return nil
    }

    /// A character reference at `index` (`&amp;`, `&#8217;`, `&#x2019;`): its text and length in scalars.
    private static func entity(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        guard let end = scalars[index..<min(scalars.count, index + 12)].firstIndex(of: ";") else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        let length = end - index + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let code = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let code, let scalar = Unicode.Scalar(code) else { return nil }
            return (String(scalar), length)
        }
        return entities[name].map { ($0, length) }
    }
}
