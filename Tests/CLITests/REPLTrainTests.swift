import Foundation
import XCTest

/// r3train at the REPL on a real pseudo-terminal (tmux): a progress bar and live curves while it
/// runs, and Ctrl-C in the middle of a run stops it after the current step with a checkpoint and
/// returns the run, with the session intact.
final class REPLTrainTests: XCTestCase {
    func testCtrlCStopsTrainingWithACheckpointAndTheSessionGoesOn() throws {
        try XCTSkipUnless(TerminalSession.isAvailable, "tmux is not installed")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("r3-repl-train-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TerminalSession(width: 120, height: 50)
        t.waitFor("r3>")
        try t.type("let m = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)")
        try t.type("let fails = failures(m, countdown.generate(count: 20, numbers: 3, seed: 1), maxTokens: 6)")
        try t.type("fails.count")
        t.waitFor("\n20\n")
        try t.type("let run = r3train(m, fails, steps: 100000, group: 4, tasksPerStep: 2, maxTokens: 6, checkpointEvery: 100000, checkpointDir: \"\(dir)\")")
        t.waitFor("r3train")  // the progress bar
        Thread.sleep(forTimeInterval: 1.5)
        try t.press("C-c")
        t.waitFor("r3train: stopped by Ctrl-C after step", timeout: 30)
        try t.type("print(run.stopped, run.steps > 0, run.checkpoint != nil, run.log.count == run.steps)")
        t.waitFor("true true true true")
        let screen = t.screen
        XCTAssertTrue(screen.contains("reward"), "the live curve of the reward was drawn:\n\(screen)")
        let checkpoints = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("checkpoint-") }
        XCTAssertEqual(checkpoints.count, 1, "only the Ctrl-C checkpoint: \(checkpoints)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(dir)/\(checkpoints[0])/model.safetensors"))
        XCTAssertTrue(t.isRunning)
    }
}
