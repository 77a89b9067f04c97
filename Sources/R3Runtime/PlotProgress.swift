import Foundation
import R3Plot
import R3Script

extension ProgressBar {
    /// A progress bar for work a script started (training, sampling, evaluation): drawn on
    /// standard error when the session runs on a terminal, silent in notebooks, pipes and
    /// sessions whose output is captured. The REPL finishes it at the end of the input if the
    /// caller did not.
    ///
    ///     let bar = ProgressBar.forSession(of: a.interpreter, total: steps, label: "train")
    ///     for step in 1...steps { ...; bar.advance(metrics: [("loss", loss)]) }
    ///     bar.finish()
    ///
    /// - Parameters:
    ///   - total: the number of steps, or nil when unknown (no percentage or ETA then).
    ///   - label: shown before the bar.
    public static func forSession(of interpreter: Interpreter, total: Int?, label: String) -> ProgressBar {
        let session = PlotSession.of(interpreter)
        let onTerminal = Display.current == nil && (session?.reachesTerminal ?? false) && isatty(STDERR_FILENO) == 1
        let bar = ProgressBar(total: total, label: label,
                              output: TerminalOutput(handle: .standardError, isTTY: onTerminal))
        session?.track(bar)
        return bar
    }
}
