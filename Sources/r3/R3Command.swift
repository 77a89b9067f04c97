import ArgumentParser
import Foundation
import R3Runtime
import R3Script

@main
struct R3Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "r3",
        abstract: "A scripting environment for research on self-improving language models.",
        discussion: """
            With no arguments, r3 opens the REPL. `r3 FILE` runs a script or a percent-format notebook;
            `r3 -e CODE` runs code; a script piped to stdin runs as a file.
            """,
        version: Runtime.version,
        subcommands: [RunCommand.self, NotebookCommand.self, VerifyCommand.self, BenchCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// The everyday forms (`r3`, `r3 -e CODE`, `r3 FILE ARGS...` without options) start without
    /// the argument parser, whose set-up (type metadata by reflection) is a tenth of the start-up
    /// time; everything else goes through it.
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        let subcommands: Set<String> = ["run", "notebook", "verify", "bench", "help"]
        if args.isEmpty {
            Foundation.exit(RunCommand.execute(code: nil, file: nil, arguments: []))
        }
        if args.count == 2, args[0] == "-e" {
            Foundation.exit(RunCommand.execute(code: args[1], file: nil, arguments: []))
        }
        if !subcommands.contains(args[0]), args.allSatisfy({ !$0.hasPrefix("-") }) {
            Foundation.exit(RunCommand.execute(code: nil, file: args[0], arguments: Array(args.dropFirst())))
        }
        main(nil)
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script or notebook (the default), or open the REPL when there is nothing to run."
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run CODE instead of a file.", valueName: "CODE"))
    var code: String?

    @Argument(help: "The script or notebook to run.")
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script, in its global `args`.")
    var scriptArguments: [String] = []

    func run() throws {
        let status = RunCommand.execute(code: code, file: file, arguments: scriptArguments)
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs code, a file, stdin or the REPL; returns the exit status.
    static func execute(code: String?, file: String?, arguments args: [String]) -> Int32 {
        var status: Int32 = 0
        Interpreter.runOnLargeStack {
            Interrupt.installHandler()
            if let code {
                status = Runner.run(SourceFile(name: "<-e>", text: code), arguments: [file].compactMap { $0 } + args)
            } else if let file {
                status = Runner.runFile(file, arguments: args)
            } else if isatty(STDIN_FILENO) == 0 {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                status = Runner.run(SourceFile(name: "<stdin>", text: String(decoding: data, as: UTF8.self)), arguments: args)
            } else {
                status = REPL(interpreter: Runtime.makeInterpreter(arguments: args)).run()
            }
        }
        fflush(stdout)
        return status
    }
}

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a benchmark and print one line of key=value figures per measure.",
        discussion: "Benchmarks: \(Benchmarks.names.joined(separator: ", ")). Options are passed as --key value."
    )

    @Argument(help: "The benchmark to run.")
    var name: String

    @Argument(parsing: .captureForPassthrough, help: "Options such as --config tiny --batch 32.")
    var options: [String] = []

    func run() throws {
        var parsed: [String: String] = [:]
        var i = 0
        while i < options.count {
            let key = options[i]
            guard key.hasPrefix("--") else { throw ValidationError("expected an option like --config, got '\(key)'") }
            let value = i + 1 < options.count && !options[i + 1].hasPrefix("--") ? options[i + 1] : "true"
            parsed[String(key.dropFirst(2))] = value
            i += value == "true" && (i + 1 >= options.count || options[i + 1].hasPrefix("--")) ? 1 : 2
        }
        var failure: Error?
        let name = self.name, opts = parsed
        Interpreter.runOnLargeStack {
            do {
                for line in try Benchmarks.run(name, options: opts) {
                    print(line)
                    fflush(stdout)
                }
            } catch {
                failure = error
            }
        }
        if let failure {
            FileHandle.standardError.write(Data("r3 bench: \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}
