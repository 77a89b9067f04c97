/// A recursive-descent parser. Each parse function carries its grammar rule above it. Binary
/// operators come from `Precedence.rules`. On an error the parser records it, skips to the next
/// statement and goes on, so one run reports several errors.
struct Parser {
    /// The deepest nesting of expressions and blocks accepted; deeper input is an error, not a crash.
    static let maxDepth = 2_000

    private struct Abort: Error {}

    /// The tokens, lexed on demand: the parser reads them in order and looks a few ahead, so a
    /// program the parser gives up on (nested too deeply) is not lexed to its end.
    private final class Tokens {
        var lexer: Lexer
        init(_ source: SourceFile) { lexer = Lexer(source) }

        /// The token at `i`, or the end-of-input token past the end.
        subscript(i: Int) -> Token {
            while i >= lexer.tokens.count && !lexer.finished { lexer.lexMore() }
            return i < lexer.tokens.count ? lexer.tokens[i] : lexer.tokens[lexer.tokens.count - 1]
        }
    }

    private let source: SourceFile
    private let tokens: Tokens
    private var current = 0
    private var errors: [ScriptError] = []
    private var depth = 0
    /// Set when nesting went past `maxDepth`: parsing stops rather than recover.
    private var tooDeep = false

    private init(source: SourceFile) {
        self.source = source
        self.tokens = Tokens(source)
    }

    /// Parses a whole program; throws all syntax errors together.
    static func parse(_ source: SourceFile) throws -> [Stmt] {
        var parser = Parser(source: source)
        let program = parser.parseProgram()
        parser.collectLexerErrors()
        try parser.throwErrors()
        return program
    }

    /// Parses a single expression (used for builtin default literals).
    static func parseExpression(_ source: SourceFile) throws -> Expr {
        var parser = Parser(source: source)
        let e = try? parser.expression()
        parser.collectLexerErrors()
        try parser.throwErrors()
        guard let expr = e else { throw ScriptError("not an expression") }
        return expr
    }

    /// Puts the lexer's errors before the parser's (at one position, the lexer's wins). When the
    /// input ended inside an open bracket or string, the lexer already said what is left open, and
    /// the parser's complaints at the end add nothing.
    private mutating func collectLexerErrors() {
        if tokens.lexer.endedInsideOpenConstruct {
            let end = source.bytes.count
            errors.removeAll { $0.location?.offset == end && $0.message.contains("end of the input") }
        }
        errors = tokens.lexer.errors + errors
    }

    /// Whether the text stops inside an open bracket or string, so the REPL should read another line.
    static func needsMoreInput(_ text: String) -> Bool {
        Lexer.tokenize(SourceFile(name: "<repl>", text: text)).incomplete
    }

    private func throwErrors() throws {
        guard var first = errors.first else { return }
        // Report in source order, one per position.
        var seen = Set<Int>()
        let sorted = errors.sorted { ($0.location?.offset ?? 0) < ($1.location?.offset ?? 0) }
            .filter { seen.insert($0.location?.offset ?? -1).inserted }
        first = sorted[0]
        first.more = Array(sorted.dropFirst().prefix(50))
        throw first
    }

    // MARK: - Tokens

    private var peek: TokenKind { tokens[current].kind }
    private var peekNext: TokenKind { tokens[current + 1].kind }
    private var location: SourceLocation { SourceLocation(file: source, offset: tokens[current].offset) }
    private var previousLocation: SourceLocation { SourceLocation(file: source, offset: tokens[max(0, current - 1)].offset) }

    @discardableResult
    private mutating func advance() -> Token {
        let t = tokens[current]
        if t.kind != .eof { current += 1 }
        return t
    }

    private mutating func match(_ kind: TokenKind) -> Bool {
        if peek == kind { advance(); return true }
        return false
    }

    private mutating func expect(_ kind: TokenKind, _ context: String) throws {
        guard peek == kind else { throw fail("expected '\(kind.symbol)' \(context), found \(peek.display)") }
        advance()
    }

    private mutating func skipNewlines() {
        while peek == .newline { advance() }
    }

    private mutating func fail(_ message: String, at loc: SourceLocation? = nil) -> Abort {
        // After a character the lexer rejected, more complaints about the same statement are noise.
        if peek != .invalid { errors.append(ScriptError(message, kind: .syntax, at: loc ?? location)) }
        return Abort()
    }

    private mutating func identifier(_ context: String) throws -> (String, SourceLocation) {
        let loc = location
        guard case .identifier(let name) = peek else {
            throw fail("expected a name \(context), found \(peek.display)")
        }
        advance()
        return (name, loc)
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Parser.maxDepth {
            if !tooDeep {
                errors.append(ScriptError("expression or block nested too deeply (more than \(Parser.maxDepth) levels)",
                                          kind: .syntax, at: location))
            }
            tooDeep = true
            throw Abort()
        }
    }

    private mutating func leave() { depth -= 1 }

    // MARK: - Statements

    // program → (statement (NEWLINE | ";"))* EOF
    private mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        skipSeparators()
        while peek != .eof {
            if peek == .rightBrace {
                errors.append(ScriptError("unbalanced '}'", kind: .syntax, at: location))
                advance()
                skipSeparators()
                continue
            }
            do {
                statements.append(try statement())
                try endOfStatement()
            } catch {
                if tooDeep { break }
                depth = 0
                synchronize()
            }
            skipSeparators()
        }
        return statements
    }

    private mutating func skipSeparators() {
        while peek == .newline || peek == .semicolon { advance() }
    }

    private mutating func endOfStatement() throws {
        switch peek {
        case .newline, .semicolon: advance()
        case .rightBrace, .eof: break
        default: throw fail("expected a new line or ';' after the statement, found \(peek.display)")
        }
    }

    /// Skips to the start of the next statement at the current block level.
    private mutating func synchronize() {
        var braces = 0
        while peek != .eof {
            switch peek {
            case .leftBrace: braces += 1
            case .rightBrace:
                if braces == 0 { return }
                braces -= 1
                if braces == 0 { advance(); return }
            case .newline, .semicolon:
                if braces == 0 { advance(); return }
            default: break
            }
            advance()
        }
    }

    // block → "{" (statement (NEWLINE | ";"))* "}"
    private mutating func block(_ context: String) throws -> [Stmt] {
        try enter()
        defer { leave() }
        guard peek == .leftBrace else { throw fail("expected '{' \(context), found \(peek.display)") }
        advance()
        var statements: [Stmt] = []
        skipSeparators()
        while peek != .rightBrace && peek != .eof {
            do {
                statements.append(try statement())
                try endOfStatement()
            } catch {
                if tooDeep { throw error }
                synchronize()
            }
            skipSeparators()
        }
        try expect(.rightBrace, "to close the block")
        return statements
    }

    // statement → letDecl | fnDecl | ifStmt | whileStmt | forStmt | tryStmt | importStmt
    //           | "return" expression? | "break" | "continue" | block | assignment
    private mutating func statement() throws -> Stmt {
        let loc = location
        switch peek {
        case .kwLet, .kwVar: return try declaration()
        case .kwFn:
            if case .identifier = peekNext { return try functionDeclaration() }
        case .kwIf: return try ifStatement()
        case .kwWhile:
            advance()
            let condition = try expression()
            return .whileLoop(condition, try block("after the while condition"), loc)
        case .kwFor: return try forStatement()
        case .kwTry: return try tryStatement()
        case .kwImport:
            advance()
            guard case .string(let path) = peek else { throw fail("expected a file name in quotes after 'import'") }
            advance()
            return .importFile(path, loc)
        case .kwReturn:
            advance()
            if peek == .newline || peek == .semicolon || peek == .rightBrace || peek == .eof {
                return .returnValue(nil, loc)
            }
            return .returnValue(try expression(), loc)
        case .kwBreak: advance(); return .breakLoop(loc)
        case .kwContinue: advance(); return .continueLoop(loc)
        case .leftBrace: return .block(try block("to start a block"))
        default: break
        }
        return try assignment()
    }

    // letDecl → ("let" | "var") pattern ("=" expression)?     (only var may omit the value)
    private mutating func declaration() throws -> Stmt {
        let loc = location
        let isConstant = advance().kind == .kwLet
        let target = try pattern()
        if match(.equal) {
            skipNewlines()
            return .declare(target, try expression(), isConstant: isConstant, loc)
        }
        if isConstant { throw fail("'let' needs a value: let name = value") }
        return .declare(target, .literal(.null), isConstant: false, loc)
    }

    // pattern → IDENT | "_" | "[" pattern ("," pattern)* "]" | "(" pattern ("," pattern)* ")"
    private mutating func pattern() throws -> Pattern {
        let loc = location
        if case .identifier(let name) = peek {
            advance()
            return name == "_" ? .wildcard : .name(Variable(name: name, slot: .unresolved, location: loc))
        }
        let close: TokenKind
        switch peek {
        case .leftBracket: close = .rightBracket
        case .leftParen: close = .rightParen
        default: throw fail("expected a name or a [a, b] pattern, found \(peek.display)")
        }
        advance()
        var items: [Pattern] = []
        if peek != close {
            repeat { items.append(try pattern()) } while match(.comma) && peek != close
        }
        try expect(close, "to close the pattern")
        return .list(items, loc)
    }

    // fnDecl → "fn" IDENT "(" parameters? ")" block
    private mutating func functionDeclaration() throws -> Stmt {
        advance()
        let (name, loc) = try identifier("after 'fn'")
        let decl = try functionRest(name: name, location: loc)
        return .function(Variable(name: name, slot: .unresolved, location: loc), decl)
    }

    // parameters → IDENT ("=" expression)? ("," IDENT ("=" expression)?)*
    private mutating func functionRest(name: String, location loc: SourceLocation) throws -> FunctionDecl {
        try expect(.leftParen, "to start the parameter list")
        var parameters: [FunctionParameter] = []
        var seenDefault = false
        if peek != .rightParen {
            repeat {
                if peek == .rightParen { break }
                let (pname, ploc) = try identifier("for a parameter")
                if parameters.contains(where: { $0.variable.name == pname }) {
                    throw fail("duplicate parameter '\(pname)'", at: ploc)
                }
                var defaultValue: Expr?
                if match(.equal) {
                    defaultValue = try expression()
                    seenDefault = true
                } else if seenDefault {
                    throw fail("parameter '\(pname)' needs a default value: it follows one that has a default", at: ploc)
                }
                parameters.append(FunctionParameter(variable: Variable(name: pname, slot: .unresolved, location: ploc),
                                                    defaultValue: defaultValue))
            } while match(.comma)
        }
        try expect(.rightParen, "to close the parameter list")
        let body = try block("to start the function body")
        return FunctionDecl(name: name, parameters: parameters, body: body, location: loc)
    }

    // ifStmt → "if" expression block ("else" (ifStmt | block))?
    private mutating func ifStatement() throws -> Stmt {
        let loc = location
        advance()
        let condition = try expression()
        let thenBranch = try block("after the if condition")
        // `else` may follow on the next line.
        let save = current
        skipNewlines()
        guard match(.kwElse) else { current = save; return .ifElse(condition, thenBranch, nil, loc) }
        if peek == .kwIf { return .ifElse(condition, thenBranch, [try ifStatement()], loc) }
        return .ifElse(condition, thenBranch, try block("after 'else'"), loc)
    }

    // forStmt → "for" pattern "in" expression block
    private mutating func forStatement() throws -> Stmt {
        let loc = location
        advance()
        let target = try pattern()
        try expect(.kwIn, "after the loop variable")
        let sequence = try expression()
        return .forIn(target, sequence, try block("after the for sequence"), loc)
    }

    // tryStmt → "try" block "catch" pattern? block
    private mutating func tryStatement() throws -> Stmt {
        let loc = location
        advance()
        let body = try block("after 'try'")
        skipNewlines()
        try expect(.kwCatch, "after the try block")
        var binding: Pattern?
        if peek != .leftBrace { binding = try pattern() }
        return .tryCatch(body, binding, try block("after 'catch'"), loc)
    }

    // assignment → expression (("=" | "+=" | "-=" | "*=" | "/=" | "%=") expression)?
    private mutating func assignment() throws -> Stmt {
        let loc = location
        let target = try expression()
        var op: BinaryOperator?
        if peek == .equal {
            op = nil
        } else if let compound = Precedence.compoundAssignments.first(where: { $0.0 == peek }) {
            op = compound.1
        } else {
            return .expression(target)
        }
        let opLoc = location
        advance()
        skipNewlines()
        let value = try expression()
        switch target {
        case .variable(let v): return .assign(.variable(v), op, value, loc)
        case .index(let object, let indices, let l): return .assign(.index(object, indices, l), op, value, loc)
        case .member(let object, let name, let l): return .assign(.member(object, name, l), op, value, loc)
        default: throw fail("cannot assign to this expression (only to a variable, an item x[i] or a field x.name)", at: opLoc)
        }
    }

    // MARK: - Expressions

    // expression → ternary
    private mutating func expression() throws -> Expr {
        try enter()
        defer { leave() }
        return try ternary()
    }

    // ternary → binary(1) ("?" expression ":" expression)?
    private mutating func ternary() throws -> Expr {
        let condition = try binary(Precedence.or)
        guard peek == .question else { return condition }
        let loc = location
        advance()
        skipNewlines()
        let whenTrue = try expression()
        skipNewlines()
        try expect(.colon, "in the ?: expression")
        skipNewlines()
        let whenFalse = try expression()
        return .ternary(condition, whenTrue, whenFalse, loc)
    }

    // binary(p) → unary (OP binary(p') )*   for every OP of precedence ≥ p in Precedence.rules;
    //             p' = prec(OP) for right-associative operators, prec(OP) + 1 otherwise
    private mutating func binary(_ minimum: Int) throws -> Expr {
        var left = try unary()
        let saved = depth
        defer { depth = saved }
        while let rule = Precedence.rule(for: peek), rule.precedence >= minimum {
            let loc = location
            advance()
            try enter()  // each operator in a chain deepens the tree
            if case .range(let inclusive) = rule.form,
               peek == .rightBracket || peek == .comma || peek == .rightParen {
                left = .range(left, nil, inclusive: inclusive, loc)  // an open range: xs[2...]
                continue
            }
            skipNewlines()
            let right = try binary(rule.rightAssociative ? rule.precedence : rule.precedence + 1)
            switch rule.form {
            case .arithmetic(let op): left = .binary(op, left, right, loc)
            case .and: left = .logical(isAnd: true, left, right, loc)
            case .or: left = .logical(isAnd: false, left, right, loc)
            case .coalesce: left = .coalesce(left, right)
            case .range(let inclusive): left = .range(left, right, inclusive: inclusive, loc)
            }
        }
        return left
    }

    // unary → ("-" | "!") unary | ("..<" | "...") binary(additive) | postfix ("**" unary)?
    //   so that -2 ** 2 == -4, as in Python and mathematics
    private mutating func unary() throws -> Expr {
        let loc = location
        switch peek {
        case .minus, .bang:
            let op: UnaryOperator = advance().kind == .minus ? .negate : .not
            try enter()
            defer { leave() }
            let operand = op == .negate ? try binary(Precedence.power) : try unary()
            if op == .negate, case .literal(.number(let n)) = operand { return .literal(.number(-n)) }
            return .unary(op, operand, loc)
        case .halfOpenRange, .closedRange:
            let inclusive = advance().kind == .closedRange
            return .range(nil, try binary(Precedence.additive), inclusive: inclusive, loc)
        default:
            return try postfix()
        }
    }

    // postfix → primary ("(" arguments? ")" | "[" subscripts "]" | "." IDENT)*
    private mutating func postfix() throws -> Expr {
        var expr = try primary()
        let saved = depth
        defer { depth = saved }
        while true {
            let loc = location
            switch peek {
            case .leftParen:
                try enter()
                advance()
                expr = .call(expr, try arguments(), expr.location ?? loc)
            case .leftBracket:
                try enter()
                advance()
                var indices: [Expr] = []
                repeat {
                    if peek == .rightBracket { break }
                    indices.append(try expression())
                } while match(.comma)
                if indices.isEmpty { throw fail("expected an index inside '[]'") }
                try expect(.rightBracket, "to close the subscript")
                expr = .index(expr, indices, loc)
            case .dot:
                try enter()
                advance()
                let (name, nameLoc) = try memberName()
                if peek == .leftParen {
                    advance()
                    expr = .invoke(expr, name, try arguments(), nameLoc)
                } else {
                    expr = .member(expr, name, nameLoc)
                }
            case .newline:
                // A method chain may continue on the next line: `xs\n  .map(f)`.
                var look = current
                while tokens[look].kind == .newline { look += 1 }
                if tokens[look].kind == .dot { current = look; continue }
                return expr
            default:
                return expr
            }
        }
    }

    /// After a dot: a name, or a keyword used as a field name (`r.in`).
    private mutating func memberName() throws -> (String, SourceLocation) {
        let loc = location
        if case .identifier(let n) = peek { advance(); return (n, loc) }
        if let word = TokenKind.keywords.first(where: { $0.value == peek })?.key { advance(); return (word, loc) }
        if case .number(let n) = peek, n >= 0, n == n.rounded() {
            advance()
            return (Formatter.number(n), loc)  // pair.0 style access
        }
        throw fail("expected a name after '.', found \(peek.display)")
    }

    // arguments → argument ("," argument)* ","?
    // argument  → (IDENT ":")? expression
    private mutating func arguments() throws -> [CallArgument] {
        var args: [CallArgument] = []
        var seenLabel = false
        while peek != .rightParen {
            var label: String?
            if case .identifier(let name) = peek, peekNext == .colon {
                label = name
                advance(); advance()
                seenLabel = true
            } else if seenLabel {
                throw fail("a positional argument cannot follow a named one")
            }
            args.append(CallArgument(label: label, value: try expression()))
            if !match(.comma) { break }
        }
        try expect(.rightParen, "to close the argument list")
        return args
    }

    // primary → NUMBER | STRING | interpolation | "true" | "false" | "nil" | IDENT
    //         | "(" expression ")" | "(" ")" | listOrDict | "fn" "(" parameters? ")" block
    private mutating func primary() throws -> Expr {
        let loc = location
        switch peek {
        case .number(let n): advance(); return .literal(.number(n))
        case .string(let s): advance(); return .literal(.string(s))
        case .interpolationStart(let s): advance(); return try interpolation(first: s)
        case .kwTrue: advance(); return .literal(.bool(true))
        case .kwFalse: advance(); return .literal(.bool(false))
        case .kwNil: advance(); return .literal(.null)
        case .identifier(let name):
            advance()
            return .variable(Variable(name: name, slot: .unresolved, location: loc))
        case .leftParen:
            advance()
            let inner = try expression()
            if peek == .comma {
                // A tuple (a, b) is a list.
                var items = [inner]
                while match(.comma) && peek != .rightParen { items.append(try expression()) }
                try expect(.rightParen, "to close the tuple")
                return .list(items, loc)
            }
            try expect(.rightParen, "to close the parenthesis")
            return inner
        case .leftBracket: return try listOrDict()
        case .kwFn:
            advance()
            return .function(try functionRest(name: "<anonymous fn>", location: loc))
        case .newline:
            throw fail("expected an expression before the end of the line")
        default:
            throw fail("expected an expression, found \(peek.display)")
        }
    }

    // interpolation → INTERP_START expression (INTERP_MIDDLE expression)* INTERP_END
    private mutating func interpolation(first: String) throws -> Expr {
        var parts: [Expr] = first.isEmpty ? [] : [.literal(.string(first))]
        while true {
            parts.append(try expression())
            switch peek {
            case .interpolationMiddle(let s):
                advance()
                if !s.isEmpty { parts.append(.literal(.string(s))) }
            case .interpolationEnd(let s):
                advance()
                if !s.isEmpty { parts.append(.literal(.string(s))) }
                return .interpolation(parts)
            default:
                throw fail("expected ')' to close the interpolation \\( ... ), found \(peek.display)")
            }
        }
    }

    // listOrDict → "[" "]" | "[" ":" "]" | "[" expression ("," expression)* ","? "]"
    //            | "[" expression ":" expression ("," expression ":" expression)* ","? "]"
    private mutating func listOrDict() throws -> Expr {
        let loc = location
        advance()
        if match(.rightBracket) { return .list([], loc) }
        if peek == .colon && peekNext == .rightBracket {
            advance(); advance()
            return .dict([], loc)
        }
        let first = try expression()
        if match(.colon) {
            var pairs = [(first, try expression())]
            while match(.comma) && peek != .rightBracket {
                let key = try expression()
                try expect(.colon, "between a dictionary key and its value")
                pairs.append((key, try expression()))
            }
            try expect(.rightBracket, "to close the dictionary")
            return .dict(pairs, loc)
        }
        var items = [first]
        while match(.comma) && peek != .rightBracket { items.append(try expression()) }
        try expect(.rightBracket, "to close the list")
        return .list(items, loc)
    }
}
