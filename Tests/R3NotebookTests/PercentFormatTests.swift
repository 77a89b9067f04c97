import XCTest
@testable import R3Notebook

final class PercentFormatTests: XCTestCase {
    func testSplitsCodeMarkdownAndTitledCells() throws {
        let script = """
            let seed = 1

            # %% [markdown]
            # # Countdown
            #
            # Train a *tiny* model.
            # %% Load the data
            let tasks = countdown.generate(count: 10, seed: seed)
            # not a header: # %% inside a comment line

            #%%
            print(tasks.count)
            # %% Notes [md]
            # done
            """
        let doc = try NotebookDocument(percentFormat: script, file: "run.r3")
        XCTAssertEqual(doc.cells.map(\.kind), [.code, .markdown, .code, .code, .markdown])
        XCTAssertEqual(doc.cells[0].source, "let seed = 1")
        XCTAssertNil(doc.cells[0].headerLine)
        XCTAssertEqual(doc.cells[0].sourceLine, 1)
        XCTAssertEqual(doc.cells[1].source, "# Countdown\n\nTrain a *tiny* model.")
        XCTAssertEqual(doc.cells[1].headerLine, 3)
        XCTAssertEqual(doc.cells[2].title, "Load the data")
        XCTAssertEqual(doc.cells[2].source, "let tasks = countdown.generate(count: 10, seed: seed)\n# not a header: # %% inside a comment line")
        XCTAssertEqual(doc.cells[2].sourceLine, 8)
        XCTAssertEqual(doc.cells[3].source, "print(tasks.count)")
        XCTAssertEqual(doc.cells[3].sourceLine, 12)
        XCTAssertEqual(doc.cells[4].title, "Notes")
        XCTAssertEqual(doc.cells[4].source, "done")
    }

    func testEmptyCellsAndBlankPreamble() throws {
        let doc = try NotebookDocument(percentFormat: "\n\n# %%\n\n# %% [markdown]\n# %%\r\nprint(1)\r\n", file: "e.r3")
        XCTAssertEqual(doc.cells.count, 3, "blank lines before the first header make no cell")
        XCTAssertTrue(doc.cells[0].isEmpty)
        XCTAssertEqual(doc.cells[0].kind, .code)
        XCTAssertEqual(doc.cells[0].sourceLine, 4)
        XCTAssertTrue(doc.cells[1].isEmpty)
        XCTAssertEqual(doc.cells[2].source, "print(1)")
        XCTAssertEqual(try NotebookDocument(percentFormat: "", file: "x").cells, [])
        XCTAssertEqual(try NotebookDocument(percentFormat: "print(1)", file: "x").cells.map(\.source), ["print(1)"])
    }

    func testMarkdownOnlyNotebook() throws {
        let doc = try NotebookDocument(percentFormat: "# %% [markdown]\n# Only text\n# %% [markdown]\n# More\n", file: "m.r3")
        XCTAssertEqual(doc.cells.map(\.kind), [.markdown, .markdown])
        XCTAssertEqual(doc.cells.map(\.source), ["Only text", "More"])
    }

    func testMalformedHeadersNameTheLine() {
        let cases: [(String, String)] = [
            ("print(1)\n# %% [markdwn]\n# x\n",
             "bad.r3:2: malformed cell header '# %% [markdwn]': unknown cell type '[markdwn]' (expected '# %% [markdown]', or '# %%' for code)"),
            ("# %% [markdown\n", "bad.r3:1: malformed cell header '# %% [markdown': the '[' is never closed (expected '# %% [markdown]')"),
            ("x\ny\n# %%markdown\n", "bad.r3:3: malformed cell header '# %%markdown': expected a space after '# %%' (write '# %% markdown' for a titled cell)"),
            ("# %% [markdown] Intro\n", "bad.r3:1: malformed cell header '# %% [markdown] Intro': unexpected 'Intro' after '[markdown]' (a title goes before the cell type)"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try NotebookDocument(percentFormat: text, file: "bad.r3")) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
        XCTAssertNoThrow(try NotebookDocument(percentFormat: "# %% [markdown] tags=[\"x\"]\n# ok\n", file: "ok.r3"),
                         "Jupytext metadata after the type is allowed")
    }

    func testReadingAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nb-\(UUID().uuidString).r3")
        try "# %%\nprint(1)\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let doc = try NotebookDocument(contentsOfFile: url.path)
        XCTAssertEqual(doc.file, url.path)
        XCTAssertEqual(doc.cells.count, 1)
        XCTAssertThrowsError(try NotebookDocument(contentsOfFile: "/no/such/notebook.r3")) { error in
            XCTAssertEqual("\(error)", "/no/such/notebook.r3: no such file")
        }
        XCTAssertThrowsError(try NotebookDocument(contentsOfFile: url.deletingLastPathComponent().path)) { error in
            XCTAssertTrue("\(error)".hasSuffix(": is a folder, not a notebook file"), "\(error)")
        }
    }
}
