import XCTest
import R3Random
@testable import R3Tasks

/// Countdown plans (the steps of warm-up reflections), checked against the exact verifier.
final class CountdownPlanTests: XCTestCase {
    let verifier = CountdownVerifier(extraction: .firstLine)

    /// Every step's arithmetic is right, each step feeds the next, and the expression the plan
    /// gives is a valid answer with the plan's value.
    func assertConsistent(_ plan: CountdownPlan, _ nums: [Int], file: StaticString = #filePath, line: UInt = #line) throws {
        var pool = nums
        for step in plan.steps {
            let v: Int
            switch step.op {
            case "+": v = step.left + step.right
            case "-": v = step.left - step.right
            case "*": v = step.left * step.right
            default: v = step.right != 0 && step.left % step.right == 0 ? step.left / step.right : -1
            }
            XCTAssertEqual(v, step.value, step.compact, file: file, line: line)
            XCTAssertGreaterThanOrEqual(step.value, 0, step.compact, file: file, line: line)
            for x in [step.left, step.right] {
                let i = try XCTUnwrap(pool.firstIndex(of: x), "\(step.compact) uses \(x), not in \(pool)", file: file, line: line)
                pool.remove(at: i)
            }
            pool.append(step.value)
        }
        XCTAssertEqual(pool, [plan.value], file: file, line: line)
        let t = try CountdownTask(nums: nums, target: plan.value)
        let verdict = verifier.verify(t, plan.expression)
        XCTAssertTrue(verdict.passed, "\(plan.expression): \(verdict.reason)", file: file, line: line)
    }

    func testPlansReachingTheTarget() throws {
        let t = try CountdownTask(nums: [44, 19, 35], target: 98)
        let plans = CountdownPlan.all(for: t)
        XCTAssertFalse(plans.isEmpty)
        XCTAssertTrue(plans.contains { $0.expression == "44 + 19 + 35" })
        for p in plans {
            XCTAssertEqual(p.value, 98)
            try assertConsistent(p, t.nums)
        }
        XCTAssertEqual(CountdownPlan.all(for: try CountdownTask(nums: [2, 3], target: 7)), [])
    }

    func testCompletePlansHaveEveryValue() throws {
        let nums = [6, 4, 5]
        let plans = CountdownPlan.complete(nums)
        for p in plans { try assertConsistent(p, nums) }
        XCTAssertEqual(Set(plans.map(\.expression)).count, plans.count, "no repeated expressions")
        // 6*4-5 = 19 and 6-4+5 = 7 are there; the plans reaching 34 are a subset.
        XCTAssertTrue(plans.contains { $0.value == 19 })
        XCTAssertTrue(plans.contains { $0.value == 7 })
        let reaching = CountdownPlan.all(for: try CountdownTask(nums: nums, target: 34))
        XCTAssertFalse(reaching.isEmpty)
        XCTAssertEqual(Set(reaching.map(\.expression)), Set(plans.filter { $0.value == 34 }.map(\.expression)))
    }

    /// With wrongPlans, the reflection is up to that many missed plans with their true results,
    /// then the plan the retry writes. Without it, the reflection is that plan alone.
    func testReflectionWithWrongPlans() throws {
        let t = try CountdownTask(nums: [44, 19, 35], target: 98)
        let prompt = CountdownPrompt(style: .compact)
        var rng = RandomGenerator(seed: 5)
        var wrongCounts = Set<Int>()
        for wrongPlans in [0, 3] {
            for _ in 0..<100 {
                let d = try XCTUnwrap(prompt.reflectionDemonstration(t, wrongPlans: wrongPlans, rng: &rng))
                let steps = d.reflection.split(separator: " ").map(String.init)
                XCTAssertEqual(steps.count % 2, 0, d.reflection)
                let plans = stride(from: 0, to: steps.count, by: 2).map { Array(steps[$0..<$0 + 2]) }
                XCTAssertLessThanOrEqual(plans.count, wrongPlans + 1, d.reflection)
                for (k, plan) in plans.enumerated() {
                    let result = try XCTUnwrap(Int(try XCTUnwrap(plan[1].split(separator: "=").last)))
                    if k < plans.count - 1 { XCTAssertNotEqual(result, 98, d.reflection) } else { XCTAssertEqual(result, 98, d.reflection) }
                }
                XCTAssertTrue(verifier.verify(t, d.retry).passed, d.retry)
                if wrongPlans == 0 { XCTAssertEqual(plans.count, 1) } else { wrongCounts.insert(plans.count - 1) }
            }
        }
        XCTAssertEqual(wrongCounts, [0, 1, 2, 3])
    }
}
