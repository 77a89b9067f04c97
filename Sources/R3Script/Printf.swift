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
            while i < chars.count, chars[i].isNumber { spec.append(chars[i]); i += 1 }
            if i < chars.count, chars[i] == "." {
                spec.append("."); i += 1
                while i < chars.count, chars[i].isNumber { spec.append(chars[i]); i += 1 }
            }
            guard i < chars.count else { throw ScriptError("\(function)(): incomplete format '\(spec)'") }
            let conversion = chars[i]
            i += 1
            let value = try take()
            switch conversion {
            case "d", "i", "x", "X":
                guard case .number(let n) = value, n.isFinite else {
                    throw ScriptError("\(function)(): %\(conversion) needs a number, got \(value.typeName)")
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
