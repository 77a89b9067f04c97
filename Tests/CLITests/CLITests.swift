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
        let path = try temporaryFile("print(args)\n")
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

    func testPrintedLinesReachAPipeWhileTheScriptStillRuns() throws {
        let path = try temporaryFile("print(\"step 1\")\nwhile true {}\n", name: "forever.r3")
        let p = try R3Binary.process([path])
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        // A watchdog ends the script after 20 s; a line still held in the buffer then never arrives
        // (the process is killed, not exited), and the read below comes back empty.
        let watchdog = DispatchWorkItem { kill(p.processIdentifier, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
        let first = out.fileHandleForReading.availableData
        watchdog.cancel()
        p.terminate()
        p.waitUntilExit()
        XCTAssertEqual(String(decoding: first, as: UTF8.self), "step 1\n", "the printed line stayed in the buffer")
    }

    func testRuntimeErrorExitsNonZeroWithLocationAndStack() throws {
        let path = try temporaryFile("fn f(xs) {\n  return xs[3]\n}\nprint(\"before\")\nf([1])\nprint(\"after\")\n", name: "fail.r3")
        let r = try R3Binary.run([path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "before\n")
        XCTAssertTrue(r.stderr.hasPrefix("\(path):2:12: error: index 3 is out of range for a list of 1 item"), r.stderr)
        XCTAssertTrue(r.stderr.contains(" 2 |   return xs[3]"), r.stderr)
        XCTAssertTrue(r.stderr.contains("in f, called from \(path):5:1"), r.stderr)
    }

    func testSyntaxErrorsAreAllReportedAndNothingRuns() throws {
        let path = try temporaryFile("print(\"ran\")\nlet a = (1 +\nlet b = \"open\n", name: "bad.r3")
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

    /// A 100 MB single-line file runs, or fails with a short error naming file:line:col, in about
    /// the time it takes to read it: the parser pulls tokens from the lexer, so input nested too
    /// deeply stops the reading at the first error.
    func testHundredMegabyteSingleLineFiles() throws {
        let directory = try makeTemporaryDirectory("r3-big")
        defer { try? FileManager.default.removeItem(at: directory) }
        let size = 100_000_000
        func file(_ name: String, _ prefix: String, _ repeated: String, _ suffix: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            var data = Data(prefix.utf8)
            data.append(Data(repeating: repeated.utf8.first!, count: size))
            data.append(Data(suffix.utf8))
            try data.write(to: url)
            return url.path
        }
        let valid = try R3Binary.run([try file("string.r3", "print(\"", "a", "\".count)")])
        XCTAssertEqual(valid.status, 0, valid.stderr)
        XCTAssertEqual(valid.stdout, "\(size)\n")

        for (name, prefix, repeated, suffix, message) in [
            ("bad.r3", "let x = \"", "b", "\" $ 1", "bad.r3:1:\(size + 12): syntax error: unexpected character '$'"),
            ("parens.r3", "let x = ", "(", "", "parens.r3:1:2009: syntax error: expression or block nested too deeply"),
            ("brackets.r3", "print(", "[", "", "brackets.r3:1:2005: syntax error: expression or block nested too deeply"),
        ] {
            let r = try R3Binary.run([try file(name, prefix, repeated, suffix)])
            XCTAssertEqual(r.status, 1, name)
            XCTAssertEqual(r.stdout, "", name)
            XCTAssertTrue(r.stderr.hasPrefix(directory.appendingPathComponent(message).path), "\(name): \(r.stderr.prefix(300))")
            XCTAssertLessThan(r.stderr.count, 2_000, "the excerpt of the line is a short window")
        }
        // A chain of 50 million operators: deeper than the tree may be, stopped at the 2001st.
        let chainURL = directory.appendingPathComponent("chain.r3")
        try Data(("let x = " + String(repeating: "1+", count: size / 2) + "1").utf8).write(to: chainURL)
        let chain = try R3Binary.run([chainURL.path])
        XCTAssertEqual(chain.status, 1)
        XCTAssertTrue(chain.stderr.contains("chain.r3:1:4009: syntax error: expression or block nested too deeply"), String(chain.stderr.prefix(300)))
    }

    func testNotebookCellsRunInOrderAsAScript() throws {
        let path = try temporaryFile("""
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

    /// An error in an imported file names it by its path from the working directory, so the file can
    /// be opened from the shell that ran r3; so does an import cycle.
    func testErrorsInImportedFilesNameThePathFromTheWorkingDirectory() throws {
        let directory = try makeTemporaryDirectory("r3-cli")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let sub = directory.appendingPathComponent("imp/sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "import \"sub/helper.r3\"\n".write(to: directory.appendingPathComponent("imp/main.r3"), atomically: true, encoding: .utf8)
        try "let x = 1\nprint(undefinedName)\n".write(to: sub.appendingPathComponent("helper.r3"), atomically: true, encoding: .utf8)
        let r = try R3Binary.run(["imp/main.r3"], in: directory)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.hasPrefix("imp/sub/helper.r3:2:7: error: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("imp/main.r3:1:1"), r.stderr)

        try "import \"b.r3\"\n".write(to: directory.appendingPathComponent("imp/a.r3"), atomically: true, encoding: .utf8)
        try "import \"a.r3\"\n".write(to: directory.appendingPathComponent("imp/b.r3"), atomically: true, encoding: .utf8)
        let cycle = try R3Binary.run(["imp/a.r3"], in: directory)
        XCTAssertTrue(cycle.stderr.hasPrefix("imp/b.r3:1:1: error: import cycle: imp/a.r3 -> imp/b.r3 -> imp/a.r3"), cycle.stderr)
    }

    func testBenchVerifyPrintsKeyValueLines() throws {
        let r = try R3Binary.run(["bench", "verify", "--count", "100", "--repeats", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 10, r.stdout)
        for line in lines {
            XCTAssertTrue(line.hasPrefix("name="), String(line))
            XCTAssertFalse(line.split(separator: " ").contains { !$0.contains("=") }, "every field is key=value: \(line)")
        }
        XCTAssertTrue(r.stdout.contains("name=language_script_loop_pure outputs=100 pass_pct="), r.stdout)
        XCTAssertTrue(r.stdout.contains(" cpu_cost_vs_native="), r.stdout)
    }

    /// The GRPO benchmark runs TRL's settings at a toy size and reports its two figures.
    func testBenchGRPOPrintsStepTimeAndThroughput() throws {
        let r = try R3Binary.run(["bench", "grpo", "--layers", "1", "--dim", "16", "--prompts", "2", "--group", "2", "--new", "4", "--steps", "3"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("grpo layers=1 dim=16 prompts=2 group=2 new=4 s_per_step="), r.stdout)
        XCTAssertTrue(r.stdout.contains(" completion_tok_per_s="), r.stdout)
        let bad = try R3Binary.run(["bench", "grpo", "--group", "zero"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--group must be a positive whole number, got 'zero'"), bad.stderr)
    }

    /// R3_THREADS sets the model kernels' worker count too, not only the tensor library's.
    func testThreadsVariableSetsTheModelWorkers() throws {
        for threads in ["1", "3"] {
            let r = try R3Binary.run(["bench", "sample", "--config", "tiny", "--batch", "1"], environment: ["R3_THREADS": threads])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains(" threads=\(threads) "), r.stdout)
        }
    }
}
