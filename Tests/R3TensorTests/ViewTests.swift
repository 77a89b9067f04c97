import XCTest
@testable import R3Tensor

final class ViewTests: XCTestCase {
    let m = try! Tensor(shape: [2, 3], data: [0, 1, 2, 3, 4, 5])

    func testReshapeIsAViewWhenContiguous() throws {
        let r = try m.reshaped([3, 2])
        XCTAssertTrue(r.storage === m.storage)
        XCTAssertEqual(r.toNested(), [[0, 1], [2, 3], [4, 5]])
        XCTAssertEqual(try m.reshaped([-1]).shape, [6])
        XCTAssertEqual(try m.reshaped([3, -1]).shape, [3, 2])
        // A transposed tensor is copied by reshaped.
        let tr = try m.T.reshaped([6])
        XCTAssertFalse(tr.storage === m.storage)
        XCTAssertEqual(tr.toArray(), [0, 3, 1, 4, 2, 5])
        XCTAssertEqual(m.flattened().shape, [6])
        assertTensorError(try m.reshaped([4]), contains: ["reshaped: cannot reshape [2, 3] (6 elements) to [4] (4 elements)"])
        assertTensorError(try m.reshaped([4, -1]), contains: ["reshaped: cannot reshape [2, 3] (6 elements) to [4, -1]"])
        assertTensorError(try m.reshaped([-1, -1]), contains: ["only one dimension can be -1"])
    }

    func testTransposePermuteAndContiguous() throws {
        let t = m.T
        XCTAssertEqual(t.shape, [3, 2])
        XCTAssertEqual(t.strides, [1, 3])
        XCTAssertFalse(t.isContiguous)
        XCTAssertEqual(t.toNested(), [[0, 3], [1, 4], [2, 5]])
        let c = t.contiguous()
        XCTAssertTrue(c.isContiguous)
        XCTAssertEqual(c.toArray(), [0, 3, 1, 4, 2, 5])
        let x = try Tensor.arange(24).reshaped([2, 3, 4])
        let p = try x.permuted([2, 0, 1])
        XCTAssertEqual(p.shape, [4, 2, 3])
        XCTAssertEqual(try p.value(at: [3, 1, 2]), try x.value(at: [1, 2, 3]))
        XCTAssertEqual(try x.mT.shape, [2, 4, 3])
        XCTAssertEqual(try x.transposed(0, 2).shape, [4, 3, 2])
        assertTensorError(try x.permuted([0, 0, 1]), contains: ["permuted: axes [0, 0, 1] are not a permutation"])
        assertTensorError(try x.transposed(0, 3), contains: ["transposed: axis 3 out of range for rank 3"])
        assertTensorError(try Tensor([1, 2]).mT, contains: ["mT: needs at least 2 dimensions"])
    }

    func testSubscriptsAndSlices() throws {
        let x = try Tensor.arange(24).reshaped([2, 3, 4])
        XCTAssertEqual(try x[1, 0..<2].toNested(), [[12, 13, 14, 15], [16, 17, 18, 19]])
        XCTAssertEqual(try x[1, 2, 3].item(), 23)
        XCTAssertEqual(try x[-1, -1, -1].item(), 23)
        XCTAssertEqual(try x[TensorIndex.all, 1, 1...2].toNested(), [[5, 6], [17, 18]])
        XCTAssertEqual(try x[TensorIndex.ellipsis, 0].toNested(), [[0, 4, 8], [12, 16, 20]])
        XCTAssertEqual(try x[0, TensorIndex.newAxis, 0].shape, [1, 4])
        XCTAssertEqual(try x[0, 0, TensorIndex.range(start: nil, end: nil, step: 2)].toArray(), [0, 2])
        XCTAssertEqual(try x[0, 1...].shape, [2, 4])
        XCTAssertEqual(try x[0, ..<1].shape, [1, 4])
        XCTAssertEqual(try x[0, 0..<10].shape, [3, 4])  // clamped like Python slices
        XCTAssertEqual(try x.sliced(axis: 2, start: 1, end: 3)[0].toNested(), [[1, 2], [5, 6], [9, 10]])
        XCTAssertEqual(try x.sliced(axis: -1, start: -2).shape, [2, 3, 2])
        let s = try x[0, 1]
        XCTAssertTrue(s.storage === x.storage)
        assertTensorError(try x[2], contains: ["index: index 2 out of range for axis 0 of size 2"])
        assertTensorError(try x[0, 0, 0, 0], contains: ["index: too many indices (4) for a tensor of rank 3"])
        assertTensorError(try x[0, TensorIndex.range(start: 0, end: 2, step: -1)], contains: ["step must be positive"])
    }

    func testAssignIsCopyOnWrite() throws {
        var a = try Tensor.zeros([2, 3])
        let b = a
        try a.assign(Tensor([1, 2]), at: 1, 0..<2)
        XCTAssertEqual(a.toNested(), [[0, 0, 0], [1, 2, 0]])
        XCTAssertEqual(b.toNested(), [[0, 0, 0], [0, 0, 0]])  // the copy is unchanged
        try a.assign(Tensor(9), at: [TensorIndex.all, .at(2)])
        XCTAssertEqual(a.toNested(), [[0, 0, 9], [1, 2, 9]])
        var v = a.T  // a view; writing it must not touch `a`
        try v.assign(Tensor(5), at: 0, 0)
        XCTAssertEqual(try a.value(at: [0, 0]), 0)
        XCTAssertEqual(try v.value(at: [0, 0]), 5)
        assertTensorError(try a.assign(Tensor([1, 2, 3]), at: 0, 0..<2), contains: ["assign: cannot broadcast value of shape [3] to the indexed shape [2]"])
        var p = try Tensor.zeros([2], requiresGrad: true)
        assertTensorError(try p.assign(Tensor(1), at: 0), contains: ["assign: cannot modify a tensor that requires grad in place", "withNoGrad"])
        let q = p
        try withNoGrad { try p.assign(Tensor(1), at: 0) }
        XCTAssertEqual(q.toArray(), [1, 0])  // a parameter is written in place for every holder
    }

    func testExpandedSqueezeUnsqueeze() throws {
        let v = try Tensor([1, 2, 3]).expanded(to: [2, 3])
        XCTAssertEqual(v.strides, [0, 1])
        XCTAssertEqual(v.toNested(), [[1, 2, 3], [1, 2, 3]])
        assertTensorError(try Tensor([1, 2, 3]).expanded(to: [2, 4]), contains: ["expanded: cannot broadcast [3] to [2, 4]"])
        let u = try Tensor([1, 2, 3]).unsqueezed(axis: 0)
        XCTAssertEqual(u.shape, [1, 3])
        XCTAssertEqual(try u.unsqueezed(axis: -1).shape, [1, 3, 1])
        XCTAssertEqual(try u.squeezed().shape, [3])
        assertTensorError(try u.squeezed(axis: 1), contains: ["squeezed: axis 1 has size 3, not 1"])
        assertTensorError(try u.unsqueezed(axis: 4), contains: ["unsqueezed: axis 4 out of range"])
    }
}

final class CopyValuesTests: XCTestCase {
    func testCopyValuesFillsParametersInPlace() throws {
        var p = try Tensor.zeros([2, 2], requiresGrad: true)
        let holder = p
        assertTensorError(try p.copyValues(from: Tensor.ones([2, 2])), contains: ["copyValues: cannot modify a tensor that requires grad in place"])
        try withNoGrad { try p.copyValues(from: Tensor.arange(4).reshaped([2, 2]).T) }
        XCTAssertEqual(holder.toNested(), [[0, 2], [1, 3]])
        assertTensorError(try withNoGrad { try p.copyValues(from: Tensor.ones([4])) }, contains: ["copyValues: source shape [4] does not match [2, 2]"])
        var plain = try Tensor.zeros([2])
        let before = plain
        try plain.copyValues(from: Tensor([5, 6]))
        XCTAssertEqual(plain.toArray(), [5, 6])
        XCTAssertEqual(before.toArray(), [0, 0])
    }
}
