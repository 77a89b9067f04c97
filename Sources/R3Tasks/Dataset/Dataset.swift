import R3Random

/// An ordered collection of tasks or records, with the operations an experiment needs.
///
/// Operations return new datasets; `shuffled(seed:)` draws from `R3Random.RandomGenerator`, so the
/// same seed gives the same order everywhere.
public struct Dataset<Element> {
    /// The elements in order.
    public private(set) var elements: [Element]

    public init(_ elements: [Element] = []) {
        self.elements = elements
    }

    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }

    /// The element at `index` (0-based; traps when out of range, like an Array; see `element(at:)`).
    public subscript(index: Int) -> Element { elements[index] }

    /// The element at `index`, or nil when out of range (negative indices are out of range).
    public func element(at index: Int) -> Element? { elements.indices.contains(index) ? elements[index] : nil }

    /// The elements in a random order (Fisher–Yates with `RandomGenerator(seed:)`).
    public func shuffled(seed: UInt64) -> Dataset {
        var rng = RandomGenerator(seed: seed)
        var copy = elements
        rng.shuffle(&copy)
        return Dataset(copy)
    }

    /// The first `round(fraction * count)` elements and the rest, in order (shuffle first for a random
    /// split). Throws unless `fraction` lies in [0, 1].
    public func split(fraction: Double) throws(DatasetError) -> (Dataset, Dataset) {
        guard fraction.isFinite, fraction >= 0, fraction <= 1 else {
            throw DatasetError(message: "split fraction must lie in [0, 1], got \(fraction)")
        }
        let k = Int((fraction * Double(count)).rounded())
        return (Dataset(Array(elements[..<k])), Dataset(Array(elements[k...])))
    }

    /// The first `n` elements (all of them when `n >= count`, none when `n <= 0`).
    public func prefix(_ n: Int) -> Dataset { Dataset(Array(elements.prefix(max(0, n)))) }

    public func map<T>(_ transform: (Element) throws -> T) rethrows -> Dataset<T> { Dataset<T>(try elements.map(transform)) }

    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> Dataset { Dataset(try elements.filter(isIncluded)) }
}

extension Dataset: Sendable where Element: Sendable {}
extension Dataset: Equatable where Element: Equatable {}

/// A dataset operation received a bad argument.
public struct DatasetError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
