import XCTest
@testable import R3Tasks

final class JSONLTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("r3-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func loadError(_ path: String, skip: Bool = false) -> JSONLError? {
        do {
            _ = try Dataset<CountdownTask>.loadJSONL(path: path, skipBadLines: skip)
            return nil
        } catch {
            return error
        }
    }

    func testLoadsCountdownLines() throws {
        let path = try file("cd.jsonl", "{\"nums\": [44, 19, 35], \"target\": 98}\r\n\n{\"target\": 12, \"nums\": [3, 4], \"extra\": \"ignored\"}\n   \n{\"nums\": [5.0, 2], \"target\": 7.0}")
        let (ds, report) = try Dataset<CountdownTask>.loadJSONL(path: path)
        XCTAssertEqual(ds.elements, [try CountdownTask(nums: [44, 19, 35], target: 98), try CountdownTask(nums: [3, 4], target: 12), try CountdownTask(nums: [5, 2], target: 7)])
        XCTAssertEqual(report.records, 3)
        XCTAssertEqual(report.blankLines, 2)
        XCTAssertEqual(report.skippedCount, 0)
        XCTAssertEqual(report.description, "loaded 3 records from \(path)")
        // A UTF-8 byte-order mark is skipped.
        let bom = try file("bom.jsonl", "\u{FEFF}{\"nums\": [1], \"target\": 1}\n")
        XCTAssertEqual(try Dataset<CountdownTask>.loadJSONL(path: bom).dataset.count, 1)
    }

    func testMalformedLineNamesFileLineAndColumn() throws {
        let path = try file("bad.jsonl", "{\"nums\": [1, 2], \"target\": 3}\n{\"nums\": [1, 2], \"target\": 3}\n  {\"nums\": [1, 2] \"target\": 3}\n")
        let e = try XCTUnwrap(loadError(path))
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.column, 19)
        XCTAssertEqual(e.description, "\(path):3:19: unexpected character '\"': expected ',' or '}' in object")
    }

    func testSkipBadLinesCountsThem() throws {
        let lines = [
            "{\"nums\": [1, 2], \"target\": 3}",
            "not json",
            "{\"nums\": [1, 2]}",
            "{\"nums\": [4, 5], \"target\": 9}",
            "{\"nums\": \"1 2\", \"target\": 3}",
        ]
        let path = try file("mixed.jsonl", lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(loadError(path)?.line, 2)
        let (ds, report) = try Dataset<CountdownTask>.loadJSONL(path: path, skipBadLines: true)
        XCTAssertEqual(ds.count, 2)
        XCTAssertEqual(report.records, 2)
        XCTAssertEqual(report.skippedCount, 3)
        XCTAssertEqual(report.skipped.map(\.line), [2, 3, 5])
        XCTAssertEqual(report.skipped[1].description, "\(path):3: field \"target\": missing")
        XCTAssertEqual(report.description, "loaded 2 records from \(path); skipped 3 bad lines (first: \(path):2:1: invalid literal 'not': expected 'null')")
    }

    func testMissingFieldAndWrongType() throws {
        XCTAssertEqual(loadError(try file("a.jsonl", "{\"nums\": [1, 2], \"target\": 3}\n{\"nums\": [1, 2]}\n"))?.description.hasSuffix(":2: field \"target\": missing"), true)
        let wrong = try XCTUnwrap(loadError(try file("b.jsonl", "{\"nums\": [1, 2], \"target\": \"3\"}\n")))
        XCTAssertEqual(wrong.line, 1)
        XCTAssertEqual(wrong.field, "target")
        XCTAssertEqual(wrong.message, "expected an integer, got a string")
        XCTAssertEqual(loadError(try file("c.jsonl", "{\"nums\": [1, 2.5], \"target\": 3}\n"))?.field, "nums[1]")
        XCTAssertEqual(loadError(try file("c2.jsonl", "{\"nums\": [1, 2], \"target\": 3.5}\n"))?.message, "expected an integer, got 3.5")
        XCTAssertEqual(loadError(try file("d.jsonl", "[1, 2]\n"))?.description.hasSuffix(":1: field \"(record)\": expected an object, got an array"), true)
        XCTAssertEqual(loadError(try file("e.jsonl", "{\"nums\": [], \"target\": 3}\n"))?.message, "must hold at least one number")
    }

    func testEmptyAndUnreadableFiles() throws {
        XCTAssertEqual(loadError(try file("empty.jsonl", ""))?.message, "empty file: no JSONL records")
        XCTAssertEqual(loadError(try file("blank.jsonl", "\n  \n\n"))?.message, "no records: the file holds only blank lines")
        let allBad = try file("allbad.jsonl", "x\ny\n")
        XCTAssertEqual(loadError(allBad, skip: true)?.message, "no valid records: all 2 lines are bad; first: \(allBad):1:1: unexpected character 'x': expected a JSON value")
        XCTAssertEqual(loadError(dir.appendingPathComponent("missing.jsonl").path)?.message, "no such file")
        XCTAssertEqual(loadError(dir.path)?.message, "is a directory, not a JSONL file")
    }

    func testWriteThenLoadRoundTrip() throws {
        let tasks = try CountdownGenerator.generate(.init(count: 50, seed: 9))
        let path = dir.appendingPathComponent("out.jsonl").path
        try Dataset(tasks).writeJSONL(path: path)
        XCTAssertEqual(try Dataset<CountdownTask>.loadJSONL(path: path).dataset.elements, tasks)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first.map(String.init), tasks[0].json.description)
        // No temporary file is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.jsonl"])

        let fc = try FunctionCallingGenerator.generate(.init(count: 20, seed: 9))
        let fcPath = dir.appendingPathComponent("fc.jsonl").path
        try Dataset(fc).writeJSONL(path: fcPath)
        XCTAssertEqual(try Dataset<FunctionCallingTask>.loadJSONL(path: fcPath).dataset.elements, fc)
        let any = try Dataset<AnyTask>.loadJSONL(path: fcPath, kind: .functionCalling).dataset
        XCTAssertEqual(any.elements, fc.map { AnyTask.functionCalling($0) })
        let text = try file("text.jsonl", "{\"prompt\": \"2+2=\", \"answer\": \"4\", \"source\": \"toy\"}\n")
        let t = try Dataset<AnyTask>.loadJSONL(path: text, kind: .text).dataset[0]
        guard case .text(let tt) = t else { return XCTFail("not a text task") }
        XCTAssertEqual(tt.answer, "4")
        XCTAssertEqual(tt.fields["source"], "toy")
    }

    func testXlamFileLoads() throws {
        let path = try file("xlam.jsonl", xlamLines.joined(separator: "\n") + "\n")
        let (ds, report) = try Dataset<FunctionCallingTask>.loadJSONL(path: path)
        XCTAssertEqual(ds.count, xlamLines.count)
        XCTAssertEqual(report.records, xlamLines.count)
        XCTAssertEqual(ds.elements.map(\.id), [0, 1, 2, 3])
        let broken = try file("xlam-bad.jsonl", xlamLines[0] + "\n" + #"{"query": "q", "tools": "[{\"name\": \"f\"}]", "answers": "[{\"name\": \"g\"}]"}"# + "\n")
        do {
            _ = try Dataset<FunctionCallingTask>.loadJSONL(path: broken)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.description, "\(broken):2: field \"answers[0].name\": calls g, which is not in tools")
        }
    }
}

final class DatasetTests: XCTestCase {
    let ds = Dataset(Array(0..<100))

    func testShuffleIsASeededPermutation() {
        let a = ds.shuffled(seed: 1)
        XCTAssertEqual(a, ds.shuffled(seed: 1))
        XCTAssertNotEqual(a, ds.shuffled(seed: 2))
        XCTAssertNotEqual(a, ds)
        XCTAssertEqual(a.elements.sorted(), ds.elements)
    }

    func testSplitPrefixMapFilter() throws {
        let (train, test) = try ds.split(fraction: 0.9)
        XCTAssertEqual(train.count, 90)
        XCTAssertEqual(test.elements, Array(90..<100))
        XCTAssertEqual(try ds.split(fraction: 0).0.count, 0)
        XCTAssertEqual(try ds.split(fraction: 1).1.count, 0)
        XCTAssertEqual(try Dataset([1, 2, 3]).split(fraction: 0.5).0.elements, [1, 2])  // round half up
        XCTAssertThrowsError(try ds.split(fraction: 1.5))
        XCTAssertThrowsError(try ds.split(fraction: .nan))
        XCTAssertEqual(ds.prefix(3).elements, [0, 1, 2])
        XCTAssertEqual(ds.prefix(-1).count, 0)
        XCTAssertEqual(ds.prefix(1000).count, 100)
        XCTAssertEqual(ds.map { $0 * 2 }[3], 6)
        XCTAssertEqual(ds.filter { $0 % 10 == 0 }.count, 10)
        XCTAssertEqual(ds.element(at: 99), 99)
        XCTAssertNil(ds.element(at: 100))
        XCTAssertNil(ds.element(at: -1))
    }
}
