import Foundation

/// Where the figures and tables a program shows go: a terminal, image files, or the cell of a
/// notebook being run. The language's builtins (R3Runtime) show through a sink, and the notebook
/// runner (R3Notebook) installs its own as `Display.current` for the length of a run; the two
/// modules do not import each other and meet here.
public protocol DisplaySink: AnyObject {
    /// Shows the figure of `plotter`. Returns text for the caller to write to the program's output
    /// (a text drawing, a line naming the file written, warnings about skipped values), or nil.
    /// - Throws: `PlotError` when the figure cannot be drawn.
    func show(_ plotter: Plotter) throws -> String?

    /// Shows a table. Returns text for the program's output, or nil.
    func show(_ table: Table) -> String?

    /// Tells the sink that the program saved the figure of `plotter` to `path` (savefig), after
    /// the file was written. Returns text for the program's output, or nil.
    func saved(_ plotter: Plotter, to path: String) throws -> String?
}

extension DisplaySink {
    public func saved(_ plotter: Plotter, to path: String) throws -> String? { nil }
}

/// A value that the REPL and the notebook runner show by drawing it (a figure) or as a table,
/// rather than as text, when an input or a cell ends with it.
public protocol DisplayableValue: AnyObject {
    /// Shows the value on `sink`; returns text for the program's output, or nil.
    func display(on sink: DisplaySink) throws -> String?

    /// Drops a show of this value that is waiting for `Display.flush()` (a table made by the same
    /// input), because the caller shows it now.
    func cancelDeferredShow()
}

extension DisplayableValue {
    public func cancelDeferredShow() {}
}

/// The process-wide display state: the sink that overrides every session's own choice, and the
/// shows that wait for the end of a statement (a table made with `table(rows)` is shown unless the
/// program prints it first). Thread-safe.
public enum Display {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var override: DisplaySink?
    nonisolated(unsafe) private static var handlers: [(owner: Weak, flush: () -> Void)] = []

    private final class Weak {
        weak var object: AnyObject?
        init(_ object: AnyObject) { self.object = object }
    }

    /// The sink every session shows on while it is set (a notebook run sets it); nil lets each
    /// session choose (terminal or files, see R3Runtime).
    public static var current: DisplaySink? {
        get { lock.withLock { override } }
        set { lock.withLock { override = newValue } }
    }

    /// Registers a flush handler for as long as `owner` lives: `flush()` calls it. R3Runtime's
    /// sessions register one that shows their pending tables.
    public static func addFlushHandler(owner: AnyObject, _ handler: @escaping () -> Void) {
        lock.withLock {
            handlers.removeAll { $0.owner.object == nil }
            handlers.append((Weak(owner), handler))
        }
    }

    /// Shows everything deferred so far (at the end of a REPL input, of a notebook cell, of a
    /// script, or before something else is shown).
    public static func flush() {
        let live = lock.withLock { handlers.filter { $0.owner.object != nil }.map(\.flush) }
        for handler in live { handler() }
    }
}

/// The lines a sink returns for values a rendering left out:
/// `warning: series 'loss': skipped 3 NaN/inf values`, one per line.
public func warningLines(_ warnings: [String]) -> String {
    warnings.map { "warning: \($0)\n" }.joined()
}
