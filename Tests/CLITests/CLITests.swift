import Foundation
import XCTest

/// The command line as a user meets it: running files, code, stdin; exit codes; help and version.
final class CLITests: XCTestCase {
    func testVersionAndHelp() throws {
        let v = try R3Binary.run(["--version"])
        XCTAssertEqual(v.status, 0)
        XCTAssertTrue(v.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, v.stdout)
        let h = try R3Binary.run(["--help"])
        XCTAssertEqual(h.status, 0)
        XCTAssertTrue(h.stdout.contains("USAGE: r3"), h.stdout)
        XCTAssertTrue(h.stdout.contains("bench"))
    }

    func testRunsCode() throws {
        let r = try R3Binary.run(["-e", "let x = 6 * 7\nprint(\"x = \\(x)\")"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "x = 42\n")
    }

    func testRunsAFileWithArguments() throws {
        let path = try R3Binary.temporaryFile("print(args)\n")
        let direct = try R3Binary.run([path, "a", "b"])
        XCTAssertEqual(direct.stdout, "[\"a\", \"b\"]\n")
        let viaRun = try R3Binary.run(["run", path, "c"])
        XCTAssertEqual(viaRun.stdout, "[\"c\"]\n")
    }

    func testStdinThatIsNotATerminalRunsAsAScript() throws {
        let r = try R3Binary.run([], input: "var t = 0\nfor i in 1...4 { t += i }\nprint(t)\n")
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "10\n")
        XCTAssertFalse(r.stdout.contains("r3>"), "no prompt or echo when stdin is a pipe")
    }

    func testRuntimeErrorExitsNonZeroWithLocationAndStack() throws {
        let path = try R3Binary.temporaryFile("fn f(xs) {\n  return xs[3]\n}\nprint(\"before\")\nf([1])\nprint(\"after\")\n", name: "fail.r3")
        let r = try R3Binary.run([path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "before\n")
        XCTAssertTrue(r.stderr.hasPrefix("\(path):2:12: error: index 3 is out of range for a list of 1 item"), r.stderr)
        XCTAssertTrue(r.stderr.contains(" 2 |   return xs[3]"), r.stderr)
        XCTAssertTrue(r.stderr.contains("in f, called from \(path):5:1"), r.stderr)
    }

    func testSyntaxErrorsAreAllReportedAndNothingRuns() throws {
        let path = try R3Binary.temporaryFile("print(\"ran\")\nlet a = (1 +\nlet b = \"open\n", name: "bad.r3")
        let r = try R3Binary.run([path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "", "a file with syntax errors does not start running")
        XCTAssertTrue(r.stderr.contains("bad.r3:3:9: syntax error: unterminated string"), r.stderr)
        XCTAssertTrue(r.stderr.contains("bad.r3:2:9: syntax error: '(' is never closed"), r.stderr)
    }

    func testMissingFileIsAClearError() throws {
        let r = try R3Binary.run(["/no/such/file.r3"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("no such file '/no/such/file.r3'"), r.stderr)
    }

    func testErrorsUseNoColorWhenNotATerminal() throws {
        let r = try R3Binary.run(["-e", "nope"], environment: ["NO_COLOR": ""])
        XCTAssertFalse(r.stderr.contains("\u{1B}["), "no escape codes in a pipe")
    }

    func testDeepRecursionIsCleanInTheBinary() throws {
        let r = try R3Binary.run(["-e", "fn r(n) { r(n + 1) }\nr(0)"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("stack overflow"), r.stderr)
    }

    func testNotebookCellsRunInOrderAsAScript() throws {
        let path = try R3Binary.temporaryFile("""
            # %% [markdown]
            # # A title
            # %%
            let x = 2
            # %% second cell
            print(x * 21)
            """, name: "nb.r3")
        let r = try R3Binary.run(["run", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "42\n")
    }

    func testBenchInterpPrintsNameSecondsLines() throws {
        let r = try R3Binary.run(["bench", "interp"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        for line in lines { XCTAssertTrue(line.hasPrefix("name=") && line.contains(" seconds="), String(line)) }
        let unknown = try R3Binary.run(["bench", "nope"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("unknown benchmark 'nope'"), unknown.stderr)
    }
}
