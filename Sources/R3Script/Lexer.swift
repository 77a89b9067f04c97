/// Turns source bytes into tokens. Newlines are tokens (they end statements) except inside
/// parentheses, brackets and interpolations. Errors are collected and lexing goes on, so one run
/// reports every bad character and unterminated string.
struct Lexer {
    private enum Nesting {
        case paren, bracket, brace
        /// Inside `\( ... )` of a string; the string resumes at the matching `)`.
        case interpolation(multiline: Bool, indent: [UInt8])
    }

    private let source: SourceFile
    private let bytes: [UInt8]
    private var pos = 0
    private var nesting: [Nesting] = []
    private(set) var tokens: [Token] = []
    private(set) var errors: [ScriptError] = []
    /// True when the input ended inside a bracket or a string: the REPL then asks for more lines.
    private(set) var endedInsideOpenConstruct = false

    init(_ source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    static func tokenize(_ source: SourceFile) -> (tokens: [Token], errors: [ScriptError], incomplete: Bool) {
        var lexer = Lexer(source)
        while !lexer.finished { lexer.lexMore() }
        return (lexer.tokens, lexer.errors, lexer.endedInsideOpenConstruct)
    }

    /// True once the end-of-input token is in `tokens`.
    private(set) var finished = false

    /// Lexes until at least one more token is in `tokens` (the last one is `.eof`). The parser pulls
    /// tokens this way, so when it gives up early (input nested too deeply) the rest of a huge
    /// file is never lexed.
    mutating func lexMore() {
        guard !finished else { return }
        let count = tokens.count
        while tokens.count == count {
            skipSpacesAndComments()
            guard pos < bytes.count else {
                finish()
                return
            }
            let start = pos
            let c = bytes[pos]
            if c == UInt8(ascii: "\n") {
                pos += 1
                if newlinesMatter, let last = tokens.last?.kind, last != .newline { add(.newline, start) }
                continue
            }
            if isIdentifierStart(c) { lexIdentifier(); continue }
            if isDigit(c) { lexNumber(); continue }
            if c == UInt8(ascii: "\"") { lexStringLiteral(); continue }
            lexPunctuation(c, start)
        }
    }

    private mutating func finish() {
        finished = true
        if !nesting.isEmpty {
            endedInsideOpenConstruct = true
            let what: String
            switch nesting.last! {
            case .paren: what = "'(' is never closed"
            case .bracket: what = "'[' is never closed"
            case .brace: what = "'{' is never closed"
            case .interpolation: what = "unterminated interpolation in string"
            }
            if let open = openOffsets.last { error(what, at: open) } else { error(what, at: bytes.count) }
        }
        add(.eof, bytes.count, length: 0)
    }

    /// Offsets of the currently open brackets, for "never closed" errors.
    private var openOffsets: [Int] = []

    private var newlinesMatter: Bool {
        switch nesting.last {
        case nil, .brace?: return true
        default: return false
        }
    }

    private mutating func add(_ kind: TokenKind, _ start: Int, length: Int? = nil) {
        tokens.append(Token(kind: kind, offset: start, length: length ?? max(0, pos - start)))
    }

    /// Past this many errors the lexer stops: the rest is not worth reading.
    static let maxErrors = 50

    private mutating func error(_ message: String, at offset: Int) {
        guard errors.count < Lexer.maxErrors else { return }
        errors.append(ScriptError(message, kind: .syntax, at: SourceLocation(file: source, offset: offset)))
        if errors.count == Lexer.maxErrors {
            errors.append(ScriptError("too many errors; stopping here", kind: .syntax, at: SourceLocation(file: source, offset: offset)))
            pos = bytes.count
        }
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        pos + ahead < bytes.count ? bytes[pos + ahead] : 0
    }

    private mutating func skipSpacesAndComments() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                pos += 1
            } else if c == UInt8(ascii: "#") {
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
            } else if c == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "\n") {
                pos += 2  // an explicit line continuation
            } else {
                return
            }
        }
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }
    private func isIdentifierPart(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }

    // identifier → [A-Za-z_][A-Za-z0-9_]*
    private mutating func lexIdentifier() {
        let start = pos
        while pos < bytes.count, isIdentifierPart(bytes[pos]) { pos += 1 }
        let word = String(decoding: bytes[start..<pos], as: UTF8.self)
        add(TokenKind.keywords[word] ?? .identifier(word), start)
    }

    // number → digits ("." digits)? ([eE] [+-]? digits)? | "0x" hexdigits ; "_" separates digits
    private mutating func lexNumber() {
        let start = pos
        if peek() == UInt8(ascii: "0"), peek(1) == UInt8(ascii: "x") || peek(1) == UInt8(ascii: "X") {
            pos += 2
            var value: Double = 0
            var any = false
            while pos < bytes.count, let d = hexValue(bytes[pos]) ?? (bytes[pos] == 95 ? -1 : nil) {
                if d >= 0 { value = value * 16 + Double(d); any = true }
                pos += 1
            }
            if !any { error("hexadecimal number needs digits after '0x'", at: start) }
            add(.number(value), start)
            return
        }
        var text: [UInt8] = []
        func digits(_ lexer: inout Lexer) {
            while lexer.pos < lexer.bytes.count, lexer.isDigit(lexer.bytes[lexer.pos]) || lexer.bytes[lexer.pos] == 95 {
                if lexer.bytes[lexer.pos] != 95 { text.append(lexer.bytes[lexer.pos]) }
                lexer.pos += 1
            }
        }
        digits(&self)
        // A '.' followed by a digit is a fraction; '..' is a range operator and '.name' a member.
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            text.append(UInt8(ascii: "."))
            pos += 1
            digits(&self)
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            let save = pos
            var exponent: [UInt8] = [UInt8(ascii: "e")]
            pos += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { exponent.append(peek()); pos += 1 }
            if isDigit(peek()) {
                text += exponent
                digits(&self)
            } else {
                pos = save
            }
        }
        if pos < bytes.count, isIdentifierStart(bytes[pos]) {
            let bad = pos
            while pos < bytes.count, isIdentifierPart(bytes[pos]) { pos += 1 }
            error("invalid number '\(String(decoding: bytes[start..<pos], as: UTF8.self))'", at: bad)
        }
        add(.number(Double(String(decoding: text, as: UTF8.self)) ?? .nan), start)
    }

    private func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case 48...57: return Int(c) - 48
        case 65...70: return Int(c) - 55
        case 97...102: return Int(c) - 87
        default: return nil
        }
    }

    private mutating func lexPunctuation(_ c: UInt8, _ start: Int) {
        pos += 1
        func next(_ ch: Character) -> Bool {
            if peek() == UInt8(ascii: ch.unicodeScalars.first!) { pos += 1; return true }
            return false
        }
        switch c {
        case UInt8(ascii: "("):
            nesting.append(.paren); openOffsets.append(start); add(.leftParen, start)
        case UInt8(ascii: ")"):
            if case .interpolation(let multiline, let indent)? = nesting.last {
                nesting.removeLast(); openOffsets.removeLast()
                lexStringBody(start: start, multiline: multiline, indent: indent, afterInterpolation: true)
                return
            }
            close(.paren, start); add(.rightParen, start)
        case UInt8(ascii: "["):
            nesting.append(.bracket); openOffsets.append(start); add(.leftBracket, start)
        case UInt8(ascii: "]"): close(.bracket, start); add(.rightBracket, start)
        case UInt8(ascii: "{"):
            nesting.append(.brace); openOffsets.append(start); add(.leftBrace, start)
        case UInt8(ascii: "}"): close(.brace, start); add(.rightBrace, start)
        case UInt8(ascii: ","): add(.comma, start)
        case UInt8(ascii: ":"): add(.colon, start)
        case UInt8(ascii: ";"): add(.semicolon, start)
        case UInt8(ascii: "@"): add(.at, start)
        case UInt8(ascii: "?"): add(next("?") ? .questionQuestion : .question, start)
        case UInt8(ascii: "."):
            if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: "<") { pos += 2; add(.halfOpenRange, start) }
            else if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: ".") { pos += 2; add(.closedRange, start) }
            else { add(.dot, start) }
        case UInt8(ascii: "+"): add(next("=") ? .plusEqual : .plus, start)
        case UInt8(ascii: "-"):
            if next(">") { add(.arrow, start) } else { add(next("=") ? .minusEqual : .minus, start) }
        case UInt8(ascii: "*"):
            if next("*") { add(.starStar, start) } else { add(next("=") ? .starEqual : .star, start) }
        case UInt8(ascii: "/"): add(next("=") ? .slashEqual : .slash, start)
        case UInt8(ascii: "%"): add(next("=") ? .percentEqual : .percent, start)
        case UInt8(ascii: "="): add(next("=") ? .equalEqual : .equal, start)
        case UInt8(ascii: "!"): add(next("=") ? .bangEqual : .bang, start)
        case UInt8(ascii: "<"): add(next("=") ? .lessEqual : .less, start)
        case UInt8(ascii: ">"): add(next("=") ? .greaterEqual : .greater, start)
        case UInt8(ascii: "&"):
            if next("&") { add(.ampAmp, start) } else { error("unexpected character '&' (did you mean '&&'?)", at: start) }
        case UInt8(ascii: "|"):
            if next("|") { add(.pipePipe, start) } else { error("unexpected character '|' (did you mean '||'?)", at: start) }
        default:
            // Consume a whole UTF-8 sequence so one bad character gives one error.
            while pos < bytes.count, bytes[pos] & 0xC0 == 0x80 { pos += 1 }
            let ch = String(decoding: bytes[start..<pos], as: UTF8.self)
            let shown = ch.unicodeScalars.first.map { $0.value < 32 || $0.value == 127 ? "U+\(String($0.value, radix: 16, uppercase: true))" : ch } ?? ch
            error("unexpected character '\(shown)'", at: start)
            add(.invalid, start)
        }
    }

    private mutating func close(_ kind: Nesting, _ offset: Int) {
        let name: String
        switch kind {
        case .paren: name = ")"
        case .bracket: name = "]"
        default: name = "}"
        }
        guard let top = nesting.last else {
            error("unbalanced '\(name)': nothing to close", at: offset)
            return
        }
        switch (top, kind) {
        case (.paren, .paren), (.bracket, .bracket), (.brace, .brace):
            nesting.removeLast(); openOffsets.removeLast()
        default:
            let expected: String
            switch top {
            case .paren: expected = ")"
            case .bracket: expected = "]"
            case .brace: expected = "}"
            case .interpolation: expected = ")"
            }
            error("unbalanced '\(name)': expected '\(expected)' to close the bracket opened at "
                  + "\(SourceLocation(file: source, offset: openOffsets.last!))", at: offset)
            // Recover: pop up to a matching opener if there is one, else ignore this closer.
            if let i = nesting.lastIndex(where: {
                switch ($0, kind) {
                case (.paren, .paren), (.bracket, .bracket), (.brace, .brace): return true
                default: return false
                }
            }) {
                nesting.removeSubrange(i...); openOffsets.removeSubrange(i...)
            }
        }
    }

    // string → '"' (char | escape | '\(' expression ')')* '"'
    //        | '"""' newline lines newline indent '"""'
    private mutating func lexStringLiteral() {
        let start = pos
        if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
            pos += 3
            // The opening delimiter must end its line.
            while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") || peek() == UInt8(ascii: "\r") { pos += 1 }
            if pos >= bytes.count {
                // `let s = """` as the last line typed: the REPL reads on.
                error("unterminated multi-line string", at: start)
                endedInsideOpenConstruct = true
                return
            }
            guard peek() == UInt8(ascii: "\n") else {
                error("a multi-line string starts with '\"\"\"' at the end of a line", at: start)
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
                return
            }
            pos += 1
            guard let indent = closingIndent(from: pos) else {
                error("unterminated multi-line string", at: start)
                endedInsideOpenConstruct = true
                pos = bytes.count
                return
            }
            lexStringBody(start: start, multiline: true, indent: indent, afterInterpolation: false, atLineStart: true)
            return
        }
        pos += 1
        lexStringBody(start: start, multiline: false, indent: [], afterInterpolation: false)
    }

    private func isTripleQuote(at j: Int) -> Bool {
        j + 2 < bytes.count && bytes[j] == 34 && bytes[j + 1] == 34 && bytes[j + 2] == 34
    }

    /// The whitespace before the closing `"""`: every content line must start with it.
    private func closingIndent(from: Int) -> [UInt8]? {
        var i = from
        while i < bytes.count {
            var j = i
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
            if isTripleQuote(at: j) {
                return Array(bytes[i..<j])
            }
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            i += 1
        }
        return nil
    }

    /// Reads string text up to the closing quote or an interpolation `\(`.
    private mutating func lexStringBody(start: Int, multiline: Bool, indent: [UInt8],
                                        afterInterpolation: Bool, atLineStart: Bool = false) {
        var text: [UInt8] = []
        var lineStart = atLineStart
        func finish(_ lexer: inout Lexer, interpolating: Bool) {
            let s = String(decoding: text, as: UTF8.self)
            let kind: TokenKind
            switch (afterInterpolation, interpolating) {
            case (false, false): kind = .string(s)
            case (false, true): kind = .interpolationStart(s)
            case (true, true): kind = .interpolationMiddle(s)
            case (true, false): kind = .interpolationEnd(s)
            }
            lexer.add(kind, start)
        }
        while true {
            if multiline && lineStart {
                // Strip the closing delimiter's indentation; detect the closing line.
                var j = pos
                while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
                if isTripleQuote(at: j) {
                    if text.last == UInt8(ascii: "\n") { text.removeLast() }
                    pos = j + 3
                    finish(&self, interpolating: false)
                    return
                }
                if bytes[pos..<min(bytes.count, pos + indent.count)].elementsEqual(indent) {
                    pos += indent.count
                } else if j < bytes.count, bytes[j] != UInt8(ascii: "\n"), bytes[j] != UInt8(ascii: "\r") {
                    error("this line of a multi-line string is indented less than its closing '\"\"\"'", at: pos)
                    pos = j
                } else {
                    pos = j  // a blank line
                }
                lineStart = false
            }
            guard pos < bytes.count else {
                error(multiline ? "unterminated multi-line string" : "unterminated string", at: start)
                // A multi-line string may go on in the next REPL line; a one-line string may not.
                if multiline { endedInsideOpenConstruct = true }
                finish(&self, interpolating: false)
                return
            }
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") && !multiline {
                pos += 1
                finish(&self, interpolating: false)
                return
            }
            if c == UInt8(ascii: "\n") {
                if !multiline {
                    error("unterminated string (a string ends on the line it starts; use \"\"\" for several lines)", at: start)
                    finish(&self, interpolating: false)
                    return
                }
                text.append(c); pos += 1; lineStart = true
                continue
            }
            if c == UInt8(ascii: "\\") {
                let escapeStart = pos
                pos += 1
                guard pos < bytes.count else { continue }
                let e = bytes[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "n"): text.append(10)
                case UInt8(ascii: "t"): text.append(9)
                case UInt8(ascii: "r"): text.append(13)
                case UInt8(ascii: "0"): text.append(0)
                case UInt8(ascii: "\\"): text.append(92)
                case UInt8(ascii: "\""): text.append(34)
                case UInt8(ascii: "'"): text.append(39)
                case UInt8(ascii: "u"):
                    if let scalar = unicodeEscape() { text += Array(String(Character(scalar)).utf8) }
                    else { error("invalid unicode escape: use \\u{XXXX}", at: escapeStart) }
                case UInt8(ascii: "("):
                    finish(&self, interpolating: true)
                    nesting.append(.interpolation(multiline: multiline, indent: indent))
                    openOffsets.append(escapeStart)
                    return
                case UInt8(ascii: "\n") where multiline:
                    lineStart = true  // a backslash at the end of a line joins it with the next
                default:
                    error("unknown escape '\\\(String(decoding: [e], as: UTF8.self))'", at: escapeStart)
                }
                continue
            }
            text.append(c)
            pos += 1
        }
    }

    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard peek() == UInt8(ascii: "{") else { return nil }
        pos += 1
        var value: UInt32 = 0
        var count = 0
        while let d = hexValue(peek()), count < 8 { value = value * 16 + UInt32(d); pos += 1; count += 1 }
        guard peek() == UInt8(ascii: "}"), count > 0 else { return nil }
        pos += 1
        return Unicode.Scalar(value)
    }
}
