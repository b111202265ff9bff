import Foundation
import PostgresNIO

/// A PostgreSQL server and database named by a URL, `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE`
/// (the `postgresql://` scheme too), read the way libpq reads it:
///
/// - the user defaults to `$USER`, the host to `localhost`, the port to 5432 and the database to the user's name;
/// - user and password may be percent-encoded (`%40` for `@`);
/// - `?host=/var/run/postgresql` connects through the Unix socket in that directory (`.s.PGSQL.PORT`);
/// - `sslmode` is `disable`, `prefer` or `require` (`verify-ca` and `verify-full` read as `require`): TLS, when
///   used, verifies the server's certificate. Without `sslmode`, a connection to a loopback address or a socket
///   does not use TLS and any other prefers it.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// Why a URL does not name a PostgreSQL database.
    public struct InvalidURL: Error, CustomStringConvertible, Sendable {
        /// What is wrong, with the URL's password replaced by `***`.
        public var description: String
    }

    /// Whether connections use TLS: never, when the server offers it, or always (failing without it).
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    /// The server's host name or address (`localhost` when the URL names none).
    public var host: String
    /// The server's port (5432 when the URL names none).
    public var port: Int
    /// The directory of the server's Unix socket, when connecting through one.
    public var socketDirectory: String?
    /// The user to log in as.
    public var username: String
    /// The user's password, percent-decoded (`nil`: none, e.g. for peer or trust authentication).
    public var password: String?
    /// The database (the user's name when the URL names none).
    public var database: String
    /// Whether connections use TLS.
    public var tls: TLSMode

    /// Reads a `postgres://` URL; throws ``InvalidURL`` (whose description never shows the password) when it is
    /// not one.
    public init(url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw InvalidURL(description: "not a postgres:// URL: \(Self.redacted(url))")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? query["port"].flatMap { Int($0) } ?? 5432
        socketDirectory = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        username = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.password ?? query["password"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? (query["dbname"] ?? username) : path
        switch query["sslmode"] {
        case nil:
            let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host) || socketDirectory != nil
            tls = loopback ? .disable : .prefer
        case "disable", "allow": tls = .disable
        case "prefer": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        case let mode?: throw InvalidURL(description: "unknown sslmode '\(mode)' in \(Self.redacted(url))")
        }
        guard (1...65535).contains(port) else { throw InvalidURL(description: "port out of range in \(Self.redacted(url))") }
    }

    /// The URL without its password, for messages and logs.
    public var description: String {
        let endpoint = socketDirectory.map { "\(host):\(port) (socket in \($0))" } ?? "\(host):\(port)"
        return "postgres://\(username)@\(endpoint)/\(database)"
    }

    /// Shows the ``description`` only, so that `dump` and debuggers do not show the password.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }

    /// `url` with the password of its user part, if any, replaced by `***`.
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@") else { return url }
        let userInfo = url[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return url[..<colon] + ":***" + url[at...]
    }

    private var socketPath: String? {
        socketDirectory.map { "\($0)/.s.PGSQL.\(port)" }
    }

    /// The configuration of a connection pool to this database; `searchPath`, when given, is sent as the
    /// session's `search_path` when each connection starts.
    func clientConfiguration(searchPath: String?) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketPath {
            configuration = .init(unixSocketPath: socketPath, username: username, password: password, database: database)
        } else {
            let tlsConfiguration: PostgresClient.Configuration.TLS =
                switch tls {
                case .disable: .disable
                case .prefer: .prefer(.makeClientConfiguration())
                case .require: .require(.makeClientConfiguration())
                }
            configuration = .init(host: host, port: port, username: username, password: password, database: database, tls: tlsConfiguration)
        }
        if let searchPath { configuration.options.additionalStartupParameters = [("search_path", searchPath)] }
        return configuration
    }
}

extension PostgresLocation {
    /// The configuration of a single connection (used to migrate the schema before the pool runs).
    func connectionConfiguration(searchPath: String?) throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketPath {
            configuration = .init(unixSocketPath: socketPath, username: username, password: password, database: database)
        } else {
            let context = tls == .disable ? nil : try NIOSSLContext(configuration: .makeClientConfiguration())
            let tlsConfiguration: PostgresConnection.Configuration.TLS = context.map { tls == .require ? .require($0) : .prefer($0) } ?? .disable
            configuration = .init(host: host, port: port, username: username, password: password, database: database, tls: tlsConfiguration)
        }
        if let searchPath { configuration.options.additionalStartupParameters = [("search_path", searchPath)] }
        return configuration
    }
}
