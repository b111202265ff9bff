import Foundation

/// Splits a byte stream into lines (ended by a line feed) while holding at most one line in memory.
///
/// The stream is read in chunks through a closure, so the reader works on files, pipes and standard input
/// alike, whatever their size. A line longer than ``maximumLineLength`` bytes is never held whole: once it
/// passes the limit, its bytes are dropped as they arrive and it is reported as
/// ``Line/oversized(number:byteCount:)``, so that a caller can skip it and go on. The buffer never grows
/// beyond `maximumLineLength + 1` bytes.
///
/// Lines are numbered from 1. The line feed is not part of a line; a carriage return before it is (JSON
/// parsers treat it as white space). A last line without a line feed is still a line; an input that ends
/// with a line feed has no empty line after it.
///
/// ```swift
/// var lines = BoundedLineReader(maximumLineLength: 1 << 20) { buffer in try readSomeBytes(into: buffer) }
/// while let line = try lines.next() { ... }
/// ```
public struct BoundedLineReader {
    /// One line of the stream.
    public enum Line: Hashable, Sendable {
        /// A line within the limit: its number and its bytes (without the line feed).
        case complete(number: Int, bytes: [UInt8])
        /// A line longer than the limit: its number and its length in bytes (without the line feed).
        case oversized(number: Int, byteCount: Int)

        /// The line number, from 1.
        public var number: Int {
            switch self {
            case .complete(let number, _), .oversized(let number, _): number
            }
        }
    }

    /// The longest line, in bytes without its line feed, that ``next()`` returns whole.
    public let maximumLineLength: Int
    private let chunkSize: Int
    private let read: (UnsafeMutableRawBufferPointer) throws -> Int
    private var buffer: [UInt8]
    /// `buffer[start..<end]` holds the bytes read but not yet returned; `buffer[start..<scanned]` has no line feed.
    private var start = 0
    private var scanned = 0
    private var end = 0
    /// The bytes of an oversized line dropped so far, while one is being skipped.
    private var dropped: Int?
    private var lineCount = 0
    private var reachedEnd = false

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - maximumLineLength: The longest line to return whole, in bytes; longer lines are reported as oversized.
    ///   - chunkSize: How many bytes to ask `read` for at a time (at most).
    ///   - read: Fills a prefix of the buffer it is given with the next bytes of the stream and returns how
    ///     many it wrote; 0 means the stream has ended. Errors it throws are passed on by ``next()``.
    public init(maximumLineLength: Int, chunkSize: Int = 1 << 16, read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        precondition(maximumLineLength >= 0 && chunkSize > 0, "invalid BoundedLineReader limits")
        self.maximumLineLength = maximumLineLength
        self.chunkSize = chunkSize
        self.read = read
        self.buffer = [UInt8](repeating: 0, count: min(chunkSize, maximumLineLength + 1))
    }

    /// The next line, or `nil` at the end of the stream.
    public mutating func next() throws -> Line? {
        while true {
            if let lineFeed = firstLineFeed() {
                return takeLine(endingAt: lineFeed, resumingAt: lineFeed + 1)
            }
            scanned = end
            if reachedEnd {
                guard start < end || dropped != nil else { return nil }
                return takeLine(endingAt: end, resumingAt: end)
            }
            if dropped != nil || end - start > maximumLineLength {
                dropped = (dropped ?? 0) + (end - start)
                start = end
                scanned = end
            }
            makeRoom()
            let count = try buffer.withUnsafeMutableBytes { bytes in
                try read(UnsafeMutableRawBufferPointer(rebasing: bytes[end..<min(bytes.count, end + chunkSize)]))
            }
            if count == 0 { reachedEnd = true } else { end += count }
        }
    }

    private func firstLineFeed() -> Int? {
        guard scanned < end else { return nil }
        return buffer.withUnsafeBytes { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base + scanned, 0x0A, end - scanned) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private mutating func takeLine(endingAt lineEnd: Int, resumingAt next: Int) -> Line {
        lineCount += 1
        let length = lineEnd - start
        let line: Line = if dropped != nil || length > maximumLineLength {
            .oversized(number: lineCount, byteCount: (dropped ?? 0) + length)
        } else {
            .complete(number: lineCount, bytes: Array(buffer[start..<lineEnd]))
        }
        dropped = nil
        start = next
        scanned = next
        return line
    }

    /// Moves the pending bytes to the front and grows the buffer (up to one line past the limit) when it is full.
    private mutating func makeRoom() {
        if start > 0 {
            let pending = end - start
            if pending > 0 {
                buffer.withUnsafeMutableBytes { bytes in
                    _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, pending)
                }
            }
            end = pending
            scanned -= start
            start = 0
        }
        if end == buffer.count {
            let grown = min(max(buffer.count * 2, 1), maximumLineLength + 1)
            buffer += [UInt8](repeating: 0, count: grown - buffer.count)
        }
    }
}
