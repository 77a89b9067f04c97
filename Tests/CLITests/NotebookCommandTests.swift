import Foundation
import XCTest

/// `r3 notebook` and plots from `r3 FILE` off a terminal, through the real executable.
final class NotebookCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        _ = try R3Binary.require()
        directory = try makeTemporaryDirectory("r3-notebook-cli")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path)
    }

    private func read(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static let notebook = """
        # %% [markdown]
        # # Training curves

        # %% Log
        let m = metrics()
        for step in 1...20 { m.add(step, ["loss": 2 / step, "reward": step / 20]) }
        print("steps:", m.count)

        # %% Plot
        plot(m, ["loss", "reward"], smooth: 0.5, title: "run")
        table(m.records[0..<2])
        m.mean("reward", last: 4)
        """

    // MARK: - Plots from scripts off a terminal

    func testPlotsOffATerminalGoToNumberedFilesInTheWorkingDirectory() throws {
        try XCTSkipUnless(gnuplotInstalled, "gnuplot is not installed")
        _ = try write("curves.r3", "plot([1, 4, 9, 16])\nhist([1, 2, 2, 3], bins: 3)\nprint(\"done\")\n")
        let run = try runR3(["curves.r3"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "plot saved to plot-1.png (800x500)\nplot saved to plot-2.png (800x500)\ndone\n")
        for name in ["plot-1.png", "plot-2.png"] {
            let size = pngSize(ofFile: directory.appendingPathComponent(name).path)
            XCTAssertEqual(size?.width, 800, name)
            XCTAssertEqual(size?.height, 500, name)
        }
        // R3_PLOT_DIR picks the directory, R3_PLOT=text draws text instead.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("figs"), withIntermediateDirectories: true)
        let elsewhere = try runR3(["curves.r3"], in: directory, environment: ["R3_PLOT_DIR": "figs"])
        XCTAssertTrue(elsewhere.stdout.hasPrefix("plot saved to figs/plot-1.png (800x500)\n"), elsewhere.stdout)
        XCTAssertNotNil(pngSize(ofFile: directory.appendingPathComponent("figs/plot-2.png").path))
        let text = try runR3(["curves.r3"], in: directory, environment: ["R3_PLOT": "text"])
        XCTAssertFalse(text.stdout.contains("plot saved"), text.stdout)
        XCTAssertTrue(text.stdout.contains(" 16 +-"), text.stdout)
        XCTAssertTrue(text.stdout.hasSuffix("done\n"))
        // plotOutput(to: "terminal") does the same from the script, and wins over R3_PLOT=file.
        _ = try write("text.r3", "plotOutput(to: \"terminal\")\nplot([1, 4, 9, 16])\n")
        let forced = try runR3(["text.r3"], in: directory, environment: ["R3_PLOT": "file"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.contains(" 16 +-"), forced.stdout)
        XCTAssertFalse(forced.stdout.contains("plot saved"), forced.stdout)
    }

    func testATableAtTheEndOfAScriptIsShown() throws {
        _ = try write("t.r3", "print(\"first\")\ntable([[\"a\": 1, \"b\": \"x\"]])\n")
        let run = try runR3(["t.r3"], in: directory)
        XCTAssertEqual(run.stdout, "first\na  b\n-  -\n1  x\n")
        _ = try write("t2.r3", "table([[\"a\": 1]])\nexit(3)\n")
        let exited = try runR3(["t2.r3"], in: directory)
        XCTAssertEqual(exited.status, 3)
        XCTAssertEqual(exited.stdout, "a\n-\n1\n", "exit() still shows the pending table")
    }

    // MARK: - r3 notebook

    func testWritesMarkdownBesideTheNotebookByDefault() throws {
        try XCTSkipUnless(gnuplotInstalled, "gnuplot is not installed")
        _ = try write("train.r3", NotebookCommandTests.notebook)
        let run = try runR3(["notebook", "train.r3"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("ran 2 of 2 code cells in "), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix(", 1 figure; wrote train.md\n"), run.stdout)
        XCTAssertFalse(exists("train.ipynb"))
        XCTAssertFalse(exists("plot-1.png"), "in a notebook, figures go into the cell, not to plot-N files")
        let markdown = try read("train.md")
        XCTAssertTrue(markdown.hasPrefix("# Training curves\n\n**Log**\n\n```r3\nlet m = metrics()"), markdown)
        XCTAssertTrue(markdown.contains("```text\nsteps: 20\n```"), markdown)
        XCTAssertTrue(markdown.contains("![figure 1 of cell 3](train_files/cell3_1.png)"), markdown)
        XCTAssertTrue(markdown.contains("| step | loss | reward |\n| ---: | ---: | ---: |\n| 1 | 2 | 0.05 |\n| 2 | 1 | 0.1 |"), markdown)
        XCTAssertTrue(markdown.contains("```text\n0.925\n```"), "the value the cell ends with: \(markdown)")
        let size = pngSize(ofFile: directory.appendingPathComponent("train_files/cell3_1.png").path)
        XCTAssertEqual(size?.width, 800)
        XCTAssertEqual(size?.height, 500)
    }

    func testWritesTheIpynbAndTheMarkdownWhereAsked() throws {
        try XCTSkipUnless(gnuplotInstalled, "gnuplot is not installed")
        let source = try write("train.r3", NotebookCommandTests.notebook)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
        let run = try runR3(["notebook", source, "-o", "out/report.md", "--ipynb", "out/report.ipynb"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix("wrote out/report.md, out/report.ipynb\n"), run.stdout)
        XCTAssertTrue(try read("out/report.md").contains("![figure 1 of cell 3](report_files/cell3_1.png)"))
        XCTAssertTrue(exists("out/report_files/cell3_1.png"))
        XCTAssertFalse(exists("train.md"))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("out/report.ipynb"))) as? [String: Any]
        XCTAssertEqual(json?["nbformat"] as? Int, 4)
        let cells = json?["cells"] as? [[String: Any]] ?? []
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, ["markdown", "code", "code"])
        XCTAssertEqual(cells.map { $0["execution_count"] as? Int }, [nil, 1, 2])
        let outputs = cells[2]["outputs"] as? [[String: Any]] ?? []
        XCTAssertEqual(outputs.map { $0["output_type"] as? String }, ["display_data", "display_data", "execute_result"],
                       "the value the cell ends with is Jupyter's Out[2]")
        XCTAssertEqual(outputs.last?["execution_count"] as? Int, 2)
        let data = outputs.first?["data"] as? [String: Any]
        let png = Data(base64Encoded: (data?["image/png"] as? String ?? "").trimmingCharacters(in: .newlines)) ?? Data()
        XCTAssertEqual(pngSize(png)?.width, 800)
        XCTAssertTrue((data?["text/plain"] as? [String])?.joined().contains("run") ?? false, "a text drawing as the plain fallback")
        XCTAssertNotNil((outputs[1]["data"] as? [String: Any])?["text/markdown"])

        // Only --ipynb: no Markdown.
        let only = try runR3(["notebook", "train.r3", "--ipynb", "only.ipynb"], in: directory)
        XCTAssertEqual(only.status, 0, only.stderr)
        XCTAssertTrue(exists("only.ipynb"))
        XCTAssertFalse(exists("train.md"))
        try validateNotebooks([directory.appendingPathComponent("out/report.ipynb").path, directory.appendingPathComponent("only.ipynb").path])
    }

    static let failing = """
        # %%
        print("one")

        # %% Broken
        let x = 1
        x.nope

        # %%
        print("three")
        """

    func testAFailingCellStopsTheRunWritesTheErrorAndExitsNonZero() throws {
        _ = try write("nb.r3", NotebookCommandTests.failing)
        let run = try runR3(["notebook", "nb.r3"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("cell 2 (line 4) failed:\nnb.r3:6:3: error: a number has no member 'nope'\n 6 | x.nope\n   |   ^"), run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("ran 2 of 3 code cells"), run.stdout)
        let markdown = try read("nb.md")
        XCTAssertTrue(markdown.contains("**Error**\n\n```text\nnb.r3:6:3: error: a number has no member 'nope'"), markdown)
        XCTAssertFalse(markdown.contains("```text\nthree"), "the cell after the failure did not run")
        XCTAssertTrue(markdown.contains("```r3\nprint(\"three\")\n```"), "it is still written, without outputs")
    }

    func testKeepGoingRunsTheRestAndStillExitsNonZero() throws {
        _ = try write("nb.r3", NotebookCommandTests.failing)
        let run = try runR3(["notebook", "nb.r3", "--keep-going", "--ipynb", "nb.ipynb"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.hasPrefix("ran 3 of 3 code cells"), run.stdout)
        XCTAssertTrue(run.stdout.contains("1 failed"), run.stdout)
        XCTAssertTrue(try read("nb.ipynb").contains("\"three\\n\""))
        XCTAssertFalse(exists("nb.md"), "with only --ipynb given, no Markdown")
    }

    func testBadInputs() throws {
        _ = try write("bad.r3", "print(1)\n\n# %% [markdwn]\n# x\n")
        let malformed = try runR3(["notebook", "bad.r3"], in: directory)
        XCTAssertEqual(malformed.status, 1)
        XCTAssertEqual(malformed.stderr, "r3 notebook: bad.r3:3: malformed cell header '# %% [markdwn]': unknown cell type '[markdwn]' (expected '# %% [markdown]', or '# %%' for code)\n")
        XCTAssertFalse(exists("bad.md"))
        XCTAssertEqual(malformed.stdout, "", "nothing ran")

        let missing = try runR3(["notebook", "missing.r3"], in: directory)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "r3 notebook: missing.r3: no such file\n")

        _ = try write("ok.r3", "print(1)\n")
        let itself = try runR3(["notebook", "ok.r3", "-o", "ok.r3"], in: directory)
        XCTAssertEqual(itself.status, 64, "a usage error")
        XCTAssertTrue(itself.stderr.contains("the output 'ok.r3' is the notebook itself"), itself.stderr)
        XCTAssertEqual(try read("ok.r3"), "print(1)\n")

        let unwritable = try runR3(["notebook", "ok.r3", "-o", "no/such/dir/ok.md"], in: directory)
        XCTAssertEqual(unwritable.status, 1)
        XCTAssertTrue(unwritable.stderr.contains("no/such/dir/ok.md"), unwritable.stderr)
    }

    func testRunPlainlyTheNotebookIsAScript() throws {
        try XCTSkipUnless(gnuplotInstalled, "gnuplot is not installed")
        _ = try write("train.r3", NotebookCommandTests.notebook)
        let run = try runR3(["run", "train.r3"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "steps: 20\nplot saved to plot-1.png (800x500)\nstep  loss  reward\n----  ----  ------\n   1     2    0.05\n   2     1     0.1\n")
    }

    /// Validates against the nbformat v4.5 schema committed with the notebook tests, when Python
    /// has jsonschema.
    private func validateNotebooks(_ paths: [String]) throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("R3NotebookTests/Fixtures/nbformat.v4.schema.json").path
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import jsonschema"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        try XCTSkipUnless(probe.terminationStatus == 0, "python3 with jsonschema is not available")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                jsonschema.Draft4Validator(schema).validate(json.load(open(path)))
            """, schema] + paths
        try check.run()
        check.waitUntilExit()
        XCTAssertEqual(check.terminationStatus, 0, "the notebooks validate against nbformat's schema")
    }
}
