import R3Random

/// The knobs of the synthetic function-calling generator, with documented defaults.
public struct FunctionCallingGeneratorConfig: Sendable, Equatable {
    /// How many tasks to generate.
    public var count: Int = 1000
    /// The seed: the same seed and config give the same tasks.
    public var seed: UInt64 = 0
    /// The largest number of calls one query asks for (1...5).
    public var maxCalls: Int = 3
    /// The probability that a query asks for more than one call (then 2...maxCalls, uniformly).
    public var multiCallProbability: Double = 0.35
    /// How many tools that are not called are offered besides the called ones (uniformly in range).
    public var distractors: ClosedRange<Int> = 0...3
    /// Give up after this many duplicate or rejected candidates per requested task.
    public var maxAttemptsPerTask: Int = 100

    public init(count: Int = 1000, seed: UInt64 = 0, maxCalls: Int = 3, multiCallProbability: Double = 0.35,
                distractors: ClosedRange<Int> = 0...3, maxAttemptsPerTask: Int = 100) {
        self.count = count
        self.seed = seed
        self.maxCalls = maxCalls
        self.multiCallProbability = multiCallProbability
        self.distractors = distractors
        self.maxAttemptsPerTask = maxAttemptsPerTask
    }
}

/// The generator could not satisfy the request.
public struct FunctionCallingGeneratorError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Seeded synthetic function-calling tasks drawn from a catalog of realistic tools (`toolNames`):
/// queries are filled from per-tool templates with argument values, some ask for several calls (of
/// the same or different tools), and distractor tools are offered that must not be called. No two
/// tasks share a query.
public enum FunctionCallingGenerator {
    /// The tools of the catalog, in catalog order.
    public static var tools: [ToolSchema] { toolCatalog.map(\.schema) }

    public static func generate(_ config: FunctionCallingGeneratorConfig) throws(FunctionCallingGeneratorError) -> [FunctionCallingTask] {
        func bad(_ m: String) -> FunctionCallingGeneratorError { FunctionCallingGeneratorError(message: m) }
        if config.count < 0 { throw bad("count must be >= 0, got \(config.count)") }
        if !(1...5).contains(config.maxCalls) { throw bad("maxCalls must lie in 1...5, got \(config.maxCalls)") }
        if !(0...1).contains(config.multiCallProbability) { throw bad("multiCallProbability must lie in [0, 1], got \(config.multiCallProbability)") }
        if config.distractors.lowerBound < 0 || config.distractors.upperBound > toolCatalog.count - config.maxCalls {
            throw bad("distractors must lie in 0...\(toolCatalog.count - config.maxCalls), got \(config.distractors)")
        }
        if config.maxAttemptsPerTask < 1 { throw bad("maxAttemptsPerTask must be >= 1") }
        var rng = RandomGenerator(seed: config.seed)
        var tasks: [FunctionCallingTask] = []
        var queries = Set<String>()
        var failures = 0
        while tasks.count < config.count {
            if let t = candidate(config, &rng), queries.insert(t.query).inserted {
                tasks.append(t)
                failures = 0
            } else {
                failures += 1
                if failures > config.maxAttemptsPerTask {
                    throw bad("generated only \(tasks.count) of \(config.count) distinct tasks: the catalog cannot produce more with these knobs")
                }
            }
        }
        return tasks
    }

    static func candidate(_ config: FunctionCallingGeneratorConfig, _ rng: inout RandomGenerator) -> FunctionCallingTask? {
        let callCount = config.maxCalls > 1 && rng.nextDouble() < config.multiCallProbability
            ? 2 + rng.nextInt(below: config.maxCalls - 1) : 1
        var calls: [FunctionCall] = []
        var clauses: [String] = []
        var used: [Int] = []
        for _ in 0..<callCount {
            let k = rng.nextInt(below: toolCatalog.count)
            guard let (call, clause) = draw(toolCatalog[k], &rng), !calls.contains(call) else { return nil }
            calls.append(call)
            clauses.append(clause)
            if !used.contains(k) { used.append(k) }
        }
        var offered = used
        let extra = config.distractors.lowerBound + rng.nextInt(below: config.distractors.count)
        while offered.count < used.count + extra {
            let k = rng.nextInt(below: toolCatalog.count)
            if !offered.contains(k) { offered.append(k) }
        }
        rng.shuffle(&offered)
        return try? FunctionCallingTask(query: sentence(clauses, &rng), tools: offered.map { toolCatalog[$0].schema }, answers: calls)
    }

    /// One call of `spec`: a clause with its slots filled, and the arguments it names (in schema order).
    static func draw(_ spec: ToolSpec, _ rng: inout RandomGenerator) -> (FunctionCall, String)? {
        let clause = spec.clauses[rng.nextInt(below: spec.clauses.count)]
        var text = clause
        var values: [String: JSONValue] = [:]
        for p in spec.schema.parameters where clause.contains("{\(p.name)}") {
            guard let pool = spec.pools[p.name] else { return nil }
            var shown = "", value: JSONValue = .null
            // Two arguments of one call never share a value (no "convert USD to USD").
            for _ in 0..<8 {
                (shown, value) = pick(pool, &rng)
                if !values.values.contains(value) { break }
            }
            if values.values.contains(value) { return nil }
            values[p.name] = value
            text = text.replacingAll("{\(p.name)}", with: shown)
        }
        var args = JSONObject()
        for p in spec.schema.parameters { if let v = values[p.name] { args[p.name] = v } }
        return (FunctionCall(name: spec.schema.name, arguments: args), text)
    }

    /// `call` with one argument's value replaced by another value its parameter can take (from the
    /// catalog's pool); nil when the tool is not in the catalog or no argument has another value.
    static func withWrongValue(_ call: FunctionCall, rng: inout RandomGenerator) -> FunctionCall? {
        guard let spec = toolCatalog.first(where: { $0.schema.name == call.name }) else { return nil }
        let candidates = call.arguments.keys.compactMap { key in spec.pools[key].map { (key, $0) } }
        guard !candidates.isEmpty else { return nil }
        let (key, pool) = candidates[rng.nextInt(below: candidates.count)]
        for _ in 0..<8 {
            let (_, value) = pick(pool, &rng)
            if value != call.arguments[key] {
                var changed = call
                changed.arguments[key] = value
                return changed
            }
        }
        return nil
    }

    static func pick(_ pool: ArgumentPool, _ rng: inout RandomGenerator) -> (String, JSONValue) {
        switch pool {
        case .strings(let xs):
            let s = xs[rng.nextInt(below: xs.count)]
            return (s, .string(s))
        case .labeled(let xs):
            return xs[rng.nextInt(below: xs.count)]
        case .integers(let r):
            let v = r.lowerBound + rng.nextInt(below: r.count)
            return (String(v), .int(v))
        case .decimals(let r, let scale):
            let k = r.lowerBound + rng.nextInt(below: r.count)
            var unit = 1
            for _ in 0..<scale { unit *= 10 }
            var frac = String(k % unit)
            frac = String(repeating: "0", count: scale - frac.count) + frac
            while frac.hasSuffix("0") { frac.removeLast() }
            let text = frac.isEmpty ? String(k / unit) : "\(k / unit).\(frac)"
            return (text, frac.isEmpty ? .int(k / unit) : .double(Double(text) ?? 0))
        }
    }

    static func sentence(_ clauses: [String], _ rng: inout RandomGenerator) -> String {
        let body: String
        switch clauses.count {
        case 1:
            body = clauses[0]
        case 2:
            let joins = ["\(clauses[0]) and \(clauses[1])", "\(clauses[0]), then \(clauses[1])", "\(clauses[0]), and also \(clauses[1])"]
            body = joins[rng.nextInt(below: joins.count)]
        default:
            body = clauses.dropLast().joined(separator: ", ") + ", and " + clauses[clauses.count - 1]
        }
        let frames = ["Can you \(body)?", "Please \(body).", "I need you to \(body).", "Could you \(body)?", capitalized(body) + "."]
        return frames[rng.nextInt(below: frames.count)]
    }

    static func capitalized(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
