/// A JSON parse failure with its position: 1-based `line` and `column` (column counted in Unicode
/// scalars) and the 0-based UTF-8 byte `offset`.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// - Integers that fit in `Int` stay exact; other numbers become `Double`; a number too large for
///   a Double (`1e400`) is an error rather than infinity.
/// - Strings must be valid UTF-8 without raw control characters; `\u` escapes must pair surrogates.
/// - Nesting deeper than `maxDepth` arrays/objects is an error (no unbounded recursion).
/// - Work is linear in the input size.
public enum JSONParser {
    /// Default maximum nesting depth of arrays and objects.
    public static let defaultMaxDepth = 512

    /// Parses a complete JSON text (surrounding whitespace allowed, nothing else).
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0, maxDepth: maxDepth) }
    }

    /// Parses a complete JSON text from UTF-8 bytes.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = defaultMaxDepth) throws -> JSONValue {
        var c = JSONCursor(bytes: bytes, position: 0, maxDepth: maxDepth)
        c.skipWhitespace()
        if c.position >= bytes.count { throw c.error("empty input: expected a JSON value") }
        let v = try c.parseValue(depth: 0)
        c.skipWhitespace()
        if c.position < bytes.count { throw c.error("unexpected \(c.describeByte(at: c.position)) after the JSON value") }
        return v
    }

    /// Parses a complete JSON text from a byte array.
    public static func parse(bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { try parse(bytes: $0, maxDepth: maxDepth) }
    }

    /// Parses one JSON value that starts at byte `start` (leading whitespace skipped) and returns it
    /// with the offset just past it. Whatever follows the value is not examined.
    public static func parsePrefix(bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                                   maxDepth: Int = defaultMaxDepth) throws -> (value: JSONValue, end: Int) {
        var c = JSONCursor(bytes: bytes, position: max(0, start), maxDepth: maxDepth)
        c.skipWhitespace()
        if c.position >= bytes.count { throw c.error("unexpected end of input: expected a JSON value") }
        let v = try c.parseValue(depth: 0)
        return (v, c.position)
    }
}

/// The parser state: a position in a byte buffer.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let maxDepth: Int

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let off = min(offset ?? position, bytes.count)
        var line = 1, lineStart = 0
        for i in 0..<off where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        var column = 1
        for i in lineStart..<off where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return JSONParseError(message: message, line: line, column: column, offset: off)
    }

    /// "character 'x'", "character 'é' (U+00E9)", "end of input" ..., for messages.
    func describeByte(at i: Int) -> String {
        guard i < bytes.count else { return "end of input" }
        let d = describeCharacter(bytes, at: i, end: bytes.count)
        return d.hasPrefix("invalid ") ? d : "character \(d)"
    }

    mutating func parseValue(depth: Int) throws -> JSONValue {
        guard position < bytes.count else { throw error("unexpected end of input: expected a JSON value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected \(describeByte(at: position)): expected a JSON value")
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws {
        let start = position
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        for k in 0..<n {
            guard position + k < bytes.count, bytes[position + k] == w[k] else {
                var end = start
                while end < bytes.count, end - start < 20, (bytes[end] | 0x20) >= 0x61, (bytes[end] | 0x20) <= 0x7A { end += 1 }
                let found = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                throw error("invalid literal '\(found)': expected '\(word)'", at: start)
            }
        }
        position += n
    }

    mutating func parseArray(depth: Int) throws -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than the maximum depth \(maxDepth)") }
        position += 1  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input: expected ',' or ']' in array") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(items)
            default: throw error("unexpected \(describeByte(at: position)): expected ',' or ']' in array")
            }
        }
    }

    mutating func parseObject(depth: Int) throws -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than the maximum depth \(maxDepth)") }
        position += 1  // {
        var object = JSONObject()
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") { position += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input: expected a string key in object") }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeByte(at: position)): expected a string key in object")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeByte(at: position)): expected ':' after object key")
            }
            position += 1
            skipWhitespace()
            object[key] = try parseValue(depth: depth)
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input: expected ',' or '}' in object") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(object)
            default: throw error("unexpected \(describeByte(at: position)): expected ',' or '}' in object")
            }
        }
    }

    mutating func parseNumber() throws -> JSONValue {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        guard isDigit(position) else { throw error("invalid number: expected a digit after '-'", at: position) }
        // Integer part, accumulated as a negative number so that Int.min parses exactly.
        var acc = 0
        var overflow = false
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) { throw error("invalid number: leading zeros are not allowed", at: start) }
        } else {
            while isDigit(position) {
                let d = Int(bytes[position] &- 0x30)
                if !overflow {
                    let (m, o1) = acc.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.subtractingReportingOverflow(d)
                    if o1 || o2 { overflow = true } else { acc = s }
                }
                position += 1
            }
        }
        var isInteger = true
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard isDigit(position) else { throw error("invalid number: expected a digit after '.'", at: position) }
            while isDigit(position) { position += 1 }
        }
        if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard isDigit(position) else { throw error("invalid number: expected a digit in the exponent", at: position) }
            while isDigit(position) { position += 1 }
        }
        if isInteger && !overflow {
            if negative { return .int(acc) }
            if acc != Int.min { return .int(-acc) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let d = Double(text), d.isFinite else { throw error("number \(text) is out of range", at: start) }
        return .double(d)
    }

    /// Parses a string literal at `position` (which holds the opening quote).
    mutating func parseString() throws -> String {
        let open = position
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("raw control character U+\(hex4(UInt32(b))) in string (escape it)") }
            if b < 0x80 { position += 1 } else { try skipValidScalar() }
        }
        guard position < bytes.count else { throw error("unterminated string", at: open) }
        // Slow path: copy with escapes.
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                try parseEscape(into: &out)
                continue
            }
            if b < 0x20 { throw error("raw control character U+\(hex4(UInt32(b))) in string (escape it)") }
            if b < 0x80 {
                out.append(b)
                position += 1
            } else {
                let s = position
                try skipValidScalar()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[s..<position]))
            }
        }
        throw error("unterminated string", at: open)
    }

    mutating func parseEscape(into out: inout [UInt8]) throws {
        let escStart = position
        position += 1
        guard position < bytes.count else { throw error("unterminated string") }
        let e = bytes[position]
        position += 1
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart: escStart)
            if scalar >= 0xD800 && scalar < 0xDC00 {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate \\u\(hex4(scalar)) in string", at: escStart)
                }
                let lowStart = position
                position += 2
                let low = try readHex4(escapeStart: lowStart)
                guard low >= 0xDC00 && low < 0xE000 else {
                    throw error("unpaired surrogate \\u\(hex4(scalar)) in string", at: escStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                throw error("unpaired surrogate \\u\(hex4(scalar)) in string", at: escStart)
            }
            appendUTF8(scalar, to: &out)
        default:
            throw error("invalid escape '\\\(describeEscape(e))' in string", at: escStart)
        }
    }

    private func describeEscape(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "U+\(hex4(UInt32(b)))"
    }

    mutating func readHex4(escapeStart: Int) throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw error("unterminated \\u escape", at: escapeStart) }
            let b = bytes[position]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw error("invalid \\u escape: expected 4 hex digits", at: escapeStart)
            }
            v = v << 4 | d
            position += 1
        }
        return v
    }

    func decodeScalar(at i: Int) -> (UInt32, Int)? { decodeUTF8Scalar(bytes, at: i, end: bytes.count) }

    mutating func skipValidScalar() throws {
        guard let (_, n) = decodeScalar(at: position) else { throw error("invalid UTF-8 in string") }
        position += n
    }
}

func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    switch v {
    case 0..<0x80: out.append(UInt8(v))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
}
