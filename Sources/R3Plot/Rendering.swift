import Foundation

/// Image file formats, each drawn by its gnuplot terminal.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png  // pngcairo
    case svg  // svg
    case pdf  // pdfcairo

    /// The format named by a path's extension (case-insensitive).
    /// - Throws: `PlotError.unsupportedFormat` naming the path.
    public init(path: String) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let format = ImageFormat(rawValue: ext) else { throw PlotError.unsupportedFormat(path: path) }
        self = format
    }

    /// The `set terminal` command for a `width` x `height` pixel image (PDF: 100 px per inch).
    func terminal(width: Int, height: Int) -> String {
        switch self {
        case .png: return "set terminal pngcairo size \(width),\(height) noenhanced font 'sans,10'"
        case .svg: return "set terminal svg size \(width),\(height) fixed noenhanced font 'sans,10' background rgb 'white'"
        case .pdf:
            let w = String(format: "%.2f", Double(width) / 100), h = String(format: "%.2f", Double(height) / 100)
            return "set terminal pdfcairo size \(w)in,\(h)in noenhanced font 'sans,10'"
        }
    }
}

/// Where a figure is drawn.
public enum RenderTarget: Sendable {
    /// gnuplot's `dumb` terminal: `width` x `height` characters, returned as `Rendering.text`.
    /// `color` adds ANSI colour codes.
    case text(width: Int, height: Int, color: Bool)
    /// gnuplot's `sixelgd` terminal: a `width` x `height` pixel image as a sixel escape sequence
    /// in `Rendering.data`, to write to a terminal that understands sixel.
    case sixel(width: Int, height: Int)
    /// An image in memory (`Rendering.data`), e.g. PNG bytes for a notebook.
    case image(ImageFormat, width: Int, height: Int)
    /// An image file, its format from the path's extension (.png, .svg, .pdf), written
    /// atomically (a temporary file in the same directory, then a rename).
    case file(path: String, width: Int, height: Int)

    /// The drawing's width in pixels (characters for text).
    var columns: Int {
        switch self {
        case .text(let width, _, _), .sixel(let width, _), .image(_, let width, _), .file(_, let width, _): return width
        }
    }

    /// The default pixel size of images and files.
    public static let defaultImageSize = (width: 800, height: 500)
}

/// The result of drawing a figure.
public struct Rendering: Sendable {
    /// The text drawing, for `.text` targets (form feed removed, trailing spaces trimmed).
    public var text: String?
    /// The bytes, for `.sixel` and `.image` targets.
    public var data: Data?
    /// The absolute path written, for `.file` targets.
    public var path: String?
    /// Values left out (NaN/inf, non-positive on log axes), one line per series, then gnuplot's
    /// own warnings (e.g. an empty axis range it had to widen).
    public var warnings: [String]
}

extension Gnuplot {
    /// Draws `figure` on `target`. Line series much longer than the drawing is wide are thinned
    /// with M4 decimation (first, last, min and max per quarter pixel column), which draws the
    /// same picture up to a few edge pixels; points, linespoints and histograms are sent whole.
    /// - Throws: `PlotError` for bad figures (see `FigureScript`), an unwritable or unsupported
    ///   output path, gnuplot errors, a missing or dying gnuplot.
    public func render(_ figure: Figure, to target: RenderTarget) throws -> Rendering {
        try render(figure, to: target, decimation: true)
    }

    /// `decimation: false` sends every point (tests compare the two).
    func render(_ figure: Figure, to target: RenderTarget, decimation: Bool) throws -> Rendering {
        let (terminal, graphic) = try terminalCommand(for: target)
        let script = try FigureScript(figure, graphic: graphic, columns: decimation ? target.columns : nil)
        let output: URL
        var finalPath: URL?
        var scratch: URL?
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        switch target {
        case .file(let path, _, _):
            let destination = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
            output = try temporaryOutput(beside: destination, shownAs: path)
            finalPath = destination
        case .text, .sixel, .image:
            let directory = try makeScratchDirectory()
            scratch = directory
            output = directory.appendingPathComponent("render")
        }
        let prologue = (["reset", terminal, "set output \(gnuplotQuoted(output.path))"] + script.settings)
            .joined(separator: "\n")
        let printed: String
        do {
            printed = try plot(prologue: prologue, blocks: script.blocks, epilogue: "set output\n")
        } catch {
            try? FileManager.default.removeItem(at: output)
            throw error
        }
        let gnuplotWarnings = printed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.lowercased().contains("warning:") }.map { "gnuplot: " + $0.replacingOccurrences(of: "line 0: ", with: "") }
        var rendering = Rendering(text: nil, data: nil, path: nil, warnings: script.warnings + gnuplotWarnings)
        switch target {
        case .file(let path, _, _):
            guard let finalPath else { break }
            if rename(output.path, finalPath.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: output)
                throw PlotError.unwritableOutput(path: path, reason: reason)
            }
            rendering.path = finalPath.path
        case .text(_, _, let color):
            let data = try readBack(output)
            rendering.text = cleanedText(String(decoding: data, as: UTF8.self), trimSpaces: !color)
        case .sixel, .image:
            rendering.data = try readBack(output)
        }
        return rendering
    }

    /// Validates raw gnuplot commands and runs them once (so errors show at once); returns what
    /// gnuplot printed. Commands that would break rendering are refused: changing the terminal or
    /// output (use savefig), exit/quit, shell, pause, and line continuations or open blocks.
    @discardableResult
    public func runRaw(_ command: String) throws -> String {
        try validateRaw(command)
        return try run(command)
    }

    private func terminalCommand(for target: RenderTarget) throws -> (String, Bool) {
        switch target {
        case .text(let width, let height, let color):
            try checkSize(width, height, minimum: (20, 8), maximum: (1000, 500), unit: "characters")
            return ("set terminal dumb size \(width),\(height) nofeed noenhanced \(color ? "ansi" : "mono")", false)
        case .sixel(let width, let height):
            try checkSize(width, height, minimum: (100, 80), maximum: (8000, 8000), unit: "pixels")
            return ("set terminal sixelgd size \(width),\(height) truecolor noenhanced", true)
        case .image(let format, let width, let height):
            try checkSize(width, height, minimum: (100, 80), maximum: (8000, 8000), unit: "pixels")
            return (format.terminal(width: width, height: height), true)
        case .file(let path, let width, let height):
            let format = try ImageFormat(path: path)
            try checkSize(width, height, minimum: (100, 80), maximum: (8000, 8000), unit: "pixels")
            return (format.terminal(width: width, height: height), true)
        }
    }

    private func checkSize(_ width: Int, _ height: Int, minimum: (Int, Int), maximum: (Int, Int), unit: String) throws {
        guard (minimum.0...maximum.0).contains(width), (minimum.1...maximum.1).contains(height) else {
            throw PlotError.invalidArgument("plot size \(width)x\(height) \(unit) is out of range "
                + "(\(minimum.0)x\(minimum.1) to \(maximum.0)x\(maximum.1))")
        }
    }

    /// Creates (exclusively) the temporary file gnuplot writes before the rename, proving the
    /// directory is writable; the error names the path the user gave.
    private func temporaryOutput(beside destination: URL, shownAs path: String) throws -> URL {
        let directory = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PlotError.unwritableOutput(path: path, reason: "it is a directory")
        }
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw PlotError.unwritableOutput(path: path, reason: "directory '\(directory.path)' does not exist")
        }
        guard isDirectory.boolValue else {
            throw PlotError.unwritableOutput(path: path, reason: "'\(directory.path)' is not a directory")
        }
        let name = ".\(destination.lastPathComponent).r3tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = directory.appendingPathComponent(name)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PlotError.unwritableOutput(path: path, reason: String(cString: strerror(errno))) }
        Foundation.close(fd)
        return temporary
    }

    private func readBack(_ url: URL) throws -> Data {
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw PlotError.io(path: url.path, reason: "gnuplot wrote no output: \(error.localizedDescription)")
        }
    }

    private func cleanedText(_ raw: String, trimSpaces: Bool) -> String {
        var text = raw
        while text.first == "\u{0C}" { text.removeFirst() }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard trimSpaces else { return String(line) }
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            return String(line[..<end])
        }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        return lines.joined(separator: "\n") + "\n"
    }

    private func validateRaw(_ command: String) throws {
        let lines = command.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        for line in lines {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("\\") {
                throw PlotError.invalidArgument("a line continuation ('\\' at the end) is not allowed: \(text)")
            }
            for statement in text.split(separator: ";") {
                let words = statement.split(separator: " ").map { $0.lowercased() }
                guard let first = words.first else { continue }
                let second = words.count > 1 ? words[1] : ""
                func abbreviates(_ word: String, _ full: String, minimum: Int) -> Bool {
                    word.count >= minimum && full.hasPrefix(word)
                }
                if abbreviates(first, "set", minimum: 2), abbreviates(second, "terminal", minimum: 1) || abbreviates(second, "output", minimum: 1) {
                    throw PlotError.invalidArgument("the gnuplot command '\(statement)' is not allowed: the terminal and output are chosen by plot and savefig")
                }
                if ["exit", "quit", "q", "shell", "pause", "reread"].contains(where: { first == $0 || (first.count >= 2 && $0.hasPrefix(first)) }) {
                    throw PlotError.invalidArgument("the gnuplot command '\(first)' is not allowed: it would stop or block the figure's gnuplot")
                }
            }
        }
        let opened = command.filter { $0 == "{" }.count, closed = command.filter { $0 == "}" }.count
        if opened != closed {
            throw PlotError.invalidArgument("unbalanced braces ({ x\(opened), } x\(closed)): a block must open and close in one call")
        }
    }
}
