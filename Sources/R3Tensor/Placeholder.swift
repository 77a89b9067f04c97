import CBLAS
// R3Tensor: placeholder until its issue lands.
public func blasDot(_ a: [Float], _ b: [Float]) -> Float { cblas_sdot(Int32(a.count), a, 1, b, 1) }
