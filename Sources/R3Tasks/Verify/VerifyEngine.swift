#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts from one `VerifyEngine` run.
public struct VerifySummary: Sendable, Equatable, CustomStringConvertible {
    /// Input lines that were not blank (each produced one output line).
    public var lines = 0
    public var passed = 0
    public var failed = 0
    /// Lines that could not be read as a task with a completion (also counted in `failed`).
    public var errors = 0

    public var description: String {
        "\(lines) line\(lines == 1 ? "" : "s"): \(passed) passed, \(failed) failed (\(errors) bad input line\(errors == 1 ? "" : "s"))"
    }
}

/// The engine of `r3 verify`: reads JSONL records `{<task fields>..., "completion": "..."}` and writes
/// one JSON line per record, in order, `{"passed": true, "score": 1.0, "reason": "correct"}`, so that
/// TRL, verl or any other trainer can use R3's verifiers as a reward function over a pipe.
///
/// Protocol (see docs/tasks.md):
/// - Each non-blank input line produces exactly one output line, written as soon as the input chunk
///   holding it has been read (so a caller can write one line and wait for its answer). Blank lines
///   produce nothing.
/// - A line that is not valid JSON, lacks the completion, or has bad task fields produces a failure
///   line whose reason names the line: `{"passed": false, "score": 0.0, "reason": "line 3: field
///   \"target\": missing", "error": true}`; the run continues.
/// - Lines longer than `maxLineBytes` are answered with an error line and skipped.
public struct VerifyEngine {
    /// The kind of task every line holds: `.countdown` or `.functionCalling`.
    public var kind: TaskKind
    public var countdown: CountdownVerifier
    public var functionCalling: FunctionCallingVerifier
    /// The field that holds the model output.
    public var completionField: String
    /// The longest input line accepted.
    public var maxLineBytes: Int

    /// An engine; throws for `.text` (no built-in verifier reads free-form tasks).
    public init(kind: TaskKind, countdown: CountdownVerifier = CountdownVerifier(extraction: .answerTags),
                functionCalling: FunctionCallingVerifier = FunctionCallingVerifier(),
                completionField: String = "completion", maxLineBytes: Int = 64 << 20) throws(VerifierError) {
        guard kind != .text else { throw VerifierError(message: "r3 verify supports countdown and function_calling tasks") }
        self.kind = kind
        self.countdown = countdown
        self.functionCalling = functionCalling
        self.completionField = completionField
        self.maxLineBytes = maxLineBytes
    }

    /// The verdict for one input line (its bytes, without the newline), and whether the line was bad.
    public func verifyLine(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> (verdict: Verdict, badInput: Bool) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: bytes)
        } catch let e as JSONParseError {
            return (.fail("line \(lineNumber), column \(e.column): \(e.message)"), true)
        } catch {
            return (.fail("line \(lineNumber): \(error)"), true)
        }
        guard let object = value.objectValue else {
            return (.fail("line \(lineNumber): expected a JSON object, got \(value.kindDescription)"), true)
        }
        let completion: String
        do {
            completion = try object.requireString(completionField)
        } catch {
            return (.fail("line \(lineNumber): \(error)"), true)
        }
        do {
            switch kind {
            case .countdown:
                return (countdown.verify(try CountdownTask(json: value), completion), false)
            case .functionCalling:
                return (functionCalling.verify(try FunctionCallingTask(json: value), completion), false)
            case .text:
                return (.fail("line \(lineNumber): text tasks are not supported"), true)
            }
        } catch {
            return (.fail("line \(lineNumber): \(error)"), true)
        }
    }

    /// Appends the output line for a verdict.
    static func writeResult(_ v: Verdict, badInput: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: v.passed ? #"{"passed":true,"score":"#.utf8 : #"{"passed":false,"score":"#.utf8)
        out.append(contentsOf: (v.score == 1 ? "1.0" : v.score == 0 ? "0.0" : v.score.description).utf8)
        out.append(contentsOf: #","reason":"#.utf8)
        JSONSerializer.writeString(v.reason, to: &out)
        if badInput { out.append(contentsOf: #","error":true"#.utf8) }
        out.append(contentsOf: "}\n".utf8)
    }

    /// Streams records from `read` to `write`. `read` fills the buffer it is given and returns the
    /// number of bytes read (0 at the end of input); `write` receives whole output lines.
    public func run(read: (UnsafeMutableRawBufferPointer) throws -> Int, write: ([UInt8]) throws -> Void) throws -> VerifySummary {
        var summary = VerifySummary()
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var lineNumber = 0
        var discarding = false  // inside an over-long line, until its newline
        var scanFrom = 0

        func process(_ range: Range<Int>, into out: inout [UInt8]) {
            lineNumber += 1
            if range.count > maxLineBytes {
                record(.fail("line \(lineNumber): longer than \(maxLineBytes) bytes"), bad: true, into: &out)
                return
            }
            pending.withUnsafeBufferPointer { p in
                var r = trimmed(p, range)
                if lineNumber == 1 && r.count >= 3 && p[r.lowerBound] == 0xEF && p[r.lowerBound + 1] == 0xBB && p[r.lowerBound + 2] == 0xBF {
                    r = (r.lowerBound + 3)..<r.upperBound
                }
                guard !r.isEmpty else { return }
                let (verdict, bad) = verifyLine(UnsafeBufferPointer(rebasing: p[r]), lineNumber: lineNumber)
                record(verdict, bad: bad, into: &out)
            }
        }

        func record(_ verdict: Verdict, bad: Bool, into out: inout [UInt8]) {
            summary.lines += 1
            if verdict.passed { summary.passed += 1 } else { summary.failed += 1 }
            if bad { summary.errors += 1 }
            Self.writeResult(verdict, badInput: bad, to: &out)
        }

        while true {
            let n = try chunk.withUnsafeMutableBytes { try read($0) }
            var out: [UInt8] = []
            if n > 0 {
                pending.append(contentsOf: chunk[0..<min(n, chunk.count)])
            }
            var start = 0
            var i = scanFrom
            while i < pending.count {
                if pending[i] == 0x0A {
                    if discarding {
                        discarding = false
                    } else {
                        process(start..<i, into: &out)
                    }
                    start = i + 1
                }
                i += 1
            }
            if n <= 0 && start < pending.count && !discarding {
                process(start..<pending.count, into: &out)
                start = pending.count
            }
            pending.removeFirst(start)
            scanFrom = pending.count
            if !discarding && pending.count > maxLineBytes {
                lineNumber += 1
                record(.fail("line \(lineNumber): longer than \(maxLineBytes) bytes"), bad: true, into: &out)
                discarding = true
            }
            if discarding {
                pending.removeAll(keepingCapacity: true)
                scanFrom = 0
            }
            if !out.isEmpty { try write(out) }
            if n <= 0 { return summary }
        }
    }

    /// Streams from one file descriptor to another (for example stdin to stdout).
    public func run(inputFileDescriptor input: Int32, outputFileDescriptor output: Int32) throws -> VerifySummary {
        try run(read: { buffer in
            while true {
                let n = Self.systemRead(input, buffer.baseAddress, buffer.count)
                if n >= 0 { return n }
                if errno == EINTR { continue }
                throw VerifierError(message: "cannot read the input: \(String(cString: strerror(errno)))")
            }
        }, write: { bytes in
            try bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Self.systemWrite(output, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw VerifierError(message: "cannot write the output: \(String(cString: strerror(errno)))")
                    }
                    offset += n
                }
            }
        })
    }

    private static func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer?, _ n: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, p, n)
        #else
        return Darwin.read(fd, p, n)
        #endif
    }

    private static func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, p, n)
        #else
        return Darwin.write(fd, p, n)
        #endif
    }
}
