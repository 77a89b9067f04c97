/// How a series is drawn.
public enum SeriesStyle: Equatable, Sendable {
    case lines
    case points
    case linespoints
    /// A histogram: the series' `y` holds raw values, binned into `bins` equal-width bins over
    /// their finite range (numpy.histogram's rule: the last bin includes its right edge) and drawn
    /// as boxes.
    case histogram(bins: Int)
}

/// Which axes are logarithmic.
public enum LogScale: String, Sendable, CaseIterable {
    case none, x, y, xy

    var x: Bool { self == .x || self == .xy }
    var y: Bool { self == .y || self == .xy }
}

/// An axis range; a nil end is left to gnuplot's autoscale.
public struct AxisRange: Equatable, Sendable {
    public var lower: Double?
    public var upper: Double?

    public init(_ lower: Double?, _ upper: Double?) {
        self.lower = lower
        self.upper = upper
    }
}

/// One curve (or histogram) of a figure.
public struct Series: Sendable {
    /// Shown in the key; nil draws no key entry (or "series N" when several are untitled).
    public var title: String?
    /// x values, one per y; nil means 0, 1, 2, ... (matplotlib's `plot(y)`). Must be nil for a
    /// histogram.
    public var x: [Double]?
    /// y values [n] (for a histogram, the raw values to bin).
    public var y: [Double]
    public var style: SeriesStyle
    /// EMA smoothing weight in [0, 1) as in TensorBoard / W&B; 0 draws the raw values. On image
    /// terminals the raw values are drawn faded behind the smoothed curve.
    public var smoothing: Double

    public init(_ y: [Double], x: [Double]? = nil, title: String? = nil, style: SeriesStyle = .lines,
                smoothing: Double = 0) {
        self.title = title
        self.x = x
        self.y = y
        self.style = style
        self.smoothing = smoothing
    }

    /// A histogram series of `values` in `bins` bins.
    public static func histogram(_ values: [Double], bins: Int = 20, title: String? = nil) -> Series {
        Series(values, title: title, style: .histogram(bins: bins))
    }
}

/// What to draw: the series and the decorations. A value; `Plotter` pairs one with a gnuplot
/// process, and `FigureScript` turns one into gnuplot commands.
public struct Figure: Sendable {
    public var series: [Series]
    public var title: String?
    public var xlabel: String?
    public var ylabel: String?
    public var logscale: LogScale
    public var xrange: AxisRange?
    public var yrange: AxisRange?
    public var grid: Bool
    /// Extra gnuplot commands (from `raw`), replayed after the settings above on every render.
    public var rawCommands: [String]

    public init(series: [Series] = [], title: String? = nil, xlabel: String? = nil, ylabel: String? = nil,
                logscale: LogScale = .none, xrange: AxisRange? = nil, yrange: AxisRange? = nil,
                grid: Bool = false, rawCommands: [String] = []) {
        self.series = series
        self.title = title
        self.xlabel = xlabel
        self.ylabel = ylabel
        self.logscale = logscale
        self.xrange = xrange
        self.yrange = yrange
        self.grid = grid
        self.rawCommands = rawCommands
    }

    /// A figure of metrics-log columns against the step: one series per column, titled by name.
    /// - Throws: `PlotError.unknownSeries` listing the log's columns when a name is not one of them.
    public static func metrics(_ log: MetricsLog, _ columns: [String], smoothing: Double = 0,
                               style: SeriesStyle = .lines) throws -> Figure {
        guard !columns.isEmpty else { throw PlotError.invalidArgument("plot(log, ...) needs at least one column name") }
        var series: [Series] = []
        for name in columns {
            let column = try log.column(name)
            series.append(Series(column.values, x: column.steps.map(Double.init), title: name, style: style,
                                 smoothing: smoothing))
        }
        return Figure(series: series, xlabel: "step", ylabel: columns.count == 1 ? columns[0] : nil)
    }
}
