import Foundation
import XCTest

/// The REPL under a pseudo-terminal: echo, completion, continuation, Ctrl-C, errors, commands, history.
final class REPLTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(TerminalSession.isAvailable, "tmux is needed for the REPL tests (scripts/test installs it)")
    }

    func testEchoesValuesAndKeepsStateAcrossLines() throws {
        let t = try TerminalSession()
        t.waitFor("r3>")
        try t.type("let xs = [3, 1, 2]")
        try t.type("xs.sorted()")
        t.waitFor("[1, 2, 3]")
        try t.type("\"text\"")
        t.waitFor("\n\"text\"\n")  // the echo on a line of its own, not the typed input
        try t.type("print(xs.count)")
        t.waitFor("\n3\n")
    }

    func testTabCompletesNamesAndMethodsAfterADot() throws {
        let t = try TerminalSession()
        t.waitFor("r3>")
        try t.type("let learningRate = 0.5")
        try t.type("learningR", enter: false)
        try t.press("Tab")
        t.waitFor("r3> learningRate")
        try t.press("Enter")
        t.waitFor("\n0.5\n")
        try t.type("let xs = [3, 1]")
        try t.type("xs.sor", enter: false)
        try t.press("Tab")
        t.waitFor("r3> xs.sorted")
        try t.type("()")
        t.waitFor("[1, 3]")
        try t.type("let cfg = [\"alpha\": 1]")
        try t.type("cfg.alp", enter: false)
        try t.press("Tab")
        t.waitFor("cfg.alpha")
    }

    func testContinuationPromptWhileBracketsAreOpen() throws {
        let t = try TerminalSession()
        t.waitFor("r3>")
        try t.type("fn double(n) {")
        t.waitFor("...>")
        try t.type("n * 2")
        try t.type("}")
        try t.type("double(21)")
        t.waitFor("42")
        let prompts = t.count("...>")  // one for each line inside the braces
        XCTAssertEqual(prompts, 2)
        try t.type("let s = \"\"\"")
        t.waitFor(count: prompts + 1, of: "...>")  // an open multi-line string continues too
        try t.type("  two")
        try t.type("  \"\"\"")
        try t.type("s")
        t.waitFor("\"two\"")
    }

    func testCtrlCInterruptsALongRunAndTheSessionGoesOn() throws {
        let t = try TerminalSession()
        t.waitFor("r3>")
        try t.type("var n = 0")
        try t.type("while true { n += 1 }")
        Thread.sleep(forTimeInterval: 0.5)
        try t.press("C-c")
        t.waitFor("interrupted at <repl>:1:")
        try t.type("n > 0")
        t.waitFor("\ntrue\n")  // the echo, not the word in `while true`
        XCTAssertTrue(t.isRunning)
    }

    func testCtrlCAtThePromptClearsTheLine() throws {
        let t = try TerminalSession()
        t.waitFor("r3>")
        try t.type("fn broken(", enter: true)
        t.waitFor("...>")
        try t.press("C-c")
        try t.type("print(\"fresh\")")
        t.waitFor("\nfresh\n")
        XCTAssertTrue(t.isRunning)
    }

    func testRuntimeAndSyntaxErrorsNeverEndTheSession() throws {
        let t = try TerminalSession()
        t.waitFor("r3>")
        try t.type("[1][5]")
        t.waitFor("error: index 5 is out of range for a list of 1 item")
        try t.type("pritn(1)")
        t.waitFor("(did you mean 'print'?)")
        try t.type("let x = )")
        t.waitFor("syntax error")
        try t.type("fn r(n) { r(n + 1) }; r(0)")
        t.waitFor("stack overflow")
        try t.type("1 + 1")
        t.waitFor("\n2\n")
    }

    func testHelpLoadResetQuitAndHistory() throws {
        let t = try TerminalSession()
        t.waitFor("r3>")
        try t.type(":help")
        t.waitFor(":help NAME shows one")
        try t.type(":help list.map")
        t.waitFor("list.map(transform)")
        let file = try temporaryFile("let loaded = \"yes\"\n", name: "lib.r3")
        try t.type(":load \(file)")
        try t.type("loaded")
        t.waitFor("\"yes\"")
        try t.type(":reset")
        t.waitFor("session reset")
        try t.type("loaded")
        t.waitFor("undefined variable 'loaded'")
        try t.type(":quit")
        XCTAssertTrue(t.waitForExit())
        let history = try String(contentsOfFile: t.historyPath, encoding: .utf8)
        XCTAssertTrue(history.contains(":load \(file)"), history)
        XCTAssertTrue(history.contains("loaded"), history)
    }

    func testCtrlDExits() throws {
        let t = try TerminalSession()
        t.waitFor("r3>")
        try t.press("C-d")
        XCTAssertTrue(t.waitForExit())
    }

    func testHistoryIsSavedInTheHomeDirectoryByDefault() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("r3-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let t = try TerminalSession(command: "env -u R3_HISTORY HOME=\(home.path) NO_COLOR=1 \(try R3Binary.require())")
        t.waitFor("r3>")
        try t.type("let inHome = 7")
        try t.type(":quit")
        XCTAssertTrue(t.waitForExit())
        let history = try String(contentsOfFile: home.appendingPathComponent(".r3_history").path, encoding: .utf8)
        XCTAssertTrue(history.contains("let inHome = 7"), history)
    }

    /// Runs `typing` in a session on a fresh history file, ends it with Ctrl-D, and returns a second
    /// session on the same file at its prompt. The file is removed when the test ends.
    private func sessionAfter(typing: (TerminalSession) throws -> Void) throws -> TerminalSession {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("r3-hist-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: history) }
        let command = "env R3_HISTORY=\(history) NO_COLOR=1 \(try R3Binary.require())"
        let first = try TerminalSession(command: command)
        first.waitFor("r3>")
        try typing(first)
        try first.press("C-d")
        first.waitForExit()
        Thread.sleep(forTimeInterval: 0.5)
        let second = try TerminalSession(command: command)
        second.waitFor("r3>")
        return second
    }

    func testHistoryIsRecalledInANewSession() throws {
        let second = try sessionAfter { try $0.type("let remembered = 12345") }
        try second.press("Up")
        second.waitFor("r3> let remembered = 12345")
    }

    /// A block typed over several lines comes back from a new session's history as one entry, and
    /// Enter runs all of it.
    func testAMultiLineEntryIsRecalledWholeInANewSession() throws {
        let second = try sessionAfter { first in
            try first.type("fn twice(v) {")
            first.waitFor("...>")
            try first.type("  v * 2")
            try first.type("}")
        }
        try second.press("Up")
        second.waitFor("fn twice(v) {")
        try second.press("Enter")
        try second.type("twice(21)")
        second.waitFor("\n42")
    }
}
