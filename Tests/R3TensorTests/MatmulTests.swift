import XCTest
@testable import R3Tensor

final class MatmulTests: XCTestCase {
    /// A [rows, cols] operand in one of three layouts: contiguous, a transposed view of a [cols, rows]
    /// buffer (goes to BLAS with the transpose flag), or a strided slice (copied before BLAS).
    func operand(_ rows: Int, _ cols: Int, layout: Int, seed: UInt64) throws -> Tensor {
        switch layout {
        case 0: return try Tensor.randn([rows, cols], seed: seed)
        case 1: return try Tensor.randn([cols, rows], seed: seed).T
        default: return try Tensor.randn([rows, cols * 2], seed: seed).sliced(axis: 1, step: 2)
        }
    }

    func testAgainstNaiveLoopsForOddShapesAndLayouts() throws {
        let sizes = [1, 7, 33, 65]
        var seed: UInt64 = 1
        var checked = 0
        for m in sizes { for n in sizes { for k in sizes {
            if (m + n + k) % 2 == 1 && !(m == 1 || n == 1 || k == 1) { continue }  // keep the run short
            for la in 0..<3 { for lb in 0..<3 {
                if (la + lb + m) % 3 != 0 && m != 65 { continue }
                let a = try operand(m, k, layout: la, seed: seed), b = try operand(k, n, layout: lb, seed: seed + 1)
                seed += 2
                let c = try a.matmul(b)
                XCTAssertEqual(c.shape, [m, n])
                let ref = Ref.matmul(a.toArray().map(Double.init), b.toArray().map(Double.init), m: m, n: n, k: k)
                assertClose(c.toArray(), ref.floats, atol: 1e-4, rtol: 1e-4, "m=\(m) n=\(n) k=\(k) layouts \(la),\(lb)")
                checked += 1
            } }
        } } }
        XCTAssertGreaterThan(checked, 60)
    }

    func testAllTransposeLayoutsAtOneShape() throws {
        for la in 0..<3 { for lb in 0..<3 {
            let a = try operand(33, 65, layout: la, seed: 1), b = try operand(65, 7, layout: lb, seed: 2)
            let ref = Ref.matmul(a.toArray().map(Double.init), b.toArray().map(Double.init), m: 33, n: 7, k: 65)
            assertClose(try a.matmul(b).toArray(), ref.floats, atol: 1e-4, rtol: 1e-4, "layouts \(la),\(lb)")
        } }
    }

    func batchedReference(_ a: Tensor, _ b: Tensor, batch: [Int], m: Int, n: Int, k: Int) throws -> [Double] {
        let ae = try a.expanded(to: batch + [m, k]).contiguous().toArray().map(Double.init)
        let be = try b.expanded(to: batch + [k, n]).contiguous().toArray().map(Double.init)
        var out: [Double] = []
        for i in 0..<batch.reduce(1, *) {
            out += Ref.matmul(Array(ae[(i * m * k)..<((i + 1) * m * k)]), Array(be[(i * k * n)..<((i + 1) * k * n)]), m: m, n: n, k: k)
        }
        return out
    }

    func testBatchedAndBroadcastBatches() throws {
        let a = try Tensor.randn([3, 5, 4], seed: 1), b = try Tensor.randn([3, 4, 6], seed: 2)
        assertClose(try a.matmul(b).toArray(), try batchedReference(a, b, batch: [3], m: 5, n: 6, k: 4).floats, atol: 1e-5)
        // torch.matmul batch broadcasting: [2, 1, 5, 4] @ [3, 4, 6] -> [2, 3, 5, 6].
        let a2 = try Tensor.randn([2, 1, 5, 4], seed: 3)
        let c2 = try a2.matmul(b)
        XCTAssertEqual(c2.shape, [2, 3, 5, 6])
        assertClose(c2.toArray(), try batchedReference(a2, b, batch: [2, 3], m: 5, n: 6, k: 4).floats, atol: 1e-5)
        // A 2-D right operand folds the batch; with a transposed batch operand it cannot.
        let w = try Tensor.randn([4, 6], seed: 4)
        assertClose(try a.matmul(w).toArray(), try batchedReference(a, w, batch: [3], m: 5, n: 6, k: 4).floats, atol: 1e-5)
        let at = try Tensor.randn([3, 4, 5], seed: 5).mT
        assertClose(try at.matmul(w).toArray(), try batchedReference(at, w, batch: [3], m: 5, n: 6, k: 4).floats, atol: 1e-5)
        assertClose(try at.matmul(w.T.contiguous().T).toArray(), try batchedReference(at, w, batch: [3], m: 5, n: 6, k: 4).floats, atol: 1e-5)
        // Attention-like: Q @ K^T with K^T a view.
        let q = try Tensor.randn([2, 3, 8, 16], seed: 6), kk = try Tensor.randn([2, 3, 8, 16], seed: 7)
        let s = try q.matmul(kk.mT)
        XCTAssertEqual(s.shape, [2, 3, 8, 8])
        assertClose(s.toArray(), try batchedReference(q, kk.mT, batch: [2, 3], m: 8, n: 8, k: 16).floats, atol: 1e-4)
        // Many small products (parallel batches).
        let qa = try Tensor.randn([64, 16, 32], seed: 8), qb = try Tensor.randn([64, 32, 16], seed: 9)
        assertClose(try qa.matmul(qb).toArray(), try batchedReference(qa, qb, batch: [64], m: 16, n: 16, k: 32).floats, atol: 1e-4)
    }

    func testVectorPromotion() throws {
        let v = try Tensor(nested: [1, 2, 3]), m = try Tensor.arange(6).reshaped([3, 2])
        XCTAssertEqual(try v.matmul(m).toArray(), [16, 22])
        XCTAssertEqual(try v.matmul(m).shape, [2])
        XCTAssertEqual(try m.T.matmul(v).toArray(), [16, 22])
        XCTAssertEqual(try v.matmul(v).shape, [])
        XCTAssertEqual(try v.matmul(v).item(), 14)
        let batch = try Tensor.arange(12).reshaped([2, 2, 3])
        XCTAssertEqual(try batch.matmul(v).shape, [2, 2])
        XCTAssertEqual(try v.matmul(Tensor.ones([4, 3, 5])).shape, [4, 5])
    }

    func testShapeErrors() {
        assertTensorError(try Tensor.ones([2, 3]).matmul(Tensor.ones([4, 5])), contains: ["matmul: shapes [2, 3] and [4, 5] do not align (3 != 4)"])
        assertTensorError(try Tensor.ones([3]).matmul(Tensor.ones([4])), contains: ["matmul: shapes [3] and [4] do not align (3 != 4)"])
        assertTensorError(try Tensor.ones([2, 2, 3]).matmul(Tensor.ones([3, 3, 4])),
                          contains: ["matmul: cannot broadcast the batch dimensions [2] and [3] (shapes [2, 2, 3] and [3, 3, 4])"])
        assertTensorError(try Tensor(1).matmul(Tensor.ones([1])), contains: ["matmul: both operands need at least 1 dimension"])
    }

    func testKernelsSgemmWrapperWithTransposeFlags() {
        // C = A^T B^T with A stored [k, m] and B stored [n, k].
        let m = 3, n = 2, k = 4
        let a: [Float] = (0..<(k * m)).map { Float($0) }, b: [Float] = (0..<(n * k)).map { Float($0) - 3 }
        var c = [Float](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
            Kernels.sgemm(transA: true, transB: true, m: m, n: n, k: k, a: pa.baseAddress!, lda: m, b: pb.baseAddress!, ldb: k,
                          c: pc.baseAddress!, ldc: n)
        } } }
        var ref = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { ref[i * n + j] += a[p * m + i] * b[j * k + p] } } }
        XCTAssertEqual(c, ref)
    }
}

final class BlasLayoutTests: XCTestCase {
    /// Transposed views reach BLAS as a transpose flag with the right leading dimension (no copy);
    /// layouts BLAS cannot read return nil (they are copied).
    func testLayouts() throws {
        let w = try Tensor.randn([4, 3], seed: 1)  // stored [4, 3]
        let n = try XCTUnwrap(BlasMatrix(rows: 4, cols: 3, rs: w.strides[0], cs: w.strides[1]))
        XCTAssertFalse(n.trans); XCTAssertEqual(n.ld, 3)
        let t = w.T  // [3, 4] view with strides [1, 3]
        let tr = try XCTUnwrap(BlasMatrix(rows: 3, cols: 4, rs: t.strides[0], cs: t.strides[1]))
        XCTAssertTrue(tr.trans); XCTAssertEqual(tr.ld, 3)
        let rowsOfWide = try Tensor.randn([4, 10], seed: 2).sliced(axis: 1, start: 0, end: 3)  // [4, 3], row stride 10
        let s = try XCTUnwrap(BlasMatrix(rows: 4, cols: 3, rs: rowsOfWide.strides[0], cs: rowsOfWide.strides[1]))
        XCTAssertFalse(s.trans); XCTAssertEqual(s.ld, 10)
        let strided = try Tensor.randn([4, 6], seed: 3).sliced(axis: 1, step: 2)  // column stride 2
        XCTAssertNil(BlasMatrix(rows: 4, cols: 3, rs: strided.strides[0], cs: strided.strides[1]))
    }
}
