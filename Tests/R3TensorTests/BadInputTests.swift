import XCTest
@testable import R3Tensor

/// The bad inputs of the issue, each with its exact message, and empty-tensor edge cases that must
/// not crash.
final class BadInputTests: XCTestCase {
    func testMessagesFromTheIssue() throws {
        assertTensorError(try Tensor.ones([2, 3]).matmul(Tensor.ones([4, 5])), contains: ["matmul: shapes [2, 3] and [4, 5] do not align (3 != 4)"])
        assertTensorError(try Tensor.ones([2, 3]) + Tensor.ones([4]), contains: ["add: cannot broadcast [2, 3] with [4]"])
        assertTensorError(try Tensor.ones([2, 3]).reshaped([4]), contains: ["reshaped: cannot reshape [2, 3] (6 elements) to [4] (4 elements)"])
        assertTensorError(try Tensor.ones([2, 3]).sum(axis: 3), contains: ["sum: axis 3 out of range for rank 2"])
        let x = try Tensor.ones([2, 3], requiresGrad: true)
        assertTensorError(try (x * 2).backward(), contains: ["backward: a gradient can only be implied for a one-element output, but this tensor has shape [2, 3]"])
        assertTensorError(try Tensor.ones([2]).grad, contains: ["grad: this tensor (shape [2]) does not require grad"])
        assertTensorError(try Tensor(nested: [[1, 2], [3]]), contains: ["tensor: ragged nested list: [1] has 1 element but [0] has 2"])
        assertTensorError(try Tensor.zeros([1_000_000, 1_000_000]), contains: ["zeros: a tensor of shape [1000000, 1000000] needs 4.0 TB"])
        let w = try Tensor.ones([2], requiresGrad: true)
        let opt = try AdamW([w], names: ["w"])
        let loss = try (w * Tensor(.nan)).sum()
        try loss.backward()
        assertTensorError(try opt.step(loss: loss), contains: ["AdamW.step: the loss is nan; no parameter was updated"])
        assertTensorError(try opt.step(), contains: ["AdamW.step: the gradient of parameter 'w' (shape [2]) has 2 non-finite values"])
        XCTAssertEqual(w.toArray(), [1, 1])
    }

    func testEmptyTensorsDoNotCrash() throws {
        let e = try Tensor.zeros([0, 3])
        XCTAssertEqual(try e.sum(axis: 0).toArray(), [0, 0, 0])
        XCTAssertEqual(try e.sum(axis: 1).shape, [0])
        XCTAssertEqual(try e.softmax().shape, [0, 3])
        XCTAssertEqual(try e.layerNorm().shape, [0, 3])
        XCTAssertEqual(try e.matmul(Tensor.ones([3, 4])).shape, [0, 4])
        XCTAssertEqual(try Tensor.ones([2, 0]).matmul(Tensor.ones([0, 4])).toArray(), [0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(try e.crossEntropy(targets: []).item(), 0)
        XCTAssertEqual(try Tensor.ones([4, 2]).embedding(ids: []).shape, [0, 2])
        XCTAssertEqual(try Tensor.ones([4, 2]).indexSelect(axis: 1, indices: []).shape, [4, 0])
        XCTAssertEqual(try (e + Tensor([1, 2, 3])).shape, [0, 3])
        XCTAssertEqual(try e[0..<0].shape, [0, 3])
        assertTensorError(try e.max(axis: 0), contains: ["max: cannot reduce an empty axis (shape [0, 3])"])
        let p = try Tensor.zeros([0, 3], requiresGrad: true)
        try (p * 2).sum().backward()
        XCTAssertEqual(try p.grad.shape, [0, 3])
    }

    func testNonFiniteInputsPropagateWithoutCrashing() throws {
        let x = Tensor([.nan, .infinity, -.infinity, 1])
        XCTAssertTrue(try x.softmax().toArray().allSatisfy(\.isNaN))
        XCTAssertTrue(try x.max().item().isNaN)
        XCTAssertEqual(try x.argmax().item(), 0)
        XCTAssertTrue(try x.layerNorm().toArray().allSatisfy(\.isNaN))
        XCTAssertTrue(x.isFiniteMask().toArray() == [0, 0, 0, 1])
        XCTAssertTrue(try Tensor([Float.infinity, 1]).softmax().toArray()[0].isNaN)
    }
}
