import Foundation
import R3Script
import R3Tasks

/// JSONL files into datasets, for `load_jsonl`, `countdown.load` and `functionCalling.load`. The
/// reading rules (line numbers, columns, fields, empty files, skipping) are R3Tasks' `JSONL.read`.
enum TaskLoading {
    enum Kind {
        /// Tasks of one kind.
        case task(TaskKind)
        /// Plain values (dictionaries for JSON objects).
        case records
        /// The kind the first valid record's fields say; records when they say none.
        case detect
    }

    /// Loads the file at the builtin's `path` argument with its `skipBadLines` argument. Skipped
    /// lines are counted in a warning on the session's output and in `ds.skippedLines`.
    static func load(_ a: Arguments, kind: Kind) throws -> Value {
        let path = try a.string("path")
        let skip = try a.bool("skipBadLines")
        var resolved = kind
        if case .detect = kind { resolved = detect(path).map { .task($0) } ?? .records }
        let items: [Value]
        let report: JSONLReport
        do {
            switch resolved {
            case .task(let k):
                let (ds, r) = try R3Tasks.Dataset<AnyTask>.loadJSONL(path: path, kind: k, skipBadLines: skip)
                items = ds.elements.map { .native(TaskObject($0)) }
                report = r
            case .records, .detect:
                let (ds, r) = try R3Tasks.Dataset<JSONValue>.loadJSONL(path: path, skipBadLines: skip)
                items = ds.elements.map(TaskValues.value)
                report = r
            }
        } catch {
            throw a.error("\(error)")
        }
        if report.skippedCount > 0 {
            a.interpreter.output("warning: \(a.function.name)(): \(report)\n")
        }
        return .native(DatasetObject(items, skippedLines: report.skippedCount))
    }

    private struct Found: Error { let kind: TaskKind? }

    /// The kind of the first line that holds a JSON object; nil when it is no task kind, or when the
    /// file cannot be read (the load that follows reports why).
    static func detect(_ path: String) -> TaskKind? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else { return nil }
        return data.withUnsafeBytes { raw -> TaskKind? in
            let p = raw.bindMemory(to: UInt8.self)
            do {
                try JSONL.forEachLine(in: p) { _, range in
                    guard let value = try? JSONParser.parse(bytes: UnsafeBufferPointer(rebasing: p[range])),
                          let object = value.objectValue else { return }
                    throw Found(kind: TaskValues.detectKind(object))
                }
            } catch let found as Found {
                return found.kind
            } catch {}
            return nil
        }
    }
}
