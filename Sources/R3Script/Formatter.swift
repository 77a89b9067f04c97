/// How values print. `print` and interpolation show strings as they are; inside lists and
/// dictionaries strings are quoted, as Swift and Python show them.
public enum Formatter {
    /// Integral numbers print without ".0" (`7`); others in the shortest form that reads back
    /// exactly (`2.5`, `0.1`, `1e-05`, `inf`, `nan`).
    public static func number(_ n: Double) -> String {
        if n.isNaN { return "nan" }
        if n.isInfinite { return n < 0 ? "-inf" : "inf" }
        if n == n.rounded(), abs(n) < 1e16 { return String(Int64(n)) }
        return n.description
    }

    /// The text `print` shows for a value.
    public static func display(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return repr(v)
    }

    /// The text for a value nested in a collection, or echoed by the REPL.
    public static func repr(_ v: Value) -> String {
        var seen = Set<ObjectIdentifier>()
        var out = ""
        write(v, into: &out, seen: &seen)
        return out
    }

    /// `seen` holds the lists and dictionaries being written (the path from the top), so a
    /// collection that contains itself prints `[...]`; a set keeps deep nesting linear.
    private static func write(_ v: Value, into out: inout String, seen: inout Set<ObjectIdentifier>) {
        switch v {
        case .null: out += "nil"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += number(n)
        case .string(let s): out += quoted(s)
        case .list(let l):
            let id = ObjectIdentifier(l)
            guard seen.insert(id).inserted else { out += "[...]"; return }
            out += "["
            for (i, item) in l.items.enumerated() {
                if i > 0 { out += ", " }
                if out.utf8.count > 1_000_000 { out += "..."; break }
                write(item, into: &out, seen: &seen)
            }
            out += "]"
            seen.remove(id)
        case .dict(let d):
            if d.count == 0 { out += "[:]"; return }
            let id = ObjectIdentifier(d)
            guard seen.insert(id).inserted else { out += "[...]"; return }
            out += "["
            for (i, (k, value)) in d.entries.enumerated() {
                if i > 0 { out += ", " }
                if out.utf8.count > 1_000_000 { out += "..."; break }
                write(k.value, into: &out, seen: &seen)
                out += ": "
                write(value, into: &out, seen: &seen)
            }
            out += "]"
            seen.remove(id)
        case .range(let r):
            out += (r.lower.map(number) ?? "") + (r.inclusive ? "..." : "..<") + (r.upper.map(number) ?? "")
        case .closure(let c): out += "<fn \(c.name)>"
        case .builtin(let b): out += "<builtin \(b.name)>"
        case .bound(let m): out += "<method \(m.method.name)>"
        case .native(let o): out += o.description
        }
    }

    /// A string in double quotes with escapes, as it would be written in source.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 32 || scalar.value == 127 {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
