import Foundation

/// A progress bar for long operations, drawn in place on one terminal line, tqdm-style:
///
///     train  42%|████▏     | 420/1000 [00:12<00:17, 34.2 it/s] loss=1.234 reward=0.3
///
/// Steps, rate, ETA and the latest metrics. Only on a terminal (nothing is written otherwise);
/// colour only without NO_COLOR; redraws at most once per `minimumInterval` seconds (and always
/// at the end). Thread-safe.
public final class ProgressBar: @unchecked Sendable {
    public let total: Int?
    public let label: String
    public let output: TerminalOutput
    public let minimumInterval: Double

    private let lock = NSLock()
    private let color: Bool
    private let unicode: Bool
    private let clock: @Sendable () -> Double
    private let start: Double
    private var completed = 0
    private var metrics: [(String, Double)] = []
    private var lastDraw = -Double.infinity
    private var finished = false
    private var draws = 0

    /// - Parameters:
    ///   - total: the number of steps, or nil when unknown (then no percentage or ETA).
    ///   - label: shown first.
    ///   - environment: for NO_COLOR and TERM (TERM=dumb: ASCII bar, no colour).
    ///   - clock: monotonic seconds (tests pass their own).
    public init(total: Int?, label: String = "", output: TerminalOutput,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                minimumInterval: Double = 0.1, clock: @escaping @Sendable () -> Double = monotonicSeconds) {
        self.total = total.map { max(0, $0) }
        self.label = label
        self.output = output
        self.minimumInterval = minimumInterval
        self.color = TerminalPolicy.usesColor(environment: environment)
        self.unicode = environment["TERM"] != "dumb"
        self.clock = clock
        self.start = clock()
    }

    /// How many times the bar was written (for tests of the throttle).
    public var redraws: Int { lock.withLock { draws } }

    /// Adds `steps` completed steps and replaces the shown metrics (when given).
    public func advance(by steps: Int = 1, metrics: [(String, Double)]? = nil) {
        lock.withLock {
            completed += max(0, steps)
            if let metrics { self.metrics = metrics }
            redrawIfDue()
        }
    }

    /// Sets the completed count and metrics.
    public func update(completed: Int, metrics: [(String, Double)]? = nil) {
        lock.withLock {
            self.completed = max(0, completed)
            if let metrics { self.metrics = metrics }
            redrawIfDue()
        }
    }

    /// Draws the final state and ends the line. Further calls do nothing.
    public func finish() {
        lock.withLock {
            guard !finished else { return }
            finished = true
            guard output.isTTY else { return }
            output.write("\r" + line(now: clock()) + ANSI.clearToEndOfLine + "\n")
            draws += 1
        }
    }

    /// The bar's text at time `now` (no control codes other than colour), fitted to the terminal.
    public func line(now: Double) -> String {
        let elapsed = max(0, now - start)
        let rate = elapsed > 0 ? Double(completed) / elapsed : 0
        let rateText = rate >= 1 || rate == 0 ? String(format: "%.2f it/s", rate) : String(format: "%.2f s/it", 1 / rate)
        let metricText = metrics.map { "\($0.0)=\(formatMetric($0.1))" }.joined(separator: " ")
        let prefix = label.isEmpty ? "" : label + " "
        var line: String
        var plainBar = "\u{0}"
        let columns = output.size?.columns ?? 80
        if let total, total > 0 {
            let fraction = min(1, Double(completed) / Double(total))
            let remaining = rate > 0 ? Double(max(0, total - completed)) / rate : nil
            let percent = String(format: "%3d%%", Int(fraction * 100))
            let stats = " \(completed)/\(total) [\(clockText(elapsed))<\(remaining.map(clockText) ?? "?"), \(rateText)]"
                + (metricText.isEmpty ? "" : " " + metricText)
            let barWidth = max(10, min(40, columns - 1 - prefix.count - percent.count - 2 - stats.count))
            plainBar = bar(fraction, width: barWidth)
            line = prefix + percent + "|" + plainBar + "|" + stats
        } else {
            line = prefix + "\(completed) it [\(clockText(elapsed)), \(rateText)]" + (metricText.isEmpty ? "" : " " + metricText)
        }
        if line.count > columns - 1 { line = String(line.prefix(max(1, columns - 1))) }
        if color, let range = line.range(of: "|" + plainBar + "|") {
            line.replaceSubrange(range, with: "|" + ANSI.green + plainBar + ANSI.reset + "|")
        }
        return line
    }

    private func redrawIfDue() {
        guard output.isTTY, !finished else { return }
        let now = clock()
        let done = total.map { completed >= $0 } ?? false
        guard now - lastDraw >= minimumInterval || (done && draws == 0) else { return }
        lastDraw = now
        draws += 1
        output.write("\r" + line(now: now) + ANSI.clearToEndOfLine)
    }

    private func bar(_ fraction: Double, width: Int) -> String {
        let cells = fraction * Double(width)
        var full = Int(cells)
        full = min(full, width)
        guard unicode else { return String(repeating: "#", count: full) + String(repeating: " ", count: width - full) }
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let partial = full < width ? partials[min(7, Int((cells - Double(full)) * 8))] : ""
        return String(repeating: "█", count: full) + partial
            + String(repeating: " ", count: width - full - (partial.isEmpty ? 0 : 1))
    }
}

/// `mm:ss`, or `h:mm:ss` from an hour on.
func clockText(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%02d:%02d", s / 60, s % 60)
}

/// Four significant digits, integers without a decimal point.
func formatMetric(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.4g", value)
}
