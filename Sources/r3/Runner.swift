import Foundation
import R3Runtime
import R3Script

/// Runs scripts from files, `-e` and stdin; prints errors to stderr and returns the exit status.
enum Runner {
    static func runFile(_ path: String, arguments: [String]) -> Int32 {
        lineBufferOutput()
        let interp = Runtime.makeInterpreter(arguments: arguments)
        return report {
            try interp.runFile(path)
        }
    }

    static func run(_ source: SourceFile, arguments: [String]) -> Int32 {
        lineBufferOutput()
        let interp = Runtime.makeInterpreter(arguments: arguments)
        return report { try interp.run(source) }
    }

    /// Scripts and notebooks run for minutes: piped to a log or `tee`, each printed line shows up
    /// when it is printed, not when the buffer fills or the run ends.
    private static func lineBufferOutput() {
        setvbuf(stdout, nil, _IOLBF, 0)
    }

    private static func report(_ body: () throws -> Value?) -> Int32 {
        do {
            _ = try body()
            fflush(stdout)
            return 0
        } catch let e as ScriptError {
            fflush(stdout)
            Terminal.writeError(Diagnostics.render(e, color: Terminal.colorEnabled(fd: STDERR_FILENO)))
            return e.kind == .interrupt ? 130 : 1
        } catch {
            fflush(stdout)
            Terminal.writeError("error: \(error)")
            return 1
        }
    }
}

enum Terminal {
    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func colorEnabled(fd: Int32) -> Bool {
        isatty(fd) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
