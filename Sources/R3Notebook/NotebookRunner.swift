import Foundation
import R3Plot
import R3Script

/// Runs a notebook's code cells in order in one interpreter session and records, per cell, what
/// it printed, the figures and tables it showed, the value it ended with (as Jupyter's `Out`),
/// an error if it failed, and its run time.
///
/// The interpreter comes from the caller (the CLI makes it with `Runtime.makeInterpreter()`,
/// which this module cannot import). During the run the interpreter's `output` goes into the
/// current cell and `Display.current` is the cell's display: figures become PNG images (with a
/// text drawing as fallback) and tables Markdown tables. Both are restored afterwards.
///
/// Errors are rendered with their file, line and column in the notebook file: each cell is run
/// as a `SourceFile` whose `firstLine` is the cell's line in the script.
public final class NotebookRunner {
    /// A code cell that failed.
    public struct Failure: Equatable, Sendable {
        /// Index in `NotebookDocument.cells`.
        public var cell: Int
        /// The rendered error (file:line:col, source line and caret, call stack).
        public var message: String
    }

    /// The document with outputs, the failures, and whether Ctrl-C stopped the run.
    public struct Run: Sendable {
        public var document: NotebookDocument
        public var failures: [Failure]
        public var interrupted: Bool
        /// Code cells that ran.
        public var executed: Int
        public var seconds: Double
    }

    public let interpreter: Interpreter
    /// Run the cells after a failing one too (an interrupt still stops the run).
    public var keepGoing: Bool
    /// Size of the PNG images in pixels.
    public var imageSize = RenderTarget.defaultImageSize
    /// Size of the text drawing stored with each image (the `text/plain` fallback).
    public var textSize = (width: 80, height: 25)

    public init(interpreter: Interpreter, keepGoing: Bool = false) {
        self.interpreter = interpreter
        self.keepGoing = keepGoing
    }

    /// Reads a percent-format notebook and runs it.
    /// - Throws: `NotebookError` when the file cannot be read or a cell header is malformed
    ///   (nothing runs then).
    public func run(file path: String) throws -> Run {
        run(try NotebookDocument(contentsOfFile: path), path: path)
    }

    /// Runs the code cells of `document`; `path` is the notebook file (imports resolve next to it).
    public func run(_ document: NotebookDocument, path: String? = nil) -> Run {
        var document = document
        let name = document.file ?? path ?? "<notebook>"
        let fullPath = (path ?? document.file).map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath).standardizedFileURL.path }
        Display.flush()  // tables pending from before the run belong to the caller's output
        let cell = CellRecorder()
        let display = NotebookDisplay(cell, runner: self)
        let savedOutput = interpreter.output
        let savedDisplay = Display.current
        interpreter.output = { text in cell.write(text) }
        Display.current = display
        defer {
            Display.flush()
            interpreter.output = savedOutput
            Display.current = savedDisplay
        }
        var failures: [Failure] = []
        var interrupted = false
        var executed = 0
        let runStart = monotonicSeconds()
        for index in document.cells.indices where document.cells[index].kind == .code {
            if interrupted || (!failures.isEmpty && !keepGoing) { break }
            let source = document.cells[index]
            if source.isEmpty { continue }
            executed += 1
            cell.begin()
            display.beginCell()
            let started = Date()
            let start = monotonicSeconds()
            do {
                let file = SourceFile(name: name, text: source.source, path: fullPath, firstLine: source.sourceLine)
                let value = try interpreter.run(file)
                try show(value, on: display, recorder: cell)
            } catch let error as ScriptError {
                Display.flush()
                let message = Diagnostics.render(error, color: false)
                cell.append(.error(message))
                failures.append(Failure(cell: index, message: message))
                if error.kind == .interrupt { interrupted = true }
            } catch {
                Display.flush()
                let message = "error: \(error)"
                cell.append(.error(message))
                failures.append(Failure(cell: index, message: message))
            }
            Display.flush()
            document.cells[index].outputs = cell.outputs
            document.cells[index].executionCount = executed
            document.cells[index].timing = CellTiming(start: started, seconds: monotonicSeconds() - start)
        }
        return Run(document: document, failures: failures, interrupted: interrupted, executed: executed,
                   seconds: monotonicSeconds() - runStart)
    }

    /// The value a cell ends with: figures and tables are shown, other values echoed as text.
    private func show(_ value: Value?, on display: NotebookDisplay, recorder: CellRecorder) throws {
        guard let value, !value.isNil else { return }
        if case .native(let object as DisplayableValue) = value {
            object.cancelDeferredShow()
            Display.flush()
            if let text = try object.display(on: display), !text.isEmpty { interpreter.output(text) }
        } else {
            Display.flush()
            recorder.append(.result(Formatter.repr(value)))
        }
    }
}

/// The outputs of the cell being run, in order; consecutive prints form one stream.
final class CellRecorder {
    private(set) var outputs: [CellOutput] = []

    func begin() { outputs = [] }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        if case .stream(let previous)? = outputs.last {
            outputs[outputs.count - 1] = .stream(previous + text)
        } else {
            outputs.append(.stream(text))
        }
    }

    func append(_ output: CellOutput) { outputs.append(output) }

    /// Names the file a figure was saved to, on the image output at `index`.
    func setPath(_ path: String, at index: Int) {
        guard index < outputs.count, case .image(_, let png, let text) = outputs[index] else { return }
        outputs[index] = .image(path: path, png: png, text: text)
    }
}

/// The display of a notebook cell: figures as PNG images (with a text drawing for viewers
/// without images), tables as Markdown tables.
final class NotebookDisplay: DisplaySink {
    private let cell: CellRecorder
    private unowned let runner: NotebookRunner
    /// Images shown in this cell: the figure, its output index and PNG bytes.
    private var shown: [(plotter: ObjectIdentifier, index: Int, png: Data)] = []

    init(_ cell: CellRecorder, runner: NotebookRunner) {
        self.cell = cell
        self.runner = runner
    }

    func beginCell() { shown = [] }

    func show(_ plotter: Plotter) throws -> String? {
        let (png, warnings) = try image(of: plotter)
        shown.append((ObjectIdentifier(plotter), cell.outputs.count, png))
        cell.append(.image(path: nil, png: png, text: textDrawing(of: plotter)))
        return warningLines(warnings)
    }

    func show(_ table: Table) -> String? {
        cell.append(.table(markdown: table.markdown, text: table.text))
        return nil
    }

    /// A figure saved with savefig: when this cell already shows the same picture of it, the
    /// image is labelled with the file; otherwise the saved figure is shown too.
    func saved(_ plotter: Plotter, to path: String) throws -> String? {
        let last = shown.last(where: { $0.plotter == ObjectIdentifier(plotter) })
        // A PNG saved at the shown size has the shown bytes: no second rendering needed.
        if let last, (path as NSString).pathExtension.lowercased() == "png",
           FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath) == last.png {
            cell.setPath(path, at: last.index)
            return nil
        }
        let (png, _) = try image(of: plotter)
        if let last, last.png == png {
            cell.setPath(path, at: last.index)
            return nil
        }
        shown.append((ObjectIdentifier(plotter), cell.outputs.count, png))
        cell.append(.image(path: path, png: png, text: textDrawing(of: plotter)))
        return nil
    }

    /// The figure drawn as text, kept as the image's plain-text fallback (nil if that fails).
    private func textDrawing(of plotter: Plotter) -> String? {
        let size = runner.textSize
        return try? plotter.gnuplot.render(plotter.figure, to: .text(width: size.width, height: size.height, color: false)).text
    }

    private func image(of plotter: Plotter) throws -> (Data, [String]) {
        let rendering = try plotter.png(width: runner.imageSize.width, height: runner.imageSize.height)
        guard let data = rendering.data else { throw PlotError.io(path: "<png>", reason: "gnuplot returned no image") }
        return (data, rendering.warnings)
    }
}
