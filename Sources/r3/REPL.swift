import CReadline
import Foundation
import R3Runtime
import R3Script

/// The interactive session on GNU readline: line editing, history in ~/.r3_history, completion of
/// names and of members after a dot, a continuation prompt while brackets or strings are open,
/// Ctrl-C that interrupts a running computation (or clears the line), and Ctrl-D to leave.
final class REPL {
    static let prompt = "r3> "
    static let continuationPrompt = "...> "

    let interpreter: Interpreter
    private let historyPath: String
    private var pending = ""
    private var finished = false

    /// The session readline's C callbacks reach.
    nonisolated(unsafe) static var current: REPL?
    nonisolated(unsafe) static var receivedLine: String?
    nonisolated(unsafe) static var receivedEOF = false

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        historyPath = ProcessInfo.processInfo.environment["R3_HISTORY"] ?? (home as NSString).appendingPathComponent(".r3_history")
    }

    func run() -> Int32 {
        REPL.current = self
        setUpReadline()
        print("r3 \(Runtime.version): type :help for help, :quit or Ctrl-D to leave.")
        fflush(stdout)
        while !finished {
            guard let line = readLine(prompt: pending.isEmpty ? REPL.prompt : REPL.continuationPrompt) else {
                print("")
                break
            }
            handle(line)
        }
        write_history(historyPath)
        history_truncate_file(historyPath, 2000)
        return 0
    }

    // MARK: - Reading

    private func setUpReadline() {
        rl_readline_name = UnsafePointer(strdup("r3"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 1
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n\"\\'`@$><=;|&{([,+-*/%!?:."))
        rl_attempted_completion_function = { text, start, _ in
            rl_attempted_completion_over = 1  // no file-name completion
            rl_completion_append_character = 0  // `xs.sor<Tab>` gives `xs.sorted`, ready for `(`
            guard let text else { return nil }
            REPL.completionCandidates = REPL.current?.completions(for: String(cString: text), start: Int(start)) ?? []
            return rl_completion_matches(text) { _, state in
                if state == 0 { REPL.completionIndex = 0 }
                guard REPL.completionIndex < REPL.completionCandidates.count else { return nil }
                REPL.completionIndex += 1
                return strdup(REPL.completionCandidates[REPL.completionIndex - 1])
            }
        }
        using_history()
        stifle_history(2000)
        // A multi-line entry (a function, a loop) stays one entry across sessions: the file marks
        // each entry with a timestamp line, and the lines between two marks are read back as one.
        history_write_timestamps = 1
        history_multiline_entries = 1
        read_history(historyPath)
    }

    nonisolated(unsafe) static var completionCandidates: [String] = []
    nonisolated(unsafe) static var completionIndex = 0

    /// Reads one line with the callback interface, so that Ctrl-C at the prompt clears the line
    /// instead of killing the session. Returns nil at end of input (Ctrl-D).
    private func readLine(prompt: String) -> String? {
        REPL.receivedLine = nil
        REPL.receivedEOF = false
        rl_callback_handler_install(prompt) { raw in
            if let raw {
                REPL.receivedLine = String(cString: raw)
                free(raw)
            } else {
                REPL.receivedEOF = true
            }
            rl_callback_handler_remove()
        }
        while REPL.receivedLine == nil && !REPL.receivedEOF {
            var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, -1)
            if Interrupt.clear() {
                // Ctrl-C at the prompt: drop the line (and any unfinished block) and start over.
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_replace_line("", 0)
                rl_crlf()
                rl_callback_handler_remove()
                pending = ""
                return readLine(prompt: REPL.prompt)
            }
            if ready > 0 { rl_callback_read_char() }
        }
        return REPL.receivedEOF ? nil : REPL.receivedLine
    }

    // MARK: - Evaluating

    private func handle(_ line: String) {
        if pending.isEmpty, line.trimmingCharacters(in: .whitespaces).hasPrefix(":") {
            add_history(line)
            command(line.trimmingCharacters(in: .whitespaces))
            return
        }
        pending += pending.isEmpty ? line : "\n" + line
        if Interpreter.needsMoreInput(pending) { return }
        let code = pending
        pending = ""
        guard !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        add_history(code)
        append_history(1, historyPath)
        evaluate(SourceFile(name: "<repl>", text: code))
    }

    private func evaluate(_ source: SourceFile) {
        Interrupt.clear()
        do {
            let value = try interpreter.run(source)
            // A figure or table result is drawn (on the terminal) instead of echoed as text.
            if try !Runtime.displayResult(value, in: interpreter), let value, !value.isNil {
                print(Formatter.repr(value))
            }
        } catch let e as ScriptError {
            fflush(stdout)
            Terminal.writeError(Diagnostics.render(e, color: Terminal.colorEnabled(fd: STDERR_FILENO)))
        } catch {
            fflush(stdout)
            Terminal.writeError("error: \(error)")
        }
        finishInput()
    }

    /// Shows pending tables and ends live plots and progress bars, so the prompt starts below them.
    private func finishInput() {
        let problems = Runtime.finishInput(interpreter)
        fflush(stdout)
        for line in problems { Terminal.writeError(line) }
    }

    private func command(_ text: String) {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case ":quit", ":q", ":exit":
            finished = true
        case ":help", ":h":
            print(Help.text(for: argument.isEmpty ? nil : argument, interpreter: interpreter))
        case ":load", ":l":
            guard !argument.isEmpty else { Terminal.writeError(":load needs a file name"); return }
            Interrupt.clear()
            do {
                try interpreter.runFile(argument)
            } catch let e as ScriptError {
                fflush(stdout)
                Terminal.writeError(Diagnostics.render(e, color: Terminal.colorEnabled(fd: STDERR_FILENO)))
            } catch {
                Terminal.writeError("error: \(error)")
            }
            finishInput()
        case ":reset":
            interpreter.reset()
            print("session reset: user definitions cleared")
        default:
            Terminal.writeError("unknown command \(parts[0]); the commands are :help [name], :load FILE, :reset, :quit")
        }
        fflush(stdout)
    }

    // MARK: - Completion

    /// Candidates for the word being completed: members after a dot, otherwise names in scope.
    func completions(for word: String, start: Int) -> [String] {
        let line = rl_line_buffer.map { String(cString: $0) } ?? ""
        let bytes = Array(line.utf8)
        if start > 0, start <= bytes.count, bytes[start - 1] == UInt8(ascii: ".") {
            let before = String(decoding: bytes[..<(start - 1)], as: UTF8.self)
            guard let object = receiver(of: before) else { return [] }
            return CoreMethods.memberNames(of: object).filter { $0.hasPrefix(word) }
        }
        let keywords = ["let", "var", "fn", "return", "if", "else", "while", "for", "in", "break", "continue",
                        "true", "false", "nil", "try", "catch", "import"]
        return Set(interpreter.globals.definedNames + keywords).filter { $0.hasPrefix(word) }.sorted()
    }

    /// The value of a dotted name chain (`cfg.model`) at the end of `text`, without calling anything.
    private func receiver(of text: String) -> Value? {
        var chain = ""
        for ch in text.reversed() {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "." { chain.insert(ch, at: chain.startIndex) } else { break }
        }
        let names = chain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = names.first, !first.isEmpty, var value = interpreter.globals.value(named: first) else { return nil }
        for name in names.dropFirst() {
            switch value {
            case .dict(let d): guard let v = d[name] else { return nil }; value = v
            case .native(let o): guard let v = try? o.property(name) else { return nil }; value = v
            default: return nil
            }
        }
        return value
    }
}
