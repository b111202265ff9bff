import CZlib

/// Decompresses gzip data (RFC 1952) as it is read, with the system's zlib: one member after another, as
/// `gzip` itself does for concatenated files. Corrupt or truncated data is an error naming the input.
///
/// Memory is one buffer of compressed input and zlib's window (32 KiB), whatever the size of the data.
final class GzipDecoder {
    private static let bufferSize = 1 << 18
    private let name: String
    private var stream = z_stream()
    private let input = UnsafeMutablePointer<UInt8>.allocate(capacity: bufferSize)
    private var sourceEnded = false
    /// Whether a member has started and not ended: the end of the input then truncates it.
    private var insideMember = false

    /// A decoder for the input called `name` (used in messages).
    init(name: String) throws {
        self.name = name
        // 15 + 16: a 32 KiB window, and a gzip header and trailer (not a raw zlib stream).
        let status = inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw CommandFailure("\(name): cannot start gzip decompression (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    /// Decompresses the next bytes into `buffer`, reading compressed bytes with `source` (which returns 0 at
    /// the end of the compressed input); returns how many bytes it wrote, 0 at the end of the data.
    func read(into buffer: UnsafeMutableRawBufferPointer, from source: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> Int {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), !buffer.isEmpty else { return 0 }
        while true {
            if stream.avail_in == 0, !sourceEnded {
                let count = try source(UnsafeMutableRawBufferPointer(start: input, count: Self.bufferSize))
                if count == 0 {
                    sourceEnded = true
                } else {
                    stream.next_in = input
                    stream.avail_in = UInt32(count)
                }
            }
            if stream.avail_in == 0, sourceEnded {
                if insideMember { throw CommandFailure("\(name): the gzip data is truncated (it ends inside a compressed member)") }
                return 0
            }
            stream.next_out = base
            stream.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
            let status = inflate(&stream, Z_NO_FLUSH)
            let produced = buffer.count - Int(stream.avail_out)
            switch status {
            case Z_STREAM_END:
                // The member is complete; another may follow (concatenated gzip files).
                insideMember = false
                inflateReset(&stream)
            case Z_OK, Z_BUF_ERROR:
                insideMember = true
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw CommandFailure("\(name): the gzip data is corrupt: \(detail)")
            }
            if produced > 0 { return produced }
        }
    }

    /// Whether `prefix` starts with the gzip magic number (1f 8b).
    static func isGzip<Bytes: Collection<UInt8>>(_ prefix: Bytes) -> Bool {
        prefix.starts(with: [0x1F, 0x8B])
    }
}
