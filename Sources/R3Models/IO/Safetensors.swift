import Foundation

/// The element types a safetensors file may hold. Floating types convert to Float32 on read.
public enum SafetensorsDType: String, Sendable {
    case F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .F64, .I64: return 8
        case .F32, .I32: return 4
        case .F16, .BF16, .I16: return 2
        case .I8, .U8, .BOOL: return 1
        }
    }
}

/// A safetensors file (https://huggingface.co/docs/safetensors), memory-mapped and validated on open.
///
/// Layout: an 8-byte little-endian header length N, N bytes of JSON
/// (`{"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}`),
/// then the data; offsets are relative to the start of the data. Opening checks every entry:
/// a truncated header, a header longer than the file, an unknown dtype, offsets out of range or
/// overlapping, a byte size that does not match the shape: each is an error naming the file and tensor.
public final class SafetensorsFile {
    /// One tensor's header entry.
    public struct Entry: Sendable {
        public let name: String
        public let dtype: SafetensorsDType
        public let shape: [Int]
        /// Byte range within the data section.
        public let begin: Int, end: Int
        public var count: Int { shape.reduce(1, *) }
    }

    public let path: String
    public let entries: [String: Entry]
    public let metadata: [String: String]
    private let file: MappedFile
    private let dataStart: Int

    public init(path: String) throws {
        self.path = path
        file = try MappedFile(path: path)
        let name = (path as NSString).lastPathComponent
        guard file.count >= 8, let base = file.base else {
            throw ModelError("\(path): truncated safetensors header (the file has \(file.count) bytes, fewer than the 8-byte header length)")
        }
        let n = base.loadUnaligned(as: UInt64.self).littleEndian
        guard n <= UInt64(file.count - 8) else {
            throw ModelError("\(path): safetensors header length \(n) is larger than the file (\(file.count) bytes)")
        }
        let headerLength = Int(n)
        dataStart = 8 + headerLength
        let header = Data(bytes: base + 8, count: headerLength)
        let json = try JSONObject(data: header, source: "\(path) (safetensors header)")
        let dataSize = file.count - dataStart
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]
        for (key, value) in json.dict {
            if key == "__metadata__" {
                if let m = value as? [String: Any] { for (k, v) in m { metadata[k] = v as? String ?? "\(v)" } }
                continue
            }
            guard let d = value as? [String: Any] else { throw ModelError("\(name): tensor '\(key)': header entry is not an object") }
            guard let dt = d["dtype"] as? String else { throw ModelError("\(name): tensor '\(key)': missing dtype") }
            guard let dtype = SafetensorsDType(rawValue: dt) else {
                throw ModelError("\(name): tensor '\(key)': unknown dtype '\(dt)' (supported: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL)")
            }
            guard let shapeAny = d["shape"] as? [Any] else { throw ModelError("\(name): tensor '\(key)': missing shape") }
            var shape: [Int] = []
            for s in shapeAny {
                guard let i = JSONObject.asInt(s), i >= 0 else { throw ModelError("\(name): tensor '\(key)': bad shape \(shapeAny)") }
                shape.append(i)
            }
            guard let offs = d["data_offsets"] as? [Any], offs.count == 2,
                  let b = JSONObject.asInt(offs[0]), let e = JSONObject.asInt(offs[1]) else {
                throw ModelError("\(name): tensor '\(key)': missing or malformed data_offsets")
            }
            guard b >= 0, e >= b, e <= dataSize else {
                throw ModelError("\(name): tensor '\(key)': data_offsets [\(b), \(e)] are out of range (the data section has \(dataSize) bytes)")
            }
            var count = 1
            for s in shape {
                let (r, o) = count.multipliedReportingOverflow(by: s)
                guard !o else { throw ModelError("\(name): tensor '\(key)': shape \(shape) is too large") }
                count = r
            }
            guard count * dtype.size == e - b else {
                throw ModelError("\(name): tensor '\(key)': shape \(shape) of \(dt) needs \(count * dtype.size) bytes but data_offsets give \(e - b)")
            }
            entries[key] = Entry(name: key, dtype: dtype, shape: shape, begin: b, end: e)
        }
        let sorted = entries.values.sorted { ($0.begin, $0.end) < ($1.begin, $1.end) }
        for i in sorted.indices.dropFirst() where sorted[i].begin < sorted[i - 1].end {
            throw ModelError("\(name): tensors '\(sorted[i - 1].name)' and '\(sorted[i].name)' have overlapping data_offsets")
        }
        self.entries = entries
        self.metadata = metadata
    }

    /// Copies tensor `name` into `destination` as Float32, converting F16, BF16 and F64.
    /// `destination` must hold `entries[name].count` floats.
    public func read(_ name: String, into destination: UnsafeMutablePointer<Float>) throws {
        guard let e = entries[name] else { throw ModelError("\(path): no tensor named '\(name)'") }
        guard [.F32, .F16, .BF16, .F64].contains(e.dtype) else {
            throw ModelError("\((path as NSString).lastPathComponent): tensor '\(name)' has dtype \(e.dtype.rawValue), not a floating type")
        }
        guard let base = file.base else { return }
        SafetensorsFile.convert(base + dataStart + e.begin, dtype: e.dtype, count: e.count, into: destination)
    }

    /// Converts `count` floating values of `dtype` to Float32. Kept out of the throwing `read`:
    /// Swift 6.3's optimiser turned the F32 `memcpy` into a tail call that returned from `read`
    /// with a stale error register (a crash in release builds with -enable-testing).
    @inline(never)
    static func convert(_ src: UnsafeRawPointer, dtype: SafetensorsDType, count n: Int, into destination: UnsafeMutablePointer<Float>) {
        switch dtype {
        case .F32:
            memcpy(destination, src, n * 4)
        case .F16:
            for i in 0..<n { destination[i] = floatFromHalfBits(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) }
        case .BF16:
            for i in 0..<n { destination[i] = Float(bitPattern: UInt32(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) << 16) }
        case .F64:
            for i in 0..<n { destination[i] = Float(src.loadUnaligned(fromByteOffset: 8 * i, as: Double.self)) }
        default:
            break
        }
    }

    /// Tensor `name` as Float32 values.
    public func floats(_ name: String) throws -> [Float] {
        guard let e = entries[name] else { throw ModelError("\(path): no tensor named '\(name)'") }
        var out = [Float](repeating: 0, count: e.count)
        try out.withUnsafeMutableBufferPointer { try read(name, into: $0.baseAddress!) }
        return out
    }

    /// Tensor `name` (an integer dtype) as Int values.
    public func ints(_ name: String) throws -> [Int] {
        guard let e = entries[name] else { throw ModelError("\(path): no tensor named '\(name)'") }
        guard let base = file.base else { return [] }
        let src = base + dataStart + e.begin
        switch e.dtype {
        case .I64: return (0..<e.count).map { Int(src.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self)) }
        case .I32: return (0..<e.count).map { Int(src.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) }
        default: throw ModelError("\((path as NSString).lastPathComponent): tensor '\(name)' has dtype \(e.dtype.rawValue), not I64 or I32")
        }
    }
}

/// IEEE half-precision bits to Float (subnormals, infinities and NaN included).
@inline(__always)
func floatFromHalfBits(_ h: UInt16) -> Float {
    let sign = UInt32(h & 0x8000) << 16
    let exp = UInt32(h >> 10) & 0x1F
    let mant = UInt32(h & 0x3FF)
    if exp == 0 {
        if mant == 0 { return Float(bitPattern: sign) }
        let v = Float(mant) * 0x1p-24
        return sign != 0 ? -v : v
    }
    if exp == 31 { return Float(bitPattern: sign | 0x7F80_0000 | (mant << 13)) }
    return Float(bitPattern: sign | ((exp + 112) << 23) | (mant << 13))
}

/// Writes Float32 tensors as a safetensors file, atomically (a temporary file, then a rename).
public enum SafetensorsWriter {
    /// One tensor to write: its name, shape and values (`shape.reduce(1, *)` floats).
    public struct Tensor {
        public let name: String
        public let shape: [Int]
        public let values: UnsafeBufferPointer<Float>
        public init(name: String, shape: [Int], values: UnsafeBufferPointer<Float>) {
            self.name = name
            self.shape = shape
            self.values = values
        }
    }

    /// Writes `tensors` (in the given order) with `metadata` to `url`.
    public static func write(_ tensors: [Tensor], metadata: [String: String] = [:], to url: URL) throws {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var offset = 0
        for t in tensors {
            precondition(t.shape.reduce(1, *) == t.values.count, "safetensors writer: shape/count mismatch for \(t.name)")
            header[t.name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [offset, offset + 4 * t.values.count]] as [String: Any]
            offset += 4 * t.values.count
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var out = Data(capacity: 8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(json)
        for t in tensors { out.append(UnsafeBufferPointer(start: t.values.baseAddress, count: t.values.count)) }
        try writeAtomically(out, to: url)
    }
}

/// Writes `data` to `url` through a temporary file in the same folder and a rename.
func writeAtomically(_ data: Data, to url: URL) throws {
    let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
    do {
        try data.write(to: tmp)
        if rename(tmp.path, url.path) != 0 {
            throw ModelError("\(url.path): cannot be written (\(String(cString: strerror(errno))))")
        }
    } catch let e as ModelError {
        try? FileManager.default.removeItem(at: tmp)
        throw e
    } catch {
        try? FileManager.default.removeItem(at: tmp)
        throw ModelError("\(url.path): cannot be written (\(posixReason(error)))")
    }
}
