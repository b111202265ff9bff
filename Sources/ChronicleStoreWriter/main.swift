// ChronicleStoreWriter: a helper for the store durability tests (not a product, not installed).
//
//     ChronicleStoreWriter LOCATION STORY [SCHEMA]
//
// LOCATION is a data directory (SQLite) or a postgres:// URL, STORY the id of an existing story, SCHEMA the
// PostgreSQL schema to use. Four tasks add documents to the story without end; after each write returns, the
// writer prints the new document's id on a line of its own (written straight to the file descriptor, unbuffered),
// so every id printed is a write the store acknowledged. The test kills the writer with SIGKILL mid-stream and
// checks that every printed document is in the store, whole. Document i of task t has the text
// "writer t document i " followed by 20,000 'x', and its analysis is the UTF-8 of TEXT + "|analysis|" + TEXT.
import ChronicleService
import ChronicleStorePostgres
import ChronicleStoreSQLite
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("chronicle-store-writer: \(message)\n".utf8))
    exit(2)
}

func write(to store: any StoryStore, story: Int64) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for task in 0..<4 {
            group.addTask {
                for index in 0... {
                    let text = "writer \(task) document \(index) " + String(repeating: "x", count: 20_000)
                    let analysis = Data((text + "|analysis|" + text).utf8)
                    let record = try await store.addDocument(NewDocument(title: "\(task).\(index)", text: text), analysis: analysis, to: story, limit: nil)
                    FileHandle.standardOutput.write(Data("\(record.id)\n".utf8))
                }
            }
        }
        try await group.waitForAll()
    }
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, let story = Int64(arguments[arguments.startIndex + 1]) else {
    fail("usage: ChronicleStoreWriter LOCATION STORY [SCHEMA]")
}
let location = arguments[arguments.startIndex]
do {
    if location.hasPrefix("postgres") {
        let schema = arguments.count > 2 ? arguments[arguments.startIndex + 2] : nil
        let store = try await PostgresStoryStore.open(url: location, schema: schema)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            try await write(to: store, story: story)
        }
    } else {
        try await write(to: SQLiteStoryStore(directory: URL(fileURLWithPath: location)), story: story)
    }
} catch {
    fail(String(reflecting: error))
}
