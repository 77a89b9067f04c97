import Foundation
import R3Plot

/// Renders a run notebook as Markdown that GitHub displays: Markdown cells as they are, code in
/// fenced `r3` blocks, printed output in fenced `text` blocks, tables as Markdown tables, figures
/// as PNG files linked from a folder next to the document (`report.md` -> `report_files/`),
/// errors in a fenced block after a bold "Error" line, and each code cell's run time.
/// Empty code cells are left out.
public struct MarkdownWriter: Sendable {
    public init() {}

    /// The Markdown text and the images it links to.
    /// - Parameter imageFolder: the folder name the image links start with (e.g. `report_files`).
    /// - Returns: the text and (relative path, PNG bytes) for each image.
    public func render(_ document: NotebookDocument, imageFolder: String) -> (markdown: String, images: [(path: String, png: Data)]) {
        var blocks: [String] = []
        var images: [(String, Data)] = []
        for (index, cell) in document.cells.enumerated() {
            let number = index + 1
            switch cell.kind {
            case .markdown:
                if let title = cell.title { blocks.append("<!-- \(title) -->") }
                if !cell.isEmpty { blocks.append(cell.source) }
            case .code:
                if cell.isEmpty && cell.outputs.isEmpty { continue }
                if let title = cell.title { blocks.append("**\(title)**") }
                if !cell.isEmpty { blocks.append(fenced(cell.source, info: "r3")) }
                var pendingText = ""
                func flushText() {
                    if !pendingText.isEmpty { blocks.append(fenced(pendingText, info: "text")) }
                    pendingText = ""
                }
                var imageCount = 0
                for output in cell.outputs {
                    switch output {
                    case .stream(let text), .result(let text):
                        pendingText += text
                    case .image(let path, let png, _):
                        flushText()
                        imageCount += 1
                        let file = "\(imageFolder)/cell\(number)_\(imageCount).png"
                        images.append((file, png))
                        let alt = path.map { ($0 as NSString).lastPathComponent } ?? "figure \(imageCount) of cell \(number)"
                        blocks.append("![\(alt.replacingOccurrences(of: "]", with: ""))](\(linkTarget(file)))")
                    case .table(let markdown, _):
                        flushText()
                        blocks.append(markdown.trimmingCharacters(in: .newlines))
                    case .error(let message):
                        flushText()
                        blocks.append("**Error**\n\n" + fenced(message, info: "text"))
                    }
                }
                flushText()
                if let timing = cell.timing {
                    let count = cell.executionCount.map { "[\($0)] " } ?? ""
                    blocks.append("<sub>\(count)\(durationText(timing.seconds))</sub>")
                }
            }
        }
        return (blocks.joined(separator: "\n\n") + "\n", images)
    }

    /// Writes `path` (Markdown) and the images into `<stem>_files/` beside it, each atomically.
    /// Images left there by an earlier run of the same notebook (`cell*_*.png`) are removed.
    /// - Throws: `NotebookError.io` naming the path that failed.
    public func write(_ document: NotebookDocument, to path: String) throws {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let folderName = url.deletingPathExtension().lastPathComponent + "_files"
        let folder = url.deletingLastPathComponent().appendingPathComponent(folderName)
        let (markdown, images) = render(document, imageFolder: folderName)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let parent = url.deletingLastPathComponent().path
        guard manager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NotebookError.io(path: path, reason: "cannot write: directory '\(parent)' does not exist")
        }
        if let stale = try? manager.contentsOfDirectory(atPath: folder.path) {
            for name in stale where name.hasPrefix("cell") && name.hasSuffix(".png") {
                try? manager.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        if !images.isEmpty && !manager.fileExists(atPath: folder.path) {
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: false)
            } catch {
                throw NotebookError.io(path: folder.path, reason: "cannot create the image folder: \(error.localizedDescription)")
            }
        }
        for (relative, png) in images {
            try atomically(png, url.deletingLastPathComponent().appendingPathComponent(relative).path)
        }
        try atomically(Data(markdown.utf8), path)
    }
}

/// A fenced code block whose fence is longer than any backtick run inside.
func fenced(_ text: String, info: String) -> String {
    var longest = 0, run = 0
    for c in text {
        run = c == "`" ? run + 1 : 0
        longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
    return fence + info + "\n" + body + "\n" + fence
}

/// `0.42 s`, `12.3 s`, `2 min 5 s`.
func durationText(_ seconds: Double) -> String {
    if seconds < 0.01 { return "< 0.01 s" }
    if seconds < 10 { return String(format: "%.2f s", seconds) }
    if seconds < 60 { return String(format: "%.1f s", seconds) }
    let whole = Int(seconds.rounded())
    return whole < 3600 ? "\(whole / 60) min \(whole % 60) s" : "\(whole / 3600) h \(whole / 60 % 60) min"
}

/// A link target with spaces and parentheses escaped.
private func linkTarget(_ path: String) -> String {
    path.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
}

/// `writeAtomically` with the error as a `NotebookError`.
func atomically(_ data: Data, _ path: String) throws {
    do {
        try writeAtomically(data, to: path)
    } catch let error as PlotError {
        if case .io(let where_, let reason) = error { throw NotebookError.io(path: where_, reason: reason) }
        throw NotebookError.io(path: path, reason: "\(error)")
    }
}
