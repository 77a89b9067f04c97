import Foundation
@testable import R3Tensor

/// Plain Double-precision reference implementations, written independently of the library's loops.
enum Ref {
    /// Row-major multi-index of flat position `i` in `shape`.
    static func index(_ i: Int, _ shape: [Int]) -> [Int] {
        var r = i
        var out = [Int](repeating: 0, count: shape.count)
        for d in stride(from: shape.count - 1, through: 0, by: -1) { out[d] = r % shape[d]; r /= shape[d] }
        return out
    }

    static func flat(_ idx: [Int], _ shape: [Int]) -> Int {
        var f = 0
        for d in 0..<shape.count { f = f * shape[d] + idx[d] }
        return f
    }

    /// f(a, b) with NumPy broadcasting, by explicit index arithmetic.
    static func broadcast(_ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double) -> (shape: [Int], values: [Double]) {
        let r = max(a.rank, b.rank)
        let sa = [Int](repeating: 1, count: r - a.rank) + a.shape, sb = [Int](repeating: 1, count: r - b.rank) + b.shape
        let shape = zip(sa, sb).map { max($0, $1) }
        let da = a.toArray(), db = b.toArray()
        let n = shape.reduce(1, *)
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let idx = index(i, shape)
            let ia = flat(zip(idx, sa).map { $1 == 1 ? 0 : $0 }, sa), ib = flat(zip(idx, sb).map { $1 == 1 ? 0 : $0 }, sb)
            out[i] = f(Double(da[ia]), Double(db[ib]))
        }
        return (shape, out)
    }

    /// C = A @ B for row-major [m, k] and [k, n] arrays.
    static func matmul(_ a: [Double], _ b: [Double], m: Int, n: Int, k: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { var s = 0.0; for p in 0..<k { s += a[i * k + p] * b[p * n + j] }; c[i * n + j] = s } }
        return c
    }

    /// Reduces `x` over `axis` with `f` (over a [outer, size, inner] view).
    static func reduce(_ x: Tensor, axis: Int, _ f: ([Double]) -> Double) -> [Double] {
        let v = x.toArray().map(Double.init)
        let outer = x.shape[..<axis].reduce(1, *), size = x.shape[axis], inner = x.shape[(axis + 1)...].reduce(1, *)
        var out: [Double] = []
        for o in 0..<outer { for i in 0..<inner { out.append(f((0..<size).map { v[(o * size + $0) * inner + i] })) } }
        return out
    }

    static func softmax(_ row: [Double]) -> [Double] {
        let m = row.max()!
        let e = row.map { Foundation.exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    static func gelu(_ x: Double) -> Double { 0.5 * x * (1 + erf(x / 2.0.squareRoot())) }
    static func geluTanh(_ x: Double) -> Double { 0.5 * x * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x))) }
}

extension Array where Element == Double {
    var floats: [Float] { map(Float.init) }
}
