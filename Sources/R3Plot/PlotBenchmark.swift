import Foundation

/// The plotting benchmark behind `r3 bench plot`: draws 100k points (a noisy training curve)
/// through gnuplot, each case the best of `repeats` runs.
///
/// - `plot_100k`: a new figure (gnuplot process start included) drawing 100k points to an
///   800 x 500 PNG, what `plot(...)` + `savefig("curve.png")` costs the first time;
/// - `plot_100k_warm_png`: the same on a figure whose gnuplot is already running;
/// - `plot_100k_text`: the REPL case, the `dumb` terminal at 100 x 30 characters, warm;
/// - `plot_100k_svg`: an 800 x 500 SVG, warm;
/// - `plot_100k_undecimated_png`: the warm PNG case sending all 100k points to gnuplot (no M4
///   decimation), the side-by-side baseline for what decimation saves;
/// - `plot_3_warm_png`: a 3-point PNG, warm: the floor (terminal set-up, fonts, PNG encoding)
///   that any PNG costs, to read the others against.
public enum PlotBenchmark {
    public struct Result: Sendable {
        public var name: String
        public var seconds: Double
    }

    /// - Throws: `PlotError` when gnuplot is missing or fails.
    public static func run(points: Int = 100_000, repeats: Int = 3) throws -> [Result] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // fixed data: a sine-wave curve with a little jitter
        let y = (0..<points).map { i -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 1 - exp(-Double(i) / Double(points / 5)) + 0.05 * sin(Double(i) / 50) + Double(state >> 40) / Double(1 << 24) * 0.1
        }
        let figure = Figure(series: [Series(y, title: "loss")], title: "plot_100k", xlabel: "step")
        let name = points == 100_000 ? "plot_100k" : "plot_\(points)"
        func best(_ body: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<max(1, repeats) {
                let start = monotonicSeconds()
                try body()
                times.append(monotonicSeconds() - start)
            }
            return times.min() ?? 0
        }
        let size = RenderTarget.defaultImageSize
        let cold = try best {
            let gnuplot = Gnuplot()
            defer { gnuplot.close() }
            _ = try gnuplot.render(figure, to: .image(.png, width: size.width, height: size.height))
        }
        let gnuplot = Gnuplot()
        defer { gnuplot.close() }
        _ = try gnuplot.render(figure, to: .text(width: 100, height: 30, color: false))
        let warmPNG = try best { _ = try gnuplot.render(figure, to: .image(.png, width: size.width, height: size.height)) }
        let text = try best { _ = try gnuplot.render(figure, to: .text(width: 100, height: 30, color: false)) }
        let svg = try best { _ = try gnuplot.render(figure, to: .image(.svg, width: size.width, height: size.height)) }
        let full = try best {
            _ = try gnuplot.render(figure, to: .image(.png, width: size.width, height: size.height), decimation: false)
        }
        let tiny = Figure(series: [Series([1, 3, 2], title: "loss")], title: "plot_3", xlabel: "step")
        let floor = try best { _ = try gnuplot.render(tiny, to: .image(.png, width: size.width, height: size.height)) }
        return [Result(name: name, seconds: cold), Result(name: name + "_warm_png", seconds: warmPNG),
                Result(name: name + "_text", seconds: text), Result(name: name + "_svg", seconds: svg),
                Result(name: name + "_undecimated_png", seconds: full), Result(name: "plot_3_warm_png", seconds: floor)]
    }

    /// `name=plot_100k seconds=0.123` lines for `r3 bench plot`; a failure gives one
    /// `name=plot_100k error=...` line instead of throwing.
    public static func lines(points: Int = 100_000, repeats: Int = 3) -> [String] {
        do {
            return try run(points: points, repeats: repeats).map { "name=\($0.name) seconds=" + String(format: "%.4f", $0.seconds) }
        } catch {
            return ["name=plot_100k error=\(error)"]
        }
    }
}
