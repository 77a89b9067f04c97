import Foundation
import XCTest

/// The built `r3` binary and helpers to run it as a user would.
enum Binary {
    /// R3_BIN, else the r3 next to the test bundle (the same build configuration).
    static var path: String {
        if let p = ProcessInfo.processInfo.environment["R3_BIN"] { return p }
        let beside = Bundle.main.bundleURL.appendingPathComponent("r3").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for config in ["release", "debug"] {
            let p = root.appendingPathComponent(".build/\(config)/r3").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return beside
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs r3 with arguments and optional stdin, waiting for it to finish.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    directory: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A temporary file with the given text.
    static func temporaryFile(_ text: String, name: String = "script.r3") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("r3-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
