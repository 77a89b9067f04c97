import Foundation
import R3Plot
import R3Script
import XCTest
@testable import R3Notebook

/// The runner with the language core only; figures and tables reach it through R3Plot's display
/// hook, the way R3Runtime's builtins show them (the full binding is tested through `r3 notebook`
/// in CLITests).
final class NotebookRunnerTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `text` as a notebook file and runs it in a fresh interpreter.
    private func run(_ text: String, name: String = "nb.r3", keepGoing: Bool = false,
                     setUp: @escaping (Interpreter) -> Void = { _ in }) throws -> NotebookRunner.Run {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var result: Result<NotebookRunner.Run, Error>!
        Interpreter.runOnLargeStack(bytes: 64 << 20) {
            let interp = Interpreter()
            setUp(interp)
            result = Result { try NotebookRunner(interpreter: interp, keepGoing: keepGoing).run(file: path) }
        }
        return try result.get()
    }

    func testOutputsPerCellValuesAndCounts() throws {
        let run = try run("""
            # %% [markdown]
            # # Title

            # %%
            let x = 40
            print("x is", x)
            print("twice", x * 2)

            # %%

            # %% Value
            x + 2
            """)
        let cells = run.document.cells
        XCTAssertEqual(run.failures, [])
        XCTAssertEqual(run.executed, 2)
        XCTAssertEqual(cells[0].outputs, [])
        XCTAssertNil(cells[0].executionCount)
        XCTAssertEqual(cells[1].outputs, [.stream("x is 40\ntwice 80\n")], "consecutive prints form one stream")
        XCTAssertEqual(cells[1].executionCount, 1)
        XCTAssertNotNil(cells[1].timing?.start)
        XCTAssertNil(cells[2].executionCount, "an empty cell does not run")
        XCTAssertNil(cells[2].timing)
        XCTAssertEqual(cells[3].outputs, [.result("42")], "the value a cell ends with is shown, as Jupyter's Out")
        XCTAssertEqual(cells[3].executionCount, 2)
    }

    func testAnErrorStopsTheRunAndNamesTheNotebookLine() throws {
        let text = """
            # %%
            fn check(v) {
              if v > 1 { error("too big: \\(v)") }
              return v
            }
            print(check(1))

            # %% Fails
            print("before")
            check(5)
            print("after")

            # %%
            print("never")
            """
        let run = try run(text)
        XCTAssertEqual(run.failures.map(\.cell), [1])
        let outputs = run.document.cells[1].outputs
        XCTAssertEqual(outputs.first, .stream("before\n"))
        guard case .error(let message)? = outputs.last else { return XCTFail("no error output: \(outputs)") }
        // Line 10 of the notebook file is `check(5)`, line 3 the `error(...)` inside check.
        let path = directory.appendingPathComponent("nb.r3").path
        XCTAssertTrue(message.hasPrefix("\(path):3:14: error: too big: 5"), message)
        XCTAssertTrue(message.contains("in check, called from \(path):10:1"), message)
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[9], "check(5)")
        XCTAssertTrue(message.contains(" 3 | " + lines[2]), message)
        XCTAssertNil(run.document.cells[2].executionCount, "cells after a failure do not run")
        XCTAssertEqual(run.document.cells[2].outputs, [])
        XCTAssertFalse(run.interrupted)
    }

    func testSyntaxErrorsNameTheNotebookLineToo() throws {
        let run = try run("# %% [markdown]\n# text\n\n# %%\nlet a = 1\n\n# %%\nlet b = (1 +\nprint(b)\n")
        guard case .error(let message)? = run.document.cells[2].outputs.last else { return XCTFail("no error") }
        // The unclosed '(' is on line 8 of the file, column 9.
        XCTAssertTrue(message.hasPrefix(directory.appendingPathComponent("nb.r3").path + ":8:9: syntax error: '(' is never closed"), message)
        XCTAssertTrue(message.contains(" 8 | let b = (1 +"), message)
    }

    func testKeepGoingRunsTheLaterCells() throws {
        let run = try run("# %%\nerror(\"first\")\n# %%\nprint(\"second\")\n# %%\nundefinedName\n# %%\nprint(\"fourth\")\n",
                          keepGoing: true)
        XCTAssertEqual(run.failures.map(\.cell), [0, 2])
        XCTAssertEqual(run.document.cells[1].outputs, [.stream("second\n")])
        XCTAssertEqual(run.document.cells[3].outputs, [.stream("fourth\n")])
        XCTAssertEqual(run.document.cells.map(\.executionCount), [1, 2, 3, 4])
        guard case .error(let message) = run.document.cells[2].outputs[0] else { return XCTFail() }
        XCTAssertTrue(message.hasPrefix(directory.appendingPathComponent("nb.r3").path + ":6:1: error: undefined variable 'undefinedName'"), message)
    }

    func testAnInterruptStopsEvenWithKeepGoing() throws {
        let run = try run("# %%\nprint(1)\n# %%\ninterruptNow()\nfor i in 0..<1000 { }\n# %%\nprint(3)\n", keepGoing: true) { interp in
            interp.define(Builtin("interruptNow()", doc: "test") { _ in Interrupt.request(); return .null })
        }
        XCTAssertTrue(run.interrupted)
        XCTAssertEqual(run.failures.map(\.cell), [1])
        XCTAssertNil(run.document.cells[2].executionCount)
        Interrupt.clear()
    }

    func testMarkdownOnlyAndEmptyNotebooks() throws {
        let run = try run("# %% [markdown]\n# Only *text*\n")
        XCTAssertEqual(run.executed, 0)
        XCTAssertEqual(run.failures, [])
        let empty = try self.run("")
        XCTAssertEqual(empty.document.cells, [])
        let (markdown, images) = MarkdownWriter().render(run.document, imageFolder: "x")
        XCTAssertEqual(markdown, "Only *text*\n")
        XCTAssertTrue(images.isEmpty)
    }

    func testMalformedHeaderRunsNothing() throws {
        var printed = false
        XCTAssertThrowsError(try run("print(\"ran\")\n# %% [markdwn]\n# x\n") { interp in
            interp.output = { _ in printed = true }
        }) { error in
            XCTAssertTrue("\(error)".hasSuffix("nb.r3:2: malformed cell header '# %% [markdwn]': unknown cell type '[markdwn]' (expected '# %% [markdown]', or '# %%' for code)"),
                          "\(error)")
        }
        XCTAssertFalse(printed)
    }

    func testImportsResolveNextToTheNotebookAndOutputIsRestored() throws {
        try Data("let helper = 7\n".utf8).write(to: directory.appendingPathComponent("helpers.r3"))
        var afterwards = ""
        var interpreter: Interpreter?
        let run = try run("# %%\nimport \"helpers.r3\"\nprint(helper * 6)\n") { interp in
            interp.output = { afterwards += $0 }
            interpreter = interp
        }
        XCTAssertEqual(run.document.cells[0].outputs, [.stream("42\n")])
        interpreter?.output("restored\n")
        XCTAssertEqual(afterwards, "restored\n", "the interpreter's output is given back after the run")
        XCTAssertNil(Display.current, "the notebook display is removed after the run")
    }

    // MARK: - Figures and tables through the display hook

    /// Defines `fig(ys)` (shows a new figure of ys), `save(path)` (saves the last one) and
    /// `tab()` (shows a table), as R3Runtime's plot, savefig and table do.
    private func defineDisplayBuiltins(_ interp: Interpreter) {
        var last: Plotter?
        interp.define(Builtin("fig(ys)", doc: "test") { a in
            let plotter = Plotter(figure: Figure(series: [Series(try a.numbers("ys"), title: "ys")], title: "test figure"))
            last = plotter
            if let text = try Display.current?.show(plotter) { a.interpreter.output(text) }
            return .null
        })
        interp.define(Builtin("save(path)", doc: "test") { a in
            guard let plotter = last else { throw a.error("no figure") }
            let path = try a.string("path")
            try plotter.savefig(path)
            _ = try Display.current?.saved(plotter, to: path)
            return .null
        })
        interp.define(Builtin("tab()", doc: "test") { a in
            let table = Table(records: [[("name", .text("a|b")), ("value", .number(0.5))]])
            if let text = Display.current?.show(table) { a.interpreter.output(text) }
            return .null
        })
    }

    func testFiguresBecomePNGImagesAndTablesMarkdown() throws {
        try XCTSkipUnless(Gnuplot.isAvailable(), "gnuplot is not installed")
        let saved = directory.appendingPathComponent("curve.png").path
        let run = try run("""
            # %%
            print("start")
            fig([1, nan, 3])
            save("\(saved)")
            tab()
            print("end")
            # %%
            fig([3, 2, 1])
            save("\(directory.appendingPathComponent("small.png").path)")
            """, setUp: defineDisplayBuiltins)
        XCTAssertEqual(run.failures, [])
        let outputs = run.document.cells[0].outputs
        XCTAssertEqual(outputs.count, 5, "\(outputs)")
        XCTAssertEqual(outputs[0], .stream("start\n"))
        guard case .image(let path, let png, let text) = outputs[1] else { return XCTFail("\(outputs[1])") }
        XCTAssertEqual(path, saved, "savefig of the figure just shown names the shown image")
        XCTAssertEqual(pngSize(png)?.width, 800)
        XCTAssertEqual(pngSize(png)?.height, 500)
        XCTAssertTrue(text?.contains("test figure") ?? false, "a text drawing is kept as the fallback")
        XCTAssertEqual(outputs[2], .stream("warning: series 'ys': skipped 1 NaN/inf value\n"))
        XCTAssertEqual(outputs[3], .table(markdown: "| name | value |\n| --- | ---: |\n| a\\|b | 0.5 |\n", text: "name  value\n----  -----\na|b     0.5\n"))
        XCTAssertEqual(outputs[4], .stream("end\n"))
        // The second cell's figure was shown once, and savefig named it.
        guard case .image(let secondPath, _, _) = run.document.cells[1].outputs[0] else { return XCTFail() }
        XCTAssertEqual(secondPath, directory.appendingPathComponent("small.png").path)
        XCTAssertEqual(run.document.cells[1].outputs.count, 1)

        // The Markdown links the images, written beside it; the .ipynb embeds them.
        let markdownPath = directory.appendingPathComponent("report.md").path
        try MarkdownWriter().write(run.document, to: markdownPath)
        let markdown = try String(contentsOfFile: markdownPath, encoding: .utf8)
        XCTAssertTrue(markdown.contains("![curve.png](report_files/cell1_1.png)"), markdown)
        XCTAssertTrue(markdown.contains("![small.png](report_files/cell2_1.png)"), markdown)
        XCTAssertTrue(markdown.contains("| a\\|b | 0.5 |"), markdown)
        let written = try Data(contentsOf: directory.appendingPathComponent("report_files/cell1_1.png"))
        XCTAssertEqual(written, png)
        let ipynbPath = directory.appendingPathComponent("report.ipynb").path
        try IpynbWriter().write(run.document, to: ipynbPath)
        try checkNotebookStructure(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ipynbPath))))
        try validateWithNbformatSchema([ipynbPath])
    }

    func testASavedFigureThatWasNotShownAppearsInTheCell() throws {
        try XCTSkipUnless(Gnuplot.isAvailable(), "gnuplot is not installed")
        let path = directory.appendingPathComponent("later.svg").path
        let run = try run("# %%\nfig([1, 2])\n# %%\nsave(\"\(path)\")\n", setUp: defineDisplayBuiltins)
        guard case .image(let shownAs, let png, _)? = run.document.cells[1].outputs.first else {
            return XCTFail("\(run.document.cells[1].outputs)")
        }
        XCTAssertEqual(shownAs, path)
        XCTAssertNotNil(pngSize(png))
    }
}

/// The width and height in a PNG's IHDR chunk.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A][...],
          bytes[12..<16] == Array("IHDR".utf8)[...] else { return nil }
    func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (word(16), word(20))
}

/// Validates notebooks against the committed nbformat v4.5 schema with Python's jsonschema;
/// skips when no Python with jsonschema is installed (the structural check still ran).
func validateWithNbformatSchema(_ paths: [String], file: StaticString = #filePath, line: UInt = #line) throws {
    let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/nbformat.v4.schema.json").path
    guard runProgram("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status == 0 else {
        throw XCTSkip("python3 with jsonschema is not available; the structural check ran")
    }
    let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        for path in sys.argv[2:]:
            jsonschema.Draft4Validator(schema).validate(json.load(open(path)))
        print("valid", len(sys.argv) - 2)
        """
    let result = runProgram("/usr/bin/env", ["python3", "-c", script, schema] + paths)
    XCTAssertEqual(result.status, 0, result.output, file: file, line: line)
    XCTAssertEqual(result.output.trimmingCharacters(in: .whitespacesAndNewlines), "valid \(paths.count)", file: file, line: line)
}
