import Foundation
import XCTest
@testable import R3Models

/// Paths of the committed fixtures (a copied test resource) and small helpers shared by the tests.
enum Fixture {
    static var root: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(relative))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
    /// A fresh temporary folder, removed at the end of the test.
    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("r3models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// Asserts that `body` throws a ModelError whose message contains every one of `parts`.
func assertThrowsMessage<T>(_ body: @autoclosure () throws -> T, contains parts: [String],
                            file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try body()
        XCTFail("expected an error containing \(parts)", file: file, line: line)
    } catch {
        let message = "\(error)"
        for p in parts where !message.contains(p) {
            XCTFail("error \"\(message)\" does not contain \"\(p)\"", file: file, line: line)
        }
    }
}

func ints(_ any: Any?) -> [Int] { (any as? [Any] ?? []).map { ($0 as! NSNumber).intValue } }
func intRows(_ any: Any?) -> [[Int]] { (any as? [Any] ?? []).map(ints) }
