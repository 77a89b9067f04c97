import CBLAS
import Dispatch

/// The thread count of the model kernels: OpenBLAS threads for large sgemm calls and
/// `concurrentPerform` workers for attention and row-wise kernels. The same count gives the same
/// numbers (work is split into fixed contiguous ranges; reductions run in a fixed order).
public enum ModelThreads {
    nonisolated(unsafe) private static var _count = 0

    /// Worker count (default: the active processor count).
    public static var count: Int {
        get {
            if _count == 0 { _count = max(1, ProcessInfo.processInfo.activeProcessorCount); openblas_set_num_threads(Int32(_count)) }
            return _count
        }
        set {
            _count = max(1, newValue)
            openblas_set_num_threads(Int32(_count))
        }
    }
}

import Foundation

/// Runs `body` over `0..<n` split into contiguous ranges, one per worker; `body(range, worker)`.
/// OpenBLAS runs single-threaded inside (each worker calls sgemm on its own small matrices).
@inline(__always)
func parallelRanges(_ n: Int, minimumPerWorker: Int = 1, _ body: (Range<Int>, Int) -> Void) {
    let workers = min(ModelThreads.count, max(1, n / max(minimumPerWorker, 1)))
    if workers <= 1 || n <= 1 {
        body(0..<n, 0)
        return
    }
    openblas_set_num_threads(1)
    withoutActuallyEscaping(body) { b in
        // The workers touch disjoint ranges of raw buffers; the kernels are written for that.
        let run = unsafeBitCast(b, to: (@Sendable (Range<Int>, Int) -> Void).self)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let lo = n * w / workers, hi = n * (w + 1) / workers
            if lo < hi { run(lo..<hi, w) }
        }
    }
    openblas_set_num_threads(Int32(ModelThreads.count))
}

/// Runs `body` with OpenBLAS and the kernels on one thread (small decode steps, where thread
/// hand-offs cost more than they save), then restores `ModelThreads.count`.
func singleThreaded<T>(_ body: () throws -> T) rethrows -> T {
    let saved = ModelThreads.count
    if saved == 1 { return try body() }
    ModelThreads.count = 1
    defer { ModelThreads.count = saved }
    return try body()
}
