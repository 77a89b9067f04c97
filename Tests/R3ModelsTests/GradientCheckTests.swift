import Foundation
import XCTest
@testable import R3Models
import R3Random

/// The backward against central finite differences of the forward, on a tiny random model with
/// grouped-query attention, q/k/v biases, left padding and two packed segments in one row.
final class GradientCheckTests: XCTestCase {
    func testBackwardMatchesFiniteDifferences() throws {
        let tok = try Tokenizer.chars("abcdefghij")
        var cfg = ModelConfig(family: .qwen2, vocabSize: tok.vocabSize, hiddenSize: 16, intermediateSize: 24, numLayers: 2,
                              numHeads: 4, numKVHeads: 2, maxPositions: 16, ropeTheta: 500, tieWordEmbeddings: false,
                              initializerRange: 0.5)
        cfg.rmsNormEps = 1e-5
        let model = try LanguageModel(config: cfg, tokenizer: tok, seed: 7)
        var rng = RandomGenerator(seed: 3)
        // give norms and biases non-trivial values too
        for (name, shape) in model.parameterShapes where name.hasSuffix("norm.weight") || name.hasSuffix(".bias") {
            try model.setParameter(name, (0..<shape.reduce(1, *)).map { _ in Float(1 + 0.3 * rng.nextNormal()) - (name.hasSuffix(".bias") ? 1 : 0) })
        }
        let batch = try TokenBatch(tokens: [[1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 9, 3, 1, 4, 1, 5]],
                                   segments: [[1, 1, 1, 2, 2, 2, 2, 2], [0, 0, 1, 1, 1, 1, 1, 1]])
        let targets = batch.nextTokenTargets
        let weights: [Float] = (0..<targets.count).map { targets[$0] < 0 ? 0 : Float(rng.nextNormal()) }
        func objective() throws -> Double {
            let out = try model.logprobs(batch, targets: targets)
            return zip(out.logprobs, weights).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
        _ = try model.forwardForTraining(batch, targets: targets)
        model.zeroGradients()
        try model.backward(dLogprobs: weights)
        var checked = 0
        for (name, shape) in model.parameterShapes {
            let count = shape.reduce(1, *)
            let analytic = model.gradient(name)!
            var values = model.parameter(name)!
            for _ in 0..<3 {
                let i = rng.nextInt(below: count)
                let h: Float = 1e-2, saved = values[i]
                func f(_ delta: Float) throws -> Double {
                    values[i] = saved + delta
                    try model.setParameter(name, values)
                    defer { values[i] = saved; try? model.setParameter(name, values) }
                    return try objective()
                }
                // fourth-order central difference (Richardson): float32 noise and curvature both stay small
                let numeric = (8 * (try f(h) - f(-h)) - (try f(2 * h) - f(-2 * h))) / Double(12 * h)
                let a = Double(analytic[i])
                XCTAssertEqual(a, numeric, accuracy: 2e-2 * max(1, abs(numeric)), "\(name)[\(i)]")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 30)
    }
}
