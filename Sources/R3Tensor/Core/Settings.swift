import CBLAS
import Foundation

/// A value behind a lock, for the few process-wide settings of R3Tensor.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    var current: Value {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}

/// The number of threads R3Tensor uses: OpenBLAS threads for matrix products, and workers for large
/// elementwise and reduction loops (which are split in fixed chunks, so results are the same bits for
/// a given thread count; reductions are even the same bits for any thread count).
///
/// Default: the environment variable `R3_THREADS` if set, else the number of active processors.
public enum TensorThreads {
    /// `R3_THREADS` if set, else the number of active processors, clamped to 1...256. The model
    /// kernels (R3Models' `ModelThreads`) start from the same count.
    public static let defaultCount: Int = {
        let env = ProcessInfo.processInfo.environment["R3_THREADS"].flatMap { Int($0) }
        return Swift.min(256, Swift.max(1, env ?? ProcessInfo.processInfo.activeProcessorCount))
    }()

    private static let value = Locked(defaultCount)

    /// The thread count (clamped to 1...256); R3Tensor's matrix products run OpenBLAS on this many.
    public static var count: Int {
        get { value.current }
        set { value.current = Swift.min(256, Swift.max(1, newValue)) }
    }

    /// Runs `body` with the thread count set to `n`, then restores the previous count.
    public static func with<T>(_ n: Int, _ body: () throws -> T) rethrows -> T {
        let saved = count
        count = n
        defer { count = saved }
        return try body()
    }
}

/// OpenBLAS's thread count is one setting for the whole process, and it has two users: R3Tensor's
/// products run on `TensorThreads.count` OpenBLAS threads, while the model kernels (R3Models) call
/// OpenBLAS from their own workers and need it on one. Each sets the count it needs right before it
/// calls OpenBLAS, so neither inherits the other's: a model run does not leave tensor products on one
/// thread, and a tensor product does not leave OpenBLAS threads running inside the model's workers.
public enum BLASThreads {
    /// Sets OpenBLAS's thread count to `n` unless it is already `n` (then this is one read).
    @inline(__always)
    public static func use(_ n: Int) {
        if openblas_get_num_threads() != Int32(n) { openblas_set_num_threads(Int32(n)) }
    }

    /// OpenBLAS's current thread count.
    public static var current: Int { Int(openblas_get_num_threads()) }
}

/// The largest tensor R3Tensor will allocate, so that a typo like `zeros([1000000, 1000000])` fails
/// with a clear error instead of taking the machine down.
///
/// Default: half of physical memory, or the environment variable `R3_MAX_TENSOR_BYTES` (an integer
/// or a number like `8e9`). The limit applies to the logical size of every tensor, views included.
public enum TensorMemory {
    private static let value: Locked<Int> = {
        if let s = ProcessInfo.processInfo.environment["R3_MAX_TENSOR_BYTES"] {
            if let n = Int(s), n > 0 { return Locked(n) }
            if let d = Double(s), d.isFinite, d > 0, d < 9e18 { return Locked(Int(d)) }
        }
        return Locked(Int(ProcessInfo.processInfo.physicalMemory / 2))
    }()

    /// The limit in bytes for one tensor.
    public static var limitBytes: Int {
        get { value.current }
        set { value.current = max(0, newValue) }
    }

    /// `4.0 GB`: bytes for humans (decimal units, like disk sizes).
    static func human(_ bytes: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var v = bytes
        var i = 0
        while v >= 1000 && i < units.count - 1 { v /= 1000; i += 1 }
        return i == 0 ? "\(Int(v)) bytes" : String(format: "%.1f %@", v, units[i])
    }

    /// Throws unless `count` Float32 elements fit under the limit.
    static func check(count: Int, shape: [Int], op: String) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 4)
        let limit = limitBytes
        if overflow || bytes > limit {
            let b = Double(count) * 4
            throw TensorError(op, "a tensor of shape \(fmt(shape)) needs \(human(b)) (\(overflow ? String(format: "%.3g", b) : String(bytes)) bytes), "
                + "over the tensor memory limit of \(human(Double(limit))) (set R3_MAX_TENSOR_BYTES to change it)")
        }
    }
}

/// A non-Sendable value (a non-escaping loop body) handed to `concurrentPerform`'s workers; the
/// parallel loops only call it on disjoint ranges.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}

/// A pointer that may cross into the worker closures of `Parallel` (each worker touches its own range).
struct SendablePointer<Pointee>: @unchecked Sendable {
    let p: UnsafeMutablePointer<Pointee>
    init(_ p: UnsafeMutablePointer<Pointee>) { self.p = p }
    init(_ p: UnsafePointer<Pointee>) { self.p = UnsafeMutablePointer(mutating: p) }
}

/// Fixed-chunk parallel loops over `DispatchQueue.concurrentPerform`.
public enum Parallel {
    /// Below this many elements (or units of work) loops run on the calling thread.
    public static let minParallelWork = 65_536

    /// Calls `body` on disjoint ranges covering `0..<count`, in parallel when `count * costPerItem`
    /// is at least `minParallelWork` and more than one thread is configured. Use only for work whose
    /// result does not depend on how the range is split (elementwise maps, independent rows).
    ///
    /// When the thread count covers every core, the range is cut into 4 pieces per thread that the
    /// workers take dynamically, so a worker delayed by other load on the machine does not hold the
    /// others up; with fewer threads than cores it is cut into one piece per thread.
    public static func forRanges(_ count: Int, costPerItem: Int = 1, _ body: (Range<Int>) -> Void) {
        let threads = TensorThreads.count
        if threads == 1 || count < 2 || count.multipliedReportingOverflow(by: costPerItem).partialValue < minParallelWork {
            if count > 0 { body(0..<count) }
            return
        }
        let pieces = Swift.min(count, threads >= cores ? threads * 4 : threads)
        withoutActuallyEscaping(body) { body in
            let b = UncheckedSendable(value: body)
            DispatchQueue.concurrentPerform(iterations: pieces) { w in
                let lo = count * w / pieces
                let hi = count * (w + 1) / pieces
                if lo < hi { b.value(lo..<hi) }
            }
        }
    }

    /// The number of active cores (the width of `concurrentPerform`'s pool).
    static let cores = ProcessInfo.processInfo.activeProcessorCount

    /// Calls `body(chunkIndex, range)` for the fixed chunks `[i*chunk, min((i+1)*chunk, count))`,
    /// spread over the configured threads. The chunking does not depend on the thread count, so a
    /// reduction that combines per-chunk partials in chunk order gives the same bits on any thread count.
    public static func forChunks(_ count: Int, chunk: Int, _ body: (Int, Range<Int>) -> Void) {
        guard count > 0 else { return }
        let chunks = (count + chunk - 1) / chunk
        let threads = min(TensorThreads.count, chunks)
        if threads <= 1 || count < minParallelWork {
            for c in 0..<chunks { body(c, (c * chunk)..<min(count, (c + 1) * chunk)) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let b = UncheckedSendable(value: body)
            DispatchQueue.concurrentPerform(iterations: threads) { w in
                var c = w
                while c < chunks {
                    b.value(c, (c * chunk)..<min(count, (c + 1) * chunk))
                    c += threads
                }
            }
        }
    }
}
