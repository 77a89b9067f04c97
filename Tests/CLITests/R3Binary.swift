import Foundation
import XCTest

/// The built `r3` binary, run as a user would: R3_BIN when set, else the `r3` beside the test
/// bundle (the .build/<config> folder that `swift build --build-tests` fills).
enum R3Binary {
    static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["R3_BIN"], !explicit.isEmpty { return explicit }
        var candidates = [Bundle.main.bundleURL.appendingPathComponent("r3")]
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("r3"))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("r3"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("r3"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Thrown (failing the test, not skipping it) when there is no binary to run.
    struct MissingBinary: Error, CustomStringConvertible {
        var description: String { "the r3 binary was not found next to the test bundle; build it (swift build --build-tests) or set R3_BIN" }
    }

    static func require() throws -> String {
        guard let path else { throw MissingBinary() }
        return path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The stdout lines parsed as JSON objects.
        var records: [[String: Any]] {
            stdout.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
        }
    }

    /// A configured, not yet started `r3` process: NO_COLOR set, the caller's plot settings dropped,
    /// history kept out of the home folder; `environment` adds or overrides variables.
    static func process(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try require())
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for key in ["R3_PLOT", "R3_PLOT_DIR"] { env.removeValue(forKey: key) }
        env["NO_COLOR"] = "1"
        env["R3_HISTORY"] = FileManager.default.temporaryDirectory.appendingPathComponent("r3-test-history").path
        for (key, value) in environment { env[key] = value }
        p.environment = env
        return p
    }

    /// Runs `r3 ARGS` with `input` on stdin (a pipe, not a terminal) and waits for it (at most 120 s).
    static func run(_ arguments: [String], input: String = "", in directory: URL? = nil,
                    environment: [String: String] = [:],
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let p = try process(arguments, in: directory, environment: environment)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stderr
        try p.run()
        let out = Buffer(), err = Buffer()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { out.data = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err.data = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        if group.wait(timeout: .now() + 120) == .timedOut {
            p.terminate()
            XCTFail("r3 \(arguments.joined(separator: " ")) did not finish in 120 s", file: file, line: line)
        }
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: out.data, as: UTF8.self),
                      stderr: String(decoding: err.data, as: UTF8.self))
    }
}

/// Bytes filled by a reader thread and read after it has finished (the wait orders the accesses).
final class Buffer: @unchecked Sendable {
    var data = Data()
}

extension XCTestCase {
    /// A temporary file with the given text, in a fresh folder removed when the test ends.
    func temporaryFile(_ text: String, name: String = "script.r3") throws -> String {
        let directory = try makeTemporaryDirectory("r3-cli")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory(_ prefix: String = "r3-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
