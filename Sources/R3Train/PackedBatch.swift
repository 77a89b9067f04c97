import R3Models

/// Rollouts packed for a forward pass: the members of a group share their context (task, failed
/// attempt, reflection prompt), so each group becomes one row that holds the shared context once,
/// followed by every member's own tokens as a branch that sees the context and itself only
/// (`TokenBatch(prefixes:)`). The numbers are those of one row per rollout; the shared context is
/// computed once instead of G times.
///
/// A branch starts with the context's last token (whose position predicts the branch's first
/// token), so the prefix is the shared tokens minus that one.
struct PackedBatch {
    let batch: TokenBatch
    /// [B * T] the trained token at each position that predicts one, else -1.
    let targets: [Int32]
    /// For each rollout packed here: its index and the flat position (b * T + t) of the log-prob of
    /// each of its trained tokens, in order.
    let trained: [(rollout: Int, at: [Int])]

    /// Packs `members` (indices into `rollouts`); rows hold at most `rowLimit` tokens unless a single
    /// rollout is longer, and a group that needs several rows gets rows of about equal length.
    init(_ rollouts: [Rollout], members: [Int], padToken: Int, rowLimit: Int) throws {
        var rows: [(prefix: [Int], branches: [[Int]], owners: [Int], cut: Int)] = []
        var byGroup: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in members {
            if byGroup[rollouts[i].group] == nil { order.append(rollouts[i].group) }
            byGroup[rollouts[i].group, default: []].append(i)
        }
        for g in order {
            let own = byGroup[g]!
            let shared = Self.sharedLength(own.map { rollouts[$0] })
            let cut = shared - 1  // the branches restart at the last shared token
            let prefix = Array(rollouts[own[0]].tokens[0..<cut])
            // A group too long for one row is split into as few rows as the limit allows, of about
            // equal length: rows are padded to the longest, so a short last row would waste most
            // of its length.
            let total = own.reduce(0) { $0 + rollouts[$1].tokens.count - cut }
            let capacity = max(rowLimit - cut, 1)
            let rowCount = (total + capacity - 1) / capacity
            let target = cut + (total + rowCount - 1) / rowCount
            var current: (branches: [[Int]], owners: [Int], length: Int) = ([], [], cut)
            for i in own {
                let branch = Array(rollouts[i].tokens[cut...])
                if !current.owners.isEmpty && current.length + branch.count > target {
                    rows.append((prefix, current.branches, current.owners, cut))
                    current = ([], [], cut)
                }
                current.branches.append(branch)
                current.owners.append(i)
                current.length += branch.count
            }
            rows.append((prefix, current.branches, current.owners, cut))
        }
        batch = try TokenBatch(prefixes: rows.map { ($0.prefix, $0.branches) }, padToken: padToken)
        let T = batch.length
        var targets = [Int32](repeating: -1, count: batch.batchSize * T)
        var trained: [(rollout: Int, at: [Int])] = []
        for (b, row) in rows.enumerated() {
            var start = row.prefix.count  // where the current branch begins in the row
            for (i, branch) in zip(row.owners, row.branches) {
                let r = rollouts[i]
                var at: [Int] = []
                for span in r.spans {
                    for j in span {
                        // Token j of the rollout sits at start + (j - cut); its log-prob at the position before.
                        let p = b * T + start + (j - row.cut) - 1
                        targets[p] = Int32(r.tokens[j])
                        at.append(p)
                    }
                }
                trained.append((i, at))
                start += branch.count
            }
        }
        self.targets = targets
        self.trained = trained
    }

    /// The length of the context shared by every rollout of a group: their common prefix, at most
    /// up to the first trained token (each branch must predict all its trained tokens itself).
    static func sharedLength(_ group: [Rollout]) -> Int {
        var n = group.map { $0.spans.first?.lowerBound ?? $0.tokens.count }.min() ?? 1
        let first = group[0].tokens
        for r in group.dropFirst() {
            var k = 0
            while k < n && r.tokens[k] == first[k] { k += 1 }
            n = k
        }
        return max(n, 1)
    }
}
