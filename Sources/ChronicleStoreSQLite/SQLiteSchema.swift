import Foundation
import GRDB

/// The schema of a Chronicle SQLite database, as named migrations applied in order.
///
/// A migration, once released, never changes: a database written by an older version of Chronicle opens in a
/// newer one, which applies only the migrations the database lacks (GRDB records the applied ones in the
/// `grdb_migrations` table). Every string a client sends is kept as its UTF-8 bytes (a BLOB), because SQLite's
/// text API stops at the first NUL character: a BLOB keeps any Swift string byte-identical.
///
/// - `v1`: stories, their documents (unique positions within a story) and each document's analysis.
/// - `v2`: the cached timeline of a story, with the revision it was built for.
enum SQLiteSchema {
    /// The migrator that brings a database up to the current schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE story (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        title BLOB NOT NULL,
                        created REAL NOT NULL,
                        revision INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE document (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        storyID INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        added REAL NOT NULL,
                        title BLOB,
                        published BLOB,
                        url BLOB,
                        text BLOB NOT NULL,
                        source BLOB,
                        format BLOB NOT NULL,
                        UNIQUE (storyID, position)
                    );
                    CREATE TABLE analysis (
                        documentID INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
                        data BLOB NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE timeline (
                        storyID INTEGER PRIMARY KEY REFERENCES story(id) ON DELETE CASCADE,
                        revision INTEGER NOT NULL,
                        data BLOB NOT NULL
                    );
                    """
            )
        }
        return migrator
    }

    /// The name of the database file in a data directory.
    static let fileName = "chronicle.sqlite"

    /// Creates `directory` (mode 0700) when it is absent and the database file in it (mode 0600) when that is
    /// absent, so that SQLite, which gives its `-wal` and `-shm` files the mode of the database file, keeps every
    /// file owner-only. Returns the database file's path.
    static func prepareFiles(in directory: URL) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = directory.appendingPathComponent(fileName).path
        let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(errno)])
        }
        close(descriptor)
        return path
    }
}

extension POSIXError {
    /// The error for an `errno` value (`EIO` when the value is not a known code).
    init(_ number: Int32) {
        self.init(POSIXErrorCode(rawValue: number) ?? .EIO)
    }
}
