// Shared helpers of the fuzz targets (compiled into each one by fuzz/build.sh).
import ChronicleCalendar
import ChronicleCore
import ChronicleTime
import Foundation

/// Reads values off the front of a fuzz input; past the end every read returns zero.
struct FuzzBytes {
    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uint16() -> Int { Int(byte()) << 8 | Int(byte()) }

    /// The rest of the input.
    mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return position < bytes.count ? Array(bytes[position...]) : []
    }

    /// Bytes up to (not including) the next `separator`, or the rest.
    mutating func chunk(until separator: UInt8) -> [UInt8] {
        let start = min(position, bytes.count)
        let end = bytes[start...].firstIndex(of: separator) ?? bytes.count
        position = min(end + 1, bytes.count + 1)
        return Array(bytes[start..<end])
    }

    /// A creation time from the next five bytes: years 0 to 9999 (the edges more often), any month and day
    /// (an impossible date gives `nil`), and a time of day half of the time.
    mutating func creationTime() -> CreationTime? {
        let selector = byte()
        var year = 1800 + uint16() % 400
        switch selector & 0x07 {
        case 0: year = 0
        case 1: year = 9999
        case 2: year = uint16() % 10_000
        default: break
        }
        let month = 1 + Int(byte()) % 12
        let day = 1 + Int(byte()) % 31
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        let time = selector & 0x08 != 0 ? ClockTime(hour: Int(byte()) % 24, minute: Int(byte()) % 60) : nil
        return CreationTime(date: date, time: time)
    }
}

/// Stops the fuzzer with a report when an invariant of the library's output does not hold.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line) {
    if !condition() { fatalError("invariant broken: \(message())", file: file, line: line) }
}

/// The number of Unicode scalars of a text (the unit of every ``TextSpan``).
func scalarCount(_ text: String) -> Int { text.unicodeScalars.count }

/// The text a span covers.
func covered(_ text: String, _ span: TextSpan) -> Substring.UnicodeScalarView {
    let scalars = text.unicodeScalars
    let start = scalars.index(scalars.startIndex, offsetBy: span.start)
    let end = scalars.index(start, offsetBy: span.length)
    return scalars[start..<end]
}

/// Checks the tokens and sentences of a text: spans in order and within the text, byte ranges that agree.
func checkTokens(_ tokens: [Token], _ sentences: [Sentence], in text: String) {
    let scalars = scalarCount(text)
    let bytes = text.utf8.count
    var previousEnd = 0
    for token in tokens {
        require(token.span.start >= previousEnd && token.span.start < token.span.end && token.span.end <= scalars,
                "token span \(token.span) after \(previousEnd) in \(scalars) scalars")
        require(token.byteStart >= 0 && token.byteStart < token.byteEnd && Int(token.byteEnd) <= bytes,
                "token bytes \(token.byteRange) in \(bytes) bytes")
        previousEnd = token.span.end
    }
    var previousTokens = 0
    for sentence in sentences {
        require(sentence.tokens.lowerBound >= previousTokens && sentence.tokens.upperBound <= tokens.count,
                "sentence tokens \(sentence.tokens) after \(previousTokens) of \(tokens.count)")
        require(sentence.span.start >= 0 && sentence.span.start <= sentence.span.end && sentence.span.end <= scalars,
                "sentence span \(sentence.span) in \(scalars) scalars")
        previousTokens = sentence.tokens.upperBound
    }
}

/// Checks the time expressions of a document: spans within the text, their text the text they cover,
/// ids unique.
func checkTimeExpressions(_ document: Document) {
    let scalars = scalarCount(document.text)
    var ids = Set<String>()
    for timex in document.timeExpressions {
        require(timex.span.start >= 0 && timex.span.start < timex.span.end && timex.span.end <= scalars,
                "timex span \(timex.span) in \(scalars) scalars")
        require(String(String.UnicodeScalarView(covered(document.text, timex.span))) == timex.text,
                "timex text '\(timex.text)' is not the text at \(timex.span)")
        require(ids.insert(timex.id).inserted, "duplicate timex id \(timex.id)")
    }
}

/// Tags a text without a creation time and, when one is given, with it (twice: the result must not change),
/// checking the tokens and time expressions.
func tagAndCheck(_ text: String, tagger: TemporalTagger, creationTime: CreationTime?) {
    let without = tagger.tag(text)
    checkTokens(without.tokens, without.sentences, in: text)
    checkTimeExpressions(without)
    if let creationTime {
        let with = tagger.tag(text, creationTime: creationTime)
        checkTimeExpressions(with)
        require(tagger.tag(text, creationTime: creationTime).timeExpressions == with.timeExpressions, "tagging is not deterministic")
    }
}

/// libFuzzer calls this once before the first input: the target's `warmUp()` loads what loads lazily (the
/// part-of-speech, event and relation models), so that loading is not timed as the first input's work.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    warmUp()
    return 0
}
