import Chronicle
import Foundation

/// The built-in example of `chronicle example` (and `chronicle tag --example`): a short news story
/// and the day it was written.
enum ExampleStory {
    /// The name of the example in messages and its document id.
    static let name = "example"

    /// The story's headline (its first line).
    static let headline = "Reality star defends her magazine interview"

    /// The day the story was written.
    static let creationTime = CreationTime(date: CalendarDate(year: 2015, month: 10, day: 29)!)

    /// The first line of `chronicle example`.
    static let title = "Chronicle example: a news story written on Thursday 2015-10-29 (its document creation time, DCT)."

    /// The last lines of `chronicle example`: what to try next.
    static var footer: [String] {
        // Inside a package checkout (`swift run chronicle example`), suggest commands that work there.
        let command = Bundle.main.executablePath?.contains("/.build") == true ? "swift run chronicle" : "chronicle"
        return [
            "Relative expressions (\"Tuesday\", \"last week\", \"next Friday\") are resolved against the DCT and the tense.",
            "",
            "Next steps:",
            "  echo 'She said on Friday that she would resign.' | \(command) tag --dct 2015-10-29",
            "  \(command) tag --example --format json        (or --format timeml)",
            "  \(command) timeline ../shared/stories/seed-khloe-odom.txt --dct 2015-10-29   (or --format json|html)",
            "  \(command) tag --help",
        ]
    }

    static let text = """
        Reality star defends her magazine interview
        By a staff writer

        Khloé Kardashian said on Wednesday, Oct. 28, that most of her People interview was recorded before \
        Lamar Odom was found unconscious on Oct. 13. The cover shoot took place two weeks earlier, and the \
        quotes about his hospitalization were added later because her contract required them. Reports that \
        the family filmed at the hospital last week were denied by a spokesman on Tuesday. The magazine's \
        next issue goes on sale next Friday, and a follow-up interview is planned for early 2016.

        """
}

/// Shows a tagged document for people: the text, then its time expressions in aligned columns.
///
/// ```
///   span      type  value       mod    text
///   88-106    DATE  2015-10-28         Wednesday, Oct. 28
/// ```
struct TableRenderer {
    /// The width the text is wrapped to.
    var width = 100

    func render(_ document: Document, title: String, footer: [String] = []) -> String {
        var lines = [title, ""]
        for paragraph in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrap(paragraph, width: width - 4).map { $0.isEmpty ? "" : "    " + $0 }
        }
        if lines.last == "" { lines.removeLast() }
        let count = document.timeExpressions.count
        lines += ["", "\(count) time expression\(count == 1 ? "" : "s") (spans are Unicode scalar offsets into the text):", ""]
        lines += table(document.timeExpressions)
        if !document.diagnostics.isEmpty {
            lines.append("")
            lines += document.diagnostics.map { "\($0.severity.rawValue): \($0.message)" }
        }
        if !footer.isEmpty { lines += [""] + footer }
        return lines.joined(separator: "\n") + "\n"
    }

    private func table(_ expressions: [TimeExpression]) -> [String] {
        let rows = [["span", "type", "value", "mod", "text"]] + expressions.map { expression in
            ["\(expression.span.start)-\(expression.span.end)", expression.kind.rawValue, expression.value,
             expression.modifier?.rawValue ?? "", String(expression.text.map { $0.isWhitespace ? " " : $0 })]
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            let padded = (0..<4).map { row[$0] + String(repeating: " ", count: widths[$0] + 2 - row[$0].count) }
            return "  " + padded.joined() + row[4]
        }
    }

    /// The words of `paragraph` in lines of at most `width` characters (a longer word gets a line of its own).
    private func wrap(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        lines.append(line)
        return lines
    }
}
