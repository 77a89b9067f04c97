/// A record that lacks a field or has one of the wrong type or value. `field` is a path such as
/// `target`, `nums[2]` or `tools[0].parameters.city`.
public struct FieldError: Error, Equatable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "field \"\(field)\": \(message)" }

    static func missing(_ field: String) -> FieldError { FieldError(field: field, message: "missing") }

    static func type(_ field: String, expected: String, got value: JSONValue) -> FieldError {
        FieldError(field: field, message: "expected \(expected), got \(value.kindDescription)")
    }
}

/// Typed field access with errors that name the field.
extension JSONObject {
    func require(_ key: String, path: String = "") throws(FieldError) -> JSONValue {
        guard let v = self[key] else { throw .missing(path + key) }
        return v
    }

    func requireString(_ key: String, path: String = "") throws(FieldError) -> String {
        let v = try require(key, path: path)
        guard let s = v.stringValue else { throw .type(path + key, expected: "a string", got: v) }
        return s
    }

    func requireInt(_ key: String, path: String = "") throws(FieldError) -> Int {
        let v = try require(key, path: path)
        guard let i = v.intValue else {
            if case .double(let d) = v { throw FieldError(field: path + key, message: "expected an integer, got \(d)") }
            throw .type(path + key, expected: "an integer", got: v)
        }
        return i
    }

    func optionalString(_ key: String, path: String = "") throws(FieldError) -> String? {
        guard let v = self[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw .type(path + key, expected: "a string", got: v) }
        return s
    }
}

extension JSONValue {
    func requireObject(path: String) throws(FieldError) -> JSONObject {
        guard let o = objectValue else {
            throw FieldError(field: path.isEmpty ? "(record)" : path, message: "expected an object, got \(kindDescription)")
        }
        return o
    }
}
