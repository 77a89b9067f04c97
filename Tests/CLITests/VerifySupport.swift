import Foundation
import XCTest

/// Runs the built `r3` binary: R3_BIN when set, else the `r3` next to the test bundle (the
/// .build/<config> folder that `swift build --build-tests` fills).
enum R3Binary {
    static let url: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["R3_BIN"] { candidates.append(URL(fileURLWithPath: env)) }
        let bundle = Bundle(for: BundleToken.self).bundleURL
        candidates += [bundle.deletingLastPathComponent().appendingPathComponent("r3"),
                       bundle.appendingPathComponent("r3"),
                       Bundle.main.bundleURL.appendingPathComponent("r3"),
                       URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("r3")]
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }()

    private final class BundleToken {}

    /// Thrown (failing the test) when there is no binary to run.
    struct MissingBinary: Error, CustomStringConvertible {
        var description: String { "the r3 binary was not found next to the test bundle; build it (swift build --build-tests) or set R3_BIN" }
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

    /// Runs `r3 ARGS` in `directory` with `input` on stdin and waits for it (at most 120 s).
    static func run(_ arguments: [String], input: String = "", in directory: URL? = nil,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let p = try process(arguments, in: directory)
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
        return Result(status: p.terminationStatus, stdout: String(decoding: out.data, as: UTF8.self), stderr: String(decoding: err.data, as: UTF8.self))
    }

    /// A configured, not yet started `r3` process.
    static func process(_ arguments: [String], in directory: URL? = nil) throws -> Process {
        guard let url else {
            throw MissingBinary()
        }
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        p.environment = env
        return p
    }
}

/// Bytes filled by a reader thread and read after it has finished (the wait orders the accesses).
final class Buffer: @unchecked Sendable {
    var data = Data()
}

/// A fresh temporary directory per test, removed afterwards.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("r3-verify-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
