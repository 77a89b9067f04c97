import Foundation
import R3Notebook
import R3Plot
import R3Script

/// `r3 bench plot`: R3Plot's rendering cases (`PlotBenchmark`), then what running a script as a
/// notebook adds over running it plainly: the same percent-format file run by `Runtime`'s
/// interpreter (`r3 run`: figures saved as plot-N.png) and by the notebook runner with the
/// Markdown and .ipynb written (`r3 notebook`: figures as PNG plus a text drawing). Both
/// in-process (fresh session each, best of `repeats`, interleaved) and, when running as the r3
/// executable, by spawning it.
enum PlotBenchmarks {
    static func lines(options: [String: String]) throws -> [String] {
        let points = Int(options["points"] ?? "") ?? 100_000
        let repeats = max(1, Int(options["repeats"] ?? "") ?? 3)
        var lines = PlotBenchmark.lines(points: points, repeats: repeats)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("r3-bench-notebook-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, figures) in [("notebook_overhead_text", 0), ("notebook_overhead_plots", 2)] {
            let path = directory.appendingPathComponent("\(name).r3").path
            let cells = try writeNotebook(path, figures: figures)
            var script: [Double] = [], notebook: [Double] = []
            for _ in 0..<repeats {
                script.append(try timeScript(path, directory: directory))
                notebook.append(try timeNotebook(path, directory: directory))
            }
            let s = script.min() ?? 0, n = notebook.min() ?? 0
            lines.append("name=\(name) cells=\(cells) figures=\(figures) script_seconds=\(format(s)) notebook_seconds=\(format(n)) added_ms=\(String(format: "%.1f", (n - s) * 1000))")
            if let binary = r3Executable {
                var spawnedScript: [Double] = [], spawnedNotebook: [Double] = []
                for _ in 0..<repeats {
                    spawnedScript.append(try spawn(binary, ["run", path], in: directory))
                    spawnedNotebook.append(try spawn(binary, ["notebook", path, "-o", directory.appendingPathComponent("out.md").path,
                                                              "--ipynb", directory.appendingPathComponent("out.ipynb").path], in: directory))
                }
                let ss = spawnedScript.min() ?? 0, sn = spawnedNotebook.min() ?? 0
                lines.append("name=\(name)_spawned script_seconds=\(format(ss)) notebook_seconds=\(format(sn)) added_ms=\(String(format: "%.1f", (sn - ss) * 1000))")
            }
        }
        return lines
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.4f", seconds) }

    /// A notebook of 24 cells: Markdown, prints, a loop filling a metrics log, a table, and
    /// `figures` plots. Returns the number of cells.
    private static func writeNotebook(_ path: String, figures: Int) throws -> Int {
        var text = "# %% [markdown]\n# # Benchmark notebook\n\n# %%\nlet m = metrics()\nfor i in 1...500 { m.add(i, [\"loss\": 2 / i, \"reward\": i / 500]) }\n"
        var cells = 2
        for i in 0..<10 {
            text += "\n# %% [markdown]\n# Step \(i): some explanation with *emphasis*.\n"
            text += "\n# %%\nlet v\(i) = [\(i), \(i + 1), \(i + 2)].map(fn(x) { x * x })\nprint(\"cell \(i):\", v\(i), m.mean(\"loss\", last: \(i + 1)))\n"
            cells += 2
        }
        text += "\n# %%\ntable(m.records[0..<10])\n"
        cells += 1
        for i in 0..<figures {
            text += "\n# %%\nplot(m, [\"loss\", \"reward\"], smooth: 0.\(5 + i), title: \"figure \(i)\")\n"
            cells += 1
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return cells
    }

    private static func timeScript(_ path: String, directory: URL) throws -> Double {
        var seconds = 0.0
        var failure: Error?
        Interpreter.runOnLargeStack {
            let interp = Runtime.makeInterpreter()
            interp.output = { _ in }
            PlotSession.of(interp)?.configure(destination: .files, directory: directory.path, format: nil)
            let start = monotonicSeconds()
            do { try interp.runFile(path) } catch { failure = error }
            seconds = monotonicSeconds() - start
        }
        if let failure { throw failure }
        return seconds
    }

    private static func timeNotebook(_ path: String, directory: URL) throws -> Double {
        var seconds = 0.0
        var failure: Error?
        Interpreter.runOnLargeStack {
            let interp = Runtime.makeInterpreter()
            let start = monotonicSeconds()
            do {
                let run = try NotebookRunner(interpreter: interp).run(file: path)
                if let first = run.failures.first { throw ScriptError(first.message) }
                try MarkdownWriter().write(run.document, to: directory.appendingPathComponent("bench.md").path)
                try IpynbWriter().write(run.document, to: directory.appendingPathComponent("bench.ipynb").path)
            } catch {
                failure = error
            }
            seconds = monotonicSeconds() - start
        }
        if let failure { throw failure }
        return seconds
    }

    /// The r3 executable running this benchmark, if it is one.
    private static var r3Executable: String? {
        guard let path = Bundle.main.executablePath, (path as NSString).lastPathComponent == "r3" else { return nil }
        return path
    }

    private static func spawn(_ binary: String, _ arguments: [String], in directory: URL) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["R3_PLOT"] = "file"
        process.environment = environment
        let start = monotonicSeconds()
        try process.run()
        process.waitUntilExit()
        let seconds = monotonicSeconds() - start
        guard process.terminationStatus == 0 else {
            throw ScriptError("r3 \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        return seconds
    }
}
