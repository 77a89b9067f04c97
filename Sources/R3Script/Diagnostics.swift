/// The one place where errors are turned into text: the first line in the compiler style
/// `file:line:col: error: message`, then the source line with a caret, then the call stack.
public enum Diagnostics {
    /// Long lines (a 100 MB single-line file) are shown as a window around the column.
    static let maxLineWidth = 120

    public static func render(_ error: ScriptError, color: Bool) -> String {
        error.all.map { renderOne($0, color: color) }.joined(separator: "\n")
    }

    static func renderOne(_ error: ScriptError, color: Bool) -> String {
        let red = color ? "\u{1B}[1;31m" : "", bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        let label: String
        switch error.kind {
        case .syntax: label = "syntax error"
        case .runtime: label = "error"
        case .interrupt: label = "interrupted"
        }
        var out = ""
        if let loc = error.location {
            out += "\(bold)\(loc):\(reset) \(red)\(label):\(reset) \(error.message)"
            out += "\n" + excerpt(loc)
        } else {
            out += "\(red)\(label):\(reset) \(error.message)"
        }
        if !error.stack.isEmpty {
            out += "\ncall stack (innermost first):"
            for entry in error.stack.prefix(20) {
                out += "\n  in \(entry.function)" + (entry.location.map { ", called from \($0)" } ?? "")
                if entry.repeats > 1 { out += " (\(entry.repeats) times)" }
            }
            if error.stack.count > 20 { out += "\n  ... \(error.stack.count - 20) more" }
        }
        return out
    }

    /// The source line and a caret under the column, trimmed to a window for very long lines.
    static func excerpt(_ loc: SourceLocation) -> String {
        let file = loc.file
        let (line, column) = file.lineAndColumn(of: loc.offset)
        var text = Array(file.lineText(line))
        var caret = column - 1
        if text.count > maxLineWidth {
            let start = max(0, min(caret - maxLineWidth / 2, text.count - maxLineWidth))
            let end = min(text.count, start + maxLineWidth)
            let prefix = start > 0 ? "..." : "", suffix = end < text.count ? "..." : ""
            text = Array(prefix) + Array(text[start..<end]) + Array(suffix)
            caret = caret - start + prefix.count
        }
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        let caretPad = String(text.prefix(max(0, caret)).map { $0 == "\t" ? "\t" : " " })
        return " \(gutter) | \(String(text))\n \(pad) | \(caretPad)^"
    }
}
