import Foundation
import R3Plot
import R3Script

/// A figure object (`let f = figure(title: "SFT")`): series added with `f.plot(...)` and
/// `f.hist(...)` accumulate on one figure, which is drawn with `f.show()` or saved with
/// `f.savefig(path)`. It owns its gnuplot process (through `Plotter`).
final class FigureObject: NativeObject, DisplayableValue {
    let plotter: Plotter
    let session: PlotSession

    init(plotter: Plotter, session: PlotSession) {
        self.plotter = plotter
        self.session = session
    }

    override var typeName: String { "Figure" }

    override var description: String {
        let figure = plotter.figure
        let titles = figure.series.enumerated().map { $0.element.title ?? "series \($0.offset + 1)" }
        let name = figure.title.map { " \"\($0)\"" } ?? ""
        let list = titles.isEmpty ? "" : " (\(titles.joined(separator: ", ")))"
        return "<Figure\(name): \(figure.series.count) series\(list)>"
    }

    static let figureProperties = ["title", "xlabel", "ylabel", "logscale", "xrange", "yrange", "grid"]

    override func property(_ name: String) throws -> Value? {
        let figure = plotter.figure
        func text(_ s: String?) -> Value { s.map(Value.string) ?? .null }
        func range(_ r: AxisRange?) -> Value {
            guard let r else { return .null }
            return .list(ListObject([r.lower.map(Value.number) ?? .null, r.upper.map(Value.number) ?? .null]))
        }
        switch name {
        case "title": return text(figure.title)
        case "xlabel": return text(figure.xlabel)
        case "ylabel": return text(figure.ylabel)
        case "logscale": return .string(figure.logscale.rawValue)
        case "xrange": return range(figure.xrange)
        case "yrange": return range(figure.yrange)
        case "grid": return .bool(figure.grid)
        case "series":
            return .list(ListObject(figure.series.enumerated().map { .string($0.element.title ?? "series \($0.offset + 1)") }))
        default: return nil
        }
    }

    override func setProperty(_ name: String, _ value: Value) throws {
        let context = "Figure.\(name)"
        switch name {
        case "title", "xlabel", "ylabel":
            let text: String?
            switch value {
            case .null: text = nil
            case .string(let s): text = s
            default: throw ScriptError("\(context) must be a string or nil, got \(value.typeName)")
            }
            if name == "title" { plotter.figure.title = text } else if name == "xlabel" { plotter.figure.xlabel = text } else { plotter.figure.ylabel = text }
        case "logscale": plotter.figure.logscale = try PlotValues.logscale(value, context)
        case "xrange": plotter.figure.xrange = value.isNil ? nil : try PlotValues.range(value, context)
        case "yrange": plotter.figure.yrange = value.isNil ? nil : try PlotValues.range(value, context)
        case "grid":
            guard case .bool(let b) = value else { throw ScriptError("\(context) must be true or false, got \(value.typeName)") }
            plotter.figure.grid = b
        default:
            throw ScriptError("cannot set '\(name)' on a Figure; its settable properties are \(FigureObject.figureProperties.joined(separator: ", "))")
        }
    }

    override var memberNames: [String] { Array(FigureObject.methodTable.keys) + FigureObject.figureProperties + ["series"] }
    override var methods: [String: Builtin] { FigureObject.methodTable }
    override var count: Int? { plotter.figure.series.count }

    func display(on sink: DisplaySink) throws -> String? {
        session.current = plotter
        return try sink.show(plotter)
    }

    static let methodList: [Builtin] = [
        Builtin("plot(a, b = nil, label = nil, style = \"lines\", smooth = 0, title = nil, xlabel = nil, ylabel = nil, logscale = nil, xrange = nil, yrange = nil, grid = nil)",
                owner: "Figure",
                doc: "Adds series to the figure without drawing it: the same arguments as the global plot (y; x, y; a metrics log and column names; a list of series). Figure options given here change the figure. Draw with f.show(), save with f.savefig(path).") { a in
            let f = a.receiver(as: FigureObject.self)
            let options = try PlotOptions(a)
            let (series, xlabel, ylabel) = try options.series(a)
            var figure = f.plotter.figure
            if figure.series.isEmpty {
                if figure.xlabel == nil { figure.xlabel = xlabel }
                if figure.ylabel == nil { figure.ylabel = ylabel }
            }
            figure.series += series
            options.apply(to: &figure)
            f.plotter.figure = figure
            f.session.current = f.plotter
            return .null
        },
        Builtin("hist(values, bins = 20, label = nil, title = nil, xlabel = nil, ylabel = nil, logscale = nil, xrange = nil, yrange = nil, grid = nil)",
                owner: "Figure",
                doc: "Adds a histogram of `values` in `bins` equal-width bins (numpy.histogram's rule) to the figure without drawing it.") { a in
            let f = a.receiver(as: FigureObject.self)
            let options = try PlotOptions(a)
            f.plotter.figure.series.append(try histogramSeries(a, options))
            options.apply(to: &f.plotter.figure)
            f.session.current = f.plotter
            return .null
        },
        Builtin("raw(command)", owner: "Figure",
                doc: "Runs a gnuplot command on the figure's gnuplot at once (errors show at once) and keeps it: it is replayed after the figure's settings on every later draw. Prints what gnuplot printed. Commands that change the terminal or output, quit, shell or pause are refused.") { a in
            let f = a.receiver(as: FigureObject.self)
            try runRaw(f.plotter, a)
            f.session.current = f.plotter
            return .null
        },
        Builtin("show()", owner: "Figure",
                doc: "Draws the figure where figures go now: on the terminal, to the next plot-N.png file, or into the notebook cell.") { a in
            let f = a.receiver(as: FigureObject.self)
            try f.session.show(f.plotter, a)
            return .null
        },
        Builtin("savefig(path, width = 800, height = 500)", owner: "Figure",
                doc: "Saves the figure to `path`; the extension picks the format: .png, .svg or .pdf. Width and height in pixels (PDF: 100 pixels per inch). The file is written atomically.") { a in
            let f = a.receiver(as: FigureObject.self)
            try saveFigure(f.plotter, f.session, a)
            return .null
        },
        Builtin("clear()", owner: "Figure", doc: "Removes every series, setting and raw command from the figure.") { a in
            let f = a.receiver(as: FigureObject.self)
            f.plotter.figure = Figure()
            return .null
        },
    ]
    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methodList.map { ($0.shortName, $0) })
}

/// A histogram series from `values` and `bins`, checked here so the error names the call.
func histogramSeries(_ a: Arguments, _ options: PlotOptions) throws -> Series {
    guard let values = try PlotValues.numbers(a["values"], "values", in: a) else {
        throw a.error("values must be a list of numbers (or a range, a tensor), got \(a["values"].typeName)")
    }
    if values.isEmpty { throw a.error("values is empty: nothing to plot") }
    let bins = try a.int("bins")
    guard bins >= 1, bins <= 100_000 else { throw a.error("bins: must be between 1 and 100000, got \(bins)") }
    if let label = options.label, label.count != 1 { throw a.error("label: a histogram takes one label, got \(label.count)") }
    return Series.histogram(values, bins: bins, title: options.label?.first)
}

/// `raw(command)` on a plotter: runs it, keeps it, prints what gnuplot printed.
func runRaw(_ plotter: Plotter, _ a: Arguments) throws {
    let printed: String
    do { printed = try plotter.raw(try a.string("command")) } catch let e as ScriptError { throw e } catch { throw a.error("\(error)") }
    let text = printed.trimmingCharacters(in: .newlines)
    if !text.isEmpty { a.interpreter.output(text + "\n") }
}

/// `savefig(path, width:, height:)` on a plotter, then tells the display (a notebook shows it).
func saveFigure(_ plotter: Plotter, _ session: PlotSession, _ a: Arguments) throws {
    let path = try a.string("path")
    let rendering: Rendering
    do {
        rendering = try plotter.savefig(path, width: try a.int("width"), height: try a.int("height"))
    } catch let e as ScriptError { throw e } catch { throw a.error("\(error)") }
    let warnings = warningLines(rendering.warnings)
    if !warnings.isEmpty { a.interpreter.output(warnings) }
    try session.saved(plotter, to: path, a)
}

/// A table (`table(rows)`): shown once where it was made, unless the program prints it or reads
/// its text first (then that is what shows). Its `description` is the aligned text.
final class TableObject: NativeObject, DisplayableValue {
    let table: Table
    weak var session: PlotSession?

    init(_ table: Table, session: PlotSession?) {
        self.table = table
        self.session = session
    }

    override var typeName: String { "Table" }

    /// The aligned text; asking for it means the program shows the table itself.
    override var description: String {
        session?.cancel(self)
        return String(table.text.dropLast())
    }

    override func property(_ name: String) throws -> Value? {
        switch name {
        case "text": session?.cancel(self); return .string(table.text)
        case "markdown": session?.cancel(self); return .string(table.markdown)
        case "header": return .list(ListObject(table.header.map(Value.string)))
        case "count": return .number(Double(table.rows.count))
        default: return nil
        }
    }

    override var memberNames: [String] { ["text", "markdown", "header", "count"] }
    override var count: Int? { table.rows.count }

    override func isEqual(to other: NativeObject) -> Bool {
        guard let other = other as? TableObject else { return false }
        return table == other.table
    }

    func display(on sink: DisplaySink) throws -> String? {
        session?.cancel(self)
        return sink.show(table)
    }

    func cancelDeferredShow() { session?.cancel(self) }
}

/// A live plot (`live(log, ["loss"], every: 10)`): redraws in place on the terminal while a loop
/// adds to the log; draws nothing elsewhere.
final class LiveObject: NativeObject {
    let live: LivePlot
    private var finished = false

    init(_ live: LivePlot) { self.live = live }

    override var typeName: String { "LivePlot" }
    override var description: String {
        "<LivePlot \(live.columns.joined(separator: ", ")) every \(live.every): \(live.frames) frame\(live.frames == 1 ? "" : "s")\(live.output.isTTY ? "" : ", not on a terminal")>"
    }

    override func property(_ name: String) throws -> Value? {
        switch name {
        case "frames": return .number(Double(live.frames))
        case "columns": return .list(ListObject(live.columns.map(Value.string)))
        default: return nil
        }
    }

    override var memberNames: [String] { Array(LiveObject.methodTable.keys) + ["frames", "columns"] }
    override var methods: [String: Builtin] { LiveObject.methodTable }

    /// Stops watching and draws the final frame; returns an error message instead of throwing.
    func finishQuietly() -> String? {
        guard !finished else { return nil }
        finished = true
        do { try live.finish() } catch { return "\(error)" }
        return nil
    }

    static let methodList: [Builtin] = [
        Builtin("finish()", owner: "LivePlot",
                doc: "Stops redrawing and draws the final frame. An unknown column is reported here. The REPL finishes live plots at the end of each input.") { a in
            let l = a.receiver(as: LiveObject.self)
            if let message = l.finishQuietly() { throw a.error(message) }
            return .null
        },
    ]
    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methodList.map { ($0.shortName, $0) })
}

/// A progress bar (`progress(total: 100, label: "eval")`), drawn on standard error on a terminal
/// only, tqdm-style.
final class ProgressObject: NativeObject {
    let bar: ProgressBar
    private(set) var completed = 0

    init(_ bar: ProgressBar) { self.bar = bar }

    override var typeName: String { "Progress" }
    override var description: String {
        let label = bar.label.isEmpty ? "" : " \(bar.label)"
        return "<Progress\(label) \(completed)\(bar.total.map { "/\($0)" } ?? "")>"
    }

    override func property(_ name: String) throws -> Value? {
        switch name {
        case "count": return .number(Double(completed))
        case "total": return bar.total.map { .number(Double($0)) } ?? .null
        default: return nil
        }
    }

    override var memberNames: [String] { Array(ProgressObject.methodTable.keys) + ["count", "total"] }
    override var methods: [String: Builtin] { ProgressObject.methodTable }

    static let methodList: [Builtin] = [
        Builtin("advance(metrics = nil, by = 1)", owner: "Progress",
                doc: "Counts `by` more steps and shows `metrics` (a dictionary of numbers, e.g. [\"loss\": 1.2]) after the bar. A number as the first argument is taken as `by`.") { a in
            let p = a.receiver(as: ProgressObject.self)
            var steps = try a.int("by")
            var metrics: [(String, Double)]?
            switch a["metrics"] {
            case .null: break
            case .number:
                guard !a.isGiven("by") || steps == 1 else { throw a.error("give the step count once: advance(5) or advance(metrics, by: 5)") }
                steps = try a.int("metrics")
            case .dict(let d): metrics = try MetricsValues.pairs(d, a)
            default: throw a.error("argument 'metrics' must be a dictionary of numbers, got \(a["metrics"].typeName)")
            }
            guard steps >= 0 else { throw a.error("by: must be 0 or more, got \(steps)") }
            p.completed += steps
            p.bar.advance(by: steps, metrics: metrics)
            return .null
        },
        Builtin("finish()", owner: "Progress", doc: "Draws the final state and ends the line. The REPL finishes bars at the end of each input.") { a in
            a.receiver(as: ProgressObject.self).bar.finish()
            return .null
        },
    ]
    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methodList.map { ($0.shortName, $0) })
}
