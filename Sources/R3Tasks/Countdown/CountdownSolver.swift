/// A set of the four Countdown operators.
public struct CountdownOperations: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let add = CountdownOperations(rawValue: 1)
    public static let subtract = CountdownOperations(rawValue: 2)
    public static let multiply = CountdownOperations(rawValue: 4)
    public static let divide = CountdownOperations(rawValue: 8)
    public static let all: CountdownOperations = [.add, .subtract, .multiply, .divide]

    /// Parses symbols such as "+-*/" or "+-"; nil when a character is not an operator.
    public init?(symbols: String) {
        var s: CountdownOperations = []
        for c in symbols {
            switch c {
            case "+": s.insert(.add)
            case "-": s.insert(.subtract)
            case "*": s.insert(.multiply)
            case "/": s.insert(.divide)
            case " ", ",": continue
            default: return nil
            }
        }
        self = s
    }

    /// The number of operators in the set.
    public var count: Int { rawValue.nonzeroBitCount }

    /// The symbols, in the order "+-*/".
    public var description: String {
        (contains(.add) ? "+" : "") + (contains(.subtract) ? "-" : "") + (contains(.multiply) ? "*" : "") + (contains(.divide) ? "/" : "")
    }
}

/// One solution of a Countdown task, in canonical form: sums and products are flattened and their
/// terms sorted, so `a + b` / `b + a`, `(a + b) + c` / `a + (b + c)`, `a - (b - c)` / `a + c - b` and
/// `a / (b / c)` / `a * c / b` are the same solution.
public struct CountdownSolution: Sendable, Hashable, CustomStringConvertible {
    /// The canonical expression with spaces around operators: `(50 - 3) * 2 / 4`.
    public let expression: String
    /// The operators that appear in `expression`.
    public let operators: CountdownOperations

    /// The expression without spaces: `(50-3)*2/4`.
    public var compact: String { expression.filter { $0 != " " } }

    public var description: String { expression }
}

/// Why the solver refused a task.
public struct CountdownSolverError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// An exact Countdown solver: it searches every way of combining all the given numbers with binary
/// operators (repeatedly replacing two values by their sum, difference, product or quotient, in both
/// orders), with exact rational arithmetic; intermediate values may be negative or fractional, which
/// is exactly what the verifier accepts. Results are canonical (see `CountdownSolution`).
///
/// Cost: 3,888 combinations for 4 numbers, about 233 k for 5 and 21 M for 6 (the limit).
public struct CountdownSolver: Sendable {
    /// The largest task the solver accepts.
    public static let maxNumbers = 6

    /// The operators the solutions may use.
    public var operations: CountdownOperations

    public init(operations: CountdownOperations = .all) {
        self.operations = operations
    }

    /// One solution (the first one found), or nil when there is none.
    public func solve(_ task: CountdownTask) throws(CountdownSolverError) -> CountdownSolution? {
        try run(task, all: false, limit: 1).first
    }

    /// True when the task has a solution.
    public func isSolvable(_ task: CountdownTask) throws(CountdownSolverError) -> Bool {
        try solve(task) != nil
    }

    /// All distinct canonical solutions (at most `limit`), shortest first, then alphabetically.
    public func solveAll(_ task: CountdownTask, limit: Int = .max) throws(CountdownSolverError) -> [CountdownSolution] {
        try run(task, all: true, limit: limit)
    }

    private func run(_ task: CountdownTask, all: Bool, limit: Int) throws(CountdownSolverError) -> [CountdownSolution] {
        guard task.nums.count <= Self.maxNumbers else {
            throw CountdownSolverError(message: "the solver handles at most \(Self.maxNumbers) numbers; this task has \(task.nums.count)")
        }
        guard limit > 0 else { return [] }
        var search = SolverSearch(nums: task.nums, target: task.target, operations: operations, findAll: all, limit: limit)
        search.search(task.nums.count)
        return search.solutions.sorted {
            $0.expression.utf8.count != $1.expression.utf8.count
                ? $0.expression.utf8.count < $1.expression.utf8.count
                : $0.expression < $1.expression
        }
    }
}

/// The depth-first search state: current values, their expression nodes, and a node pool.
struct SolverSearch {
    enum NodeOp: UInt8 { case leaf, add, subtract, multiply, divide }

    struct Node {
        var op: NodeOp
        var left: Int32
        var right: Int32
        var value: Int
    }

    var values: [Rational]
    var ids: [Int32]
    var nodes: [Node]
    let target: Rational
    let operations: CountdownOperations
    let findAll: Bool
    let limit: Int
    var seen: Set<String> = []
    var solutions: [CountdownSolution] = []
    var done = false

    init(nums: [Int], target: Int, operations: CountdownOperations, findAll: Bool, limit: Int) {
        values = nums.map { Rational($0) }
        nodes = nums.map { Node(op: .leaf, left: -1, right: -1, value: $0) }
        ids = (0..<nums.count).map { Int32($0) }
        nodes.reserveCapacity(nums.count * 2)
        self.target = Rational(target)
        self.operations = operations
        self.findAll = findAll
        self.limit = limit
    }

    /// Searches over the first `n` values: combines every pair (i, j) into slot i, moves the last
    /// value into slot j, recurses on n - 1 values, then restores both slots.
    mutating func search(_ n: Int) {
        if n == 1 {
            if values[0] == target { record(ids[0]) }
            return
        }
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n {
                let a = values[i], b = values[j], ia = ids[i], ib = ids[j]
                values[j] = values[n - 1]
                ids[j] = ids[n - 1]
                combine(.add, a, b, ia, ib, into: i, n)
                combine(.multiply, a, b, ia, ib, into: i, n)
                combine(.subtract, a, b, ia, ib, into: i, n)
                combine(.subtract, b, a, ib, ia, into: i, n)
                combine(.divide, a, b, ia, ib, into: i, n)
                combine(.divide, b, a, ib, ia, into: i, n)
                values[j] = b
                ids[j] = ib
                values[i] = a
                ids[i] = ia
                if done { return }
            }
        }
    }

    /// Puts `a op b` into slot `i` and searches the remaining n - 1 values.
    @inline(__always)
    mutating func combine(_ op: NodeOp, _ a: Rational, _ b: Rational, _ ia: Int32, _ ib: Int32, into i: Int, _ n: Int) {
        if done { return }
        let r: Rational?
        switch op {
        case .add:
            guard operations.contains(.add) else { return }
            r = Rational.adding(a, b)
        case .subtract:
            guard operations.contains(.subtract) else { return }
            r = Rational.subtracting(a, b)
        case .multiply:
            guard operations.contains(.multiply) else { return }
            r = Rational.multiplying(a, b)
        case .divide:
            guard operations.contains(.divide), !b.isZero else { return }
            r = Rational.dividing(a, b)
        case .leaf:
            return
        }
        guard let r else { return }
        nodes.append(Node(op: op, left: ia, right: ib, value: 0))
        values[i] = r
        ids[i] = Int32(nodes.count - 1)
        search(n - 1)
        nodes.removeLast()
    }

    mutating func record(_ root: Int32) {
        let canon = Canonical.build(root, nodes)
        let text = canon.rendered()
        guard seen.insert(text).inserted else { return }
        solutions.append(CountdownSolution(expression: text, operators: canon.operators))
        if !findAll || solutions.count >= limit { done = true }
    }
}

/// The canonical form of an expression: flattened sums and products with sorted terms.
indirect enum Canonical {
    case leaf(Int)
    case sum(plus: [Canonical], minus: [Canonical])
    case product(numerator: [Canonical], denominator: [Canonical])

    static func build(_ id: Int32, _ nodes: [SolverSearch.Node]) -> Canonical {
        let node = nodes[Int(id)]
        switch node.op {
        case .leaf:
            return .leaf(node.value)
        case .add, .subtract:
            let (ap, am) = build(node.left, nodes).terms
            let (bp, bm) = build(node.right, nodes).terms
            return node.op == .add ? .sum(plus: ap + bp, minus: am + bm) : .sum(plus: ap + bm, minus: am + bp)
        case .multiply, .divide:
            let (an, ad) = build(node.left, nodes).factors
            let (bn, bd) = build(node.right, nodes).factors
            return node.op == .multiply
                ? .product(numerator: an + bn, denominator: ad + bd)
                : .product(numerator: an + bd, denominator: ad + bn)
        }
    }

    var terms: ([Canonical], [Canonical]) {
        if case .sum(let p, let m) = self { return (p, m) }
        return ([self], [])
    }

    var factors: ([Canonical], [Canonical]) {
        if case .product(let n, let d) = self { return (n, d) }
        return ([self], [])
    }

    var operators: CountdownOperations {
        switch self {
        case .leaf: return []
        case .sum(let p, let m):
            var s: CountdownOperations = []
            if p.count > 1 { s.insert(.add) }
            if !m.isEmpty { s.insert(.subtract) }
            for c in p + m { s.formUnion(c.operators) }
            return s
        case .product(let n, let d):
            var s: CountdownOperations = []
            if n.count > 1 { s.insert(.multiply) }
            if !d.isEmpty { s.insert(.divide) }
            for c in n + d { s.formUnion(c.operators) }
            return s
        }
    }

    /// The expression with minimal parentheses; terms sorted (numbers first, larger first, then
    /// sub-expressions by their text).
    func rendered() -> String {
        switch self {
        case .leaf(let v):
            return String(v)
        case .sum(let p, let m):
            var s = Canonical.sortedTexts(p, parenthesizeSums: false).joined(separator: " + ")
            for t in Canonical.sortedTexts(m, parenthesizeSums: false) { s += " - " + t }
            return s
        case .product(let n, let d):
            var s = Canonical.sortedTexts(n, parenthesizeSums: true).joined(separator: " * ")
            for t in Canonical.sortedTexts(d, parenthesizeSums: true) { s += " / " + t }
            return s
        }
    }

    private static func sortedTexts(_ items: [Canonical], parenthesizeSums: Bool) -> [String] {
        let keyed: [(Int?, String)] = items.map { c in
            switch c {
            case .leaf(let v): return (v, String(v))
            case .sum: return (nil, parenthesizeSums ? "(" + c.rendered() + ")" : c.rendered())
            case .product: return (nil, c.rendered())
            }
        }
        return keyed.sorted { x, y in
            switch (x.0, y.0) {
            case (let a?, let b?): return a > b
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return x.1 < y.1
            }
        }.map(\.1)
    }
}
