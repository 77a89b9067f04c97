import XCTest
final class R3ModelsTestsSmoke: XCTestCase { func testBuilds() {} }
