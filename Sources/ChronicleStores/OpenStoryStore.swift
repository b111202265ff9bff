import ChronicleService
import ChronicleStorePostgres
import ChronicleStoreSQLite
import Foundation

/// Where the service keeps its stories.
public enum StoreLocation: Sendable, Hashable {
    /// An embedded SQLite database, `chronicle.sqlite` in this directory (created owner-only when absent).
    case dataDirectory(URL)
    /// A PostgreSQL database, named by a URL like `postgres://user:password@host:5432/database`
    /// (see ``ChronicleStorePostgres/PostgresLocation`` for the options it reads).
    case postgres(String)

    /// The per-user default data directory: `$XDG_DATA_HOME/chronicle` when that variable is set (to an absolute
    /// path), else `~/.local/share/chronicle`; on macOS, `~/Library/Application Support/Chronicle`.
    public static var defaultDataDirectory: URL {
        defaultDataDirectory(environment: ProcessInfo.processInfo.environment, home: FileManager.default.homeDirectoryForCurrentUser)
    }

    /// ``defaultDataDirectory`` for the given environment and home directory.
    public static func defaultDataDirectory(environment: [String: String], home: URL) -> URL {
        #if os(macOS)
            return home.appendingPathComponent("Library/Application Support/Chronicle", isDirectory: true)
        #else
            if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
                return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("chronicle", isDirectory: true)
            }
            return home.appendingPathComponent(".local/share/chronicle", isDirectory: true)
        #endif
    }
}

/// A store opened by ``openStoryStore(_:)``.
public struct OpenedStore: Sendable {
    /// The store, ready once ``run`` runs (at once for SQLite).
    public let store: any StoryStore
    /// Runs what the store needs in the background (PostgreSQL's connection pool) until the calling task is
    /// cancelled; returns at once for SQLite. Call it once, in a task that lives as long as the store is used:
    /// a PostgreSQL store's calls wait until it runs.
    public let run: @Sendable () async throws -> Void
    /// What was opened, for logs, without any password: "SQLite at /path/chronicle.sqlite" or
    /// "PostgreSQL at postgres://user@host:5432/database".
    public let description: String

    /// An opened store; ``openStoryStore(_:)`` makes them (this initialiser serves tests and stubs).
    public init(store: any StoryStore, run: @escaping @Sendable () async throws -> Void, description: String) {
        self.store = store
        self.run = run
        self.description = description
    }
}

/// Opens the store at `location`, creating the SQLite database or the PostgreSQL tables when absent and bringing an
/// older schema up to date. Throws when the location cannot be used (a directory that cannot be created, an invalid
/// URL, a server that cannot be reached or refuses the credentials); the error's description shows no password.
public func openStoryStore(_ location: StoreLocation) async throws -> OpenedStore {
    switch location {
    case .dataDirectory(let directory):
        let store = try SQLiteStoryStore(directory: directory)
        return OpenedStore(store: store, run: {}, description: "SQLite at \(store.path)")
    case .postgres(let url):
        let store = try await PostgresStoryStore.open(url: url)
        return OpenedStore(store: store, run: { await store.run() }, description: "PostgreSQL at \(store.location.description)")
    }
}
