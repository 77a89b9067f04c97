import Foundation

/// The one error type of R3Train: a message that names what is wrong (the task, the step, the
/// checkpoint, the option).
public struct TrainError: Error, CustomStringConvertible, LocalizedError, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}
