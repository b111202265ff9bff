import Foundation

/// Bounds how many analyses run at once and how many wait: an async semaphore with a bounded FIFO queue.
///
/// The pipeline is CPU work; running more analyses than there are cores only makes each slower, and an
/// unbounded queue lets one client hold every other client's document behind its own. A caller that finds
/// the queue full gets ``StoryServiceError/busy`` at once (the HTTP layer answers 503).
public actor AnalysisGate {
    private let slots: Int
    private let maximumWaiting: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var nextWaiter = 0  // waiting[..<nextWaiter] have been resumed

    /// `slots` analyses run at once; at most `maximumWaiting` more wait for a slot.
    public init(slots: Int, maximumWaiting: Int) {
        self.slots = max(1, slots)
        self.maximumWaiting = max(0, maximumWaiting)
    }

    /// Runs `work` in a slot, waiting for one if needed.
    public func run<T: Sendable>(_ work: @Sendable @escaping () -> T) async throws -> T {
        try await acquire()
        let result = await Self.offPool(work)
        release()
        return result
    }

    /// Runs `work` in a slot, waiting for one if needed, and gives up with ``StoryServiceError/timedOut(limit:)``
    /// when the wait and the work together take longer than `timeLimit` (`nil`: no limit).
    ///
    /// An analysis cannot be stopped halfway: one that outlasts the limit goes on in its slot and its result
    /// is dropped, so the slots still bound the CPU work under way. Work that gets its slot only after the
    /// limit is not started at all.
    public func run<T: Sendable>(timeLimit: Duration?, _ work: @Sendable @escaping () -> T) async throws -> T {
        guard let timeLimit else { return try await run(work) }
        let deadline = ContinuousClock.now.advanced(by: timeLimit)
        return try await Self.withDeadline(deadline, limit: timeLimit) { try await self.run(before: deadline, work) }
    }

    private func run<T: Sendable>(before deadline: ContinuousClock.Instant, _ work: @Sendable @escaping () -> T) async throws -> T {
        try await acquire()
        guard ContinuousClock.now < deadline else {
            release()
            throw StoryServiceError.timedOut(limit: .zero)
        }
        let result = await Self.offPool(work)
        release()
        return result
    }

    /// The result of `operation`, or ``StoryServiceError/timedOut(limit:)`` at `deadline` if it has not
    /// finished by then (it then goes on unobserved).
    static func withDeadline<T: Sendable>(
        _ deadline: ContinuousClock.Instant, limit: Duration, _ operation: @Sendable @escaping () async throws -> T
    ) async throws -> T {
        let outcome = FirstOutcome<T>()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.start(continuation)
            let timer = Task {
                // Cancelled when the operation finishes first: then there is nothing to report.
                do { try await Task.sleep(until: deadline, clock: .continuous) } catch { return }
                outcome.finish(.failure(StoryServiceError.timedOut(limit: limit)))
            }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                timer.cancel()
                // The gate's own check reports a zero limit; the caller's limit is the one to name.
                if case .failure(StoryServiceError.timedOut) = result {
                    outcome.finish(.failure(StoryServiceError.timedOut(limit: limit)))
                } else {
                    outcome.finish(result)
                }
            }
        }
    }

    private func acquire() async throws {
        if running < slots {
            running += 1
            return
        }
        guard waiting.count - nextWaiter < maximumWaiting else { throw StoryServiceError.busy }
        await withCheckedContinuation { waiting.append($0) }
        // The slot was handed over by `release`: `running` already counts it.
    }

    private func release() {
        if nextWaiter < waiting.count {
            let next = waiting[nextWaiter]
            nextWaiter += 1
            if nextWaiter > 64, nextWaiter * 2 > waiting.count {
                waiting.removeFirst(nextWaiter)
                nextWaiter = 0
            }
            next.resume()
        } else {
            running -= 1
        }
    }

    /// Runs CPU-bound work on a Dispatch thread, so that it does not hold one of the few threads of Swift's
    /// cooperative pool (which serves every request) for the length of an analysis.
    public static func offPool<T: Sendable>(_ work: @Sendable @escaping () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}

/// Resumes a continuation with the first of several outcomes and ignores the others.
private final class FirstOutcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    func finish(_ result: Result<T, any Error>) {
        let continuation = lock.withLock { () -> CheckedContinuation<T, any Error>? in
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume(with: result)
    }
}
