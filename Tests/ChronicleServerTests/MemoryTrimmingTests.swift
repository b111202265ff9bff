import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import ChronicleServer

/// The server gives the memory its allocator holds free back to the system (``MemoryTrimming``), so that its
/// resident set follows its live memory instead of its highest peak.
@Suite("Memory trimming")
struct MemoryTrimmingTests {
    #if canImport(Glibc)
    /// The share of the whole pages inside each block (of `size` bytes) that are resident in memory (`mincore`,
    /// which reads no memory: the blocks may be freed).
    static func residentShare(of blocks: [UInt], size: Int) -> Double {
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        var resident = 0, total = 0
        for address in blocks {
            let first = (address + page) & ~(page - 1), end = (address + UInt(size)) & ~(page - 1)
            guard end > first else { continue }
            let pages = Int((end - first) / page)
            var vector = [UInt8](repeating: 0, count: pages)
            guard mincore(UnsafeMutableRawPointer(bitPattern: first), Int(end - first), &vector) == 0 else { continue }
            resident += vector.filter { $0 & 1 == 1 }.count
            total += pages
        }
        return total == 0 ? 0 : Double(resident) / Double(total)
    }

    /// (Under a sanitizer, memory comes from its own allocator, which `malloc_trim` does not reach.)
    @Test(.enabled(if: !isSanitized, "a sanitizer's allocator is in use"))
    func freedMemoryBetweenLiveBlocksGoesBackToTheSystem() {
        // Blocks of 64 KB (below glibc's mmap threshold: they come from the heap), written to, then 9 in 10 freed:
        // their pages lie between live blocks, where freeing alone does not return them to the system.
        let size = 64 << 10
        let blocks = (0..<256).map { _ -> UnsafeMutableRawPointer in
            let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            block.initializeMemory(as: UInt8.self, repeating: 0xA5, count: size)
            return block
        }
        var freed: [UInt] = []
        for (index, block) in blocks.enumerated() where index % 10 != 0 {
            freed.append(UInt(bitPattern: block))
            block.deallocate()
        }
        defer { for (index, block) in blocks.enumerated() where index % 10 == 0 { block.deallocate() } }
        let before = Self.residentShare(of: freed, size: size)
        MemoryTrimming.trim()
        let after = Self.residentShare(of: freed, size: size)
        // (Other tests run at the same time and may reuse a few of the freed blocks.)
        #expect(before > 0.8, "\(before) of the freed pages resident before the trim")
        #expect(after < 0.2, "\(after) of the freed pages resident after the trim")
    }
    #endif
}
