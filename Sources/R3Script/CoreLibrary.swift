import Foundation

/// The global functions every session has: printing, errors, conversions and maths.
enum CoreLibrary {
    /// The monotonic time when the first session started; `clock()` counts from here.
    static let start = ProcessInfo.processInfo.systemUptime

    static func install(into interp: Interpreter) {
        _ = start
        for b in functions { interp.define(b) }
        interp.define("pi", .number(Double.pi))
        interp.define("inf", .number(Double.infinity))
        interp.define("nan", .number(Double.nan))
        interp.registerHelp(CoreMethods.allMethods)
    }

    static let functions: [Builtin] = [
        Builtin("print(...items, separator = \" \", terminator = \"\\n\")",
                doc: "Prints the items separated by `separator` and followed by `terminator`. Strings print as they are; inside lists they are quoted. Numbers print without \".0\" when whole.") { a in
            let items = try a.list("items")
            let text = items.map(Formatter.display).joined(separator: try a.string("separator")) + (try a.string("terminator"))
            a.interpreter.output(text)
            return .null
        },
        Builtin("error(value)",
                doc: "Raises an error. `catch e` receives `value` (usually a message string); uncaught, the script stops with that message and the call stack.") { a in
            var e = ScriptError(Formatter.display(a["value"]))
            e.thrown = a["value"]
            throw e
        },
        Builtin("assert(condition, message = \"assertion failed\")",
                doc: "Raises an error with `message` when `condition` is false.") { a in
            if try !a.bool("condition") { throw ScriptError(try a.string("message")) }
            return .null
        },
        Builtin("type(value)", doc: "The type of a value as a string: \"number\", \"string\", \"list\", \"dictionary\", \"function\", \"tensor\" ...") { a in
            .string(a["value"].typeName)
        },
        Builtin("string(value)", doc: "The text `print` would show for the value.") { a in
            .string(Formatter.display(a["value"]))
        },
        Builtin("repr(value)", doc: "The value as it would be written in source: strings quoted.") { a in
            .string(Formatter.repr(a["value"]))
        },
        Builtin("number(value)", doc: "Converts a string (or bool) to a number; nil when the string is not a number.") { a in
            switch a["value"] {
            case .number: return a["value"]
            case .bool(let b): return .number(b ? 1 : 0)
            case .string(let s): return Double(s.trimmingWhitespace).map(Value.number) ?? .null
            default: throw a.typeError("value", "a string, number or bool")
            }
        },
        Builtin("format(template, ...values)",
                doc: "printf-style formatting: format(\"%.3f %5d %s %%\", 3.14159, 42, \"ok\"). Supports d i f e g x s with flags, width and precision.") { a in
            .string(try Printf.format(try a.string("template"), try a.list("values"), function: "format"))
        },
        Builtin("abs(x)", doc: "Absolute value.") { a in .number(abs(try a.number("x"))) },
        Builtin("sqrt(x)", doc: "Square root (nan for negative numbers).") { a in .number(Foundation.sqrt(try a.number("x"))) },
        Builtin("exp(x)", doc: "e raised to x.") { a in .number(Foundation.exp(try a.number("x"))) },
        Builtin("log(x)", doc: "Natural logarithm (-inf at 0, nan below).") { a in .number(Foundation.log(try a.number("x"))) },
        Builtin("log2(x)", doc: "Base-2 logarithm.") { a in .number(Foundation.log2(try a.number("x"))) },
        Builtin("log10(x)", doc: "Base-10 logarithm.") { a in .number(Foundation.log10(try a.number("x"))) },
        Builtin("sin(x)", doc: "Sine (radians).") { a in .number(Foundation.sin(try a.number("x"))) },
        Builtin("cos(x)", doc: "Cosine (radians).") { a in .number(Foundation.cos(try a.number("x"))) },
        Builtin("tan(x)", doc: "Tangent (radians).") { a in .number(Foundation.tan(try a.number("x"))) },
        Builtin("pow(x, y)", doc: "x raised to y; the same as x ** y.") { a in .number(Foundation.pow(try a.number("x"), try a.number("y"))) },
        Builtin("floor(x)", doc: "The largest whole number ≤ x.") { a in .number(Foundation.floor(try a.number("x"))) },
        Builtin("ceil(x)", doc: "The smallest whole number ≥ x.") { a in .number(Foundation.ceil(try a.number("x"))) },
        Builtin("round(x, digits = 0)", doc: "Rounds half away from zero, to `digits` decimals.") { a in
            let x = try a.number("x"), digits = try a.int("digits")
            let scale = Foundation.pow(10, Double(digits))
            // A scale of 0 (digits far below zero) rounds everything away; one that overflows x
            // means x has no digits there to round.
            if scale == 0 { return .number(0 * x) }
            guard (x * scale).isFinite else { return .number(x) }
            return .number((x * scale).rounded() / scale)
        },
        Builtin("isnan(x)", doc: "Whether x is nan.") { a in .bool(try a.number("x").isNaN) },
        Builtin("isfinite(x)", doc: "Whether x is neither inf nor nan.") { a in .bool(try a.number("x").isFinite) },
        Builtin("min(...values)", doc: "The smallest of the arguments, or of one list argument.") { a in
            try extreme(a, less: true)
        },
        Builtin("max(...values)", doc: "The largest of the arguments, or of one list argument.") { a in
            try extreme(a, less: false)
        },
        Builtin("sum(values)", doc: "The sum of a list of numbers.") { a in
            .number(try a.numbers("values").reduce(0, +))
        },
        Builtin("mean(values)", doc: "The mean of a non-empty list of numbers.") { a in
            let xs = try a.numbers("values")
            guard !xs.isEmpty else { throw a.error("the list is empty") }
            return .number(xs.reduce(0, +) / Double(xs.count))
        },
        Builtin("zip(a, b)", doc: "Pairs the items of two lists: zip([1, 2], [\"a\", \"b\"]) is [[1, \"a\"], [2, \"b\"]].") { a in
            let xs = try a.list("a"), ys = try a.list("b")
            return .list(ListObject(zip(xs, ys).map { .list(ListObject([$0, $1])) }))
        },
        Builtin("clock()", doc: "Seconds since the session started (monotonic), for timing.") { _ in
            .number(ProcessInfo.processInfo.systemUptime - start)
        },
        Builtin("env(name)", doc: "The value of an environment variable, or nil.") { a in
            ProcessInfo.processInfo.environment[try a.string("name")].map(Value.string) ?? .null
        },
        Builtin("readFile(path)", doc: "The text of a file.") { a in
            let path = try a.string("path")
            guard let data = FileManager.default.contents(atPath: path) else { throw a.error("cannot read '\(path)'") }
            return .string(String(decoding: data, as: UTF8.self))
        },
        Builtin("writeFile(path, text)", doc: "Writes text to a file atomically (a temporary file, then a rename).") { a in
            let path = try a.string("path")
            var isDirectory: ObjCBool = false
            if path.isEmpty || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
                throw a.error("cannot write '\(path)': it is a folder; name a file")
            }
            do {
                try Data(try a.string("text").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw a.error("cannot write '\(path)': \(error.localizedDescription)")
            }
            return .null
        },
        Builtin("exit(code = 0)", doc: "Ends the script with an exit status.") { a in
            let code = try a.int("code")
            guard (0...255).contains(code) else { throw a.error("argument 'code' must be an exit status from 0 to 255, got \(code)") }
            fflush(stdout)
            Foundation.exit(Int32(code))
        },
    ]

    private static func extreme(_ a: Arguments, less: Bool) throws -> Value {
        var items = try a.list("values")
        if items.count == 1 {
            if case .list(let l) = items[0] { items = l.items }
            else if case .range(let r) = items[0] { items = Iteration.rangeItems(r) }
        }
        guard var best = items.first else { throw a.error("needs at least one value") }
        for v in items.dropFirst() {
            if try Ordering.less(v, best, function: a.function.name) == less && v != best { best = v }
        }
        return best
    }
}

/// The ordering used by `sorted`, `min` and `max`: numbers and strings, not mixed.
enum Ordering {
    static func less(_ a: Value, _ b: Value, function: String) throws -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): return x < y
        case let (.string(x), .string(y)): return x < y
        case let (.list(x), .list(y)):
            for (p, q) in zip(x.items, y.items) where p != q { return try less(p, q, function: function) }
            return x.items.count < y.items.count
        default:
            throw ScriptError("\(function)(): cannot compare \(a.typeName) with \(b.typeName)")
        }
    }
}
