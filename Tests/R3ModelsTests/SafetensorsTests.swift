import Foundation
import XCTest
@testable import R3Models

final class SafetensorsTests: XCTestCase {
    /// Builds a safetensors file from a raw header and data.
    private func file(_ header: String, data: [UInt8] = [], lengthOverride: UInt64? = nil, truncateTo: Int? = nil) throws -> String {
        var bytes: [UInt8] = []
        let h = Array(header.utf8)
        withUnsafeBytes(of: (lengthOverride ?? UInt64(h.count)).littleEndian) { bytes.append(contentsOf: $0) }
        bytes += h + data
        if let truncateTo { bytes = Array(bytes.prefix(truncateTo)) }
        let url = try Fixture.temporaryFolder(self).appendingPathComponent("w.safetensors")
        try Data(bytes).write(to: url)
        return url.path
    }

    func testReadsF32F16BF16() throws {
        let f32: [UInt8] = [0, 0, 128, 63, 0, 0, 0, 192]                     // 1.0, -2.0
        let f16: [UInt8] = [0x00, 0x3C, 0x00, 0xB8, 0x01, 0x00]               // 1.0, -0.5, 2^-24
        let bf16: [UInt8] = [0x80, 0x3F, 0x40, 0xC0]                         // 1.0, -3.0
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F16","shape":[3],"data_offsets":[8,14]},"c":{"dtype":"BF16","shape":[1,2],"data_offsets":[14,18]},"__metadata__":{"format":"pt"}}"#
        let st = try SafetensorsFile(path: try file(header, data: f32 + f16 + bf16))
        XCTAssertEqual(try st.floats("a"), [1, -2])
        XCTAssertEqual(try st.floats("b"), [1, -0.5, 0x1p-24])
        XCTAssertEqual(try st.floats("c"), [1, -3])
        XCTAssertEqual(st.entries["c"]?.shape, [1, 2])
        XCTAssertEqual(st.metadata["format"], "pt")
    }

    func testWriterRoundTrip() throws {
        let url = try Fixture.temporaryFolder(self).appendingPathComponent("m.safetensors")
        let a: [Float] = [1, 2, 3, 4, 5, 6], b: [Float] = [-1]
        try a.withUnsafeBufferPointer { pa in
            try b.withUnsafeBufferPointer { pb in
                try SafetensorsWriter.write([.init(name: "a", shape: [2, 3], values: pa), .init(name: "b", shape: [1], values: pb)],
                                            metadata: ["format": "pt"], to: url)
            }
        }
        let st = try SafetensorsFile(path: url.path)
        XCTAssertEqual(try st.floats("a"), a)
        XCTAssertEqual(try st.floats("b"), b)
        XCTAssertEqual(st.entries["a"]?.shape, [2, 3])
    }

    func testBadFilesAreClearErrors() throws {
        let ok = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        assertThrowsMessage(try SafetensorsFile(path: try file(ok, truncateTo: 5)), contains: ["w.safetensors", "truncated safetensors header"])
        assertThrowsMessage(try SafetensorsFile(path: try file(ok, data: Array(repeating: 0, count: 8), lengthOverride: 1 << 40)),
                            contains: ["w.safetensors", "header length 1099511627776 is larger than the file"])
        assertThrowsMessage(try SafetensorsFile(path: try file(ok, data: Array(repeating: 0, count: 4))),
                            contains: ["w.safetensors", "tensor 'w'", "out of range"])
        let unknown = #"{"w":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[0,2]}}"#
        assertThrowsMessage(try SafetensorsFile(path: try file(unknown, data: [0, 0])), contains: ["tensor 'w'", "unknown dtype 'F8_E4M3'"])
        let mismatch = #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#
        assertThrowsMessage(try SafetensorsFile(path: try file(mismatch, data: Array(repeating: 0, count: 8))),
                            contains: ["tensor 'w'", "shape [3] of F32 needs 12 bytes but data_offsets give 8"])
        let overlap = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        assertThrowsMessage(try SafetensorsFile(path: try file(overlap, data: Array(repeating: 0, count: 8))),
                            contains: ["'a' and 'b'", "overlapping"])
        assertThrowsMessage(try SafetensorsFile(path: try file("{not json", data: [])), contains: ["w.safetensors", "not valid JSON"])
        assertThrowsMessage(try SafetensorsFile(path: "/nonexistent/x.safetensors"), contains: ["/nonexistent/x.safetensors", "cannot be opened"])
    }
}
