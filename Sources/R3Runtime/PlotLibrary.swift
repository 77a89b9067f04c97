import Foundation
import R3Plot
import R3Script

/// Binds R3Plot into the language: `plot`, `hist`, `savefig`, `raw`, `show`, `figure`, `table`,
/// `live`, `progress`, `plotOutput`, and (MetricsLibrary) `metrics`. See docs/plotting.md.
enum PlotLibrary {
    static func install(into interp: Interpreter) {
        interp.output = SessionOutput.standard
        let session = PlotSession(interpreter: interp)
        for builtin in functions(session) { interp.define(builtin) }
        interp.registerHelp(FigureObject.methodList + LiveObject.methodList + ProgressObject.methodList)
        MetricsLibrary.install(into: interp)
    }

    static let figureOptions = "title = nil, xlabel = nil, ylabel = nil, logscale = nil, xrange = nil, yrange = nil, grid = nil"

    static func functions(_ session: PlotSession) -> [Builtin] {
        [
            Builtin("plot(a, b = nil, label = nil, style = \"lines\", smooth = 0, \(figureOptions))",
                    doc: "Draws a new figure: plot(y) against 0, 1, 2, ...; plot(x, y); plot(log, \"reward\") or plot(log, [\"loss\", \"kl\"]) for metrics columns against the step; plot([y1, y2]) or plot(x, [y1, y2]) for several series. y may be a list, a range or a tensor. label: names the series (a string or one per series); style: \"lines\", \"points\" or \"linespoints\"; smooth: the EMA weight in [0, 1) (TensorBoard's smoothing); title, xlabel, ylabel; logscale: \"x\", \"y\", \"xy\" or true (y); xrange/yrange: [lower, upper] with nil for an open end; grid: true. On a terminal the figure is drawn there; otherwise it is saved as plot-N.png and the path printed (see plotOutput); in a notebook it goes into the cell. NaN and inf are skipped with a warning.") { a in
                let options = try PlotOptions(a)
                let (series, xlabel, ylabel) = try options.series(a)
                var figure = Figure(series: series, xlabel: xlabel, ylabel: ylabel)
                options.apply(to: &figure)
                session.defaultPlotter.figure = figure
                try session.show(session.defaultPlotter, a)
                return .null
            },
            Builtin("hist(values, bins = 20, label = nil, \(figureOptions))",
                    doc: "Draws a histogram of `values` (a list or tensor) in `bins` equal-width bins over their range (numpy.histogram's rule: the last bin includes its right edge). NaN and inf are skipped with a warning. Shown like plot.") { a in
                let options = try PlotOptions(a)
                var figure = Figure(series: [try histogramSeries(a, options)])
                options.apply(to: &figure)
                session.defaultPlotter.figure = figure
                try session.show(session.defaultPlotter, a)
                return .null
            },
            Builtin("savefig(path, width = 800, height = 500)",
                    doc: "Saves the current figure (the last one drawn by plot or hist, or the figure object last used) to `path`; the extension picks the format: .png, .svg or .pdf. Width and height in pixels (PDF: 100 pixels per inch). The file is written atomically. In a notebook the figure also appears in the cell.") { a in
                guard let plotter = session.current else {
                    throw a.error("there is no figure to save yet: draw one with plot(...) or hist(...), or use a figure object's f.savefig(path)")
                }
                try saveFigure(plotter, session, a)
                return .null
            },
            Builtin("raw(command)",
                    doc: "Runs a gnuplot command on the current figure's gnuplot at once and keeps it: it is replayed after the figure's settings on every later draw (show() redraws). Prints what gnuplot printed: raw(\"print GPVAL_VERSION\"). A new plot(...) starts afresh without it. Commands that change the terminal or output, quit, shell or pause are refused.") { a in
                try runRaw(session.current ?? session.defaultPlotter, a)
                session.current = session.current ?? session.defaultPlotter
                return .null
            },
            Builtin("show(value = nil)",
                    doc: "Shows a figure or a table where they go now (terminal, files, notebook cell); without an argument, redraws the current figure (after raw commands, say). In a notebook, show(t) puts table t in the cell as a Markdown table.") { a in
                switch a["value"] {
                case .null:
                    guard let plotter = session.current else { throw a.error("there is no figure to show yet: draw one with plot(...) or hist(...)") }
                    try session.show(plotter, a)
                case .native(let figure as FigureObject):
                    try session.show(figure.plotter, a)
                case .native(let table as TableObject):
                    session.flushPending()
                    let text = try table.display(on: session.sink())
                    if let text, !text.isEmpty { a.interpreter.output(text) }
                default:
                    throw a.error("argument 'value' must be a figure or a table, got \(a["value"].typeName)")
                }
                return .null
            },
            Builtin("figure(\(figureOptions))",
                    doc: "A new figure object that collects series: f.plot(...) and f.hist(...) add to it without drawing, f.show() draws it, f.savefig(path) saves it, f.raw(command) adds a gnuplot command. Its title, xlabel, ylabel, logscale, xrange, yrange and grid are properties you can set. It becomes the current figure (savefig, raw, show).") { a in
                let options = try PlotOptions(a)
                let plotter = Plotter()
                options.apply(to: &plotter.figure)
                session.current = plotter
                return .native(FigureObject(plotter: plotter, session: session))
            },
            Builtin("table(rows, header = nil)",
                    doc: "A table from rows: a list of dictionaries (columns in order of first appearance; header: picks and orders them), a list of lists with header: [names], or a metrics log (one row per step). Shown once where it is made, as aligned text (a Markdown table in a notebook), unless the program prints it first: print(table(rows)) prints the text once. t.text, t.markdown, t.header, t.count.") { a in
                let table = try makeTable(a)
                let object = TableObject(table, session: session)
                session.deferShow(object)
                return .native(object)
            },
            Builtin("live(log, columns, every = 10, smooth = 0)",
                    doc: "Draws metrics columns of `log` on the terminal and redraws them in place every `every` new records while a loop adds to the log (at most ten times a second). Does nothing when the output is not a terminal (pipes, files, notebooks). Returns a live plot; lp.finish() draws the final frame (the REPL does it at the end of the input).") { a in
                let metrics = try a.native("log", as: MetricsObject.self, described: "a metrics log")
                let columns = try PlotValues.names(a["columns"], "columns", in: a)
                let onTerminal = Display.current == nil && session.reachesTerminal
                fflush(stdout)
                let live: LivePlot
                do {
                    live = try LivePlot(log: metrics.log, columns: columns, every: try a.int("every"),
                                        smoothing: try a.number("smooth"),
                                        output: TerminalOutput(handle: .standardOutput, isTTY: onTerminal))
                } catch let e as ScriptError { throw e } catch { throw a.error("\(error)") }
                live.attach()
                let object = LiveObject(live)
                session.track(object)
                return .native(object)
            },
            Builtin("progress(total = nil, label = \"\")",
                    doc: "A progress bar for a long loop, drawn on standard error on a terminal only (tqdm-style: percentage, count, elapsed and remaining time, rate, latest metrics); colourless under NO_COLOR. p.advance() counts a step, p.advance([\"loss\": 1.2]) also shows metrics, p.advance(by: 5) counts five, p.finish() ends the line (the REPL does it at the end of the input).") { a in
                let total = try a.optionalInt("total")
                if let total, total < 0 { throw a.error("total: must be 0 or more, got \(total)") }
                let bar = ProgressBar.forSession(of: a.interpreter, total: total, label: try a.string("label"))
                return .native(ProgressObject(bar))
            },
            Builtin("plotOutput(to = nil, dir = nil, format = nil)",
                    doc: "Sets where figures go when no notebook captures them, and returns the settings. to: \"auto\" (the default: drawn on a terminal, else saved to files), \"files\" (always plot-1.png, plot-2.png, ... numbered per session) or \"terminal\" (always text drawings in the output). dir: the directory of those files (created if missing; default R3_PLOT_DIR or the working directory). format: \"png\", \"svg\" or \"pdf\".") { a in
                var destination: PlotDestination?
                if let to = try a.optionalString("to") {
                    guard let d = PlotDestination(rawValue: to) else {
                        throw a.error("to: must be \(PlotDestination.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), got \"\(to)\"")
                    }
                    destination = d
                }
                var format: ImageFormat?
                if let name = try a.optionalString("format") {
                    guard let f = ImageFormat(rawValue: name.lowercased()) else { throw a.error("format: must be \"png\", \"svg\" or \"pdf\", got \"\(name)\"") }
                    format = f
                }
                let dir = try a.optionalString("dir")
                if let dir {
                    do {
                        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    } catch {
                        throw a.error("cannot use '\(dir)' for plot files: \(error.localizedDescription)")
                    }
                }
                session.configure(destination: destination, directory: dir, format: format)
                return .dict(DictObject(session.settings))
            },
        ]
    }

    /// The table of `table(rows, header:)`.
    static func makeTable(_ a: Arguments) throws -> Table {
        let header: [String]? = a.isGiven("header") ? try PlotValues.names(a["header"], "header", in: a) : nil
        var rows: [Value]
        if case .native(let m as MetricsObject) = a["rows"] {
            rows = m.log.records.map(MetricsValues.record)
        } else {
            rows = try a.list("rows")
        }
        if rows.isEmpty { return try Table(header: header ?? [], rows: []) }
        if header == nil, case .native(let first) = rows[0], let kind = type(of: first) as? TableRows.Type {
            let objects = rows.compactMap { row -> NativeObject? in if case .native(let o) = row { return o } else { return nil } }
            if objects.count == rows.count, let table = try kind.table(objects) { return table }
        }
        if case .dict = rows[0] {
            var records: [[(String, TableCell)]] = []
            for (i, row) in rows.enumerated() {
                guard case .dict(let d) = row else {
                    throw a.error("row \(i) is a \(row.typeName), but row 0 is a dictionary: give all rows as dictionaries or all as lists")
                }
                records.append(d.entries.map { (Formatter.display($0.key.value), PlotValues.cell($0.value)) })
            }
            var table = Table(records: records)
            if let header {
                let unknown = header.filter { !table.header.contains($0) }
                if !unknown.isEmpty {
                    throw a.error("header: no row has the column\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")); the columns are \(table.header.joined(separator: ", "))")
                }
                let indices = header.map { name in table.header.firstIndex(of: name) ?? 0 }
                table = try Table(header: header, rows: table.rows.map { row in indices.map { row[$0] } })
            }
            return table
        }
        guard let header else {
            throw a.error("rows are lists: name the columns with header: [...], or give rows as dictionaries")
        }
        var cells: [[TableCell]] = []
        for (i, row) in rows.enumerated() {
            guard case .list(let l) = row else {
                throw a.error("row \(i) is a \(row.typeName), but row 0 is a list: give all rows as lists or all as dictionaries")
            }
            guard l.items.count == header.count else {
                throw a.error("row \(i) has \(l.items.count) value\(l.items.count == 1 ? "" : "s") but the header has \(header.count) columns")
            }
            cells.append(l.items.map(PlotValues.cell))
        }
        return try Table(header: header, rows: cells)
    }
}
