import Chronicle
import Foundation
import Testing

@testable import ChronicleCLI

@Suite("Streaming pieces")
struct StreamingPiecesTests {
    /// Reads `input` through a BoundedLineReader fed `chunk` bytes at a time.
    private func lines(of input: String, limit: Int, chunk: Int) throws -> [BoundedLineReader.Line] {
        let bytes = Array(input.utf8)
        var offset = 0
        var reader = BoundedLineReader(maximumLineLength: limit, chunkSize: chunk) { buffer in
            let count = min(buffer.count, chunk, bytes.count - offset)
            buffer.copyBytes(from: bytes[offset..<offset + count])
            offset += count
            return count
        }
        var result: [BoundedLineReader.Line] = []
        while let line = try reader.next() { result.append(line) }
        return result
    }

    @Test(arguments: [1, 2, 3, 5, 8, 64, 4096])
    func lineReaderCutsLinesWhateverTheChunkSize(chunk: Int) throws {
        let input = "first\r\n\nthird line is long\nfourth\nlast without line feed"
        let expected: [BoundedLineReader.Line] = [
            .complete(number: 1, bytes: Array("first\r".utf8)),
            .complete(number: 2, bytes: []),
            .oversized(number: 3, byteCount: 18),
            .complete(number: 4, bytes: Array("fourth".utf8)),
            .oversized(number: 5, byteCount: 22),
        ]
        #expect(try lines(of: input, limit: 10, chunk: chunk) == expected)
        #expect(try lines(of: input + "\n", limit: 10, chunk: chunk) == expected)
    }

    /// Time expressions alone go to the workers in small parts (both finish the stream together); a pipeline of several
    /// stages in parts of a whole batch, so that each stage's model stays in cache over its documents.
    @Test func partsAreSmallForTimeExpressionsAlone() {
        #expect(JSONLTagging.partByteLimit(for: .time) == Pipeline.batchBytes / 8)
        #expect(JSONLTagging.partByteLimit(for: [.time, .events, .relations]) == Pipeline.batchBytes)
        #expect(JSONLTagging.partByteLimit(for: .all) == Pipeline.batchBytes)
    }

    @Test func lineReaderKeepsLinesAtTheLimit() throws {
        #expect(try lines(of: "12345\n123456\n", limit: 5, chunk: 2) == [
            .complete(number: 1, bytes: Array("12345".utf8)),
            .oversized(number: 2, byteCount: 6),
        ])
        #expect(try lines(of: "", limit: 5, chunk: 2).isEmpty)
        #expect(try lines(of: "\n", limit: 0, chunk: 1) == [.complete(number: 1, bytes: [])])
    }

    @Test func severalJSONDocumentsMakeTheArrayJSONValueWrites() throws {
        let documents = [
            Document(id: "a", text: "x", creationTime: CreationTime(parsing: "2015-10-29")),
            Document(id: "b\n\"c\"", text: "y"),
        ]
        let writer = JSONWriter(style: .pretty)
        var combined = CombinedOutput(format: .json, isSeveral: true)
        var output = ""
        for document in documents {
            output += combined.append("  " + writer.string(for: document).replacingOccurrences(of: "\n", with: "\n  "), name: document.id)
        }
        output += combined.end()
        var array = JSONStream(style: .pretty)
        array.beginArray()
        for document in documents { writer.write(document, to: &array) }
        array.endArray()
        #expect(output == array.string + "\n")
        #expect(CombinedOutput(format: .json, isSeveral: true).end() == JSONValue.array([]).serialized(.pretty) + "\n")
    }
}
