import ChronicleService
import Hummingbird

/// Entity tags and conditional GET (RFC 9110, 8.8.3 and 13.1.2) for the timeline renderings: a client that
/// polls a story sends back the tag it was given in `If-None-Match` and gets `304 Not Modified`, without the
/// body, while the story is unchanged. Renderings are sent with `Cache-Control: no-cache`, so that browsers
/// (the timeline page's `fetch`) keep the body and ask again each time, rather than reuse it unasked.
enum EntityTag {
    /// The strong entity tag of these bytes: `"` + the FNV-1a 64-bit hash of the bytes in hex, `-`, their
    /// count in hex + `"`. It depends on the bytes only, so it stays the same across restarts and across
    /// servers sharing a PostgreSQL store, and changes with any change of the rendering (a new revision, a new
    /// version of Chronicle, another content encoding).
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        "\"" + String(FNV1a.hash(bytes), radix: 16) + "-" + String(bytes.count, radix: 16) + "\""
    }

    /// Whether an `If-None-Match` field value names `tag` (weak comparison: `W/` prefixes are ignored), or is
    /// `*`. A field that is not a list of entity tags matches nothing.
    static func noneMatchNames(_ field: String?, _ tag: String) -> Bool {
        guard let field else { return false }
        let wanted = Substring(tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag)
        for member in field.split(separator: ",") {
            var candidate = member.drop { $0 == " " || $0 == "\t" }
            while let last = candidate.last, last == " " || last == "\t" { candidate = candidate.dropLast() }
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate = candidate.dropFirst(2) }
            if candidate == wanted { return true }
        }
        return false
    }
}
