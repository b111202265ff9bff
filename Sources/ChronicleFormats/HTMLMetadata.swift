/// The attributes of a start tag that the article-text reducer reads, as byte ranges of the page.
struct HTMLAttributes {
    var classValue: Range<Int>?
    var idValue: Range<Int>?
    var role: Range<Int>?
    var itemprop: Range<Int>?
    var property: Range<Int>?
    var name: Range<Int>?
    var content: Range<Int>?
    var datetime: Range<Int>?
    var type: Range<Int>?
    var isHidden = false
    var isAriaHidden = false
    var hasPubdate = false

    /// Notes the attribute `name` (compared without case) with its value.
    mutating func record(name range: Range<Int>, value: Range<Int>?, in input: UnsafeBufferPointer<UInt8>) {
        func named(_ literal: String) -> Bool { Self.equals(input, range, literal) }
        switch range.count {
        case 2: if named("id") { idValue = value }
        case 4:
            if named("role") { role = value } else if named("name") { name = value } else if named("type") { type = value }
        case 5: if named("class") { classValue = value }
        case 6: if named("hidden") { isHidden = true }
        case 7: if named("content") { content = value } else if named("pubdate") { hasPubdate = true }
        case 8:
            if named("itemprop") { itemprop = value } else if named("property") { property = value } else if named("datetime") { datetime = value }
        case 11: if named("aria-hidden"), let value { isAriaHidden = Self.equals(input, value, "true") }
        default: break
        }
    }

    /// The flags the attributes give an element: hidden ones are dropped; a furniture role, class or id ("nav",
    /// "ad-slot", "share-buttons") makes it page furniture; `role="main"`, `role="article"` and
    /// `itemprop="articleBody"` mark the article.
    func flags(in input: UnsafeBufferPointer<UInt8>) -> HTMLTagFlags {
        var flags: HTMLTagFlags = []
        if isHidden || isAriaHidden { flags.insert(.dropped) }
        if let role {
            if Self.equals(input, role, "main") { flags.insert(.main) }
            if Self.equals(input, role, "article") { flags.insert(.article) }
            if HTMLTags.furnitureRoles.contains(Self.lowercased(input, role)) { flags.insert(.furniture) }
        }
        if let itemprop, Self.hasWord(input, itemprop, in: [Array("articlebody".utf8)]) { flags.insert(.articleBody) }
        if let classValue, Self.hasWord(input, classValue, in: HTMLTags.furnitureWords) { flags.insert(.furniture) }
        if let idValue, Self.hasWord(input, idValue, in: HTMLTags.furnitureWords) { flags.insert(.furniture) }
        return flags
    }

    /// Whether `type` is `application/ld+json`.
    func isJSONLD(in input: UnsafeBufferPointer<UInt8>) -> Bool {
        type.map { Self.equals(input, $0, "application/ld+json") } ?? false
    }

    /// Whether `input[range]` is `literal` (ASCII letters compared without case).
    static func equals(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: String) -> Bool {
        guard range.count == literal.utf8.count else { return false }
        return zip(input[range], literal.utf8).allSatisfy { HTMLReducer.lowercased($0) == HTMLReducer.lowercased($1) }
    }

    static func lowercased(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        input[range].map(HTMLReducer.lowercased)
    }

    /// Whether one of the words of `input[range]` (split at anything but ASCII letters and digits, lowercased) is in `words`.
    static func hasWord(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in words: some Collection<[UInt8]>) -> Bool {
        var word: [UInt8] = []
        for index in range.lowerBound...range.upperBound {
            if index < range.upperBound, HTMLEntities.isAlphanumeric(input[index]) {
                word.append(HTMLReducer.lowercased(input[index]))
                continue
            }
            if !word.isEmpty {
                if words.contains(word) { return true }
                word.removeAll(keepingCapacity: true)
            }
        }
        return false
    }
}

/// The title and publication date of a page, from its metadata and markup.
struct HTMLMetadata {
    /// `<title>`'s text.
    var title: String?
    /// The first `h1`'s text.
    var heading: String?
    /// `<meta property="og:title">`.
    var openGraphTitle: String?
    /// The publication date as written, and the rank of the source it came from (lower is better).
    private(set) var published: String?
    private var publishedRank = Int.max

    /// Sources of the publication date, best first.
    private enum DateSource: Int {
        case articlePublishedTime, itemprop, jsonLD, timePubdate, metaName, time
    }

    /// `<meta name>` values that give the publication date.
    private static let dateMetaNames: Set<[UInt8]> = Set([
        "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
        "og:published_time", "sailthru.date", "parsely-pub-date",
    ].map { Array($0.utf8) })

    /// Notes what a start tag says about the title or the date.
    mutating func note(tag id: Int, _ attributes: HTMLAttributes, in input: UnsafeBufferPointer<UInt8>, droppedDepth: Int) {
        if let itemprop = attributes.itemprop, HTMLAttributes.hasWord(input, itemprop, in: [Array("datepublished".utf8)]),
           let value = attributes.datetime ?? attributes.content {
            offer(Self.decoded(input, value), from: .itemprop)
        }
        if id == HTMLTags.meta, let key = attributes.property ?? attributes.name, let content = attributes.content {
            let lowered = HTMLAttributes.lowercased(input, key)
            if lowered == Array("og:title".utf8) {
                if openGraphTitle == nil { openGraphTitle = Self.decoded(input, content) }
            } else if lowered == Array("article:published_time".utf8) {
                offer(Self.decoded(input, content), from: .articlePublishedTime)
            } else if Self.dateMetaNames.contains(lowered) {
                offer(Self.decoded(input, content), from: .metaName)
            }
        }
        if id == HTMLTags.time, let datetime = attributes.datetime {
            offer(Self.decoded(input, datetime), from: attributes.hasPubdate ? .timePubdate : .time)
        }
    }

    /// Notes the first `"datePublished": "..."` of a JSON-LD script.
    mutating func noteJSONLD(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let key = Array("\"datePublished\"".utf8)
        var i = range.lowerBound
        while i + key.count <= range.upperBound {
            guard input[i] == key[0], input[i..<(i + key.count)].elementsEqual(key) else {
                i += 1
                continue
            }
            var j = i + key.count
            while j < range.upperBound, HTMLReducer.isSpace(input[j]) { j += 1 }
            guard j < range.upperBound, input[j] == UInt8(ascii: ":") else { i += 1; continue }
            j += 1
            while j < range.upperBound, HTMLReducer.isSpace(input[j]) { j += 1 }
            guard j < range.upperBound, input[j] == UInt8(ascii: "\"") else { i += 1; continue }
            let start = j + 1
            j = start
            while j < range.upperBound, input[j] != UInt8(ascii: "\""), input[j] != UInt8(ascii: "\\") { j += 1 }
            if j < range.upperBound, input[j] == UInt8(ascii: "\"") {
                offer(String(decoding: input[start..<j], as: UTF8.self), from: .jsonLD)
            }
            return
        }
    }

    private mutating func offer(_ value: String, from source: DateSource) {
        guard !value.isEmpty, source.rawValue < publishedRank else { return }
        published = value
        publishedRank = source.rawValue
    }

    /// An attribute value with its character references decoded and its white space collapsed.
    static func decoded(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var sink = HTMLTextSink()
        _ = sink.appendText(input, from: range.lowerBound, to: range.upperBound, stoppingAtTag: false)
        return sink.oneLine(0..<sink.bytes.count)
    }
}
