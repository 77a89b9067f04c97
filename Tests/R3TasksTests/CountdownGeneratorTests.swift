import XCTest
@testable import R3Tasks

final class CountdownGeneratorTests: XCTestCase {
    func testDefaultGenerationIsSolvableDistinctAndSeeded() throws {
        let config = CountdownGeneratorConfig(count: 1000, seed: 3)
        let tasks = try CountdownGenerator.generate(config)
        XCTAssertEqual(tasks.count, 1000)
        XCTAssertEqual(try CountdownGenerator.generate(config), tasks)
        var other = config
        other.seed = 4
        XCTAssertNotEqual(try CountdownGenerator.generate(other), tasks)
        let keys = Set(tasks.map { $0.nums.sorted() + [$0.target] })
        XCTAssertEqual(keys.count, 1000)
        var sizes = Set<Int>()
        for t in tasks {
            sizes.insert(t.nums.count)
            XCTAssertTrue((3...4).contains(t.nums.count))
            XCTAssertTrue(t.nums.allSatisfy { (1...99).contains($0) })
            XCTAssertTrue((1...100).contains(t.target))
            XCTAssertTrue(BruteForce.solvable(t.nums, t.target), "\(t)")
        }
        XCTAssertEqual(sizes, [3, 4])
        // A prefix of a longer run is the shorter run.
        XCTAssertEqual(try CountdownGenerator.generate(.init(count: 10, seed: 3)), Array(tasks.prefix(10)))
    }

    func testRequireDivision() throws {
        let tasks = try CountdownGenerator.generate(.init(count: 30, seed: 1, requireDivision: true))
        let solver = CountdownSolver()
        for t in tasks {
            let sols = try solver.solveAll(t)
            XCTAssertFalse(sols.isEmpty)
            XCTAssertTrue(sols.allSatisfy { $0.operators.contains(.divide) }, "\(t): \(sols)")
        }
    }

    func testMinDistinctOperatorsAndSolutionCounts() throws {
        let solver = CountdownSolver()
        for t in try CountdownGenerator.generate(.init(count: 30, seed: 2, minDistinctOperators: 2)) {
            XCTAssertTrue(try solver.solveAll(t).allSatisfy { $0.operators.count >= 2 }, "\(t)")
        }
        for t in try CountdownGenerator.generate(.init(count: 30, seed: 2, minSolutions: 1, maxSolutions: 1)) {
            XCTAssertEqual(try solver.solveAll(t).count, 1, "\(t)")
        }
        for t in try CountdownGenerator.generate(.init(count: 30, seed: 2, minSolutions: 10)) {
            XCTAssertGreaterThanOrEqual(try solver.solveAll(t).count, 10, "\(t)")
        }
    }

    func testRangesOperationsAndDistinctNumbers() throws {
        let config = CountdownGeneratorConfig(count: 200, seed: 5, numbers: 4...4, numberRange: 1...10, targetRange: 20...30,
                                              operations: [.add, .subtract], distinctNumbers: true)
        let restricted = CountdownSolver(operations: [.add, .subtract])
        for t in try CountdownGenerator.generate(config) {
            XCTAssertEqual(t.nums.count, 4)
            XCTAssertEqual(Set(t.nums).count, 4)
            XCTAssertTrue(t.nums.allSatisfy { (1...10).contains($0) })
            XCTAssertTrue((20...30).contains(t.target))
            XCTAssertNotNil(try restricted.solve(t), "\(t) is solvable with + and - alone")
        }
        let five = try CountdownGenerator.generate(.init(count: 5, seed: 1, numbers: 5...5))
        XCTAssertTrue(five.allSatisfy { $0.nums.count == 5 })
    }

    func testInvalidAndImpossibleKnobs() {
        func message(_ c: CountdownGeneratorConfig) -> String? {
            do { _ = try CountdownGenerator.generate(c); return nil } catch { return error.message }
        }
        XCTAssertEqual(message(.init(numbers: 1...3)), "numbers must lie in 2...6, got 1...3")
        XCTAssertEqual(message(.init(numbers: 3...7)), "numbers must lie in 2...6, got 3...7")
        XCTAssertEqual(message(.init(numberRange: -1...5)), "numberRange must be non-negative, got -1...5")
        XCTAssertEqual(message(.init(operations: [])), "operations must not be empty")
        XCTAssertEqual(message(.init(operations: [.add], requireDivision: true)), "requireDivision needs '/' in operations")
        XCTAssertEqual(message(.init(operations: [.add], minDistinctOperators: 2)), "minDistinctOperators 2 needs at least that many operations, got +")
        XCTAssertEqual(message(.init(minSolutions: 3, maxSolutions: 2)), "maxSolutions 2 is below minSolutions 3")
        XCTAssertEqual(message(.init(count: -1)), "count must be >= 0, got -1")
        XCTAssertEqual(message(.init(numbers: 4...4, numberRange: 1...3, distinctNumbers: true)), "distinctNumbers needs at least 4 values in numberRange 1...3")
        let impossible = message(.init(count: 3, numbers: 2...2, numberRange: 1...2, targetRange: 1000...2000, maxAttemptsPerTask: 50))
        XCTAssertEqual(impossible?.hasPrefix("generated only 0 of 3 tasks after 150 candidates"), true, impossible ?? "")
        XCTAssertEqual(try CountdownGenerator.generate(.init(count: 0)), [])
    }
}
