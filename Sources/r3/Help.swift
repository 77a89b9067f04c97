import R3Script

/// The text of `:help` and `:help NAME`.
enum Help {
    static func text(for name: String?, interpreter: Interpreter) -> String {
        guard let name else {
            let groups = Dictionary(grouping: interpreter.help.keys.sorted()) { key -> String in
                key.contains(".") ? String(key.split(separator: ".")[0]) : ""
            }
            var out = """
                Commands: :help [name]  :load FILE  :reset  :quit (or Ctrl-D)
                Ctrl-C interrupts a running computation; Tab completes names and members after a dot.

                Functions:
                """
            out += "\n" + wrap(groups[""] ?? [])
            for owner in groups.keys.sorted() where !owner.isEmpty {
                out += "\n\n\(owner):\n" + wrap(groups[owner]!.map { String($0.dropFirst(owner.count + 1)) })
            }
            return out + "\n\n:help NAME shows one, e.g. :help print or :help list.map"
        }
        if let b = interpreter.help[name] {
            return "\(b.signature)\n\n\(b.doc)"
        }
        let matches = interpreter.help.keys.filter { $0.hasSuffix("." + name) }.sorted()
        if !matches.isEmpty {
            return matches.map { "\(interpreter.help[$0]!.signature)\n  \(interpreter.help[$0]!.doc)" }.joined(separator: "\n\n")
        }
        var message = "no help for '\(name)'"
        if let guess = Spelling.suggest(name, among: Array(interpreter.help.keys)) { message += " (did you mean '\(guess)'?)" }
        return message
    }

    private static func wrap(_ names: [String], width: Int = 88) -> String {
        var lines: [String] = [], line = " "
        for n in names {
            if line.count + n.count + 2 > width { lines.append(line); line = " " }
            line += " " + n
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
