import Foundation

/// The one error type of R3Models: a message that names the thing that is wrong
/// (the file and tensor, the config key, the character and its offset, the step ...).
public struct ModelError: Error, CustomStringConvertible, LocalizedError, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}
