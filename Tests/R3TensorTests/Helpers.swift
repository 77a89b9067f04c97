import XCTest
@testable import R3Tensor

/// Asserts that `body` throws a `TensorError` whose description contains every string in `parts`.
func assertTensorError<T>(_ body: @autoclosure () throws -> T, contains parts: [String],
                          file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try body()
        XCTFail("expected a TensorError containing \(parts)", file: file, line: line)
    } catch let e as TensorError {
        for p in parts where !e.description.contains(p) {
            XCTFail("error \"\(e.description)\" does not contain \"\(p)\"", file: file, line: line)
        }
    } catch {
        XCTFail("unexpected error type \(error)", file: file, line: line)
    }
}

/// Element-wise closeness with |a - b| <= atol + rtol * |b|.
func assertClose(_ a: [Float], _ b: [Float], atol: Float = 1e-5, rtol: Float = 1e-5, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "count \(message)", file: file, line: line)
    var worst: (Int, Float, Float)? = nil
    var failures = 0
    for i in 0..<min(a.count, b.count) {
        let ok = abs(a[i] - b[i]) <= atol + rtol * abs(b[i]) || (a[i].isNaN && b[i].isNaN) || (a[i] == b[i])
        if !ok { failures += 1; if worst == nil { worst = (i, a[i], b[i]) } }
    }
    if let (i, x, y) = worst {
        XCTFail("\(failures) of \(a.count) values differ \(message); first at \(i): \(x) vs \(y)", file: file, line: line)
    }
}

func t(_ rows: [[Float]]) -> Tensor { try! Tensor(rows) }
