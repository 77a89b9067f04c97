import Foundation
import XCTest
@testable import R3Tensor

/// Composite computations compared with PyTorch (fixtures from scripts/fixtures/tensor_fixtures.py).
final class FixtureTests: XCTestCase {
    struct Fixture {
        let tensors: [String: Tensor]
        let scalars: [String: Double]

        init(_ name: String) throws {
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
                throw TensorError("fixture", "missing Fixtures/\(name).json")
            }
            let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            var ts: [String: Tensor] = [:]
            for (k, v) in obj["tensors"] as! [String: [String: Any]] {
                let shape = (v["shape"] as! [NSNumber]).map(\.intValue)
                let data = (v["data"] as! [NSNumber]).map(\.floatValue)
                ts[k] = try Tensor(shape: shape, data: data)
            }
            tensors = ts
            scalars = (obj["scalars"] as? [String: NSNumber] ?? [:]).mapValues(\.doubleValue)
        }

        subscript(_ k: String) -> Tensor { tensors[k]! }
        func leaf(_ k: String) -> Tensor { tensors[k]!.requiringGrad() }
    }

    func expect(_ got: Tensor, _ want: Tensor, atol: Float = 1e-5, rtol: Float = 1e-4, _ what: String,
                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.shape, want.shape, what, file: file, line: line)
        assertClose(got.toArray(), want.toArray(), atol: atol, rtol: rtol, what, file: file, line: line)
    }

    func testMLPForwardBackward() throws {
        let f = try Fixture("mlp")
        let x = f.leaf("x"), w1 = f.leaf("w1"), b1 = f.leaf("b1"), w2 = f.leaf("w2"), b2 = f.leaf("b2")
        let logits = try (x.matmul(w1) + b1).gelu().matmul(w2) + b2
        let loss = try logits.crossEntropy(targets: f["y"])
        try loss.backward()
        expect(logits, f["logits"], "logits")
        expect(loss, f["loss"], "loss")
        for (name, p) in [("x", x), ("w1", w1), ("b1", b1), ("w2", w2), ("b2", b2)] {
            expect(try p.grad, f["grad_" + name], "grad \(name)")
        }
    }

    func testCrossEntropyWithIgnoreIndex() throws {
        let f = try Fixture("cross_entropy_ignore")
        let logits = f.leaf("logits")
        let loss = try logits.crossEntropy(targets: f["targets"], ignoreIndex: -100)
        try loss.backward()
        expect(loss, f["loss"], "loss")
        expect(try logits.grad, f["grad_logits"], "grad logits")
    }

    func testLayerNormGeluChain() throws {
        let f = try Fixture("layer_norm_gelu")
        let x = f.leaf("x"), w = f.leaf("w"), b = f.leaf("b")
        let y = try (x + 1).layerNorm(weight: w, bias: b, eps: 1e-5).gelu(approximate: .tanh)
        try (y * f["r"]).sum().backward()
        expect(y, f["y"], "y")
        expect(try x.grad, f["grad_x"], atol: 2e-5, "grad x")
        expect(try w.grad, f["grad_w"], "grad w")
        expect(try b.grad, f["grad_b"], "grad b")
    }

    func testRMSNormSwiGLUBlock() throws {
        let f = try Fixture("rms_norm_swiglu")
        let x = f.leaf("x"), g = f.leaf("g"), wg = f.leaf("wg"), wu = f.leaf("wu"), wd = f.leaf("wd")
        let n = try x.rmsNorm(weight: g, eps: 1e-6)
        let h = try x + n.matmul(wg).swiglu(n.matmul(wu)).matmul(wd)
        try (h * f["r"]).sum().backward()
        expect(h, f["h"], "h")
        for (name, p) in [("x", x), ("g", g), ("wg", wg), ("wu", wu), ("wd", wd)] {
            expect(try p.grad, f["grad_" + name], atol: 2e-5, "grad \(name)")
        }
    }

    func testCausalAttention() throws {
        let f = try Fixture("attention")
        let q = f.leaf("q"), k = f.leaf("k"), v = f.leaf("v")
        let scores = try q.matmul(k.mT) / Float(8).squareRoot()
        let masked = try Tensor.where(f["causal"], scores, Tensor(-.infinity))
        let out = try masked.softmax().matmul(v)
        try (out * f["r"]).sum().backward()
        expect(out, f["out"], "out")
        expect(try q.grad, f["grad_q"], "grad q")
        expect(try k.grad, f["grad_k"], "grad k")
        expect(try v.grad, f["grad_v"], "grad v")
    }

    func testAdamWAndSGDOnAFixedGradientSequence() throws {
        let f = try Fixture("optimizers")
        let grads = f["grads"]
        let p = f["p0"].requiringGrad()
        let adam = try AdamW([p], names: ["p"], lr: 0.05, betas: (0.9, 0.999), eps: 1e-8, weightDecay: 0.1)
        let q = f["p0"].requiringGrad()
        let sgd = try SGD([q], names: ["q"], lr: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true)
        for t in 0..<6 {
            try p.setGrad(grads[t])
            try adam.step()
            expect(p.detached(), try f["adamw_params"][t], atol: 1e-6, rtol: 1e-5, "AdamW step \(t + 1)")
            try q.setGrad(grads[t])
            try sgd.step()
            expect(q.detached(), try f["sgd_params"][t], atol: 1e-6, rtol: 1e-5, "SGD step \(t + 1)")
        }
        let state = adam.exportState()
        expect(state.buffers["p.exp_avg"]!, f["adamw_exp_avg"], atol: 1e-7, "exp_avg")
        expect(state.buffers["p.exp_avg_sq"]!, f["adamw_exp_avg_sq"], atol: 1e-8, "exp_avg_sq")
    }

    func testSchedulesMatchTransformers() throws {
        let f = try Fixture("schedules")
        let lr = Float(f.scalars["lr"]!)
        let cosine = try LRSchedule.cosine(lr: lr, warmupSteps: 10, totalSteps: 100, minLR: Float(f.scalars["cosine_min_lr"]!))
        let warm = try LRSchedule.linearWarmup(lr: lr, warmupSteps: 8)
        let linear = try LRSchedule.linear(lr: lr, warmupSteps: 5, totalSteps: 50)
        for (name, s) in [("cosine", cosine), ("warmup", warm), ("linear", linear)] {
            let want = f[name].toArray()
            let got = (0..<want.count).map { s.learningRate(at: $0) }
            assertClose(got, want, atol: 1e-10, rtol: 1e-5, name)
        }
    }

    func testClipGradNorm() throws {
        let f = try Fixture("clip_grad_norm")
        let a = try Tensor.zeros([3, 4], requiresGrad: true), b = try Tensor.zeros([5], requiresGrad: true)
        try a.setGrad(f["grad_a"])
        try b.setGrad(f["grad_b"])
        let norm = try clipGradNorm([a, b], maxNorm: 1.5)
        XCTAssertEqual(norm, try f["norm"].item(), accuracy: 1e-5)
        expect(try a.grad, f["clipped_a"], atol: 1e-6, "clipped a")
        expect(try b.grad, f["clipped_b"], atol: 1e-6, "clipped b")
    }
}
