import XCTest
import R3Random
@testable import R3Tensor

final class DeterminismTests: XCTestCase {
    func testSameSeedSameRandn() throws {
        XCTAssertEqual(try Tensor.randn([3, 50], seed: 42).toArray(), try Tensor.randn([3, 50], seed: 42).toArray())
        var g1 = RandomGenerator(seed: 9), g2 = RandomGenerator(seed: 9)
        _ = try Tensor.randn([10], using: &g1)
        _ = try Tensor.randn([10], using: &g2)
        XCTAssertEqual(g1, g2)
        XCTAssertEqual(try Tensor.randn([5], using: &g1).toArray(), try Tensor.randn([5], using: &g2).toArray())
    }

    /// A forward and backward pass large enough to take the parallel paths.
    func forwardBackward() throws -> [[Float]] {
        let x = try Tensor.randn([256, 384], seed: 1)
        let w = try Tensor.randn([384, 512], seed: 2, std: 0.05, requiresGrad: true)
        let g = try Tensor.randn([512], seed: 3, requiresGrad: true)
        let h = try x.matmul(w).layerNorm(weight: g).gelu()
        let logits = try h.reshaped([256, 512])
        let targets = (0..<256).map { $0 % 512 }
        let loss = try logits.crossEntropy(targets: targets) + h.softmax().sum(axis: 0).mean() + h.sum() * 1e-6
        try loss.backward()
        return [try loss.toArray(), try w.grad.toArray(), try g.grad.toArray(), try h.max(axis: 1).toArray(), h.sum().toArray()]
    }

    func testSameOpsSameBitsWithTheSameThreadCount() throws {
        for threads in [1, 2] {
            try TensorThreads.with(threads) {
                let a = try forwardBackward(), b = try forwardBackward()
                XCTAssertEqual(a, b, "threads \(threads)")
            }
        }
    }

    func testReductionsDoNotDependOnTheThreadCount() throws {
        let x = try Tensor.randn([1_000_003], seed: 5)
        let m = try Tensor.randn([300, 700], seed: 6)
        let one = TensorThreads.with(1) { [x.sum().toArray(), try! m.sum(axis: 0).toArray(), try! m.sum(axis: 1).toArray()] }
        let two = TensorThreads.with(2) { [x.sum().toArray(), try! m.sum(axis: 0).toArray(), try! m.sum(axis: 1).toArray()] }
        XCTAssertEqual(one, two)
    }
}
