import XCTest
final class R3ScriptTestsSmoke: XCTestCase { func testBuilds() {} }
