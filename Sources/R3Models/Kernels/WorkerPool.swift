import Dispatch
import Foundation
import Synchronization

/// Persistent worker threads for the model kernels' parallel regions.
///
/// A decoding step of a small model is a chain of short products (10 to 50 µs each), and
/// `DispatchQueue.concurrentPerform` takes about as long to wake its worker as the product takes,
/// so two threads ran slower than one. Here the workers spin for a while after each region,
/// waiting for the next one, and only then sleep on a condition variable: a hand-off costs well
/// under a microsecond while regions follow each other, and an idle process uses no CPU.
///
/// The caller runs part 0 itself; worker w runs part w. Which thread runs a part does not change
/// what the part computes, so results are the same as running the parts one after another.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    /// How long an idle worker spins before it sleeps.
    private static let spinNanoseconds: UInt64 = 200_000

    /// The current region: its serial number times 2^16 plus its part count. Workers wait for it to
    /// change, and read the part count from the same load.
    private let region = Atomic<Int>(0)
    /// Parts of the current region not finished yet (the caller's included).
    private let remaining = Atomic<Int>(0)
    /// Workers asleep on `wake` (or about to be).
    private let sleepers = Atomic<Int>(0)
    /// Held by the one thread that runs a region; others run their parts inline.
    private let busy = Atomic<Bool>(false)
    private let wake = NSCondition()
    /// The current region's body, written before `region` changes.
    private var body: (@Sendable (Int) -> Void)?
    /// Regions run so far.
    private var serial = 0
    /// Threads started so far (workers 1...started).
    private var started = 0

    /// Runs `body(0..<parts)`, spread over the caller and `parts - 1` pool threads, and returns when
    /// all parts are done. Runs the parts one by one on the caller if another region is running
    /// (a nested or concurrent call).
    func run(parts: Int, _ body: (Int) -> Void) {
        guard parts > 1, parts < 1 << 16, busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for p in 0..<parts { body(p) }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        while started < parts - 1 {
            started += 1
            let w = started, current = region.load(ordering: .relaxed)
            // the thread keeps the pool alive: its threads live as long as the process
            let thread = Thread { self.serve(worker: w, after: current) }
            thread.name = "r3-kernel-\(w)"
            thread.start()
        }
        withoutActuallyEscaping(body) { b in
            // The parts touch disjoint data; the pool joins them all before `body` goes out of scope.
            self.body = unsafeBitCast(b, to: (@Sendable (Int) -> Void).self)
            serial += 1
            remaining.store(parts, ordering: .relaxed)
            region.store(serial << 16 | parts, ordering: .sequentiallyConsistent)
            if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                wake.lock()
                wake.broadcast()
                wake.unlock()
            }
            b(0)
            remaining.subtract(1, ordering: .releasing)
            var spins = 0
            while remaining.load(ordering: .acquiring) != 0 {
                spins += 1
                if spins & 4095 == 0 { sched_yield() }
            }
            self.body = nil
        }
    }

    /// Worker `w`'s loop: wait for a region after `seen`, run part w if the region has one, report done.
    private func serve(worker w: Int, after seen: Int) {
        var seen = seen
        while true {
            seen = waitForRegion(after: seen)
            if w < seen & 0xFFFF {
                runPart(w)
                remaining.subtract(1, ordering: .releasing)
            }
        }
    }

    /// Calls the region's body; not inlined, so the worker has let go of the body before it
    /// reports the part done (`withoutActuallyEscaping` checks that nothing holds it afterwards).
    @inline(never)
    private func runPart(_ w: Int) { body!(w) }

    /// Spins until `region` changes from `seen`, then sleeps; returns the new value.
    private func waitForRegion(after seen: Int) -> Int {
        let start = DispatchTime.now().uptimeNanoseconds
        var spins = 0
        while true {
            let g = region.load(ordering: .acquiring)
            if g != seen { return g }
            spins += 1
            if spins & 255 == 0 {
                if DispatchTime.now().uptimeNanoseconds - start > Self.spinNanoseconds { break }
                // with more threads than cores, let a thread that still has a part run
                if spins & 4095 == 0 { sched_yield() }
            }
        }
        wake.lock()
        sleepers.add(1, ordering: .sequentiallyConsistent)
        var g = region.load(ordering: .sequentiallyConsistent)
        while g == seen {
            wake.wait()
            g = region.load(ordering: .sequentiallyConsistent)
        }
        sleepers.subtract(1, ordering: .sequentiallyConsistent)
        wake.unlock()
        return g
    }
}
