import Foundation

/// Typed access to a JSON object read with JSONSerialization, with errors that name the file and key.
struct JSONObject {
    let dict: [String: Any]
    /// Where the object came from, for error messages (e.g. "config.json").
    let source: String

    init(_ dict: [String: Any], source: String) {
        self.dict = dict
        self.source = source
    }

    /// Parses `data` as a JSON object.
    init(data: Data, source: String) throws {
        let any: Any
        do {
            any = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            if data.isEmpty { throw ModelError("\(source): not valid JSON (the file is empty)") }
            throw ModelError("\(source)\(JSONObject.position(of: error, in: data)): not valid JSON (\(JSONObject.reason(error)))")
        }
        guard let d = any as? [String: Any] else { throw ModelError("\(source): the top level is not a JSON object") }
        self.init(d, source: source)
    }

    /// JSONSerialization's own words ("Invalid value around character 15."), else Foundation's text.
    static func reason(_ error: Error) -> String {
        ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
    }

    /// `:line:column` of the character JSONSerialization names ("... around character 15."), or "".
    static func position(of error: Error, in data: Data) -> String {
        guard let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String,
              let range = text.range(of: #"character (\d+)"#, options: .regularExpression),
              let offset = Int(text[range].dropFirst("character ".count)) else { return "" }
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return ":\(line):\(column)"
    }

    init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ModelError("\(url.path): cannot be read (\(posixReason(error)))")
        }
        try self.init(data: data, source: url.path)
    }

    func has(_ key: String) -> Bool {
        if let v = dict[key], !(v is NSNull) { return true }
        return false
    }

    func int(_ key: String) throws -> Int {
        guard let v = dict[key], !(v is NSNull) else { throw ModelError("\(source): missing key \"\(key)\"") }
        guard let i = JSONObject.asInt(v) else { throw ModelError("\(source): \"\(key)\" must be an integer, got \(v is String ? "the string \"\(v)\"" : "\(v)")") }
        return i
    }

    func int(_ key: String, default d: Int) throws -> Int { has(key) ? try int(key) : d }

    func optionalInt(_ key: String) throws -> Int? { has(key) ? try int(key) : nil }

    func double(_ key: String) throws -> Double {
        guard let v = dict[key], !(v is NSNull) else { throw ModelError("\(source): missing key \"\(key)\"") }
        if let n = v as? NSNumber, !JSONObject.isBool(n) { return n.doubleValue }
        throw ModelError("\(source): \"\(key)\" must be a number, got \(v)")
    }

    func double(_ key: String, default d: Double) throws -> Double { has(key) ? try double(key) : d }

    func bool(_ key: String, default d: Bool) throws -> Bool {
        guard has(key) else { return d }
        if let n = dict[key] as? NSNumber, JSONObject.isBool(n) { return n.boolValue }
        if let b = dict[key] as? Bool { return b }
        throw ModelError("\(source): \"\(key)\" must be true or false, got \(dict[key]!)")
    }

    func string(_ key: String) throws -> String {
        guard let v = dict[key], !(v is NSNull) else { throw ModelError("\(source): missing key \"\(key)\"") }
        guard let s = v as? String else { throw ModelError("\(source): \"\(key)\" must be a string, got \(v)") }
        return s
    }

    func optionalString(_ key: String) throws -> String? { has(key) ? try string(key) : nil }

    func object(_ key: String) throws -> JSONObject? {
        guard has(key) else { return nil }
        guard let d = dict[key] as? [String: Any] else { throw ModelError("\(source): \"\(key)\" must be an object") }
        return JSONObject(d, source: source)
    }

    func array(_ key: String) throws -> [Any]? {
        guard has(key) else { return nil }
        guard let a = dict[key] as? [Any] else { throw ModelError("\(source): \"\(key)\" must be a list") }
        return a
    }

    /// JSONSerialization gives booleans as NSNumber with the Objective-C type "c" on every platform.
    static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    static func asInt(_ v: Any) -> Int? {
        if let n = v as? NSNumber {
            if isBool(n) { return nil }
            let d = n.doubleValue
            guard d.rounded() == d, abs(d) < 9e15 else { return nil }
            return n.intValue
        }
        return nil
    }
}

/// Serialises a JSON value with sorted keys and two-space indentation (stable files, readable diffs).
func jsonData(_ value: Any) throws -> Data {
    try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
}
