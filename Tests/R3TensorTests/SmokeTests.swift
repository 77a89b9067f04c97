import XCTest
final class R3TensorTestsSmoke: XCTestCase { func testBuilds() {} }
