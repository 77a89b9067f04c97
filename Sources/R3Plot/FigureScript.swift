/// Turns a `Figure` into what `Gnuplot.plot` sends: settings (prologue), binary data blocks
/// with their clauses, and the warnings about skipped values. Pure: no process involved.
public struct FigureScript: Sendable {
    /// gnuplot commands before the `plot` command (after `reset`, terminal and output).
    public var settings: [String]
    public var blocks: [PlotBlock]
    /// One line per series that lost values, e.g. "series 'loss': skipped 3 NaN/inf values".
    public var warnings: [String]

    /// gnuplot 5's default line colours, assigned in order so a faded raw curve and its smoothed
    /// curve share a colour.
    static let palette = ["#9400d3", "#009e73", "#56b4e9", "#e69f00", "#f0e442", "#0072b2", "#e51e10", "#000000"]

    /// - Parameters:
    ///   - figure: what to draw.
    ///   - graphic: true for image terminals (colours, line widths, faded raw curves under smoothed
    ///     ones); false for the text terminal (gnuplot's own per-line characters).
    /// - Throws: `PlotError` for an empty figure or series, mismatched x/y, a bad smoothing
    ///   weight, bin count or axis range.
    public init(_ figure: Figure, graphic: Bool, columns: Int? = nil) throws {
        guard !figure.series.isEmpty else { throw PlotError.invalidArgument("nothing to plot: the figure has no series") }
        var settings = ["set encoding utf8"]
        if let title = figure.title { settings.append("set title \(gnuplotQuoted(title))") }
        if let xlabel = figure.xlabel { settings.append("set xlabel \(gnuplotQuoted(xlabel))") }
        if let ylabel = figure.ylabel { settings.append("set ylabel \(gnuplotQuoted(ylabel))") }
        if figure.logscale.x { settings.append("set logscale x") }
        if figure.logscale.y { settings.append("set logscale y") }
        if let range = figure.xrange { settings.append("set xrange \(try rangeText(range, axis: "x", log: figure.logscale.x))") }
        if let range = figure.yrange { settings.append("set yrange \(try rangeText(range, axis: "y", log: figure.logscale.y))") }
        if figure.grid { settings.append("set grid") }
        if figure.series.contains(where: { if case .histogram = $0.style { return true } else { return false } }) {
            settings.append("set style fill solid 0.5 border")
            settings.append("set boxwidth \(graphic ? "0.9" : "1") relative")
            if figure.ylabel == nil, figure.series.allSatisfy({ if case .histogram = $0.style { return true } else { return false } }) {
                settings.append("set ylabel 'count'")
            }
        }
        let untitled = figure.series.filter { $0.title == nil }.count
        let keyed = figure.series.count - untitled + (untitled > 1 ? untitled : 0)
        // Several keyed curves: the key goes under the plot, where it cannot hide them (gnuplot's
        // default, inside the top right, covers rising training curves). On images, `height 1`
        // keeps it clear of the x label.
        if keyed > 1 { settings.append(graphic ? "set key below height 1" : "set key below") }
        settings.append(contentsOf: figure.rawCommands)

        var blocks: [PlotBlock] = []
        var warnings: [String] = []
        for (index, series) in figure.series.enumerated() {
            let name = series.title ?? "series \(index + 1)"
            let key = series.title.map { " title \(gnuplotQuoted($0))" } ?? (untitled > 1 ? " title '\(name)'" : " notitle")
            let color = FigureScript.palette[index % FigureScript.palette.count]
            let prepared = try PreparedSeries(series, name: name, logscale: figure.logscale)
            if prepared.nonFinite > 0 {
                warnings.append("series '\(name)': skipped \(prepared.nonFinite) NaN/inf value\(prepared.nonFinite == 1 ? "" : "s")")
            }
            if prepared.nonPositive > 0 {
                warnings.append("series '\(name)': skipped \(prepared.nonPositive) value\(prepared.nonPositive == 1 ? "" : "s") not positive on the logarithmic axis")
            }
            var style: String
            switch series.style {
            case .lines: style = graphic ? " with lines lw 1.5" : " with lines"
            case .points: style = graphic ? " with points pt 7 ps 0.5" : " with points"
            case .linespoints: style = graphic ? " with linespoints lw 1.5 pt 7 ps 0.5" : " with linespoints"
            case .histogram: style = " with boxes"
            }
            if graphic { style += " lc rgb '\(color)'" }
            func block(_ y: [Double], _ clause: String, line: Bool) -> PlotBlock {
                guard line, let columns else { return PlotBlock(x: prepared.x, y: y, clause: clause) }
                let thin = decimateM4(x: prepared.x, y: y, buckets: 4 * columns, logarithmic: figure.logscale.x)
                return PlotBlock(x: thin.x, y: thin.y, clause: clause)
            }
            let isLines = series.style == .lines
            if let smoothed = prepared.smoothed {
                if graphic {
                    // W&B / TensorBoard look: the raw curve faded behind the smoothed one.
                    let faded = "#B0" + color.dropFirst()
                    blocks.append(block(prepared.y, " with lines lw 1 lc rgb '\(faded)' notitle", line: true))
                }
                blocks.append(block(smoothed, style + key, line: isLines))
            } else {
                blocks.append(block(prepared.y, style + key, line: isLines))
            }
        }
        self.settings = settings
        self.blocks = blocks
        self.warnings = warnings
    }
}

/// One series after dropping unplottable points, binning (histograms) and smoothing.
struct PreparedSeries {
    var x: [Double] = []
    var y: [Double] = []
    var smoothed: [Double]?
    var nonFinite = 0
    var nonPositive = 0

    init(_ series: Series, name: String, logscale: LogScale) throws {
        if case .histogram(let bins) = series.style {
            guard series.x == nil else {
                throw PlotError.invalidArgument("series '\(name)': a histogram takes values only, not x and y")
            }
            let histogram = try Histogram(series.y, bins: bins, name: name)
            nonFinite = histogram.skipped
            for (center, count) in zip(histogram.centers, histogram.counts) {
                if logscale.y && count == 0 { continue }  // an empty bin has no height on a log axis
                if logscale.x && center <= 0 { nonPositive += 1; continue }
                x.append(center)
                y.append(Double(count))
            }
            if x.isEmpty { throw PlotError.noPlottableValues(series: name, skipped: series.y.count) }
            return
        }
        guard !series.y.isEmpty else { throw PlotError.emptySeries(name) }
        if let xs = series.x, xs.count != series.y.count {
            throw PlotError.lengthMismatch(series: name, x: xs.count, y: series.y.count)
        }
        x.reserveCapacity(series.y.count)
        y.reserveCapacity(series.y.count)
        for i in 0..<series.y.count {
            let xv = series.x?[i] ?? Double(i)
            let yv = series.y[i]
            if !xv.isFinite || !yv.isFinite { nonFinite += 1; continue }
            if (logscale.x && xv <= 0) || (logscale.y && yv <= 0) { nonPositive += 1; continue }
            x.append(xv)
            y.append(yv)
        }
        if x.isEmpty { throw PlotError.noPlottableValues(series: name, skipped: nonFinite + nonPositive) }
        if series.smoothing != 0 {
            smoothed = try exponentialMovingAverage(y, weight: series.smoothing)
        }
    }
}

/// A gnuplot single-quoted string: no escapes inside, a quote is doubled.
func gnuplotQuoted(_ text: String) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    return "'" + flat.replacingOccurrences(of: "'", with: "''") + "'"
}

/// `[lower:upper]` with `*` for an open end.
func rangeText(_ range: AxisRange, axis: String, log: Bool) throws -> String {
    for bound in [range.lower, range.upper].compactMap({ $0 }) {
        guard bound.isFinite else { throw PlotError.invalidArgument("\(axis) range: bounds must be finite, got \(bound)") }
        if log && bound <= 0 {
            throw PlotError.invalidArgument("\(axis) range: bounds must be positive on a logarithmic axis, got \(bound)")
        }
    }
    if let lower = range.lower, let upper = range.upper, lower == upper {
        throw PlotError.invalidArgument("\(axis) range: lower and upper bounds are both \(lower)")
    }
    return "[\(range.lower.map { "\($0)" } ?? "*"):\(range.upper.map { "\($0)" } ?? "*")]"
}
