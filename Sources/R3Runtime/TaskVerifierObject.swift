import R3Script
import R3Tasks

/// A verifier in the language: a built-in one (`countdown.verifier()`, `regexVerifier(...)` ...) or
/// one written in the language (`verifier(fn(task, output) { ... })`). Every verifier object has
/// `.check(task, output)` returning a verdict dictionary `["passed": ..., "score": ..., "reason": ...]`,
/// can be called as `v(task, output)`, and gives the trainer an R3Tasks `Verifier` (`verifier(in:)`).
///
/// A script verifier returns `true`/`false`, a score in [0, 1] (passed when it is 1), or a dictionary
/// with `passed` and/or `score` and optionally `reason`. Anything else, and any error it raises, is a
/// failure whose reason says so: a script verifier never stops a run (Ctrl-C still does).
final class VerifierObject: NativeObject {
    enum Body {
        /// A built-in verifier and the task kind it reads dictionary records as (nil: detect).
        case native(Verifier, kind: TaskKind?)
        /// A function of the language, called as `check(task, output)`.
        case script(Value)
    }

    let name: String
    let body: Body

    init(name: String, body: Body) {
        self.name = name
        self.body = body
    }

    override var typeName: String { "Verifier" }
    override var description: String { "<Verifier \(name)>" }
    override var methods: [String: Builtin] { Self.methodTable }
    override var memberNames: [String] { ["name"] + Array(Self.methodTable.keys) }

    override func property(_ name: String) throws -> Value? {
        name == "name" ? .string(self.name) : nil
    }

    override var isCallable: Bool { true }

    override func call(_ arguments: [Value], named: [(label: String, value: Value)], interpreter: Interpreter) throws -> Value {
        try interpreter.call(.bound(BoundMethod(receiver: .native(self), method: Self.check)), arguments, named: named)
    }

    static let check = Builtin("check(task, output)", owner: "Verifier",
                               doc: "The verdict for one model output on one task: [\"passed\": bool, \"score\": number in [0, 1], \"reason\": string]. `task` is a Task or a task record (dictionary). A script verifier that raises an error gives a failure whose reason is the error. Calling the verifier, v(task, output), does the same.") { a in
        let v = a.receiver(as: VerifierObject.self)
        return TaskValues.value(try v.verdict(a, "task", output: try a.string("output")))
    }

    static let methodTable: [String: Builtin] = [check.shortName: check]

    /// The verdict for the task argument `name` of a builtin call; errors about the task name the
    /// builtin.
    func verdict(_ a: Arguments, _ name: String, output: String) throws -> Verdict {
        switch body {
        case .native(let verifier, let kind):
            return verifier.verify(try TaskValues.task(a, name, kind: kind, lenient: kind == nil), output)
        case .script:
            return try verdict(a[name], output, interpreter: a.interpreter)
        }
    }

    /// The verdict for a task value (a Task or a record) and an output. Throws only for a task value
    /// that a built-in verifier cannot read, and for an interrupt (Ctrl-C).
    func verdict(_ task: Value, _ output: String, interpreter: Interpreter) throws -> Verdict {
        switch body {
        case .native(let verifier, let kind):
            return verifier.verify(try TaskValues.task(task, kind: kind, lenient: kind == nil), output)
        case .script(let function):
            let result: Value
            do {
                result = try interpreter.call(function, [task, .string(output)])
            } catch let e as ScriptError {
                if e.kind == .interrupt { throw e }
                return .fail(e.message.isEmpty ? "the verifier raised an error" : e.message)
            } catch {
                return .fail("\(error)")
            }
            return Self.verdict(returned: result)
        }
    }

    /// The verdict for a task; a verifier written in the language receives it as a Task object.
    func verdict(_ task: AnyTask, _ output: String, interpreter: Interpreter) throws -> Verdict {
        switch body {
        case .native(let verifier, _): return verifier.verify(task, output)
        case .script: return try verdict(.native(TaskObject(task)), output, interpreter: interpreter)
        }
    }

    /// This verifier as an R3Tasks `Verifier`, for native loops (the trainer). A script verifier
    /// runs in `interpreter`; Ctrl-C during it gives a failure and leaves the interrupt requested, so
    /// the loop's next `Interrupt.check()` stops it.
    func verifier(in interpreter: Interpreter) -> Verifier {
        switch body {
        case .native(let verifier, _): return verifier
        case .script:
            return Verifier(name: name) { [weak interpreter] task, output in
                guard let interpreter else { return .fail("the session of this verifier has ended") }
                do {
                    return try self.verdict(task, output, interpreter: interpreter)
                } catch let e as ScriptError where e.kind == .interrupt {
                    Interrupt.request()
                    return .fail("interrupted")
                }
            }
        }
    }

    /// Reads what a script verifier returned.
    static func verdict(returned value: Value) -> Verdict {
        func score(_ n: Double) -> Double? { n.isNaN || n < 0 || n > 1 ? nil : n }
        switch value {
        case .bool(let b):
            return b ? .pass() : .fail("the verifier returned false")
        case .number(let n):
            guard let s = score(n) else { return .fail("the verifier returned \(Formatter.number(n)), which is not a score in [0, 1]") }
            return s == 1 ? .pass() : .fail("score \(Formatter.number(s))", score: s)
        case .dict(let d):
            var passed: Bool?, value: Double?, reason: String?
            if let p = d["passed"] {
                guard case .bool(let b) = p else { return .fail("the verifier returned \"passed\": \(Formatter.repr(p)), which is not true or false") }
                passed = b
            }
            if let s = d["score"] {
                guard case .number(let n) = s, let v = score(n) else {
                    return .fail("the verifier returned \"score\": \(Formatter.repr(s)), which is not a number in [0, 1]")
                }
                value = v
            }
            if let r = d["reason"], !r.isNil {
                guard case .string(let text) = r else { return .fail("the verifier returned \"reason\": \(Formatter.repr(r)), which is not a string") }
                reason = text
            }
            guard passed != nil || value != nil else {
                let keys = d.keys.map(\.description).joined(separator: ", ")
                return .fail("the verifier returned a dictionary without \"passed\" or \"score\"" + (keys.isEmpty ? "" : " (its keys: \(keys))"))
            }
            let p = passed ?? (value == 1)
            return Verdict(passed: p, score: value ?? (p ? 1 : 0),
                           reason: reason ?? (p ? "correct" : passed == false ? "the verifier returned passed: false" : "score \(Formatter.number(value ?? 0))"))
        default:
            return .fail("the verifier returned \(value.typeName == "nil" ? "nil" : "a \(value.typeName)"); it must return true or false, a score in [0, 1], or a dictionary with \"passed\", \"score\" and \"reason\"")
        }
    }
}
