import Foundation

/// The Jupytext "percent" format with the language's `#` comments:
///
///     # %%                    a code cell
///     # %% Load the data      a code cell titled "Load the data"
///     # %% [markdown]         a Markdown cell; its `# text` lines are the Markdown
///     # %% Intro [markdown]   a titled Markdown cell
///
/// Headers start at column 0 (`#%%` is accepted too). Code before the first header is a code
/// cell. After the cell type, Jupytext's `key=value` metadata is allowed and ignored. Anything
/// else in brackets, an unclosed bracket, or text glued to `%%` is an error naming the line.
extension NotebookDocument {
    /// Splits a percent-format script into cells.
    /// - Parameter file: names the script in errors.
    /// - Throws: `NotebookError.malformedHeader` naming the file and line.
    public init(percentFormat text: String, file: String = "<notebook>") throws {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var cells: [NotebookCell] = []
        var current: (kind: CellKind, title: String?, header: Int?, body: [(line: Int, text: String)]) = (.code, nil, nil, [])
        func close() {
            var body = current.body
            while let first = body.first, first.text.allSatisfy(\.isWhitespace) { body.removeFirst() }
            while let last = body.last, last.text.allSatisfy(\.isWhitespace) { body.removeLast() }
            if current.header == nil && body.isEmpty { return }  // nothing before the first header
            let source = body.map { current.kind == .markdown ? markdownLine($0.text) : $0.text }.joined(separator: "\n")
            cells.append(NotebookCell(kind: current.kind, source: source, title: current.title, headerLine: current.header,
                                      sourceLine: body.first?.line ?? (current.header.map { $0 + 1 } ?? 1)))
        }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if let header = try parseHeader(line, file: file, line: number) {
                close()
                current = (header.kind, header.title, number, [])
            } else {
                current.body.append((number, line))
            }
        }
        close()
        self.init(cells: cells, file: file)
    }

    /// Reads and splits a percent-format script file.
    /// - Throws: `NotebookError.io` when the file cannot be read, `.malformedHeader` as above.
    public init(contentsOfFile path: String) throws {
        let data: Data
        let full = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
            throw NotebookError.io(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw NotebookError.io(path: path, reason: "is a folder, not a notebook file") }
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: full))
        } catch {
            throw NotebookError.io(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw NotebookError.io(path: path, reason: "not UTF-8 text") }
        try self.init(percentFormat: text, file: path)
    }
}

/// A Markdown cell line without its comment mark: `# text` -> `text`, `#` -> ``.
private func markdownLine(_ line: String) -> String {
    if line.hasPrefix("# ") { return String(line.dropFirst(2)) }
    if line.hasPrefix("#") { return String(line.dropFirst()) }
    return line
}

/// The cell kind and title of a header line, nil for an ordinary line.
private func parseHeader(_ raw: String, file: String, line: Int) throws -> (kind: CellKind, title: String?)? {
    let text = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
    let rest: Substring
    if text.hasPrefix("# %%") { rest = text.dropFirst(4) } else if text.hasPrefix("#%%") { rest = text.dropFirst(3) } else { return nil }
    let header = text.trimmingCharacters(in: .whitespaces)
    func malformed(_ reason: String) -> NotebookError {
        .malformedHeader(file: file, line: line, header: header, reason: reason)
    }
    if let first = rest.first, !first.isWhitespace {
        throw malformed("expected a space after '# %%' (write '# %% \(rest)' for a titled cell)")
    }
    let body = rest.trimmingCharacters(in: .whitespaces)
    guard let open = body.firstIndex(of: "[") else {
        return (.code, body.isEmpty ? nil : body)
    }
    guard let close = body[open...].firstIndex(of: "]") else {
        throw malformed("the '[' is never closed (expected '# %% [markdown]')")
    }
    let tag = body[body.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
    let kind: CellKind
    switch tag.lowercased() {
    case "markdown", "md": kind = .markdown
    default: throw malformed("unknown cell type '[\(tag)]' (expected '# %% [markdown]', or '# %%' for code)")
    }
    let after = body[body.index(after: close)...].trimmingCharacters(in: .whitespaces)
    if !after.isEmpty && !after.contains("=") {
        throw malformed("unexpected '\(after)' after '[\(tag)]' (a title goes before the cell type)")
    }
    let title = body[..<open].trimmingCharacters(in: .whitespaces)
    return (kind, title.isEmpty ? nil : title)
}
