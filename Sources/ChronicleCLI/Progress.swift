import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long run on standard error: documents, megabytes read, documents per second, and the time
/// left when the size of the input is known. Shown only when standard error is a terminal, at most twice a
/// second, on one line that is rewritten; quiet otherwise (in pipelines, logs and tests).
///
/// `12,400 documents · 38.2 MB · 2,310 documents/s · 61% · about 0:21 left`
final class Progress: @unchecked Sendable {
    private let isShown: Bool
    private let totalBytes: Int?
    private let start = Date()
    private var lastShown = Date.distantPast
    private var documents = 0
    /// Bytes of the inputs already finished, and of the current one.
    private var finishedBytes = 0
    private var currentBytes = 0
    private var hasShown = false

    /// Progress over inputs of `totalBytes` bytes (`nil`: unknown, no estimate of the time left).
    init(console: Console, totalBytes: Int?, shown: Bool = isatty(STDERR_FILENO) == 1) {
        self.isShown = shown
        self.totalBytes = totalBytes
    }

    /// The total size of the inputs when all are regular files (the bytes as stored: compressed for gzip).
    static func totalBytes(of inputs: [String]) -> Int? {
        var total = 0
        for input in inputs {
            var status = stat()
            guard input != "-", stat(input, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            total += Int(status.st_size)
        }
        return total
    }

    /// Records `documents` more documents and the bytes read so far of the current input.
    func update(documents: Int, inputBytes: Int) {
        self.documents += documents
        currentBytes = inputBytes
        guard isShown else { return }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 0.5 else { return }
        lastShown = now
        show(now)
    }

    /// Moves on to the next input.
    func nextInput() {
        finishedBytes += currentBytes
        currentBytes = 0
    }

    /// Ends the progress line.
    func finish() {
        guard isShown, hasShown else { return }
        show(Date())
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func show(_ now: Date) {
        let seconds = max(now.timeIntervalSince(start), 0.001)
        let bytes = finishedBytes + currentBytes
        var parts = [
            "\(Self.grouped(documents)) documents", String(format: "%.1f MB", Double(bytes) / 1e6),
            "\(Self.grouped(Int(Double(documents) / seconds))) documents/s",
        ]
        if let totalBytes, totalBytes > 0, bytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            let left = Int(seconds / fraction * (1 - fraction))
            parts.append("\(Int(fraction * 100))%")
            parts.append(String(format: "about %d:%02d left", left / 60, left % 60))
        }
        hasShown = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + parts.joined(separator: " · ")).utf8))
    }

    private static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
