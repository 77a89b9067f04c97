import Foundation
import XCTest
@testable import R3Tensor

final class OptimizerTests: XCTestCase {
    func testUpdatesAreVisibleThroughEveryCopy() throws {
        let w = try Tensor.ones([3], requiresGrad: true)
        let holder = [w]  // a model's copy
        final class Box { var t: Tensor; init(_ t: Tensor) { self.t = t } }
        let box = Box(w)  // a binding-layer wrapper
        let opt = try SGD([w], lr: 0.5)
        try (w * Tensor([1, 2, 3])).sum().backward()
        try opt.step()
        XCTAssertEqual(holder[0].toArray(), [0.5, 0, -0.5])
        XCTAssertEqual(box.t.toArray(), [0.5, 0, -0.5])
        XCTAssertEqual(try box.t.grad.toArray(), [1, 2, 3])
        opt.zeroGrad()
        assertTensorError(try box.t.grad, contains: ["no gradient yet"])
    }

    func testNaNGradientIsCaughtBeforeAnyWrite() throws {
        let a = try Tensor.ones([2], requiresGrad: true), b = try Tensor.ones([2, 2], requiresGrad: true)
        let opt = try AdamW([a, b], names: ["embed", "layers.0.w"], lr: 0.1)
        let loss = try (a.sum() + (b * Tensor([0, .nan])).sum())
        try loss.backward()
        assertTensorError(try opt.step(), contains: ["AdamW.step: the gradient of parameter 'layers.0.w' (shape [2, 2]) has 2 non-finite values",
                                                       "first: nan at index 1", "no parameter was updated"])
        XCTAssertEqual(a.toArray(), [1, 1])
        XCTAssertEqual(b.toArray(), [1, 1, 1, 1])
        XCTAssertEqual(opt.stepCount, 0)
        assertTensorError(try opt.step(loss: Tensor(.infinity)), contains: ["AdamW.step: the loss is inf"])
        let sgd = try SGD([a], names: ["a"], lr: 1)
        try a.setGrad(Tensor([.infinity, 1]))
        assertTensorError(try sgd.step(), contains: ["SGD.step: the gradient of parameter 'a' (shape [2]) has 1 non-finite value (first: inf at index 0)"])
    }

    func testConstructionErrors() throws {
        let plain = try Tensor.ones([2])
        assertTensorError(try AdamW([plain]), contains: ["AdamW: parameter '0' (shape [2]) is not a leaf that requires grad"])
        let w = try Tensor.ones([2], requiresGrad: true)
        assertTensorError(try SGD([w, w], names: ["a", "b"], lr: 1), contains: ["SGD: parameter 'b' is the same tensor as 'a'"])
        assertTensorError(try SGD([w], names: ["a", "b"], lr: 1), contains: ["2 names for 1 parameters"])
        assertTensorError(try SGD([w], lr: 1, momentum: 0, nesterov: true), contains: ["Nesterov momentum requires"])
        assertTensorError(try AdamW([w], betas: (1, 0.9)), contains: ["betas must be in [0, 1)"])
        assertTensorError(try LRSchedule.cosine(lr: 1, warmupSteps: 10, totalSteps: 5), contains: ["cosine: totalSteps must be positive and >= warmupSteps"])
        assertTensorError(try clipGradNorm([w], maxNorm: 0), contains: ["clipGradNorm: maxNorm must be > 0"])
    }

    /// Trains `steps` steps of a small regression with AdamW from a fixed start.
    func train(_ opt: Optimizer, _ w: Tensor, steps: Range<Int>) throws {
        let x = try Tensor.randn([8, 4], seed: 1), y = try Tensor.randn([8, 2], seed: 2)
        for _ in steps {
            opt.zeroGrad()
            let loss = try (x.matmul(w) - y).pow(2).mean()
            try loss.backward()
            try opt.step(loss: loss)
        }
    }

    func testStateExportImportResumesBitIdentically() throws {
        let schedule = try LRSchedule.cosine(lr: 0.05, warmupSteps: 2, totalSteps: 10, minLR: 0.005)
        // Reference: 10 uninterrupted steps.
        let w1 = try Tensor.randn([4, 2], seed: 3, requiresGrad: true)
        let o1 = try AdamW([w1], names: ["w"], lr: 0.05, weightDecay: 0.1, schedule: schedule)
        try train(o1, w1, steps: 0..<10)
        // Interrupted after 4 steps: save through JSON, restore into fresh objects, continue.
        let w2 = try Tensor.randn([4, 2], seed: 3, requiresGrad: true)
        let o2 = try AdamW([w2], names: ["w"], lr: 0.05, weightDecay: 0.1, schedule: schedule)
        try train(o2, w2, steps: 0..<4)
        let json = try JSONEncoder().encode(o2.exportState())
        let savedWeights = w2.toArray()
        let w3 = try Tensor(shape: [4, 2], data: savedWeights).requiringGrad()
        let o3 = try AdamW([w3], names: ["w"], lr: 0.05, weightDecay: 0.1, schedule: schedule)
        try o3.importState(JSONDecoder().decode(OptimizerState.self, from: json))
        XCTAssertEqual(o3.stepCount, 4)
        try train(o3, w3, steps: 4..<10)
        XCTAssertEqual(w3.toArray(), w1.toArray())
        XCTAssertEqual(o3.exportState(), o1.exportState())
        // SGD momentum buffers too.
        let s1w = try Tensor.randn([4, 2], seed: 3, requiresGrad: true)
        let s1 = try SGD([s1w], lr: 0.1, momentum: 0.9)
        try train(s1, s1w, steps: 0..<6)
        let s2w = try Tensor.randn([4, 2], seed: 3, requiresGrad: true)
        let s2 = try SGD([s2w], lr: 0.1, momentum: 0.9)
        try train(s2, s2w, steps: 0..<3)
        let s3w = try Tensor(shape: [4, 2], data: s2w.toArray()).requiringGrad()
        let s3 = try SGD([s3w], lr: 0.1, momentum: 0.9)
        try s3.importState(s2.exportState())
        try train(s3, s3w, steps: 3..<6)
        XCTAssertEqual(s3w.toArray(), s1w.toArray())
    }

    func testImportChecksKindNamesAndShapes() throws {
        let w = try Tensor.ones([2], requiresGrad: true)
        let adam = try AdamW([w], names: ["w"])
        try w.setGrad(Tensor([1, 1]))
        try adam.step()
        let sgd = try SGD([w], names: ["w"], lr: 1)
        assertTensorError(try sgd.importState(adam.exportState()), contains: ["SGD.importState: the state is for AdamW, not SGD"])
        let v = try Tensor.ones([3], requiresGrad: true)
        let other = try AdamW([v], names: ["v"])
        assertTensorError(try other.importState(adam.exportState()), contains: ["the state's parameters [\"w\"] do not match the optimizer's [\"v\"]"])
        let wrong = try AdamW([v], names: ["w"])
        assertTensorError(try wrong.importState(adam.exportState()), contains: ["buffer 'w.exp_avg' has shape [2] but parameter 'w' has shape [3]"])
        let differentBetas = try AdamW([try Tensor.ones([2], requiresGrad: true)], names: ["w"], betas: (0.8, 0.999))
        assertTensorError(try differentBetas.importState(adam.exportState()), contains: ["the state has beta1 = 0.8999"])
    }

    func testScheduleDrivesTheLearningRateAndClippingScales() throws {
        let s = try LRSchedule.linearWarmup(lr: 1, warmupSteps: 4)
        XCTAssertEqual((0..<6).map { s.learningRate(at: $0) }, [0, 0.25, 0.5, 0.75, 1, 1])
        let c = try LRSchedule.cosine(lr: 1, warmupSteps: 0, totalSteps: 10, minLR: 0.1)
        XCTAssertEqual(c.learningRate(at: 0), 1)
        XCTAssertEqual(c.learningRate(at: 5), 0.55, accuracy: 1e-6)
        XCTAssertEqual(c.learningRate(at: 10), 0.1, accuracy: 1e-7)
        XCTAssertEqual(c.learningRate(at: 50), 0.1, accuracy: 1e-7)  // stays at minLR after the end
        XCTAssertEqual(LRSchedule.constant(0.3).learningRate(at: 99), 0.3)
        let w = try Tensor.zeros([2], requiresGrad: true)
        let opt = try SGD([w], lr: 123, schedule: s)
        try w.setGrad(Tensor([1, 1]))
        try opt.step()
        XCTAssertEqual(opt.learningRate, 0)
        try opt.step()
        XCTAssertEqual(opt.learningRate, 0.25)
        XCTAssertEqual(w.toArray(), [-0.25, -0.25])
        try w.setGrad(Tensor([3, 4]))
        XCTAssertEqual(try clipGradNorm([w], maxNorm: 1), 5)
        assertClose(try w.grad.toArray(), [0.6, 0.8], atol: 1e-6)
        XCTAssertEqual(try clipGradNorm([w], maxNorm: 10), 1, accuracy: 1e-6)
        assertClose(try w.grad.toArray(), [0.6, 0.8], atol: 1e-6)
    }
}
