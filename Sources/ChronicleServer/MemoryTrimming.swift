#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ServiceLifecycle

/// Keeps the server's resident set close to its live memory: configures glibc's allocator at start
/// (``configureAllocator()``) and gives the memory it holds free back to the system every `interval`.
///
/// Under concurrent load glibc's allocator fragments: its threshold for giving a large block its own mapping
/// rises with each large block freed (up to 32 MB), so the timelines' renderings and the analyses' arrays
/// (hundreds of kilobytes) land in the arenas (up to eight per core), where they leave holes that later small
/// blocks pin. The live memory stays bounded (the caches are, by ``StoryService/Configuration/maximumCacheBytes``)
/// while the resident set creeps up with every rarer peak of requests in flight: measured with `malloc_stats`,
/// 71 MB in use for 117 MB taken, and 3 MB more taken each minute. So the threshold is fixed at 128 KB
/// (a large block is mapped, and unmapped when freed), the arenas are at most two per core, and `malloc_trim`
/// returns free pages inside the arenas (a millisecond or two per call). Elsewhere than on glibc it does nothing.
struct MemoryTrimming: Service {
    var interval: Duration = .seconds(5)

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    Self.trim()
                }
            }
        } catch is CancellationError {
            // The server is stopping.
        }
    }

    /// glibc's `malloc_trim` and `mallopt`, looked up at run time (their header is not part of Swift's Glibc
    /// module); `nil` where the C library has none.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = function("malloc_trim")
    private static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = function("mallopt")

    private static func function<F>(_ name: String) -> F? {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: F.self)
        #else
        return nil
        #endif
    }

    /// Fixes the allocator's mapping threshold at 128 KB and its arenas at two per core (glibc's `M_MMAP_THRESHOLD`
    /// and `M_ARENA_MAX`). Called once, before the server's threads start.
    static func configureAllocator(cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        _ = mallopt?(-3, 128 << 10)  // M_MMAP_THRESHOLD
        _ = mallopt?(-8, Int32(clamping: max(2, 2 * cores)))  // M_ARENA_MAX
    }

    static func trim() {
        _ = mallocTrim?(0)
    }
}
