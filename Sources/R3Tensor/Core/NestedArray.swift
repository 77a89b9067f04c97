/// Nested lists of numbers, the input of `Tensor(nested:)` and the output of `toNested()`.
///
/// Literals work directly: `let t = try Tensor(nested: [[1, 2], [3, 4]])`.
public indirect enum NestedArray: Equatable, Sendable, ExpressibleByArrayLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, CustomStringConvertible {
    case scalar(Double)
    case list([NestedArray])

    public init(arrayLiteral elements: NestedArray...) { self = .list(elements) }
    public init(floatLiteral value: Double) { self = .scalar(value) }
    public init(integerLiteral value: Int) { self = .scalar(Double(value)) }

    public var description: String {
        switch self {
        case .scalar(let v): return v == v.rounded() && Swift.abs(v) < 1e15 ? String(Int(v)) : String(v)
        case .list(let xs): return "[" + xs.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// The shape of a rectangular nesting; throws naming the first place where it is ragged.
    /// Linear in the number of items and the depth: paths (`[1][0]`) are spelled only for errors.
    public func shape() throws -> [Int] {
        var shape: [Int] = []
        var level: [NestedArray] = [self]
        // The items of a level are in row-major order under the dimensions found so far, so the
        // path of item j is j unravelled over `shape`.
        func path(_ j: Int) -> String {
            if shape.isEmpty { return "the top level" }
            var index = [Int](repeating: 0, count: shape.count)
            var rest = j
            for d in stride(from: shape.count - 1, through: 0, by: -1) {
                index[d] = rest % shape[d]
                rest /= shape[d]
            }
            return index.map { "[\($0)]" }.joined()
        }
        while true {
            // All items at this level must be numbers, or all lists of one length.
            guard let first = level.first else { return shape + [0] }
            switch first {
            case .scalar:
                for (j, item) in level.enumerated() {
                    if case .list = item {
                        throw TensorError("tensor", "ragged nested list: \(path(j)) is a list but \(path(0)) is a number")
                    }
                }
                return shape
            case .list(let xs):
                var next: [NestedArray] = []
                next.reserveCapacity(level.count * xs.count)
                for (j, item) in level.enumerated() {
                    guard case .list(let ys) = item else {
                        throw TensorError("tensor", "ragged nested list: \(path(j)) is a number but \(path(0)) is a list")
                    }
                    if ys.count != xs.count {
                        throw TensorError("tensor", "ragged nested list: \(path(j)) has \(ys.count) element\(ys.count == 1 ? "" : "s") but \(path(0)) has \(xs.count)")
                    }
                    next.append(contentsOf: ys)
                }
                shape.append(xs.count)
                if xs.isEmpty { return shape }
                level = next
            }
        }
    }

    /// The numbers in row-major order (call after `shape()` succeeded).
    func flattened(into out: inout [Float]) {
        switch self {
        case .scalar(let v): out.append(Float(v))
        case .list(let xs): for x in xs { x.flattened(into: &out) }
        }
    }
}

extension Tensor {
    /// A tensor from nested lists of numbers; throws on ragged input, naming where it is ragged.
    public init(nested: NestedArray) throws {
        let shape = try nested.shape()
        var data: [Float] = []
        data.reserveCapacity(Shape.product(shape))
        nested.flattened(into: &data)
        self = try Tensor(shape: shape, data: data)
    }

    /// A 2-D tensor from rows; throws when the rows have different lengths.
    public init(_ rows: [[Float]]) throws {
        try self.init(nested: .list(rows.map { .list($0.map { .scalar(Double($0)) }) }))
    }

    /// The elements as nested lists (a `.scalar` for a rank-0 tensor).
    public func toNested() -> NestedArray {
        let flat = toArray()
        func build(_ dim: Int, _ start: Int) -> NestedArray {
            if dim == rank { return .scalar(Double(flat[start])) }
            let step = shape[(dim + 1)...].reduce(1, *)
            return .list((0..<shape[dim]).map { build(dim + 1, start + $0 * step) })
        }
        return build(0, 0)
    }
}
