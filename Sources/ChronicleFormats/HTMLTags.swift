/// What the article-text reducer needs to know about an HTML element (see ``HTMLArticleText``).
struct HTMLTagFlags: OptionSet, Hashable, Sendable {
    let rawValue: UInt32

    /// Never has content or an end tag (`br`, `img`, `meta`).
    static let void = HTMLTagFlags(rawValue: 1 << 0)
    /// Starts and ends a paragraph of the text.
    static let block = HTMLTagFlags(rawValue: 1 << 1)
    /// A table cell: separates words.
    static let cell = HTMLTagFlags(rawValue: 1 << 2)
    /// Its content is raw text up to its end tag, not markup (`script`, `style`, `title`); dropped, except `title`.
    static let rawText = HTMLTagFlags(rawValue: 1 << 3)
    /// Its content is parsed but never text of the article (`template`, `svg`, `select`).
    static let dropped = HTMLTagFlags(rawValue: 1 << 4)
    /// Page furniture (`nav`, `header`, `footer`, `aside`, `form`): dropped unless it turns out to hold the article.
    static let furniture = HTMLTagFlags(rawValue: 1 << 5)
    /// Its start tag closes an open `p` (HTML's implied end tags).
    static let closesParagraph = HTMLTagFlags(rawValue: 1 << 6)
    /// Where a search for an open element to close implicitly stops (`table`, `td`, `button`).
    static let scopeBoundary = HTMLTagFlags(rawValue: 1 << 7)
    static let article = HTMLTagFlags(rawValue: 1 << 8)
    static let main = HTMLTagFlags(rawValue: 1 << 9)
    /// A list (`ul`, `ol`, `dl`): where the search for an open `li` stops.
    static let list = HTMLTagFlags(rawValue: 1 << 10)
    /// `h1` to `h6`.
    static let heading = HTMLTagFlags(rawValue: 1 << 11)
    /// The article body a page marks with `itemprop="articleBody"` (set from the attribute).
    static let articleBody = HTMLTagFlags(rawValue: 1 << 12)
    /// Its raw text is kept through entity decoding (`title`, `textarea`), not skipped verbatim.
    static let escapableRawText = HTMLTagFlags(rawValue: 1 << 13)
}

/// The HTML elements the reducer treats specially, with their flags; every other element is inline text.
enum HTMLTags {
    /// Ids of the elements the reducer looks for by name: the index of the name in ``known``.
    static let p = 0, h1 = 1, title = 2, script = 3, li = 4, dd = 5, dt = 6, td = 7, th = 8, tr = 9, meta = 10, time = 11
    static let svg = 12, plaintext = 13, br = 14

    /// The elements with their flags, the ones above first in that order.
    static let known: [(name: String, flags: HTMLTagFlags)] = {
        let breaking: HTMLTagFlags = [.block, .closesParagraph]
        var tags: [(String, HTMLTagFlags)] = [
            ("p", breaking), ("h1", breaking.union(.heading)), ("title", [.rawText, .escapableRawText]), ("script", .rawText),
            ("li", breaking), ("dd", breaking), ("dt", breaking), ("td", [.cell, .scopeBoundary]), ("th", [.cell, .scopeBoundary]),
            ("tr", .block), ("meta", .void), ("time", []), ("svg", [.dropped, .scopeBoundary]), ("plaintext", .rawText),
            ("br", [.void, .block]),
        ]
        for heading in ["h2", "h3", "h4", "h5", "h6"] { tags.append((heading, breaking.union(.heading))) }
        for name in ["address", "blockquote", "center", "details", "dialog", "dir", "div", "fieldset", "figcaption", "figure",
                     "hgroup", "menu", "pre", "section", "summary", "legend"] {
            tags.append((name, breaking))
        }
        for name in ["ul", "ol", "dl"] { tags.append((name, breaking.union(.list))) }
        for name in ["nav", "header", "footer", "aside", "form"] { tags.append((name, breaking.union(.furniture))) }
        tags.append(("article", breaking.union(.article)))
        tags.append(("main", breaking.union(.main)))
        tags.append(("hr", [.void, .block, .closesParagraph]))
        tags.append(("table", [.block, .closesParagraph, .scopeBoundary]))
        for name in ["caption", "tbody", "thead", "tfoot", "body", "html", "option", "optgroup"] { tags.append((name, .block)) }
        for name in ["area", "base", "col", "embed", "img", "input", "keygen", "link", "param", "source", "track", "wbr"] {
            tags.append((name, .void))
        }
        for name in ["style", "noscript", "iframe", "noembed", "noframes", "xmp"] { tags.append((name, .rawText)) }
        tags.append(("textarea", [.rawText, .escapableRawText]))
        for name in ["template", "math", "select", "button", "canvas", "audio", "video", "object", "datalist"] {
            tags.append((name, [.dropped, .scopeBoundary, .block]))
        }
        return tags
    }()

    /// The ids of ``known`` by name.
    static let ids: [[UInt8]: Int] = Dictionary(known.enumerated().map { (Array($0.element.name.utf8), $0.offset) }, uniquingKeysWith: { a, _ in a })

    /// The flags of ``known`` by id.
    static let flags: [HTMLTagFlags] = known.map(\.flags)

    /// Words of a `class` or `id` that mark page furniture rather than the article ("ad-slot", "related-links",
    /// "share-buttons"), compared whole after splitting on anything but letters and digits.
    static let furnitureWords: Set<[UInt8]> = Set([
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored", "promo", "newsletter",
        "related", "share", "sharing", "social", "cookie", "cookies", "subscribe", "subscription", "comments", "breadcrumb",
        "breadcrumbs", "sidebar", "navbar", "menu", "masthead", "popup", "modal", "outbrain", "taboola", "recommended",
    ].map { Array($0.utf8) })

    /// ARIA roles of page furniture.
    static let furnitureRoles: Set<[UInt8]> = Set(["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"].map { Array($0.utf8) })
}
