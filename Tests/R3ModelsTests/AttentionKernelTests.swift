import XCTest
@testable import R3Models
import R3Random

/// The attention kernels against a direct Double-precision computation of masked attention, on
/// rows of several blocks: left and right padding, two plain segments in one row, and a packed
/// group (a prefix and branches that see the prefix and themselves only).
final class AttentionKernelTests: XCTestCase {
    let shape = AttentionShape(B: 3, T: 150, H: 4, K: 2, hd: 8)

    /// Segment rows: a packed group, a left-padded row of two segments, a right-padded row.
    var segments: [Int32] {
        var seg: [Int32] = []
        seg += [Int32](repeating: 1, count: 20)
        for (k, n) in [37, 41, 29, 23].enumerated() { seg += [Int32](repeating: TokenBatch.branchSegment(1, k + 1), count: n) }
        seg += [Int32](repeating: 0, count: 70) + [Int32](repeating: 1, count: 30) + [Int32](repeating: 2, count: 50)
        seg += [Int32](repeating: 3, count: 100) + [Int32](repeating: 0, count: 50)
        return seg
    }

    func visible(_ seg: [Int32], _ b: Int, _ t: Int, _ s: Int) -> Bool {
        let st = seg[b * shape.T + t], ss = seg[b * shape.T + s]
        return st != 0 && ss != 0 && s <= t && (ss == st || ss == TokenBatch.parentSegment(st))
    }

    /// out [N, H*hd] in Double, straight from the definition.
    func direct(_ qkv: [Double], _ seg: [Int32]) -> [Double] {
        let s = shape, T = s.T, QKV = s.QKV, Q = s.Q
        var out = [Double](repeating: 0, count: s.B * T * Q)
        for b in 0..<s.B {
            for h in 0..<s.H {
                let g = h / s.group
                for t in 0..<T where seg[b * T + t] != 0 {
                    var w = [Double](repeating: 0, count: T)
                    var m = -Double.infinity
                    for j in 0..<T where visible(seg, b, t, j) {
                        var d = 0.0
                        for i in 0..<s.hd { d += qkv[(b * T + t) * QKV + h * s.hd + i] * qkv[(b * T + j) * QKV + Q + g * s.hd + i] }
                        w[j] = d * Double(s.scale)
                        m = max(m, w[j])
                    }
                    var sum = 0.0
                    for j in 0..<T where visible(seg, b, t, j) { w[j] = exp(w[j] - m); sum += w[j] }
                    for j in 0..<T where visible(seg, b, t, j) {
                        for i in 0..<s.hd {
                            out[(b * T + t) * Q + h * s.hd + i] += w[j] / sum * qkv[(b * T + j) * QKV + Q + (s.K + g) * s.hd + i]
                        }
                    }
                }
            }
        }
        return out
    }

    func testForwardAndBackwardMatchDirectAttention() {
        let s = shape, N = s.B * s.T, seg = segments
        XCTAssertEqual(seg.count, N)
        var rng = RandomGenerator(seed: 11)
        let qkv = (0..<(N * s.QKV)).map { _ in Float(rng.nextNormal()) }
        let weight = (0..<(N * s.Q)).map { _ in Float(rng.nextNormal()) }
        let spans = KeySpans(segments: seg, B: s.B, T: s.T)
        var out = [Float](repeating: .nan, count: N * s.Q)
        var probs = [Float](repeating: .nan, count: s.B * s.H * s.T * s.T)
        var scratch = [Float](repeating: .nan, count: ModelThreads.count * max(s.scratchPerWorker, 1))
        seg.withUnsafeBufferPointer { sg in
            attentionForward(&out, &probs, qkv, sg.baseAddress!, spans, s, scratch: &scratch)
        }
        let want = direct(qkv.map(Double.init), seg)
        for i in 0..<out.count { XCTAssertEqual(Double(out[i]), want[i], accuracy: 1e-4, "out[\(i)]") }
        // the inference path keeps the weights in per-worker scratch instead of probs
        var inferred = [Float](repeating: .nan, count: N * s.Q)
        seg.withUnsafeBufferPointer { sg in
            attentionForward(&inferred, nil, qkv, sg.baseAddress!, spans, s, scratch: &scratch)
        }
        XCTAssertEqual(inferred, out)

        // d/dqkv of sum(out * weight), against central differences of the direct computation
        var dqkv = [Float](repeating: .nan, count: N * s.QKV)
        attentionBackward(&dqkv, weight, qkv, probs, spans, s, scratch: &scratch)
        var x = qkv.map(Double.init)
        func objective() -> Double { zip(direct(x, seg), weight).reduce(0) { $0 + $1.0 * Double($1.1) } }
        for _ in 0..<24 {
            let i = rng.nextInt(below: x.count), saved = x[i], h = 1e-4
            x[i] = saved + h; let up = objective()
            x[i] = saved - h; let down = objective()
            x[i] = saved
            XCTAssertEqual(Double(dqkv[i]), (up - down) / (2 * h), accuracy: 1e-3, "dqkv[\(i)] (row \(i / s.QKV))")
        }
        XCTAssertFalse(dqkv.contains { $0.isNaN }, "every entry of dqkv is written")
    }
}
