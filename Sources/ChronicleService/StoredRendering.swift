import Foundation

/// The timeline JSON the service keeps in the store (``StoryStore/cacheTimeline(_:of:revision:)``), stamped with
/// the build that rendered it: a story's revision says its documents have not changed, not that the program
/// rendering them has, and a restarted service of another build must not serve the old build's timeline (it
/// assembles the story again and stores its own). The stamp is a first line, `chronicle-rendering STAMP`; a
/// stored value without this build's stamp (another build's, or one of the versions before stamps) is not used.
enum StoredRendering {
    /// This build's stamp: a hash of the running executable's path, size and modification time (a new build or
    /// install changes it; restarting the same one does not), or "unknown" where the executable cannot be read.
    static let buildStamp: String = {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.int64Value,
              let modified = attributes[.modificationDate] as? Date
        else { return "unknown" }
        return String(FNV1a.hash("\(path)\u{0}\(size)\u{0}\(modified.timeIntervalSince1970)".utf8), radix: 16)
    }()

    /// `data` stamped with `stamp`, as stored.
    static func stamped(_ data: Data, stamp: String) -> Data {
        header(stamp) + data
    }

    /// The data of a stored value when it carries `stamp`, else nil.
    static func data(of stored: Data, stamp: String) -> Data? {
        let header = header(stamp)
        guard stored.starts(with: header) else { return nil }
        return Data(stored.dropFirst(header.count))
    }

    private static func header(_ stamp: String) -> Data {
        Data("chronicle-rendering \(stamp)\n".utf8)
    }
}

/// The 64-bit FNV-1a hash: small, fast, the same in every process (unlike `Hasher`), for keys that are stored or
/// sent (the stamp above, the server's entity tags). Not for anything an adversary chooses to collide.
package enum FNV1a {
    @inlinable
    package static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
