import Foundation

/// One table cell.
public enum TableCell: Equatable, Sendable {
    case text(String)
    case number(Double)
    /// A number printed with a fixed count of decimals (percentages in a results table: 26.0, not 26).
    case decimal(Double, places: Int)
    case bool(Bool)
    case empty

    /// How the cell prints: numbers with up to 6 significant digits (integers plainly).
    public var rendered: String {
        switch self {
        case .text(let s): return s
        case .number(let v):
            if v.isNaN { return "nan" }
            if v.isInfinite { return v > 0 ? "inf" : "-inf" }
            if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
            return String(format: "%.6g", v)
        case .decimal(let v, let places):
            return v.isFinite ? String(format: "%.\(max(0, places))f", v) : TableCell.number(v).rendered
        case .bool(let b): return b ? "true" : "false"
        case .empty: return ""
        }
    }

    var isNumeric: Bool {
        switch self {
        case .number, .decimal: return true
        default: return false
        }
    }
}

/// A table from rows of ordered records or from lists with a header, printed as aligned text
/// (REPL) or as a GitHub Markdown table (notebooks). Numeric columns align right.
public struct Table: Equatable, Sendable {
    public var header: [String]
    /// [rows][header.count]
    public var rows: [[TableCell]]

    /// Rows given as lists under a header.
    /// - Throws: `PlotError.invalidArgument` naming the first row whose length differs from the
    ///   header's (rows counted from 1).
    public init(header: [String], rows: [[TableCell]]) throws {
        for (index, row) in rows.enumerated() where row.count != header.count {
            throw PlotError.invalidArgument("table: row \(index + 1) has \(row.count) values but the header has \(header.count) columns")
        }
        self.header = header
        self.rows = rows
    }

    /// Rows given as records (ordered key/value pairs, like the language's dictionaries): the
    /// columns are the union of keys in order of first appearance; a missing key is an empty cell.
    public init(records: [[(String, TableCell)]]) {
        var header: [String] = []
        var seen = Set<String>()
        for record in records {
            for (key, _) in record where seen.insert(key).inserted { header.append(key) }
        }
        self.header = header
        self.rows = records.map { record in
            header.map { key in record.last(where: { $0.0 == key })?.1 ?? .empty }
        }
    }

    /// Aligned plain text: header, a rule of dashes, rows; two spaces between columns.
    public var text: String {
        guard !header.isEmpty else { return "(empty table)\n" }
        let cells = rows.map { $0.map(\.rendered) }
        let numeric = columnIsNumeric
        let widths = header.indices.map { c in
            max(header[c].count, cells.map { $0[c].count }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            values.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - values[c].count)
                return numeric[c] ? pad + values[c] : values[c] + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += cells.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table (`|` escaped, newlines as `<br>`, numbers right-aligned).
    public var markdown: String {
        guard !header.isEmpty else { return "*(empty table)*\n" }
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
        }
        let numeric = columnIsNumeric
        var out = "| " + header.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows {
            out += "| " + row.map { escape($0.rendered) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// A column is numeric when it has a number and nothing but numbers and empty cells.
    private var columnIsNumeric: [Bool] {
        header.indices.map { c in
            let column = rows.map { $0[c] }
            return column.contains(where: \.isNumeric) && column.allSatisfy { $0.isNumeric || $0 == .empty }
        }
    }
}
