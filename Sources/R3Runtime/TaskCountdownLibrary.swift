import R3Script
import R3Tasks

/// The `countdown` namespace: generation, tasks, the exact solver, verification and loading.
enum TaskCountdownLibrary {
    static let namespace: Namespace = {
        let ns = Namespace("countdown", doc: "Countdown tasks (combine the numbers with + - * / to reach the target): generate, task, solve, verify, verifier, load, alphabet.")
        for b in functions { ns.add(b) }
        ns.add("alphabet", value: .string(countdownAlphabet))
        return ns
    }()

    /// A Countdown task argument: a Task of that kind, or a record with `nums` and `target`.
    static func task(_ a: Arguments, _ name: String = "task") throws -> CountdownTask {
        let task = try TaskValues.task(a, name, kind: .countdown)
        guard case .countdown(let t) = task else {
            throw a.error("argument '\(name)' must be a countdown task, got a \(task.kind.rawValue) task")
        }
        return t
    }

    /// The two Countdown verifier objects (made once: `countdown.verify` runs in hot script loops).
    static func verifier(answerTags: Bool) -> VerifierObject { answerTags ? tagsVerifier : lineVerifier }

    private static let lineVerifier = VerifierObject(
        name: "countdown (first line)", body: .native(.countdown(CountdownVerifier(extraction: .firstLine)), kind: .countdown))
    private static let tagsVerifier = VerifierObject(
        name: "countdown (answer tags)", body: .native(.countdown(CountdownVerifier(extraction: .answerTags)), kind: .countdown))

    static let functions: [Builtin] = [
        Builtin("generate(count = 1000, seed = 0, numbers = nil, numberRange = nil, targetRange = nil, operations = \"+-*/\", requireDivision = false, minDistinctOperators = 1, minSolutions = 1, maxSolutions = nil, distinctNumbers = false, maxAttemptsPerTask = 2000)", owner: "countdown",
                doc: "A Dataset of `count` distinct, solvable Countdown tasks; the same seed and knobs give the same tasks, and a smaller count gives a prefix. numbers: how many numbers per task (a number, a range such as 3...4, or [3, 4]; nil: 3...4, at most 6); numberRange (nil: 1...99) and targetRange (nil: 1...100); operations: the operators that define the target (\"+-*/\"); requireDivision: every solution uses /; minDistinctOperators: every solution uses at least this many operators; minSolutions / maxSolutions: how many distinct solutions a task has (maxSolutions: 1 keeps tasks with a unique solution); distinctNumbers: no repeated number in a task; maxAttemptsPerTask: candidates per task before giving up.") { a in
            var c = CountdownGeneratorConfig(count: try TaskValues.count(a, "count"), seed: try TaskValues.seed(a))
            if let r = try TaskValues.closedRange(a, "numbers") { c.numbers = r }
            if let r = try TaskValues.closedRange(a, "numberRange") { c.numberRange = r }
            if let r = try TaskValues.closedRange(a, "targetRange") { c.targetRange = r }
            let symbols = try a.string("operations")
            guard let ops = CountdownOperations(symbols: symbols) else {
                throw a.error("argument 'operations' must be made of + - * /, got \"\(symbols)\"")
            }
            c.operations = ops
            c.requireDivision = try a.bool("requireDivision")
            c.minDistinctOperators = try a.int("minDistinctOperators")
            c.minSolutions = try a.int("minSolutions")
            c.maxSolutions = try a.optionalInt("maxSolutions")
            c.distinctNumbers = try a.bool("distinctNumbers")
            c.maxAttemptsPerTask = try a.int("maxAttemptsPerTask")
            do {
                let tasks = try CountdownGenerator.generate(c)
                return .native(DatasetObject(tasks.map { .native(TaskObject(.countdown($0))) }))
            } catch {
                throw a.error("\(error)")
            }
        },
        Builtin("task(nums, target)", owner: "countdown",
                doc: "A Countdown task: combine every number of `nums` (non-negative whole numbers, each used as often as it is given) with + - * / and parentheses to reach `target`.") { a in
            var nums: [Int] = []
            for (i, v) in try a.list("nums").enumerated() {
                guard case .number(let n) = v, n == n.rounded(), abs(n) < 1e15 else {
                    throw a.error("argument 'nums' must hold whole numbers; item \(i) is \(Formatter.repr(v))")
                }
                nums.append(Int(n))
            }
            do {
                return .native(TaskObject(.countdown(try CountdownTask(nums: nums, target: try a.int("target")))))
            } catch let e as FieldError {
                throw a.error(e.description)
            }
        },
        Builtin("solve(task, all = false, limit = nil)", owner: "countdown",
                doc: "A solution as text with spaces (\"44 + 35 + 19\"), or nil when the task has none; with all: true, every distinct canonical solution (shortest first, at most `limit`). Exact search with rationals over up to 6 numbers; solutions use each number exactly as often as it is given.") { a in
            let task = try task(a)
            let limit = try a.optionalInt("limit") ?? .max
            do {
                if try a.bool("all") {
                    return .list(ListObject(try CountdownSolver().solveAll(task, limit: max(0, limit)).map { .string($0.expression) }))
                }
                return try CountdownSolver().solve(task).map { .string($0.expression) } ?? .null
            } catch {
                throw a.error("\(error)")
            }
        },
        Builtin("verify(task, output, answerTags = false)", owner: "countdown",
                doc: "The verdict [\"passed\", \"score\", \"reason\"] for a model output: the answer is the output's first line (compact prompts), or the last <answer>...</answer> (answerTags: true, chat prompts). It must use every given number exactly once and equal the target exactly; the reason says what is wrong (\"uses 7 twice\", \"evaluates to 52, target 47\" ...).") { a in
            TaskValues.value(try verifier(answerTags: try a.bool("answerTags")).verdict(a, "task", output: try a.string("output")))
        },
        Builtin("verifier(answerTags = false)", owner: "countdown",
                doc: "The Countdown verifier as a verifier object (v.check(task, output)), reading the first line of the output, or the last <answer>...</answer> with answerTags: true.") { a in
            .native(verifier(answerTags: try a.bool("answerTags")))
        },
        Builtin("load(path, skipBadLines = false)", owner: "countdown",
                doc: "A Dataset of Countdown tasks from a JSONL file of {\"nums\": [...], \"target\": N} records (the Countdown-Tasks-3to4 fields; others are ignored). Errors name the file, line and field; skipBadLines: true skips bad lines with a warning.") { a in
            try TaskLoading.load(a, kind: .task(.countdown))
        },
    ]
}
