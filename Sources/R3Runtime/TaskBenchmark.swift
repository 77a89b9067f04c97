import Foundation
import R3Script
import R3Tasks

/// `r3 bench verify`: R3Tasks' verifier figures (`VerifierBenchmark`), then the cost of verifying
/// from the language, on the same Countdown outputs (first-line answers, 40% pass):
///
/// - `language_native_baseline`: `Verifier.countdown` in a Swift loop (the baseline of the ratios);
/// - `language_script_loop_builtin`: `v.check(t, o)` on `countdown.verifier()` in a script loop;
/// - `language_script_loop_wrapping`: the same loop over a script verifier that calls the built-in
///   one;
/// - `language_script_loop_pure`: a verifier written entirely in the language (string checks on the
///   first line);
/// - `language_swift_loop_wrapping`: the script verifier called from Swift as the trainer does
///   (`VerifierObject.verifier(in:)`), without the script loop.
/// Each line is `name=... outputs=... pass_pct=... wall_ms=... checks_per_s=... checks_per_cpu_s=...`,
/// and `cpu_cost_vs_native=` after the baseline.
///
/// Options: `--count N` (outputs per measure, default 100000), `--repeats N` (best of, default 3).
enum TaskBenchmark {
    static func run(options: [String: String]) throws -> [String] {
        let count = max(1, Int(options["count"] ?? "") ?? 100_000)
        let repeats = max(1, Int(options["repeats"] ?? "") ?? 3)
        var lines = try VerifierBenchmark.run(count: count, repeats: repeats)

        let tasks = try CountdownGenerator.generate(.init(count: 1000, seed: 1))
        var anyTasks: [AnyTask] = [], taskValues: [Value] = [], outputs: [String] = []
        for k in 0..<count {
            let t = tasks[k % tasks.count]
            let s = try CountdownSolver().solve(t)?.compact ?? ""
            let out: String
            switch k % 5 {
            case 0: out = s
            case 1: out = s.map { "+-*/".contains($0) ? " \($0) " : String($0) }.joined() + " = \(t.target)"
            case 2: out = s.replacingOccurrences(of: String(t.nums[0]), with: String(t.nums[0] + 1000))
            case 3: out = s + "+1"
            default: out = "I think " + s
            }
            anyTasks.append(.countdown(t))
            taskValues.append(.native(TaskObject(.countdown(t))))
            outputs.append(out + "\n")
        }

        let interp = Runtime.makeInterpreter()
        interp.define("benchTasks", .list(ListObject(taskValues)))
        interp.define("benchOutputs", .list(ListObject(outputs.map(Value.string))))
        try interp.run(SourceFile(name: "<bench>", text: """
            let builtIn = countdown.verifier()
            let wrapping = verifier(fn(t, o) { countdown.verify(t, o).passed })
            let pure = verifier(fn(t, o) {
              let line = o.lines()[0].replacing(" ", with: "")
              if line.isEmpty { return false }
              for c in line.characters() { if !"0123456789+-*/()=".contains(c) { return false } }
              return t.nums.allSatisfy(fn(n) { line.contains(string(n)) })
            })
            fn loop(v) {
              var passed = 0
              for i in 0..<benchTasks.count { if v.check(benchTasks[i], benchOutputs[i]).passed { passed += 1 } }
              return passed
            }
            """))

        let native = Verifier.countdown(CountdownVerifier(extraction: .firstLine))
        let baseline = try measure(count, repeats) {
            var passed = 0
            for k in 0..<count where native.verify(anyTasks[k], outputs[k]).passed { passed += 1 }
            return passed
        }
        lines.append(baseline.line("language_native_baseline", count: count, baseline: nil))
        for (name, code) in [("language_script_loop_builtin", "loop(builtIn)"),
                             ("language_script_loop_wrapping", "loop(wrapping)"),
                             ("language_script_loop_pure", "loop(pure)")] {
            let m = try measure(count, repeats) {
                guard case .number(let n)? = try interp.run(SourceFile(name: "<bench>", text: code)) else { return -1 }
                return Int(n)
            }
            lines.append(m.line(name, count: count, baseline: baseline))
        }
        guard case .native(let wrapping as VerifierObject)? = interp.globals.value(named: "wrapping") else {
            throw ScriptError("bench verify: the wrapping verifier is missing")
        }
        let fromSwift = wrapping.verifier(in: interp)
        let m = try measure(count, repeats) {
            var passed = 0
            for k in 0..<count where fromSwift.verify(anyTasks[k], outputs[k]).passed { passed += 1 }
            return passed
        }
        lines.append(m.line("language_swift_loop_wrapping", count: count, baseline: baseline))
        return lines
    }

    struct Measurement {
        var wall: Double, cpu: Double, passed: Int

        func line(_ name: String, count: Int, baseline: Measurement?) -> String {
            var s = VerifierBenchmark.line(name, count: count, passed: passed, wall: wall, cpu: cpu)
            if let b = baseline { s += String(format: " cpu_cost_vs_native=%.1f", cpu / max(b.cpu, 1e-9)) }
            return s
        }
    }

    /// The best wall-clock and thread-CPU time of `repeats` runs of `body`.
    static func measure(_ count: Int, _ repeats: Int, _ body: () throws -> Int) throws -> Measurement {
        var best = Measurement(wall: .infinity, cpu: .infinity, passed: 0)
        for _ in 0..<repeats {
            let cpu0 = threadCPUSeconds(), wall0 = DispatchTime.now().uptimeNanoseconds
            best.passed = try body()
            best.wall = min(best.wall, Double(DispatchTime.now().uptimeNanoseconds - wall0) / 1e9)
            best.cpu = min(best.cpu, threadCPUSeconds() - cpu0)
        }
        return best
    }

    /// CPU time consumed by the calling thread.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
