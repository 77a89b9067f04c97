import Foundation

/// A figure as the language sees it: the current `Figure` plus its own persistent gnuplot
/// process, in the spirit of Torch7's gnuplot package. `plot` / `hist` start a new drawing,
/// the setters change the current one, `show` draws it on the terminal and `savefig` to a file.
public final class Plotter {
    public var figure: Figure
    public let gnuplot: Gnuplot

    public init(figure: Figure = Figure(), gnuplot: Gnuplot = Gnuplot()) {
        self.figure = figure
        self.gnuplot = gnuplot
    }

    /// Starts a new drawing of `series` (`plot(y)`, `plot(x, y)`); earlier settings and raw
    /// commands are dropped, as a new plot in Torch7 starts afresh.
    public func plot(_ series: [Series], title: String? = nil, xlabel: String? = nil, ylabel: String? = nil) {
        figure = Figure(series: series, title: title, xlabel: xlabel, ylabel: ylabel)
    }

    /// Starts a new drawing of metrics-log columns against the step (`plot(log, "reward")`).
    /// - Throws: `PlotError.unknownSeries` listing the log's columns.
    public func plot(_ log: MetricsLog, _ columns: [String], smoothing: Double = 0, title: String? = nil) throws {
        figure = try Figure.metrics(log, columns, smoothing: smoothing)
        figure.title = title
    }

    /// Starts a new histogram of `values` in `bins` bins (`hist(values, bins: 20)`).
    public func hist(_ values: [Double], bins: Int = 20, title: String? = nil) {
        figure = Figure(series: [Series.histogram(values, bins: bins)], title: title)
    }

    /// Validates and runs a raw gnuplot command; it is kept with the figure and replayed on each
    /// later draw (`raw("set key left")`). Returns what gnuplot printed.
    @discardableResult
    public func raw(_ command: String) throws -> String {
        let printed = try gnuplot.runRaw(command)
        figure.rawCommands.append(command)
        return printed
    }

    /// Draws the figure where `display` says; nil for `.file` (the caller saves instead).
    public func show(on display: PlotDisplay) throws -> Rendering? {
        guard let target = display.target else { return nil }
        return try gnuplot.render(figure, to: target)
    }

    /// Saves the figure to `path` (.png, .svg, .pdf), atomically.
    @discardableResult
    public func savefig(_ path: String, width: Int = RenderTarget.defaultImageSize.width,
                        height: Int = RenderTarget.defaultImageSize.height) throws -> Rendering {
        try gnuplot.render(figure, to: .file(path: path, width: width, height: height))
    }

    /// The figure as PNG bytes (for notebooks), with its text drawing as the fallback.
    public func png(width: Int = RenderTarget.defaultImageSize.width,
                    height: Int = RenderTarget.defaultImageSize.height) throws -> Rendering {
        try gnuplot.render(figure, to: .image(.png, width: width, height: height))
    }

    /// Stops the gnuplot process.
    public func close() { gnuplot.close() }
}
