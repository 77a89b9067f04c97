import XCTest
import R3Random
@testable import R3Tensor

final class CreationTests: XCTestCase {
    func testShapeDataAndNested() throws {
        let a = try Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(a.shape, [2, 3])
        XCTAssertEqual(a.strides, [3, 1])
        XCTAssertEqual(try a.value(at: [1, 2]), 6)
        XCTAssertEqual(try a.value(at: [-1, 0]), 4)
        let b = try Tensor(nested: [[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(b.toArray(), a.toArray())
        XCTAssertEqual(b.toNested(), [[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(try Tensor(nested: [[[1], [2]], [[3], [4]]]).shape, [2, 2, 1])
        XCTAssertEqual(try Tensor(nested: []).shape, [0])
        XCTAssertEqual(try Tensor(nested: [[], []]).shape, [2, 0])
        XCTAssertEqual(try Tensor(nested: 3.5).shape, [])
        XCTAssertEqual(try Tensor(nested: 3.5).item(), 3.5)
        XCTAssertEqual(Tensor(2).toNested(), .scalar(2))
    }

    func testRaggedNestedInputIsRejected() {
        assertTensorError(try Tensor(nested: [[1, 2], [3, 4, 5]]), contains: ["tensor: ragged nested list", "[1] has 3 elements", "[0] has 2"])
        assertTensorError(try Tensor(nested: [[1, 2], 3]), contains: ["ragged nested list", "[1] is a number", "[0] is a list"])
        assertTensorError(try Tensor(nested: [[[1, 2]], [[1, 2], [3, 4]]]), contains: ["[1] has 2 elements but [0] has 1"])
        assertTensorError(try Tensor(nested: [[[1, 2]], [[1, [2]]]]), contains: ["[1][0][1] is a list but [0][0][0] is a number"])
        assertTensorError(try Tensor([[1, 2], [3]]), contains: ["ragged"])
        assertTensorError(try Tensor(shape: [2, 3], data: [1, 2]), contains: ["tensor: data has 2 values but shape [2, 3] needs 6"])
    }

    func testFilledAndRanges() throws {
        XCTAssertEqual(try Tensor.zeros([2, 2]).toArray(), [0, 0, 0, 0])
        XCTAssertEqual(try Tensor.ones([3]).toArray(), [1, 1, 1])
        XCTAssertEqual(try Tensor.full([2], value: 7).toArray(), [7, 7])
        XCTAssertEqual(try Tensor.arange(5).toArray(), [0, 1, 2, 3, 4])
        XCTAssertEqual(try Tensor.arange(1, 2, step: 0.25).toArray(), [1, 1.25, 1.5, 1.75])
        XCTAssertEqual(try Tensor.arange(5, 0, step: -2).toArray(), [5, 3, 1])
        XCTAssertEqual(try Tensor.linspace(0, 1, count: 5).toArray(), [0, 0.25, 0.5, 0.75, 1])
        XCTAssertEqual(try Tensor.eye(2, 3).toArray(), [1, 0, 0, 0, 1, 0])
        XCTAssertEqual(try Tensor.eye(3).shape, [3, 3])
        assertTensorError(try Tensor.arange(0, 1, step: 0), contains: ["arange", "step non-zero"])
        assertTensorError(try Tensor.zeros([2, -1]), contains: ["zeros: negative dimension -1 in shape [2, -1]"])
    }

    func testRandomIsSeededAndDistributed() throws {
        let a = try Tensor.randn([1000], seed: 7), b = try Tensor.randn([1000], seed: 7), c = try Tensor.randn([1000], seed: 8)
        XCTAssertEqual(a.toArray(), b.toArray())
        XCTAssertNotEqual(a.toArray(), c.toArray())
        let mean = a.toArray().reduce(0, +) / 1000
        let variance = a.toArray().map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 1000
        XCTAssertEqual(mean, 0, accuracy: 0.1)
        XCTAssertEqual(variance, 1, accuracy: 0.15)
        // The draws are exactly the RandomGenerator's normal stream, in row-major order.
        var g = RandomGenerator(seed: 7)
        XCTAssertEqual(a.toArray()[0], Float(g.nextNormal()))
        let u = try Tensor.rand([500], seed: 3, low: -2, high: 2).toArray()
        XCTAssertTrue(u.allSatisfy { $0 >= -2 && $0 < 2 })
        XCTAssertEqual(try Tensor.rand([4], seed: 3).toArray(), try Tensor.rand([4], seed: 3).toArray())
        let w = try Tensor.randn([2, 3], seed: 1, requiresGrad: true)
        XCTAssertTrue(w.requiresGrad)
        XCTAssertTrue(w.isLeaf)
    }

    func testMemoryLimitAndOverflow() {
        assertTensorError(try Tensor.zeros([1_000_000, 1_000_000]),
                          contains: ["zeros: a tensor of shape [1000000, 1000000] needs 4.0 TB (4000000000000 bytes)", "R3_MAX_TENSOR_BYTES"])
        assertTensorError(try Tensor.ones([1 << 40, 1 << 40]), contains: ["ones: shape [1099511627776, 1099511627776] has too many elements"])
        assertTensorError(try Tensor.randn([100_000, 100_000], seed: 1), contains: ["randn: a tensor of shape [100000, 100000] needs 40.0 GB"])
        let saved = TensorMemory.limitBytes
        TensorMemory.limitBytes = 1000
        defer { TensorMemory.limitBytes = saved }
        assertTensorError(try Tensor.zeros([300]), contains: ["needs 1.2 KB (1200 bytes)", "limit of 1.0 KB"])
        XCTAssertNoThrow(try Tensor.zeros([250]))
        assertTensorError(try Tensor(3).expanded(to: [10, 30]), contains: ["expanded: a tensor of shape [10, 30]"])
        assertTensorError(try Tensor.ones([20, 1]).matmul(Tensor.ones([1, 20])), contains: ["matmul: a tensor of shape [20, 20]"])
    }
}
