import Foundation
import XCTest

/// Drives the real r3 binary in a pseudo-terminal through tmux (its own server socket per session),
/// as a user at a keyboard would.
final class TerminalSession {
    let socket = "r3test-\(UUID().uuidString.prefix(8))"
    let historyPath: String

    init(width: Int = 100, height: Int = 40, command: String? = nil) throws {
        historyPath = FileManager.default.temporaryDirectory.appendingPathComponent("r3-history-\(UUID().uuidString)").path
        let cmd = try command ?? "env R3_HISTORY=\(historyPath) NO_COLOR=1 \(try R3Binary.require())"
        // The server this starts would hold a captured pipe open forever: do not capture.
        try tmux(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", cmd], capture: false)
    }

    deinit {
        _ = try? tmux(["kill-server"], capture: false)
        try? FileManager.default.removeItem(atPath: historyPath)
    }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        p.arguments = ["-L", socket] + arguments
        p.standardError = FileHandle.nullDevice
        guard capture else {
            _ = TerminalSession.spawnDetached("/usr/bin/tmux", ["-L", socket] + arguments)
            return ""
        }
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs a program with stdio on /dev/null and every other descriptor closed, and waits for it.
    /// tmux's server daemon would otherwise inherit Foundation's internal process-monitoring
    /// socket, and `Process.waitUntilExit` would never return.
    @discardableResult
    static func spawnDetached(_ path: String, _ arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for fd in open where fd > 2 && fcntl(fd, F_GETFD) != -1 { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xff
    }

    /// Types text (literally) followed by Enter unless `enter` is false.
    func type(_ text: String, enter: Bool = true) throws {
        try tmux(["send-keys", "-t", "main", "-l", text])
        if enter { try tmux(["send-keys", "-t", "main", "Enter"]) }
    }

    /// Sends named keys: "Tab", "C-c", "C-d", "Up".
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    var screen: String { (try? tmux(["capture-pane", "-t", "main", "-p", "-S", "-200"])) ?? "" }

    /// Waits until the screen contains `text` (polling), and returns the screen. capture-pane drops
    /// trailing spaces, so wait for "r3>" rather than "r3> ".
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let s = screen
            if s.contains(text) { return s }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let s = screen
        XCTFail("timed out waiting for \"\(text)\"; the screen shows:\n\(s)", file: file, line: line)
        return s
    }

    /// Waits until `text` appears on the screen at least `count` times.
    func waitFor(count: Int, of text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if self.count(text) >= count { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out waiting for \(count) times \"\(text)\"; the screen shows:\n\(screen)", file: file, line: line)
    }

    /// Counts occurrences of a text on the screen.
    func count(_ text: String) -> Int { screen.components(separatedBy: text).count - 1 }

    var isRunning: Bool { (try? tmux(["list-panes", "-t", "main", "-F", "#{pane_dead}"]))?.contains("0") ?? false }

    /// Waits up to `timeout` seconds for r3 to end; true when it has.
    @discardableResult
    func waitForExit(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return !isRunning
    }
}
