import Foundation

/// Methods of lists. Lists are shared objects: `append` changes the list in place, while
/// `sorted`, `map`, `filter` and `reversed` return new lists.
enum ListMethods {
    static let all: [Builtin] = [
        Builtin("append(value)", owner: "list", doc: "Adds a value at the end, in place.") { a in
            a.receiverList.items.append(a["value"]); return .null
        },
        Builtin("extend(values)", owner: "list", doc: "Adds every item of another list at the end, in place.") { a in
            a.receiverList.items += try a.list("values"); return .null
        },
        Builtin("insert(value, at)", owner: "list", doc: "Inserts a value before position `at`, in place.") { a in
            let l = a.receiverList
            let i = try a.int("at")
            guard i >= 0, i <= l.items.count else { throw a.error("position \(i) is out of range for a list of \(l.items.count) items") }
            l.items.insert(a["value"], at: i)
            return .null
        },
        Builtin("remove(at)", owner: "list", doc: "Removes and returns the item at a position (negative counts from the end).") { a in
            let l = a.receiverList
            var i = try a.int("at")
            if i < 0 { i += l.items.count }
            guard i >= 0, i < l.items.count else { throw a.error("position \(try a.int("at")) is out of range for a list of \(l.items.count) items") }
            return l.items.remove(at: i)
        },
        Builtin("removeLast()", owner: "list", doc: "Removes and returns the last item.") { a in
            guard let v = a.receiverList.items.popLast() else { throw a.error("the list is empty") }
            return v
        },
        Builtin("removeAll()", owner: "list", doc: "Empties the list, in place.") { a in
            a.receiverList.items.removeAll(); return .null
        },
        Builtin("contains(value)", owner: "list", doc: "Whether the list has an item equal to `value`.") { a in
            .bool(a.receiverList.items.contains(a["value"]))
        },
        Builtin("firstIndex(of)", owner: "list", doc: "The position of the first item equal to `of`, or nil.") { a in
            a.receiverList.items.firstIndex(of: a["of"]).map { .number(Double($0)) } ?? .null
        },
        Builtin("first(where)", owner: "list", doc: "The first item for which the function returns true, or nil.") { a in
            for v in a.receiverList.items where try a.test("where", [v]) { return v }
            return .null
        },
        Builtin("map(transform)", owner: "list", doc: "A new list with `transform(item)` for each item.") { a in
            .list(ListObject(try a.receiverList.items.map { try a.apply("transform", [$0]) }))
        },
        Builtin("filter(include)", owner: "list", doc: "A new list of the items for which `include(item)` is true.") { a in
            .list(ListObject(try a.receiverList.items.filter { try a.test("include", [$0]) }))
        },
        Builtin("reduce(initial, combine)", owner: "list", doc: "Folds the list: combine(combine(initial, x0), x1) ...") { a in
            try a.receiverList.items.reduce(a["initial"]) { try a.apply("combine", [$0, $1]) }
        },
        Builtin("forEach(body)", owner: "list", doc: "Calls `body(item)` for each item.") { a in
            for v in a.receiverList.items { _ = try a.apply("body", [v]) }
            return .null
        },
        Builtin("allSatisfy(predicate)", owner: "list", doc: "Whether the predicate is true for every item.") { a in
            .bool(try a.receiverList.items.allSatisfy { try a.test("predicate", [$0]) })
        },
        Builtin("count(where)", owner: "list", doc: "How many items satisfy the predicate.") { a in
            .number(Double(try a.receiverList.items.filter { try a.test("where", [$0]) }.count))
        },
        Builtin("sorted(by = nil, key = nil, descending = false)", owner: "list",
                doc: "A sorted copy. `by: fn(a, b) { a > b }` gives the order as a predicate; `key: fn(x) { x.score }` sorts by a key; numbers and strings sort naturally. The sort is stable.") { a in
            var items = a.receiverList.items
            let name = a.function.name
            if a.isGiven("by") {
                items = try StableSort.sorted(items) { try a.test("by", [$0, $1]) }
            } else if a.isGiven("key") {
                let keys = try items.map { try a.apply("key", [$0]) }
                let order = try StableSort.sorted(Array(items.indices)) { try Ordering.less(keys[$0], keys[$1], function: name) }
                items = order.map { items[$0] }
            } else {
                items = try StableSort.sorted(items) { try Ordering.less($0, $1, function: name) }
            }
            if try a.bool("descending") { items.reverse() }
            return .list(ListObject(items))
        },
        Builtin("reversed()", owner: "list", doc: "A reversed copy.") { a in
            .list(ListObject(a.receiverList.items.reversed()))
        },
        Builtin("enumerated()", owner: "list", doc: "A list of [index, item] pairs: for (i, x) in xs.enumerated() { ... }") { a in
            .list(ListObject(a.receiverList.items.enumerated().map { .list(ListObject([.number(Double($0.offset)), $0.element])) }))
        },
        Builtin("joined(separator = \"\")", owner: "list", doc: "The items as text, joined by `separator`.") { a in
            .string(a.receiverList.items.map(Formatter.display).joined(separator: try a.string("separator")))
        },
        Builtin("join(separator = \"\")", owner: "list", doc: "The same as joined(separator:).") { a in
            .string(a.receiverList.items.map(Formatter.display).joined(separator: try a.string("separator")))
        },
        Builtin("prefix(count)", owner: "list", doc: "The first `count` items (fewer when the list is shorter).") { a in
            .list(ListObject(Array(a.receiverList.items.prefix(max(0, try a.int("count"))))))
        },
        Builtin("suffix(count)", owner: "list", doc: "The last `count` items.") { a in
            .list(ListObject(Array(a.receiverList.items.suffix(max(0, try a.int("count"))))))
        },
        Builtin("dropFirst(count = 1)", owner: "list", doc: "All but the first `count` items.") { a in
            .list(ListObject(Array(a.receiverList.items.dropFirst(max(0, try a.int("count"))))))
        },
        Builtin("sum()", owner: "list", doc: "The sum of a list of numbers.") { a in
            var total = 0.0
            for (i, v) in a.receiverList.items.enumerated() {
                guard case .number(let n) = v else { throw a.error("item \(i) is a \(v.typeName), not a number") }
                total += n
            }
            return .number(total)
        },
        Builtin("min()", owner: "list", doc: "The smallest item, or nil for an empty list.") { a in
            var best: Value?
            for v in a.receiverList.items where try best == nil || Ordering.less(v, best!, function: a.function.name) { best = v }
            return best ?? .null
        },
        Builtin("max()", owner: "list", doc: "The largest item, or nil for an empty list.") { a in
            var best: Value?
            for v in a.receiverList.items where try best == nil || Ordering.less(best!, v, function: a.function.name) { best = v }
            return best ?? .null
        },
        Builtin("copy()", owner: "list", doc: "A shallow copy.") { a in .list(ListObject(a.receiverList.items)) },
    ]
}

/// Merge sort that accepts a throwing comparison and is stable.
enum StableSort {
    static func sorted<T>(_ items: [T], by less: (T, T) throws -> Bool) throws -> [T] {
        guard items.count > 1 else { return items }
        var a = items
        var b = items
        var width = 1
        while width < a.count {
            var i = 0
            while i < a.count {
                let mid = min(i + width, a.count), end = min(i + 2 * width, a.count)
                var l = i, r = mid, k = i
                while l < mid && r < end {
                    if try less(a[r], a[l]) { b[k] = a[r]; r += 1 } else { b[k] = a[l]; l += 1 }
                    k += 1
                }
                while l < mid { b[k] = a[l]; l += 1; k += 1 }
                while r < end { b[k] = a[r]; r += 1; k += 1 }
                i += 2 * width
            }
            swap(&a, &b)
            width *= 2
        }
        return a
    }
}

/// Ranges offer the list methods that read (map, filter, contains ...).
enum RangeMethods {
    static let all: [Builtin] = ["map", "filter", "reduce", "forEach", "allSatisfy", "reversed", "sum", "enumerated", "prefix", "first"]
        .compactMap { name in ListMethods.all.first { $0.shortName == name } }
        .map { m in Builtin(m.signature.replacingOccurrences(of: "list.", with: ""), owner: "range", doc: m.doc, body: m.body) }
        + [
            Builtin("contains(value)", owner: "range", doc: "Whether a number lies in the range.") { a in
                guard case .range(let r) = a.receiver, case .number(let n) = a["value"] else { return .bool(false) }
                let aboveLower = r.lower.map { n >= $0 } ?? true
                let belowUpper = r.upper.map { r.inclusive ? n <= $0 : n < $0 } ?? true
                return .bool(aboveLower && belowUpper)
            },
            Builtin("list()", owner: "range", doc: "The numbers of the range as a list.") { a in
                .list(a.receiverList)
            },
        ]
}
