/// One entry of a subscript: `t[1, 0..<2]`, `t[TensorIndex.all, 3]`, `t[.ellipsis, .newAxis]`.
///
/// NumPy basic-indexing semantics: an integer picks one position and drops the axis (negative counts
/// from the end; out of range is an error); ranges keep the axis and are clamped to the axis like
/// Python slices; steps must be positive.
public enum TensorIndex: Sendable, Equatable {
    /// One position (drops the axis).
    case at(Int)
    /// `start..<end` by `step` (nil bounds mean the axis ends; negative bounds count from the end).
    case range(start: Int?, end: Int?, step: Int)
    /// The whole axis (`:` in NumPy).
    case all
    /// A new axis of size 1 (`None` / `np.newaxis`).
    case newAxis
    /// As many `.all` as needed to cover the remaining axes (`...`).
    case ellipsis
}

/// Types usable inside a tensor subscript: `Int`, `Range<Int>`, `ClosedRange<Int>`, partial ranges
/// and `TensorIndex`.
public protocol TensorIndexConvertible {
    var tensorIndex: TensorIndex { get }
}

extension TensorIndex: TensorIndexConvertible { public var tensorIndex: TensorIndex { self } }
extension Int: TensorIndexConvertible { public var tensorIndex: TensorIndex { .at(self) } }
extension Range: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex { .range(start: lowerBound, end: upperBound, step: 1) }
}
extension ClosedRange: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex { .range(start: lowerBound, end: upperBound == -1 ? nil : upperBound + 1, step: 1) }
}
extension PartialRangeFrom: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex { .range(start: lowerBound, end: nil, step: 1) }
}
extension PartialRangeUpTo: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex { .range(start: nil, end: upperBound, step: 1) }
}
extension PartialRangeThrough: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex { .range(start: nil, end: upperBound == -1 ? nil : upperBound + 1, step: 1) }
}
