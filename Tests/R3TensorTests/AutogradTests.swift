import XCTest
@testable import R3Tensor

final class AutogradTests: XCTestCase {
    func testLanguageFlavourExample() throws {
        let t = try Tensor(nested: [[1, 2], [3, 4]])
        let w = try Tensor.randn([2, 3], seed: 1, requiresGrad: true)
        let loss = try t.matmul(w).relu().sum()
        try loss.backward()
        XCTAssertEqual(try w.grad.shape, [2, 3])
        // d/dw sum(relu(t @ w)) = t^T @ mask.
        let mask = try t.matmul(w).gt(0)
        XCTAssertEqual(try w.grad.toArray(), try t.T.matmul(mask).toArray())
    }

    func testGradientsAccumulateUntilZeroed() throws {
        let x = try Tensor.ones([3], requiresGrad: true)
        try (x * 2).sum().backward()
        try (x * 3).sum().backward()
        XCTAssertEqual(try x.grad.toArray(), [5, 5, 5])
        x.zeroGrad()
        assertTensorError(try x.grad, contains: ["grad: no gradient yet"])
        try (x * 4).sum().backward()
        XCTAssertEqual(try x.grad.toArray(), [4, 4, 4])
    }

    func testCopiesShareTheParameterIdentity() throws {
        let w = try Tensor.randn([2], seed: 3, requiresGrad: true)
        let copy = w
        try (w * w).sum().backward()
        XCTAssertEqual(try copy.grad.toArray(), try (w.detached() * 2).toArray())
        let reshapedCopy = try copy.reshaped([2, 1])
        XCTAssertFalse(reshapedCopy.isLeaf)
    }

    func testErrors() throws {
        let x = try Tensor.ones([2, 3], requiresGrad: true)
        let y = try x * 2
        assertTensorError(try y.backward(), contains: ["backward: a gradient can only be implied for a one-element output", "shape [2, 3]"])
        XCTAssertNoThrow(try y.backward(gradient: Tensor.ones([2, 3])))
        assertTensorError(try (x * 2).backward(gradient: Tensor.ones([3])), contains: ["backward: gradient shape [3] does not match tensor shape [2, 3]"])
        let plain = try Tensor.ones([2])
        assertTensorError(try plain.grad, contains: ["grad: this tensor (shape [2]) does not require grad"])
        assertTensorError(try plain.sum().backward(), contains: ["backward: this tensor does not require grad"])
        let z = try (x * 3).sum()
        try z.backward()
        assertTensorError(try z.grad, contains: ["grad: this tensor is not a leaf (it was computed by sum)", "retainGrad()"])
        assertTensorError(try z.backward(), contains: ["was already freed", "retainGraph: true"])
    }

    func testRetainGraphAndRetainGrad() throws {
        let x = try Tensor(nested: [1, 2]).requiringGrad()
        let h = try x * x
        h.retainGrad()
        let loss = h.sum()
        try loss.backward(retainGraph: true)
        try loss.backward()
        XCTAssertEqual(try x.grad.toArray(), [4, 8])
        XCTAssertEqual(try h.grad.toArray(), [2, 2])
    }

    func testNoGradAndDetach() throws {
        let x = try Tensor.ones([2], requiresGrad: true)
        let y = try withNoGrad { try x * 2 }
        XCTAssertFalse(y.requiresGrad)
        XCTAssertTrue(GradMode.isEnabled)
        let d = x.detached()
        XCTAssertFalse(d.requiresGrad)
        XCTAssertTrue(d.storage === x.storage)
        let z = try (x * d).sum()
        try z.backward()
        XCTAssertEqual(try x.grad.toArray(), [1, 1])
        XCTAssertFalse(x.requiringGrad(false).requiresGrad)
    }

    func testRequiringGradCopiesData() throws {
        let base = try Tensor.zeros([2])
        let p = base.requiringGrad()
        XCTAssertFalse(p.storage === base.storage)
        XCTAssertTrue(p.isLeaf && p.requiresGrad)
    }

    func testInPlaceWriteOfComputedTensorIsAnError() throws {
        let x = try Tensor.ones([2], requiresGrad: true)
        var y = try x * 2
        assertTensorError(try y.assign(Tensor(0), at: 0), contains: ["cannot modify a tensor computed by mul in place; detach() it first"])
    }

    func testDeepChainDoesNotRecurse() throws {
        var h = try Tensor.ones([1], requiresGrad: true)
        let x = h
        for _ in 0..<20_000 { h = try h * 1.0001 }
        try h.sum().backward()
        XCTAssertEqual(try x.grad.item(), Float(pow(1.0001, 20_000.0)), accuracy: 0.01)
    }
}
