import Foundation

/// CSV export and import of a `MetricsLog` (RFC 4180): a header `step,<column>,...`, one row per
/// record, an empty cell where a record has no value, `nan` / `inf` / `-inf` for non-finite
/// values (what Python's float() and pandas read).
extension MetricsLog {
    /// The log as CSV text.
    public var csv: String {
        let columns = self.columns
        var out = ([ "step" ] + columns).map(csvField).joined(separator: ",") + "\n"
        for record in records {
            var row = [String(record.step)]
            for name in columns { row.append(record[name].map(csvNumber) ?? "") }
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }

    /// Writes the log as CSV to `path`, atomically.
    /// - Throws: `PlotError.io` naming the path.
    public func writeCSV(to path: String) throws {
        try writeAtomically(Data(csv.utf8), to: path)
    }

    /// Reads a CSV file written by `writeCSV` (or any CSV with a `step` column and numeric cells).
    /// - Throws: `PlotError.io` when the file cannot be read, `.malformedCSV` naming the file and
    ///   line for anything else.
    public static func readCSV(from path: String) throws -> MetricsLog {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: (path as NSString).expandingTildeInPath))
        } catch {
            throw PlotError.io(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlotError.malformedCSV(file: path, line: 1, reason: "not UTF-8 text")
        }
        return try parseCSV(text, file: path)
    }

    /// Parses CSV text; `file` names the source in errors.
    public static func parseCSV(_ text: String, file: String = "<csv>") throws -> MetricsLog {
        let rows = try csvRows(text, file: file)
        guard let (headerLine, header) = rows.first else {
            throw PlotError.malformedCSV(file: file, line: 1, reason: "empty file: expected a header such as 'step,loss'")
        }
        guard let stepIndex = header.firstIndex(of: "step") else {
            throw PlotError.malformedCSV(file: file, line: headerLine, reason: "the header has no 'step' column (it has: \(header.joined(separator: ", ")))")
        }
        var seen = Set<String>()
        for name in header {
            if name.isEmpty { throw PlotError.malformedCSV(file: file, line: headerLine, reason: "a column has an empty name") }
            if !seen.insert(name).inserted { throw PlotError.malformedCSV(file: file, line: headerLine, reason: "column '\(name)' appears twice") }
        }
        let log = MetricsLog()
        for (line, fields) in rows.dropFirst() {
            guard fields.count == header.count else {
                throw PlotError.malformedCSV(file: file, line: line, reason: "\(fields.count) fields, but the header has \(header.count)")
            }
            let stepText = fields[stepIndex].trimmingCharacters(in: .whitespaces)
            guard let stepValue = Double(stepText), stepValue.isFinite, stepValue == stepValue.rounded(),
                  abs(stepValue) < 9e15 else {
                throw PlotError.malformedCSV(file: file, line: line, reason: "step '\(stepText)' is not an integer")
            }
            var values: [(String, Double)] = []
            for (index, name) in header.enumerated() where index != stepIndex {
                let cell = fields[index].trimmingCharacters(in: .whitespaces)
                if cell.isEmpty { continue }
                guard let value = parseCSVNumber(cell) else {
                    throw PlotError.malformedCSV(file: file, line: line, reason: "column '\(name)': '\(cell)' is not a number")
                }
                values.append((name, value))
            }
            log.add(step: Int(stepValue), values)
        }
        // Keep the file's column order even for columns whose first value comes late.
        return log.reorderedColumns(header.filter { $0 != "step" })
    }

    private func reorderedColumns(_ order: [String]) -> MetricsLog {
        let copy = MetricsLog()
        copy.declare(order)
        for record in records { copy.add(step: record.step, record.values) }
        return copy
    }
}

/// RFC 4180 rows with the 1-based line where each starts; blank lines are skipped.
func csvRows(_ text: String, file: String) throws -> [(line: Int, fields: [String])] {
    var rows: [(Int, [String])] = []
    var fields: [String] = []
    var field = ""
    var line = 1, rowLine = 1
    var inQuotes = false, quotedField = false
    var chars = Array(text.unicodeScalars)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    func endRow() {
        fields.append(field)
        if !(fields.count == 1 && fields[0].isEmpty && !quotedField) { rows.append((rowLine, fields)) }
        fields = []; field = ""; quotedField = false
    }
    while i < chars.count {
        let c = chars[i]
        if inQuotes {
            if c == "\"" {
                if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
            } else {
                if c == "\n" { line += 1 }
                field.unicodeScalars.append(c)
            }
        } else {
            switch c {
            case "\"":
                guard field.isEmpty else {
                    throw PlotError.malformedCSV(file: file, line: line, reason: "a quote inside an unquoted field")
                }
                inQuotes = true; quotedField = true
            case ",":
                fields.append(field); field = ""
            case "\r":
                break
            case "\n":
                endRow(); line += 1; rowLine = line
            default:
                field.unicodeScalars.append(c)
            }
        }
        i += 1
    }
    if inQuotes { throw PlotError.malformedCSV(file: file, line: rowLine, reason: "a quoted field is never closed") }
    if !field.isEmpty || !fields.isEmpty || quotedField { endRow() }
    return rows
}

func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Shortest round-trip text; `nan`, `inf`, `-inf` for the non-finite.
func csvNumber(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

func parseCSVNumber(_ text: String) -> Double? {
    switch text.lowercased() {
    case "nan", "-nan": return .nan
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    default:
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
