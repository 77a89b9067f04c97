import CGnuplot
import Foundation

/// One persistent gnuplot child process (through gnuplot-iostream, see CGnuplot).
///
/// The process starts on first use and stays up, so redraws cost no process start. When it dies
/// (killed, crashed) or stops answering, the call that notices reports `PlotError.gnuplotDied`
/// and the next call starts a fresh process. Not safe to share between threads without a lock;
/// use one `Gnuplot` per figure.
public final class Gnuplot {
    /// Environment used to find the executable: `R3_GNUPLOT` (a path) or `gnuplot` on `PATH`.
    public let environment: [String: String]
    /// Seconds to wait for gnuplot to finish one batch before it is killed.
    public var timeout: Double

    private var session: OpaquePointer?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, timeout: Double = 60) {
        self.environment = environment
        self.timeout = timeout
    }

    deinit { close() }

    /// The running child's process id, or nil when no process is up.
    public var processID: Int32? {
        guard let session else { return nil }
        let pid = r3gp_pid(session)
        return pid > 0 ? pid : nil
    }

    /// Finds the gnuplot executable: `R3_GNUPLOT` if set, else the first `gnuplot` on `PATH`.
    /// - Throws: `PlotError.gnuplotMissing` naming the searched PATH and the package to install.
    public static func locate(environment: [String: String]) throws -> String {
        if let explicit = environment["R3_GNUPLOT"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw PlotError.gnuplotMissing(searched: "R3_GNUPLOT=\(explicit)")
            }
            return explicit
        }
        let path = environment["PATH"] ?? ""
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(directory) + "/gnuplot"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
               !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        throw PlotError.gnuplotMissing(searched: path)
    }

    /// Whether a gnuplot executable can be found in `environment`.
    public static func isAvailable(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        (try? locate(environment: environment)) != nil
    }

    /// Runs gnuplot commands (newline-separated) and returns what gnuplot printed.
    /// - Throws: `PlotError.gnuplotError` when gnuplot reports an error, `.gnuplotDied` when the
    ///   process is gone, `.gnuplotMissing` when there is no gnuplot.
    @discardableResult
    public func run(_ commands: String) throws -> String {
        let session = try started()
        var reply = r3gp_reply(status: 0, text: nil)
        commands.withCString { r3gp_command(session, $0, timeout, &reply) }
        return try finish(reply)
    }

    /// Sends `prologue`, one `plot` command over `blocks` (binary (x, y) records, each with its
    /// clause such as `" with lines title 'loss'"`), then `epilogue`; returns gnuplot's output.
    /// Every block must hold at least one point, and x and y the same count.
    @discardableResult
    public func plot(prologue: String, blocks: [PlotBlock], epilogue: String) throws -> String {
        guard !blocks.isEmpty else { throw PlotError.invalidArgument("nothing to plot: no series") }
        for block in blocks where block.x.count != block.y.count || block.x.isEmpty {
            throw PlotError.invalidArgument("internal: plot block with \(block.x.count) x and \(block.y.count) y values")
        }
        let session = try started()
        var reply = r3gp_reply(status: 0, text: nil)
        let clauses = blocks.map { strdup($0.clause) }
        defer { clauses.forEach { free($0) } }
        withColumns(blocks) { columns in
            clauses.map { UnsafePointer($0) }.withUnsafeBufferPointer { clausePointers in
                prologue.withCString { pro in
                    epilogue.withCString { epi in
                        r3gp_plot(session, pro, columns.count, columns.baseAddress, clausePointers.baseAddress,
                                  epi, timeout, &reply)
                    }
                }
            }
        }
        return try finish(reply)
    }

    /// A fresh private directory for one render's output file; the caller removes it, so a process
    /// killed between renders (a closed terminal) leaves nothing behind.
    func makeScratchDirectory() throws -> URL {
        let base = FileManager.default.temporaryDirectory
        let url = base.appendingPathComponent("r3plot-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PlotError.io(path: url.path, reason: "cannot create a temporary directory: \(error.localizedDescription)")
        }
        return url
    }

    /// Stops the gnuplot process (if any).
    public func close() {
        if let session { r3gp_close(session) }
        session = nil
    }

    private func started() throws -> OpaquePointer {
        if let session { return session }
        let executable = try Gnuplot.locate(environment: environment)
        var message = [CChar](repeating: 0, count: 2048)
        guard let opened = r3gp_open(executable, min(timeout, 10), &message, message.count) else {
            throw PlotError.gnuplotUnavailable(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        session = opened
        return opened
    }

    private func finish(_ reply: r3gp_reply) throws -> String {
        let text = reply.text.map { String(cString: $0) } ?? ""
        r3gp_free(reply.text)
        switch Int(reply.status) {
        case Int(R3GP_OK.rawValue):
            return text
        case Int(R3GP_GNUPLOT_ERROR.rawValue):
            throw PlotError.gnuplotError(Gnuplot.errorMessage(in: text))
        case Int(R3GP_DIED.rawValue), Int(R3GP_TIMEOUT.rawValue):
            if let session { r3gp_close(session) }
            session = nil
            throw PlotError.gnuplotDied(text.trimmingCharacters(in: .whitespacesAndNewlines))
        default:
            throw PlotError.gnuplotUnavailable(text)
        }
    }

    /// gnuplot's error lines (`line N: ...`) without the surrounding blank lines and echo.
    static func errorMessage(in output: String) -> String {
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let errors = lines.filter { $0.hasPrefix("line ") || $0.contains("error") }
        let chosen = errors.isEmpty ? lines.filter { !$0.isEmpty && $0 != "^" } : errors
        return chosen.map { line in
            // "line 0: undefined variable: foo" -> "undefined variable: foo"
            if line.hasPrefix("line "), let colon = line.firstIndex(of: ":") {
                return String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            }
            return line
        }.joined(separator: "; ")
    }

    private func withColumns(_ blocks: [PlotBlock], _ body: (UnsafeBufferPointer<r3gp_columns>) -> Void) {
        var columns: [r3gp_columns] = []
        columns.reserveCapacity(blocks.count)
        func nest(_ index: Int) {
            if index == blocks.count {
                columns.withUnsafeBufferPointer(body)
                return
            }
            blocks[index].x.withUnsafeBufferPointer { x in
                blocks[index].y.withUnsafeBufferPointer { y in
                    columns.append(r3gp_columns(x: x.baseAddress, y: y.baseAddress, count: x.count))
                    nest(index + 1)
                }
            }
        }
        nest(0)
    }
}

/// One data block for `Gnuplot.plot`: (x, y) rows and the clause that styles them.
public struct PlotBlock: Sendable {
    public var x: [Double]
    public var y: [Double]
    /// Text after the data specification, e.g. `" with lines lw 2 title 'loss'"`.
    public var clause: String

    public init(x: [Double], y: [Double], clause: String) {
        self.x = x
        self.y = y
        self.clause = clause
    }
}

/// Whether gnuplot can be found with the process environment (`R3_GNUPLOT` or `PATH`).
public var gnuplotAvailable: Bool { Gnuplot.isAvailable() }
