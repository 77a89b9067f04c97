/// How a strided matrix is handed to BLAS: the transpose flag and the leading dimension.
struct BlasMatrix {
    let trans: Bool
    let ld: Int

    /// The BLAS layout of a [rows, cols] matrix with element strides (rs, cs), or nil if BLAS cannot
    /// read it in place (then it is copied). Strides of size-1 dimensions do not matter.
    init?(rows: Int, cols: Int, rs: Int, cs: Int) {
        if (cs == 1 || cols == 1) && (rows == 1 || rs >= Swift.max(1, cols)) {
            trans = false
            ld = rows == 1 ? Swift.max(1, cols) : rs
        } else if (rs == 1 || rows == 1) && (cols == 1 || cs >= Swift.max(1, rows)) {
            trans = true
            ld = cols == 1 ? Swift.max(1, rows) : cs
        } else {
            return nil
        }
    }
}

extension Tensor {
    /// The matrix product with `torch.matmul` semantics: 1-D operands are promoted (a vector on the
    /// left becomes a row, on the right a column, and the added axis is removed again); leading
    /// (batch) axes broadcast. Runs on `cblas_sgemm`; transposed views are passed with BLAS's
    /// transpose flags instead of being copied, and a 2-D right operand folds the left operand's
    /// batch axes into one product.
    public func matmul(_ other: Tensor) throws -> Tensor {
        if rank == 0 || other.rank == 0 {
            throw TensorError("matmul", "both operands need at least 1 dimension, got shapes \(fmt(shape)) and \(fmt(other.shape))")
        }
        let k1 = shape[rank - 1], k2 = other.rank == 1 ? other.shape[0] : other.shape[other.rank - 2]
        if k1 != k2 {
            throw TensorError("matmul", "shapes \(fmt(shape)) and \(fmt(other.shape)) do not align (\(k1) != \(k2))")
        }
        let a = rank == 1 ? try reshaped([1, shape[0]]) : self
        let b = other.rank == 1 ? try other.reshaped([other.shape[0], 1]) : other
        var out = try Tensor.matmul2(a, b, shapes: (shape, other.shape))
        if other.rank == 1 { out = try out.squeezed(axis: -1) }
        if rank == 1 { out = try out.squeezed(axis: -1 - (other.rank == 1 ? 0 : 1)) }
        return out
    }

    /// Products of operands with rank >= 2, recorded on the graph.
    static func matmul2(_ a: Tensor, _ b: Tensor, shapes: ([Int], [Int])) throws -> Tensor {
        let out = try matmulData(a, b, shapes: shapes)
        return Autograd.record(out, .matmul(a: a.detached(), b: b.detached()), inputs: [a, b])
    }

    /// The product without autograd (both ranks >= 2).
    static func matmulData(_ a: Tensor, _ b: Tensor, shapes: ([Int], [Int])) throws -> Tensor {
        let m = a.shape[a.rank - 2], k = a.shape[a.rank - 1], n = b.shape[b.rank - 1]
        let batchA = Array(a.shape.dropLast(2)), batchB = Array(b.shape.dropLast(2))
        let batch: [Int]
        do { batch = try Shape.broadcast(batchA, batchB, op: "matmul") } catch {
            throw TensorError("matmul", "cannot broadcast the batch dimensions \(fmt(batchA)) and \(fmt(batchB)) "
                + "(shapes \(fmt(shapes.0)) and \(fmt(shapes.1)))")
        }
        for d in [m, n, k] where d > Int(Int32.max) {
            throw TensorError("matmul", "dimension \(d) is too large for BLAS (shapes \(fmt(shapes.0)) and \(fmt(shapes.1)))")
        }
        var out = try uninitialized(batch + [m, n], op: "matmul")
        if out.count == 0 { return out }

        // A 2-D right operand: fold A's batch axes and rows into one [batch*m, k] product when they merge.
        if batchB.isEmpty && !batchA.isEmpty && a.strides[a.rank - 1] == 1 {
            let rows = StridedLoop(shape: Array(a.shape.dropLast()), strides: [Array(a.strides.dropLast())])
            if rows.outerShape.isEmpty, rows.inner * k > 0, let mb = BlasMatrix(rows: rows.inner, cols: k, rs: rows.innerStrides.0, cs: 1),
               let mbB = BlasMatrix(rows: k, cols: n, rs: b.strides[0], cs: b.strides[1]) {
                withExtendedLifetime((a, b)) {
                    Kernels.sgemm(transA: mb.trans, transB: mbB.trans, m: rows.inner, n: n, k: k, a: a.pointer, lda: mb.ld,
                                  b: b.pointer, ldb: mbB.ld, c: out.pointer, ldc: n)
                }
                return out
            }
        }
        let ma = BlasMatrix(rows: m, cols: k, rs: a.strides[a.rank - 2], cs: a.strides[a.rank - 1])
        let mbm = BlasMatrix(rows: k, cols: n, rs: b.strides[b.rank - 2], cs: b.strides[b.rank - 1])
        let ac = ma == nil ? a.contiguousData() : a, bc = mbm == nil ? b.contiguousData() : b
        let la = ma ?? BlasMatrix(rows: m, cols: k, rs: k, cs: 1)!, lb = mbm ?? BlasMatrix(rows: k, cols: n, rs: n, cs: 1)!
        let loop = StridedLoop(shape: batch, strides: [
            Shape.contiguousStrides(batch).map { $0 * m * n },
            Shape.broadcastStrides(shape: batchA, strides: Array(ac.strides.dropLast(2)), to: batch),
            Shape.broadcastStrides(shape: batchB, strides: Array(bc.strides.dropLast(2)), to: batch),
        ])
        let (sc, sa, sb) = loop.innerStrides
        let po = out.pointer
        withExtendedLifetime((ac, bc)) {
            loop.forEachRow(0..<loop.rows) { oc, oa, ob in
                Kernels.sgemmBatched(batch: loop.inner, transA: la.trans, transB: lb.trans, m: m, n: n, k: k,
                                     a: ac.pointer + oa, lda: la.ld, strideA: sa, b: bc.pointer + ob, ldb: lb.ld, strideB: sb,
                                     c: po + oc, ldc: n, strideC: sc == 0 ? m * n : sc)
            }
        }
        out.node = nil
        return out
    }
}
