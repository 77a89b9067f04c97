/// The one error type of R3Tensor.
///
/// Every shape-checked operation throws a `TensorError` instead of trapping. The message names the
/// operation and the shapes involved, e.g. `matmul: shapes [2, 3] and [4, 5] do not align (3 != 4)`.
public struct TensorError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The user-facing name of the operation that failed (`matmul`, `add`, `reshaped`, `AdamW.step` ...).
    public let op: String
    /// What went wrong, without the op prefix.
    public let message: String

    public init(_ op: String, _ message: String) {
        self.op = op
        self.message = message
    }

    /// `"<op>: <message>"`.
    public var description: String { "\(op): \(message)" }
}

/// `[2, 3]`: the spelling of a shape in every error message and in `Tensor.description`.
@inline(__always)
func fmt(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

/// A value in an error message: `nan` for every NaN (Swift prints one with its sign bit as `-nan`).
func fmt(_ value: Float) -> String { value.isNaN ? "nan" : "\(value)" }
