import XCTest
import R3Random
@testable import R3Tasks

/// Hand-written records in the exact shape of xlam-function-calling-60k: `tools` and `answers` are
/// JSON text, parameters are `{"name": {"description", "type", "default"}}`.
let xlamLines = [
    #"{"id": 0, "query": "Where can I find live giveaways for beta access and games?", "answers": "[{\"name\": \"live_giveaways_by_type\", \"arguments\": {\"type\": \"beta\"}}, {\"name\": \"live_giveaways_by_type\", \"arguments\": {\"type\": \"game\"}}]", "tools": "[{\"name\": \"live_giveaways_by_type\", \"description\": \"Retrieve live giveaways from the GamerPower API based on the specified type.\", \"parameters\": {\"type\": {\"description\": \"The type of giveaways to retrieve (e.g., game, loot, beta).\", \"type\": \"str\", \"default\": \"game\"}}}]"}"#,
    #"{"id": 1, "query": "I need the current stock price for Tesla and the 5-day forecast for Austin in fahrenheit.", "answers": "[{\"name\": \"stock_quote\", \"arguments\": {\"symbol\": \"TSLA\"}}, {\"name\": \"forecast\", \"arguments\": {\"city\": \"Austin\", \"days\": 5, \"units\": \"fahrenheit\"}}]", "tools": "[{\"name\": \"stock_quote\", \"description\": \"Fetches the latest quote for a ticker.\", \"parameters\": {\"symbol\": {\"description\": \"Ticker symbol.\", \"type\": \"str\", \"default\": \"AAPL\"}}}, {\"name\": \"forecast\", \"description\": \"Daily weather forecast.\", \"parameters\": {\"city\": {\"description\": \"City name.\", \"type\": \"str\"}, \"days\": {\"description\": \"Number of days.\", \"type\": \"int\"}, \"units\": {\"description\": \"celsius or fahrenheit.\", \"type\": \"str, optional\", \"default\": \"celsius\"}}}, {\"name\": \"news_search\", \"description\": \"Search news.\", \"parameters\": {\"q\": {\"description\": \"Query.\", \"type\": \"str\"}, \"page\": {\"description\": \"Page.\", \"type\": \"int, optional\"}}}]"}"#,
    #"{"id": 2, "query": "What is the median of [3, 1, 4, 1, 5, 9] and is 97 a prime?", "answers": "[{\"name\": \"calculate_median\", \"arguments\": {\"numbers\": [3, 1, 4, 1, 5, 9]}}, {\"name\": \"is_prime\", \"arguments\": {\"num\": 97}}]", "tools": "[{\"name\": \"calculate_median\", \"description\": \"Calculates the median of a list of numbers.\", \"parameters\": {\"numbers\": {\"description\": \"The list of numbers.\", \"type\": \"List[Union[int, float]]\"}}}, {\"name\": \"is_prime\", \"description\": \"Checks if a number is prime.\", \"parameters\": {\"num\": {\"description\": \"The number to be checked.\", \"type\": \"int\"}}}]"}"#,
    #"{"id": 3, "query": "Convert 2.5 kilograms to pounds.", "answers": [{"name": "convert_mass", "arguments": {"value": 2.5, "from_unit": "kg", "to_unit": "lb"}}], "tools": [{"type": "function", "function": {"name": "convert_mass", "description": "Convert a mass.", "parameters": {"type": "object", "properties": {"value": {"type": "number", "description": "Quantity."}, "from_unit": {"type": "string", "enum": ["kg", "lb"]}, "to_unit": {"type": "string"}, "precision": {"type": ["integer", "null"], "default": 2}}, "required": ["value", "from_unit", "to_unit"]}}}]}"#,
]

final class FunctionCallingTests: XCTestCase {
    var task: FunctionCallingTask!

    override func setUp() {
        let tools = [
            ToolSchema(name: "get_weather", description: "Current weather.", parameters: [
                ToolParameter(name: "city", type: "str"),
                ToolParameter(name: "unit", type: "str", required: false, defaultValue: "celsius"),
            ]),
            ToolSchema(name: "convert", description: "Convert currency.", parameters: [
                ToolParameter(name: "amount", type: "float"),
                ToolParameter(name: "from", type: "str"),
                ToolParameter(name: "to", type: "str"),
            ]),
            ToolSchema(name: "get_time", description: "Local time.", parameters: [ToolParameter(name: "zone", type: "str")]),
        ]
        task = try! FunctionCallingTask(query: "Weather in Paris, and convert 100 USD to EUR.", tools: Array(tools.prefix(2)), answers: [
            FunctionCall(name: "get_weather", arguments: JSONObject([("city", "Paris")])),
            FunctionCall(name: "convert", arguments: JSONObject([("amount", 100), ("from", "USD"), ("to", "EUR")])),
        ])
    }

    func verify(_ out: String, _ v: FunctionCallingVerifier = FunctionCallingVerifier()) -> Verdict { v.verify(task, out) }

    func testPassesModuloOrderNumbersAndWhitespace() {
        let gold = #"[{"name": "get_weather", "arguments": {"city": "Paris"}}, {"name": "convert", "arguments": {"amount": 100, "from": "USD", "to": "EUR"}}]"#
        XCTAssertTrue(verify(gold).passed)
        XCTAssertEqual(verify(gold).score, 1)
        XCTAssertTrue(verify("\n  " + gold + "\n").passed)
        // Call order, argument order, 100 vs 100.0 / 1e2, string whitespace.
        let variant = #"[{"arguments": {"to": "EUR", "amount": 100.0, "from": " USD "}, "name": "convert"}, {"name": "get_weather", "arguments": {"city": "Paris"}}]"#
        XCTAssertTrue(verify(variant).passed, verify(variant).reason)
        XCTAssertTrue(verify(#"[{"name":"convert","arguments":{"amount":1e2,"from":"USD","to":"EUR"}},{"name":"get_weather","arguments":{"city":"Paris"}}]"#).passed)
        // Arguments given as a JSON string (OpenAI wire form).
        XCTAssertTrue(verify(#"[{"name":"get_weather","arguments":"{\"city\": \"Paris\"}"},{"name":"convert","arguments":{"amount":100,"from":"USD","to":"EUR"}}]"#).passed)
        // Without whitespace normalisation, " USD " differs.
        XCTAssertFalse(verify(variant, FunctionCallingVerifier(normalizeWhitespace: false)).passed)
    }

    func testArgumentDifferences() {
        let v = verify(#"[{"name": "get_weather", "arguments": {"city": "paris"}}, {"name": "convert", "arguments": {"amount": 100, "from": "USD", "to": "EUR"}}]"#)
        XCTAssertFalse(v.passed)
        XCTAssertEqual(v.reason, #"get_weather: argument city: expected "Paris", got "paris""#)
        XCTAssertEqual(v.score, 0.5)
        let s = verify(#"[{"name": "get_weather", "arguments": {"city": "Paris"}}, {"name": "convert", "arguments": {"amount": "100", "from": "USD", "to": "EUR"}}]"#)
        XCTAssertEqual(s.reason, #"convert: argument amount: expected 100, got "100""#)
        let extra = verify(#"[{"name": "get_weather", "arguments": {"city": "Paris", "unit": "celsius"}}, {"name": "convert", "arguments": {"amount": 100, "from": "USD", "to": "EUR"}}]"#)
        XCTAssertEqual(extra.reason, "get_weather: unexpected argument unit")
        let b = verify(#"[{"name": "get_weather", "arguments": {"city": true}}, {"name": "convert", "arguments": {"amount": 100, "from": "USD", "to": "EUR"}}]"#)
        XCTAssertEqual(b.reason, #"get_weather: argument city: expected "Paris", got true"#)
        // Strings compare scalar by scalar, as the reference's exact equality: a decomposed "é"
        // (e + U+0301) is not the precomposed one, though Swift's `==` calls them equal.
        let cafe = try! FunctionCallingTask(query: "q", tools: [ToolSchema(name: "g", description: "d", parameters: [ToolParameter(name: "city", type: "str")])],
                                            answers: [FunctionCall(name: "g", arguments: JSONObject([("city", .string("Caf\u{E9}"))]))])
        XCTAssertTrue(FunctionCallingVerifier().verify(cafe, "[{\"name\": \"g\", \"arguments\": {\"city\": \"Caf\u{E9}\"}}]").passed)
        XCTAssertFalse(FunctionCallingVerifier().verify(cafe, "[{\"name\": \"g\", \"arguments\": {\"city\": \"Cafe\u{301}\"}}]").passed)
    }

    func testMissingAndExtraCalls() {
        let missing = verify(#"[{"name": "get_weather", "arguments": {"city": "Paris"}}]"#)
        XCTAssertEqual(missing.reason, "missing call to convert")
        XCTAssertEqual(missing.score, 0.5)
        let extra = verify(#"[{"name": "get_weather", "arguments": {"city": "Paris"}}, {"name": "get_weather", "arguments": {"city": "Paris"}}, {"name": "convert", "arguments": {"amount": 100, "from": "USD", "to": "EUR"}}]"#)
        XCTAssertEqual(extra.reason, "extra call to get_weather")
        XCTAssertEqual(extra.score, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(verify("[]").reason, "missing call to get_weather; missing call to convert")
        XCTAssertEqual(verify("[]").score, 0)
    }

    func testNotOfferedAndMissingRequired() {
        let notOffered = verify(#"[{"name": "get_time", "arguments": {"zone": "UTC"}}, {"name": "get_weather", "arguments": {"city": "Paris"}}, {"name": "convert", "arguments": {"amount": 100, "from": "USD", "to": "EUR"}}]"#)
        XCTAssertFalse(notOffered.passed)
        XCTAssertEqual(notOffered.reason, "calls get_time, which is not offered")
        let required = verify(#"[{"name": "get_weather", "arguments": {"city": "Paris"}}, {"name": "convert", "arguments": {"amount": 100, "from": "USD"}}]"#)
        XCTAssertEqual(required.reason, #"call to convert is missing required argument to; convert: missing argument to (expected "EUR")"#)
    }

    func testMalformedOutputs() {
        XCTAssertEqual(verify("").reason, "the output is empty, expected a JSON list of calls")
        let bad = verify(#"[{"name": "get_weather", "arguments": {"city": "Paris"}]"#)
        XCTAssertEqual(bad.reason, "not valid JSON: line 1, column 56: unexpected character ']': expected ',' or '}' in object")
        XCTAssertEqual(verify(#""get_weather(city='Paris')""#).reason, "expected a JSON list of calls, got a string")
        XCTAssertEqual(verify("[1]").reason, #"call 1 is an integer, not an object with "name" and "arguments""#)
        XCTAssertEqual(verify(#"[{"arguments": {}}]"#).reason, #"call 1 has no "name""#)
        XCTAssertEqual(verify(#"[{"name": 3}]"#).reason, #"call 1: "name" is an integer, not a string"#)
        XCTAssertEqual(verify(#"[{"name": "convert", "arguments": [1]}]"#).reason, #"call 1 (convert): "arguments" is not an object"#)
        XCTAssertTrue(verify("Sure! Here are the calls: [{...}]").reason.hasPrefix("not valid JSON: line 1, column 1"))
    }

    func testSingleObjectOption() {
        let one = try! FunctionCallingTask(query: "q", tools: task.tools, answers: [FunctionCall(name: "get_weather", arguments: JSONObject([("city", "Paris")]))])
        let out = #"{"name": "get_weather", "arguments": {"city": "Paris"}}"#
        XCTAssertTrue(FunctionCallingVerifier().verify(one, out).passed)
        XCTAssertEqual(FunctionCallingVerifier(acceptSingleObject: false).verify(one, out).reason, "expected a JSON list of calls, got an object")
        // No expected calls: only an empty list passes.
        let none = try! FunctionCallingTask(query: "q", tools: task.tools, answers: [])
        XCTAssertTrue(FunctionCallingVerifier().verify(none, "[]").passed)
        XCTAssertEqual(FunctionCallingVerifier().verify(none, out).reason, "unexpected call to get_weather")
    }

    func testExtractionModes() {
        let gold = #"[{"name": "get_weather", "arguments": {"city": "Paris"}}, {"name": "convert", "arguments": {"amount": 100, "from": "USD", "to": "EUR"}}]"#
        let fenced = "Sure, here you go:\n```json\n" + gold + "\n```\nLet me know if you need more."
        XCTAssertFalse(verify(fenced).passed)
        XCTAssertTrue(verify(fenced, FunctionCallingVerifier(extraction: .lenient)).passed)
        XCTAssertTrue(verify("The calls are " + gold + " as requested.", FunctionCallingVerifier(extraction: .lenient)).passed)
        XCTAssertEqual(verify("no json here", FunctionCallingVerifier(extraction: .lenient)).reason, "no JSON list or object in the output")
        XCTAssertTrue(verify("<answer>" + gold + "</answer>", FunctionCallingVerifier(extraction: .answerTags)).passed)
        XCTAssertTrue(verify(gold + "\nmore text", FunctionCallingVerifier(extraction: .firstLine)).passed)
        let tags = #"<tool_call>{"name": "get_weather", "arguments": {"city": "Paris"}}</tool_call>"# + "\n"
            + "<tool_call>\n" + #"{"name": "convert", "arguments": {"amount": 100, "from": "USD", "to": "EUR"}}"# + "\n</tool_call>"
        XCTAssertTrue(verify(tags, FunctionCallingVerifier(extraction: .toolCallTags)).passed, verify(tags, FunctionCallingVerifier(extraction: .toolCallTags)).reason)
        XCTAssertEqual(verify(gold, FunctionCallingVerifier(extraction: .toolCallTags)).reason, "no <tool_call>...</tool_call> in the output")
        XCTAssertEqual(verify("<tool_call>{", FunctionCallingVerifier(extraction: .toolCallTags)).reason, "a <tool_call> is never closed")
    }

    func testLoaderOnXlamLines() throws {
        let t0 = try FunctionCallingTask(json: try JSONParser.parse(xlamLines[0]))
        XCTAssertEqual(t0.id, 0)
        XCTAssertEqual(t0.tools.count, 1)
        XCTAssertEqual(t0.tools[0].parameters, [ToolParameter(name: "type", type: "str", description: "The type of giveaways to retrieve (e.g., game, loot, beta).", required: false, defaultValue: "game")])
        XCTAssertEqual(t0.answers.map(\.name), ["live_giveaways_by_type", "live_giveaways_by_type"])
        XCTAssertTrue(FunctionCallingVerifier().verify(t0, #"[{"name": "live_giveaways_by_type", "arguments": {"type": "game"}}, {"name": "live_giveaways_by_type", "arguments": {"type": "beta"}}]"#).passed)
        XCTAssertEqual(FunctionCallingVerifier().verify(t0, #"[{"name": "live_giveaways_by_type", "arguments": {"type": "game"}}]"#).reason, "missing call to live_giveaways_by_type")

        let t1 = try FunctionCallingTask(json: try JSONParser.parse(xlamLines[1]))
        let forecast = try XCTUnwrap(t1.tool(named: "forecast"))
        XCTAssertEqual(forecast.parameters.map(\.required), [true, true, false])
        XCTAssertEqual(forecast.parameters[2].baseType, "str")
        XCTAssertEqual(forecast.signature, "forecast(city: str, days: int, units?: str)")
        XCTAssertEqual(t1.answers[1].arguments["days"], .int(5))

        let t2 = try FunctionCallingTask(json: try JSONParser.parse(xlamLines[2]))
        XCTAssertTrue(FunctionCallingVerifier().verify(t2, #"[{"name": "is_prime", "arguments": {"num": 97.0}}, {"name": "calculate_median", "arguments": {"numbers": [3, 1, 4, 1, 5, 9]}}]"#).passed)
        XCTAssertEqual(FunctionCallingVerifier().verify(t2, #"[{"name": "is_prime", "arguments": {"num": 97}}, {"name": "calculate_median", "arguments": {"numbers": [1, 1, 3, 4, 5, 9]}}]"#).reason,
                       "calculate_median: argument numbers: expected [3,1,4,1,5,9], got [1,1,3,4,5,9]")

        // JSON-schema parameters inside an OpenAI wrapper; tools and answers as arrays.
        let t3 = try FunctionCallingTask(json: try JSONParser.parse(xlamLines[3]))
        let mass = t3.tools[0]
        XCTAssertEqual(mass.name, "convert_mass")
        XCTAssertEqual(mass.parameters.map(\.name), ["value", "from_unit", "to_unit", "precision"])
        XCTAssertEqual(mass.parameters.map(\.required), [true, true, true, false])
        XCTAssertEqual(mass.parameters[3].type, "integer|null")
        XCTAssertEqual(mass.parameters[3].defaultValue, .int(2))
        XCTAssertTrue(FunctionCallingVerifier().verify(t3, #"[{"name": "convert_mass", "arguments": {"value": 2.5, "from_unit": "kg", "to_unit": "lb"}}]"#).passed)

        // Every gold answer passes its own verifier, and the record round-trips through its JSON form.
        for line in xlamLines {
            let t = try FunctionCallingTask(json: try JSONParser.parse(line))
            XCTAssertTrue(FunctionCallingVerifier().verify(t, JSONValue.array(t.answers.map(\.json)).description).passed)
            XCTAssertEqual(try FunctionCallingTask(json: t.json), t)
            XCTAssertNotNil(t.json["tools"]?.stringValue, "tools are written as JSON text, as in xlam")
        }
    }

    func testLoaderErrorsNameTheField() {
        func error(_ text: String) -> String {
            do { _ = try FunctionCallingTask(json: try JSONParser.parse(text)); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(error(#"{"tools": "[]", "answers": "[]"}"#), #"field "query": missing"#)
        XCTAssertEqual(error(#"{"query": 1, "tools": "[]", "answers": "[]"}"#), #"field "query": expected a string, got an integer"#)
        XCTAssertEqual(error(#"{"query": "q", "tools": "[{", "answers": "[]"}"#), #"field "tools": is a string but not valid JSON: line 1, column 3: unexpected end of input: expected a string key in object"#)
        XCTAssertEqual(error(#"{"query": "q", "tools": "{}", "answers": "[]"}"#), #"field "tools": expected a JSON list, got an object"#)
        XCTAssertEqual(error(#"{"query": "q", "tools": 5, "answers": "[]"}"#), #"field "tools": expected an array or a JSON string, got an integer"#)
        XCTAssertEqual(error(#"{"query": "q", "tools": [{"description": "x"}], "answers": []}"#), #"field "tools[0].name": missing"#)
        XCTAssertEqual(error(#"{"query": "q", "tools": [{"name": "f", "parameters": {"city": "str"}}], "answers": []}"#), #"field "tools[0].parameters.city": expected an object, got a string"#)
        XCTAssertEqual(error(#"{"query": "q", "tools": [{"name": "f"}], "answers": [{"name": "g", "arguments": {}}]}"#), #"field "answers[0].name": calls g, which is not in tools"#)
        XCTAssertEqual(error(#"{"query": "q", "tools": [{"name": "f"}], "answers": [{"arguments": {}}]}"#), #"field "answers[0].name": missing"#)
        XCTAssertEqual(error(#"{"query": "q", "tools": [{"name": "f"}], "answers": [{"name": "f", "arguments": 3}]}"#), #"field "answers[0].arguments": expected an object, got an integer"#)
    }

    func testGeneratorCatalog() throws {
        XCTAssertGreaterThanOrEqual(toolCatalog.count, 30)
        XCTAssertEqual(Set(toolCatalog.map(\.schema.name)).count, toolCatalog.count)
        for spec in toolCatalog {
            XCTAssertFalse(spec.clauses.isEmpty)
            for clause in spec.clauses {
                for p in spec.schema.parameters where p.required {
                    XCTAssertTrue(clause.contains("{\(p.name)}"), "\(spec.schema.name): \(clause) lacks {\(p.name)}")
                }
                for p in spec.schema.parameters where clause.contains("{\(p.name)}") {
                    XCTAssertNotNil(spec.pools[p.name], "\(spec.schema.name).\(p.name) has no value pool")
                }
            }
            // The xlam form of each schema reads back to the same parameters.
            XCTAssertEqual(try ToolSchema(json: spec.schema.json).parameters, spec.schema.parameters)
        }
    }

    func testGenerator() throws {
        let config = FunctionCallingGeneratorConfig(count: 500, seed: 11)
        let tasks = try FunctionCallingGenerator.generate(config)
        XCTAssertEqual(tasks.count, 500)
        XCTAssertEqual(try FunctionCallingGenerator.generate(config), tasks)
        XCTAssertNotEqual(try FunctionCallingGenerator.generate(.init(count: 500, seed: 12)), tasks)
        XCTAssertEqual(Set(tasks.map(\.query)).count, 500)
        var multi = 0, distracted = 0, sameToolTwice = 0
        var toolsSeen = Set<String>()
        for t in tasks {
            XCTAssertFalse(t.query.contains("{"), t.query)
            XCTAssertTrue((1...3).contains(t.answers.count))
            if t.answers.count > 1 { multi += 1 }
            if Set(t.answers.map(\.name)).count < t.answers.count { sameToolTwice += 1 }
            if t.tools.count > Set(t.answers.map(\.name)).count { distracted += 1 }
            toolsSeen.formUnion(t.answers.map(\.name))
            XCTAssertEqual(Set(t.answers).count, t.answers.count, "no duplicate calls")
            for call in t.answers {
                let tool = try XCTUnwrap(t.tool(named: call.name))
                for p in tool.parameters where p.required { XCTAssertNotNil(call.arguments[p.name], "\(t.query)") }
                for (k, _) in call.arguments { XCTAssertNotNil(tool.parameter(named: k)) }
            }
            let prompt = FunctionCallingPrompt()
            let demo = prompt.demonstration(t)
            XCTAssertTrue(prompt.verifier.verify(t, demo.completion).passed)
            XCTAssertEqual(try FunctionCallingTask(json: try JSONParser.parse(t.json.description)), t)
        }
        XCTAssertGreaterThan(multi, 100)
        XCTAssertGreaterThan(distracted, 250)
        XCTAssertGreaterThan(sameToolTwice, 0)
        XCTAssertGreaterThan(toolsSeen.count, 35)
        XCTAssertEqual(try FunctionCallingGenerator.generate(.init(count: 50, seed: 1, maxCalls: 1, distractors: 0...0)).map { $0.answers.count + $0.tools.count }, Array(repeating: 2, count: 50))
        XCTAssertThrowsError(try FunctionCallingGenerator.generate(.init(maxCalls: 0)))
        XCTAssertThrowsError(try FunctionCallingGenerator.generate(.init(multiCallProbability: 1.5)))
        XCTAssertThrowsError(try FunctionCallingGenerator.generate(.init(distractors: 0...100)))
    }

    /// Warm-up attempts fail the verifier, and half of them keep the tool and its keys but get one
    /// value wrong, the commonest mistake of a small model: a retry must not copy the attempt's values.
    func testReflectionDemonstrationsMakeTheMistakesOfASmallModel() throws {
        let tasks = try FunctionCallingGenerator.generate(.init(count: 400, seed: 5, maxCalls: 2))
        let prompt = FunctionCallingPrompt(style: .compact)
        var rng = RandomGenerator(seed: 9)
        var wrongValue = 0
        for t in tasks {
            let demo = try XCTUnwrap(prompt.reflectionDemonstration(t, rng: &rng))
            XCTAssertFalse(prompt.verifier.verify(t, demo.attempt).passed, demo.attempt)
            XCTAssertTrue(prompt.verifier.verify(t, demo.retry).passed, demo.retry)
            let attempt = try JSONParser.parse(demo.attempt).arrayValue ?? []
            let calls = try attempt.map { try FunctionCall(json: $0) }
            let differing = zip(calls, t.answers).filter { $0 != $1 }
            if calls.count == t.answers.count, differing.count == 1, let (got, expected) = differing.first,
               got.name == expected.name, got.arguments.keys == expected.arguments.keys {
                wrongValue += 1
            }
        }
        XCTAssertTrue((160...240).contains(wrongValue), "\(wrongValue) of 400 with one wrong value")
    }
}
