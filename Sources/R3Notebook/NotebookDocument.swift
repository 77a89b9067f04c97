import Foundation

/// A notebook: the cells of a percent-format script, and after a run, their outputs.
public struct NotebookDocument: Equatable, Sendable {
    public var cells: [NotebookCell]
    /// The script the cells came from (for messages), if any.
    public var file: String?

    public init(cells: [NotebookCell], file: String? = nil) {
        self.cells = cells
        self.file = file
    }
}

/// Code or Markdown.
public enum CellKind: String, Equatable, Sendable {
    case code
    case markdown
}

/// One cell: its source, where it came from, and (code cells, after a run) outputs and timing.
public struct NotebookCell: Equatable, Sendable {
    public var kind: CellKind
    /// The title after `# %%` (`# %% Load the data`), if any.
    public var title: String?
    /// Code as written, or Markdown with the comment marks removed; no leading/trailing blank lines.
    public var source: String
    /// 1-based line of the `# %%` header in the script; nil for code before the first header.
    public var headerLine: Int?
    /// 1-based line in the script where `source` starts (to map error positions back).
    public var sourceLine: Int
    public var outputs: [CellOutput]
    /// Jupyter's `In [n]`: the run order of code cells; nil until run.
    public var executionCount: Int?
    public var timing: CellTiming?

    public init(kind: CellKind, source: String, title: String? = nil, headerLine: Int? = nil, sourceLine: Int = 1,
                outputs: [CellOutput] = [], executionCount: Int? = nil, timing: CellTiming? = nil) {
        self.kind = kind
        self.title = title
        self.source = source
        self.headerLine = headerLine
        self.sourceLine = sourceLine
        self.outputs = outputs
        self.executionCount = executionCount
        self.timing = timing
    }

    /// Whether the cell holds nothing but whitespace.
    public var isEmpty: Bool { source.allSatisfy(\.isWhitespace) }
}

/// How long a cell ran, and when it started (if known).
public struct CellTiming: Equatable, Sendable {
    public var start: Date?
    public var seconds: Double

    public init(start: Date? = nil, seconds: Double) {
        self.start = start
        self.seconds = seconds
    }
}

/// What running a code cell produced, in order.
public enum CellOutput: Equatable, Sendable {
    /// Printed text.
    case stream(String)
    /// The value the cell ended with, as text (Jupyter's `Out[n]`, an `execute_result`).
    case result(String)
    /// A figure: PNG bytes; `path` is where the script saved it (if it did), `text` a plain-text
    /// rendering for viewers without images.
    case image(path: String?, png: Data, text: String? = nil)
    /// A table as Markdown and as aligned text.
    case table(markdown: String, text: String)
    /// An error message (file, line and column, the source line and caret, the call stack).
    case error(String)
}

/// Errors reading notebooks and writing their renderings.
public enum NotebookError: Error, Equatable, CustomStringConvertible {
    /// A `# %%` line that is not a valid cell header: file and 1-based line.
    case malformedHeader(file: String, line: Int, header: String, reason: String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .malformedHeader(let file, let line, let header, let reason):
            return "\(file):\(line): malformed cell header '\(header)': \(reason)"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
