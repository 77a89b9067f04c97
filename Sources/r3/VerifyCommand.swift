import ArgumentParser
import Foundation
import R3Runtime
import R3Script

/// `r3 verify`: R3's verifiers as a JSONL filter (a reward function over a pipe for TRL, verl or
/// any trainer). The work is `TaskVerifyCommand` in R3Runtime; this file reads the arguments.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify model outputs: JSONL records in, one {\"passed\", \"score\", \"reason\"} line per record out.",
        discussion: """
            Each input line holds the task fields and the model output: {"nums": [44, 19, 35], "target": 98, \
            "completion": "<answer>44+19+35</answer>"} for countdown, an xlam record plus "completion" for \
            function-calling. Each non-blank line gets one output line, in order, written as soon as it is read: \
            {"passed":true,"score":1.0,"reason":"correct"}. A line that cannot be read gets "passed":false with \
            the reason and "error":true; the run goes on.

            VERIFIER is countdown, function-calling, or a script FILE.r3 that defines `verify`: either a function \
            fn verify(task, output) returning true/false, a score in [0, 1] or ["passed": ..., "score": ..., \
            "reason": ...], or a verifier object (let verify = regexVerifier("...")). A script verifier gets a \
            Task when the record's fields say its kind (nums/target, query/tools/answers, prompt), else the \
            record as a dictionary; an error inside it fails that line only. The script's print output goes to \
            stderr. A summary line goes to stderr at the end (unless --quiet).
            """
    )

    @Argument(help: ArgumentHelp("countdown, function-calling, or a FILE.r3 that defines verify.", valueName: "verifier"))
    var verifier: String

    @Option(help: ArgumentHelp("The JSONL input; - reads stdin.", valueName: "file"))
    var input: String

    @Option(help: ArgumentHelp("Write the results here (atomically: a temporary file, then a rename) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "Read the answer from the last <answer>...</answer> (countdown's default).")
    var answerTags = false

    @Flag(help: "Read the answer from the first line of the output (compact prompts).")
    var firstLine = false

    @Option(help: ArgumentHelp("Where built-in verifiers read the answer. countdown: line, tags, whole; function-calling: strict (default), line, lenient, tags, tool_call.", valueName: "name"))
    var extraction: String?

    @Option(help: ArgumentHelp("The field that holds the model output.", valueName: "name"))
    var completionField = "completion"

    @Option(help: ArgumentHelp("Script verifiers: read every record as this task kind (countdown, function-calling, text) instead of detecting it.", valueName: "kind"))
    var kind: String?

    @Flag(help: "Do not print the summary line on stderr.")
    var quiet = false

    func validate() throws {
        if [answerTags, firstLine, extraction != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give at most one of --answer-tags, --first-line and --extraction")
        }
        guard let output, output != "-" else { return }
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        if input != "-", resolved(output) == resolved(input) {
            throw ValidationError("the output '\(output)' is the input file; verdicts would overwrite the rollouts: choose another path")
        }
        if verifier.hasSuffix(".r3"), resolved(output) == resolved(verifier) {
            throw ValidationError("the output '\(output)' is the verifier script; choose another path")
        }
    }

    func run() throws {
        let command = TaskVerifyCommand(
            verifier: verifier, input: input, output: output,
            extraction: answerTags ? "tags" : firstLine ? "line" : extraction,
            completionField: completionField, kind: kind)
        var status: Int32 = 0
        let quiet = self.quiet
        Interpreter.runOnLargeStack {
            if command.verifier.hasSuffix(".r3") { Interrupt.installHandler() }
            do {
                let summary = try command.run()
                if !quiet { Terminal.writeError("r3 verify: \(summary)") }
            } catch let e as ScriptError {
                Terminal.writeError(Diagnostics.render(e, color: Terminal.colorEnabled(fd: STDERR_FILENO)))
                status = e.kind == .interrupt ? 130 : 1
            } catch {
                Terminal.writeError("r3 verify: \(error)")
                status = 1
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
