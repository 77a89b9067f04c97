import R3Random

/// The order in which a trainer draws tasks: a seeded shuffle of the task indices per epoch, read
/// front to back. Its state (epoch, position, the generator's state at the start of the epoch) is
/// what a checkpoint stores to continue the same order.
struct TaskCursor: Equatable {
    let count: Int
    private(set) var epoch = 0
    private(set) var position = 0
    private(set) var epochStartState: [UInt64]
    private var rng: RandomGenerator
    private var order: [Int] = []

    init(count: Int, seed: UInt64) {
        self.count = count
        rng = RandomGenerator(seed: seed)
        epochStartState = rng.stateWords
        order = shuffled()
    }

    /// Restores a saved position.
    init(count: Int, epoch: Int, position: Int, epochStartState: [UInt64]) throws {
        try require(epochStartState.count == 4, "the task order state needs 4 words, got \(epochStartState.count)")
        try require(position >= 0 && position <= count, "the task position \(position) is outside 0...\(count)")
        self.count = count
        self.epoch = epoch
        self.position = position
        self.epochStartState = epochStartState
        rng = RandomGenerator(stateWords: epochStartState)
        order = shuffled()
    }

    /// The next `n` task indices, starting a new shuffled epoch whenever one ends.
    mutating func next(_ n: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(n)
        while out.count < n {
            if position == count {
                epoch += 1
                position = 0
                epochStartState = rng.stateWords
                order = shuffled()
            }
            out.append(order[position])
            position += 1
        }
        return out
    }

    private mutating func shuffled() -> [Int] {
        var o = Array(0..<count)
        rng.shuffle(&o)
        return o
    }
}
