import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a folder atomically: `fill` writes into a fresh temporary sibling, which then replaces
/// `destination` in one step (Linux renameat2 RENAME_EXCHANGE, or a plain rename when the
/// destination does not exist yet). A crash before the swap leaves the previous folder untouched;
/// a crash after it leaves the new one. Stale temporaries of earlier crashes are removed.
///
/// Only a model folder is ever replaced: an existing destination must be a folder whose entries are
/// all files of a model folder (Hugging Face model and tokenizer files, checkpoint state). Anything
/// else there (a file in place of the folder, notes, data, subfolders) is an error and nothing is
/// written, so saving to the wrong path loses no data.
enum AtomicFolder {
    /// The files of a model or checkpoint folder, which a save may replace.
    static let modelFolderFiles: Set<String> = [
        "config.json", "generation_config.json", "model.safetensors", "model.safetensors.index.json",
        "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json",
        "vocab.json", "merges.txt", "chat_template.jinja", "optimizer.safetensors", "trainer_state.json", "metrics.csv",
    ]

    /// Throws unless `destination` is absent, or a folder holding only model-folder files.
    static func checkReplaceable(_ destination: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: destination.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw ModelError("\(destination.path): is a file, not a model folder; nothing was written (save to a new or empty folder)")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: destination.path)) ?? []
        let foreign = entries.filter { name in
            var entryIsDirectory: ObjCBool = false
            let exists = fm.fileExists(atPath: destination.appendingPathComponent(name).path, isDirectory: &entryIsDirectory)
            let shard = name.hasPrefix("model-") && name.hasSuffix(".safetensors")
            return (exists && entryIsDirectory.boolValue) || !(modelFolderFiles.contains(name) || shard)
        }.sorted()
        guard foreign.isEmpty else {
            let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", ..." : "")
            throw ModelError("\(destination.path): holds \(foreign.count) entr\(foreign.count == 1 ? "y" : "ies") that \(foreign.count == 1 ? "is" : "are") not part of a model folder (\(shown)); "
                + "nothing was written: save to a new or empty folder, or remove them first")
        }
    }

    /// Test hook: runs after the temporary folder is complete and before it replaces the destination
    /// (a test throws here to simulate a kill between the write and the rename).
    nonisolated(unsafe) static var beforeSwapHook: ((URL) throws -> Void)?

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Atomically swaps two paths with renameat2(RENAME_EXCHANGE); false where unavailable.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let f = unsafeBitCast(sym, to: RenameAt2.self)
        let renameExchange: UInt32 = 2, atCWD: Int32 = -100
        return f(atCWD, a, atCWD, b, renameExchange) == 0
    }

    static func write(_ destination: URL, _ fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        do { try fm.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw ModelError("\(parent.path): cannot create the folder (\(posixReason(error)))")
        }
        try checkReplaceable(destination)
        let prefix = ".\(name).tmp-"
        for stale in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where stale.hasPrefix(prefix) {
            if let pid = Int32(stale.dropFirst(prefix.count).split(separator: "-").first ?? ""), pid != getpid(), kill(pid, 0) != 0 {
                try? fm.removeItem(at: parent.appendingPathComponent(stale))
            }
        }
        let tmp = parent.appendingPathComponent("\(prefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do { try fm.createDirectory(at: tmp, withIntermediateDirectories: false) } catch {
            throw ModelError("\(destination.path): cannot be written (\(posixReason(error)))")
        }
        do {
            try fill(tmp)
            try beforeSwapHook?(tmp)
            if fm.fileExists(atPath: destination.path) {
                if exchange(tmp.path, destination.path) {
                    try? fm.removeItem(at: tmp)  // now holds the previous contents
                } else {
                    // No RENAME_EXCHANGE on this filesystem: move the old folder aside, then rename.
                    let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
                    try? fm.removeItem(at: old)
                    guard rename(destination.path, old.path) == 0, rename(tmp.path, destination.path) == 0 else {
                        throw ModelError("\(destination.path): cannot be replaced (\(String(cString: strerror(errno))))")
                    }
                    try? fm.removeItem(at: old)
                }
            } else if rename(tmp.path, destination.path) != 0 {
                throw ModelError("\(destination.path): cannot be written (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? fm.removeItem(at: tmp)
            throw error
        }
    }
}

/// The system's reason for a failed file operation ("Permission denied", "Is a directory"), which
/// Foundation on Linux hides behind "The operation could not be completed".
func posixReason(_ error: Error) -> String {
    let ns = error as NSError
    if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    return ns.localizedDescription
}
