import R3Plot
import R3Script

/// A native object that plots, histograms and tables can read as one flat list of numbers.
/// Tensors conform (flattened in row-major order), so `plot(t)` and `hist(t)` take them as they
/// take lists.
public protocol NumericSequence: AnyObject {
    /// The values as one flat list [n].
    /// - Throws: an error naming why the object cannot be read as a series.
    func numericValues() throws -> [Double]
}

/// Conversions between the language's values and R3Plot's types, in one place.
enum PlotValues {
    /// A flat series from a list of numbers, a bounded range or a `NumericSequence`, or nil when
    /// the value is none of these. `name` is the argument, for errors.
    static func numbers(_ value: Value, _ name: String, in a: Arguments) throws -> [Double]? {
        switch value {
        case .list(let l):
            var out: [Double] = []
            out.reserveCapacity(l.items.count)
            for (i, item) in l.items.enumerated() {
                guard case .number(let n) = item else {
                    throw a.error("\(name) must be a list of numbers; item \(i) is a \(item.typeName)")
                }
                out.append(n)
            }
            return out
        case .range(let r) where r.lower != nil && r.upper != nil:
            let lower = r.lower ?? 0
            return (0..<r.count).map { lower + Double($0) }
        case .native(let o as NumericSequence):
            do { return try o.numericValues() } catch { throw a.error("\(name): \(error)") }
        default:
            return nil
        }
    }

    /// One series or several: a flat series, or a list whose items are all series
    /// (`[ys1, ys2]`). `role` names the argument in errors (`y`). Empty series are refused here.
    static func seriesList(_ value: Value, _ role: String, in a: Arguments) throws -> [[Double]] {
        if case .list(let l) = value, !l.items.isEmpty, l.items.allSatisfy(isSeriesLike) {
            return try l.items.enumerated().map { i, item in
                let values = try numbers(item, "\(role)[\(i)]", in: a) ?? []
                if values.isEmpty { throw a.error("\(role)[\(i)] is empty: nothing to plot") }
                return values
            }
        }
        guard let values = try numbers(value, role, in: a) else {
            throw a.error("\(role) must be a list of numbers (or a list of such lists, a range, a tensor), got \(value.typeName)")
        }
        if values.isEmpty { throw a.error("\(role) is empty: nothing to plot") }
        return [values]
    }

    private static func isSeriesLike(_ v: Value) -> Bool {
        switch v {
        case .list, .range: return true
        case .native(let o): return o is NumericSequence
        default: return false
        }
    }

    /// Column names: one string or a list of strings.
    static func names(_ value: Value, _ name: String, in a: Arguments) throws -> [String] {
        switch value {
        case .string(let s): return [s]
        case .list(let l):
            let names = try l.items.enumerated().map { i, item -> String in
                guard case .string(let s) = item else {
                    throw a.error("argument '\(name)' must be a column name or a list of names; item \(i) is a \(item.typeName)")
                }
                return s
            }
            if names.isEmpty { throw a.error("argument '\(name)' is an empty list: name at least one column") }
            return names
        default:
            throw a.error("argument '\(name)' must be a column name or a list of names, got \(value.typeName)")
        }
    }

    /// A log scale: "x", "y", "xy", "none", or true (y) / false (none). `context` starts errors.
    static func logscale(_ value: Value, _ context: String) throws -> LogScale {
        switch value {
        case .bool(let b): return b ? .y : LogScale.none
        case .string(let s):
            if let scale = LogScale(rawValue: s.lowercased()) { return scale }
            throw ScriptError("\(context): must be \"x\", \"y\", \"xy\", \"none\" or true (y), got \"\(s)\"")
        default:
            throw ScriptError("\(context): must be \"x\", \"y\", \"xy\", \"none\" or true (y), got \(value.typeName)")
        }
    }

    /// An axis range `[lower, upper]`, either end nil for open (`[0, nil]`).
    static func range(_ value: Value, _ context: String) throws -> AxisRange {
        guard case .list(let l) = value, l.items.count == 2 else {
            throw ScriptError("\(context): must be [lower, upper] (nil for an open end, e.g. [0, nil]), got \(Formatter.repr(value))")
        }
        func bound(_ v: Value) throws -> Double? {
            switch v {
            case .null: return nil
            case .number(let n) where n.isFinite: return n
            default: throw ScriptError("\(context): bounds must be finite numbers or nil, got \(Formatter.repr(v))")
            }
        }
        let range = AxisRange(try bound(l.items[0]), try bound(l.items[1]))
        if let lo = range.lower, let hi = range.upper, lo >= hi {
            throw ScriptError("\(context): the lower bound \(Formatter.number(lo)) must be below the upper \(Formatter.number(hi))")
        }
        return range
    }

    /// A table cell from a value: numbers, strings, booleans, nil (empty); anything else as text.
    static func cell(_ value: Value) -> TableCell {
        switch value {
        case .null: return .empty
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .string(let s): return .text(s)
        default: return .text(Formatter.display(value))
        }
    }
}

/// The options `plot`, `hist` and a figure's methods share. Figure-level options are applied only
/// when given, so a figure object keeps its own settings otherwise.
struct PlotOptions {
    var label: [String]?
    var style: SeriesStyle = .lines
    var smoothing = 0.0

    var title: String?
    var xlabel: String?
    var ylabel: String?
    var logscale: LogScale?
    var xrange: AxisRange?
    var yrange: AxisRange?
    var grid: Bool?

    /// Reads the options present in `a`'s signature.
    init(_ a: Arguments) throws {
        let names = Set(a.function.parameters.map(\.name))
        func has(_ name: String) -> Bool { names.contains(name) && a.isGiven(name) }
        if has("label") {
            switch a["label"] {
            case .string(let s): label = [s]
            case .list(let l):
                label = try l.items.enumerated().map { i, item in
                    guard case .string(let s) = item else { throw a.error("label: must be a string or a list of strings; item \(i) is a \(item.typeName)") }
                    return s
                }
            default: throw a.error("label: must be a string or a list of strings, got \(a["label"].typeName)")
            }
        }
        if has("style") {
            switch try a.string("style") {
            case "lines": style = .lines
            case "points": style = .points
            case "linespoints": style = .linespoints
            case let other: throw a.error("style: must be \"lines\", \"points\" or \"linespoints\", got \"\(other)\"")
            }
        }
        if has("smooth") {
            smoothing = try a.number("smooth")
            guard smoothing >= 0, smoothing < 1 else {
                throw a.error("smooth: must be in [0, 1) (e.g. 0.9, the EMA weight), got \(Formatter.number(smoothing))")
            }
        }
        if has("title") { title = try a.string("title") }
        if has("xlabel") { xlabel = try a.string("xlabel") }
        if has("ylabel") { ylabel = try a.string("ylabel") }
        if has("logscale") { logscale = try PlotValues.logscale(a["logscale"], "\(a.function.name)(): logscale") }
        if has("xrange") { xrange = try PlotValues.range(a["xrange"], "\(a.function.name)(): xrange") }
        if has("yrange") { yrange = try PlotValues.range(a["yrange"], "\(a.function.name)(): yrange") }
        if has("grid") { grid = try a.bool("grid") }
    }

    /// Applies the figure-level options that were given.
    func apply(to figure: inout Figure) {
        if let title { figure.title = title }
        if let xlabel { figure.xlabel = xlabel }
        if let ylabel { figure.ylabel = ylabel }
        if let logscale { figure.logscale = logscale }
        if let xrange { figure.xrange = xrange }
        if let yrange { figure.yrange = yrange }
        if let grid { figure.grid = grid }
    }

    /// The series of `plot(a)`, `plot(a, b)`, `plot(log, "col")` and `plot(log, ["a", "b"])`.
    func series(_ a: Arguments) throws -> (series: [Series], xlabel: String?, ylabel: String?) {
        let first = a["a"], second = a["b"]
        if case .native(let log as MetricsObject) = first {
            guard !second.isNil else {
                throw a.error("name the columns to plot: plot(log, \"loss\") or plot(log, [\"loss\", \"reward\"]); the log has \(log.log.columns.isEmpty ? "no columns yet" : "columns " + log.log.columns.joined(separator: ", "))")
            }
            let columns = try PlotValues.names(second, "columns", in: a)
            let figure: Figure
            do {
                figure = try Figure.metrics(log.log, columns, smoothing: smoothing, style: style)
            } catch {
                throw a.error("\(error)")
            }
            for (series, name) in zip(figure.series, columns) where series.y.isEmpty {
                throw a.error("column '\(name)' has no values yet: nothing to plot")
            }
            return (try labelled(figure.series, a), figure.xlabel, figure.ylabel)
        }
        var x: [Double]?
        var ys: [[Double]]
        if second.isNil {
            ys = try PlotValues.seriesList(first, "y", in: a)
        } else {
            guard let xs = try PlotValues.numbers(first, "x", in: a) else {
                throw a.error("x must be a list of numbers (or a range, a tensor), or plot a metrics log: plot(log, \"loss\"); got \(first.typeName)")
            }
            if xs.isEmpty { throw a.error("x is empty: nothing to plot") }
            x = xs
            ys = try PlotValues.seriesList(second, "y", in: a)
            for (i, y) in ys.enumerated() where y.count != xs.count {
                let which = ys.count == 1 ? "y" : "y[\(i)]"
                throw a.error("x has \(xs.count) values but \(which) has \(y.count): they must have the same length")
            }
        }
        let series = ys.map { Series($0, x: x, style: style, smoothing: smoothing) }
        return (try labelled(series, a), nil, nil)
    }

    /// Sets the series titles from `label:` (one per series).
    func labelled(_ series: [Series], _ a: Arguments) throws -> [Series] {
        guard let label else { return series }
        guard label.count == series.count else {
            throw a.error("label: got \(label.count) label\(label.count == 1 ? "" : "s") for \(series.count) series")
        }
        var out = series
        for i in out.indices { out[i].title = label[i] }
        return out
    }
}

/// A native type that lays out a table of its own objects: `table(rows)` hands it the rows when the
/// first row is one of them (evaluations print in the paper's layout). Returning nil falls back to
/// the generic layout.
protocol TableRows: NativeObject {
    static func table(_ rows: [NativeObject]) throws -> Table?
}
