import Chronicle
import Foundation

/// How an analysed ``Document`` is kept in a store: JSON from `JSONEncoder` (the layers' `Codable`
/// conformances), keys unsorted and no white space.
///
/// JSON was chosen over a binary format because it needs no code beyond the `Codable` conformances and
/// stays readable in the database. Its cost is the weak point of adding a document: on the 3 KB seed article
/// (release build, loaded machine) the whole pipeline takes about 4 ms and adding the document about 17 ms, the
/// difference being mostly this encoding; a faster archive (a binary encoding of the layers) is the next step.
/// Decoding is paid once per story revision, when the timeline is assembled (then cached).
public enum DocumentArchive {
    /// The archive of an analysed document.
    public static func encode(_ document: Document) throws -> Data {
        try JSONEncoder().encode(document)
    }

    /// The document of an archive.
    public static func decode(_ data: Data) throws -> Document {
        try JSONDecoder().decode(Document.self, from: data)
    }
}
