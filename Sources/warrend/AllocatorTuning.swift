#if canImport(Glibc)
    import Glibc
#endif

/// Keeps glibc's allocator from handing freed memory back to the kernel on every commit (D113).
///
/// With the defaults (trim above 128 KiB, dynamic mmap threshold), the store writer's thread arena shrank
/// and regrew once per admission: one `madvise(MADV_DONTNEED)` per durable Ingest, each a TLB shootdown
/// that interrupts the other core, plus the page faults of regrowing. Trimming only above 32 MiB and
/// serving allocations up to 4 MiB from the arenas removes that churn; an idle server still returns
/// large frees.
enum AllocatorTuning {
    /// The top-of-heap size above which freed memory goes back to the kernel.
    static let trimThreshold: Int32 = 32 << 20
    /// The allocation size from which glibc maps memory of its own instead of using an arena.
    static let mmapThreshold: Int32 = 4 << 20

    /// Applies the thresholds; call once, before the server starts its threads.
    static func apply() {
        #if canImport(Glibc)
            // `mallopt` and its constants live in <malloc.h>, which the Glibc module does not export.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
            _ = mallopt(trimThresholdOption, trimThreshold)
            _ = mallopt(mmapThresholdOption, mmapThreshold)
        #endif
    }

    /// `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` in <malloc.h>.
    private static let trimThresholdOption: Int32 = -1
    private static let mmapThresholdOption: Int32 = -3
}
