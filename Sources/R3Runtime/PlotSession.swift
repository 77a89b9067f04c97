import Foundation
import R3Plot
import R3Script

/// Where a session's figures go when no notebook captures them (`plotOutput(to:)`).
enum PlotDestination: String, CaseIterable {
    /// On a terminal: drawn in it (text, or sixel when the terminal can); elsewhere: files.
    case auto
    /// Always image files, numbered `plot-1.png`, `plot-2.png`, ... in the chosen directory.
    case files
    /// Always text drawings in the output, even when it is not a terminal (logs, CI).
    case terminal
}

/// The plotting state of one interpreter session: where figures go, the figure `plot` draws on,
/// the current figure (`savefig`, `raw`, `show`), the tables waiting to be shown, and the live
/// plots and progress bars to finish at the end of a REPL input.
final class PlotSession {
    weak var interpreter: Interpreter?
    let environment: [String: String]
    var destination = PlotDestination.auto
    /// The directory of automatic plot files; nil means `R3_PLOT_DIR`, else the working directory.
    var directory: String?
    var format = ImageFormat.png
    /// The figure `plot` and `hist` draw on (one gnuplot process for the session).
    let defaultPlotter = Plotter()
    /// The figure `savefig`, `raw` and `show()` act on: the last one drawn, shown or made.
    var current: Plotter?
    private var files: FileDisplay?
    private var pending: [TableObject] = []
    private var pendingOutput: ((String) -> Void)?
    private var restoreOutput: (() -> Void)?
    private var lives: [LiveObject] = []
    private var bars: [ProgressBar] = []

    init(interpreter: Interpreter, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.interpreter = interpreter
        self.environment = environment
        PlotSession.register(self)
        Display.addFlushHandler(owner: self) { [weak self] in self?.flushPending() }
        _ = PlotSession.exitFlush
    }

    /// Tables made and never printed are shown when the session ends (`r3 FILE`: after the last
    /// statement), through the output they were made under.
    deinit {
        guard let output = pendingOutput else { return }
        for table in pending { output(table.table.text) }
        for live in lives { _ = live.finishQuietly() }
    }

    // MARK: - Sessions by interpreter

    private final class Entry {
        weak var session: PlotSession?
        init(_ session: PlotSession) { self.session = session }
    }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sessions: [ObjectIdentifier: Entry] = [:]

    private static func register(_ session: PlotSession) {
        guard let interp = session.interpreter else { return }
        lock.withLock {
            sessions = sessions.filter { $0.value.session != nil }
            sessions[ObjectIdentifier(interp)] = Entry(session)
        }
    }

    /// The session of an interpreter made by `Runtime.makeInterpreter`.
    static func of(_ interp: Interpreter) -> PlotSession? {
        lock.withLock {
            guard let session = sessions[ObjectIdentifier(interp)]?.session, session.interpreter === interp else { return nil }
            return session
        }
    }

    /// `exit(...)` in a script ends the process without unwinding: show pending tables then.
    private static let exitFlush: Void = { atexit { Display.flush() } }()

    // MARK: - Where figures go

    /// The sink figures and tables go to now: the notebook's while one runs, else this session's
    /// choice (see `PlotDestination`).
    func sink() -> DisplaySink {
        if let notebook = Display.current { return notebook }
        let onTerminal = reachesTerminal
        switch destination {
        case .files:
            return fileDisplay()
        case .terminal:
            if onTerminal, case let display = terminalDisplay(onTerminal: true), display != .file { return TerminalDisplay(display) }
            let size = TerminalPolicy.textSize(for: TerminalSize(columns: 80, rows: 24))
            return TerminalDisplay(.text(width: size.width, height: size.height, color: false))
        case .auto:
            let display = terminalDisplay(onTerminal: onTerminal)
            return display == .file ? fileDisplay() : TerminalDisplay(display)
        }
    }

    /// Whether this session prints to the process's standard output and that is a terminal: the
    /// REPL and `r3 FILE` in a terminal, not a pipe, a notebook cell or a test capturing output.
    var reachesTerminal: Bool {
        guard let interp = interpreter, isatty(STDOUT_FILENO) == 1 else { return false }
        return SessionOutput.isStandardOutput(interp)
    }

    private func terminalDisplay(onTerminal: Bool) -> PlotDisplay {
        let size = onTerminal ? TerminalSize.of(fileDescriptor: STDOUT_FILENO) : nil
        let request = environment["R3_PLOT"] ?? ""
        let announced = onTerminal && request.isEmpty && SixelQuery.announced
        return TerminalPolicy.display(isTTY: onTerminal, environment: environment, size: size, sixelAnnounced: announced)
    }

    private func fileDisplay() -> FileDisplay {
        let dir = directory ?? environment["R3_PLOT_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        if let files, files.directory == dir, files.format == format { return files }
        // R3_PLOT_DIR (scripts/run sets out/<script>) is created on first use, as plotOutput(dir:) is.
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let made = FileDisplay(directory: dir, format: format)
        files = made
        return made
    }

    /// Sets where figures go (`plotOutput`); a new directory or format numbers files from 1 again.
    func configure(destination: PlotDestination?, directory: String?, format: ImageFormat?) {
        if let destination { self.destination = destination }
        if let directory { self.directory = directory }
        if let format { self.format = format }
    }

    /// What `plotOutput()` reports.
    var settings: [(String, Value)] {
        let files = fileDisplay()
        return [("to", .string(destination.rawValue)), ("dir", .string(files.directory)),
                ("format", .string(files.format.rawValue)), ("next", .string(files.nextPath))]
    }

    // MARK: - Showing

    /// Shows a figure where figures go now and makes it the current one; writes what the sink
    /// returns (a drawing, the file written, warnings) to the session's output.
    func show(_ plotter: Plotter, _ a: Arguments) throws {
        current = plotter
        flushPending()
        let text: String?
        do { text = try sink().show(plotter) } catch { throw a.error("\(error)") }
        if let text, !text.isEmpty { a.interpreter.output(text) }
    }

    /// Tells the sink a figure was saved (a notebook shows it in the cell).
    func saved(_ plotter: Plotter, to path: String, _ a: Arguments) throws {
        current = plotter
        flushPending()
        let text: String?
        do { text = try sink().saved(plotter, to: path) } catch { throw a.error("\(error)") }
        if let text, !text.isEmpty { a.interpreter.output(text) }
    }

    // MARK: - Tables shown at the end of a statement

    /// Shows `table` unless the program prints it (or reads its text) before its next output:
    /// `table(rows)` alone shows the table once, and so does `print(table(rows))`.
    func deferShow(_ table: TableObject) {
        guard let interp = interpreter else { return }
        pending.append(table)
        guard restoreOutput == nil else { return }
        let original = interp.output
        pendingOutput = original
        interp.output = { [weak self] text in
            self?.flushPending()
            original(text)
        }
        restoreOutput = { [weak interp] in interp?.output = original }
    }

    /// Drops `table` from the pending shows (the program used it itself).
    func cancel(_ table: TableObject) {
        guard let i = pending.firstIndex(where: { $0 === table }) else { return }
        pending.remove(at: i)
        if pending.isEmpty { restore() }
    }

    /// Shows the pending tables in order.
    func flushPending() {
        guard !pending.isEmpty || restoreOutput != nil else { return }
        let tables = pending
        pending = []
        restore()
        guard let interp = interpreter, !tables.isEmpty else { return }
        let sink = sink()
        for table in tables {
            if let text = sink.show(table.table), !text.isEmpty { interp.output(text) }
        }
    }

    private func restore() {
        restoreOutput?()
        restoreOutput = nil
        pendingOutput = nil
    }

    // MARK: - Live plots and progress bars

    func track(_ live: LiveObject) { lives.append(live) }
    func track(_ bar: ProgressBar) { bars.append(bar) }

    /// Finishes the live plots and progress bars started so far (the REPL calls this after each
    /// input, so the next prompt starts below them). Returns the errors met, as lines.
    func finishActivity() -> [String] {
        var errors: [String] = []
        for live in lives {
            if let message = live.finishQuietly() { errors.append(message) }
        }
        lives.removeAll()
        for bar in bars { bar.finish() }
        bars.removeAll()
        return errors
    }
}

/// The standard output of sessions made by `Runtime.makeInterpreter`. It writes like the
/// interpreter's default, and answers a probe (an empty write with the probe flag set on the
/// calling thread), so a session can tell whether its output still reaches the process's stdout
/// or has been replaced by something that captures it (a notebook cell, a test).
enum SessionOutput {
    private static let probeKey = "r3.plot.outputProbe"

    static let standard: (String) -> Void = { text in
        if text.isEmpty {
            if Thread.current.threadDictionary[probeKey] != nil { Thread.current.threadDictionary[probeKey] = true }
            return
        }
        fputs(text, stdout)
    }

    static func isStandardOutput(_ interp: Interpreter) -> Bool {
        let dictionary = Thread.current.threadDictionary
        dictionary[probeKey] = false
        defer { dictionary.removeObject(forKey: probeKey) }
        interp.output("")
        return dictionary[probeKey] as? Bool == true
    }
}

/// Whether the terminal announces sixel graphics (its reply to `ESC [ c`), asked once per process
/// and only when a figure is first drawn on a terminal.
enum SixelQuery {
    static let announced: Bool = {
        guard isatty(STDIN_FILENO) == 1 else { return false }
        fflush(stdout)
        return TerminalPolicy.queryTerminalSixel(input: STDIN_FILENO, output: STDOUT_FILENO)
    }()
}
