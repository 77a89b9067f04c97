import Foundation
import R3Tensor

/// The thread count of the model kernels. R3 does its own splitting: OpenBLAS always runs on one
/// thread inside the kernel workers (`WorkerPool`; matrix products split by rows, attention by
/// (sequence, head)), so no BLAS thread pool spins against the workers. Work is split into fixed
/// contiguous ranges and reductions run in a fixed order: the same count gives the same numbers.
public enum ModelThreads {
    nonisolated(unsafe) private static var _count = 0

    /// Worker count (default: `TensorThreads.defaultCount`, that is `R3_THREADS` if set, else the
    /// active processor count).
    public static var count: Int {
        get {
            if _count == 0 { _count = TensorThreads.defaultCount }
            return _count
        }
        set { _count = max(1, newValue) }
    }
}

/// Runs `body` over `0..<n` split into contiguous ranges, one per worker; `body(range, worker)`.
/// Fewer workers are used when a worker would get fewer than `minimumPerWorker` items.
@inline(__always)
func parallelRanges(_ n: Int, minimumPerWorker: Int = 1, _ body: (Range<Int>, Int) -> Void) {
    // the kernels' OpenBLAS calls all run in here, on one OpenBLAS thread each
    BLASThreads.use(1)
    let workers = min(ModelThreads.count, max(1, n / max(minimumPerWorker, 1)))
    if workers <= 1 || n <= 1 {
        body(0..<n, 0)
        return
    }
    // The workers touch disjoint ranges of raw buffers; the kernels are written for that.
    WorkerPool.shared.run(parts: workers) { w in
        let lo = n * w / workers, hi = n * (w + 1) / workers
        if lo < hi { body(lo..<hi, w) }
    }
}

/// Runs `body` with the kernels on one thread (small decode steps, where thread hand-offs cost
/// more than they save), then restores `ModelThreads.count`.
func singleThreaded<T>(_ body: () throws -> T) rethrows -> T {
    let saved = ModelThreads.count
    if saved == 1 { return try body() }
    ModelThreads.count = 1
    defer { ModelThreads.count = saved }
    return try body()
}
