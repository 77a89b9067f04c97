import Foundation
import XCTest

/// Runs r3 with `arguments` in `directory`, stdout and stderr on pipes (not a terminal).
func runR3(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> R3Binary.Result {
    try R3Binary.run(arguments, in: directory, environment: environment)
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
