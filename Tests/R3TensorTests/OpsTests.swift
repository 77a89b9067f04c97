import Foundation
import XCTest
@testable import R3Tensor

final class OpsTests: XCTestCase {
    func testBroadcastingArithmeticMatchesIndexArithmetic() throws {
        let cases: [([Int], [Int])] = [([2, 3], [2, 3]), ([2, 3], [3]), ([2, 1], [1, 3]), ([4, 1, 3], [2, 1]), ([3], []), ([], [2, 2]),
                                       ([2, 3, 4], [3, 1]), ([5, 1, 1], [1, 4, 7])]
        var seed: UInt64 = 1
        for (sa, sb) in cases {
            let a = try Tensor.randn(sa, seed: seed), b = try Tensor.rand(sb, seed: seed + 100, low: 0.5, high: 2)
            seed += 1
            let ops: [(String, (Tensor, Tensor) throws -> Tensor, (Double, Double) -> Double)] = [
                ("add", { try $0 + $1 }, { $0 + $1 }), ("sub", { try $0 - $1 }, { $0 - $1 }),
                ("mul", { try $0 * $1 }, { $0 * $1 }), ("div", { try $0 / $1 }, { $0 / $1 }),
                ("maximum", { try $0.maximum($1) }, { Swift.max($0, $1) }), ("pow", { try $1.pow($0) }, { Foundation.pow($1, $0) }),
            ]
            for (name, op, ref) in ops {
                let r = Ref.broadcast(a, b, ref)
                let out = try op(a, b)
                XCTAssertEqual(out.shape, r.shape, "\(name) \(sa) \(sb)")
                assertClose(out.toArray(), r.values.floats, atol: 1e-5, rtol: 1e-5, "\(name) \(sa) \(sb)")
            }
        }
        // Non-contiguous operands: a transposed view plus a strided slice.
        let base = try Tensor.randn([4, 6], seed: 9)
        let x = base.T, y = try base.sliced(axis: 0, start: 0, end: 4, step: 2).T  // [6, 4] and [6, 2]
        let z = try x.sliced(axis: 1, start: 1, end: 3)  // [6, 2], strided
        let r = Ref.broadcast(z, y) { $0 * $1 }
        assertClose(try (z * y).toArray(), r.values.floats)
        assertClose(try (x + Tensor([1, 2, 3, 4])).toArray(), Ref.broadcast(x, Tensor([1, 2, 3, 4])) { $0 + $1 }.values.floats)
        assertTensorError(try Tensor.ones([2, 3]) + Tensor.ones([4]), contains: ["add: cannot broadcast [2, 3] with [4]"])
        assertTensorError(try Tensor.ones([2, 3]) * Tensor.ones([3, 2]), contains: ["mul: cannot broadcast [2, 3] with [3, 2]"])
    }

    func testScalarOperatorsAndComparisons() throws {
        let a = try Tensor(nested: [1, 2, 3])
        XCTAssertEqual(try (a * 2 + 1).toArray(), [3, 5, 7])
        XCTAssertEqual(try (1 - a).toArray(), [0, -1, -2])
        XCTAssertEqual(try (6 / a).toArray(), [6, 3, 2])
        XCTAssertEqual((-a).toArray(), [-1, -2, -3])
        XCTAssertEqual(a.gt(1.5).toArray(), [0, 1, 1])
        XCTAssertEqual(try a.le(Tensor([2, 2, 2])).toArray(), [1, 1, 0])
        XCTAssertEqual(try a.eq(Tensor(2)).toArray(), [0, 1, 0])
        XCTAssertEqual(try Tensor.where(a.gt(1.5), a, Tensor(0)).toArray(), [0, 2, 3])
        let w = try Tensor.where(Tensor([1, 0]).reshaped([2, 1]), Tensor([1, 2, 3]), Tensor(-1))
        XCTAssertEqual(w.toNested(), [[1, 2, 3], [-1, -1, -1]])
        XCTAssertEqual(a.pow(2).toArray(), [1, 4, 9])
        XCTAssertEqual(a.clamped(min: 1.5, max: 2.5).toArray(), [1.5, 2, 2.5])
        XCTAssertEqual(Tensor([-1, 0, 2]).abs().toArray(), [1, 0, 2])
        XCTAssertEqual(Tensor([-1, 0, 2]).relu().toArray(), [0, 0, 2])
    }

    func testUnaryMathAgainstLibm() throws {
        let xs = try Tensor.linspace(-12, 12, count: 4801)
        let v = xs.toArray().map(Double.init)
        assertClose(xs.exp().toArray(), v.map { Foundation.exp($0) }.floats, atol: 0, rtol: 3e-7, "exp")
        assertClose(xs.tanh().toArray(), v.map { Foundation.tanh($0) }.floats, atol: 3e-7, rtol: 1e-6, "tanh")
        assertClose(xs.sigmoid().toArray(), v.map { 1 / (1 + Foundation.exp(-$0)) }.floats, atol: 1e-7, rtol: 1e-6, "sigmoid")
        assertClose(xs.silu().toArray(), v.map { $0 / (1 + Foundation.exp(-$0)) }.floats, atol: 1e-6, rtol: 1e-6, "silu")
        assertClose(xs.gelu().toArray(), v.map(Ref.gelu).floats, atol: 1e-6, rtol: 1e-6, "gelu erf")
        assertClose(xs.gelu(approximate: .tanh).toArray(), v.map(Ref.geluTanh).floats, atol: 1e-6, rtol: 1e-6, "gelu tanh")
        let pos = try Tensor.linspace(0.01, 50, count: 1000)
        let pv = pos.toArray().map(Double.init)
        assertClose(pos.log().toArray(), pv.map { Foundation.log($0) }.floats, atol: 1e-7, rtol: 1e-6, "log")
        assertClose(pos.sqrt().toArray(), pv.map { $0.squareRoot() }.floats, atol: 0, rtol: 1e-7, "sqrt")
        // Extremes: exp overflows to inf and underflows to 0; NaN propagates.
        XCTAssertEqual(Tensor([-200, 200]).exp().toArray(), [0, .infinity])
        XCTAssertTrue(Tensor([.nan]).exp().toArray()[0].isNaN)
        XCTAssertTrue(Tensor([.nan]).tanh().toArray()[0].isNaN)
        XCTAssertEqual(Tensor([-100, 100]).tanh().toArray(), [-1, 1])
        XCTAssertEqual(Tensor([-100, 100]).sigmoid().toArray(), [0, 1])
    }

    func testReductionsAlongAxes() throws {
        let x = try Tensor.randn([3, 4, 5], seed: 4)
        for axis in 0..<3 {
            assertClose(try x.sum(axis: axis).toArray(), Ref.reduce(x, axis: axis) { $0.reduce(0, +) }.floats, atol: 1e-5, rtol: 1e-5)
            assertClose(try x.mean(axis: axis).toArray(), Ref.reduce(x, axis: axis) { $0.reduce(0, +) / Double($0.count) }.floats, atol: 1e-6)
            XCTAssertEqual(try x.max(axis: axis).toArray(), Ref.reduce(x, axis: axis) { $0.max()! }.floats)
            XCTAssertEqual(try x.min(axis: axis).toArray(), Ref.reduce(x, axis: axis) { $0.min()! }.floats)
            XCTAssertEqual(try x.argmax(axis: axis).toArray(), Ref.reduce(x, axis: axis) { Double($0.firstIndex(of: $0.max()!)!) }.floats)
            XCTAssertEqual(try x.argmin(axis: axis).toArray(), Ref.reduce(x, axis: axis) { Double($0.firstIndex(of: $0.min()!)!) }.floats)
        }
        XCTAssertEqual(try x.sum(axis: 1, keepDim: true).shape, [3, 1, 5])
        XCTAssertEqual(try x.max(axis: -1, keepDim: true).shape, [3, 4, 1])
        // Non-consecutive axes and all axes.
        let s02 = try x.sum(axes: [0, 2])
        XCTAssertEqual(s02.shape, [4])
        let ref02 = Ref.reduce(try x.sum(axis: 2), axis: 0) { $0.reduce(0, +) }
        assertClose(s02.toArray(), ref02.floats, atol: 1e-5)
        XCTAssertEqual(try x.sum(axes: [0, 2], keepDim: true).shape, [1, 4, 1])
        let all = x.toArray().map(Double.init).reduce(0, +)
        XCTAssertEqual(try x.sum().item(), Float(all), accuracy: 1e-4)
        XCTAssertEqual(x.sum().shape, [])
        XCTAssertEqual(try x.max().item(), x.toArray().max()!)
        XCTAssertEqual(try x.argmax().item(), Float(x.toArray().firstIndex(of: x.toArray().max()!)!))
        // Transposed input.
        assertClose(try x.T.sum(axis: 0).toArray(), Ref.reduce(x.T.contiguous(), axis: 0) { $0.reduce(0, +) }.floats, atol: 1e-5)
        // A long sum is accurate (16 lanes, fixed chunks).
        let big = try Tensor.full([300_000], value: 0.1)
        XCTAssertEqual(try big.sum().item(), 30_000, accuracy: 0.5)
        XCTAssertEqual(try big.mean().item(), 0.1, accuracy: 1e-5)
        assertTensorError(try x.sum(axis: 3), contains: ["sum: axis 3 out of range for rank 3"])
        assertTensorError(try t([[1, 2]]).sum(axis: 3), contains: ["sum: axis 3 out of range for rank 2"])
        assertTensorError(try x.mean(axes: [1, 1]), contains: ["mean: axis 1 given twice"])
        assertTensorError(try x.max(axis: -4), contains: ["max: axis -4 out of range for rank 3"])
    }

    func testSoftmaxFamily() throws {
        let x = try Tensor.randn([4, 7], seed: 5) * 3
        for axis in [0, 1, -1] {
            let a = axis < 0 ? 1 : axis
            let xm = a == 1 ? x : x.T.contiguous()
            var ref: [Double] = []
            for r in 0..<xm.shape[0] { ref += Ref.softmax((0..<xm.shape[1]).map { Double(try! xm.value(at: [r, $0])) }) }
            let got = try x.softmax(axis: axis)
            let gm = a == 1 ? got : got.T.contiguous()
            assertClose(gm.toArray(), ref.floats, atol: 1e-7, rtol: 1e-5, "softmax axis \(axis)")
            let lg = try x.logSoftmax(axis: axis)
            let lm = a == 1 ? lg : lg.T.contiguous()
            assertClose(lm.toArray(), ref.map { Foundation.log($0) }.floats, atol: 1e-5, rtol: 1e-5, "log_softmax axis \(axis)")
        }
        // Large logits do not overflow.
        let s = try Tensor([1000, 1000, -1000]).softmax()
        assertClose(s.toArray(), [0.5, 0.5, 0])
        assertTensorError(try x.softmax(axis: 2), contains: ["softmax: axis 2 out of range for rank 2"])
    }

    func testNorms() throws {
        let x = try Tensor.randn([5, 8], seed: 6) * 2 + 1
        let w = try Tensor.randn([8], seed: 7), b = try Tensor.randn([8], seed: 8)
        let xv = x.toArray().map(Double.init), wv = w.toArray().map(Double.init), bv = b.toArray().map(Double.init)
        var ln: [Double] = [], rms: [Double] = []
        for r in 0..<5 {
            let row = Array(xv[(r * 8)..<(r * 8 + 8)])
            let m = row.reduce(0, +) / 8, v = row.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 8
            ln += (0..<8).map { (row[$0] - m) / (v + 1e-5).squareRoot() * wv[$0] + bv[$0] }
            let ms = row.map { $0 * $0 }.reduce(0, +) / 8
            rms += (0..<8).map { row[$0] / (ms + 1e-6).squareRoot() * wv[$0] }
        }
        assertClose(try x.layerNorm(weight: w, bias: b).toArray(), ln.floats, atol: 1e-5, rtol: 1e-5)
        assertClose(try x.rmsNorm(weight: w).toArray(), rms.floats, atol: 1e-5, rtol: 1e-5)
        assertTensorError(try x.layerNorm(weight: Tensor.ones([5])), contains: ["layer_norm: weight shape [5] does not match the last dimension 8 of [5, 8]"])
        assertTensorError(try x.rmsNorm(weight: Tensor.ones([2, 4])), contains: ["rms_norm: weight shape [2, 4]"])
    }

    func testCrossEntropyWithIgnoreIndex() throws {
        let logits = try Tensor.randn([2, 3, 5], seed: 11) * 2
        let targets = try Tensor(nested: [[1, -100, 4], [0, 2, -100]])
        let lv = logits.toArray().map(Double.init), tv = targets.toArray()
        var total = 0.0, valid = 0.0, per: [Double] = []
        for r in 0..<6 {
            let row = Array(lv[(r * 5)..<(r * 5 + 5)])
            if tv[r] == -100 { per.append(0); continue }
            let m = row.max()!
            let lse = m + Foundation.log(row.map { Foundation.exp($0 - m) }.reduce(0, +))
            per.append(lse - row[Int(tv[r])])
            total += lse - row[Int(tv[r])]; valid += 1
        }
        XCTAssertEqual(try logits.crossEntropy(targets: targets).item(), Float(total / valid), accuracy: 1e-5)
        XCTAssertEqual(try logits.crossEntropy(targets: targets, reduction: .sum).item(), Float(total), accuracy: 1e-4)
        assertClose(try logits.crossEntropy(targets: targets, reduction: .none).toArray(), per.floats, atol: 1e-5)
        XCTAssertEqual(try logits.crossEntropy(targets: [1, 2, 3, 4, 0, 1], ignoreIndex: 4).shape, [])
        XCTAssertEqual(try logits.crossEntropy(targets: Tensor.full([2, 3], value: -100)).item(), 0)
        assertTensorError(try logits.crossEntropy(targets: Tensor.zeros([6])), contains: ["cross_entropy: logits [2, 3, 5] need targets of shape [2, 3], got [6]"])
        assertTensorError(try logits.crossEntropy(targets: Tensor.full([2, 3], value: 5)), contains: ["target 5 at position 0 is out of range for 5 classes"])
        assertTensorError(try logits.crossEntropy(targets: Tensor.full([2, 3], value: 0.5)), contains: ["target 0.5 at flat position 0 is not an integer"])
    }

    func testIndexingOps() throws {
        let a = t([[1, 2], [3, 4]]), b = t([[5, 6]])
        XCTAssertEqual(try Tensor.concat([a, b]).toNested(), [[1, 2], [3, 4], [5, 6]])
        XCTAssertEqual(try Tensor.concat([a, a.T], axis: 1).toNested(), [[1, 2, 1, 3], [3, 4, 2, 4]])
        XCTAssertEqual(try Tensor.stack([a, a], axis: 1).shape, [2, 2, 2])
        XCTAssertEqual(try Tensor.stack([Tensor([1, 2]), Tensor([3, 4])], axis: -1).toNested(), [[1, 3], [2, 4]])
        assertTensorError(try Tensor.concat([a, Tensor.ones([1, 3])]), contains: ["concat: tensor 1 has shape [1, 3] but tensor 0 has [2, 2]; only axis 0 may differ"])
        assertTensorError(try Tensor.stack([a, b]), contains: ["stack: tensor 1 has shape [1, 2] but tensor 0 has [2, 2]"])
        let x = try Tensor.arange(12).reshaped([3, 4])
        XCTAssertEqual(try x.indexSelect(axis: 0, indices: [2, 0, 2]).toNested(), [[8, 9, 10, 11], [0, 1, 2, 3], [8, 9, 10, 11]])
        XCTAssertEqual(try x.indexSelect(axis: 1, indices: Tensor([3, 0])).toNested(), [[3, 0], [7, 4], [11, 8]])
        XCTAssertEqual(try x.indexSelect(axis: 1, indices: [-1]).toNested(), [[3], [7], [11]])
        XCTAssertEqual(try x.gather(axis: 1, index: t([[0, 3], [1, 1], [2, 0]])).toNested(), [[0, 3], [5, 5], [10, 8]])
        XCTAssertEqual(try x.gather(axis: 0, index: t([[2, 0, 1, 0]])).toNested(), [[8, 1, 6, 3]])
        let e = try x.embedding(t([[2, 0], [1, 1]]))
        XCTAssertEqual(e.shape, [2, 2, 4])
        XCTAssertEqual(try e[0, 0].toArray(), [8, 9, 10, 11])
        assertTensorError(try x.indexSelect(axis: 0, indices: [3]), contains: ["index_select: index 3 at position 0 is out of range for an axis of size 3"])
        assertTensorError(try x.embedding(Tensor([5])), contains: ["embedding: id 5 at position 0 is out of range for a table of 3 rows"])
        assertTensorError(try x.gather(axis: 1, index: Tensor([1])), contains: ["gather: index of shape [1] must have the rank of the input [3, 4]"])
    }

    func testDropoutIsSeededAndScaled() throws {
        let x = try Tensor.ones([10_000])
        let d = try x.dropout(p: 0.25, seed: 3)
        let v = d.toArray()
        let kept = v.filter { $0 != 0 }
        XCTAssertTrue(kept.allSatisfy { abs($0 - 4.0 / 3.0) < 1e-6 })
        XCTAssertEqual(Double(kept.count) / 10_000, 0.75, accuracy: 0.02)
        XCTAssertEqual(try x.dropout(p: 0.25, seed: 3).toArray(), v)
        XCTAssertNotEqual(try x.dropout(p: 0.25, seed: 4).toArray(), v)
        XCTAssertEqual(try x.dropout(p: 0, seed: 1).toArray(), x.toArray())
        XCTAssertEqual(try x.dropout(p: 1, seed: 1).toArray(), [Float](repeating: 0, count: 10_000))
        assertTensorError(try x.dropout(p: 1.5, seed: 1), contains: ["dropout: probability must be in [0, 1], got 1.5"])
    }

    func testSwiglu() throws {
        let g = try Tensor.randn([3, 4], seed: 1), u = try Tensor.randn([3, 4], seed: 2)
        assertClose(try g.swiglu(u).toArray(), try (g.silu() * u).toArray(), atol: 1e-6)
        assertTensorError(try g.swiglu(u.T), contains: ["swiglu: gate shape [3, 4] and up shape [4, 3] differ"])
    }
}

final class FastMathTests: XCTestCase {
    /// The documented accuracy of the vectorisable math on a dense grid.
    func testAccuracyOnADenseGrid() {
        var expRel = 0.0, tanhAbs = 0.0, erfAbs = 0.0, erfRel = 0.0, geluAbs = 0.0
        for i in 0..<200_001 {
            let x = Float(i) / 10_000 - 10  // [-10, 10]
            let d = Double(x)
            expRel = max(expRel, abs(Double(FastMath.exp(x)) - Foundation.exp(d)) / Foundation.exp(d))
            tanhAbs = max(tanhAbs, abs(Double(FastMath.tanh(x)) - Foundation.tanh(d)))
            let e = abs(Double(FastMath.erf(x)) - Foundation.erf(d))
            erfAbs = max(erfAbs, e)
            if abs(d) < 2 && d != 0 { erfRel = max(erfRel, e / abs(Foundation.erf(d))) }
            var g: Float = 0
            Kernels.geluForward(&g, [x], 1)
            geluAbs = max(geluAbs, abs(Double(g) - Ref.gelu(d)) / max(1, abs(d)))
        }
        XCTAssertLessThan(expRel, 3e-7)
        XCTAssertLessThan(tanhAbs, 3e-7)
        XCTAssertLessThan(erfAbs, 5e-7)
        XCTAssertLessThan(erfRel, 4e-7)
        XCTAssertLessThan(geluAbs, 5e-7)
    }
}
