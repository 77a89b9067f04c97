/// One frame of a runtime call stack: the function and the place it was called from.
public struct StackEntry: Sendable {
    public let function: String
    public let location: SourceLocation?
    /// How many times in a row this same call appears (deep recursion is shown once).
    public var repeats = 1

    public init(function: String, location: SourceLocation?) {
        self.function = function
        self.location = location
    }

    func isSameCall(as other: StackEntry) -> Bool {
        function == other.function && location?.offset == other.location?.offset && location?.fileID == other.location?.fileID
    }
}

/// Every error the language reports: syntax errors, runtime errors, interrupts and errors raised by
/// scripts with `error(...)`. Rendering lives in one place, `Diagnostics`.
public struct ScriptError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case syntax, runtime, interrupt }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation?
    /// Innermost call first.
    public var stack: [StackEntry] = []
    /// The value given to `error(value)`; `catch e` binds it. Nil for errors raised by the runtime.
    public var thrown: Value?
    /// Further syntax errors found in the same parse (reported together).
    public var more: [ScriptError] = []

    public init(_ message: String, kind: Kind = .runtime, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public static func interrupted() -> ScriptError { ScriptError("interrupted", kind: .interrupt) }

    /// All the errors in this report (this one first).
    public var all: [ScriptError] { [self] + more }

    public var description: String { Diagnostics.render(self, color: false) }

    /// Records that the error passed out of a call; repeated calls fold into one entry.
    mutating func addFrame(_ entry: StackEntry) {
        if let last = stack.last, last.isSameCall(as: entry) {
            stack[stack.count - 1].repeats += 1
        } else if stack.count < 200 {
            stack.append(entry)
        }
    }
}
