import XCTest
final class R3PlotTestsSmoke: XCTestCase { func testBuilds() {} }
