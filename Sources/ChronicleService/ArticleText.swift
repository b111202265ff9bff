import Chronicle
import Foundation

/// The article text of a document body: HTML reduced to text (told from plain text by
/// ``HTMLArticleText/looksLikeHTML(_:)``, as story files are).
public enum ArticleText {
    /// The article text of an HTML page (``HTMLArticleText``: scripts, navigation and page furniture dropped).
    public static func reduceHTML(_ html: String) -> String {
        HTMLArticleText.reduce(Array(html.utf8)).text
    }
}
