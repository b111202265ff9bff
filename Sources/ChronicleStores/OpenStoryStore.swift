// STUB — TO BE REPLACED AT MERGE by the real `ChronicleStores` target (SQLite via GRDB, PostgreSQL via
// postgres-nio) from the store branch. Only the public API below is relied on by the server and the CLI;
// this stub keeps every store in memory, so nothing survives the process.
import ChronicleService
import Foundation

/// Where the service keeps its stories.
public enum StoreLocation: Sendable {
    /// An embedded SQLite database in this directory.
    case dataDirectory(URL)
    /// A PostgreSQL server, by connection URL (`postgres://user:password@host:5432/database`).
    case postgres(String)

    /// The default data directory (stub: `~/.chronicle` or `$CHRONICLE_DATA_DIR`).
    public static var defaultDataDirectory: URL {
        if let directory = ProcessInfo.processInfo.environment["CHRONICLE_DATA_DIR"], !directory.isEmpty {
            return URL(fileURLWithPath: directory, isDirectory: true)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".chronicle", isDirectory: true)
    }
}

/// An open store, with the background work it needs (a connection pool's run loop) and a line that says
/// where it is.
public struct OpenedStore: Sendable {
    public let store: any StoryStore
    /// Runs the store's background work until cancelled; the caller runs it in a service group or a task.
    public let run: @Sendable () async throws -> Void
    /// Where the stories are kept, for a log line (never a password).
    public let description: String

    public init(store: any StoryStore, run: @escaping @Sendable () async throws -> Void, description: String) {
        self.store = store
        self.run = run
        self.description = description
    }
}

/// Opens the store at `location`. STUB: always an in-memory store.
public func openStoryStore(_ location: StoreLocation) async throws -> OpenedStore {
    let place: String
    switch location {
    case .dataDirectory(let url): place = url.path
    case .postgres: place = "PostgreSQL"
    }
    return OpenedStore(
        store: InMemoryStoryStore(),
        run: {
            // Wait until cancelled, as a real store's connection pool would.
            while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
        },
        description: "in-memory store (stub standing in for \(place); nothing is kept after exit)"
    )
}
