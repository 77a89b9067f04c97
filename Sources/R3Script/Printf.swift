import Foundation

/// printf-style formatting for `format(...)`: %d %i %f %e %g %x %s %% with flags, width and precision.
enum Printf {
    static func format(_ template: String, _ values: [Value], function: String) throws -> String {
        var out = ""
        let chars = Array(template)
        var i = 0
        var next = 0
        func take() throws -> Value {
            guard next < values.count else {
                throw ScriptError("\(function)(): the template needs more values than the \(values.count) given")
            }
            next += 1
            return values[next - 1]
        }
        while i < chars.count {
            let c = chars[i]
            guard c == "%" else { out.append(c); i += 1; continue }
            i += 1
            guard i < chars.count else { throw ScriptError("\(function)(): the template ends with a lone '%'") }
            if chars[i] == "%" { out.append("%"); i += 1; continue }
            var spec = "%"
            while i < chars.count, "-+ 0#".contains(chars[i]) { spec.append(chars[i]); i += 1 }
            var width = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { width.append(chars[i]); i += 1 }
            spec += width
            var precision = ""
            if i < chars.count, chars[i] == "." {
                spec.append("."); i += 1
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { precision.append(chars[i]); i += 1 }
                spec += precision
            }
            guard i < chars.count else { throw ScriptError("\(function)(): incomplete format '\(spec)'") }
            for (name, digits) in [("width", width), ("precision", precision)] where !digits.isEmpty {
                guard digits.count <= 4, let n = Int(digits), n <= maxWidth else {
                    throw ScriptError("\(function)(): the \(name) in '\(spec)\(chars[i])' is larger than \(maxWidth)")
                }
            }
            let conversion = chars[i]
            i += 1
            let value = try take()
            switch conversion {
            case "d", "i", "x", "X":
                guard case .number(let n) = value else {
                    throw ScriptError("\(function)(): %\(conversion) needs a number, got \(value.typeName)")
                }
                // Int64 holds every integer below 2^63; beyond, or NaN and inf, there is no integer to print.
                guard n.isFinite, abs(n) < 9.223372036854775e18 else {
                    throw ScriptError("\(function)(): %\(conversion) needs a whole number of at most 19 digits, got \(Formatter.number(n)) (use %g or %e for large numbers)")
                }
                out += String(format: spec + "ll" + String(conversion), Int64(n.rounded(.towardZero)))
            case "f", "e", "g", "E", "G":
                guard case .number(let n) = value else {
                    throw ScriptError("\(function)(): %\(conversion) needs a number, got \(value.typeName)")
                }
                out += String(format: spec + String(conversion), n)
            case "s":
                let text = Formatter.display(value)
                out += pad(text, spec: spec)
            default:
                throw ScriptError("\(function)(): unknown format '%\(conversion)'")
            }
        }
        if next < values.count {
            throw ScriptError("\(function)(): \(values.count - next) value\(values.count - next == 1 ? "" : "s") left over after the template")
        }
        return out
    }

    /// The largest width or precision a format takes (Python caps its own near 2^31; a page of
    /// padding is already more than any table needs).
    static let maxWidth = 1000

    private static func pad(_ text: String, spec: String) -> String {
        let left = spec.contains("-")
        let digits = spec.drop(while: { !$0.isNumber || $0 == "0" }).prefix(while: { $0.isNumber })
        var s = text
        if let dot = spec.firstIndex(of: "."), let precision = Int(spec[spec.index(after: dot)...]) {
            s = String(s.prefix(precision))
        }
        guard let width = Int(digits), s.count < width else { return s }
        let padding = String(repeating: " ", count: width - s.count)
        return left ? s + padding : padding + s
    }
}
