/// Why a value cannot be written as JSON.
public struct JSONSerializationError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Writes `JSONValue`s as JSON text.
///
/// Doubles are written in the shortest form that reads back to the same Double, and always with a
/// fraction or an exponent (`1.0`, `1e-05`), so `.double` values round-trip as `.double` and `.int`
/// values as `.int`. Strings escape `"`, `\` and control characters; everything else is written as
/// UTF-8.
public enum JSONSerializer {
    public struct Options: Sendable, Equatable {
        /// Write object keys sorted by their UTF-8 bytes instead of in insertion order.
        public var sortedKeys: Bool = false
        /// Spaces per nesting level, each element on its own line, `": "` after keys; 0 writes
        /// compact JSON without any spaces.
        public var indent: Int = 0
        /// Write NaN and infinities as `null` instead of failing.
        public var nonFiniteAsNull: Bool = false
        /// Maximum nesting depth written before failing.
        public var maxDepth: Int = JSONParser.defaultMaxDepth

        public init(sortedKeys: Bool = false, indent: Int = 0, nonFiniteAsNull: Bool = false,
                    maxDepth: Int = JSONParser.defaultMaxDepth) {
            self.sortedKeys = sortedKeys
            self.indent = indent
            self.nonFiniteAsNull = nonFiniteAsNull
            self.maxDepth = maxDepth
        }

        /// Compact, insertion order, non-finite numbers as null: never fails below the depth limit.
        public static let lenient = Options(nonFiniteAsNull: true, maxDepth: .max)
    }

    /// The JSON text of `value`; throws for NaN/infinity (unless `nonFiniteAsNull`) and for nesting
    /// deeper than `options.maxDepth`.
    public static func serialize(_ value: JSONValue, options: Options = Options()) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        try write(value, to: &out, options: options, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Serialization that cannot fail: non-finite numbers become null (depth is unlimited).
    static func string(_ value: JSONValue, options: Options) -> String {
        var o = options
        o.nonFiniteAsNull = true
        o.maxDepth = .max
        return (try? serialize(value, options: o)) ?? "null"
    }

    /// Appends the JSON text of `value` to `out`.
    public static func write(_ value: JSONValue, to out: inout [UInt8], options: Options = Options(), depth: Int = 0) throws {
        switch value {
        case .null: append("null", to: &out)
        case .bool(let b): append(b ? "true" : "false", to: &out)
        case .int(let i): append(String(i), to: &out)
        case .double(let d): try writeDouble(d, to: &out, options: options)
        case .string(let s): writeString(s, to: &out)
        case .array(let items):
            guard depth < options.maxDepth else { throw JSONSerializationError(message: "nesting deeper than the maximum depth \(options.maxDepth)") }
            out.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(to: &out, options: options, depth: depth + 1)
                try write(item, to: &out, options: options, depth: depth + 1)
            }
            if !items.isEmpty { newline(to: &out, options: options, depth: depth) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            guard depth < options.maxDepth else { throw JSONSerializationError(message: "nesting deeper than the maximum depth \(options.maxDepth)") }
            out.append(UInt8(ascii: "{"))
            let keys = options.sortedKeys ? object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } : object.keys
            for (n, key) in keys.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(to: &out, options: options, depth: depth + 1)
                writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if options.indent > 0 { out.append(UInt8(ascii: " ")) }
                try write(object[key] ?? .null, to: &out, options: options, depth: depth + 1)
            }
            if !keys.isEmpty { newline(to: &out, options: options, depth: depth) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(to out: inout [UInt8], options: Options, depth: Int) {
        guard options.indent > 0 else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: options.indent * depth))
    }

    private static func append(_ s: String, to out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    private static func writeDouble(_ d: Double, to out: inout [UInt8], options: Options) throws {
        guard d.isFinite else {
            if options.nonFiniteAsNull { append("null", to: &out); return }
            throw JSONSerializationError(message: "cannot write \(d) as JSON (not a finite number)")
        }
        // Swift's description is the shortest round-tripping form: "1.0", "0.1", "1e-05", "1e+100".
        append(d.description, to: &out)
    }

    /// Appends `s` as a JSON string literal (runs without escapes are copied in bulk).
    public static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        withUTF8Bytes(s) { p in
            var run = 0
            for i in 0..<p.count {
                let b = p[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i]))
                run = i + 1
                out.append(0x5C)
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(UInt8(ascii: "u"))
                    append(hex4(UInt32(b)), to: &out)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<p.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        writeString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension JSONValue {
    /// Compact JSON text; `sortedKeys` gives a stable key order.
    public func serialized(sortedKeys: Bool = false) throws -> String {
        try JSONSerializer.serialize(self, options: .init(sortedKeys: sortedKeys))
    }
}
