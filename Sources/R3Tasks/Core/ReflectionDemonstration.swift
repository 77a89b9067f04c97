import R3Random

/// A worked example of the reflect / retry loop, for a supervised warm-up that teaches a small model
/// the format: the task prompt, a failed first attempt, a reflection that would help, and a correct
/// retry. A trainer lays the four texts out as turns (and trains on the reflection and the retry only).
public struct ReflectionDemonstration: Sendable, Equatable {
    public var prompt: String
    /// A wrong answer, as a failed first attempt would be.
    public var attempt: String
    /// What to do differently (compact style: the steps of a solution, or the tools to call).
    public var reflection: String
    /// A correct answer consistent with the reflection.
    public var retry: String

    public init(prompt: String, attempt: String, reflection: String, retry: String) {
        self.prompt = prompt
        self.attempt = attempt
        self.reflection = reflection
        self.retry = retry
    }
}

extension TaskTemplate {
    /// A reflect / retry demonstration for `task` drawn with `rng`; nil for text tasks and for tasks
    /// without a plan (an unsolvable Countdown task).
    ///
    /// `wrongPlans`: for compact Countdown, the reflection first tries up to this many plans (a
    /// uniform draw from 0...wrongPlans) that miss the target, each worked out with its true result,
    /// and then the plan that reaches it. Other tasks ignore it.
    public func reflectionDemonstration(_ task: AnyTask, wrongPlans: Int = 0, rng: inout RandomGenerator) -> ReflectionDemonstration? {
        switch task {
        case .countdown(let t): return countdown.reflectionDemonstration(t, wrongPlans: wrongPlans, rng: &rng)
        case .functionCalling(let t): return functionCalling.reflectionDemonstration(t, rng: &rng)
        case .text: return nil
        }
    }
}

extension CountdownPrompt {
    /// A failed attempt (a random wrong expression over the numbers), a reflection that works the
    /// solution out step by step, and the solution those steps give.
    ///
    /// - compact: `44+19-35`, `44+19=63 63+35=98`, `44+19+35` (within `countdownAlphabet`). With
    ///   `wrongPlans` > 0 the reflection may first work out plans that miss, with their true results:
    ///   `44-19=25 25+35=60 44+19=63 63+35=98`;
    /// - chat: `<answer> 44 + 19 - 35 </answer>`, "That equation does not reach 98. Step by step:
    ///   44 + 19 = 63, then 63 + 35 = 98.", `<answer> 44 + 19 + 35 </answer>`.
    public func reflectionDemonstration(_ task: CountdownTask, wrongPlans: Int = 0, rng: inout RandomGenerator) -> ReflectionDemonstration? {
        guard let plan = CountdownPlan.random(for: task, rng: &rng), let wrong = task.wrongAnswer(rng: &rng) else { return nil }
        switch style {
        case .compact:
            var tried: [CountdownPlan] = []
            if wrongPlans > 0 {
                let misses = CountdownPlan.complete(task.nums).filter { $0.value != task.target }
                let count = min(rng.nextInt(below: wrongPlans + 1), misses.count)
                tried = (0..<count).map { _ in misses[rng.nextInt(below: misses.count)] }
            }
            return ReflectionDemonstration(prompt: prompt(task), attempt: wrong.filter { $0 != " " },
                                           reflection: (tried + [plan]).flatMap(\.steps).map(\.compact).joined(separator: " "),
                                           retry: plan.compact)
        case .chat:
            return ReflectionDemonstration(
                prompt: prompt(task), attempt: "<answer> \(wrong) </answer>",
                reflection: "That equation does not reach \(task.target). Step by step: \(plan.steps.map(\.spaced).joined(separator: ", then ")).",
                retry: "<answer> \(plan.expression) </answer>")
        }
    }
}

extension FunctionCallingPrompt {
    /// A failed attempt (the expected calls with one mistake), a reflection that plans the calls, and
    /// the expected calls. The mistakes are those a small model makes: half of them a wrong argument
    /// value (another value the parameter could take, for tools of the generator's catalog), the rest a
    /// distractor tool instead of the right one, a missing argument, or a missing call. A retry that
    /// must not copy the attempt's values learns to take them from the reflection and the query.
    ///
    /// - compact reflection: each call with its arguments read off the query,
    ///   `get_weather(city="Oslo", unit="celsius")`, calls separated by "; ";
    /// - chat: "I should call get_weather with city "Oslo" and unit "celsius"."
    public func reflectionDemonstration(_ task: FunctionCallingTask, rng: inout RandomGenerator) -> ReflectionDemonstration? {
        guard !task.answers.isEmpty else { return nil }
        var wrong = task.answers
        let k = rng.nextInt(below: wrong.count)
        let distractors = task.tools.map(\.name).filter { name in !task.answers.contains { $0.name == name } }
        let kind = rng.nextInt(below: 6)
        if kind < 3, let changed = FunctionCallingGenerator.withWrongValue(wrong[k], rng: &rng) {
            wrong[k] = changed
        } else {
            switch kind {
            case 3 where !wrong[k].arguments.isEmpty:
                let keys = wrong[k].arguments.keys
                wrong[k].arguments[keys[rng.nextInt(below: keys.count)]] = nil
            case 4 where wrong.count > 1:
                wrong.remove(at: k)
            default:
                if !distractors.isEmpty {
                    wrong[k].name = distractors[rng.nextInt(below: distractors.count)]
                } else if wrong.count > 1 {
                    wrong.remove(at: k)
                } else {
                    wrong = []
                }
            }
        }
        let wrongList = JSONSerializer.string(.array(wrong.map(\.json)), options: .lenient)
        func value(_ v: JSONValue) -> String { JSONSerializer.string(v, options: .lenient) }
        let attempt: String, reflection: String
        switch style {
        case .compact:
            attempt = " " + wrongList
            reflection = task.answers.map { call in
                call.name + "(" + call.arguments.map { "\($0.key)=\(value($0.value))" }.joined(separator: ", ") + ")"
            }.joined(separator: "; ")
        case .chat:
            attempt = allowSurroundingText ? "```json\n" + wrongList + "\n```" : wrongList
            let plans = task.answers.map { call in
                call.arguments.isEmpty ? call.name
                    : call.name + " with " + call.arguments.map { "\($0.key) \(value($0.value))" }.joined(separator: " and ")
            }
            reflection = "I should call " + plans.joined(separator: ", then ") + "."
        }
        var retry = completion(task)
        if style == .compact, retry.hasSuffix("\n") { retry.removeLast() }
        return ReflectionDemonstration(prompt: prompt(task), attempt: attempt, reflection: reflection, retry: retry)
    }
}
