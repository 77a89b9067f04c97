/// The binary operators, their precedence (higher binds tighter) and associativity: the one table
/// the parser's precedence climbing reads.
enum BinaryForm {
    case arithmetic(BinaryOperator)
    case and, or, coalesce
    case range(inclusive: Bool)
}

struct BinaryRule {
    let token: TokenKind
    let precedence: Int
    let form: BinaryForm
    let rightAssociative: Bool
}

enum Precedence {
    // The order of Swift's precedence groups, with `**` above multiplication.
    static let or = 1
    static let and = 2
    static let comparison = 3
    static let coalesce = 4
    static let range = 5
    static let additive = 6
    static let multiplicative = 7
    static let power = 8

    static let rules: [BinaryRule] = [
        BinaryRule(token: .questionQuestion, precedence: coalesce, form: .coalesce, rightAssociative: true),
        BinaryRule(token: .pipePipe, precedence: or, form: .or, rightAssociative: false),
        BinaryRule(token: .ampAmp, precedence: and, form: .and, rightAssociative: false),
        BinaryRule(token: .equalEqual, precedence: comparison, form: .arithmetic(.equal), rightAssociative: false),
        BinaryRule(token: .bangEqual, precedence: comparison, form: .arithmetic(.notEqual), rightAssociative: false),
        BinaryRule(token: .less, precedence: comparison, form: .arithmetic(.less), rightAssociative: false),
        BinaryRule(token: .lessEqual, precedence: comparison, form: .arithmetic(.lessEqual), rightAssociative: false),
        BinaryRule(token: .greater, precedence: comparison, form: .arithmetic(.greater), rightAssociative: false),
        BinaryRule(token: .greaterEqual, precedence: comparison, form: .arithmetic(.greaterEqual), rightAssociative: false),
        BinaryRule(token: .halfOpenRange, precedence: range, form: .range(inclusive: false), rightAssociative: false),
        BinaryRule(token: .closedRange, precedence: range, form: .range(inclusive: true), rightAssociative: false),
        BinaryRule(token: .plus, precedence: additive, form: .arithmetic(.add), rightAssociative: false),
        BinaryRule(token: .minus, precedence: additive, form: .arithmetic(.subtract), rightAssociative: false),
        BinaryRule(token: .star, precedence: multiplicative, form: .arithmetic(.multiply), rightAssociative: false),
        BinaryRule(token: .slash, precedence: multiplicative, form: .arithmetic(.divide), rightAssociative: false),
        BinaryRule(token: .percent, precedence: multiplicative, form: .arithmetic(.remainder), rightAssociative: false),
        BinaryRule(token: .at, precedence: multiplicative, form: .arithmetic(.matmul), rightAssociative: false),
        BinaryRule(token: .starStar, precedence: power, form: .arithmetic(.power), rightAssociative: true),
    ]

    static func rule(for token: TokenKind) -> BinaryRule? {
        rules.first { $0.token == token }
    }

    /// The compound assignment operators and the binary operator each applies.
    static let compoundAssignments: [(TokenKind, BinaryOperator)] = [
        (.plusEqual, .add), (.minusEqual, .subtract), (.starEqual, .multiply),
        (.slashEqual, .divide), (.percentEqual, .remainder),
    ]
}
