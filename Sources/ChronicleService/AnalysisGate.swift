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
