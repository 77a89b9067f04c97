import CBLAS

/// Σ a[i] * b[i] over the shorter of the two arrays, through `cblas_sdot`.
/// (Kept for R3Runtime's placeholder probe until the language binding lands.)
public func blasDot(_ a: [Float], _ b: [Float]) -> Float {
    cblas_sdot(Int32(Swift.min(a.count, b.count)), a, 1, b, 1)
}
