import Foundation

/// Where live plots and progress bars write, and whether it is a terminal. Tests pass their own
/// writer and force `isTTY`.
public struct TerminalOutput: Sendable {
    /// Whether the output is a terminal: live redraws and progress bars appear only then.
    public let isTTY: Bool
    /// The terminal's size when known (used to fit bars and plots).
    public let size: TerminalSize?
    private let writer: @Sendable (String) -> Void

    public init(isTTY: Bool, size: TerminalSize? = nil, write: @escaping @Sendable (String) -> Void) {
        self.isTTY = isTTY
        self.size = size
        self.writer = write
    }

    /// Writes to a file handle; `isTTY` and `size` default to what the descriptor says.
    public init(handle: FileHandle, isTTY: Bool? = nil, size: TerminalSize? = nil) {
        let fd = handle.fileDescriptor
        self.isTTY = isTTY ?? (isatty(fd) == 1)
        self.size = size ?? TerminalSize.of(fileDescriptor: fd)
        // A closed pipe (`r3 ... | head`) must not stop the program: write errors are dropped.
        self.writer = { text in try? handle.write(contentsOf: Data(text.utf8)) }
    }

    /// The process's standard error (where progress goes, as tqdm does).
    public static var standardError: TerminalOutput { TerminalOutput(handle: FileHandle.standardError) }
    /// The process's standard output.
    public static var standardOutput: TerminalOutput { TerminalOutput(handle: FileHandle.standardOutput) }

    public func write(_ text: String) { writer(text) }
}

/// ANSI control sequences used for in-place redraws.
enum ANSI {
    static func cursorUp(_ lines: Int) -> String { lines > 0 ? "\u{1B}[\(lines)A" : "" }
    static let clearToEndOfScreen = "\u{1B}[J"
    static let clearToEndOfLine = "\u{1B}[K"
    static let green = "\u{1B}[32m"
    static let reset = "\u{1B}[0m"
}
