import Foundation
import XCTest

/// Finds the r3 executable the tests run: `R3_BIN`, else the one built beside the test bundle
/// (`.build/<config>/r3`).
enum R3Binary {
    static var path: String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["R3_BIN"], !explicit.isEmpty { return explicit }
        var candidates = [Bundle.main.bundleURL.appendingPathComponent("r3")]
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("r3"))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("r3"))
        }
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func require() throws -> String {
        guard let path else { throw XCTSkip("the r3 executable was not found; build it or set R3_BIN") }
        return path
    }
}

/// The result of running r3.
struct Execution {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs r3 with `arguments` in `directory`, stdout and stderr on pipes (not a terminal). The
/// environment drops the plot settings of the caller unless given in `environment`.
func runR3(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Execution {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try R3Binary.require())
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    for key in ["R3_PLOT", "R3_PLOT_DIR", "NO_COLOR"] { env.removeValue(forKey: key) }
    env["R3_HISTORY"] = directory.appendingPathComponent(".r3_history").path
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    final class Collected: @unchecked Sendable { var data = Data() }
    let errors = Collected()
    let reader = Thread { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return Execution(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errors.data, as: UTF8.self))
}

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The width and height recorded in a PNG file's IHDR chunk, nil when it is not a PNG.
func pngSize(ofFile path: String) -> (width: Int, height: Int)? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return pngSize(data)
}

func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A][...],
          bytes[12..<16] == Array("IHDR".utf8)[...] else { return nil }
    func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (word(16), word(20))
}

/// Whether gnuplot is on PATH (plots need it).
var gnuplotInstalled: Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/gnuplot") }
}
