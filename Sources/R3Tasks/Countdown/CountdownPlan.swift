import R3Random

/// A Countdown solution written as steps over whole numbers: `44+19=63`, then `63+35=98`.
/// Warm-up reflections show the first step; the retry writes `expression`.
public struct CountdownPlan: Sendable, Hashable {
    /// One step: `left op right = value`.
    public struct Step: Sendable, Hashable {
        public var left: Int
        public var op: Character
        public var right: Int
        public var value: Int
        /// `44+19=63`.
        public var compact: String { "\(left)\(op)\(right)=\(value)" }
        /// `44 + 19 = 63`.
        public var spaced: String { "\(left) \(op) \(right) = \(value)" }
    }

    public var steps: [Step]
    /// The value of the last step.
    public var value: Int { steps.last?.value ?? 0 }
    /// The whole expression with the fewest parentheses, spaced: `44 + 19 + 35`.
    public var expression: String
    /// The expression without spaces.
    public var compact: String { expression.filter { $0 != " " } }

    /// Every plan for `task` whose intermediate values are whole numbers >= 0 (most tasks have
    /// several), in a fixed order. Tasks of more than 5 numbers return [] (the search grows too fast).
    public static func all(for task: CountdownTask) -> [CountdownPlan] {
        complete(task.nums, reaching: task.target)
    }

    /// Every plan over `nums` that uses them all, whatever its value, or only those reaching
    /// `target`; in a fixed order, without repeated expressions. More than 5 numbers give [].
    public static func complete(_ nums: [Int], reaching target: Int? = nil) -> [CountdownPlan] {
        guard nums.count <= 5 else { return [] }
        var out: [CountdownPlan] = []
        var seen = Set<String>()
        search(nums.map(Term.number), steps: [], target: target) { plan in
            if seen.insert(plan.expression).inserted { out.append(plan) }
        }
        return out
    }

    /// One of the plans, drawn with `rng` (nil when there is none).
    public static func random(for task: CountdownTask, rng: inout RandomGenerator) -> CountdownPlan? {
        let plans = all(for: task)
        return plans.isEmpty ? nil : plans[rng.nextInt(below: plans.count)]
    }

    /// A value built so far and its text with the precedence of its outermost operator.
    private struct Term {
        var value: Int
        var text: String
        /// 3 for a number, 2 for * and /, 1 for + and -.
        var precedence: Int
        static func number(_ n: Int) -> Term { Term(value: n, text: String(n), precedence: 3) }
    }

    private static func search(_ terms: [Term], steps: [Step], target: Int?, found: (CountdownPlan) -> Void) {
        if terms.count == 1 {
            if target == nil || terms[0].value == target { found(CountdownPlan(steps: steps, expression: terms[0].text)) }
            return
        }
        for i in terms.indices {
            for j in terms.indices where j != i {
                let a = terms[i], b = terms[j]
                let rest = terms.indices.filter { $0 != i && $0 != j }.map { terms[$0] }
                for op in ["+", "-", "*", "/"] as [Character] {
                    // Commutative operators: one order only.
                    if (op == "+" || op == "*") && i > j { continue }
                    guard let (value, term) = combine(a, op, b) else { continue }
                    search(rest + [term], steps: steps + [Step(left: a.value, op: op, right: b.value, value: value)],
                           target: target, found: found)
                }
            }
        }
    }

    /// `a op b` when its value is a whole number >= 0, with the fewest parentheses.
    private static func combine(_ a: Term, _ op: Character, _ b: Term) -> (Int, Term)? {
        let value: Int
        switch op {
        case "+": value = a.value + b.value
        case "-": guard a.value >= b.value else { return nil }; value = a.value - b.value
        case "*": value = a.value * b.value
        default: guard b.value != 0, a.value % b.value == 0 else { return nil }; value = a.value / b.value
        }
        let p = (op == "+" || op == "-") ? 1 : 2
        let left = a.precedence < p ? "(\(a.text))" : a.text
        let right = (b.precedence < p || (b.precedence == p && (op == "-" || op == "/"))) ? "(\(b.text))" : b.text
        return (value, Term(value: value, text: "\(left) \(op) \(right)", precedence: p))
    }
}

extension CountdownTask {
    /// A random expression over the numbers (each used once, random operators and grouping) that
    /// does not reach the target, such as a model's failed first attempt: `44 + 19 - 35`. Nil when
    /// 50 tries found none.
    public func wrongAnswer(rng: inout RandomGenerator) -> String? {
        let ops: [Character] = ["+", "-", "*", "/"]
        for _ in 0..<50 {
            var terms = nums.map { (text: String($0), value: Rational($0) as Rational?, precedence: 3) }
            rng.shuffle(&terms)
            while terms.count > 1 {
                let i = rng.nextInt(below: terms.count - 1)
                let a = terms[i], b = terms[i + 1]
                let op = ops[rng.nextInt(below: ops.count)]
                let p = (op == "+" || op == "-") ? 1 : 2
                let left = a.precedence < p ? "(\(a.text))" : a.text
                let right = (b.precedence < p || (b.precedence == p && (op == "-" || op == "/"))) ? "(\(b.text))" : b.text
                // nil once a division by zero (or an overflow) makes the value undefined.
                var value: Rational?
                if let x = a.value, let y = b.value {
                    switch op {
                    case "+": value = Rational.adding(x, y)
                    case "-": value = Rational.subtracting(x, y)
                    case "*": value = Rational.multiplying(x, y)
                    default: value = Rational.dividing(x, y)
                    }
                }
                terms.replaceSubrange(i...(i + 1), with: [(text: "\(left) \(op) \(right)", value: value, precedence: p)])
            }
            if let v = terms[0].value, v == Rational(target) { continue }
            return terms[0].text
        }
        return nil
    }
}
