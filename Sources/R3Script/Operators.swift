import Foundation

/// Binary operators beyond the number fast path: strings, lists, equality, and native objects.
/// Division follows IEEE 754: 1/0 is inf, 0/0 is nan, and x % 0 is nan.
extension Interpreter {
    func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ loc: SourceLocation) throws -> Value {
        switch (op, a, b) {
        case (.equal, _, _) where !isNative(a) && !isNative(b): return .bool(a == b)
        case (.notEqual, _, _) where !isNative(a) && !isNative(b): return .bool(a != b)
        case let (_, .number(x), .number(y)):
            switch op {
            case .add: return .number(x + y)
            case .subtract: return .number(x - y)
            case .multiply: return .number(x * y)
            case .divide: return .number(x / y)
            case .remainder: return .number(x.truncatingRemainder(dividingBy: y))
            case .power: return .number(pow(x, y))
            case .less: return .bool(x < y)
            case .lessEqual: return .bool(x <= y)
            case .greater: return .bool(x > y)
            case .greaterEqual: return .bool(x >= y)
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            case .matmul: break
            }
        case let (.add, .string(x), .string(y)): return .string(x + y)
        case let (.add, .list(x), .list(y)): return .list(ListObject(x.items + y.items))
        case let (.less, .string(x), .string(y)): return .bool(x < y)
        case let (.lessEqual, .string(x), .string(y)): return .bool(x <= y)
        case let (.greater, .string(x), .string(y)): return .bool(x > y)
        case let (.greaterEqual, .string(x), .string(y)): return .bool(x >= y)
        default: break
        }
        if case .native(let o) = a, let r = try located(loc, { try o.binary(op, b, reversed: false) }) { return r }
        if case .native(let o) = b, let r = try located(loc, { try o.binary(op, a, reversed: true) }) { return r }
        if op == .equal { return .bool(a == b) }
        if op == .notEqual { return .bool(a != b) }
        throw ScriptError(operatorMismatch(op, a, b), at: loc)
    }

    private func isNative(_ v: Value) -> Bool {
        if case .native = v { return true }
        return false
    }

    private func operatorMismatch(_ op: BinaryOperator, _ a: Value, _ b: Value) -> String {
        var message = "cannot apply '\(op.rawValue)' to \(a.typeName) and \(b.typeName)"
        switch (op, a, b) {
        case (.add, .string, _), (.add, _, .string):
            message += "; use interpolation to build strings: \"\\(x)\""
        case (.matmul, _, _):
            message += "; '@' is the matrix product of tensors"
        default: break
        }
        return message
    }
}
