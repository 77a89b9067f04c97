import XCTest
import R3Random
@testable import R3Tasks

/// An independent fraction type and brute-force enumerator: every permutation of the numbers, every
/// binary tree shape, every operator assignment, fully parenthesised.
struct BruteFraction: Equatable {
    var n: Int
    var d: Int
    init(_ n: Int, _ d: Int = 1) {
        var g = n, h = d
        while h != 0 { (g, h) = (h, g % h) }
        g = abs(g)
        if g == 0 { g = 1 }
        self.n = (d < 0 ? -n : n) / g
        self.d = abs(d) / g
    }
}

enum BruteForce {
    static func expressions(_ seq: [Int]) -> [(BruteFraction, String)] {
        if seq.count == 1 { return [(BruteFraction(seq[0]), String(seq[0]))] }
        var out: [(BruteFraction, String)] = []
        for k in 1..<seq.count {
            for (l, ls) in expressions(Array(seq[..<k])) {
                for (r, rs) in expressions(Array(seq[k...])) {
                    out.append((BruteFraction(l.n * r.d + r.n * l.d, l.d * r.d), "(\(ls) + \(rs))"))
                    out.append((BruteFraction(l.n * r.d - r.n * l.d, l.d * r.d), "(\(ls) - \(rs))"))
                    out.append((BruteFraction(l.n * r.n, l.d * r.d), "(\(ls) * \(rs))"))
                    if r.n != 0 { out.append((BruteFraction(l.n * r.d, l.d * r.n), "(\(ls) / \(rs))")) }
                }
            }
        }
        return out
    }

    static func permutations(_ xs: [Int]) -> [[Int]] {
        if xs.count <= 1 { return [xs] }
        var out: [[Int]] = []
        var seen = Set<Int>()
        for (i, x) in xs.enumerated() where seen.insert(x).inserted {
            var rest = xs
            rest.remove(at: i)
            for p in permutations(rest) { out.append([x] + p) }
        }
        return out
    }

    /// Every fully parenthesised expression over all the numbers, with its value.
    static func all(_ nums: [Int]) -> [(BruteFraction, String)] {
        permutations(nums).flatMap { expressions($0) }
    }

    static func values(_ seq: ArraySlice<Int>) -> [BruteFraction] {
        if seq.count == 1 { return [BruteFraction(seq[seq.startIndex])] }
        var out: [BruteFraction] = []
        for k in (seq.startIndex + 1)..<seq.endIndex {
            let right = values(seq[k...])
            for l in values(seq[..<k]) {
                for r in right {
                    out.append(BruteFraction(l.n * r.d + r.n * l.d, l.d * r.d))
                    out.append(BruteFraction(l.n * r.d - r.n * l.d, l.d * r.d))
                    out.append(BruteFraction(l.n * r.n, l.d * r.d))
                    if r.n != 0 { out.append(BruteFraction(l.n * r.d, l.d * r.n)) }
                }
            }
        }
        return out
    }

    static func solvable(_ nums: [Int], _ target: Int) -> Bool {
        let t = BruteFraction(target)
        return permutations(nums).contains { values($0[...]).contains(t) }
    }
}

final class CountdownSolverTests: XCTestCase {
    let solver = CountdownSolver()
    let verifier = CountdownVerifier()

    func testCanonicalSolutionsOfASmallTask() throws {
        let t = try CountdownTask(nums: [1, 2, 3], target: 6)
        let all = try solver.solveAll(t).map(\.expression)
        XCTAssertEqual(Set(all), ["3 + 2 + 1", "3 * 2 * 1", "3 * 2 / 1"])
        XCTAssertEqual(all, ["3 * 2 * 1", "3 * 2 / 1", "3 + 2 + 1"])  // shortest first, then by text
        let one = try XCTUnwrap(try solver.solve(t))
        XCTAssertTrue(all.contains(one.expression))
    }

    func testCanonicalFormsMergeTrivialVariants() throws {
        // (50 - 3) = 47 with 2 / 2 = 1 folded in many ways; all the commutative/associative variants
        // collapse, but genuinely different expressions stay apart.
        let t = try CountdownTask(nums: [50, 3, 2, 2], target: 47)
        let all = try solver.solveAll(t).map(\.expression)
        XCTAssertEqual(all.count, Set(all).count)
        XCTAssertTrue(all.contains("2 * (50 - 3) / 2"), "\(all)")  // numbers first, larger first
        XCTAssertTrue(all.contains("50 + 2 - 3 - 2"), "\(all)")
        XCTAssertFalse(all.contains("50 - 3 + 2 - 2"))  // that order is not canonical
        XCTAssertFalse(all.contains("(50 - 3) / (2 / 2)"))  // a / (b / c) becomes a * c / b
        for e in all { XCTAssertTrue(verifier.verify(t, e).passed, e) }
        let subtraction = try CountdownTask(nums: [10, 4, 3], target: 9)
        XCTAssertEqual(try solver.solveAll(subtraction).map(\.expression), ["10 + 3 - 4"])  // 10 - (4 - 3) and 10 - 4 + 3 merge
    }

    func testOperatorsOfSolutions() throws {
        let t = try CountdownTask(nums: [8, 4, 2], target: 4)
        let sols = try solver.solveAll(t)
        let byText = Dictionary(uniqueKeysWithValues: sols.map { ($0.expression, $0.operators) })
        XCTAssertEqual(byText["8 * 2 / 4"], [.multiply, .divide])
        XCTAssertEqual(byText["8 - 4 - 2"].map { _ in true } ?? false, false)  // 8 - 4 - 2 = 2, not a solution
        XCTAssertEqual(byText["2 + 8 / 4"], [.add, .divide])
        XCTAssertEqual(try XCTUnwrap(sols.first).compact, try XCTUnwrap(sols.first).expression.replacingOccurrences(of: " ", with: ""))
    }

    func testRestrictedOperations() throws {
        let t = try CountdownTask(nums: [8, 4, 2], target: 4)
        XCTAssertTrue(try CountdownSolver(operations: [.add, .subtract]).solveAll(t).allSatisfy { !$0.operators.contains(.divide) && !$0.operators.contains(.multiply) })
        XCTAssertNil(try CountdownSolver(operations: [.add]).solve(t))
        XCTAssertEqual(try CountdownSolver(operations: [.add]).solve(try CountdownTask(nums: [1, 3], target: 4))?.expression, "3 + 1")
    }

    func testUnsolvableAndLimits() throws {
        XCTAssertNil(try solver.solve(try CountdownTask(nums: [1, 1, 1], target: 100)))
        XCTAssertTrue(try solver.solveAll(try CountdownTask(nums: [1, 1, 1], target: 100)).isEmpty)
        XCTAssertThrowsError(try solver.solve(try CountdownTask(nums: [1, 2, 3, 4, 5, 6, 7], target: 1)))
        XCTAssertEqual(try solver.solveAll(try CountdownTask(nums: [1, 2, 3, 4], target: 10), limit: 2).count, 2)
        XCTAssertEqual(try solver.solve(try CountdownTask(nums: [7], target: 7))?.expression, "7")
        XCTAssertEqual(try solver.solve(try CountdownTask(nums: [0, 0], target: 0))?.expression.isEmpty, false)
        // Six numbers: still exact (one solution, early exit).
        let six = try CountdownTask(nums: [100, 75, 50, 25, 6, 3], target: 952)
        let s = try XCTUnwrap(try solver.solve(six))
        XCTAssertTrue(verifier.verify(six, s.expression).passed, s.expression)
    }

    func testSolverAgreesWithBruteForceOn1000Tasks() throws {
        var rng = RandomGenerator(seed: 42)
        var solvable = 0
        for k in 0..<1000 {
            let n = 3 + rng.nextInt(below: 2)
            let nums = (0..<n).map { _ in 1 + rng.nextInt(below: k % 2 == 0 ? 12 : 60) }
            let target = 1 + rng.nextInt(below: 100)
            let t = try CountdownTask(nums: nums, target: target)
            let brute = BruteForce.solvable(nums, target)
            let mine = try solver.solve(t)
            XCTAssertEqual(mine != nil, brute, "\(t)")
            if brute { solvable += 1 }
            if let mine {
                XCTAssertTrue(verifier.verify(t, mine.expression).passed, "\(t): \(mine.expression)")
            }
            if k % 10 == 0 {
                let all = try solver.solveAll(t)
                XCTAssertEqual(all.isEmpty, !brute)
                XCTAssertEqual(Set(all.map(\.expression)).count, all.count)
                for s in all { XCTAssertTrue(verifier.verify(t, s.expression).passed, "\(t): \(s.expression)") }
            }
        }
        // The sample mixes solvable and unsolvable tasks.
        XCTAssertGreaterThan(solvable, 200)
        XCTAssertLessThan(solvable, 950)
    }

    func testVerifierAgreesWithBruteForceEvaluation() throws {
        // Every fully parenthesised expression: the verifier passes exactly those whose independent
        // evaluation equals the target, and fails the others with the evaluated value in the reason.
        var rng = RandomGenerator(seed: 7)
        var passes = 0, checked = 0
        for _ in 0..<40 {
            let nums = (0..<4).map { _ in rng.nextInt(below: 13) }
            let exprs = BruteForce.all(nums)
            let target = exprs[rng.nextInt(below: exprs.count)].0
            guard target.d == 1 else { continue }
            let t = try CountdownTask(nums: nums, target: target.n)
            for (value, text) in exprs {
                let v = verifier.verify(t, text)
                checked += 1
                if value == target {
                    passes += 1
                    XCTAssertTrue(v.passed, "\(t): \(text): \(v.reason)")
                } else {
                    XCTAssertFalse(v.passed, "\(t): \(text)")
                    let shown = value.d == 1 ? "\(value.n)" : "\(value.n)/\(value.d)"
                    XCTAssertEqual(v.reason, "evaluates to \(shown), target \(target.n)", text)
                }
            }
            // Division by zero: the brute force skipped those; the verifier must reject them.
            if nums.contains(0), let z = nums.firstIndex(of: 0) {
                var rest = nums
                rest.remove(at: z)
                let text = "\(rest[0]) / \(0) + \(rest[1]) + \(rest[2])"
                XCTAssertEqual(verifier.verify(t, text).reason, "division by zero")
            }
        }
        XCTAssertGreaterThan(passes, 40)
        XCTAssertGreaterThan(checked, 50_000)
    }
}
