import Foundation

// The output head's log-softmax, fused with picking the target token (cross-entropy without the mean).

/// For each row n of logits[rows, V]: logp[n] = logits[n, target[n]] - logsumexp(logits[n]),
/// lse[n] saved for the backward, entropy[n] = -sum p log p (when asked). target < 0: logp = 0.
func logprobForward(_ logp: UnsafeMutablePointer<Float>, _ entropy: UnsafeMutablePointer<Float>?,
                    _ lse: UnsafeMutablePointer<Float>, _ logits: UnsafePointer<Float>, _ targets: UnsafePointer<Int32>,
                    _ rows: Int, _ V: Int) {
    parallelRanges(rows, minimumPerWorker: 8) { range, _ in
        for n in range {
            let l = logits + n * V
            let m = maxValue(l, V)
            let (sum, weighted) = expShiftedSums(l, V, shift: m, weighted: entropy != nil)
            let z = m + logf(sum)
            lse[n] = z
            let t = Int(targets[n])
            logp[n] = t >= 0 ? l[t] - z : 0
            entropy?[n] = z - weighted / sum
        }
    }
}

/// In place: logits[rows, V] becomes dlogits = dlogp * (onehot(target) - softmax). Rows with
/// target < 0 or dlogp == 0 become zero. (Entropy is reported, not differentiated.)
func logprobBackward(_ logits: UnsafeMutablePointer<Float>, _ lse: UnsafePointer<Float>, _ targets: UnsafePointer<Int32>,
                     _ dlogp: UnsafePointer<Float>, _ rows: Int, _ V: Int) {
    parallelRanges(rows, minimumPerWorker: 8) { range, _ in
        for n in range {
            let l = logits + n * V
            let g = dlogp[n], t = Int(targets[n])
            if t < 0 || g == 0 {
                l.update(repeating: 0, count: V)
                continue
            }
            let z = lse[n]
            _ = expShiftedSum(l, l, V, shift: z)
            scale(l, V, by: -g)
            l[t] += g
        }
    }
}
