/// The one place where errors are turned into text: the first line in the compiler style
/// `file:line:col: error: message`, then the source line with a caret, then the call stack.
public enum Diagnostics {
    /// Long lines (a 100 MB single-line file) are shown as a window around the column.
    static let maxLineWidth = 120

    public static func render(_ error: ScriptError, color: Bool) -> String {
        error.all.map { renderOne($0, color: color) }.joined(separator: "\n")
    }

    static func renderOne(_ error: ScriptError, color: Bool) -> String {
        if error.kind == .interrupt {
            // Ctrl-C is not a mistake in the code: say where it stopped, without an excerpt.
            return "interrupted" + (error.location.map { " at \($0)" } ?? "")
        }
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

    /// The source line and a caret under the column. Only a window of a very long line is decoded
    /// (a 100 MB single-line file stays cheap to report).
    static func excerpt(_ loc: SourceLocation) -> String {
        let file = loc.file
        let (line, _) = file.lineAndColumn(of: loc.offset)
        let range = file.lineRange(line)
        let bytes = file.bytes
        let offset = min(max(loc.offset, range.lowerBound), range.upperBound)
        var start = range.lowerBound, end = range.upperBound
        var prefix = "", suffix = ""
        if end - start > maxLineWidth * 4 {
            start = max(range.lowerBound, offset - maxLineWidth * 2)
            end = min(range.upperBound, offset + maxLineWidth * 2)
            while start > range.lowerBound, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            while end < range.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        var text = Array(String(decoding: bytes[start..<end], as: UTF8.self))
        var caret = String(decoding: bytes[start..<offset], as: UTF8.self).count
        if start > range.lowerBound { prefix = "..." }
        if end < range.upperBound { suffix = "..." }
        if text.count > maxLineWidth {
            let from = max(0, min(caret - maxLineWidth / 2, text.count - maxLineWidth))
            let to = min(text.count, from + maxLineWidth)
            if from > 0 { prefix = "..." }
            if to < text.count { suffix = "..." }
            text = Array(text[from..<to])
            caret -= from
        }
        caret += prefix.count
        let shown = prefix + String(text) + suffix
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        let caretPad = String(shown.prefix(max(0, caret)).map { $0 == "\t" ? "\t" : " " })
        return " \(gutter) | \(shown)\n \(pad) | \(caretPad)^"
    }
}
