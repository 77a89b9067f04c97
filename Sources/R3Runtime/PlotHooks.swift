import Foundation
import R3Plot
import R3Script

extension Runtime {
    /// Called by the REPL with the value an input ended with, before echoing it. Shows the tables
    /// made and not printed during the input; a figure or table value is shown where figures go
    /// (drawn on the terminal) and the REPL must not echo it: then the result is true.
    /// - Throws: a `ScriptError` when drawing fails (gnuplot missing, ...).
    public static func displayResult(_ value: Value?, in interpreter: Interpreter) throws -> Bool {
        guard let session = PlotSession.of(interpreter) else { return false }
        guard case .native(let object as DisplayableValue)? = value else {
            session.flushPending()
            return false
        }
        object.cancelDeferredShow()
        session.flushPending()
        do {
            if let text = try object.display(on: session.sink()), !text.isEmpty { interpreter.output(text) }
        } catch let e as ScriptError {
            throw e
        } catch {
            throw ScriptError("\(error)")
        }
        return true
    }

    /// Called by the REPL after each input (also after an error or Ctrl-C): shows pending tables,
    /// finishes live plots and progress bars, so the next prompt starts below them. Returns error
    /// lines to report (a live plot's column that never appeared).
    public static func finishInput(_ interpreter: Interpreter) -> [String] {
        guard let session = PlotSession.of(interpreter) else { return [] }
        session.flushPending()
        return session.finishActivity()
    }
}
