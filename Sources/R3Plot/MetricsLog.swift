import Foundation

/// TRL's metric names (GRPOTrainer / Trainer logs), for trainers to log under the names
/// researchers already read in W&B and TensorBoard.
public enum TRLMetric: String, CaseIterable, Sendable {
    case loss
    case gradNorm = "grad_norm"
    case learningRate = "learning_rate"
    case epoch
    case numTokens = "num_tokens"
    case reward
    case rewardStd = "reward_std"
    case fracRewardZeroStd = "frac_reward_zero_std"
    case kl
    case entropy
    case completionsMeanLength = "completions/mean_length"
    case completionsMinLength = "completions/min_length"
    case completionsMaxLength = "completions/max_length"
    case completionsClippedRatio = "completions/clipped_ratio"
    case clipRatio = "clip_ratio/region_mean"
    case clipRatioLow = "clip_ratio/low_mean"
    case clipRatioHigh = "clip_ratio/high_mean"

    /// TRL's per-reward-function column: `rewards/<function>/mean`.
    public static func rewardMean(_ function: String) -> String { "rewards/\(function)/mean" }
    /// TRL's per-reward-function spread: `rewards/<function>/std`.
    public static func rewardStd(_ function: String) -> String { "rewards/\(function)/std" }
}

/// A table of training metrics: one record per step, columns by name in order of first
/// appearance. Thread-safe: a trainer may add from one thread while another reads or plots.
public final class MetricsLog: @unchecked Sendable {
    /// One step's values. A column missing from a record has no value at that step.
    public struct Record: Equatable, Sendable {
        public var step: Int
        /// (column, value) in column order.
        public var values: [(String, Double)]

        public init(step: Int, values: [(String, Double)]) {
            self.step = step
            self.values = values
        }

        public subscript(name: String) -> Double? { values.first { $0.0 == name }?.1 }

        public static func == (a: Record, b: Record) -> Bool {
            a.step == b.step && a.values.count == b.values.count
                && zip(a.values, b.values).allSatisfy { $0.0 == $1.0 && ($0.1 == $1.1 || ($0.1.isNaN && $1.1.isNaN)) }
        }
    }

    /// A handle for `removeObserver`.
    public struct ObserverToken: Hashable, Sendable { let id: Int }

    private let lock = NSLock()
    private var storage: [Record] = []
    private var names: [String] = []
    private var nameSet: Set<String> = []
    private var observers: [Int: @Sendable (Record) -> Void] = [:]
    private var nextObserver = 0

    public init() {}

    /// Adds values for `step`, in the given column order. Adding the same step as the last
    /// record merges into that record (a later value for a column replaces the earlier one).
    public func add(step: Int, _ values: [(String, Double)]) {
        let (record, callbacks): (Record, [@Sendable (Record) -> Void]) = lock.withLock {
            for (name, _) in values where !nameSet.contains(name) {
                nameSet.insert(name)
                names.append(name)
            }
            if let last = storage.indices.last, storage[last].step == step {
                for (name, value) in values {
                    if let i = storage[last].values.firstIndex(where: { $0.0 == name }) {
                        storage[last].values[i].1 = value
                    } else {
                        storage[last].values.append((name, value))
                    }
                }
                storage[last].values.sort { index(of: $0.0) < index(of: $1.0) }
            } else {
                var ordered: [(String, Double)] = []
                for (name, value) in values {
                    if let i = ordered.firstIndex(where: { $0.0 == name }) { ordered[i].1 = value } else { ordered.append((name, value)) }
                }
                ordered.sort { index(of: $0.0) < index(of: $1.0) }
                storage.append(Record(step: step, values: ordered))
            }
            return (storage[storage.count - 1], Array(observers.values))
        }
        for callback in callbacks { callback(record) }
    }

    /// Adds values from an unordered dictionary: new columns come in TRL's order for TRL names,
    /// then alphabetically, so the column order is deterministic.
    public func add(step: Int, _ values: [String: Double]) {
        let canonical = TRLMetric.allCases.map(\.rawValue)
        let ordered = values.sorted { a, b in
            let ia = canonical.firstIndex(of: a.key) ?? Int.max, ib = canonical.firstIndex(of: b.key) ?? Int.max
            return ia != ib ? ia < ib : a.key < b.key
        }
        add(step: step, ordered.map { ($0.key, $0.value) })
    }

    /// Column names in order of first appearance.
    public var columns: [String] { lock.withLock { names } }
    /// All records, in the order added.
    public var records: [Record] { lock.withLock { storage } }
    /// Number of records (steps).
    public var count: Int { lock.withLock { storage.count } }
    /// The latest record, or nil when the log is empty.
    public var last: Record? { lock.withLock { storage.last } }

    /// One column: the steps that have a value for it and those values (NaN kept).
    /// - Throws: `PlotError.unknownSeries` listing the known columns.
    public func column(_ name: String) throws -> (steps: [Int], values: [Double]) {
        try lock.withLock {
            guard nameSet.contains(name) else { throw PlotError.unknownSeries(name, known: names) }
            var steps: [Int] = [], values: [Double] = []
            for record in storage {
                if let v = record[name] { steps.append(record.step); values.append(v) }
            }
            return (steps, values)
        }
    }

    /// The mean of a column over its last `last` values (all when nil), NaN/inf left out;
    /// NaN when there is no finite value.
    /// - Throws: `PlotError.unknownSeries`, or `.invalidArgument` when `last` < 1.
    public func mean(_ name: String, last: Int? = nil) throws -> Double {
        if let last, last < 1 { throw PlotError.invalidArgument("mean: last: must be at least 1, got \(last)") }
        let values = try column(name).values
        let window = last.map { values.suffix($0) } ?? values[...]
        var sum = 0.0, n = 0
        for v in window where v.isFinite { sum += v; n += 1 }
        return n == 0 ? .nan : sum / Double(n)
    }

    /// Calls `observer` after every `add`, on the adding thread, outside the log's lock.
    public func addObserver(_ observer: @escaping @Sendable (Record) -> Void) -> ObserverToken {
        lock.withLock {
            nextObserver += 1
            observers[nextObserver] = observer
            return ObserverToken(id: nextObserver)
        }
    }

    public func removeObserver(_ token: ObserverToken) {
        _ = lock.withLock { observers.removeValue(forKey: token.id) }
    }

    /// Fixes the order of columns before any value arrives (CSV import keeps the file's order).
    func declare(_ order: [String]) {
        lock.withLock {
            for name in order where !nameSet.contains(name) {
                nameSet.insert(name)
                names.append(name)
            }
        }
    }

    private func index(of name: String) -> Int { names.firstIndex(of: name) ?? Int.max }
}
