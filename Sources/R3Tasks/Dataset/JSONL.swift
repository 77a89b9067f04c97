import Foundation

/// A record type that reads from and writes to one JSON value (one JSONL line).
public protocol JSONRecord {
    /// Reads a record; errors name the field.
    init(json: JSONValue) throws(FieldError)
    /// The record as one JSON value.
    var json: JSONValue { get }
}

extension JSONValue: JSONRecord {
    public init(json: JSONValue) throws(FieldError) { self = json }
    public var json: JSONValue { self }
}

extension CountdownTask: JSONRecord {}
extension FunctionCallingTask: JSONRecord {}
extension TextTask: JSONRecord {}

/// A JSONL file or line problem: `path:line:column: message`, `path:line: field "x": message`, or
/// `path: message` for the whole file.
public struct JSONLError: Error, Equatable, CustomStringConvertible {
    public let path: String
    /// The 1-based line number, when the problem is one line.
    public let line: Int?
    /// The 1-based column (characters), for JSON syntax errors.
    public let column: Int?
    /// The field, for missing or mistyped fields.
    public let field: String?
    public let message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var s = path
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        s += ": "
        if let field { s += "field \"\(field)\": " }
        return s + message
    }
}

/// What a load did: records read, blank lines ignored, bad lines skipped.
public struct JSONLReport: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// Records loaded.
    public var records: Int = 0
    /// Blank (whitespace-only) lines, which are ignored.
    public var blankLines: Int = 0
    /// How many bad lines were skipped (only with `skipBadLines`).
    public var skippedCount: Int = 0
    /// The first `maxKeptErrors` skipped lines' errors.
    public var skipped: [JSONLError] = []

    public static let maxKeptErrors = 100

    public init(path: String) { self.path = path }

    public var description: String {
        var s = "loaded \(records) record\(records == 1 ? "" : "s") from \(path)"
        if skippedCount > 0 {
            s += "; skipped \(skippedCount) bad line\(skippedCount == 1 ? "" : "s")"
            if let first = skipped.first { s += " (first: \(first))" }
        }
        return s
    }
}

/// Reading and writing JSON Lines: one JSON value per line, UTF-8, `\n` or `\r\n` line ends, an
/// optional byte-order mark, blank lines ignored.
public enum JSONL {
    /// Calls `body` with each line's 1-based number and byte range (without the line end). A UTF-8 BOM
    /// at the start is skipped.
    public static func forEachLine(in p: UnsafeBufferPointer<UInt8>, _ body: (Int, Range<Int>) throws -> Void) rethrows {
        var start = p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        var line = 1
        while start < p.count {
            var end = start
            while end < p.count && p[end] != 0x0A { end += 1 }
            var stop = end
            if stop > start && p[stop - 1] == 0x0D { stop -= 1 }
            try body(line, start..<stop)
            line += 1
            start = end + 1
        }
    }

    /// Reads every record of the file at `path`, decoding each line with `decode`.
    ///
    /// - A line that is not valid JSON, or that `decode` rejects, is an error naming the file, the line
    ///   (and the column, or the field); with `skipBadLines` it is skipped and counted in the report.
    /// - An empty file (or one with only blank lines) is an error: an empty dataset is always a mistake.
    ///   So is a file whose lines are all bad, even with `skipBadLines`.
    public static func read<T>(path: String, skipBadLines: Bool = false,
                               decode: (JSONValue) throws(FieldError) -> T) throws(JSONLError) -> (records: [T], report: JSONLReport) {
        let data = try readFile(path)
        var report = JSONLReport(path: path)
        var records: [T] = []
        var firstError: JSONLError? = nil
        var lines = 0
        let result: JSONLError? = data.withUnsafeBytes { raw -> JSONLError? in
            let p = raw.bindMemory(to: UInt8.self)
            do {
                try forEachLine(in: p) { number, range in
                    let r = trimmed(p, range)
                    if r.isEmpty {
                        report.blankLines += 1
                        return
                    }
                    lines += 1
                    let decoded = decodeLine(UnsafeBufferPointer(rebasing: p[r]), path: path, line: number,
                                             columnOffset: columnOf(p, r.lowerBound, from: range.lowerBound) - 1, decode: decode)
                    switch decoded {
                    case .success(let record):
                        records.append(record)
                    case .failure(let error):
                        if !skipBadLines { throw error }
                        if firstError == nil { firstError = error }
                        report.skippedCount += 1
                        if report.skipped.count < JSONLReport.maxKeptErrors { report.skipped.append(error) }
                    }
                }
                return nil
            } catch let e as JSONLError {
                return e
            } catch {
                return JSONLError(path: path, message: "\(error)")
            }
        }
        if let result { throw result }
        report.records = records.count
        if records.isEmpty {
            if data.isEmpty { throw JSONLError(path: path, message: "empty file: no JSONL records") }
            if lines == 0 { throw JSONLError(path: path, message: "no records: the file holds only blank lines") }
            throw JSONLError(path: path, message: "no valid records: all \(lines) line\(lines == 1 ? " is" : "s are") bad; first: \(firstError.map { "\($0)" } ?? "")")
        }
        return (records, report)
    }

    /// Decodes one line: JSON syntax errors carry the column, field errors the field.
    static func decodeLine<T>(_ bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int, columnOffset: Int = 0,
                              decode: (JSONValue) throws(FieldError) -> T) -> Result<T, JSONLError> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: bytes)
        } catch let e as JSONParseError {
            return .failure(JSONLError(path: path, line: line, column: e.column + columnOffset, message: e.message))
        } catch {
            return .failure(JSONLError(path: path, line: line, message: "\(error)"))
        }
        do {
            return .success(try decode(value))
        } catch {
            return .failure(JSONLError(path: path, line: line, field: error.field, message: error.message))
        }
    }

    static func readFile(_ path: String) throws(JSONLError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw JSONLError(path: path, message: "no such file")
        }
        if isDirectory.boolValue { throw JSONLError(path: path, message: "is a directory, not a JSONL file") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw JSONLError(path: path, message: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Writes one compact JSON value per line, atomically (a temporary file renamed over `path`).
    public static func write(_ values: [JSONValue], to path: String) throws {
        var out: [UInt8] = []
        for v in values {
            try JSONSerializer.write(v, to: &out)
            out.append(0x0A)
        }
        var isDirectory: ObjCBool = false
        if path.isEmpty || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw JSONLError(path: path.isEmpty ? "." : path, message: "is a folder; name a .jsonl file to write")
        }
        try Data(out).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

extension Dataset where Element: JSONRecord {
    /// Loads a JSONL file of records (see `JSONL.read` for the error rules).
    public static func loadJSONL(path: String, skipBadLines: Bool = false) throws(JSONLError) -> (dataset: Dataset, report: JSONLReport) {
        let (records, report) = try JSONL.read(path: path, skipBadLines: skipBadLines) { (v: JSONValue) throws(FieldError) -> Element in
            try Element(json: v)
        }
        return (Dataset(records), report)
    }

    /// Writes the records as JSONL, atomically.
    public func writeJSONL(path: String) throws {
        try JSONL.write(elements.map(\.json), to: path)
    }
}

extension Dataset where Element == AnyTask {
    /// Loads a JSONL file of tasks of one kind.
    public static func loadJSONL(path: String, kind: TaskKind, skipBadLines: Bool = false) throws(JSONLError) -> (dataset: Dataset, report: JSONLReport) {
        let (records, report) = try JSONL.read(path: path, skipBadLines: skipBadLines) { (v: JSONValue) throws(FieldError) -> AnyTask in
            try AnyTask(json: v, kind: kind)
        }
        return (Dataset(records), report)
    }

    /// Writes the tasks as JSONL, atomically.
    public func writeJSONL(path: String) throws {
        try JSONL.write(elements.map(\.json), to: path)
    }
}
