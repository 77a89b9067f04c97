import Foundation

/// A piece of source text with a display name: a file, a REPL line, a `-e` argument or a notebook cell.
public final class SourceFile: @unchecked Sendable {
    /// The name shown in diagnostics (`script.r3`, `<repl>`, `<-e>`).
    public let name: String
    /// The full path when the source came from a file (imports resolve relative to it).
    public let path: String?
    /// The UTF-8 bytes of the text.
    public let bytes: [UInt8]
    /// The line number (1-based) of the first line, for cells cut out of a larger file.
    public let firstLine: Int
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        return starts
    }()

    /// Index in the registry, so locations can name the file without holding a reference.
    let id: UInt32

    nonisolated(unsafe) private static var registry: [SourceFile] = []
    private static let registryLock = NSLock()

    static func registered(_ id: UInt32) -> SourceFile {
        registryLock.lock()
        defer { registryLock.unlock() }
        return registry[Int(id)]
    }

    public init(name: String, text: String, path: String? = nil, firstLine: Int = 1) {
        self.name = name
        self.path = path
        self.bytes = Array(text.utf8)
        self.firstLine = firstLine
        SourceFile.registryLock.lock()
        self.id = UInt32(SourceFile.registry.count)
        SourceFile.registry.append(self)
        SourceFile.registryLock.unlock()
    }

    /// Reads a file; the error names the path.
    public static func load(path: String, name: String? = nil) throws -> SourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ScriptError(exists ? "cannot read file '\(path)'" : "no such file '\(path)'")
        }
        let text = String(decoding: data, as: UTF8.self)
        return SourceFile(name: name ?? path, text: text, path: path)
    }

    /// The (line, column) of a byte offset; both 1-based, the column counted in characters.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let starts = lineStarts
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = starts[lo]
        let end = min(max(offset, start), bytes.count)
        // Count characters, not bytes: continuation bytes (10xxxxxx) do not start a character.
        var column = 1
        var i = start
        while i < end { if bytes[i] & 0xC0 != 0x80 { column += 1 }; i += 1 }
        return (lo + firstLine, column)
    }

    /// The byte range of a line (1-based, in this file's numbering), without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        let starts = lineStarts
        let index = line - firstLine
        guard index >= 0, index < starts.count else { return 0..<0 }
        let start = starts[index]
        var end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a line, without its line break.
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }
}

/// A position in a source: which file and the byte offset. It is a plain value (no reference), so
/// the syntax tree can carry one per node at no cost; line and column are computed when an error is
/// shown.
public struct SourceLocation: Sendable, CustomStringConvertible {
    let fileID: UInt32
    public let offset: Int

    public init(file: SourceFile, offset: Int) {
        self.fileID = file.id
        self.offset = offset
    }

    public var file: SourceFile { SourceFile.registered(fileID) }
    public var line: Int { file.lineAndColumn(of: offset).line }
    public var column: Int { file.lineAndColumn(of: offset).column }

    public var description: String {
        let f = file
        let (line, column) = f.lineAndColumn(of: offset)
        return "\(f.name):\(line):\(column)"
    }
}
