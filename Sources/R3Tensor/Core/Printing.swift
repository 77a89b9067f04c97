import Foundation

/// NumPy-style printing: `tensor([[1, 2], [3, 4]])`.
///
/// One format per tensor: integers without decimals when every value is integral; otherwise fixed
/// point with the fewest decimals (at most 4) that show every value, the same for all; scientific
/// notation when values span more than 3 orders of magnitude, reach 1e8 or go below 1e-4 (NumPy's
/// rule). Tensors with more than 1000 elements are summarised with `...`, showing 3 items at each
/// edge of every axis (NumPy's `threshold` and `edgeitems`). Rows wrap at 80 columns.
public struct TensorPrintOptions: Sendable {
    public var threshold = 1000
    public var edgeItems = 3
    public var precision = 4
    public var lineWidth = 80
    public init() {}
}

extension Tensor: CustomStringConvertible {
    public var description: String { formatted(TensorPrintOptions()) }

    /// The printed form with explicit options.
    public func formatted(_ options: TensorPrintOptions) -> String {
        let prefix = "tensor("
        var suffix = ""
        if shape.contains(0) { suffix += ", shape: \(fmt(shape))" }
        if requiresGrad { suffix += ", requiresGrad: true" }
        // No values to show: the shape says it all (and a huge axis beside an empty one costs nothing).
        if shape.contains(0) { return prefix + "[]" + suffix + ")" }
        let c = contiguousData()
        let p = c.pointer
        let summarise = count > options.threshold
        // The indices shown along each axis.
        let shown: [[Int]] = shape.map { n in
            summarise && n > 2 * options.edgeItems
                ? Array(0..<options.edgeItems) + Array((n - options.edgeItems)..<n) : Array(0..<n)
        }
        let strides = Shape.contiguousStrides(shape)
        var values: [Float] = []
        func collect(_ d: Int, _ base: Int) {
            if d == rank { values.append(p[base]); return }
            for i in shown[d] { collect(d + 1, base + i * strides[d]) }
        }
        collect(0, 0)
        let format = Tensor.numberFormat(values, precision: options.precision)
        let strings = values.map(format)
        let width = strings.map(\.count).max() ?? 0
        var next = 0
        func pad(_ s: String) -> String { String(repeating: " ", count: width - s.count) + s }
        func render(_ d: Int, indent: Int) -> String {
            if d == rank { defer { next += 1 }; return pad(strings[next]) }
            let n = shape[d]
            let gapAt = shown[d].count < n ? options.edgeItems : -1
            if d == rank - 1 {
                var items: [String] = []
                for (k, _) in shown[d].enumerated() {
                    if k == gapAt { items.append("...") }
                    items.append(render(d + 1, indent: indent + 1))
                }
                // Wrap rows wider than the line width.
                var lines: [String] = []
                var line = ""
                for item in items {
                    let piece = line.isEmpty ? item : ", " + item
                    if !line.isEmpty && indent + line.count + piece.count + 2 > options.lineWidth {
                        lines.append(line + ",")
                        line = item
                    } else {
                        line += piece
                    }
                }
                lines.append(line)
                return "[" + lines.joined(separator: "\n" + String(repeating: " ", count: indent + 1)) + "]"
            }
            let sep = ",\n" + String(repeating: "\n", count: rank - d - 2) + String(repeating: " ", count: indent + 1)
            var parts: [String] = []
            for (k, _) in shown[d].enumerated() {
                if k == gapAt { parts.append("...") }
                parts.append(render(d + 1, indent: indent + 1))
            }
            return "[" + parts.joined(separator: sep) + "]"
        }
        return prefix + render(0, indent: prefix.count) + suffix + ")"
    }

    /// The one number format used for every element of a tensor (see `TensorPrintOptions`).
    static func numberFormat(_ values: [Float], precision: Int) -> (Float) -> String {
        let finite = values.filter(\.isFinite)
        func special(_ v: Float) -> String? {
            if v.isNaN { return "nan" }
            if v.isInfinite { return v < 0 ? "-inf" : "inf" }
            return nil
        }
        let maxAbs = finite.map { Swift.abs($0) }.max() ?? 0
        if finite.allSatisfy({ $0 == $0.rounded() }) && maxAbs < 1e15 {
            return { v in special(v) ?? String(Int(v)) }
        }
        let minAbs = finite.filter { $0 != 0 }.map { Swift.abs($0) }.min() ?? 0
        if maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1e3 {
            return { v in special(v) ?? String(format: "%.\(precision)e", Double(v)) }
        }
        var decimals = 1
        for v in finite {
            var s = String(format: "%.\(precision)f", Double(v))
            while s.hasSuffix("0") { s.removeLast() }
            if let dot = s.firstIndex(of: ".") { decimals = Swift.max(decimals, s.distance(from: dot, to: s.endIndex) - 1) }
        }
        return { v in special(v) ?? String(format: "%.\(decimals)f", Double(v)) }
    }
}
