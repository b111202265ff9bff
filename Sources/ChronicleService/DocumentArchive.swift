import Chronicle
import Foundation

/// How an analysed ``Document`` is kept in a store: a compact binary encoding of its layers, versioned.
///
/// An archive starts with the four bytes `CHRA` and a version byte; then every layer in turn, integers as
/// varints, strings as their UTF-8 bytes with a length, enums by raw value (see ``ArchiveWriter``). The first
/// stored archives were JSON from `JSONEncoder` (version 0, the layers' `Codable` conformances): an archive that
/// starts with `{` is read that way, so a database written then still opens. An archive of a version this build
/// does not know throws ``ArchiveError/unsupportedVersion(_:)``; the service then analyses the document again
/// from its stored text (``StoryService``).
///
/// JSON cost more than the analysis itself on a news article (the 21st document of a story took 2.7 times as
/// long to add as to analyse); this encoding is about a tenth of JSON's size and is written and read without
/// an intermediate tree.
public enum DocumentArchive {
    /// The version this build writes.
    public static let version: UInt8 = 1
    static let magic: [UInt8] = Array("CHRA".utf8)

    public enum ArchiveError: Error, Hashable, Sendable {
        /// Written by a newer build, in a format this one does not read.
        case unsupportedVersion(UInt8)
        /// Not an archive, or a damaged one.
        case malformed(String)
    }

    /// The archive of an analysed document.
    public static func encode(_ document: Document) throws -> Data {
        var writer = ArchiveWriter(capacity: 64 + document.text.utf8.count * 8)
        for byte in magic { writer.byte(byte) }
        writer.byte(version)
        writer.document(document)
        return Data(writer.bytes)
    }

    /// The document of an archive (binary, or the JSON of the first version).
    public static func decode(_ data: Data) throws -> Document {
        if data.first == UInt8(ascii: "{") { return try JSONDecoder().decode(Document.self, from: data) }
        return try data.withUnsafeBytes { bytes throws(ArchiveError) -> Document in
            guard bytes.count > magic.count, bytes.prefix(magic.count).elementsEqual(magic) else {
                throw .malformed("not a document archive")
            }
            let version = bytes[magic.count]
            guard version == Self.version else { throw .unsupportedVersion(version) }
            var reader = ArchiveReader(bytes, offset: magic.count + 1)
            let document = try reader.document()
            guard reader.isAtEnd else { throw .malformed("bytes after the document") }
            return document
        }
    }
}

// MARK: Writing the layers

extension ArchiveWriter {
    mutating func document(_ d: Document) {
        string(d.id)
        string(d.text)
        optional(d.creationTime) { $0.creationTime($1) }
        array(d.tokens) { $0.token($1) }
        array(d.sentences) { w, sentence in
            w.int(sentence.tokens.lowerBound)
            w.int(sentence.tokens.upperBound)
            w.span(sentence.span)
        }
        array(d.words) { $0.word($1) }
        array(d.timeExpressions) { $0.timeExpression($1) }
        array(d.events) { $0.event($1) }
        array(d.relations) { $0.relation($1) }
        array(d.statements) { $0.statement($1) }
        array(d.entities) { $0.entity($1) }
        array(d.diagnostics) { w, diagnostic in
            w.raw(diagnostic.severity)
            w.string(diagnostic.code.rawValue)
            w.string(diagnostic.message)
            w.optional(diagnostic.span) { $0.span($1) }
        }
    }

    mutating func span(_ span: TextSpan) {
        int(span.start)
        int(span.end)
    }

    mutating func creationTime(_ time: CreationTime) {
        int(time.date.year)
        int(time.date.month)
        int(time.date.day)
        optional(time.time) { w, clock in
            w.int(clock.hour)
            w.int(clock.minute)
            w.optional(clock.second) { $0.int($1) }
        }
        raw(time.source)
    }

    mutating func token(_ token: Token) {
        byte(token.kind.rawValue)
        span(token.span)
        int32(token.byteStart)
        int32(token.byteEnd)
        bool(token.spaceBefore)
    }

    mutating func word(_ word: Word) {
        span(word.span)
        int32(word.byteStart)
        int32(word.byteEnd)
        int(word.tokens.lowerBound)
        int(word.tokens.upperBound)
        var flags: UInt8 = word.spaceBefore ? 1 : 0
        if word.continuesToken { flags |= 2 }
        if word.universalTag != nil { flags |= 4 }
        if word.pennTag != nil { flags |= 8 }
        if word.lemma != nil { flags |= 16 }
        byte(flags)
        if let tag = word.universalTag { raw(tag) }
        if let tag = word.pennTag { string(tag) }
        if let lemma = word.lemma { string(lemma) }
    }

    mutating func timeExpression(_ t: TimeExpression) {
        string(t.id)
        span(t.span)
        string(t.text)
        raw(t.kind)
        string(t.value)
        optional(t.modifier) { $0.raw($1) }
        optional(t.frequency) { $0.string($1) }
        optional(t.quantifier) { $0.string($1) }
        optional(t.anchor) { w, anchor in
            switch anchor {
            case .creationTime(let value):
                w.byte(0)
                w.string(value)
            case .expression(let id, let value):
                w.byte(1)
                w.string(id)
                w.string(value)
            case .narrative(let id, let value):
                w.byte(2)
                w.string(id)
                w.string(value)
            }
        }
        optional(t.yearInference) { w, inference in
            w.array(inference.candidates) { $0.int($1) }
            w.optional(inference.chosen) { $0.int($1) }
            w.string(inference.rule)
        }
    }

    mutating func event(_ e: Event) {
        string(e.id)
        string(e.instanceID)
        span(e.span)
        string(e.text)
        string(e.lemma)
        raw(e.eventClass)
        raw(e.tense)
        raw(e.aspect)
        raw(e.polarity)
        optional(e.modality) { $0.string($1) }
        raw(e.partOfSpeech)
    }

    mutating func endpoint(_ endpoint: TemporalRelation.Endpoint) {
        switch endpoint {
        case .event(let id):
            byte(0)
            string(id)
        case .time(let id):
            byte(1)
            string(id)
        }
    }

    mutating func relation(_ r: TemporalRelation) {
        string(r.id)
        endpoint(r.source)
        endpoint(r.target)
        raw(r.type)
        optional(r.signal) { $0.span($1) }
    }

    mutating func statement(_ s: Statement) {
        string(s.id)
        optional(s.speaker) { $0.string($1) }
        optional(s.speakerSpan) { $0.span($1) }
        optional(s.reportingEventID) { $0.string($1) }
        span(s.verbSpan)
        string(s.verb)
        optional(s.content) { $0.span($1) }
        optional(s.channel) { $0.string($1) }
        optional(s.channelSpan) { $0.span($1) }
        raw(s.stance)
    }

    mutating func entity(_ e: Entity) {
        string(e.id)
        string(e.name)
        raw(e.kind)
        array(e.variants) { $0.string($1) }
        array(e.mentions) { w, mention in
            w.span(mention.span)
            w.raw(mention.form)
            w.bool(mention.isPossessive)
        }
    }
}

// MARK: Reading the layers

extension ArchiveReader {
    mutating func document() throws(DocumentArchive.ArchiveError) -> Document {
        let id = try string()
        let text = try string()
        let creationTime = try optional { r throws(DocumentArchive.ArchiveError) in try r.creationTime() }
        let tokens = try array { r throws(DocumentArchive.ArchiveError) in try r.token() }
        let sentences = try array { r throws(DocumentArchive.ArchiveError) in Sentence(tokens: try r.range(), span: try r.span()) }
        let words = try array { r throws(DocumentArchive.ArchiveError) in try r.word() }
        let timeExpressions = try array { r throws(DocumentArchive.ArchiveError) in try r.timeExpression() }
        let events = try array { r throws(DocumentArchive.ArchiveError) in try r.event() }
        let relations = try array { r throws(DocumentArchive.ArchiveError) in try r.relation() }
        let statements = try array { r throws(DocumentArchive.ArchiveError) in try r.statement() }
        let entities = try array { r throws(DocumentArchive.ArchiveError) in try r.entity() }
        let diagnostics = try array { r throws(DocumentArchive.ArchiveError) in
            Diagnostic(
                try r.raw(), Diagnostic.Code(rawValue: try r.string()), try r.string(),
                span: try r.optional { r throws(DocumentArchive.ArchiveError) in try r.span() })
        }
        return Document(
            id: id, text: text, creationTime: creationTime, tokens: tokens, sentences: sentences, words: words,
            timeExpressions: timeExpressions, events: events, relations: relations, statements: statements,
            diagnostics: diagnostics, entities: entities)
    }

    mutating func span() throws(DocumentArchive.ArchiveError) -> TextSpan {
        let range = try range()
        return TextSpan(start: range.lowerBound, end: range.upperBound)
    }

    mutating func creationTime() throws(DocumentArchive.ArchiveError) -> CreationTime {
        guard let date = CalendarDate(year: try int(), month: try int(), day: try int()) else { throw .malformed("an invalid date") }
        let time = try optional { r throws(DocumentArchive.ArchiveError) -> ClockTime in
            let (hour, minute) = (try r.int(), try r.int())
            let second = try r.optional { r throws(DocumentArchive.ArchiveError) in try r.int() }
            guard let clock = ClockTime(hour: hour, minute: minute, second: second) else { throw .malformed("an invalid time") }
            return clock
        }
        return CreationTime(date: date, time: time, source: try raw())
    }

    mutating func token() throws(DocumentArchive.ArchiveError) -> Token {
        guard let kind = Token.Kind(rawValue: try byte()) else { throw .malformed("an unknown token kind") }
        return Token(kind: kind, span: try span(), byteStart: try int32(), byteEnd: try int32(), spaceBefore: try bool())
    }

    mutating func word() throws(DocumentArchive.ArchiveError) -> Word {
        let wordSpan = try span()
        let (byteStart, byteEnd) = (try int32(), try int32())
        let tokens = try range()
        let flags = try byte()
        guard flags < 32 else { throw .malformed("unknown word flags") }
        let universalTag: UniversalTag? = flags & 4 != 0 ? try raw() : nil
        let pennTag = flags & 8 != 0 ? try string() : nil
        let lemma = flags & 16 != 0 ? try string() : nil
        return Word(
            span: wordSpan, byteStart: byteStart, byteEnd: byteEnd, tokens: tokens, spaceBefore: flags & 1 != 0,
            continuesToken: flags & 2 != 0, universalTag: universalTag, pennTag: pennTag, lemma: lemma)
    }

    mutating func timeExpression() throws(DocumentArchive.ArchiveError) -> TimeExpression {
        let (id, timexSpan, text) = (try string(), try span(), try string())
        let kind: TimeExpression.Kind = try raw()
        let value = try string()
        let modifier = try optional { r throws(DocumentArchive.ArchiveError) -> TimeExpression.Modifier in try r.raw() }
        let frequency = try optional { r throws(DocumentArchive.ArchiveError) in try r.string() }
        let quantifier = try optional { r throws(DocumentArchive.ArchiveError) in try r.string() }
        let anchor = try optional { r throws(DocumentArchive.ArchiveError) -> TimeExpression.Anchor in
            switch try r.byte() {
            case 0: return .creationTime(try r.string())
            case 1: return .expression(id: try r.string(), value: try r.string())
            case 2: return .narrative(id: try r.string(), value: try r.string())
            default: throw .malformed("an unknown anchor")
            }
        }
        let yearInference = try optional { r throws(DocumentArchive.ArchiveError) in
            YearInference(
                candidates: try r.array { r throws(DocumentArchive.ArchiveError) in try r.int() },
                chosen: try r.optional { r throws(DocumentArchive.ArchiveError) in try r.int() }, rule: try r.string())
        }
        return TimeExpression(
            id: id, span: timexSpan, text: text, kind: kind, value: value, modifier: modifier, frequency: frequency,
            quantifier: quantifier, anchor: anchor, yearInference: yearInference)
    }

    mutating func event() throws(DocumentArchive.ArchiveError) -> Event {
        Event(
            id: try string(), instanceID: try string(), span: try span(), text: try string(), lemma: try string(),
            eventClass: try raw(), tense: try raw(), aspect: try raw(), polarity: try raw(),
            modality: try optional { r throws(DocumentArchive.ArchiveError) in try r.string() }, partOfSpeech: try raw())
    }

    mutating func endpoint() throws(DocumentArchive.ArchiveError) -> TemporalRelation.Endpoint {
        switch try byte() {
        case 0: .event(instanceID: try string())
        case 1: .time(id: try string())
        default: throw .malformed("an unknown relation endpoint")
        }
    }

    mutating func relation() throws(DocumentArchive.ArchiveError) -> TemporalRelation {
        TemporalRelation(
            id: try string(), source: try endpoint(), target: try endpoint(), type: try raw(),
            signal: try optional { r throws(DocumentArchive.ArchiveError) in try r.span() })
    }

    mutating func statement() throws(DocumentArchive.ArchiveError) -> Statement {
        let id = try string()
        let speaker = try optional { r throws(DocumentArchive.ArchiveError) in try r.string() }
        let speakerSpan = try optional { r throws(DocumentArchive.ArchiveError) in try r.span() }
        let reportingEventID = try optional { r throws(DocumentArchive.ArchiveError) in try r.string() }
        let (verbSpan, verb) = (try span(), try string())
        let content = try optional { r throws(DocumentArchive.ArchiveError) in try r.span() }
        let channel = try optional { r throws(DocumentArchive.ArchiveError) in try r.string() }
        let channelSpan = try optional { r throws(DocumentArchive.ArchiveError) in try r.span() }
        return Statement(
            id: id, speaker: speaker, speakerSpan: speakerSpan, reportingEventID: reportingEventID, verbSpan: verbSpan,
            verb: verb, content: content, channel: channel, channelSpan: channelSpan, stance: try raw())
    }

    mutating func entity() throws(DocumentArchive.ArchiveError) -> Entity {
        let (id, name) = (try string(), try string())
        let kind: Entity.Kind = try raw()
        let variants = try array { r throws(DocumentArchive.ArchiveError) in try r.string() }
        let mentions = try array { r throws(DocumentArchive.ArchiveError) in
            Entity.Mention(span: try r.span(), form: try r.raw(), isPossessive: try r.bool())
        }
        var entity = Entity(id: id, name: name, kind: kind, mentions: mentions)
        entity.variants = variants  // as stored, even when empty (the initialiser would put the name in)
        return entity
    }
}
