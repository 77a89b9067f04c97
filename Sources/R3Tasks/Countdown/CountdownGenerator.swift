import R3Random

/// The knobs of the Countdown generator, with documented defaults (the Countdown-Tasks-3to4 shape).
///
/// Every generated task is solvable: its target is the value of a random expression over its numbers
/// built with `operations`. "Solutions" below are the distinct canonical solutions over all four
/// operators (what the verifier accepts), counted by `CountdownSolver`.
public struct CountdownGeneratorConfig: Sendable, Equatable {
    /// How many tasks to generate.
    public var count: Int = 1000
    /// The seed: the same seed and config give the same tasks.
    public var seed: UInt64 = 0
    /// How many numbers a task has (drawn uniformly in this range). 2...6.
    public var numbers: ClosedRange<Int> = 3...4
    /// The range the numbers are drawn from (uniformly, independently). Non-negative.
    public var numberRange: ClosedRange<Int> = 1...99
    /// The range the target must lie in.
    public var targetRange: ClosedRange<Int> = 1...100
    /// The operators of the random expression that defines the target: every task is solvable with
    /// these alone (the task itself still allows all four, as the prompt says).
    public var operations: CountdownOperations = .all
    /// Require division: keep only tasks where every solution uses "/".
    public var requireDivision: Bool = false
    /// Keep only tasks where every solution uses at least this many distinct operators (1...4);
    /// 2 excludes tasks solved by a plain sum or product.
    public var minDistinctOperators: Int = 1
    /// Keep only tasks with at least this many distinct solutions (fewer solutions: harder tasks).
    public var minSolutions: Int = 1
    /// Keep only tasks with at most this many distinct solutions (nil: no limit).
    public var maxSolutions: Int? = nil
    /// Draw the numbers of one task without repetition.
    public var distinctNumbers: Bool = false
    /// Give up after this many rejected candidates per requested task.
    public var maxAttemptsPerTask: Int = 2000

    public init(count: Int = 1000, seed: UInt64 = 0, numbers: ClosedRange<Int> = 3...4,
                numberRange: ClosedRange<Int> = 1...99, targetRange: ClosedRange<Int> = 1...100,
                operations: CountdownOperations = .all, requireDivision: Bool = false,
                minDistinctOperators: Int = 1, minSolutions: Int = 1, maxSolutions: Int? = nil,
                distinctNumbers: Bool = false, maxAttemptsPerTask: Int = 2000) {
        self.count = count
        self.seed = seed
        self.numbers = numbers
        self.numberRange = numberRange
        self.targetRange = targetRange
        self.operations = operations
        self.requireDivision = requireDivision
        self.minDistinctOperators = minDistinctOperators
        self.minSolutions = minSolutions
        self.maxSolutions = maxSolutions
        self.distinctNumbers = distinctNumbers
        self.maxAttemptsPerTask = maxAttemptsPerTask
    }

    /// Throws when a knob is out of range or the knobs contradict each other.
    public func validate() throws(CountdownGeneratorError) {
        func bad(_ m: String) -> CountdownGeneratorError { CountdownGeneratorError(message: m) }
        if count < 0 { throw bad("count must be >= 0, got \(count)") }
        if numbers.lowerBound < 2 || numbers.upperBound > CountdownSolver.maxNumbers {
            throw bad("numbers must lie in 2...\(CountdownSolver.maxNumbers), got \(numbers)")
        }
        if numberRange.lowerBound < 0 { throw bad("numberRange must be non-negative, got \(numberRange)") }
        if numberRange.upperBound > 1_000_000 { throw bad("numberRange must stay below 1,000,000, got \(numberRange)") }
        if operations.isEmpty { throw bad("operations must not be empty") }
        if requireDivision && !operations.contains(.divide) { throw bad("requireDivision needs '/' in operations") }
        if !(1...4).contains(minDistinctOperators) { throw bad("minDistinctOperators must lie in 1...4, got \(minDistinctOperators)") }
        if minDistinctOperators > operations.count {
            throw bad("minDistinctOperators \(minDistinctOperators) needs at least that many operations, got \(operations)")
        }
        if minSolutions < 1 { throw bad("minSolutions must be >= 1, got \(minSolutions)") }
        if let m = maxSolutions, m < minSolutions { throw bad("maxSolutions \(m) is below minSolutions \(minSolutions)") }
        if distinctNumbers && numberRange.count < numbers.upperBound {
            throw bad("distinctNumbers needs at least \(numbers.upperBound) values in numberRange \(numberRange)")
        }
        if maxAttemptsPerTask < 1 { throw bad("maxAttemptsPerTask must be >= 1") }
    }

    /// True when the solution knobs need the full solution list of a candidate.
    var needsSolutions: Bool { requireDivision || minDistinctOperators > 1 || minSolutions > 1 || maxSolutions != nil }
}

/// The generator could not satisfy the request.
public struct CountdownGeneratorError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Seeded generation of distinct, solvable Countdown tasks (see `CountdownGeneratorConfig`).
public enum CountdownGenerator {
    /// `config.count` distinct tasks (no two with the same numbers as a multiset and the same target).
    /// Throws when the knobs are invalid, or when too many candidates are rejected in a row (the knobs
    /// are too strict for the ranges).
    public static func generate(_ config: CountdownGeneratorConfig) throws(CountdownGeneratorError) -> [CountdownTask] {
        try config.validate()
        var rng = RandomGenerator(seed: config.seed)
        var tasks: [CountdownTask] = []
        tasks.reserveCapacity(config.count)
        var seen = Set<[Int]>()
        let solver = CountdownSolver(operations: .all)
        var attempts = 0
        let budget = config.maxAttemptsPerTask.multipliedReportingOverflow(by: max(1, config.count))
        let maxAttempts = budget.overflow ? Int.max : budget.partialValue
        while tasks.count < config.count {
            attempts += 1
            if attempts > maxAttempts {
                throw CountdownGeneratorError(message: "generated only \(tasks.count) of \(config.count) tasks after \(maxAttempts) candidates: the knobs are too strict for the ranges (\(config.numberRange), target \(config.targetRange))")
            }
            guard let task = candidate(config, &rng) else { continue }
            let key = task.nums.sorted() + [task.target]
            if seen.contains(key) { continue }
            if config.needsSolutions {
                let limit = config.maxSolutions.map { $0 + 1 } ?? (config.requireDivision || config.minDistinctOperators > 1 ? Int.max : config.minSolutions)
                guard let solutions = try? solver.solveAll(task, limit: limit) else { continue }
                if solutions.count < config.minSolutions { continue }
                if let m = config.maxSolutions, solutions.count > m { continue }
                if config.requireDivision && solutions.contains(where: { !$0.operators.contains(.divide) }) { continue }
                if solutions.contains(where: { $0.operators.count < config.minDistinctOperators }) { continue }
            }
            seen.insert(key)
            tasks.append(task)
        }
        return tasks
    }

    /// Draws numbers and a random expression over them; nil when its value is not an integer in the
    /// target range (or a division by zero / overflow occurs).
    static func candidate(_ config: CountdownGeneratorConfig, _ rng: inout RandomGenerator) -> CountdownTask? {
        let n = config.numbers.lowerBound + rng.nextInt(below: config.numbers.count)
        var nums: [Int] = []
        nums.reserveCapacity(n)
        while nums.count < n {
            let v = config.numberRange.lowerBound + rng.nextInt(below: config.numberRange.count)
            if config.distinctNumbers && nums.contains(v) { continue }
            nums.append(v)
        }
        let ops: [CountdownOperations] = [.add, .subtract, .multiply, .divide].filter { config.operations.contains($0) }
        var values = nums.map { Rational($0) }
        while values.count > 1 {
            let i = rng.nextInt(below: values.count)
            var j = rng.nextInt(below: values.count - 1)
            if j >= i { j += 1 }
            let a = values[i], b = values[j]
            let r: Rational?
            switch ops[rng.nextInt(below: ops.count)] {
            case .add: r = Rational.adding(a, b)
            case .subtract: r = Rational.subtracting(a, b)
            case .multiply: r = Rational.multiplying(a, b)
            default: r = b.isZero ? nil : Rational.dividing(a, b)
            }
            guard let r else { return nil }
            values[i] = r
            values.remove(at: j)
        }
        guard values[0].isInteger, config.targetRange.contains(values[0].numerator) else { return nil }
        return try? CountdownTask(nums: nums, target: values[0].numerator)
    }
}
