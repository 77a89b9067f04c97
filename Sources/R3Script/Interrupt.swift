import Foundation
import Synchronization

/// Ctrl-C: the signal handler only sets a flag; the interpreter checks it at every loop iteration and
/// call, and long native operations check it between steps, so a run stops cleanly and the session
/// goes on.
public enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    /// True once Ctrl-C was pressed and nobody has handled it yet.
    @inline(__always)
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    public static func request() { flag.store(true, ordering: .relaxed) }

    /// Clears the request; returns whether there was one.
    @discardableResult
    public static func clear() -> Bool { flag.exchange(false, ordering: .relaxed) }

    /// Throws an interrupt error when Ctrl-C was pressed (and clears the request); `location` says
    /// where the script stopped.
    @inline(__always)
    public static func check(at location: SourceLocation? = nil) throws {
        if flag.load(ordering: .relaxed) {
            clear()
            var e = ScriptError.interrupted()
            e.location = location
            throw e
        }
    }

    /// Installs the SIGINT handler that sets the flag.
    public static func installHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocking read returns so the REPL can react
        sigaction(SIGINT, &action, nil)
    }
}

/// Guards the native stack: deep recursion in a script becomes a "stack overflow" error instead of
/// a crash. The interpreter runs on a thread with a large stack (see `Interpreter.runOnLargeStack`).
enum StackGuard {
    /// Bytes kept free below the limit for the error path and native code.
    static let reserve = 512 * 1024

    /// The stack size of the thread the interpreter runs on, when `Interpreter.runOnLargeStack`
    /// made it; otherwise the soft stack limit of the process.
    nonisolated(unsafe) static var threadStackSize = 0

    /// The lowest safe stack address, measured from the current position (close to the top of the
    /// stack when the interpreter starts), or 0 when unknown.
    static func limit() -> UInt {
        var size = threadStackSize
        if size == 0 {
            var rl = rlimit()
            guard getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &rl) == 0, rl.rlim_cur != rlim_t.max else { return 0 }
            size = Int(rl.rlim_cur)
        }
        let here = currentAddress()
        guard size > 2 * reserve, here > UInt(size) else { return 0 }
        return here - UInt(size) + UInt(reserve)
    }

    @inline(__always)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
