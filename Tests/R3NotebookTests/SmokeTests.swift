import XCTest
final class R3NotebookTestsSmoke: XCTestCase { func testBuilds() {} }
