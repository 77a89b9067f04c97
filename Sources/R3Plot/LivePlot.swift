import Foundation

/// A text plot of metrics-log columns that redraws in place during a long loop, on a terminal
/// only: `live(log, ["loss"], every: 10)`. Every `every` new records (and at most once per
/// `minimumInterval` seconds) it re-renders with gnuplot's `dumb` terminal, moves the cursor up
/// over the previous frame, clears, and draws the new one. Off a terminal it draws nothing.
///
/// Columns that have no value yet are left out until they appear; `finish()` reports a column
/// that never appeared. Errors during a redraw (gnuplot died ...) are written once as a line and
/// kept in `lastError`; the loop being watched is never interrupted.
public final class LivePlot: @unchecked Sendable {
    public let log: MetricsLog
    public let columns: [String]
    public let every: Int
    public let smoothing: Double
    public let output: TerminalOutput
    public let minimumInterval: Double
    /// Frames drawn so far.
    public var frames: Int { lock.withLock { drawnFrames } }
    /// The last error met while redrawing, if any.
    public var lastError: PlotError? { lock.withLock { error } }

    private let lock = NSLock()
    private let gnuplot: Gnuplot
    private let width: Int
    private let height: Int
    private let color: Bool
    private let clock: @Sendable () -> Double
    private var drawnFrames = 0
    private var linesOnScreen = 0
    private var recordsAtLastDraw = 0
    private var lastDraw = -Double.infinity
    private var error: PlotError?
    private var reportedError = false
    private var token: MetricsLog.ObserverToken?

    /// - Parameters:
    ///   - every: redraw after this many new records (>= 1).
    ///   - size: text size in characters; default fits `output.size` (see `TerminalPolicy.textSize`).
    ///   - environment: for NO_COLOR / TERM.
    ///   - minimumInterval: seconds between redraws at least (throttle).
    ///   - clock: monotonic seconds (tests pass their own).
    /// - Throws: `PlotError.invalidArgument` for `every` < 1, no columns, or a bad smoothing weight.
    public init(log: MetricsLog, columns: [String], every: Int = 10, smoothing: Double = 0,
                output: TerminalOutput, size: (width: Int, height: Int)? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                gnuplot: Gnuplot = Gnuplot(), minimumInterval: Double = 0.1,
                clock: @escaping @Sendable () -> Double = monotonicSeconds) throws {
        guard every >= 1 else { throw PlotError.invalidArgument("every must be at least 1, got \(every)") }
        guard !columns.isEmpty else { throw PlotError.invalidArgument("a live plot needs at least one column name") }
        _ = try exponentialMovingAverage([], weight: smoothing)
        self.log = log
        self.columns = columns
        self.every = every
        self.smoothing = smoothing
        self.output = output
        self.gnuplot = gnuplot
        self.minimumInterval = minimumInterval
        self.clock = clock
        let fitted = TerminalPolicy.textSize(for: output.size ?? TerminalSize(columns: 80, rows: 24))
        self.width = size?.width ?? fitted.width
        self.height = size?.height ?? fitted.height
        self.color = TerminalPolicy.usesColor(environment: environment)
    }

    /// Redraws after every `add` to the log (on the adding thread) until `finish()`.
    public func attach() {
        lock.withLock {
            guard token == nil else { return }
            token = log.addObserver { [weak self] _ in self?.update() }
        }
    }

    /// Redraws when due: `every` new records since the last frame and `minimumInterval` passed.
    /// Returns whether a frame was drawn.
    @discardableResult
    public func update() -> Bool {
        lock.withLock {
            guard output.isTTY else { return false }
            let count = log.count
            guard count - recordsAtLastDraw >= every, clock() - lastDraw >= minimumInterval else { return false }
            return draw(count: count)
        }
    }

    /// Stops watching the log and draws the final frame (on a terminal).
    /// - Throws: `PlotError.unknownSeries` for a column that never appeared in the log.
    public func finish() throws {
        let registered: MetricsLog.ObserverToken? = lock.withLock {
            defer { token = nil }
            return token
        }
        if let registered { log.removeObserver(registered) }
        let known = log.columns
        if let missing = columns.first(where: { !known.contains($0) }) {
            throw PlotError.unknownSeries(missing, known: known)
        }
        lock.withLock {
            if output.isTTY, log.count > recordsAtLastDraw || drawnFrames == 0 { _ = draw(count: log.count) }
        }
    }

    /// Renders and writes one frame; the lock is held.
    private func draw(count: Int) -> Bool {
        let known = log.columns
        let present = columns.filter { known.contains($0) }
        guard !present.isEmpty else { return false }
        do {
            var figure = try Figure.metrics(log, present, smoothing: smoothing)
            figure.title = present.joined(separator: ", ") + "  (step \(log.last?.step ?? 0))"
            guard let text = try gnuplot.render(figure, to: .text(width: width, height: height, color: color)).text else { return false }
            let frame = ANSI.cursorUp(linesOnScreen) + "\r" + ANSI.clearToEndOfScreen + text
            output.write(frame)
            linesOnScreen = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            drawnFrames += 1
            recordsAtLastDraw = count
            lastDraw = clock()
            return true
        } catch let failure as PlotError {
            error = failure
            recordsAtLastDraw = count
            lastDraw = clock()
            if !reportedError {
                reportedError = true
                output.write("live plot: \(failure)\n")
                linesOnScreen = 0
            }
            return false
        } catch {
            return false
        }
    }
}
