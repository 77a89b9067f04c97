import XCTest
final class R3TasksTestsSmoke: XCTestCase { func testBuilds() {} }
