import Foundation
import R3Script
import R3Tasks

/// `r3 verify countdown|function-calling|FILE.r3 --input results.jsonl [--output out.jsonl]`: reads
/// JSONL records `{<task fields>..., "completion": "..."}` and writes one line per non-blank input
/// line, in order: `{"passed":true,"score":1.0,"reason":"correct"}`; a line that cannot be read
/// gets `"passed":false` with the reason and `"error":true`, and the run goes on (docs/tasks.md).
///
/// - Built-in kinds stream through R3Tasks' `VerifyEngine` (answers are written as soon as their
///   input chunk is read, so a trainer can keep the process open as a reward function).
/// - FILE.r3 is run once; it must define `verify`: a function `fn verify(task, output)` (returning
///   what `verifier(fn)` accepts) or a verifier object (`let verify = countdown.verifier()`).
///   Each line's task is a Task when its fields say its kind (or `kind` forces one), else the
///   record as a dictionary (without the completion). Errors inside the verifier fail that line
///   only. The script's `print` goes to stderr so that stdout stays JSONL.
/// - `--output` is written to a temporary file renamed over the path at the end (atomic).
public struct TaskVerifyCommand {
    /// "countdown", "function-calling" (or "function_calling", "functionCalling"), or a path ending
    /// in ".r3".
    public var verifier: String
    /// A JSONL path, or "-" for stdin.
    public var input: String
    /// A path, or nil (or "-") for stdout.
    public var output: String?
    /// Where built-in verifiers read the answer: "line", "tags" or "whole" (Countdown; default
    /// "tags"), "strict", "line", "lenient", "tags" or "tool_call" (function calling; default
    /// "strict"). Not for script verifiers.
    public var extraction: String?
    /// The field that holds the model output.
    public var completionField: String
    /// Script verifiers only: read every record as this task kind instead of detecting it.
    public var kind: String?

    public init(verifier: String, input: String, output: String? = nil, extraction: String? = nil,
                completionField: String = "completion", kind: String? = nil) {
        self.verifier = verifier
        self.input = input
        self.output = output
        self.extraction = extraction
        self.completionField = completionField
        self.kind = kind
    }

    /// A problem with the command itself (arguments, files): the run did not happen or stopped.
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// What a run did: `"1000 lines: 400 passed, 600 failed (0 bad input lines)"`.
    public struct Summary: CustomStringConvertible {
        public var lines = 0, passed = 0, failed = 0, errors = 0
        public var description: String {
            "\(lines) line\(lines == 1 ? "" : "s"): \(passed) passed, \(failed) failed (\(errors) bad input line\(errors == 1 ? "" : "s"))"
        }
    }

    /// The longest input line a script verifier is given (as `VerifyEngine`).
    static let maxLineBytes = 64 << 20

    /// Runs the command. Throws `Failure` for bad arguments or files, and a `ScriptError` when the
    /// script does not load (or Ctrl-C stops it).
    public func run() throws -> Summary {
        let builtIn: TaskKind?
        if verifier.hasSuffix(".r3") {
            builtIn = nil
            if extraction != nil { throw Failure(message: "--answer-tags, --first-line and --extraction apply to the built-in verifiers; a script verifier reads the output itself") }
        } else {
            guard let k = TaskValues.kind(verifier), k != .text else {
                throw Failure(message: "unknown verifier '\(verifier)': expected countdown, function-calling or a FILE.r3 that defines verify")
            }
            if kind != nil { throw Failure(message: "--kind applies to script verifiers only") }
            builtIn = k
        }
        var forcedKind: TaskKind?
        if let name = kind {
            guard let k = TaskValues.kind(name) else { throw Failure(message: "--kind must be countdown, function-calling or text, got '\(name)'") }
            forcedKind = k
        }
        // Load the script before opening files, so a broken script leaves no output behind.
        let script = try builtIn == nil ? loadScript() : nil
        let inputFD: Int32 = input == "-" ? STDIN_FILENO : open(input, O_RDONLY)
        guard inputFD >= 0 else { throw Failure(message: "cannot open the input '\(input)': \(String(cString: strerror(errno)))") }
        defer { if inputFD != STDIN_FILENO { close(inputFD) } }
        var isDirectory: ObjCBool = false
        if input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure(message: "the input '\(input)' is a directory, not a JSONL file")
        }
        let sink = try OutputSink(path: output == "-" ? nil : output)
        do {
            let summary: Summary
            if let (interp, verifier) = script {
                summary = try runScript(interp, verifier, forcedKind: forcedKind, inputFD: inputFD, sink: sink)
            } else {
                summary = try runEngine(kind: builtIn ?? .countdown, inputFD: inputFD, outputFD: sink.fd)
            }
            try sink.commit()
            return summary
        } catch {
            sink.discard()
            throw error
        }
    }

    // MARK: - Built-in verifiers

    private func runEngine(kind: TaskKind, inputFD: Int32, outputFD: Int32) throws -> Summary {
        var countdown = CountdownVerifier(extraction: .answerTags)
        var functionCalling = FunctionCallingVerifier()
        if let name = extraction {
            switch kind {
            case .countdown:
                guard let e = AnswerExtraction(rawValue: name) else {
                    throw Failure(message: "--extraction for countdown must be line, tags or whole, got '\(name)'")
                }
                countdown.extraction = e
            default:
                guard let e = FunctionCallingVerifier.Extraction(rawValue: name) else {
                    throw Failure(message: "--extraction for function-calling must be strict, line, lenient, tags or tool_call, got '\(name)'")
                }
                functionCalling.extraction = e
            }
        }
        do {
            let engine = try VerifyEngine(kind: kind, countdown: countdown, functionCalling: functionCalling, completionField: completionField)
            let s = try engine.run(inputFileDescriptor: inputFD, outputFileDescriptor: outputFD)
            return Summary(lines: s.lines, passed: s.passed, failed: s.failed, errors: s.errors)
        } catch let e as VerifierError {
            throw Failure(message: e.message)
        }
    }

    // MARK: - Script verifiers

    /// Runs the script and finds its `verify`.
    private func loadScript() throws -> (Interpreter, VerifierObject) {
        guard FileManager.default.fileExists(atPath: verifier) else { throw Failure(message: "no such script '\(verifier)'") }
        let interp = Runtime.makeInterpreter()
        interp.output = { text in FileHandle.standardError.write(Data(text.utf8)) }
        try interp.runFile(verifier)
        switch interp.globals.value(named: "verify") {
        case .native(let v as VerifierObject)?:
            return (interp, v)
        case let f? where f.isCallable:
            return (interp, VerifierObject(name: verifier, body: .script(f)))
        case let other?:
            throw Failure(message: "\(verifier): 'verify' is a \(other.typeName); it must be a function verify(task, output) or a verifier object")
        case nil:
            throw Failure(message: "\(verifier) does not define 'verify': write fn verify(task, output) { ... } (returning true/false, a score in [0, 1] or [\"passed\": ..., \"score\": ..., \"reason\": ...]), or let verify = verifier(...)")
        }
    }

    private func runScript(_ interp: Interpreter, _ verifier: VerifierObject, forcedKind: TaskKind?,
                           inputFD: Int32, sink: OutputSink) throws -> Summary {
        guard let file = fdopen(dup(inputFD), "r") else {
            throw Failure(message: "cannot read the input '\(input)': \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        // A pipe or terminal gets each answer at once (a trainer waits for it); a file input is
        // answered in 64 KB batches.
        var status = stat()
        let batched = fstat(inputFD, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        var pending = ""
        var summary = Summary()
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        var number = 0
        while true {
            let n = getline(&line, &capacity, file)
            if n < 0 {
                if ferror(file) != 0 { throw Failure(message: "cannot read the input '\(input)': \(String(cString: strerror(errno)))") }
                break
            }
            number += 1
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(line!).assumingMemoryBound(to: UInt8.self), count: n)
            var lo = 0, hi = n
            if number == 1 && n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { lo = 3 }
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 || bytes[lo] == 0x0A || bytes[lo] == 0x0D { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 || bytes[hi - 1] == 0x0A || bytes[hi - 1] == 0x0D { hi -= 1 }
            if lo == hi { continue }
            let verdict: Verdict, bad: Bool
            if hi - lo > Self.maxLineBytes {
                (verdict, bad) = (.fail("line \(number): longer than \(Self.maxLineBytes) bytes"), true)
            } else {
                (verdict, bad) = try check(UnsafeBufferPointer(rebasing: bytes[lo..<hi]), number: number, verifier, interp, forcedKind)
            }
            summary.lines += 1
            if verdict.passed { summary.passed += 1 } else { summary.failed += 1 }
            if bad { summary.errors += 1 }
            var record = JSONObject([("passed", .bool(verdict.passed)), ("score", .double(verdict.score)), ("reason", .string(verdict.reason))])
            if bad { record["error"] = .bool(true) }
            pending += try JSONSerializer.serialize(.object(record), options: .init(nonFiniteAsNull: true)) + "\n"
            if !batched || pending.utf8.count >= 1 << 16 {
                try sink.write(pending)
                pending = ""
            }
        }
        try sink.write(pending)
        return summary
    }

    /// The verdict for one input line, and whether the line was bad input.
    private func check(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, _ verifier: VerifierObject,
                       _ interp: Interpreter, _ forcedKind: TaskKind?) throws -> (Verdict, Bool) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: bytes)
        } catch let e as JSONParseError {
            return (.fail("line \(number), column \(e.column): \(e.message)"), true)
        } catch {
            return (.fail("line \(number): \(error)"), true)
        }
        guard var record = value.objectValue else {
            return (.fail("line \(number): expected a JSON object, got \(value.kindDescription)"), true)
        }
        guard let c = record[completionField] else { return (.fail("line \(number): field \"\(completionField)\": missing"), true) }
        guard let completion = c.stringValue else {
            return (.fail("line \(number): field \"\(completionField)\": expected a string, got \(c.kindDescription)"), true)
        }
        record[completionField] = nil
        let task: Value
        do {
            if let k = forcedKind ?? TaskValues.detectKind(record) {
                task = .native(TaskObject(try TaskValues.task(.object(record), kind: k)))
            } else {
                task = TaskValues.value(.object(record))
            }
            return (try verifier.verdict(task, completion, interpreter: interp), false)
        } catch let e as ScriptError where e.kind != .interrupt {
            return (.fail("line \(number): \(e.message)"), true)
        }
    }
}

/// Where `r3 verify` writes: stdout, or a temporary file beside the output path that `commit`
/// renames over it (so a failed run leaves no half-written output).
final class OutputSink {
    let fd: Int32
    private let path: String?
    private let temporary: String?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            fd = STDOUT_FILENO
            temporary = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw TaskVerifyCommand.Failure(message: "cannot write the output '\(path)': \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        temporary = temp
    }

    /// Writes all of `text`.
    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { p in
            var offset = 0
            while offset < p.count {
                let n = Foundation.write(fd, p.baseAddress! + offset, p.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw TaskVerifyCommand.Failure(message: "cannot write the output: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }

    /// Closes the temporary file and renames it over the output path.
    func commit() throws {
        guard let temporary, let path else { return }
        let failed = fsync(fd) != 0 || close(fd) != 0
        if failed || rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TaskVerifyCommand.Failure(message: "cannot write the output '\(path)': \(reason)")
        }
    }

    /// Removes the temporary file.
    func discard() {
        guard let temporary else { return }
        close(fd)
        unlink(temporary)
    }
}
