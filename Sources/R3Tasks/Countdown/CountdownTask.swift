/// A Countdown task: combine every number in `nums` (each exactly as many times as it is given) with
/// + - * / and parentheses into an expression equal to `target`.
///
/// The JSONL form is the public Countdown-Tasks-3to4 record: `{"nums": [44, 19, 35], "target": 98}`.
public struct CountdownTask: Sendable, Hashable, CustomStringConvertible {
    /// At most this many numbers per task (the verifier tracks usage in one 64-bit mask).
    public static let maxNumbers = 64

    /// The given numbers (non-negative), in the order the prompt shows them.
    public let nums: [Int]
    /// The value the expression must reach.
    public let target: Int

    /// A task; throws when `nums` is empty, longer than `maxNumbers`, or holds a negative number.
    public init(nums: [Int], target: Int) throws(FieldError) {
        guard !nums.isEmpty else { throw FieldError(field: "nums", message: "must hold at least one number") }
        guard nums.count <= Self.maxNumbers else {
            throw FieldError(field: "nums", message: "has \(nums.count) numbers; at most \(Self.maxNumbers) are supported")
        }
        if let k = nums.firstIndex(where: { $0 < 0 }) {
            throw FieldError(field: "nums[\(k)]", message: "must be a non-negative integer, got \(nums[k])")
        }
        self.nums = nums
        self.target = target
    }

    /// Reads `{"nums": [...], "target": N}`; other fields are ignored. Errors name the field.
    public init(json: JSONValue) throws(FieldError) {
        let o = try json.requireObject(path: "")
        let numsValue = try o.require("nums")
        guard let items = numsValue.arrayValue else { throw .type("nums", expected: "an array of integers", got: numsValue) }
        var nums: [Int] = []
        nums.reserveCapacity(items.count)
        for (k, item) in items.enumerated() {
            guard let n = item.intValue else {
                if case .double(let d) = item { throw FieldError(field: "nums[\(k)]", message: "expected an integer, got \(d)") }
                throw .type("nums[\(k)]", expected: "an integer", got: item)
            }
            nums.append(n)
        }
        try self.init(nums: nums, target: try o.requireInt("target"))
    }

    /// `{"nums": [...], "target": N}`.
    public var json: JSONValue {
        .object(JSONObject([("nums", .array(nums.map { .int($0) })), ("target", .int(target))]))
    }

    public var description: String { "countdown(nums: \(nums), target: \(target))" }
}
