import Chronicle
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

    /// The article text of an HTML page (``HTMLArticleText``: scripts, navigation and page furniture dropped).
    public static func reduceHTML(_ html: String) -> String {
        HTMLArticleText.reduce(Array(html.utf8)).text
    }
}
