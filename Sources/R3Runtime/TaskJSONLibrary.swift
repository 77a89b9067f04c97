import R3Script
import R3Tasks

/// The `json` namespace: strict JSON text in and out through R3Tasks' parser and serializer.
enum TaskJSONLibrary {
    static let namespace: Namespace = {
        let ns = Namespace("json", doc: "JSON text: parse and stringify (strict RFC 8259, exact integers, booleans never numbers).")
        for b in functions { ns.add(b) }
        return ns
    }()

    static let functions: [Builtin] = [
        Builtin("parse(text)", owner: "json",
                doc: "The value of a JSON text: objects become dictionaries (key order kept), arrays lists, numbers numbers (integers beyond 2^53 round to the nearest double), true/false booleans, null nil. Strict RFC 8259: an error gives the line and column (\"line 2, column 7: ...\").") { a in
            do {
                return TaskValues.value(try JSONParser.parse(try a.string("text")))
            } catch let e as JSONParseError {
                throw a.error(e.description)
            }
        },
        Builtin("stringify(value, indent = 0, sortKeys = false)", owner: "json",
                doc: "The JSON text of a value: compact, or with `indent` spaces per level; sortKeys orders object keys. Whole numbers are written as integers (3), others in the shortest exact form (0.1, 1e-05); tasks as their JSONL records, datasets as lists. nan, inf, functions and non-string dictionary keys are errors.") { a in
            let indent = try a.int("indent")
            guard (0...16).contains(indent) else { throw a.error("argument 'indent' must lie in 0...16, got \(indent)") }
            do {
                let json = try TaskValues.json(a["value"])
                return .string(try JSONSerializer.serialize(json, options: .init(sortedKeys: try a.bool("sortKeys"), indent: indent)))
            } catch let e as ScriptError {
                throw a.error(e.message)
            } catch {
                throw a.error("\(error)")
            }
        },
    ]
}
