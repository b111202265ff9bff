import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An input opened for reading: a file given on the command line, or standard input (`-`).
///
/// Reads go straight to the file descriptor (no Foundation buffering), so a caller controls exactly how
/// much is held in memory.
final class InputSource {
    /// The path as given, or `<stdin>`: the name used in messages.
    let name: String
    /// The path as given; `nil` for standard input.
    let path: String?
    /// The size of a regular file; `nil` for pipes, terminals and other streams.
    let regularFileSize: Int?
    private let descriptor: Int32

    /// Opens `argument`: `-` is standard input, anything else a path.
    init(opening argument: String) throws {
        if argument == "-" {
            (name, path, descriptor) = ("<stdin>", nil, STDIN_FILENO)
        } else {
            (name, path) = (argument, argument)
            descriptor = open(argument, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CommandFailure("\(argument): cannot open: \(systemErrorMessage())") }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let message = systemErrorMessage()
            if path != nil { close(descriptor) }
            throw CommandFailure("\(name): cannot read: \(message)")
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            if path != nil { close(descriptor) }
            throw CommandFailure("\(name): is a directory, not a file")
        case S_IFREG:
            regularFileSize = Int(status.st_size)
        default:
            regularFileSize = nil
        }
    }

    deinit {
        if path != nil { close(descriptor) }
    }

    /// Reads the next bytes into `buffer`; returns how many, 0 at the end of the input. Gzip-compressed input
    /// (recognised by its first two bytes, whatever its name) is decompressed as it is read.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !sniffed {
            sniffed = true
            var prefix = [UInt8](repeating: 0, count: 2)
            var count = 0
            while count < prefix.count {
                let read = try prefix.withUnsafeMutableBytes { try readRaw(into: UnsafeMutableRawBufferPointer(rebasing: $0[count...])) }
                if read == 0 { break }
                count += read
            }
            pending = Array(prefix[..<count])
            if GzipDecoder.isGzip(pending) { gzip = try GzipDecoder(name: name) }
        }
        if let gzip { return try gzip.read(into: buffer) { try self.readPendingOrRaw(into: $0) } }
        return try readPendingOrRaw(into: buffer)
    }

    /// The compressed bytes read so far (all bytes read, for uncompressed input): the progress through a file.
    private(set) var rawBytesRead = 0
    private var sniffed = false
    private var gzip: GzipDecoder?
    /// Bytes read to recognise the input's format, not yet handed out.
    private var pending: [UInt8] = []
    private func readPendingOrRaw(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !pending.isEmpty else { return try readRaw(into: buffer) }
        let count = min(buffer.count, pending.count)
        buffer.copyBytes(from: pending[..<count])
        pending.removeFirst(count)
        return count
    }

    private func readRaw(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 {
                rawBytesRead += count
                return count
            }
            if errno != EINTR { throw CommandFailure("\(name): cannot read: \(systemErrorMessage())") }
        }
    }

    /// The whole input; fails, without reading more than `limit + 1` bytes, when it is longer than `limit` bytes.
    func readAll(limit: Int, limitName: String) throws -> [UInt8] {
        if let size = regularFileSize, size > limit {
            throw CommandFailure("\(name): the \(path == nil ? "input" : "file") is \(size) bytes, more than the \(limitName) limit of \(limit) bytes")
        }
        var bytes = [UInt8](repeating: 0, count: min(limit, regularFileSize ?? 1 << 16) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= limit else {
                    throw CommandFailure("\(name): the input is more than the \(limitName) limit of \(limit) bytes")
                }
                bytes += [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - bytes.count))
            }
            let read = try bytes.withUnsafeMutableBytes { buffer in
                try self.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}

/// Where a command writes its results: standard output, or a file that appears only once it is complete.
///
/// A file is written to a temporary file in the same directory and renamed into place by ``commit()``;
/// ``discard()`` (or an interrupting signal) removes the temporary file, so that an error never leaves a
/// partial output file behind.
final class OutputSink {
    /// The final path; `nil` for standard output.
    let path: String?
    private let temporaryPath: String?
    private var descriptor: Int32

    /// Standard output.
    static func standardOutput() -> OutputSink { OutputSink() }

    private init() {
        (path, temporaryPath, descriptor) = (nil, nil, STDOUT_FILENO)
    }

    /// A temporary file next to `path`, renamed to `path` on ``commit()``.
    init(atomicallyWritingTo path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure("\(path): is a directory, not a file")
        }
        var attempt = 0
        var created: (descriptor: Int32, error: Int32)
        var temporaryPath: String
        repeat {
            attempt += 1
            temporaryPath = "\(directory)/.\(url.lastPathComponent).\(getpid()).\(attempt).tmp"
            created = TemporaryFiles.shared.create(temporaryPath)
        } while created.descriptor < 0 && created.error == EEXIST && attempt < 100
        guard created.descriptor >= 0 else {
            throw CommandFailure("\(path): cannot create a file in \(directory): \(systemErrorMessage(created.error))")
        }
        let descriptor = created.descriptor
        (self.path, self.temporaryPath, self.descriptor) = (path, temporaryPath, descriptor)
    }

    deinit { discard() }

    /// The name used in messages.
    var name: String { path ?? "<stdout>" }

    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CommandFailure("\(name): cannot write: \(systemErrorMessage())")
                }
                offset += written
            }
        }
    }

    /// Writes the UTF-8 bytes of `text`.
    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Puts a file in place (standard output: nothing to do).
    func commit() throws {
        guard let path, let temporaryPath, descriptor >= 0 else { return }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else {
            let message = systemErrorMessage()
            TemporaryFiles.shared.remove(temporaryPath)
            throw CommandFailure("\(path): cannot write: \(message)")
        }
        guard rename(temporaryPath, path) == 0 else {
            let message = systemErrorMessage()
            TemporaryFiles.shared.remove(temporaryPath)
            throw CommandFailure("\(path): cannot write: \(message)")
        }
        TemporaryFiles.shared.forget(temporaryPath)
    }

    /// Removes the temporary file of an uncommitted file (standard output: nothing to do).
    /// Ends a stream of records (`tag --jsonl`, `timeline --jsonl`): records that failed are in the output as
    /// error records, so it is complete and committed; but when `failedInputs` of the `inputCount` inputs could
    /// not be read, the output is not (a file is then not written) and this throws.
    func commitStream(failedInputs: Int, of inputCount: Int) throws {
        guard failedInputs == 0 else {
            var problems: [String] = []
            if inputCount > 1 { problems.append("error: \(failedInputs) of \(inputCount) inputs failed") }
            if path != nil {
                discard()
                problems.append("error: \(name) not written because of the errors above")
            }
            throw CommandFailure(lines: problems)
        }
        try commit()
    }

    func discard() {
        guard let temporaryPath, descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        TemporaryFiles.shared.remove(temporaryPath)
    }
}

/// Fails when one of `outputs` is one of `inputs` (after resolving `.`, `..` and symbolic links).
func refuseOverwriting(_ inputs: [String], with outputs: [String]) throws {
    func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
    let inputPaths = Set(inputs.map(canonical))
    if let clash = outputs.first(where: { inputPaths.contains(canonical($0)) }) {
        throw CommandFailure("\(clash): the output would overwrite an input")
    }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// The temporary files and directories of this process, removed when an interrupting signal (SIGINT,
/// SIGTERM, SIGHUP) arrives; the signal then takes its default effect.
final class TemporaryFiles: @unchecked Sendable {
    static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var signalSources: [any DispatchSourceSignal] = []

    private init() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [unowned self] in
                lock.lock()
                for path in paths { try? FileManager.default.removeItem(atPath: path) }
                paths.removeAll()
                lock.unlock()
                signal(signalNumber, SIG_DFL)
                kill(getpid(), signalNumber)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// Creates a new file (it must not exist yet) and records it: its descriptor, or -1 and the `errno` of the failure.
    func create(_ path: String) -> (descriptor: Int32, error: Int32) {
        lock.lock()
        defer { lock.unlock() }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return (descriptor, errno) }
        paths.insert(path)
        return (descriptor, 0)
    }

    /// Records a file or directory to remove if a signal interrupts the process.
    func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.insert(path)
    }

    /// Removes a file or directory now.
    func remove(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        try? FileManager.default.removeItem(atPath: path)
        paths.remove(path)
    }

    /// Stops tracking a path that is no longer temporary.
    func forget(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.remove(path)
    }
}
