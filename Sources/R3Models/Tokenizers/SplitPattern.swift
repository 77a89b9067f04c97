/// Hand-written matchers for the pre-tokenizer regexes of GPT-2, Llama-3 and Qwen2, with the exact
/// leftmost-first backtracking semantics of the Oniguruma regexes that Hugging Face tokenizers runs
/// (`\p{L}` letters, `\p{N}` numbers, `\s` Unicode White_Space):
///
///     GPT-2:  's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
///     Llama-3: (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
///     Qwen2:   the Llama-3 pattern with \p{N} in place of \p{N}{1,3}
enum SplitPattern: Equatable {
    case gpt2
    /// Llama-3 (`maxDigits` 3) and Qwen2 (`maxDigits` 1).
    case llama3(maxDigits: Int)

    static let gpt2Source = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#
    static let llama3Source = #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
    static let qwen2Source = #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#

    /// Recognises one of the known patterns (nil for anything else).
    init?(regex: String) {
        switch regex {
        case Self.gpt2Source: self = .gpt2
        case Self.llama3Source: self = .llama3(maxDigits: 3)
        case Self.qwen2Source: self = .llama3(maxDigits: 1)
        default: return nil
        }
    }

    /// Character classes the patterns distinguish.
    enum Class: UInt8 { case letter, number, newline, space, other }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> Class {
        let v = s.value
        if v < 128 {
            switch v {
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x30...0x39: return .number
            case 0x0A, 0x0D: return .newline
            case 0x09, 0x0B, 0x0C, 0x20: return .space
            default: return .other
            }
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .decimalNumber, .letterNumber, .otherNumber: return .number
        default: return s.properties.isWhitespace ? .space : .other
        }
    }

    /// Splits `s` into consecutive pieces (ranges covering all of `s`), one per regex match.
    func pieces(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        let cls = s.map(Self.classify)
        var out: [Range<Int>] = []
        var i = 0
        while i < s.count {
            let end = match(s, cls, i)
            out.append(i..<end)
            i = end
        }
        return out
    }

    /// The end of the match at `i` (always > i: the patterns match every character).
    private func match(_ s: [Unicode.Scalar], _ c: [Class], _ i: Int) -> Int {
        let n = s.count
        func isSpace(_ k: Int) -> Bool { c[k] == .space || c[k] == .newline }
        // Contractions.
        if s[i] == "'", i + 1 < n {
            let caseless: Bool
            if case .gpt2 = self { caseless = false } else { caseless = true }
            func at(_ k: Int, _ ch: Unicode.Scalar) -> Bool {
                guard k < n else { return false }
                if s[k] == ch { return true }
                return caseless && s[k].value == ch.value - 32
            }
            if at(i + 1, "s") || at(i + 1, "t") || at(i + 1, "m") || at(i + 1, "d") { return i + 2 }
            if (at(i + 1, "r") && at(i + 2, "e")) || (at(i + 1, "v") && at(i + 2, "e")) || (at(i + 1, "l") && at(i + 2, "l")) {
                return i + 3
            }
        }
        switch self {
        case .gpt2:
            let j0 = s[i] == " " ? i + 1 : i
            if j0 < n {
                for want in [Class.letter, .number] where c[j0] == want {
                    var j = j0
                    while j < n && c[j] == want { j += 1 }
                    return j
                }
                if c[j0] == .other {
                    var j = j0
                    while j < n && c[j] == .other { j += 1 }
                    return j
                }
            }
        case .llama3(let maxDigits):
            // [^\r\n\p{L}\p{N}]?\p{L}+
            let j0 = (c[i] == .space || c[i] == .other) ? i + 1 : i
            if j0 < n, c[j0] == .letter {
                var j = j0
                while j < n && c[j] == .letter { j += 1 }
                return j
            }
            if c[i] == .letter {
                var j = i
                while j < n && c[j] == .letter { j += 1 }
                return j
            }
            // \p{N}{1,maxDigits}
            if c[i] == .number {
                var j = i + 1
                while j < n && j - i < maxDigits && c[j] == .number { j += 1 }
                return j
            }
            //  ?[^\s\p{L}\p{N}]+[\r\n]*
            let k0 = s[i] == " " ? i + 1 : i
            if k0 < n, c[k0] == .other {
                var j = k0
                while j < n && c[j] == .other { j += 1 }
                while j < n && c[j] == .newline { j += 1 }
                return j
            }
            // \s*[\r\n]+ : up to and including the last newline of the whitespace run.
            if isSpace(i) {
                var j = i
                var lastNewline = -1
                while j < n && isSpace(j) {
                    if c[j] == .newline { lastNewline = j }
                    j += 1
                }
                if lastNewline >= 0 { return lastNewline + 1 }
            }
        }
        // \s+(?!\S) | \s+
        if isSpace(i) {
            var j = i
            while j < n && isSpace(j) { j += 1 }
            if j == n || j - 1 == i { return j }
            return j - 1
        }
        return i + 1
    }
}
