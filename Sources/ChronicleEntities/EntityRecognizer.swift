import ChronicleCore
import ChronicleLanguage

/// Finds the entities of a document: people, organisations, places, products and works, each with its
/// variants (acronyms, surnames, short names, names in another case, possessors) and its mentions (names,
/// pronouns, descriptions), resolved within the document.
///
/// ```swift
/// var document = Document(text: "General Motors (GM) said on Monday that GM's sales rose. The company ...")
/// EntityRecognizer().annotate(&document)
/// document.entities[0].name        // "General Motors"
/// document.entities[0].variants    // ["General Motors", "GM"]
/// document.entities[0].mentions.map(\.form)   // [.name, .acronym, .acronym, .description]
/// ```
///
/// The rules are those of ``MentionIndex`` (names, kinds, pronouns and descriptions) and of its name
/// variants (see `NameVariants.swift`). The statement recogniser takes its speakers from this layer and the
/// timeline its participants.
public struct EntityRecognizer: Sendable {
    public init() {}

    /// Adds ``Document/entities`` (and, if the document has no words yet, the linguistic layer they need).
    public func annotate(_ document: inout Document) {
        if document.words.isEmpty, !document.text.isEmpty {
            LanguageAnnotator().annotate(&document)
        }
        document.entities = entities(in: document)
    }

    /// The entities of a document that has words, in order of first mention, with ids `en1`, `en2`, ...
    public func entities(in document: Document) -> [Entity] {
        guard !document.words.isEmpty else { return [] }
        return entities(in: DocumentAnalysis(document))
    }

    package func entities(in analysis: DocumentAnalysis) -> [Entity] {
        let index = MentionIndex(analysis)
        let words = analysis.words
        var mentionsOf = [[Entity.Mention]](repeating: [], count: index.entities.count)
        var variantsOf = index.entities.map { [$0.name] + $0.variants }
        for mention in index.mentions {
            guard let e = mention.entity else { continue }
            let form: Entity.Mention.Form
            switch mention.form {
            case .name: form = .name
            case .surname: form = .surname
            case .shortName: form = .shortName
            case .acronym: form = .acronym
            case .pronoun: form = .pronoun
            case .description: form = .description
            case .author: form = .byline
            }
            let next = mention.last + 1
            let possessive = next < words.count && words[next].penn == .pos
                || mention.first == mention.last && words[mention.first].penn == .prpPossessive
            mentionsOf[e].append(Entity.Mention(span: mention.span, form: form, isPossessive: possessive))
            if form == .name || form == .surname || form == .shortName || form == .acronym {
                let text = analysis.text(mention.span)
                if !variantsOf[e].contains(text) { variantsOf[e].append(text) }
            }
        }
        let order = index.entities.indices.filter { !mentionsOf[$0].isEmpty }.sorted {
            (mentionsOf[$0][0].span.start, $0) < (mentionsOf[$1][0].span.start, $1)
        }
        return order.enumerated().map { number, e in
            Entity(id: "en\(number + 1)", name: index.entities[e].name, kind: Self.kind(index.entities[e].kind), variants: variantsOf[e],
                   mentions: mentionsOf[e])
        }
    }

    private static func kind(_ kind: MentionIndex.Kind) -> Entity.Kind {
        switch kind {
        case .person: .person
        case .organisation, .platform: .organisation
        case .group: .group
        case .title, .product: .product
        case .place: .place
        case .unknown: .other
        }
    }
}

/// The entity layer of a document laid over its words, for the rules that read it (speakers, participants):
/// the mention on each word, the headlines and bylines, the byline's author.
package struct EntityIndex: Sendable {
    package struct Mention: Sendable {
        /// First and last word (inclusive).
        package var first: Int
        package var last: Int
        package var span: TextSpan
        /// Index into ``entities``.
        package var entity: Int
        package var form: Entity.Mention.Form
        package var isPossessive: Bool
    }

    package let entities: [Entity]
    /// Every mention, by first word (the longer first when two start together).
    package let mentions: [Mention]
    /// The mention covering each word (an index into ``mentions``), -1 for none.
    private let mentionOfWord: [Int32]
    /// Sentences that are headlines or bylines, not prose.
    package let isNonProse: [Bool]
    /// The entity of the byline's author, if the document has a byline.
    package let author: Int?

    /// The index of `document`'s entities, found first when it has none (a document that did not go through
    /// the entity stage).
    package init(_ document: Document, _ analysis: DocumentAnalysis) {
        self.init(entities: document.entities.isEmpty ? EntityRecognizer().entities(in: analysis) : document.entities, analysis)
    }

    package init(entities: [Entity], _ analysis: DocumentAnalysis) {
        self.entities = entities
        let words = analysis.words
        var mentions: [Mention] = []
        var author: Int?
        for (e, entity) in entities.enumerated() {
            for mention in entity.mentions {
                guard let first = analysis.wordIndex(at: mention.span.start), first < words.count, words[first].span.start < mention.span.end
                else { continue }
                var last = first
                while last + 1 < words.count, words[last + 1].span.start < mention.span.end { last += 1 }
                mentions.append(Mention(first: first, last: last, span: mention.span, entity: e, form: mention.form, isPossessive: mention.isPossessive))
                if mention.form == .byline, author == nil { author = e }
            }
        }
        mentions.sort { $0.first != $1.first ? $0.first < $1.first : $0.last > $1.last }
        var mentionOfWord = [Int32](repeating: -1, count: words.count)
        for (m, mention) in mentions.enumerated() {
            for w in mention.first...mention.last where mentionOfWord[w] < 0 { mentionOfWord[w] = Int32(m) }
        }
        self.mentions = mentions
        self.mentionOfWord = mentionOfWord
        self.author = author
        isNonProse = MentionIndex.nonProse(analysis).flags
    }

    /// The mention covering word `index`, if any.
    @inline(__always)
    package func mention(at index: Int) -> Mention? {
        let m = index < mentionOfWord.count ? Int(mentionOfWord[index]) : -1
        return m < 0 ? nil : mentions[m]
    }

    /// The canonical name of a mention's entity.
    package func name(of mention: Mention) -> String? {
        entities[mention.entity].name
    }

    /// The kind of a mention's entity.
    package func kind(of mention: Mention) -> Entity.Kind? {
        entities[mention.entity].kind
    }
}
