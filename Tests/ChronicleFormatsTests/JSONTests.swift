import ChronicleCore
import ChronicleTime
import Foundation
import Testing

@testable import ChronicleFormats

@Suite("JSONWriter")
struct JSONWriterTests {
    static let sample: Document = {
        let text = "Khloé left \"early\" last week."
        var lastWeek = TimeExpression(
            id: "t1", span: TextSpan(start: 19, end: 28), text: "last week", kind: .date, value: "2015-W43",
            anchor: .creationTime("2015-10-29"))
        lastWeek.modifier = nil
        let monday = TimeExpression(
            id: "t2", span: TextSpan(start: 0, end: 5), text: "Khloé", kind: .set, value: "XXXX-WXX-1",
            modifier: .approximately, frequency: "1X", quantifier: "EVERY",
            anchor: .expression(id: "t1", value: "2015-W43"),
            yearInference: YearInference(candidates: [2015, 2009], chosen: nil, rule: "no creation time"))
        return Document(
            id: "news\t1", text: text, creationTime: CreationTime(parsing: "2015-10-29", source: .inferred),
            timeExpressions: [lastWeek, monday],
            diagnostics: [
                Diagnostic(.warning, .ambiguousYear, "year of \"Monday\"\nunknown", span: TextSpan(start: 0, end: 5)),
                Diagnostic(.note, .inferredYear, "inferred"),
            ])
    }()

    @Test func writesKeysInAFixedOrder() {
        let json = JSONWriter().string(for: Self.sample)
        #expect(json == #"{"id":"news\t1","dct":"2015-10-29","dctSource":"inferred","timexes":[{"id":"t1","start":19,"end":28,"text":"last week","type":"DATE","value":"2015-W43","anchor":{"kind":"dct","value":"2015-10-29"}},{"id":"t2","start":0,"end":5,"text":"Khloé","type":"SET","value":"XXXX-WXX-1","mod":"APPROX","freq":"1X","quant":"EVERY","anchor":{"kind":"expression","id":"t1","value":"2015-W43"},"yearInference":{"candidates":[2015,2009],"chosen":null,"rule":"no creation time"}}],"warnings":[{"severity":"warning","code":"ambiguous-year","message":"year of \"Monday\"\nunknown","start":0,"end":5},{"severity":"note","code":"inferred-year","message":"inferred"}]}"#)
        #expect(!json.contains("\n"))
    }

    @Test func reportsWhichKindOfAnchorAnExpressionTook() throws {
        // A history: "14 June" takes the narrative's year; "the next day" counts from the expression before it.
        let text = "The siege began on 3 May 1862. On 14 June, the defenders surrendered, and the next day the town fell."
        let document = TemporalTagger().tag(text, creationTime: CreationTime(parsing: "2009-12-19"), id: "history")
        let json = JSONWriter().string(for: document)
        #expect(json.contains(#""text":"14 June","type":"DATE","value":"1862-06-14","anchor":{"kind":"narrative","id":"t1","value":"1862-05-03"}"#))
        #expect(json.contains(#""text":"the next day","type":"DATE","value":"1862-06-15","anchor":{"kind":"expression","id":"t2","value":"1862-06-14"}"#))
        // The same sentences read as news hang on the creation time.
        let news = TemporalTagger(options: .init(genre: .news)).tag(text, creationTime: CreationTime(parsing: "2009-12-19"))
        #expect(JSONWriter().string(for: news).contains(#""value":"2009-06-14","anchor":{"kind":"dct","value":"2009-12-19"}"#))
    }

    @Test func writesNullCreationTime() {
        let json = JSONWriter().string(for: Document(id: "x", text: "nothing"))
        #expect(json == #"{"id":"x","dct":null,"dctSource":null,"timexes":[],"warnings":[]}"#)
    }

    @Test func prettyAndCompactAgree() throws {
        let compact = JSONWriter(style: .compact).string(for: Self.sample)
        let pretty = JSONWriter(style: .pretty).string(for: Self.sample)
        #expect(pretty.contains("\n  \"id\": \"news\\t1\",\n"))
        #expect(pretty.hasPrefix("{\n  \"id\""))
        #expect(pretty.hasSuffix("\n}"))
        let a = try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? NSDictionary
        #expect(a != nil)
        #expect(a == b)
    }

    @Test func escapesControlCharactersAndKeepsNonASCII() throws {
        let value = JSONValue.string("q\"b\\s/\n\r\t\u{08}\u{0C}\u{00}\u{1F}\u{7F}é🎉\u{2028}")
        let json = value.serialized()
        #expect(json == "\"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0000\\u001f\u{7F}é🎉\u{2028}\"")
        // Foundation agrees on what it means.
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        #expect(decoded == ["q\"b\\s/\n\r\t\u{08}\u{0C}\u{00}\u{1F}\u{7F}é🎉\u{2028}"])
    }

    @Test func writesNumbersAndEmptyContainers() {
        let value = JSONValue.object([
            ("a", .number(0.5)), ("b", .number(1)), ("c", .number(.nan)), ("d", .integer(-3)),
            ("e", .array([])), ("f", .object([])), ("g", .bool(true)), ("h", .null),
        ])
        #expect(value.serialized() == #"{"a":0.5,"b":1.0,"c":null,"d":-3,"e":[],"f":{},"g":true,"h":null}"#)
        #expect(value.serialized(.pretty) == """
            {
              "a": 0.5,
              "b": 1.0,
              "c": null,
              "d": -3,
              "e": [],
              "f": {},
              "g": true,
              "h": null
            }
            """)
    }
}

@Suite("JSONStream")
struct JSONStreamTests {
    /// Nested containers, empty and not, literal and run-time keys, and a value embedded whole.
    func write(_ json: inout JSONStream) {
        json.beginObject()
        json.key("id"); json.string("E1")
        json.key(string: "a \"quoted\" key"); json.integer(nil as Int?)
        json.key("list")
        json.beginArray()
        json.beginArray(); json.endArray()
        json.beginObject(); json.key("n"); json.number(2.5); json.endObject()
        json.strings([])
        json.value(.object([("x", .array([.bool(false)]))]))
        json.endArray()
        json.key("empty"); json.beginObject(); json.endObject()
        json.endObject()
    }

    @Test func writesCompactText() {
        var json = JSONStream(style: .compact)
        write(&json)
        #expect(json.string == #"{"id":"E1","a \"quoted\" key":null,"list":[[],{"n":2.5},[],{"x":[false]}],"empty":{}}"#)
    }

    @Test func writesPrettyText() {
        var json = JSONStream(style: .pretty)
        write(&json)
        #expect(json.string == """
            {
              "id": "E1",
              "a \\"quoted\\" key": null,
              "list": [
                [],
                {
                  "n": 2.5
                },
                [],
                {
                  "x": [
                    false
                  ]
                }
              ],
              "empty": {}
            }
            """)
    }

    @Test func goesOnAfterBytesWrittenBefore() {
        var json = JSONStream(style: .compact, appendingTo: Array("x\t".utf8))
        json.beginArray(); json.integer(1); json.integer(2); json.endArray()
        #expect(json.string == "x\t[1,2]")
    }
}

@Suite("JSONLineReader")
struct JSONLineReaderTests {
    let reader = JSONLineReader()

    @Test func readsTheThreeMembers() throws {
        let record = try reader.read(#"{"id": "a-1", "text": "Rain on Monday.", "dct": "2015-10-29"}"#)
        #expect(record.id == "a-1")
        #expect(record.text == "Rain on Monday.")
        #expect(record.creationTime == CreationTime(parsing: "2015-10-29"))
        #expect(record.document.creationTime?.source == .given)
    }

    @Test func acceptsNumericIdsAndMissingOrNullDCT() throws {
        #expect(try reader.read(#"{"id": 17, "text": "x"}"#).id == "17")
        #expect(try reader.read(#"{"id":-2.5e3,"text":"x"}"#).id == "-2.5e3")
        #expect(try reader.read(#"{"text":"x","dct":null}"#).creationTime == nil)
        #expect(try reader.read(#"{"text":"x","dct":""}"#).creationTime == nil)
        #expect(try reader.read(#"{"text":"x"}"#).id == "")
        #expect(try reader.read(#"{"text":"x","dct":"2015-10-29T18:45"}"#).creationTime?.time?.description == "18:45")
    }

    @Test func skipsUnknownMembersOfAnyShape() throws {
        let line = #"{"meta": {"source": ["a", 1, {"b": null}], "ok": true, "n": -0.0}, "text": "y", "tags": [], "x": {}, "z": false}"# + "\n"
        let record = try reader.read(line)
        #expect(record.text == "y")
    }

    @Test func decodesEscapes() throws {
        let record = try reader.read(#"{"text": "caf\u00e9 \ud83c\udf89 \"q\" \\ \/ \n\t\r\b\f é"}"#)
        #expect(record.text == "café 🎉 \"q\" \\ / \n\t\r\u{08}\u{0C} é")
    }

    @Test func readsBytes() throws {
        let record = try reader.read(Array(#"{"text":"Khloé","id":"b"}"#.utf8))
        #expect(record.text == "Khloé")
        let error = try #require(throws: JSONLineError.self) { try reader.read([0x7B, 0x22, 0xFF, 0x22, 0x7D] as [UInt8], lineNumber: 3) }
        #expect(error.byteOffset == 2)
        #expect(error.description == "line 3: byte 2: invalid UTF-8")
    }

    @Test(arguments: [
        "", "[]", "{", #"{"text": "x""#, #"{"text": "x",}"#, #"{"text": "x"} extra"#, #"{"text": 5}"#,
        #"{"id": true, "text": "x"}"#, #"{"text": "unterminated}"#, #"{"text": "bad \x escape"}"#,
        #"{"text": "lone \ud800 surrogate"}"#, #"{"text": "x", "dct": "next Tuesday"}"#, #"{"text": "x", "dct": 2015}"#,
        #"{"id": "no text"}"#, #"{"text": "x", "n": 01}"#, #"{"text": "x", "n": [1,]}"#, "{\"text\": \"raw\ttab\"}",
        #"{'text': 'single quotes'}"#, #"{"text": "x", "a": nul}"#,
        String(repeating: "[", count: 600) + "{\"text\":\"x\"}",
        "{\"a\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + ",\"text\":\"x\"}",
    ])
    func rejectsMalformedLines(_ line: String) throws {
        let error = try #require(throws: JSONLineError.self) { try reader.read(line, lineNumber: 12) }
        #expect(error.description.hasPrefix("line 12: byte "))
        #expect(!error.description.contains("\n"))
    }

    /// A quick throughput check; the real target (well above 10 MB/s) is for release builds.
    @Test func isFast() throws {
        let text = String(repeating: "The council met on Monday, Oct. 26, and again three days later. ", count: 40)
        let line = #"{"id": 1, "text": "\#(text)", "dct": "2015-10-29", "extra": {"a": [1, 2, 3]}}"#
        let bytes = Array(line.utf8)
        let start = Date()
        var total = 0
        for _ in 0..<200 {
            total += try reader.read(bytes).text.utf8.count
        }
        let seconds = Date().timeIntervalSince(start)
        let megabytes = Double(bytes.count * 200) / 1_000_000
        #expect(total == text.utf8.count * 200)
        #if DEBUG
        let floor = 2.0  // unoptimised builds run about ten times slower
        #else
        let floor = 10.0
        #endif
        #expect(megabytes / seconds > floor, "only \(megabytes / seconds) MB/s")
    }
}

@Suite("PlainTextRenderer")
struct PlainTextRendererTests {
    @Test func rendersOneLinePerExpressionAndWarning() {
        let text = "Until late\tMay, then daily."
        let document = Document(
            text: text,
            timeExpressions: [
                TimeExpression(id: "t1", span: TextSpan(start: 6, end: 14), text: "late\tMay", kind: .date, value: "2015-05", modifier: .end),
                TimeExpression(id: "t2", span: TextSpan(start: 21, end: 26), text: "daily", kind: .set, value: "P1D"),
            ],
            diagnostics: [
                Diagnostic(.warning, .ambiguousYear, "year unknown", span: TextSpan(start: 6, end: 14)),
                Diagnostic(.note, .malformedInput, "no span"),
            ])
        #expect(PlainTextRenderer().render(document) == """
            6-14\tDATE\t2015-05\tEND\tlate\\tMay
            21-26\tSET\tP1D\t\tdaily
            warning: year unknown [ambiguous-year] (6-14)
            note: no span [malformed-input]

            """)
        #expect(PlainTextRenderer().render(Document(text: "")) == "")
    }
}
