import R3Script
import R3Tasks

/// The `functionCalling` namespace: generation, tasks, verification and loading of
/// xlam-function-calling-60k style tasks.
enum TaskFunctionCallingLibrary {
    static let namespace: Namespace = {
        let ns = Namespace("functionCalling", doc: "Function-calling tasks (answer a query with JSON tool calls, as xlam-function-calling-60k): generate, task, verify, verifier, load, catalog.")
        for b in functions { ns.add(b) }
        return ns
    }()

    static let extractions = FunctionCallingVerifier.Extraction.allCases.map(\.rawValue)

    /// The verifier the builtin's `extraction` and `normalizeWhitespace` arguments describe.
    static func verifier(_ a: Arguments, acceptSingleObject: Bool) throws -> VerifierObject {
        let name = try a.string("extraction")
        guard let extraction = FunctionCallingVerifier.Extraction(rawValue: name) else {
            throw a.error("argument 'extraction' must be one of \(extractions.map { "\"\($0)\"" }.joined(separator: ", ")), got \"\(name)\"")
        }
        let v = FunctionCallingVerifier(extraction: extraction, acceptSingleObject: acceptSingleObject,
                                        normalizeWhitespace: try a.bool("normalizeWhitespace"))
        return VerifierObject(name: "function_calling (\(name))", body: .native(.functionCalling(v), kind: .functionCalling))
    }

    static let functions: [Builtin] = [
        Builtin("generate(count = 1000, seed = 0, maxCalls = 3, multiCallProbability = 0.35, distractors = nil, maxAttemptsPerTask = 100)", owner: "functionCalling",
                doc: "A Dataset of `count` synthetic function-calling tasks drawn from a catalog of 40 realistic tools (see catalog()); the same seed gives the same tasks and no two share a query. maxCalls: the most calls one query asks for (1...5); multiCallProbability: the chance a query asks for several; distractors: how many tools besides the called ones are offered (a number, range or [low, high]; nil: 0...3).") { a in
            var c = FunctionCallingGeneratorConfig(count: try TaskValues.count(a, "count"), seed: try TaskValues.seed(a))
            c.maxCalls = try a.int("maxCalls")
            c.multiCallProbability = try a.number("multiCallProbability")
            if let r = try TaskValues.closedRange(a, "distractors") { c.distractors = r }
            c.maxAttemptsPerTask = try a.int("maxAttemptsPerTask")
            do {
                let tasks = try FunctionCallingGenerator.generate(c)
                return .native(DatasetObject(tasks.map { .native(TaskObject(.functionCalling($0))) }))
            } catch {
                throw a.error("\(error)")
            }
        },
        Builtin("task(query, tools, answers, id = nil)", owner: "functionCalling",
                doc: "A function-calling task: the user query, the tools on offer (a list of schemas in xlam form {name, description, parameters: {p: {type, description, default}}}, JSON-schema form or OpenAI form, or the same as JSON text) and the expected calls (a list of [\"name\": ..., \"arguments\": [...]], or JSON text). Every expected call must name an offered tool.") { a in
            var record = JSONObject()
            if a.isGiven("id") { record["id"] = .int(try a.int("id")) }
            record["query"] = .string(try a.string("query"))
            do {
                record["tools"] = try TaskValues.json(a["tools"])
                record["answers"] = try TaskValues.json(a["answers"])
                return .native(TaskObject(.functionCalling(try FunctionCallingTask(json: .object(record)))))
            } catch let e as ScriptError {
                throw a.error(e.message)
            } catch {
                throw a.error("\(error)")
            }
        },
        Builtin("verify(task, output, extraction = \"line\", normalizeWhitespace = true)", owner: "functionCalling",
                doc: "The verdict [\"passed\", \"score\", \"reason\"] for a model output: the calls must equal the expected calls as a multiset (names and arguments exactly; 1 == 1.0; key order ignored). extraction: \"line\" (the first line, compact prompts), \"strict\" (the whole output is the JSON, chat prompts), \"lenient\" (prose and ``` fences allowed), \"tags\" (the last <answer>...</answer>), \"tool_call\" (<tool_call> blocks). Score: the fraction of calls matched.") { a in
            TaskValues.value(try verifier(a, acceptSingleObject: true).verdict(a, "task", output: try a.string("output")))
        },
        Builtin("verifier(extraction = \"line\", normalizeWhitespace = true, acceptSingleObject = true)", owner: "functionCalling",
                doc: "The function-calling verifier as a verifier object (v.check(task, output)); extraction as in functionCalling.verify. acceptSingleObject: a single call object counts as a list of one; normalizeWhitespace: strings compare trimmed with whitespace runs collapsed.") { a in
            .native(try verifier(a, acceptSingleObject: try a.bool("acceptSingleObject")))
        },
        Builtin("load(path, skipBadLines = false)", owner: "functionCalling",
                doc: "A Dataset of function-calling tasks from a JSONL file of xlam records {\"query\", \"tools\", \"answers\"} (tools and answers as JSON text or lists). Errors name the file, line and field (such as tools[0].parameters.city); skipBadLines: true skips bad lines with a warning.") { a in
            try TaskLoading.load(a, kind: .task(.functionCalling))
        },
        Builtin("catalog()", owner: "functionCalling",
                doc: "The 40 tool schemas the generator draws from, as dictionaries in xlam form.") { _ in
            .list(ListObject(FunctionCallingGenerator.tools.map { TaskValues.value($0.json) }))
        },
    ]
}
