// swift-tools-version: 6.1
// Chronicle: reconstructs the timeline of a news story from the texts that tell it.
//
// Layout (one module per pipeline stage; stages talk through the value types of ChronicleCore):
//   ChronicleCalendar    calendar arithmetic: dates, ISO weeks, quarters, holidays (no dependencies)
//   ChronicleCore        the document model: Document, TextSpan, Token, TimeExpression, TimeValue, Entity, Timeline, Diagnostic
//   ChronicleText        tokeniser and sentence splitter over UTF-8 bytes
//   ChronicleLanguage    words, part-of-speech tags and lemmas (an averaged perceptron trained on UD English EWT)
//   ChronicleTime        temporal tagger: Recognition/ (lexicon + token grammar), Normalisation/ (anchoring, TIMEX3 values)
//   ChronicleEvents      event mentions (TimeML EVENT) with class, tense, aspect, polarity and modality
//   ChronicleRelations   temporal relations (TimeML TLINK) between events, times and the creation time
//   ChronicleEntities    entities (names, their variants, pronouns and descriptions) and statements (who said what)
//   ChronicleTimeline    the story timeline across documents (TimelineBuilder, dating, salience)
//   ChronicleFormats     TimeML, JSON, JSONL, story-file and text readers and writers; the timeline's JSON/text/HTML views
//   ChronicleEvaluation  TempEval-3, SemEval-2015 TimeLine and story-timeline scoring
//   Chronicle            the library most programs import (re-exports the above)
//   ChronicleService     stories kept in a store (the StoryStore protocol) and their timelines; Foundation only
//   ChronicleStoreSQLite the StoryStore in an embedded SQLite database (GRDB)
//   ChronicleStorePostgres the StoryStore in a PostgreSQL database (postgres-nio)
//   ChronicleStores      opens the store a StoreLocation names (SQLite data directory or PostgreSQL URL)
//   ChronicleStoreWriter a helper executable (not a product) that the store tests kill mid-write (durability)
//   ChronicleServer      the HTTP service (Hummingbird): the JSON API under /v1, the web page, metrics
//   ChronicleCLI         the `chronicle` command-line tool
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Chronicle",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "Chronicle", targets: ["Chronicle"]),
        .executable(name: "chronicle", targets: ["ChronicleCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "ChronicleCalendar", swiftSettings: swiftSettings),
        .target(name: "ChronicleCore", dependencies: ["ChronicleCalendar"], swiftSettings: swiftSettings),
        .target(name: "ChronicleText", dependencies: ["ChronicleCore"], swiftSettings: swiftSettings),
        .target(name: "ChronicleLanguage", dependencies: ["ChronicleCore", "ChronicleText"], swiftSettings: swiftSettings),
        .target(name: "ChronicleTime", dependencies: ["ChronicleCalendar", "ChronicleCore", "ChronicleText", "ChronicleLanguage"], swiftSettings: swiftSettings),
        .target(name: "ChronicleEvents", dependencies: ["ChronicleCore", "ChronicleText", "ChronicleLanguage"], swiftSettings: swiftSettings),
        .target(name: "ChronicleRelations", dependencies: ["ChronicleCalendar", "ChronicleCore", "ChronicleLanguage"], swiftSettings: swiftSettings),
        .target(name: "ChronicleEntities", dependencies: ["ChronicleCore", "ChronicleLanguage"], swiftSettings: swiftSettings),
        .target(
            name: "ChronicleTimeline",
            dependencies: [
                "ChronicleCalendar", "ChronicleCore", "ChronicleText", "ChronicleLanguage", "ChronicleTime", "ChronicleEvents", "ChronicleRelations",
                "ChronicleEntities", "ChronicleFormats",
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "ChronicleFormats", dependencies: ["ChronicleCore"], swiftSettings: swiftSettings),
        .target(name: "ChronicleEvaluation", dependencies: ["ChronicleCalendar", "ChronicleCore", "ChronicleFormats"], swiftSettings: swiftSettings),
        .target(
            name: "Chronicle",
            dependencies: [
                "ChronicleCalendar", "ChronicleCore", "ChronicleText", "ChronicleLanguage", "ChronicleTime", "ChronicleEvents",
                "ChronicleRelations", "ChronicleEntities", "ChronicleTimeline", "ChronicleFormats", "ChronicleEvaluation",
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "ChronicleService", dependencies: ["Chronicle"], swiftSettings: swiftSettings),
        // The system's zlib (zlib1g-dev): gzip input to the command-line tool, gzip responses of the server.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(
            name: "ChronicleStoreSQLite",
            dependencies: ["ChronicleService", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChronicleStorePostgres",
            dependencies: [
                "ChronicleService", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "ChronicleStores", dependencies: ["ChronicleStoreSQLite", "ChronicleStorePostgres"], swiftSettings: swiftSettings),
        // A synchronous driver of single bench stages, for callgrind (not a product; see its main.swift).
        .executableTarget(name: "chronicle-profile", dependencies: ["Chronicle"], path: "Sources/ChronicleProfile", swiftSettings: swiftSettings),
        .executableTarget(name: "ChronicleStoreWriter", dependencies: ["ChronicleStoreSQLite", "ChronicleStorePostgres"], swiftSettings: swiftSettings),
        .target(
            name: "ChronicleServer",
            dependencies: [
                "Chronicle", "ChronicleService", "ChronicleStores", "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ChronicleCLI",
            dependencies: [
                "Chronicle", "CZlib", "ChronicleService", "ChronicleStores", "ChronicleServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChronicleCalendarTests",
            dependencies: ["ChronicleCalendar", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ChronicleTextTests", dependencies: ["ChronicleText"], swiftSettings: swiftSettings),
        .testTarget(name: "ChronicleLanguageTests", dependencies: ["ChronicleLanguage"], swiftSettings: swiftSettings),
        .testTarget(name: "ChronicleTimeTests", dependencies: ["ChronicleTime"], swiftSettings: swiftSettings),
        .testTarget(name: "ChronicleEventsTests", dependencies: ["ChronicleEvents", "ChronicleFormats"], swiftSettings: swiftSettings),
        .testTarget(name: "ChronicleRelationsTests", dependencies: ["ChronicleRelations", "ChronicleEvents", "ChronicleTime", "ChronicleFormats", "ChronicleEvaluation"], swiftSettings: swiftSettings),
        .testTarget(name: "ChronicleEntitiesTests", dependencies: ["ChronicleEntities", "ChronicleTime"], swiftSettings: swiftSettings),
        .testTarget(name: "ChronicleTimelineTests", dependencies: ["ChronicleTimeline", "ChronicleEntities", "ChronicleFormats"], swiftSettings: swiftSettings),
        .testTarget(name: "ChronicleFormatsTests", dependencies: ["ChronicleFormats", "ChronicleTime"], swiftSettings: swiftSettings),
        .testTarget(name: "ChronicleEvaluationTests", dependencies: ["ChronicleEvaluation", "ChronicleFormats", "ChronicleCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ChronicleCLITests", dependencies: ["ChronicleCLI"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ChronicleStoreTests",
            dependencies: [
                "ChronicleService", "ChronicleStoreSQLite", "ChronicleStorePostgres", "ChronicleStores", "ChronicleStoreWriter",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ChronicleServiceTests", dependencies: ["ChronicleService"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ChronicleServerTests",
            dependencies: ["ChronicleServer", "CZlib", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

// `CHRONICLE_PACKAGE=core`: the library, the service layer (Foundation only) and their tests, without the command
// line, the stores and the server, so without their dependencies (Hummingbird, SwiftNIO, GRDB, postgres-nio,
// Argument Parser). CI builds this graph under AddressSanitizer and ThreadSanitizer (.ci/sanitizers.sh): a
// sanitized build of the whole graph takes longer than the rest of CI together.
if Context.environment["CHRONICLE_PACKAGE"] == "core" {
    let outside: Set<String> = [
        "ChronicleStoreSQLite", "ChronicleStorePostgres", "ChronicleStores", "ChronicleStoreWriter", "ChronicleServer", "ChronicleCLI", "CZlib",
        "ChronicleCLITests", "ChronicleStoreTests", "ChronicleServerTests",
    ]
    package.targets.removeAll { outside.contains($0.name) }
    package.products = [.library(name: "Chronicle", targets: ["Chronicle"])]
    package.dependencies = [.package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1")]
}
