import XCTest
@testable import R3Train

/// Advantages, the k3 estimator and the per-token GRPO loss against hand-computed values.
final class GRPOLossTests: XCTestCase {
    func testGroupAdvantagesByHand() {
        // Group 1: [1, 0, 0, 1]: mean 0.5, unbiased std sqrt(1/3) = 0.57735.
        // Group 2: [0, 0, 0, 1]: mean 0.25, unbiased std 0.5.
        let r = [1.0, 0, 0, 1, 0, 0, 0, 1]
        let a = groupAdvantages(r, groupSize: 4, scaling: .group)
        let s1 = (1.0 / 3).squareRoot() + 1e-4
        XCTAssertEqual(a[0], 0.5 / s1, accuracy: 1e-12)
        XCTAssertEqual(a[1], -0.5 / s1, accuracy: 1e-12)
        XCTAssertEqual(a[4], -0.25 / 0.5001, accuracy: 1e-12)
        XCTAssertEqual(a[7], 0.75 / 0.5001, accuracy: 1e-12)

        // Batch scaling: the std of all eight rewards (mean 3/8, unbiased variance 15/56).
        let b = groupAdvantages(r, groupSize: 4, scaling: .batch)
        let sb = (15.0 / 56).squareRoot() + 1e-4
        XCTAssertEqual(b[0], 0.5 / sb, accuracy: 1e-12)
        XCTAssertEqual(b[7], 0.75 / sb, accuracy: 1e-12)

        // No scaling: the centred rewards.
        XCTAssertEqual(groupAdvantages(r, groupSize: 4, scaling: .none), [0.5, -0.5, -0.5, 0.5, -0.25, -0.25, -0.25, 0.75])
    }

    func testAllEqualGroupHasZeroAdvantagesNotNaN() {
        for scaling in [GRPOConfig.RewardScaling.group, .batch, .none] {
            let a = groupAdvantages([1, 1, 1, 1, 0, 0, 0, 0], groupSize: 4, scaling: scaling)
            XCTAssertTrue(a.allSatisfy { $0.isFinite }, "\(scaling)")
            if scaling != .batch { XCTAssertEqual(a, [0, 0, 0, 0, 0, 0, 0, 0], "\(scaling)") }
        }
    }

    func testK3ByHand() {
        // ref - logp = 0.5: e^0.5 - 0.5 - 1 = 0.148721...
        XCTAssertEqual(k3(logprob: -1.5, reference: -1.0), exp(0.5) - 1.5, accuracy: 1e-12)
        XCTAssertEqual(k3(logprob: -1.0, reference: -1.0), 0)
        XCTAssertGreaterThanOrEqual(k3(logprob: -0.2, reference: -3), 0)
    }

    /// d loss / d logp against a central finite difference, inside and outside the clip range.
    func testTokenLossDerivativeMatchesFiniteDifference() {
        let cases: [(lp: Double, old: Double, adv: Double)] = [
            (-1.0, -1.05, 1.3), (-1.0, -0.9, -0.7), (-2.0, -2.0, 0.4), (-0.5, -0.51, -1.1),
            (-1.0, -1.5, -0.8),  // ratio e^0.5 = 1.65 > 1.2 with A < 0: the unclipped term is the minimum
            (-1.0, -0.5, 0.8),   // ratio e^-0.5 = 0.61 < 0.8 with A > 0: unclipped as well
        ]
        for c in cases {
            for beta in [0.0, 0.04] {
                func loss(_ lp: Double) -> Double {
                    TokenLoss(logprob: lp, old: c.old, reference: -1.2, advantage: c.adv, epsilonLow: 0.2, epsilonHigh: 0.2, beta: beta).loss
                }
                let h = 1e-6
                let numeric = (loss(c.lp + h) - loss(c.lp - h)) / (2 * h)
                let t = TokenLoss(logprob: c.lp, old: c.old, reference: -1.2, advantage: c.adv, epsilonLow: 0.2, epsilonHigh: 0.2, beta: beta)
                XCTAssertEqual(t.derivative, numeric, accuracy: 1e-6, "\(c) beta \(beta)")
            }
        }
    }

    func testClippingStopsTheGradientAndIsCounted() {
        // A > 0 and the ratio above 1 + epsHigh: clipped, no policy gradient, counted high.
        let high = TokenLoss(logprob: -1.0, old: -1.5, reference: nil, advantage: 2, epsilonLow: 0.2, epsilonHigh: 0.28, beta: 0)
        XCTAssertEqual(high.derivative, 0)
        XCTAssertEqual(high.loss, -1.28 * 2, accuracy: 1e-12)
        XCTAssertTrue(high.clippedHigh)
        XCTAssertFalse(high.clippedLow)
        // A < 0 and the ratio below 1 - epsLow: clipped low.
        let low = TokenLoss(logprob: -1.5, old: -1.0, reference: nil, advantage: -1, epsilonLow: 0.2, epsilonHigh: 0.2, beta: 0)
        XCTAssertEqual(low.derivative, 0)
        XCTAssertEqual(low.loss, 0.8, accuracy: 1e-12)
        XCTAssertTrue(low.clippedLow)
        // Inside the range: -ratio * A, with ratio 1 at the sampling policy.
        let inside = TokenLoss(logprob: -1.0, old: -1.0, reference: nil, advantage: 0.5, epsilonLow: 0.2, epsilonHigh: 0.2, beta: 0)
        XCTAssertEqual(inside.loss, -0.5)
        XCTAssertEqual(inside.derivative, -0.5)
    }

    func testKLTermByHand() {
        // ratio 1, A 0: the loss is beta * k3 and its derivative beta * (1 - e^(ref - logp)).
        let t = TokenLoss(logprob: -1.0, old: -1.0, reference: -1.5, advantage: 0, epsilonLow: 0.2, epsilonHigh: 0.2, beta: 0.1)
        XCTAssertEqual(t.kl, exp(-0.5) + 0.5 - 1, accuracy: 1e-12)
        XCTAssertEqual(t.loss, 0.1 * (exp(-0.5) + 0.5 - 1), accuracy: 1e-12)
        XCTAssertEqual(t.derivative, 0.1 * (1 - exp(-0.5)), accuracy: 1e-12)
    }
}
