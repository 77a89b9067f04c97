import XCTest
@testable import R3Models

/// Branches packed after one shared prefix compute exactly what each prefix + branch computes as
/// a row of its own: the same log-probabilities and the same gradients.
final class SharedPrefixTests: XCTestCase {
    func testPackedBranchesMatchSeparateRows() throws {
        try checkPackedBranches(prefix: [5, 17, 3, 40, 22, 9, 31], branches: [[12, 7, 7, 60, 2], [44, 3, 19], [8, 8, 8, 21, 33, 50]])
    }

    /// A packed row of several attention blocks: blocks past the first see the prefix and only the
    /// branches that meet them (the attention multiplies those key spans only).
    func testLongPackedBranchesSpanSeveralAttentionBlocks() throws {
        let branches = [45, 30, 52, 38].enumerated().map { k, n in (0..<n).map { ($0 * 7 + k * 13) % 90 + 5 } }
        try checkPackedBranches(prefix: [5, 17, 3, 40, 22, 9, 31, 64, 11], branches: branches)
    }

    private func checkPackedBranches(prefix: [Int], branches: [[Int]]) throws {
        let model = try LanguageModel.load(Fixture.path("llama_tiny"))  // GQA, untied head
        let sequences = branches.map { prefix + $0 }

        // Separate rows: loss weights on the branch tokens only.
        let plain = try TokenBatch(sequences: sequences)
        let T = plain.length
        var plainTargets = [Int32](repeating: -1, count: plain.tokens.count)
        var plainD = [Float](repeating: 0, count: plain.tokens.count)
        for (b, s) in sequences.enumerated() {
            for i in prefix.count..<s.count {
                plainTargets[b * T + i - 1] = Int32(s[i])
                plainD[b * T + i - 1] = Float(0.1 * Double(b + 1) + 0.01 * Double(i))
            }
        }
        let plainOut = try model.forwardForTraining(plain, targets: plainTargets)
        model.zeroGradients()
        try model.backward(dLogprobs: plainD)
        let plainGrads = model.parameterShapes.map { model.gradient($0.name)! }

        // One packed row: the prefix without its last token, then each branch led by that token.
        let packed = try TokenBatch(prefixes: [(Array(prefix.dropLast()), branches.map { [prefix.last!] + $0 })])
        XCTAssertEqual(packed.batchSize, 1)
        XCTAssertEqual(packed.length, prefix.count - 1 + branches.reduce(0) { $0 + $1.count + 1 })
        var packedTargets = [Int32](repeating: -1, count: packed.length)
        var packedD = [Float](repeating: 0, count: packed.length)
        var map: [(plain: Int, packed: Int)] = []
        var offset = prefix.count - 1
        for (b, branch) in branches.enumerated() {
            for j in 0..<branch.count {
                let i = prefix.count + j  // index of the predicted token in the plain sequence
                packedTargets[offset + j] = Int32(branch[j])
                packedD[offset + j] = plainD[b * T + i - 1]
                map.append((b * T + i - 1, offset + j))
            }
            offset += branch.count + 1
        }
        let packedOut = try model.forwardForTraining(packed, targets: packedTargets)
        for (p, q) in map { XCTAssertEqual(plainOut.logprobs[p], packedOut.logprobs[q], accuracy: 1e-5) }
        model.zeroGradients()
        try model.backward(dLogprobs: packedD)
        for (k, shape) in model.parameterShapes.enumerated() {
            let got = model.gradient(shape.name)!, want = plainGrads[k]
            let scale = max(want.map { abs($0) }.max() ?? 0, 1e-6)
            let diff = zip(got, want).map { abs($0 - $1) }.max() ?? 0
            XCTAssertLessThanOrEqual(diff / scale, 1e-4, shape.name)
        }
    }

    func testBranchSegmentsAndPositions() throws {
        let b = try TokenBatch(prefixes: [([1, 2], [[3, 4], [5]]), ([6], [[7, 8, 9]])], padToken: 0)
        XCTAssertEqual(b.length, 5)
        let s1 = TokenBatch.branchSegment(1, 1), s2 = TokenBatch.branchSegment(1, 2)
        XCTAssertEqual(b.segments, [1, 1, s1, s1, s2, 1, s1, s1, s1, 0])
        XCTAssertEqual(b.positions, [0, 1, 2, 3, 2, 0, 1, 2, 3, 0])
        XCTAssertEqual(TokenBatch.parentSegment(s2), 1)
        XCTAssertEqual(TokenBatch.parentSegment(7), 7)
        assertThrowsMessage(try TokenBatch(tokens: [[1, 2]], segments: [[1, 70000]]), contains: ["segment id 70000"])
    }
}
