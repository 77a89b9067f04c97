/// The kinds of token the lexer produces.
public enum TokenKind: Equatable, Sendable {
    // Literals and names.
    case identifier(String)
    case number(Double)
    /// A whole string literal without interpolation.
    case string(String)
    /// The text before the first `\(` of an interpolated string.
    case interpolationStart(String)
    /// The text between two interpolations.
    case interpolationMiddle(String)
    /// The text after the last interpolation, up to the closing quote.
    case interpolationEnd(String)

    // Keywords.
    case kwLet, kwVar, kwFn, kwReturn, kwIf, kwElse, kwWhile, kwFor, kwIn, kwBreak, kwContinue
    case kwTrue, kwFalse, kwNil, kwTry, kwCatch, kwImport

    // Punctuation and operators.
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, colon, semicolon, dot, question, questionQuestion
    case plus, minus, star, slash, percent, starStar, at
    case equal, plusEqual, minusEqual, starEqual, slashEqual, percentEqual
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case ampAmp, pipePipe, bang
    case halfOpenRange, closedRange, arrow

    case newline
    case eof
    /// A character the lexer rejected (already reported); the parser skips the statement quietly.
    case invalid

    static let keywords: [String: TokenKind] = [
        "let": .kwLet, "var": .kwVar, "fn": .kwFn, "return": .kwReturn, "if": .kwIf, "else": .kwElse,
        "while": .kwWhile, "for": .kwFor, "in": .kwIn, "break": .kwBreak, "continue": .kwContinue,
        "true": .kwTrue, "false": .kwFalse, "nil": .kwNil, "try": .kwTry, "catch": .kwCatch,
        "import": .kwImport,
    ]

    /// How the token reads in an error message.
    public var display: String {
        switch self {
        case .identifier(let n): return "'\(n)'"
        case .number: return "a number"
        case .string, .interpolationStart: return "a string"
        case .interpolationMiddle, .interpolationEnd: return "the rest of a string"
        case .newline: return "a new line"
        case .eof: return "the end of the input"
        default:
            if let word = TokenKind.keywords.first(where: { $0.value == self })?.key { return "'\(word)'" }
            return "'\(symbol)'"
        }
    }

    var symbol: String {
        switch self {
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .comma: return ","
        case .colon: return ":"
        case .semicolon: return ";"
        case .dot: return "."
        case .question: return "?"
        case .questionQuestion: return "??"
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .starStar: return "**"
        case .at: return "@"
        case .equal: return "="
        case .plusEqual: return "+="
        case .minusEqual: return "-="
        case .starEqual: return "*="
        case .slashEqual: return "/="
        case .percentEqual: return "%="
        case .equalEqual: return "=="
        case .bangEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .ampAmp: return "&&"
        case .pipePipe: return "||"
        case .bang: return "!"
        case .halfOpenRange: return "..<"
        case .closedRange: return "..."
        case .arrow: return "->"
        default: return "\(self)"
        }
    }
}

/// A token and where it starts.
public struct Token: Sendable {
    public let kind: TokenKind
    /// Byte offset of the first character in the source.
    public let offset: Int
    /// Byte length of the token's text.
    public let length: Int
}
