/// A JSON object: string keys in insertion order, with dictionary lookup.
///
/// Setting an existing key replaces its value and keeps its position (as JavaScript does); a parsed
/// object with a repeated key keeps the last value. Equality and hashing ignore key order.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// Keys in insertion order.
    public private(set) var keys: [String] = []
    private var storage: [String: JSONValue] = [:]

    public init() {}

    /// An object from pairs; a repeated key keeps the last value at its first position.
    public init(_ pairs: [(String, JSONValue)]) {
        keys.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The value for `key`; setting nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let v = newValue {
                if storage.updateValue(v, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Key/value pairs in insertion order.
    public struct Iterator: IteratorProtocol {
        let keys: [String]
        let storage: [String: JSONValue]
        var index = 0

        public mutating func next() -> (key: String, value: JSONValue)? {
            while index < keys.count {
                let k = keys[index]
                index += 1
                if let v = storage[k] { return (k, v) }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(keys: keys, storage: storage) }

    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.storage == b.storage }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-entry hashes commutatively.
        var acc = 0
        for (k, v) in storage {
            var h = Hasher()
            h.combine(k)
            h.combine(v)
            acc = acc &+ h.finalize()
        }
        hasher.combine(storage.count)
        hasher.combine(acc)
    }
}
