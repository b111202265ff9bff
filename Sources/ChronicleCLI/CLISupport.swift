import Dispatch
import Foundation

/// Writes to standard output and standard error, one complete line at a time.
struct Console: Sendable {
    func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func warning(_ line: String) {
        error("warning: " + line)
    }
}

/// A problem that stops a command (or, with several inputs, one input): `error: ...` lines for standard error.
struct CommandFailure: Error {
    var lines: [String]

    init(lines: [String]) {
        self.lines = lines
    }

    /// One `error: MESSAGE` line.
    init(_ message: String) {
        self.lines = ["error: " + message]
    }

    func report(to console: Console) {
        for line in lines { console.error(line) }
    }
}

/// The number of cores this process may use.
let availableCores = max(1, ProcessInfo.processInfo.activeProcessorCount)

/// `items.map(transform)` on up to `threads` cores; the results keep the order of `items`.
///
/// Workers take the next item as they become free, so items of very different sizes still keep every
/// worker busy. With one thread (or one item) everything runs on the calling thread.
func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], threads: Int = availableCores, _ transform: @escaping @Sendable (T) -> R
) -> [R] {
    let workers = min(threads, items.count)
    guard workers > 1 else { return items.map(transform) }
    let storage = ResultStorage<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let index = storage.claimNext() {
            storage.store(transform(items[index]), at: index)
        }
    }
    return storage.values
}

/// Slots that concurrent workers fill, each slot by exactly one worker, and the counter they claim slots from.
private final class ResultStorage<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [R?]
    private var next = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func claimNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: R, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [R] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// The relative paths of the `.tml` files under `root` (recursively, hidden entries skipped), sorted.
func timeMLFiles(in root: URL) throws -> [String] {
    let manager = FileManager.default
    guard let enumerator = manager.enumerator(atPath: root.path) else {
        throw CommandFailure("cannot list the directory \(root.path)")
    }
    var names: [String] = []
    while let next = enumerator.nextObject() as? String {
        let components = next.split(separator: "/")
        if components.contains(where: { $0.hasPrefix(".") }) { continue }
        guard next.hasSuffix(".tml") else { continue }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: root.appendingPathComponent(next).path, isDirectory: &isDirectory), !isDirectory.boolValue {
            names.append(next)
        }
    }
    return names.sorted()
}

/// The system's explanation of `errno`: "No such file or directory".
func systemErrorMessage(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
