import ArgumentParser
import ChronicleStores
import Foundation

/// `--data-dir DIR | --postgres URL`: where `serve` and `story` keep the stories (the same store for both).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Keep the stories in an SQLite database in DIR. (default: $XDG_DATA_HOME/chronicle or ~/.local/share/chronicle)", valueName: "DIR"))
    var dataDirectory: String?

    @Option(name: .customLong("postgres"), help: ArgumentHelp(
        "Keep the stories in this PostgreSQL database (postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=require]); the password is never printed.",
        valueName: "URL"))
    var postgresURL: String?

    func validate() throws {
        if dataDirectory != nil, postgresURL != nil { throw ValidationError("give either --data-dir or --postgres, not both") }
        if let dataDirectory, dataDirectory.isEmpty { throw ValidationError("--data-dir must not be empty") }
    }

    var location: StoreLocation {
        if let postgresURL { return .postgres(postgresURL) }
        if let dataDirectory { return .dataDirectory(URL(fileURLWithPath: dataDirectory, isDirectory: true)) }
        return .dataDirectory(StoreLocation.defaultDataDirectory)
    }
}
