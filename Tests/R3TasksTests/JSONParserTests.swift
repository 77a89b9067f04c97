import XCTest
@testable import R3Tasks

final class JSONParserTests: XCTestCase {
    func parseError(_ text: String, maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text, maxDepth: maxDepth)
            return nil
        } catch let e as JSONParseError {
            return e
        } catch {
            XCTFail("unexpected error type \(error)")
            return nil
        }
    }

    func testScalars() throws {
        XCTAssertEqual(try JSONParser.parse("null"), .null)
        XCTAssertEqual(try JSONParser.parse(" true "), .bool(true))
        XCTAssertEqual(try JSONParser.parse("false"), .bool(false))
        XCTAssertEqual(try JSONParser.parse("\"a\\u00e9\\n\""), .string("aé\n"))
        XCTAssertEqual(try JSONParser.parse("\"\\ud83d\\ude00\""), .string("😀"))
        XCTAssertEqual(try JSONParser.parse("\"é😀\""), .string("é😀"))
    }

    func testBoolIsNotANumber() throws {
        let v = try JSONParser.parse("[true, 1, 1.0, 0, false]")
        XCTAssertEqual(v, .array([.bool(true), .int(1), .double(1.0), .int(0), .bool(false)]))
        XCTAssertNil(JSONValue.bool(true).intValue)
        XCTAssertNil(JSONValue.int(1).boolValue)
    }

    func testExactIntegers() throws {
        XCTAssertEqual(try JSONParser.parse("9007199254740993"), .int(9_007_199_254_740_993))  // 2^53 + 1: not a Double
        XCTAssertEqual(try JSONParser.parse("9223372036854775807"), .int(Int.max))
        XCTAssertEqual(try JSONParser.parse("-9223372036854775808"), .int(Int.min))
        XCTAssertEqual(try JSONParser.parse("9223372036854775808"), .double(9223372036854775808.0))
        XCTAssertEqual(try JSONParser.parse("-0"), .int(0))
        XCTAssertEqual(try JSONParser.parse("1.5e3"), .double(1500))
        XCTAssertEqual(try JSONParser.parse("1E-2"), .double(0.01))
        XCTAssertEqual(try JSONParser.parse("0.1"), .double(0.1))
        XCTAssertEqual(JSONValue.double(3.0).intValue, 3)
        XCTAssertNil(JSONValue.double(3.5).intValue)
    }

    func testNumericEquality() {
        XCTAssertNotEqual(JSONValue.int(1), .double(1.0))
        XCTAssertTrue(JSONValue.int(1).numericallyEquals(.double(1.0)))
        XCTAssertFalse(JSONValue.int(9_007_199_254_740_993).numericallyEquals(.double(9_007_199_254_740_992)))
        XCTAssertFalse(JSONValue.int(1).numericallyEquals(.bool(true)))
        XCTAssertTrue(JSONValue.array([1, ["a": 2]]).numericallyEquals(.array([.double(1), ["a": .double(2)]])))
    }

    func testObjectsKeepOrderAndCompareWithoutIt() throws {
        let v = try JSONParser.parse(#"{"b": 1, "a": [1, 2], "c": {"x": null}}"#)
        XCTAssertEqual(v.objectValue?.keys, ["b", "a", "c"])
        XCTAssertEqual(v, try JSONParser.parse(#"{"a": [1, 2], "c": {"x": null}, "b": 1}"#))
        XCTAssertEqual(v.hashValue, try JSONParser.parse(#"{"c": {"x": null}, "a": [1, 2], "b": 1}"#).hashValue)
        XCTAssertEqual(try v.serialized(), #"{"b":1,"a":[1,2],"c":{"x":null}}"#)
        XCTAssertEqual(try v.serialized(sortedKeys: true), #"{"a":[1,2],"b":1,"c":{"x":null}}"#)
        // A repeated key keeps the last value at its first position.
        XCTAssertEqual(try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#).serialized(), #"{"a":3,"b":2}"#)
    }

    func testRoundTrips() throws {
        let texts = [
            #"{"query":"Where is \"Paris\"?\n\ttab","n":[1,-2,3.5,1e-05,1.0,1e+100,-0.0],"ok":true,"none":null}"#,
            #"[[],{},"",[[[1]]],"\u0001\u001f"]"#,
            #"{"emoji":"😀é","slash":"a/b","back":"\\"}"#,
        ]
        for t in texts {
            let v = try JSONParser.parse(t)
            let s = try v.serialized()
            XCTAssertEqual(try JSONParser.parse(s), v, t)
            XCTAssertEqual(try JSONParser.parse(s).serialized(), s)
        }
        // Doubles print in shortest round-trip form and stay doubles.
        for d in [0.1, 1.0 / 3.0, 1e-300, 123456.789, Double.leastNonzeroMagnitude, 1.7976931348623157e308] {
            let s = try JSONValue.double(d).serialized()
            XCTAssertEqual(try JSONParser.parse(s), .double(d), s)
        }
        let pretty = try JSONSerializer.serialize(["a": [1, 2], "b": [:]], options: .init(indent: 2))
        XCTAssertEqual(pretty, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}")
    }

    func testSerializerRejectsNonFinite() {
        XCTAssertThrowsError(try JSONValue.double(.nan).serialized())
        XCTAssertThrowsError(try JSONValue.array([.double(.infinity)]).serialized())
        XCTAssertEqual(JSONValue.double(.infinity).description, "null")
    }

    func testErrorPositions() {
        var e = parseError("{\"a\": 1,\n  \"b\" 2}")
        XCTAssertEqual(e?.line, 2)
        XCTAssertEqual(e?.column, 7)
        XCTAssertTrue(e?.message.contains("expected ':'") ?? false, e?.message ?? "")
        e = parseError("[1, 2")
        XCTAssertEqual(e?.line, 1)
        XCTAssertEqual(e?.column, 6)
        XCTAssertTrue(e?.message.contains("end of input") ?? false)
        e = parseError("{\"é\": tru}")
        XCTAssertEqual(e?.column, 7)  // columns count characters, not bytes
        XCTAssertEqual(e?.message, "invalid literal 'tru': expected 'true'")
        e = parseError("[1] x")
        XCTAssertEqual(e?.column, 5)
        XCTAssertTrue(e?.message.contains("after the JSON value") ?? false)
        XCTAssertEqual(parseError("")?.message, "empty input: expected a JSON value")
        XCTAssertEqual(parseError("   ")?.column, 4)
        XCTAssertEqual(parseError("\"abc")?.message, "unterminated string")
        XCTAssertTrue(parseError("\"a\nb\"")?.message.contains("control character") ?? false)
        XCTAssertTrue(parseError("01")?.message.contains("leading zeros") ?? false)
        XCTAssertTrue(parseError("1.")?.message.contains("after '.'") ?? false)
        XCTAssertTrue(parseError("-")?.message.contains("digit") ?? false)
        XCTAssertTrue(parseError("1e400")?.message.contains("out of range") ?? false)
        XCTAssertTrue(parseError("\"\\x\"")?.message.contains("invalid escape") ?? false)
        XCTAssertTrue(parseError("\"\\ud800\"")?.message.contains("unpaired surrogate") ?? false)
        XCTAssertTrue(parseError("\"\\udc00\"")?.message.contains("unpaired surrogate") ?? false)
        XCTAssertTrue(parseError("\"\\u12\"")?.message.contains("hex") ?? false)
        XCTAssertTrue(parseError("[1,]")?.message.contains("expected a JSON value") ?? false)
        XCTAssertTrue(parseError("{\"a\":1,}")?.message.contains("string key") ?? false)
        XCTAssertTrue(parseError("NaN")?.message.contains("'N'") ?? false)
        XCTAssertTrue(parseError("'a'")?.message.contains("'''") ?? false)
    }

    func testInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]  // "a<bad>("
        XCTAssertThrowsError(try JSONParser.parse(bytes: bytes)) { e in
            XCTAssertTrue("\(e)".contains("invalid UTF-8"), "\(e)")
        }
        let overlong: [UInt8] = [0x22, 0xC0, 0xAF, 0x22]
        XCTAssertThrowsError(try JSONParser.parse(bytes: overlong))
        let surrogate: [UInt8] = [0x22, 0xED, 0xA0, 0x80, 0x22]
        XCTAssertThrowsError(try JSONParser.parse(bytes: surrogate))
    }

    func testDepthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try JSONParser.parse(ok))
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        XCTAssertTrue(parseError(deep)?.message.contains("maximum depth 512") ?? false)
        XCTAssertEqual(parseError(deep)?.column, 513)
        XCTAssertNotNil(parseError(String(repeating: "{\"a\":", count: 20) + "1" + String(repeating: "}", count: 20), maxDepth: 10))
        // A megabyte of opening brackets fails fast and cleanly.
        XCTAssertNotNil(parseError(String(repeating: "[", count: 1_000_000)))
        // Serialization refuses values deeper than its limit.
        var v: JSONValue = .int(1)
        for _ in 0..<20 { v = .array([v]) }
        XCTAssertThrowsError(try JSONSerializer.serialize(v, options: .init(maxDepth: 10)))
        XCTAssertNoThrow(try JSONSerializer.serialize(v, options: .init(maxDepth: 20)))
    }

    func testParsePrefix() throws {
        let text = Array("  [1, {\"a\": 2}] and more".utf8)
        let (v, end) = try text.withUnsafeBufferPointer { try JSONParser.parsePrefix(bytes: $0, from: 0) }
        XCTAssertEqual(v, [1, ["a": 2]])
        XCTAssertEqual(end, 15)
    }

    func testLargeInput() throws {
        let big = "[" + (0..<100_000).map { "{\"i\":\($0),\"s\":\"x\($0)\"}" }.joined(separator: ",") + "]"
        let v = try JSONParser.parse(big)
        XCTAssertEqual(v.arrayValue?.count, 100_000)
        XCTAssertEqual(v[99_999]?["i"], .int(99_999))
        XCTAssertEqual(try v.serialized(), big)
    }
}
