import Chronicle
import Foundation

/// How an analysed ``Document`` is kept in a store: JSON from `JSONEncoder` (the layers' `Codable`
/// conformances), keys unsorted and no white space.
///
/// JSON was chosen over a binary format because it needs no code beyond the `Codable` conformances and
/// stays readable in the database. Its cost, measured on the seed story (about 5 KB of text): the archive is
/// about 25 times the text, encoding takes about 2 ms and decoding about 3 ms; a 20-document story decodes in
/// tens of milliseconds, once per revision (the timeline is cached afterwards).
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
