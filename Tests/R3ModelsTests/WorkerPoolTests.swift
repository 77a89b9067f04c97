import Foundation
import XCTest
@testable import R3Models

/// The kernels' worker pool: every part of a region runs exactly once, on its own thread when the
/// pool is free, and inline when a region is already running (nested or from another thread).
final class WorkerPoolTests: XCTestCase {
    /// Many short regions in a row, with part counts that grow and shrink (workers left out of a
    /// region must not run a part of it), and after a pause long enough for the workers to sleep.
    func testEveryPartRunsOnceInEveryRegion() {
        let pool = WorkerPool()
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 8)
        defer { counts.deallocate() }
        for round in 0..<2000 {
            let parts = [2, 4, 3, 8, 2, 5][round % 6]
            counts.initialize(repeating: 0, count: 8)
            pool.run(parts: parts) { p in counts[p] += 1 }
            XCTAssertEqual((0..<8).map { counts[$0] }, (0..<8).map { $0 < parts ? 1 : 0 }, "round \(round)")
            if round == 1000 { Thread.sleep(forTimeInterval: 0.05) }
        }
    }

    /// The parts of one region run on different threads (they overlap in time).
    func testPartsRunConcurrently() {
        let pool = WorkerPool()
        let arrived = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        defer { arrived.deallocate() }
        arrived.initialize(repeating: 0, count: 2)
        // each part waits (up to 10 s) until it sees the other part has started
        let lock = NSLock()
        var sawOther = [false, false]
        pool.run(parts: 2) { p in
            lock.lock(); arrived[p] = 1; lock.unlock()
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                lock.lock(); let other = arrived[1 - p]; lock.unlock()
                if other == 1 { lock.lock(); sawOther[p] = true; lock.unlock(); break }
            }
        }
        XCTAssertEqual(sawOther, [true, true])
    }

    /// A region started inside a part, or while another thread's region runs, runs inline.
    func testNestedAndConcurrentRegionsRunInline() {
        let pool = WorkerPool()
        let lock = NSLock()
        var inner: [Int] = []
        pool.run(parts: 2) { p in
            pool.run(parts: 3) { q in lock.lock(); inner.append(10 * p + q); lock.unlock() }
        }
        XCTAssertEqual(inner.sorted(), [0, 1, 2, 10, 11, 12])

        var total = 0
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<500 {
                pool.run(parts: 2) { _ in lock.lock(); total += 1; lock.unlock() }
            }
        }
        XCTAssertEqual(total, 4 * 500 * 2)
    }
}
