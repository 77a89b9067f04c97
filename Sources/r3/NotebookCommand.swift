import ArgumentParser
import Foundation
import R3Notebook
import R3Runtime
import R3Script

/// `r3 notebook FILE.r3 [-o OUT.md] [--ipynb OUT.ipynb] [--keep-going]`: runs a percent-format
/// notebook cell by cell in one session and writes the Markdown and/or the .ipynb with outputs.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Run a percent-format notebook and write it with its outputs as Markdown and/or .ipynb.",
        discussion: """
            Cells run in order in one session. Printed text, tables (as Markdown), figures (as PNG \
            files in OUT_files/), the value a cell ends with, errors and run times go under each cell. \
            With neither -o nor --ipynb, writes FILE.md next to the notebook. A failing cell stops the \
            run (later cells are written without outputs) unless --keep-going; the documents are \
            written either way, and the exit status is 1 when any cell failed, 130 when interrupted.
            """
    )

    @Argument(help: "The notebook: a script with `# %%` cell markers.")
    var file: String

    @Option(name: .customShort("o"), help: ArgumentHelp("Write the Markdown here.", valueName: "OUT.md"))
    var output: String?

    @Option(name: .customLong("ipynb"), help: ArgumentHelp("Write a Jupyter notebook (nbformat 4.5) here.", valueName: "OUT.ipynb"))
    var ipynb: String?

    @Flag(name: .customLong("keep-going"), help: "Run the cells after a failing one too.")
    var keepGoing = false

    func validate() throws {
        let input = URL(fileURLWithPath: file).standardizedFileURL.path
        for target in [markdownPath, ipynb].compactMap({ $0 }) where URL(fileURLWithPath: target).standardizedFileURL.path == input {
            throw ValidationError("the output '\(target)' is the notebook itself; choose another path")
        }
    }

    /// `-o`, or FILE.md beside the notebook when no output is named at all.
    var markdownPath: String? {
        if let output { return output }
        if ipynb != nil { return nil }
        let path = file as NSString
        return path.pathExtension.isEmpty ? file + ".md" : path.deletingPathExtension + ".md"
    }

    func run() throws {
        var status: Int32 = 0
        let file = self.file, keepGoing = self.keepGoing, markdown = markdownPath, ipynb = self.ipynb
        Interpreter.runOnLargeStack {
            Interrupt.installHandler()
            status = NotebookCommand.execute(file: file, keepGoing: keepGoing, markdown: markdown, ipynb: ipynb)
        }
        fflush(stdout)
        if status != 0 { throw ExitCode(status) }
    }

    static func execute(file: String, keepGoing: Bool, markdown: String?, ipynb: String?) -> Int32 {
        let run: NotebookRunner.Run
        do {
            run = try NotebookRunner(interpreter: Runtime.makeInterpreter(), keepGoing: keepGoing).run(file: file)
        } catch {
            Terminal.writeError("r3 notebook: \(error)")
            return 1
        }
        let color = Terminal.colorEnabled(fd: STDERR_FILENO)
        for failure in run.failures {
            let cell = run.document.cells[failure.cell]
            let header = cell.headerLine.map { "cell \(failure.cell + 1) (line \($0))" } ?? "cell \(failure.cell + 1)"
            Terminal.writeError((color ? "\u{1B}[1m" : "") + "\(header) failed:" + (color ? "\u{1B}[0m" : "") + "\n" + failure.message)
        }
        var written: [String] = []
        do {
            if let markdown {
                try MarkdownWriter().write(run.document, to: markdown)
                written.append(markdown)
            }
            if let ipynb {
                try IpynbWriter().write(run.document, to: ipynb)
                written.append(ipynb)
            }
        } catch {
            Terminal.writeError("r3 notebook: \(error)")
            return 1
        }
        let figures = run.document.cells.reduce(0) { count, cell in
            count + cell.outputs.filter { if case .image = $0 { return true } else { return false } }.count
        }
        let code = run.document.cells.filter { $0.kind == .code && !$0.isEmpty }.count
        var summary = "ran \(run.executed) of \(code) code cell\(code == 1 ? "" : "s") in \(String(format: "%.2f", run.seconds)) s"
        if figures > 0 { summary += ", \(figures) figure\(figures == 1 ? "" : "s")" }
        if !run.failures.isEmpty { summary += ", \(run.failures.count) failed" }
        print("\(summary); wrote \(written.joined(separator: ", "))")
        if run.interrupted { return 130 }
        return run.failures.isEmpty ? 0 : 1
    }
}
