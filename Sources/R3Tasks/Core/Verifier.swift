import Foundation

/// A verifier: turns (task, model output) into a `Verdict`.
///
/// Built-ins: `countdown`, `functionCalling`, `regex`, `exactMatch`. The binding layer adds verifiers
/// written in the language with `Verifier(name:_:)`: the closure may throw, and a throw counts as a
/// failure whose reason is the error's description. `verify` never throws and never traps.
///
/// `Verifier` is not `Sendable`: a custom closure may capture interpreter state. The built-in
/// `CountdownVerifier` and `FunctionCallingVerifier` values are `Sendable` and can be shared across
/// threads.
public struct Verifier {
    /// A short name for logs ("countdown", "regex", or the custom name).
    public let name: String
    private let body: (AnyTask, String) throws -> Verdict

    /// A custom verifier.
    public init(name: String, _ body: @escaping (AnyTask, String) throws -> Verdict) {
        self.name = name
        self.body = body
    }

    /// The verdict; a thrown error becomes a failure with the error as the reason.
    public func verify(_ task: AnyTask, _ output: String) -> Verdict {
        do {
            return try body(task, output)
        } catch {
            let text = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
            return .fail(text.isEmpty ? "the verifier failed" : text)
        }
    }

    /// The Countdown verifier; fails (with a reason) on a task of another kind.
    public static func countdown(_ v: CountdownVerifier = CountdownVerifier()) -> Verifier {
        Verifier(name: "countdown") { task, output in
            guard case .countdown(let t) = task else { return .fail("the countdown verifier was given a \(task.kind.rawValue) task") }
            return v.verify(t, output)
        }
    }

    /// The function-calling verifier; fails (with a reason) on a task of another kind.
    public static func functionCalling(_ v: FunctionCallingVerifier = FunctionCallingVerifier()) -> Verifier {
        Verifier(name: "function_calling") { task, output in
            guard case .functionCalling(let t) = task else { return .fail("the function-calling verifier was given a \(task.kind.rawValue) task") }
            return v.verify(t, output)
        }
    }

    /// Passes when `pattern` (ICU syntax, as NSRegularExpression) matches the whole output
    /// (`fullMatch`, as Python's `re.fullmatch`) or somewhere in it. Throws when the pattern does not
    /// compile. The pattern is the caller's: a pathological one can backtrack for a long time.
    public static func regex(_ pattern: String, fullMatch: Bool = true) throws -> Verifier {
        let re: NSRegularExpression
        do {
            _ = try NSRegularExpression(pattern: pattern, options: [])
            re = try NSRegularExpression(pattern: fullMatch ? "\\A(?:" + pattern + ")\\z" : pattern, options: [])
        } catch {
            throw VerifierError(message: "invalid regular expression \(JSONSerializer.quoted(pattern))")
        }
        return Verifier(name: "regex") { _, output in
            let range = NSRange(location: 0, length: (output as NSString).length)
            if re.firstMatch(in: output, options: [], range: range) != nil { return .pass() }
            return .fail(fullMatch ? "the output does not match \(JSONSerializer.quoted(abbreviated(pattern)))"
                                   : "the output contains no match for \(JSONSerializer.quoted(abbreviated(pattern)))")
        }
    }

    /// Passes when the output equals the expected text: `expected` when given, else the task's
    /// reference answer (a `.text` task's `answer`). With `normalizeWhitespace`, both sides are compared
    /// trimmed and with inner whitespace runs collapsed to one space.
    public static func exactMatch(expected: String? = nil, normalizeWhitespace: Bool = true) -> Verifier {
        Verifier(name: "exact_match") { task, output in
            let reference: String
            if let expected {
                reference = expected
            } else if case .text(let t) = task, let a = t.answer {
                reference = a
            } else {
                return .fail("exact match needs an expected answer: the task has no \"answer\"")
            }
            let a = normalizeWhitespace ? collapsingWhitespace(output) : output
            let b = normalizeWhitespace ? collapsingWhitespace(reference) : reference
            return a == b ? .pass() : .fail("expected \(JSONSerializer.quoted(abbreviated(b))), got \(JSONSerializer.quoted(abbreviated(a)))")
        }
    }
}

/// A verifier could not be built.
public struct VerifierError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
