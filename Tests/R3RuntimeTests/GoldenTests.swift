import Foundation
import R3Runtime
import R3Script
import XCTest

/// Golden script tests (the craftinginterpreters layout): every `.r3` file under Tests/golden is one
/// behaviour. `# expect: TEXT` lines give the expected output lines in order; `# expect error: TEXT`
/// says the run must fail with an error containing TEXT (every such line must match) — on that
/// line when the comment follows code. Files under a `fixtures` folder are imported by tests and not run on their own.
final class GoldenTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("golden")

    struct Expectation {
        var output: [String] = []
        var errors: [String] = []
        var errorLine: Int?
    }

    static func expectations(in text: String) -> Expectation {
        var e = Expectation()
        for (i, line) in text.components(separatedBy: "\n").enumerated() {
            guard let r = line.range(of: "# expect") else { continue }
            let rest = line[r.upperBound...]
            let onCode = !line[..<r.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty
            if rest.hasPrefix(": ") {
                e.output.append(String(rest.dropFirst(2)))
            } else if rest.hasPrefix(":") {
                e.output.append("")
            } else if rest.hasPrefix(" error: ") {
                e.errors.append(String(rest.dropFirst(8)))
                if onCode && e.errorLine == nil { e.errorLine = i + 1 }
            }
        }
        return e
    }

    static func goldenFiles() -> [URL] {
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "r3" && !$0.pathComponents.contains("fixtures") } ?? []
        return files.sorted { $0.path < $1.path }
    }

    /// Runs one file in a fresh session and returns what went wrong, or nil.
    static func check(_ url: URL) -> String? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return "cannot read" }
        let expected = expectations(in: text)
        if expected.output.isEmpty && expected.errors.isEmpty { return "has no # expect lines: a test that cannot fail" }
        var output = ""
        var failure: ScriptError?
        Interpreter.runOnLargeStack(bytes: 256 << 20) {
            let interp = Runtime.makeInterpreter()
            interp.output = { output += $0 }
            do { try interp.runFile(url.path) } catch let e as ScriptError { failure = e } catch {
                failure = ScriptError("\(error)")
            }
        }
        var lines = output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var problems: [String] = []
        if lines != expected.output {
            problems.append("output:\n" + lines.map { "  | \($0)" }.joined(separator: "\n")
                            + "\nexpected:\n" + expected.output.map { "  | \($0)" }.joined(separator: "\n"))
        }
        switch (expected.errors.isEmpty, failure) {
        case (true, nil): break
        case (true, let f?): problems.append("unexpected error:\n\(Diagnostics.render(f, color: false))")
        case (false, nil): problems.append("expected an error containing \"\(expected.errors[0])\", but the script succeeded")
        case (false, let f?):
            let rendered = Diagnostics.render(f, color: false)
            for text in expected.errors where !rendered.contains(text) {
                problems.append("expected an error containing \"\(text)\", got:\n\(rendered)")
            }
            if let line = expected.errorLine, let at = f.location?.line, at != line {
                problems.append("expected the error on line \(line), got line \(at):\n\(rendered)")
            }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "\n")
    }

    func testGoldenScripts() {
        // The scripts write their files under /tmp/r3-golden-*; remove them when the run ends.
        addTeardownBlock {
            let fm = FileManager.default
            for name in (try? fm.contentsOfDirectory(atPath: "/tmp")) ?? [] where name.hasPrefix("r3-golden-") {
                try? fm.removeItem(atPath: "/tmp/" + name)
            }
        }
        let files = GoldenTests.goldenFiles()
        XCTAssertGreaterThanOrEqual(files.count, 80, "the language needs at least 80 golden tests")
        for url in files {
            if let problem = GoldenTests.check(url) {
                XCTFail("\(url.path.replacingOccurrences(of: GoldenTests.root.path + "/", with: "")): \(problem)")
            }
        }
    }
}
