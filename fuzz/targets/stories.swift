// Fuzz target (d): the JSONL and story-file readers (ChronicleFormats): StoryFileReader (JSONL, plain text,
// TimeML, HTML and detected formats), StoryStreamReader, JSONLineReader and BoundedLineReader.
import ChronicleCore
import ChronicleFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStories(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let selector = input.byte()
    let limit = Int(input.byte())
    let bytes = input.rest()
    switch selector % 4 {
    case 0:
        let formats: [StoryFileReader.Format] = [.jsonLines, .plainText, .timeML, .html]
        let format = selector & 0x10 != 0 ? StoryFileReader.Format.detect(path: nil, bytes: bytes) : formats[Int(selector >> 2) % 4]
        if let items = try? StoryFileReader().read(bytes, name: "fuzz", baseName: "fuzz", format: format) {
            for item in items { require(!item.document.id.isEmpty, "a story document without an id") }
        }
    case 1:
        _ = try? StoryStreamReader().read(bytes, lineNumber: 1)
    case 2:
        if let record = try? JSONLineReader().read(bytes, lineNumber: 1), let text = String(validating: bytes, as: UTF8.self) {
            require((try? JSONLineReader().read(text, lineNumber: 1)) == record, "read(String) differs from read(bytes)")
        }
    default:
        // Lines of a stream, fed in chunks of 1 to 16 bytes, with a limit of 0 to 255 bytes.
        var offset = 0
        let chunk = 1 + Int(selector >> 4)
        var reader = BoundedLineReader(maximumLineLength: limit, chunkSize: chunk) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            offset += count
            return count
        }
        var total = 0
        var lines = 0
        while let line = try? reader.next() {
            lines += 1
            require(line.number == lines, "line \(line.number) where \(lines) was expected")
            switch line {
            case .complete(_, let bytes):
                require(bytes.count <= limit, "a line of \(bytes.count) bytes over the limit \(limit)")
                total += bytes.count
            case .oversized(_, let count):
                require(count > limit, "an oversized line of \(count) bytes within the limit \(limit)")
                total += count
            }
            total += 1
        }
        require(total == bytes.count || total == bytes.count + 1, "lines of \(total) bytes from \(bytes.count) bytes")
        if let record = try? JSONLineReader().read(bytes) { _ = record.document }
    }
    return 0
}

func warmUp() {}
