import Dispatch
import Foundation

/// Processes a stream of items on worker threads and hands the results back in the order of the items.
///
/// The calling thread produces the items (it reads the input) and consumes the results (it writes the
/// output); `threads` workers transform the items in between, each taking the next item as it becomes
/// free. Reading, transforming and writing thus overlap, and no batch waits for its slowest item.
///
/// At most `window` items are in flight (submitted and not yet consumed): when the window is full, the
/// producer waits for the oldest item's result. Memory is therefore bounded by `window` items and their
/// results, whatever the length of the stream.
final class OrderedStream<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [(sequence: Int, item: Item)] = []
    private var queueHead = 0
    private var finished: [Int: Output] = [:]
    private var producerDone = false
    private var submitted = 0
    private var delivered = 0

    private let window: Int
    private let transform: @Sendable (Item) -> Output
    private let workers = DispatchGroup()

    /// Starts `threads` workers that apply `transform`; at most `window` items are in flight.
    init(threads: Int, window: Int, transform: @escaping @Sendable (Item) -> Output) {
        self.window = max(window, threads, 1)
        self.transform = transform
        for _ in 0..<max(threads, 1) {
            workers.enter()
            Thread.detachNewThread { [self] in
                self.work()
            }
        }
    }

    private func work() {
        defer { workers.leave() }
        while true {
            condition.lock()
            while queueHead == queue.count && !producerDone { condition.wait() }
            guard queueHead < queue.count else {
                condition.unlock()
                return
            }
            let (sequence, item) = queue[queueHead]
            queueHead += 1
            if queueHead > 64, queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            condition.unlock()
            let output = transform(item)
            condition.lock()
            finished[sequence] = output
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The results ready in order, waiting for the oldest when `untilBelowWindow` and the window is full, or
    /// for every result when `all`.
    private func takeReady(waitingForWindow: Bool, all: Bool) -> [Output] {
        condition.lock()
        defer { condition.unlock() }
        var ready: [Output] = []
        while true {
            while let output = finished.removeValue(forKey: delivered) {
                ready.append(output)
                delivered += 1
            }
            let mustWait = all ? delivered < submitted : waitingForWindow && submitted - delivered >= window
            if !mustWait { return ready }
            condition.wait()
        }
    }

    /// Submits the next item. Results that became ready, in order, are handed to `consume` on the calling
    /// thread first; when the window is full this waits for the oldest item's result.
    func submit(_ item: Item, consume: (Output) throws -> Void) throws {
        for output in takeReady(waitingForWindow: true, all: false) { try consume(output) }
        condition.lock()
        queue.append((submitted, item))
        submitted += 1
        condition.signal()
        condition.unlock()
    }

    /// Ends the stream: hands every remaining result to `consume`, in order, and stops the workers.
    func finish(consume: (Output) throws -> Void) throws {
        defer { stop() }
        for output in takeReady(waitingForWindow: false, all: true) { try consume(output) }
    }

    /// Stops the workers once they have drained the queue (also after an error of the consumer). Call it
    /// before letting go of the stream: the workers hold it until then.
    func stop() {
        condition.lock()
        let alreadyDone = producerDone
        producerDone = true
        condition.broadcast()
        condition.unlock()
        if !alreadyDone { workers.wait() }
    }
}
