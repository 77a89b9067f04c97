import XCTest
@testable import R3Models
import R3Tensor

/// OpenBLAS's thread count is one process-wide setting shared by tensor products (which use
/// `TensorThreads.count` threads) and the model kernels (which call OpenBLAS from their own workers,
/// on one thread). Whichever ran last must not leave the other with its count.
final class BLASThreadsTests: XCTestCase {
    func testTensorProductsAndModelKernelsEachRunOnTheirOwnCount() throws {
        let tok = try Tokenizer.chars("abcdefgh")
        let model = try LanguageModel(config: ModelConfig(vocabSize: tok.vocabSize, hiddenSize: 32, numLayers: 1, numHeads: 2, maxPositions: 32),
                                      tokenizer: tok, seed: 1)
        let batch = try TokenBatch(sequences: [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]])
        let a = try Tensor.full([64, 64], value: 0.5)
        let before = try model.forwardForTraining(batch, targets: batch.nextTokenTargets).logprobs
        try TensorThreads.with(3) {
            _ = try a.matmul(a)
            XCTAssertEqual(BLASThreads.current, 3, "a tensor product runs OpenBLAS on TensorThreads.count threads")
            let after = try model.forwardForTraining(batch, targets: batch.nextTokenTargets).logprobs
            XCTAssertEqual(BLASThreads.current, 1, "the model kernels run OpenBLAS on one thread")
            XCTAssertEqual(after, before, "a tensor product before does not change the model's numbers")
            _ = try a.matmul(a)
            XCTAssertEqual(BLASThreads.current, 3, "a model run does not leave tensor products on one thread")
        }
    }
}
