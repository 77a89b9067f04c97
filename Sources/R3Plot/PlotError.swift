/// Everything that can go wrong while preparing or rendering a plot, or reading a metrics log.
/// Each case's `description` is a complete sentence for the user: it names the series, column,
/// file (and line) or path involved.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// No gnuplot executable on the given PATH (or at R3_GNUPLOT).
    case gnuplotMissing(searched: String)
    /// gnuplot exists but could not be started.
    case gnuplotUnavailable(String)
    /// gnuplot ran the commands and reported an error; the text is gnuplot's own message.
    case gnuplotError(String)
    /// The gnuplot process died (killed, crashed) or stopped answering; the session restarts on
    /// the next call.
    case gnuplotDied(String)
    /// A series with no values at all.
    case emptySeries(String)
    /// A series whose values were all NaN/inf (or non-positive on a log axis).
    case noPlottableValues(series: String, skipped: Int)
    /// x and y of one series differ in length.
    case lengthMismatch(series: String, x: Int, y: Int)
    /// A metrics column (or series) name that does not exist; `known` lists the ones that do.
    case unknownSeries(String, known: [String])
    /// A plot output path that cannot be written.
    case unwritableOutput(path: String, reason: String)
    /// A file extension that no gnuplot terminal here produces.
    case unsupportedFormat(path: String)
    /// An argument out of its documented range (smoothing weight, bins, size, range ...).
    case invalidArgument(String)
    /// A malformed metrics CSV file: file and 1-based line.
    case malformedCSV(file: String, line: Int, reason: String)
    /// Reading or writing a file failed.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .gnuplotMissing(let searched):
            return "gnuplot was not found (searched PATH: \(searched.isEmpty ? "<empty>" : searched)); "
                + "plots need it: install the package gnuplot-nox (sudo apt-get install gnuplot-nox; "
                + "on macOS: brew install gnuplot), or set R3_GNUPLOT to its path"
        case .gnuplotUnavailable(let message):
            return "cannot start gnuplot: \(message)"
        case .gnuplotError(let message):
            return "gnuplot reported an error: \(message)"
        case .gnuplotDied(let message):
            return "\(message); the next plot starts a new gnuplot"
        case .emptySeries(let name):
            return "series '\(name)' is empty: nothing to plot"
        case .noPlottableValues(let name, let skipped):
            return "series '\(name)' has no plottable values (all \(skipped) were NaN, inf, or not positive on a log axis)"
        case .lengthMismatch(let name, let x, let y):
            return "series '\(name)': x has \(x) values but y has \(y)"
        case .unknownSeries(let name, let known):
            let list = known.isEmpty ? "the log is empty" : "known: \(known.joined(separator: ", "))"
            if let guess = closestName(to: name, in: known) {
                return "unknown series '\(name)' (did you mean '\(guess)'?); \(list)"
            }
            return "unknown series '\(name)'; \(list)"
        case .unwritableOutput(let path, let reason):
            return "cannot write plot to '\(path)': \(reason)"
        case .unsupportedFormat(let path):
            return "cannot save plot to '\(path)': unsupported file extension (use .png, .svg or .pdf)"
        case .invalidArgument(let message):
            return message
        case .malformedCSV(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}

/// The known name nearest to `name` by edit distance, when it is close enough to be a typo.
func closestName(to name: String, in known: [String]) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in known {
        let d = editDistance(Array(name.lowercased()), Array(candidate.lowercased()))
        if d <= max(1, candidate.count / 3), d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.name
}

/// Levenshtein distance between two character arrays.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
