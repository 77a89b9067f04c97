import Foundation

/// Methods of strings. Strings are immutable: every method returns a new value.
enum StringMethods {
    static let all: [Builtin] = [
        Builtin("split(separator = nil, maxSplits = nil)", owner: "string",
                doc: "Splits at `separator`; with no separator, splits at runs of whitespace and drops empty parts.") { a in
            let s = a.receiverString
            let parts: [String]
            if let sep = try a.optionalString("separator") {
                guard !sep.isEmpty else { throw a.error("the separator is empty") }
                var pieces = s.components(separatedBy: sep)
                if let m = try a.optionalInt("maxSplits"), m >= 0, pieces.count > m + 1 {
                    pieces = Array(pieces.prefix(m)) + [pieces.dropFirst(m).joined(separator: sep)]
                }
                parts = pieces
            } else {
                parts = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            }
            return .list(ListObject(parts.map(Value.string)))
        },
        Builtin("lines()", owner: "string", doc: "The lines of the text, without their line breaks.") { a in
            var lines = a.receiverString.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            if lines.last == "" { lines.removeLast() }
            return .list(ListObject(lines.map(Value.string)))
        },
        Builtin("trimmed()", owner: "string", doc: "Without leading and trailing whitespace and newlines.") { a in
            .string(a.receiverString.trimmingCharacters(in: .whitespacesAndNewlines))
        },
        Builtin("uppercased()", owner: "string", doc: "In upper case.") { a in .string(a.receiverString.uppercased()) },
        Builtin("lowercased()", owner: "string", doc: "In lower case.") { a in .string(a.receiverString.lowercased()) },
        Builtin("contains(text)", owner: "string", doc: "Whether `text` occurs in the string.") { a in
            let t = try a.string("text")
            return .bool(t.isEmpty || a.receiverString.contains(t))
        },
        Builtin("hasPrefix(text)", owner: "string", doc: "Whether the string starts with `text`.") { a in
            .bool(a.receiverString.hasPrefix(try a.string("text")))
        },
        Builtin("hasSuffix(text)", owner: "string", doc: "Whether the string ends with `text`.") { a in
            .bool(a.receiverString.hasSuffix(try a.string("text")))
        },
        Builtin("replacing(target, with)", owner: "string", doc: "Every occurrence of `target` replaced by `with`.") { a in
            let target = try a.string("target")
            guard !target.isEmpty else { throw a.error("the target is empty") }
            return .string(a.receiverString.replacingOccurrences(of: target, with: try a.string("with")))
        },
        Builtin("firstIndex(of)", owner: "string", doc: "The character position of the first occurrence of `of`, or nil.") { a in
            let s = a.receiverString
            guard let r = s.range(of: try a.string("of")) else { return .null }
            return .number(Double(s.distance(from: s.startIndex, to: r.lowerBound)))
        },
        Builtin("characters()", owner: "string", doc: "The characters as a list of one-character strings.") { a in
            .list(ListObject(a.receiverString.map { .string(String($0)) }))
        },
        Builtin("reversed()", owner: "string", doc: "The characters in reverse order.") { a in
            .string(String(a.receiverString.reversed()))
        },
        Builtin("repeated(count)", owner: "string", doc: "The string repeated `count` times.") { a in
            let n = try a.int("count")
            guard n >= 0 else { throw a.error("the count is negative") }
            guard a.receiverString.utf8.count.multipliedReportingOverflow(by: n).partialValue < 1 << 30 else {
                throw a.error("the result would be larger than 1 GB")
            }
            return .string(String(repeating: a.receiverString, count: n))
        },
        Builtin("padded(to, with = \" \", left = false)", owner: "string", doc: "Padded to a width with a character, on the right (or the left).") { a in
            let s = a.receiverString
            let width = try a.int("to"), fill = try a.string("with")
            guard fill.count == 1 else { throw a.error("argument 'with' must be one character") }
            guard s.count < width else { return .string(s) }
            guard (width - s.count).multipliedReportingOverflow(by: fill.utf8.count).partialValue < 1 << 30 else {
                throw a.error("the result would be larger than 1 GB")
            }
            let pad = String(repeating: fill, count: width - s.count)
            return .string(try a.bool("left") ? pad + s : s + pad)
        },
        Builtin("prefix(count)", owner: "string", doc: "The first `count` characters.") { a in
            .string(String(a.receiverString.prefix(max(0, try a.int("count")))))
        },
        Builtin("suffix(count)", owner: "string", doc: "The last `count` characters.") { a in
            .string(String(a.receiverString.suffix(max(0, try a.int("count")))))
        },
    ]
}

/// Methods of dictionaries (insertion-ordered; dot access reads string keys).
enum DictMethods {
    static let all: [Builtin] = [
        Builtin("get(key, default = nil)", owner: "dictionary", doc: "The value for `key`, or `default` when it is missing.") { a in
            guard let k = DictKey(a["key"]) else { return a["default"] }
            return a.receiverDict[k] ?? a["default"]
        },
        Builtin("contains(key)", owner: "dictionary", doc: "Whether the dictionary has the key.") { a in
            .bool(DictKey(a["key"]).map { a.receiverDict[$0] != nil } ?? false)
        },
        Builtin("remove(key)", owner: "dictionary", doc: "Removes a key; returns its value, or nil when it was missing.") { a in
            guard let k = DictKey(a["key"]) else { return .null }
            let old = a.receiverDict[k]
            a.receiverDict[k] = nil
            return old ?? .null
        },
        Builtin("merging(other)", owner: "dictionary", doc: "A new dictionary with the entries of both; `other` wins on equal keys.") { a in
            let d = DictObject()
            for (k, v) in a.receiverDict.entries { d[k] = v }
            for (k, v) in try a.dict("other").entries { d[k] = v }
            return .dict(d)
        },
        Builtin("entries()", owner: "dictionary", doc: "The [key, value] pairs in insertion order.") { a in
            .list(ListObject(a.receiverDict.entries.map { .list(ListObject([$0.key.value, $0.value])) }))
        },
        Builtin("mapValues(transform)", owner: "dictionary", doc: "A new dictionary with transform(value) for each value.") { a in
            let d = DictObject()
            for (k, v) in a.receiverDict.entries { d[k] = try a.apply("transform", [v]) }
            return .dict(d)
        },
        Builtin("copy()", owner: "dictionary", doc: "A shallow copy.") { a in
            let d = DictObject()
            for (k, v) in a.receiverDict.entries { d[k] = v }
            return .dict(d)
        },
    ]
}
