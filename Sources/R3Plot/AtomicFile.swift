import Foundation

/// Writes `data` to `path` atomically: a temporary file in the same directory, flushed to disk,
/// then renamed over the destination, so readers see the old file or the new one, never half.
/// - Throws: `PlotError.io` naming the path and the system's reason.
public func writeAtomically(_ data: Data, to path: String) throws {
    let destination = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
    let directory = destination.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw PlotError.io(path: path, reason: "directory '\(directory.path)' does not exist")
    }
    let temporary = directory.appendingPathComponent(
        ".\(destination.lastPathComponent).r3tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw PlotError.io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
    var failure: String?
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += n
        }
    }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil, rename(temporary.path, destination.path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
        unlink(temporary.path)
        throw PlotError.io(path: path, reason: "cannot write: \(failure)")
    }
}
