import XCTest
final class R3RuntimeTestsSmoke: XCTestCase { func testBuilds() {} }
