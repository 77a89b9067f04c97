import Foundation

/// Writes a notebook as Jupyter nbformat 4.5 JSON (.ipynb): cells with `source` as lists of
/// lines and deterministic ids, code cells with `execution_count` and outputs (`stream`,
/// `display_data` with `image/png` base64 plus `text/plain`, tables as `text/markdown` plus
/// `text/plain`, `error` with ename / evalue / traceback), and the notebook metadata naming the
/// `r3` kernel and language. Cell timing goes where JupyterLab records it
/// (`metadata.execution`) when the start time is known, and under `metadata.r3.seconds`.
public struct IpynbWriter: Sendable {
    public init() {}

    /// The notebook as JSON text (sorted keys, one-space indent, like nbformat's own writer).
    public func json(_ document: NotebookDocument) -> String {
        var cells: [JSON] = []
        for (index, cell) in document.cells.enumerated() {
            var metadata: [(String, JSON)] = []
            if let title = cell.title { metadata.append(("title", .string(title))) }
            let id = JSON.string("cell-\(index + 1)")
            switch cell.kind {
            case .markdown:
                cells.append(.object([("cell_type", .string("markdown")), ("id", id), ("metadata", .object(metadata)),
                                      ("source", lines(cell.source))]))
            case .code:
                if let timing = cell.timing {
                    if let start = timing.start {
                        let end = start.addingTimeInterval(timing.seconds)
                        metadata.append(("execution", .object([("iopub.execute_input", .string(isoDate(start))),
                                                                ("shell.execute_reply", .string(isoDate(end)))])))
                    }
                    metadata.append(("r3", .object([("seconds", .number(timing.seconds))])))
                }
                cells.append(.object([("cell_type", .string("code")),
                                      ("execution_count", cell.executionCount.map { .integer($0) } ?? .null),
                                      ("id", id), ("metadata", .object(metadata)),
                                      ("outputs", .array(outputs(cell.outputs, executionCount: cell.executionCount))), ("source", lines(cell.source))]))
            }
        }
        let notebook = JSON.object([
            ("cells", .array(cells)),
            ("metadata", .object([
                ("kernelspec", .object([("display_name", .string("R3")), ("language", .string("r3")), ("name", .string("r3"))])),
                ("language_info", .object([("file_extension", .string(".r3")), ("mimetype", .string("text/x-r3")),
                                           ("name", .string("r3"))])),
            ])),
            ("nbformat", .integer(4)),
            ("nbformat_minor", .integer(5)),
        ])
        return notebook.serialized(indent: 0) + "\n"
    }

    /// Writes the notebook to `path` atomically.
    /// - Throws: `NotebookError.io` naming the path.
    public func write(_ document: NotebookDocument, to path: String) throws {
        try atomically(Data(json(document).utf8), path)
    }

    private func outputs(_ outputs: [CellOutput], executionCount: Int?) -> [JSON] {
        var result: [JSON] = []
        for output in outputs {
            switch output {
            case .result(let text):
                result.append(.object([("output_type", .string("execute_result")),
                                       ("execution_count", executionCount.map { .integer($0) } ?? .null),
                                       ("data", .object([("text/plain", lines(text))])),
                                       ("metadata", .object([]))]))
            case .stream(let text):
                // Consecutive prints form one stream output, as Jupyter shows them.
                if case .object(let fields)? = result.last, fields.first?.1 == .string("stream"),
                   case .array(let previous)? = fields.first(where: { $0.0 == "text" })?.1,
                   case .string(let tail)? = previous.last {
                    let merged = lines(tail + text)
                    if case .array(let more) = merged {
                        result[result.count - 1] = stream(.array(previous.dropLast() + more))
                    }
                } else {
                    result.append(stream(lines(text)))
                }
            case .image(let path, let png, let text):
                let plain = text ?? path.map { "<figure \($0)>" } ?? "<figure>"
                result.append(.object([("output_type", .string("display_data")),
                                       ("data", .object([("image/png", .string(png.base64EncodedString() + "\n")),
                                                         ("text/plain", lines(plain))])),
                                       ("metadata", .object([]))]))
            case .table(let markdown, let text):
                result.append(.object([("output_type", .string("display_data")),
                                       ("data", .object([("text/markdown", lines(markdown)), ("text/plain", lines(text))])),
                                       ("metadata", .object([]))]))
            case .error(let message):
                let first = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
                result.append(.object([("output_type", .string("error")), ("ename", .string("R3Error")),
                                       ("evalue", .string(first)),
                                       ("traceback", .array(message.split(separator: "\n", omittingEmptySubsequences: false)
                                           .map { .string(String($0)) }))]))
            }
        }
        return result
    }

    private func stream(_ text: JSON) -> JSON {
        .object([("output_type", .string("stream")), ("name", .string("stdout")), ("text", text)])
    }
}

/// nbformat's multiline string: lines keeping their "\n", the last without one unless the text
/// ends with a newline; empty text is an empty list.
func lines(_ text: String) -> JSON {
    var result: [JSON] = []
    var current = ""
    for c in text {
        current.append(c)
        if c == "\n" {
            result.append(.string(current))
            current = ""
        }
    }
    if !current.isEmpty { result.append(.string(current)) }
    return .array(result)
}

private func isoDate(_ date: Date) -> String {
    isoFormatter.lock.withLock { isoFormatter.formatter.string(from: date) }
}

/// One formatter for every timestamp (making one costs more than a whole small notebook).
private let isoFormatter: (formatter: ISO8601DateFormatter, lock: NSLock) = {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return (formatter, NSLock())
}()

/// A JSON value with ordered objects, serialized deterministically.
indirect enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Keys sorted, one space of indent per level (nbformat's `json.dumps(indent=1, sort_keys=True)`).
    func serialized(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent + 1), closePad = String(repeating: " ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return d.isFinite ? "\(d)" : "null"
        case .string(let s): return quoted(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n" + closePad + "]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.sorted { $0.0 < $1.0 }.map { pad + quoted($0.0) + ": " + $0.1.serialized(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + closePad + "}"
        }
    }

    private func quoted(_ s: String) -> String {
        // Most text (and all base64 images) needs no escape: copy it whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
