import Foundation
import XCTest
@testable import R3Tensor

/// Every differentiable op's gradient against central finite differences.
///
/// Each check builds a scalar objective Σ f(inputs) * w (w fixed random weights, so every output
/// element matters with a different weight), runs backward, and compares each input gradient
/// element with (L(x + ε) - L(x - ε)) / 2ε, where L is evaluated with the objective summed in
/// Float64. Inputs are kept away from kinks (relu, abs, clamp, max) by more than ε.
final class GradcheckTests: XCTestCase {
    nonisolated(unsafe) static var checks = 0

    override class func tearDown() {
        print("gradchecks passed: \(checks)")
        super.tearDown()
    }

    func check(_ name: String, _ inputs: [Tensor], eps: Float = 1e-2, atol: Double = 2e-3, rtol: Double = 1e-2,
               file: StaticString = #filePath, line: UInt = #line, _ f: ([Tensor]) throws -> Tensor) throws {
        let leaves = inputs.map { $0.requiringGrad() }
        let out = try f(leaves)
        let w = try Tensor.randn(out.shape, seed: 12345)
        try (out * w).sum().backward()
        let wv = w.toArray().map(Double.init)
        func objective(_ xs: [Tensor]) throws -> Double {
            let o = try withNoGrad { try f(xs) }
            return zip(o.toArray(), wv).reduce(0) { $0 + Double($1.0) * $1.1 }
        }
        var failures = 0
        for (i, leaf) in leaves.enumerated() {
            let analytic = try leaf.grad.toArray()
            XCTAssertEqual(try leaf.grad.shape, inputs[i].shape, "\(name): gradient shape", file: file, line: line)
            var data = inputs[i].toArray()
            for j in 0..<data.count {
                let orig = data[j]
                var xs = inputs.map { $0.detached() }
                data[j] = orig + eps
                let up = data[j]
                xs[i] = try Tensor(shape: inputs[i].shape, data: data)
                let fp = try objective(xs)
                data[j] = orig - eps
                let down = data[j]
                xs[i] = try Tensor(shape: inputs[i].shape, data: data)
                let fm = try objective(xs)
                data[j] = orig
                let numeric = (fp - fm) / (Double(up) - Double(down))
                let a = Double(analytic[j])
                if abs(a - numeric) > atol + rtol * abs(numeric) {
                    failures += 1
                    if failures <= 3 {
                        XCTFail("\(name): input \(i) element \(j): analytic \(a) vs numeric \(numeric)", file: file, line: line)
                    }
                }
            }
        }
        if failures == 0 { GradcheckTests.checks += 1 }
    }

    /// randn values moved at least `gap` away from the given kinks.
    func awayFrom(_ kinks: [Float], _ shape: [Int], seed: UInt64, gap: Float = 0.05) throws -> Tensor {
        let x = try Tensor.randn(shape, seed: seed)
        return try Tensor(shape: shape, data: x.toArray().map { v in
            var v = v
            for k in kinks where abs(v - k) < gap { v = k + (v < k ? -gap : gap) }
            return v
        })
    }

    func r(_ shape: [Int], _ seed: UInt64, scale: Float = 1) throws -> Tensor { try Tensor.randn(shape, seed: seed) * scale }
    func pos(_ shape: [Int], _ seed: UInt64) throws -> Tensor { try Tensor.rand(shape, seed: seed, low: 0.5, high: 2) }

    func testArithmeticWithBroadcasting() throws {
        try check("add", [r([2, 3], 1), r([2, 3], 2)]) { try $0[0] + $0[1] }
        try check("add [2,3]+[3]", [r([2, 3], 1), r([3], 2)]) { try $0[0] + $0[1] }
        try check("add [4,1,3]+[2,1]", [r([4, 1, 3], 3), r([2, 1], 4)]) { try $0[0] + $0[1] }
        try check("sub [2,1]-[1,3]", [r([2, 1], 5), r([1, 3], 6)]) { try $0[0] - $0[1] }
        try check("mul [3,4]*[4]", [r([3, 4], 7), r([4], 8)]) { try $0[0] * $0[1] }
        try check("mul scalar tensor", [r([3], 9), r([], 10)]) { try $0[0] * $0[1] }
        try check("div [2,3]/[2,1]", [r([2, 3], 11), pos([2, 1], 12)]) { try $0[0] / $0[1] }
        try check("div scalar/tensor", [pos([4], 13)]) { try 2 / $0[0] }
        try check("pow tensor^tensor", [pos([2, 3], 14), r([3], 15)]) { try $0[0].pow($0[1]) }
        try check("pow scalar exponent", [r([5], 16)]) { $0[0].pow(3) }
        try check("pow 0.5", [pos([5], 17)]) { $0[0].pow(0.5) }
        try check("maximum", [r([3, 4], 18), r([4], 19)]) { try $0[0].maximum($0[1]) }
        try check("minimum", [r([3, 4], 20), r([3, 1], 21)]) { try $0[0].minimum($0[1]) }
        try check("neg", [r([4], 22)]) { -$0[0] }
        try check("reuse x*x+x", [r([4], 23)]) { try $0[0] * $0[0] + $0[0] }
    }

    func testUnaryOps() throws {
        try check("exp", [r([6], 1)]) { $0[0].exp() }
        try check("log", [pos([6], 2)]) { $0[0].log() }
        try check("sqrt", [pos([6], 3)]) { $0[0].sqrt() }
        try check("abs", [awayFrom([0], [6], seed: 4)]) { $0[0].abs() }
        try check("tanh", [r([6], 5)]) { $0[0].tanh() }
        try check("sigmoid", [r([6], 6, scale: 2)]) { $0[0].sigmoid() }
        try check("relu", [awayFrom([0], [8], seed: 7)]) { $0[0].relu() }
        try check("gelu erf", [r([8], 8, scale: 2)]) { $0[0].gelu() }
        try check("gelu tanh", [r([8], 9, scale: 2)]) { $0[0].gelu(approximate: .tanh) }
        try check("silu", [r([8], 10, scale: 2)]) { $0[0].silu() }
        try check("clamped", [awayFrom([-0.5, 0.5], [8], seed: 11)]) { $0[0].clamped(min: -0.5, max: 0.5) }
        try check("swiglu", [r([2, 4], 12), r([2, 4], 13)]) { try $0[0].swiglu($0[1]) }
        try check("where", [r([2, 3], 14), r([3], 15)]) { try Tensor.where(Tensor([1, 0, 1]), $0[0], $0[1]) }
    }

    func testReductions() throws {
        let x = try r([3, 4, 5], 1)
        try check("sum all", [x]) { $0[0].sum() }
        try check("sum axis 1", [x]) { try $0[0].sum(axis: 1) }
        try check("sum axes [0,2] keepDim", [x]) { try $0[0].sum(axes: [0, 2], keepDim: true) }
        try check("mean all", [x]) { $0[0].mean() }
        try check("mean axis -1 keepDim", [x]) { try $0[0].mean(axis: -1, keepDim: true) }
        try check("max axis 0", [x]) { try $0[0].max(axis: 0) }
        try check("min axis 2", [x]) { try $0[0].min(axis: 2, keepDim: true) }
        try check("max all", [x]) { try $0[0].max() }
        try check("min all", [x]) { try $0[0].min() }
    }

    func testViewsAndNonContiguousInputs() throws {
        let x = try r([2, 3, 4], 2)
        try check("reshaped", [x]) { try $0[0].reshaped([4, 6]) * Tensor.arange(6) }
        try check("permuted", [x]) { try $0[0].permuted([2, 0, 1]) * Tensor.arange(3) }
        try check("transposed view into mul", [r([3, 4], 3), r([4, 3], 4)]) { try $0[0].T * $0[1] }
        try check("T then reshaped (copy)", [r([3, 4], 5)]) { try $0[0].T.reshaped([12]) }
        try check("subscript with step", [x]) { try $0[0][1, TensorIndex.range(start: 0, end: 3, step: 2), 1...] }
        try check("sliced strided input into exp", [r([4, 6], 6)]) { try $0[0].sliced(axis: 1, step: 2).exp() }
        try check("expanded", [r([3, 1], 7)]) { try $0[0].expanded(to: [2, 3, 4]) }
        try check("unsqueezed/squeezed", [r([3], 8)]) { try $0[0].unsqueezed(axis: 0).squeezed() }
        try check("contiguous of transposed", [r([3, 4], 9)]) { $0[0].T.contiguous() }
        try check("mT on batch", [r([2, 3, 4], 10)]) { try $0[0].mT.sum(axis: 0) }
    }

    func testMatmul() throws {
        try check("matmul 2-D", [r([3, 4], 1), r([4, 5], 2)]) { try $0[0].matmul($0[1]) }
        try check("matmul transposed views", [r([4, 3], 3), r([5, 4], 4)]) { try $0[0].T.matmul($0[1].T) }
        try check("matmul sliced view", [r([3, 8], 5), r([4, 2], 6)]) { try $0[0].sliced(axis: 1, step: 2).matmul($0[1]) }
        try check("matmul batched broadcast", [r([2, 1, 3, 4], 7), r([3, 4, 2], 8)]) { try $0[0].matmul($0[1]) }
        try check("matmul [B,T,C]@[C,D]", [r([2, 3, 4], 9), r([4, 5], 10)]) { try $0[0].matmul($0[1]) }
        try check("matmul [B,T,C]^T-batch @[C,D]", [r([2, 4, 3], 11), r([4, 5], 12)]) { try $0[0].mT.matmul($0[1]) }
        try check("matmul vec @ mat", [r([4], 13), r([4, 3], 14)]) { try $0[0].matmul($0[1]) }
        try check("matmul mat @ vec", [r([3, 4], 15), r([4], 16)]) { try $0[0].matmul($0[1]) }
        try check("matmul vec @ vec", [r([4], 17), r([4], 18)]) { try $0[0].matmul($0[1]) }
    }

    func testNetworkOps() throws {
        try check("softmax last", [r([3, 5], 1)]) { try $0[0].softmax() }
        try check("softmax axis 0", [r([3, 5], 2)]) { try $0[0].softmax(axis: 0) }
        try check("log_softmax", [r([2, 3, 4], 3)]) { try $0[0].logSoftmax(axis: 1) }
        try check("layer_norm affine", [r([3, 6], 4), r([6], 5), r([6], 6)]) { try $0[0].layerNorm(weight: $0[1], bias: $0[2]) }
        try check("layer_norm plain", [r([2, 2, 5], 7)]) { try $0[0].layerNorm() }
        try check("rms_norm", [r([3, 6], 8), r([6], 9)]) { try $0[0].rmsNorm(weight: $0[1]) }
        try check("rms_norm plain", [r([4, 5], 10)]) { try $0[0].rmsNorm() }
        let targets = try Tensor(nested: [[1, -100, 3], [0, 2, -100]])
        try check("cross_entropy mean ignore", [r([2, 3, 4], 11)]) { try $0[0].crossEntropy(targets: targets) }
        try check("cross_entropy sum", [r([2, 3, 4], 12)]) { try $0[0].crossEntropy(targets: targets, reduction: .sum) }
        try check("cross_entropy none", [r([2, 3, 4], 13)]) { try $0[0].crossEntropy(targets: targets, reduction: .none) }
        try check("dropout", [r([4, 5], 14)]) { try $0[0].dropout(p: 0.3, seed: 5) }
    }

    func testIndexingOps() throws {
        try check("concat axis 1", [r([2, 3], 1), r([2, 2], 2)]) { try Tensor.concat([$0[0], $0[1]], axis: 1) }
        try check("stack", [r([2, 3], 3), r([2, 3], 4)]) { try Tensor.stack([$0[0], $0[1]], axis: 1) }
        try check("index_select repeats", [r([4, 3], 5)]) { try $0[0].indexSelect(axis: 0, indices: [3, 1, 3]) }
        try check("index_select axis 1", [r([2, 4, 3], 6)]) { try $0[0].indexSelect(axis: 1, indices: [0, 2, 2]) }
        try check("gather", [r([3, 4], 7)]) { try $0[0].gather(axis: 1, index: t([[0, 3], [1, 1], [2, 0]])) }
        try check("embedding repeated ids", [r([5, 3], 8)]) { try $0[0].embedding(t([[1, 4, 1], [0, 1, 2]])) }
    }

    func testCompositesAndCustomOps() throws {
        try check("mlp", [r([4, 3], 1), r([3, 5], 2), r([5], 3), r([5, 2], 4)]) { p in
            try (p[0].matmul(p[1]) + p[2]).gelu().matmul(p[3]).tanh()
        }
        try check("attention", [r([2, 4, 8], 5), r([2, 4, 8], 6), r([2, 4, 8], 7)]) { p in
            let scores = try p[0].matmul(p[1].mT) / Float(8).squareRoot()
            return try scores.softmax().matmul(p[2])
        }
        try check("transformer block-ish", [r([2, 3, 4], 8), r([4], 9), r([4, 8], 10), r([4, 8], 11), r([8, 4], 12)]) { p in
            let h = try p[0].rmsNorm(weight: p[1])
            return try p[0] + h.matmul(p[2]).swiglu(h.matmul(p[3])).matmul(p[4])
        }
        try check("custom op (square)", [r([5], 13)]) { p in
            let x = p[0].detached()
            let y = try x * x
            return Tensor.customOp("square", output: y, inputs: [p[0]]) { g in [try g * x * 2] }
        }
    }
}
