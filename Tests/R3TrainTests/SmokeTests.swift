import XCTest
final class R3TrainTestsSmoke: XCTestCase { func testBuilds() {} }
