import CZlib
import Foundation
import Hummingbird

/// gzip content coding (RFC 9110 §8.4.1.3) for the large bodies the server sends: a timeline's JSON is hundreds of
/// kilobytes and shrinks about tenfold. A body is compressed once per story revision (the compressed buffer is kept
/// in ``RenderedBodies`` beside the plain one), so serving it again costs nothing more.
enum GzipEncoding {
    /// Bodies smaller than this go out as they are: compressing them saves less than the headers weigh.
    static let minimumBytes = 1_024

    /// zlib's level 3: on a timeline's JSON about as small as level 6 (within 25%) at a third of its time.
    static let level: Int32 = 3

    /// Whether an `Accept-Encoding` field value accepts gzip: a `gzip` (or `x-gzip`) or `*` coding without `q=0`
    /// (codings are case-insensitive; an explicit `gzip;q=0` refuses it even after `*`).
    static func isAccepted(by acceptEncoding: String?) -> Bool {
        guard let acceptEncoding else { return false }
        var star: Bool?
        for element in acceptEncoding.split(separator: ",") {
            let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, !coding.isEmpty else { continue }
            let refused = parts.dropFirst().contains { parameter in
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return pair.count == 2 && pair[0] == "q" && (Double(pair[1]).map { $0 <= 0 } ?? false)
            }
            switch coding {
            case "gzip", "x-gzip": return !refused
            case "*": star = !refused
            default: continue
            }
        }
        return star ?? false
    }

    /// `bytes` as a gzip member (header, deflate stream, CRC-32 and length), or nil if zlib fails.
    static func compressed(_ bytes: some ContiguousBytes) -> [UInt8]? {
        bytes.withUnsafeBytes { input -> [UInt8]? in
            var stream = z_stream()
            // 15 + 16: a 32 KiB window and a gzip wrapper; memory level 8, zlib's default.
            guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
            else { return nil }
            defer { deflateEnd(&stream) }
            let bound = Int(deflateBound(&stream, uLong(input.count)))
            var output = [UInt8](repeating: 0, count: bound)
            let status = output.withUnsafeMutableBytes { out -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
            guard status == Z_STREAM_END else { return nil }
            output.removeSubrange(Int(stream.total_out)...)
            return output
        }
    }
}
