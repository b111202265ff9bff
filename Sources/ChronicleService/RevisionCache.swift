import Foundation

/// The revisions of stories read from the store, trusted for a short time, so that a timeline read of an
/// unchanged story does not ask the store (a database round trip on every request otherwise).
///
/// The service forgets a story's revision before and after it changes the story; a revision read from the
/// store is noted only if nothing was forgotten since the read began (`token`), so a read that raced a write
/// never leaves the older revision behind. Changes through the service are thus seen at once; changes by other
/// processes sharing the store within `interval`.
final class RevisionCache: Sendable {
    private struct State {
        var revisions: [Int64: (revision: Int64, until: UInt64)] = [:]
        /// Rises with every `forget`.
        var epoch: UInt64 = 0
    }

    private let interval: UInt64
    private let state = NSLockedBox(State())
    private static let maximumStories = 4_096

    init(interval: Duration) {
        let (seconds, attoseconds) = interval.components
        self.interval = seconds <= 0 && attoseconds <= 0 ? 0 : UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }

    /// The story's trusted revision, if any; else the token to note the revision read from the store with.
    func revision(of story: Int64) -> (revision: Int64?, token: UInt64) {
        guard interval > 0 else { return (nil, 0) }
        let now = DispatchTime.now().uptimeNanoseconds
        return state.withLock { state in
            if let entry = state.revisions[story], entry.until > now { return (entry.revision, state.epoch) }
            return (nil, state.epoch)
        }
    }

    /// Notes a revision read from the store, unless a story was forgotten since the read began.
    func note(_ revision: Int64, of story: Int64, token: UInt64) {
        guard interval > 0 else { return }
        let until = DispatchTime.now().uptimeNanoseconds + interval
        state.withLock { state in
            guard state.epoch == token else { return }
            if state.revisions.count >= Self.maximumStories, state.revisions[story] == nil { state.revisions.removeAll(keepingCapacity: true) }
            state.revisions[story] = (revision, until)
        }
    }

    /// Forgets a story's revision (it is about to change, or has).
    func forget(_ story: Int64) {
        state.withLock { state in
            state.epoch &+= 1
            state.revisions[story] = nil
        }
    }
}
