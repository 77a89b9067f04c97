import XCTest
@testable import R3Tensor

final class PrintingTests: XCTestCase {
    func testIntegralValuesPrintWithoutDecimals() throws {
        XCTAssertEqual(try Tensor(nested: [[1, 2], [3, 4]]).description, "tensor([[1, 2],\n        [3, 4]])")
        XCTAssertEqual(try Tensor(nested: [1, -20, 3]).description, "tensor([  1, -20,   3])")
        XCTAssertEqual(Tensor(3).description, "tensor(3)")
    }

    func testFractionsShareOneFormat() throws {
        XCTAssertEqual(try Tensor(nested: [1.5, 2, -0.25]).description, "tensor([ 1.50,  2.00, -0.25])")
        XCTAssertEqual(try Tensor(nested: [0.1, 0.123456]).description, "tensor([0.1000, 0.1235])")
        XCTAssertEqual(try Tensor(nested: [1e-5, 1]).description, "tensor([1.0000e-05, 1.0000e+00])")
        XCTAssertEqual(Tensor([Float.nan, 1, -.infinity]).description, "tensor([ nan,    1, -inf])")
        XCTAssertEqual(try Tensor.zeros([0, 3]).description, "tensor([], shape: [0, 3])")
        XCTAssertEqual(try Tensor.ones([2], requiresGrad: true).description, "tensor([1, 1], requiresGrad: true)")
    }

    func testThreeDimensionsSeparateBlocks() throws {
        XCTAssertEqual(try Tensor.arange(8).reshaped([2, 2, 2]).description,
                       "tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]])")
    }

    func testLargeTensorsAreSummarised() throws {
        let s = try Tensor.arange(2000).reshaped([40, 50]).description
        let lines = s.split(separator: "\n")
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(String(lines[0]), "tensor([[   0,    1,    2, ...,   47,   48,   49],")
        XCTAssertEqual(String(lines[3]), "        ...,")
        XCTAssertEqual(String(lines[6]), "        [1950, 1951, 1952, ..., 1997, 1998, 1999]])")
        // At the threshold (1000 elements) nothing is summarised.
        XCTAssertFalse(try Tensor.arange(1000).description.contains("..."))
        XCTAssertTrue(try Tensor.arange(1001).description.contains("..."))
    }

    func testLongRowsWrap() throws {
        let s = try Tensor.arange(30).description
        XCTAssertTrue(s.split(separator: "\n").allSatisfy { $0.count <= 80 })
        XCTAssertTrue(s.hasPrefix("tensor([ 0,  1,"))
        XCTAssertTrue(s.contains("\n        "))
    }
}
