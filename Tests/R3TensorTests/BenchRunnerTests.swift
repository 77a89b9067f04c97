import XCTest
@testable import R3Tensor

/// Not a timed test: prints `TensorBench` lines when R3_BENCH=1 (run it in release, see docs/tensors.md).
/// Without the flag it only checks that a quick run produces well-formed lines.
final class BenchRunnerTests: XCTestCase {
    func testBench() throws {
        if ProcessInfo.processInfo.environment["R3_BENCH"] == "1" {
            for line in try TensorBench.run() { print(line) }
            return
        }
        let lines = try TensorBench.run(seconds: 0, quick: true)
        XCTAssertEqual(lines.count, 12)
        XCTAssertTrue(lines[1].hasPrefix("name=matmul_512 gflops="))
        XCTAssertTrue(lines.dropFirst(5).allSatisfy { $0.contains(" gbps=") && $0.contains(" ratio_to_copy=") })
    }
}
