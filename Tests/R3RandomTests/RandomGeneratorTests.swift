import XCTest
@testable import R3Random

final class RandomGeneratorTests: XCTestCase {
    func testSameSeedSameStream() {
        var a = RandomGenerator(seed: 42), b = RandomGenerator(seed: 42), c = RandomGenerator(seed: 43)
        let xs = (0..<100).map { _ in a.next() }
        XCTAssertEqual(xs, (0..<100).map { _ in b.next() })
        XCTAssertNotEqual(xs, (0..<100).map { _ in c.next() })
    }

    func testStateRoundTrip() {
        var a = RandomGenerator(seed: 7)
        _ = a.next()
        var b = RandomGenerator(stateWords: a.stateWords)
        XCTAssertEqual((0..<10).map { _ in a.nextDouble() }, (0..<10).map { _ in b.nextDouble() })
    }

    func testUniformAndNormalMoments() {
        var g = RandomGenerator(seed: 1)
        let n = 200_000
        var s = 0.0, s2 = 0.0, u = 0.0
        for _ in 0..<n { let x = g.nextNormal(); s += x; s2 += x * x; u += g.nextDouble() }
        XCTAssertEqual(s / Double(n), 0, accuracy: 0.01)
        XCTAssertEqual(s2 / Double(n), 1, accuracy: 0.02)
        XCTAssertEqual(u / Double(n), 0.5, accuracy: 0.01)
    }

    func testIntBelowCoversRangeWithoutBias() {
        var g = RandomGenerator(seed: 3)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[g.nextInt(below: 6)] += 1 }
        for c in counts { XCTAssertEqual(Double(c), 10_000, accuracy: 400) }
    }

    func testShuffleIsPermutation() {
        var g = RandomGenerator(seed: 5)
        var xs = Array(0..<50)
        g.shuffle(&xs)
        XCTAssertNotEqual(xs, Array(0..<50))
        XCTAssertEqual(xs.sorted(), Array(0..<50))
    }

    func testCategoricalFollowsWeights() {
        var g = RandomGenerator(seed: 9)
        var hits = [0, 0, 0]
        for _ in 0..<30_000 { hits[g.categorical([1, 0, 2])] += 1 }
        XCTAssertEqual(hits[1], 0)
        XCTAssertEqual(Double(hits[2]) / Double(hits[0]), 2, accuracy: 0.1)
    }
}
