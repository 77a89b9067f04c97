import Foundation
import R3Plot
import R3Script

/// A metrics log in the language (`let m = metrics()`), wrapping an `R3Plot.MetricsLog` that
/// Swift code shares: a trainer fills `log` while the script reads, plots or exports it.
///
///     m.add(1, ["loss": 1.2, "reward": 0.3])   // one record per step, columns in this order
///     m["loss"], m.column("loss")              // [1.2]
///     m.last, m.count, m.columns, m.steps      // ["step": 1, "loss": 1.2, "reward": 0.3], 1, ...
///     m.mean("reward", last: 50)
///     m.toCSV("metrics.csv"); metrics(csv: "metrics.csv")
public final class MetricsObject: NativeObject {
    /// The log itself, safe to add to from another thread.
    public let log: MetricsLog

    /// Wraps `log` (a new empty one by default) for a script.
    public init(log: MetricsLog = MetricsLog()) {
        self.log = log
    }

    override public var typeName: String { "Metrics" }

    override public var description: String {
        let columns = log.columns
        let count = log.count
        return "<Metrics: \(count) step\(count == 1 ? "" : "s")\(columns.isEmpty ? "" : "; " + columns.joined(separator: ", "))>"
    }

    override public func property(_ name: String) throws -> Value? {
        switch name {
        case "count": return .number(Double(log.count))
        case "columns": return .list(ListObject(log.columns.map(Value.string)))
        case "last": return log.last.map(MetricsValues.record) ?? .null
        case "steps": return .list(ListObject(log.records.map { .number(Double($0.step)) }))
        case "records": return .list(ListObject(log.records.map(MetricsValues.record)))
        default: return nil
        }
    }

    override public var memberNames: [String] {
        Array(MetricsObject.methodTable.keys) + ["count", "columns", "last", "steps", "records"]
    }
    override public var methods: [String: Builtin] { MetricsObject.methodTable }
    override public var count: Int? { log.count }

    /// `m["loss"]`: the column's values in step order (steps without a value left out).
    override public func subscriptGet(_ indices: [Value]) throws -> Value {
        guard indices.count == 1, case .string(let name) = indices[0] else {
            throw ScriptError("a Metrics log is indexed by a column name, e.g. m[\"loss\"]")
        }
        do {
            return MetricsValues.numbers(try log.column(name).values)
        } catch {
            throw ScriptError("\(error)")
        }
    }

    /// `for record in m`: one dictionary per step, `step` first.
    override public func iterate() throws -> [Value]? { log.records.map(MetricsValues.record) }

    static let methodList: [Builtin] = [
        Builtin("add(step, values = nil)", owner: "Metrics",
                doc: "Records `values` (a dictionary of numbers, columns in its order; nil values are skipped) for `step`, a whole number. m.add([\"loss\": 1.2]) without a step uses the last step + 1 (1 for an empty log). Adding the same step as the last record merges into it.") { a in
            let m = a.receiver(as: MetricsObject.self)
            let step: Int
            let values: DictObject
            if case .dict(let d) = a["step"], !a.isGiven("values") {
                values = d
                step = (m.log.last?.step ?? 0) + 1
            } else {
                guard case .number = a["step"] else {
                    throw a.error("argument 'step' must be a whole number (or the values dictionary alone), got \(a["step"].typeName)")
                }
                step = try a.int("step")
                values = try a.dict("values")
            }
            m.log.add(step: step, try MetricsValues.pairs(values, a))
            return .null
        },
        Builtin("column(name, steps = false)", owner: "Metrics",
                doc: "The values of a column in step order (steps without a value left out); with steps: true, [step, value] pairs. An unknown name lists the known columns.") { a in
            let m = a.receiver(as: MetricsObject.self)
            let column: (steps: [Int], values: [Double])
            do { column = try m.log.column(try a.string("name")) } catch let e as ScriptError { throw e } catch { throw a.error("\(error)") }
            if try a.bool("steps") {
                return .list(ListObject(zip(column.steps, column.values).map {
                    .list(ListObject([.number(Double($0.0)), .number($0.1)]))
                }))
            }
            return MetricsValues.numbers(column.values)
        },
        Builtin("mean(name, last = nil)", owner: "Metrics",
                doc: "The mean of a column over its last `last` values (all when nil), NaN and inf left out; nan when no finite value is left.") { a in
            let m = a.receiver(as: MetricsObject.self)
            let last = try a.optionalInt("last")
            if let last, last < 1 { throw a.error("last: must be at least 1, got \(last)") }
            do { return .number(try m.log.mean(try a.string("name"), last: last)) } catch let e as ScriptError { throw e } catch { throw a.error("\(error)") }
        },
        Builtin("toCSV(path = nil)", owner: "Metrics",
                doc: "Writes the log as CSV (header step,<columns>; an empty cell where a step has no value; nan/inf/-inf) to `path`, atomically; without a path, returns the CSV text. pandas.read_csv and metrics(csv:) read it back.") { a in
            let m = a.receiver(as: MetricsObject.self)
            guard let path = try a.optionalString("path") else { return .string(m.log.csv) }
            do { try m.log.writeCSV(to: path) } catch { throw a.error("\(error)") }
            return .null
        },
    ]
    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methodList.map { ($0.shortName, $0) })
}

/// Conversions between metrics and the language's values, in one place.
enum MetricsValues {
    /// A record as a dictionary: `step` first, then the values in column order.
    static func record(_ record: MetricsLog.Record) -> Value {
        .dict(DictObject([("step", .number(Double(record.step)))] + record.values.map { ($0.0, .number($0.1)) }))
    }

    static func numbers(_ values: [Double]) -> Value { .list(ListObject(values.map(Value.number))) }

    /// (name, number) pairs from a dictionary of numbers, in its order; nil values are skipped.
    static func pairs(_ d: DictObject, _ a: Arguments) throws -> [(String, Double)] {
        var pairs: [(String, Double)] = []
        for (key, value) in d.entries {
            guard case .string(let name) = key else { throw a.error("metric names must be strings, got \(key)") }
            switch value {
            case .null: continue
            case .number(let n): pairs.append((name, n))
            default: throw a.error("the value of '\(name)' must be a number, got \(value.typeName)")
            }
        }
        return pairs
    }
}
