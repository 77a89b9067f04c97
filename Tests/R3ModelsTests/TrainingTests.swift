import Foundation
import XCTest
@testable import R3Models

final class TrainingTests: XCTestCase {
    /// AdamW (decay on matrices only), global-norm clipping and a changing learning rate give
    /// torch.optim.AdamW's parameters after three steps.
    func testAdamWMatchesTorch() throws {
        let model = try LanguageModel.load(Fixture.path("llama_tiny"))
        let ref = try Fixture.json("adamw_llama_tiny.json")
        let st = try SafetensorsFile(path: Fixture.path("adamw_llama_tiny.safetensors"))
        let betas = (ref["betas"] as! [NSNumber]).map(\.doubleValue)
        let opt = AdamW(model: model, config: OptimizerConfig(weightDecay: (ref["weight_decay"] as! NSNumber).doubleValue,
                                                              beta1: betas[0], beta2: betas[1], epsilon: 1e-8, maxGradNorm: 1.0))
        let names = model.parameterShapes.map(\.name).sorted()
        let lrs = (ref["lrs"] as! [NSNumber]).map(\.doubleValue), scales = (ref["grad_scales"] as! [NSNumber]).map(\.doubleValue)
        let norms = (ref["grad_norms"] as! [NSNumber]).map(\.doubleValue)
        for (step, lr) in lrs.enumerated() {
            model.zeroGradients()
            for t in model.layout.tensors {
                let k = Double(names.firstIndex(of: t.name)!)
                for i in 0..<t.count { model.grads!.pointer[t.offset + i] = Float(sin(0.001 * Double(i) + Double(step) + 0.5 * k) * scales[step]) }
            }
            let norm = opt.update(model, learningRate: lr)
            XCTAssertEqual(try XCTUnwrap(norm), norms[step], accuracy: 1e-4 * norms[step])
        }
        for case let name as String in ref["checked"] as! [Any] {
            let want = try st.floats(name), got = model.parameter(name)!
            let d = zip(got, want).map { abs($0 - $1) }.max()!
            XCTAssertLessThanOrEqual(d, 2e-6, name)
        }
    }

    func testLearningRateSchedule() {
        let o = OptimizerConfig(learningRate: 1e-3, minLearningRateRatio: 0.1, warmupSteps: 10)
        XCTAssertEqual(o.learningRate(step: 5, totalSteps: 110), 5e-4, accuracy: 1e-12)
        XCTAssertEqual(o.learningRate(step: 10, totalSteps: 110), 1e-3, accuracy: 1e-12)
        XCTAssertEqual(o.learningRate(step: 60, totalSteps: 110), 5.5e-4, accuracy: 1e-12)
        XCTAssertEqual(o.learningRate(step: 110, totalSteps: 110), 1e-4, accuracy: 1e-12)
    }

    private func tinyModel(seed: UInt64 = 1) throws -> LanguageModel {
        let tok = try Tokenizer.chars("abcdefghijklmnopqrstuvwxyz =+0123456789")
        return try LanguageModel(config: ModelConfig(vocabSize: tok.vocabSize, hiddenSize: 32, numLayers: 2, numHeads: 4,
                                                     numKVHeads: 2, maxPositions: 32),
                                 tokenizer: tok, seed: seed)
    }

    private let examples = (0..<24).map { i in Example(prompt: "\(i % 10)+\(i / 10)=", completion: "\(i % 10 + i / 10)") }

    func testFitLearnsAndReportsMetrics() throws {
        let model = try tinyModel()
        var seen: [StepMetrics] = []
        let r = try fit(model, examples, config: FitConfig(steps: 60, batchSize: 8, optimizer: OptimizerConfig(learningRate: 3e-3)),
                        onStep: { seen.append($0) })
        XCTAssertEqual(r.metrics.count, 60)
        XCTAssertEqual(seen, r.metrics)
        XCTAssertLessThan(r.metrics.suffix(5).map(\.loss).reduce(0, +) / 5, r.metrics[0].loss * 0.5)
        XCTAssertTrue(r.metrics.allSatisfy { $0.gradNorm > 0 && $0.tokensPerSecond > 0 && $0.tokens > 0 })
        XCTAssertEqual(r.metrics[59].learningRate, 3e-4, accuracy: 1e-9)
    }

    /// Stopping at step 3 and resuming from its checkpoint gives bit-identical losses and weights.
    func testResumeIsBitIdentical() throws {
        for packing in [false, true] {
            let dir = try Fixture.temporaryFolder(self)
            let config = FitConfig(steps: 6, batchSize: 4, packing: packing, seed: 5, checkpointEvery: 3,
                                   checkpointDirectory: dir.path, keepCheckpoints: 5)
            let full = try tinyModel()
            let a = try fit(full, examples, config: config)
            let resumed = try tinyModel(seed: 99)  // different weights: the checkpoint must replace them
            let b = try fit(resumed, examples, config: config, resumeFrom: dir.appendingPathComponent("checkpoint-3").path)
            XCTAssertEqual(b.metrics.map(\.step), [4, 5, 6])
            XCTAssertEqual(b.metrics.map(\.loss), a.metrics.suffix(3).map(\.loss), "packing \(packing)")
            XCTAssertEqual(b.metrics.map(\.gradNorm), a.metrics.suffix(3).map(\.gradNorm))
            XCTAssertEqual(resumed.params.array, full.params.array)
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("checkpoint-6/model.safetensors").path))
        }
    }

    func testNaNLossStopsWithLastGoodCheckpoint() throws {
        let dir = try Fixture.temporaryFolder(self)
        let model = try tinyModel()
        let config = FitConfig(steps: 10, batchSize: 4, checkpointEvery: 2, checkpointDirectory: dir.path)
        assertThrowsMessage(try fit(model, examples, config: config, onStep: { m in
            if m.step == 3 { try? model.setParameter("model.norm.weight", [Float](repeating: .nan, count: 32)) }
        }), contains: ["loss is not finite at step 4", "checkpoint-2"])
        let good = try LanguageModel.load(dir.appendingPathComponent("checkpoint-2").path)
        XCTAssertTrue(good.params.array.allSatisfy(\.isFinite))
        XCTAssertEqual(Checkpoint.list(dir.path).map(\.step), [2])
    }

    func testStopRequestEndsAfterTheCurrentStep() throws {
        let dir = try Fixture.temporaryFolder(self)
        var asked = 0
        let r = try fit(try tinyModel(), examples,
                        config: FitConfig(steps: 50, batchSize: 4, checkpointEvery: 100, checkpointDirectory: dir.path),
                        shouldStop: { asked += 1; return asked == 2 })
        XCTAssertTrue(r.stopped)
        XCTAssertEqual(r.step, 2)
        XCTAssertEqual(r.lastCheckpoint, dir.appendingPathComponent("checkpoint-2").path)
    }

    /// A crash between writing the temporary folder and the rename leaves the previous save loadable.
    func testKillDuringSaveKeepsPreviousCheckpoint() throws {
        let dir = try Fixture.temporaryFolder(self).appendingPathComponent("model")
        let first = try tinyModel(seed: 1), second = try tinyModel(seed: 2)
        try first.save(to: dir.path)
        struct Killed: Error {}
        AtomicFolder.beforeSwapHook = { tmp in
            XCTAssertTrue(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("model.safetensors").path))
            throw Killed()
        }
        defer { AtomicFolder.beforeSwapHook = nil }
        XCTAssertThrowsError(try second.save(to: dir.path))
        AtomicFolder.beforeSwapHook = nil
        XCTAssertEqual(try LanguageModel.load(dir.path).params.array, first.params.array)
        try second.save(to: dir.path)
        XCTAssertEqual(try LanguageModel.load(dir.path).params.array, second.params.array)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, ["model"])
    }

    /// A save replaces a model folder, never other data: a file in its place, or a folder holding
    /// anything but model files, is an error that writes nothing and leaves the data as it was.
    func testSaveRefusesToReplaceAnythingButAModelFolder() throws {
        let root = try Fixture.temporaryFolder(self)
        let fm = FileManager.default
        let model = try tinyModel()

        let file = root.appendingPathComponent("notes.txt")
        try Data("keep me".utf8).write(to: file)
        XCTAssertThrowsError(try model.save(to: file.path)) { error in
            XCTAssertTrue("\(error)".contains("notes.txt: is a file, not a model folder; nothing was written"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "keep me")

        let project = root.appendingPathComponent("project")
        try fm.createDirectory(at: project.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: project.appendingPathComponent("run.r3"))
        try Data("{}".utf8).write(to: project.appendingPathComponent("config.json"))
        XCTAssertThrowsError(try model.save(to: project.path)) { error in
            XCTAssertTrue("\(error)".contains("holds 2 entries that are not part of a model folder (data, run.r3); nothing was written"), "\(error)")
        }
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: project.path).sorted(), ["config.json", "data", "run.r3"])
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: root.path).sorted(), ["notes.txt", "project"], "no temporary folder left")

        let empty = root.appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        try model.save(to: empty.path)
        try model.save(to: empty.path)
        XCTAssertEqual(try LanguageModel.load(empty.path).params.array, model.params.array, "a model folder is replaced")
    }

    /// Packed examples do not see each other: their log-probs equal those of separate rows.
    func testPackedSegmentsAreIsolated() throws {
        let model = try tinyModel()
        let a = [1, 2, 3, 4, 5], b = [6, 7, 8]
        let packed = try TokenBatch(tokens: [a + b + [0]], segments: [[1, 1, 1, 1, 1, 2, 2, 2, 0]])
        let separate = try TokenBatch(sequences: [a, b], padding: .left)
        let p = try model.logprobs(packed, targets: packed.nextTokenTargets).logprobs
        let s = try model.logprobs(separate, targets: separate.nextTokenTargets).logprobs
        let expected = Array(s[0..<4]) + [0] + Array(s[7..<9]) + [0, 0]
        for (x, y) in zip(p, expected) { XCTAssertEqual(x, y, accuracy: 1e-5) }
    }

    func testBadTrainingInputs() throws {
        let model = try tinyModel()
        assertThrowsMessage(try fit(model, [Example(prompt: "a", completion: "\u{E9}")]),
                            contains: ["example 0", "not in the tokenizer's alphabet"])
        assertThrowsMessage(try fit(model, [], config: FitConfig(steps: 1)), contains: ["no example has a completion token"])
        assertThrowsMessage(try fit(model, examples, config: FitConfig(checkpointEvery: 5)), contains: ["checkpointDirectory"])
        assertThrowsMessage(try model.logprobs(try TokenBatch(sequences: [Array(repeating: 1, count: 40)]), targets: Array(repeating: -1, count: 40)),
                            contains: ["sequence length 40 exceeds the model's context length 32"])
    }
}

final class DeterminismTests: XCTestCase {
    /// Two runs with the same seed and thread count give bit-identical log-probs and gradients,
    /// on a batch large enough that the products and attention are split across workers; one and
    /// two threads agree to float rounding.
    func testSameThreadCountSameNumbers() throws {
        let tok = try Tokenizer.chars("abcdefghijklmnopqrstuvwxyz")
        let cfg = ModelConfig(vocabSize: tok.vocabSize, hiddenSize: 64, numLayers: 2, numHeads: 4, numKVHeads: 2, maxPositions: 128)
        let saved = ModelThreads.count
        defer { ModelThreads.count = saved }
        func run(threads: Int) throws -> ([Float], [Float]) {
            ModelThreads.count = threads
            let model = try LanguageModel(config: cfg, tokenizer: tok, seed: 5)
            let rows = (0..<8).map { r in (0..<100).map { ($0 * 7 + r * 3) % 26 } }
            let batch = try TokenBatch(sequences: rows)
            let out = try model.forwardForTraining(batch, targets: batch.nextTokenTargets)
            model.zeroGradients()
            try model.backward(dLogprobs: out.logprobs.map { $0 == 0 ? 0 : -0.01 })
            return (out.logprobs, model.grads!.array)
        }
        let a = try run(threads: 2), b = try run(threads: 2), c = try run(threads: 1)
        XCTAssertEqual(a.0, b.0)
        XCTAssertEqual(a.1, b.1)
        for (x, y) in zip(a.0, c.0) { XCTAssertEqual(x, y, accuracy: 1e-4) }
        let scale = c.1.map(abs).max()!
        for (x, y) in zip(a.1, c.1) { XCTAssertEqual(x, y, accuracy: 1e-4 * scale) }
    }
}
