import Foundation
import XCTest
@testable import R3Notebook

/// A small PNG-like byte string (only the signature and IHDR tag; writers do not decode it).
let fakePNG = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

/// The notebook that Fixtures/make_reference_notebook.py builds with nbformat.
func referenceDocument() -> NotebookDocument {
    let start = Date(timeIntervalSince1970: 1_735_787_045)  // 2025-01-02T03:04:05Z
    return NotebookDocument(cells: [
        NotebookCell(kind: .markdown, source: "# Countdown\n\nSome *text* with `code` and ünïcödé."),
        NotebookCell(kind: .code, source: "let x = 1\nprint(x)\nprint(x + 1)", outputs: [.stream("1\n"), .stream("2\n")],
                     executionCount: 1, timing: CellTiming(start: start, seconds: 0.25)),
        NotebookCell(kind: .code, source: "plot(log, \"reward\")\nsavefig(\"curve.png\")\nprint(table(rows))",
                     outputs: [.image(path: "curve.png", png: fakePNG, text: "  1 +---+\n    |  *|\n  0 +---+\n"),
                               .table(markdown: "| a | b |\n| --- | ---: |\n| x | 1 |\n", text: "a  b\n-  -\nx  1\n")],
                     executionCount: 2, timing: CellTiming(seconds: 1.5)),
        NotebookCell(kind: .code, source: "error(\"boom\")", title: "Fails",
                     outputs: [.error("script.r3:9:1: error: boom\nerror(\"boom\")\n^")], executionCount: 3),
        NotebookCell(kind: .code, source: ""),
    ], file: "script.r3")
}

final class IpynbWriterTests: XCTestCase {
    private var fixtures: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    func testMatchesTheNotebookNbformatWrites() throws {
        let reference = try String(contentsOf: fixtures.appendingPathComponent("reference.ipynb"), encoding: .utf8)
        let ours = IpynbWriter().json(referenceDocument())
        XCTAssertEqual(ours, reference)
    }

    func testStructure() throws {
        let object = try JSONSerialization.jsonObject(with: Data(IpynbWriter().json(referenceDocument()).utf8))
        try checkNotebookStructure(object)
    }

    func testValidatesAgainstTheNbformatSchema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipynb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let documents: [(String, NotebookDocument)] = [
            ("reference", referenceDocument()),
            ("markdown-only", try NotebookDocument(percentFormat: "# %% [markdown]\n# Only text\n", file: "m.r3")),
            ("empty", NotebookDocument(cells: [])),
            ("parsed", try NotebookDocument(percentFormat: "x = 1\n# %% Title\n# %%\n", file: "p.r3")),
            ("values", NotebookDocument(cells: [NotebookCell(kind: .code, source: "print(1)\nx + 1", outputs: [.stream("1\n"), .result("42")],
                                                             executionCount: 7)])),
        ]
        var paths: [String] = []
        for (name, document) in documents {
            let path = directory.appendingPathComponent("\(name).ipynb").path
            try IpynbWriter().write(document, to: path)
            try checkNotebookStructure(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))))
            paths.append(path)
        }
        let schema = fixtures.appendingPathComponent("nbformat.v4.schema.json").path
        let probe = runProgram("/usr/bin/env", ["python3", "-c", "import jsonschema"])
        try XCTSkipUnless(probe.status == 0, "python3 with jsonschema is not available; the structural check ran")
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                jsonschema.Draft4Validator(schema).validate(json.load(open(path)))
            print("valid", len(sys.argv) - 2)
            """
        let result = runProgram("/usr/bin/env", ["python3", "-c", script, schema] + paths)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(result.output.trimmingCharacters(in: .whitespacesAndNewlines), "valid \(paths.count)")
        // The schema check can fail: a cell without an id is rejected.
        let broken = directory.appendingPathComponent("broken.ipynb").path
        try IpynbWriter().json(referenceDocument()).replacingOccurrences(of: "\"id\": \"cell-1\",", with: "")
            .write(toFile: broken, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(runProgram("/usr/bin/env", ["python3", "-c", script, schema, broken]).status, 0)
    }

    func testSourceLinesAndOutputs() throws {
        let json = try JSONSerialization.jsonObject(with: Data(IpynbWriter().json(referenceDocument()).utf8)) as! [String: Any]
        let cells = json["cells"] as! [[String: Any]]
        XCTAssertEqual(cells[1]["source"] as? [String], ["let x = 1\n", "print(x)\n", "print(x + 1)"])
        XCTAssertEqual(cells[4]["source"] as? [String], [])
        XCTAssertTrue(cells[4]["execution_count"] is NSNull)
        let image = (cells[2]["outputs"] as! [[String: Any]])[0]["data"] as! [String: Any]
        XCTAssertEqual(Data(base64Encoded: (image["image/png"] as! String).trimmingCharacters(in: .newlines)), fakePNG)
        let error = (cells[3]["outputs"] as! [[String: Any]])[0]
        XCTAssertEqual(error["ename"] as? String, "R3Error")
        XCTAssertEqual(error["evalue"] as? String, "script.r3:9:1: error: boom")
        XCTAssertEqual(error["traceback"] as? [String], ["script.r3:9:1: error: boom", "error(\"boom\")", "^"])
    }

    func testUnwritablePath() {
        XCTAssertThrowsError(try IpynbWriter().write(referenceDocument(), to: "/no/such/dir/out.ipynb")) { error in
            XCTAssertTrue("\(error)".contains("/no/such/dir/out.ipynb"), "\(error)")
        }
    }
}

final class MarkdownWriterTests: XCTestCase {
    func testRendersCellsOutputsErrorsAndTimes() {
        let (markdown, images) = MarkdownWriter().render(referenceDocument(), imageFolder: "report_files")
        XCTAssertEqual(markdown, """
            # Countdown

            Some *text* with `code` and ünïcödé.

            ```r3
            let x = 1
            print(x)
            print(x + 1)
            ```

            ```text
            1
            2
            ```

            <sub>[1] 0.25 s</sub>

            ```r3
            plot(log, "reward")
            savefig("curve.png")
            print(table(rows))
            ```

            ![curve.png](report_files/cell3_1.png)

            | a | b |
            | --- | ---: |
            | x | 1 |

            <sub>[2] 1.50 s</sub>

            **Fails**

            ```r3
            error("boom")
            ```

            **Error**

            ```text
            script.r3:9:1: error: boom
            error("boom")
            ^
            ```

            """)
        XCTAssertEqual(images.count, 1)
        XCTAssertEqual(images[0].path, "report_files/cell3_1.png")
        XCTAssertEqual(images[0].png, fakePNG)
    }

    func testFencesLongerThanBackticksInsideAndMarkdownOnly() throws {
        let doc = NotebookDocument(cells: [NotebookCell(kind: .code, source: "let s = \"```\"", outputs: [.stream("````\n")])])
        let (markdown, _) = MarkdownWriter().render(doc, imageFolder: "x")
        XCTAssertEqual(markdown, "````r3\nlet s = \"```\"\n````\n\n`````text\n````\n`````\n")
        let only = try NotebookDocument(percentFormat: "# %% [markdown]\n# Only *text*\n# %% [markdown]\n# More\n", file: "m.r3")
        XCTAssertEqual(MarkdownWriter().render(only, imageFolder: "x").markdown, "Only *text*\n\nMore\n")
    }

    func testWritesImagesBesideTheDocumentAndRemovesStaleOnes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("md-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("report_files"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let stale = directory.appendingPathComponent("report_files/cell9_1.png")
        let unrelated = directory.appendingPathComponent("report_files/keep.txt")
        try Data("old".utf8).write(to: stale)
        try Data("keep".utf8).write(to: unrelated)
        let path = directory.appendingPathComponent("report.md").path
        try MarkdownWriter().write(referenceDocument(), to: path)
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("report_files/cell3_1.png")), fakePNG)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: unrelated.path))
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("![curve.png](report_files/cell3_1.png)"))
        XCTAssertThrowsError(try MarkdownWriter().write(referenceDocument(), to: "/no/such/dir/report.md")) { error in
            XCTAssertTrue("\(error)".contains("/no/such/dir/report"), "\(error)")
        }
    }

    func testDurations() {
        XCTAssertEqual(durationText(0.001), "< 0.01 s")
        XCTAssertEqual(durationText(0.4242), "0.42 s")
        XCTAssertEqual(durationText(12.34), "12.3 s")
        XCTAssertEqual(durationText(125), "2 min 5 s")
        XCTAssertEqual(durationText(7300), "2 h 1 min")
    }
}

/// Checks what nbformat v4.5 requires of each part (the schema's required keys and types), so
/// the shape is verified even where Python's jsonschema is not installed.
func checkNotebookStructure(_ object: Any, file: StaticString = #filePath, line: UInt = #line) throws {
    let notebook = try XCTUnwrap(object as? [String: Any], "the notebook is a JSON object", file: file, line: line)
    XCTAssertEqual(Set(notebook.keys), ["cells", "metadata", "nbformat", "nbformat_minor"], file: file, line: line)
    XCTAssertEqual(notebook["nbformat"] as? Int, 4, file: file, line: line)
    XCTAssertGreaterThanOrEqual(notebook["nbformat_minor"] as? Int ?? 0, 5, file: file, line: line)
    let metadata = try XCTUnwrap(notebook["metadata"] as? [String: Any], file: file, line: line)
    let kernelspec = try XCTUnwrap(metadata["kernelspec"] as? [String: Any], file: file, line: line)
    XCTAssertEqual(kernelspec["name"] as? String, "r3", file: file, line: line)
    XCTAssertNotNil(kernelspec["display_name"] as? String, file: file, line: line)
    XCTAssertEqual((metadata["language_info"] as? [String: Any])?["name"] as? String, "r3", file: file, line: line)
    let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]], file: file, line: line)
    var ids = Set<String>()
    for cell in cells {
        let id = try XCTUnwrap(cell["id"] as? String, "every cell has an id", file: file, line: line)
        XCTAssertNotNil(id.range(of: "^[a-zA-Z0-9-_]{1,64}$", options: .regularExpression), id, file: file, line: line)
        XCTAssertTrue(ids.insert(id).inserted, "ids are unique", file: file, line: line)
        XCTAssertNotNil(cell["metadata"] as? [String: Any], file: file, line: line)
        let source = try XCTUnwrap(cell["source"] as? [String], "source is a list of lines", file: file, line: line)
        for piece in source.dropLast() { XCTAssertTrue(piece.hasSuffix("\n"), file: file, line: line) }
        switch cell["cell_type"] as? String {
        case "markdown":
            XCTAssertEqual(Set(cell.keys), ["cell_type", "id", "metadata", "source"], file: file, line: line)
        case "code":
            XCTAssertEqual(Set(cell.keys), ["cell_type", "execution_count", "id", "metadata", "outputs", "source"], file: file, line: line)
            XCTAssertTrue(cell["execution_count"] is NSNull || (cell["execution_count"] as? Int ?? -1) >= 0, file: file, line: line)
            for output in try XCTUnwrap(cell["outputs"] as? [[String: Any]], file: file, line: line) {
                switch output["output_type"] as? String {
                case "stream":
                    XCTAssertEqual(Set(output.keys), ["output_type", "name", "text"], file: file, line: line)
                    XCTAssertTrue(["stdout", "stderr"].contains(output["name"] as? String ?? ""), file: file, line: line)
                    XCTAssertNotNil(output["text"] as? [String], file: file, line: line)
                case "display_data":
                    XCTAssertEqual(Set(output.keys), ["output_type", "data", "metadata"], file: file, line: line)
                    let data = try XCTUnwrap(output["data"] as? [String: Any], file: file, line: line)
                    for (mime, value) in data {
                        XCTAssertTrue(value is String || value is [String], mime, file: file, line: line)
                    }
                    if let png = data["image/png"] as? String {
                        XCTAssertNotNil(Data(base64Encoded: png.trimmingCharacters(in: .newlines)), file: file, line: line)
                    }
                case "execute_result":
                    XCTAssertEqual(Set(output.keys), ["output_type", "execution_count", "data", "metadata"], file: file, line: line)
                    XCTAssertEqual(output["execution_count"] as? Int, cell["execution_count"] as? Int, "Out[n] matches In[n]", file: file, line: line)
                    XCTAssertNotNil((output["data"] as? [String: Any])?["text/plain"] as? [String], file: file, line: line)
                case "error":
                    XCTAssertEqual(Set(output.keys), ["output_type", "ename", "evalue", "traceback"], file: file, line: line)
                    XCTAssertNotNil(output["traceback"] as? [String], file: file, line: line)
                default:
                    XCTFail("unknown output type \(String(describing: output["output_type"]))", file: file, line: line)
                }
            }
        default:
            XCTFail("unknown cell type \(String(describing: cell["cell_type"]))", file: file, line: line)
        }
    }
}

/// Runs a program, returning its exit status and combined output.
func runProgram(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return (-1, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
