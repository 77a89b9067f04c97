import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The figures of `r3 bench verify`: verifications per second of the built-in verifiers on a mix of
/// passing and failing outputs, on one thread. Each line gives the wall-clock rate and the rate per
/// CPU-second of the measuring thread (the same on an idle machine; the CPU rate is the one to trust
/// when other processes share the cores). Build in release to measure.
public enum VerifierBenchmark {
    /// Runs the benchmark over `count` outputs per verifier and returns one report line per measure.
    /// Each measure is the best of `repeats` runs.
    public static func run(count: Int = 100_000, repeats: Int = 3, seed: UInt64 = 1) throws -> [String] {
        let count = max(1, count)
        var lines: [String] = []

        // Countdown: 1,000 generated tasks; outputs cycle through a correct canonical answer, a correct
        // answer with spaces and "= target", a wrong number, a wrong value and a syntax error.
        let tasks = try CountdownGenerator.generate(.init(count: 1000, seed: seed))
        let solver = CountdownSolver()
        var solutions: [String] = []
        for t in tasks { solutions.append(try solver.solve(t)?.compact ?? "") }
        var cdTasks: [CountdownTask] = []
        var cdLine: [String] = []
        var cdTags: [String] = []
        cdTasks.reserveCapacity(count)
        for k in 0..<count {
            let t = tasks[k % tasks.count], s = solutions[k % tasks.count]
            let out: String
            switch k % 5 {
            case 0: out = s
            case 1: out = s.map { "+-*/".contains($0) ? " \($0) " : String($0) }.joined() + " = \(t.target)"
            case 2: out = s.replacingAll(String(t.nums[0]), with: String(t.nums[0] + 1000))
            case 3: out = s + "+1"
            default: out = "I think " + s
            }
            cdTasks.append(t)
            cdLine.append(out + "\n")
            cdTags.append("<think>try the numbers " + t.nums.map(String.init).joined(separator: ", ") + "</think>\n<answer> " + out + " </answer>")
        }
        lines.append(measure("countdown_first_line", count, repeats) {
            let v = CountdownVerifier(extraction: .firstLine)
            var passed = 0
            for k in 0..<count where v.verify(cdTasks[k], cdLine[k]).passed { passed += 1 }
            return passed
        })
        lines.append(measure("countdown_answer_tags", count, repeats) {
            let v = CountdownVerifier(extraction: .answerTags)
            var passed = 0
            for k in 0..<count where v.verify(cdTasks[k], cdTags[k]).passed { passed += 1 }
            return passed
        })
        let anyTasks = cdTasks.map { AnyTask.countdown($0) }
        lines.append(measure("countdown_through_verifier", count, repeats) {
            let v = Verifier.countdown(CountdownVerifier(extraction: .firstLine))
            var passed = 0
            for k in 0..<count where v.verify(anyTasks[k], cdLine[k]).passed { passed += 1 }
            return passed
        })

        // Function calling: 1,000 generated tasks; outputs cycle through the gold calls, the gold calls
        // reversed with 1 written as 1.0, a wrong argument value, a missing call and malformed JSON.
        let fcTasks = try FunctionCallingGenerator.generate(.init(count: 1000, seed: seed))
        var fcTaskList: [FunctionCallingTask] = []
        var fcOutputs: [String] = []
        for k in 0..<count {
            let t = fcTasks[k % fcTasks.count]
            let gold = JSONValue.array(t.answers.map(\.json)).description
            let out: String
            switch k % 5 {
            case 0: out = gold
            case 1:
                out = JSONValue.array(t.answers.reversed().map { c in
                    var args = JSONObject()
                    for key in c.arguments.keys.reversed() {
                        let v = c.arguments[key] ?? .null
                        args[key] = v.intValue.map { .double(Double($0)) } ?? v
                    }
                    return FunctionCall(name: c.name, arguments: args).json
                }).description
            case 2:
                var calls = t.answers
                if let key = calls[0].arguments.keys.first { calls[0].arguments[key] = .string("wrong") }
                out = JSONValue.array(calls.map(\.json)).description
            case 3: out = JSONValue.array(t.answers.dropLast().map(\.json)).description
            default: out = String(gold.dropLast())
            }
            fcTaskList.append(t)
            fcOutputs.append(out)
        }
        lines.append(measure("function_calling_strict_json", count, repeats) {
            let v = FunctionCallingVerifier()
            var passed = 0
            for k in 0..<count where v.verify(fcTaskList[k], fcOutputs[k]).passed { passed += 1 }
            return passed
        })

        // JSON parsing throughput on the function-calling records themselves.
        let records = fcTasks.map { $0.json.description }
        let bytes = records.reduce(0) { $0 + $1.utf8.count }
        let clock = ContinuousClock()
        var bestWall = Double.infinity, bestCPU = Double.infinity
        for _ in 0..<max(1, repeats) {
            let cpu0 = threadCPUSeconds()
            let d = clock.measure {
                for _ in 0..<10 { for r in records { _ = try? JSONParser.parse(r) } }
            }
            bestCPU = min(bestCPU, threadCPUSeconds() - cpu0)
            bestWall = min(bestWall, seconds(d))
        }
        let megabytes = Double(bytes * 10) / 1e6
        lines.append("name=json_parse_xlam_records mb_per_s=\(fmt(megabytes / bestWall, 1)) mb_per_cpu_s=\(fmt(megabytes / max(bestCPU, 1e-9), 1))")
        return lines
    }

    private static func measure(_ name: String, _ count: Int, _ repeats: Int, _ body: () -> Int) -> String {
        let clock = ContinuousClock()
        var bestWall = Double.infinity, bestCPU = Double.infinity
        var passed = 0
        for _ in 0..<max(1, repeats) {
            let cpu0 = threadCPUSeconds()
            let d = clock.measure { passed = body() }
            bestCPU = min(bestCPU, threadCPUSeconds() - cpu0)
            bestWall = min(bestWall, seconds(d))
        }
        return line(name, count: count, passed: passed, wall: bestWall, cpu: bestCPU)
    }

    /// One figure line: `name=... outputs=... pass_pct=... wall_ms=... checks_per_s=... checks_per_cpu_s=...`
    /// (rates per wall-clock second and per CPU-second of the measuring thread).
    public static func line(_ name: String, count: Int, passed: Int, wall: Double, cpu: Double) -> String {
        "name=\(name) outputs=\(count) pass_pct=\(fmt(100 * Double(passed) / Double(count), 1)) wall_ms=\(fmt(wall * 1000, 1))"
            + " checks_per_s=\(fmt(Double(count) / wall, 0)) checks_per_cpu_s=\(fmt(Double(count) / max(cpu, 1e-9), 0))"
    }

    /// CPU time consumed by the calling thread.
    private static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    private static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }

    private static func fmt(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
}
