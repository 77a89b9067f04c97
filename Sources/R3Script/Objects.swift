import Foundation

/// A list: a shared, growable array of values.
public final class ListObject {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }

    deinit {
        if items.contains(where: Value.isContainer) { DeepRelease.release(&items) }
    }
}

/// Frees nested lists and dictionaries without recursion. Swift releases a collection's
/// elements inside its deinit, so freeing a list nested millions deep (or a long chain of
/// `["next": node]` dictionaries) would recurse that deep and overflow the stack. Instead, a
/// collection that holds collections hands its elements to a per-thread queue, and the
/// outermost release drains it in a loop: the elements' own deinits only enqueue.
enum DeepRelease {
    private final class Queue {
        var draining = false
        var pending: [[Value]] = []
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<Queue>.fromOpaque(pointer).release() }
        }
        return key
    }()

    private static var queue: Queue {
        if let pointer = pthread_getspecific(key) { return Unmanaged<Queue>.fromOpaque(pointer).takeUnretainedValue() }
        let q = Queue()
        pthread_setspecific(key, Unmanaged.passRetained(q).toOpaque())
        return q
    }

    static func release(_ items: inout [Value]) {
        let q = queue
        q.pending.append(items)
        items = []
        guard !q.draining else { return }
        q.draining = true
        while let batch = q.pending.popLast() {
            _ = batch  // released here; nested collections enqueue their elements
        }
        q.draining = false
    }
}

/// A dictionary that keeps insertion order (as Python's does), keyed by strings, numbers or booleans.
public final class DictObject {
    public private(set) var keys: [DictKey] = []
    private var storage: [DictKey: Value] = [:]

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        for (k, v) in pairs { self[.string(k)] = v }
    }

    deinit {
        if storage.values.contains(where: Value.isContainer) {
            var values = Array(storage.values)
            storage = [:]
            DeepRelease.release(&values)
        }
    }

    public var count: Int { keys.count }

    public subscript(key: DictKey) -> Value? {
        get { storage[key] }
        set {
            if let v = newValue {
                if storage.updateValue(v, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public subscript(name: String) -> Value? {
        get { storage[.string(name)] }
        set { self[.string(name)] = newValue }
    }

    /// The entries in insertion order.
    public var entries: [(key: DictKey, value: Value)] { keys.map { ($0, storage[$0]!) } }
    public var values: [Value] { keys.map { storage[$0]! } }
}

/// A range of numbers: `0..<3`, `1...3`; either bound may be missing in a subscript (`xs[2...]`).
public final class RangeObject {
    public let lower: Double?
    public let upper: Double?
    public let inclusive: Bool

    public init(lower: Double?, upper: Double?, inclusive: Bool) {
        self.lower = lower
        self.upper = upper
        self.inclusive = inclusive
    }

    /// The number of values a bounded range steps through (0 for an open one), exact as a number
    /// beyond Int's range too: `(0..<9.3e18).count` is 9.3e18.
    public var size: Double {
        guard let lo = lower, let hi = upper else { return 0 }
        return max(0, (inclusive ? hi - lo + 1 : hi - lo).rounded(.up))
    }

    /// `size` as an Int for iteration, capped at Int.max / 2 (a loop that long never ends anyway).
    public var count: Int { Int(min(size, Double(Int.max / 2))) }

    /// Resolves the range against a collection of `length` items, as half-open indices.
    /// Negative bounds count from the end.
    public func indices(length: Int) -> (start: Int, end: Int)? {
        func norm(_ v: Double) -> Int? {
            guard v.rounded() == v, abs(v) < 1e15 else { return nil }
            let i = Int(v)
            return i < 0 ? length + i : i
        }
        guard let start = lower.map(norm) ?? 0, var end = upper.map(norm) ?? length else { return nil }
        if inclusive && upper != nil { end += 1 }
        guard start >= 0, end <= length, start <= end else { return nil }
        return (start, end)
    }
}

/// A box for a variable that a closure captures, so every closure sees its updates.
public final class Cell {
    public var value: Value
    init(_ value: Value) { self.value = value }
}

/// A function written in the language, with the variables it captured.
public final class Closure {
    let code: FunctionCode
    let captures: ContiguousArray<Cell>
    // Copies of the code's frame layout, read by every call without touching `code`.
    let slotCount: Int
    let hasCells: Bool
    let isSimple: Bool
    let parameterCount: Int
    let body: StmtList
    init(code: FunctionCode, captures: ContiguousArray<Cell>) {
        self.code = code
        self.captures = captures
        slotCount = code.slotCount
        hasCells = code.hasCells
        isSimple = code.isSimple
        parameterCount = code.parameterCount
        body = code.body
    }
    public var name: String { code.name }
}

/// A method taken from a value (`xs.append`): calling it passes the value as the receiver.
public final class BoundMethod {
    public let receiver: Value
    public let method: Builtin
    public init(receiver: Value, method: Builtin) {
        self.receiver = receiver
        self.method = method
    }
}
