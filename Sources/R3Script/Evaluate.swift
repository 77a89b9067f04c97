/// Running code: programs are compiled to node objects (see Nodes.swift), which evaluate
/// themselves; what they share lives here.
extension Interpreter {
    /// Runs `body`, giving errors that carry no location (from builtins and natives) this one,
    /// and turning domain errors into script errors.
    @inline(__always)
    func located<T>(_ loc: SourceLocation, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var e as ScriptError {
            if e.location == nil { e.location = loc }
            throw e
        } catch {
            throw ScriptError(String(describing: error), at: loc)
        }
    }
}
