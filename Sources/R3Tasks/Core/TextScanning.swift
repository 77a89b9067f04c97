/// Byte-level helpers over UTF-8 text shared by the verifiers: no Foundation, no regex.

@inline(__always)
func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }

/// `range` without leading and trailing ASCII whitespace.
func trimmed(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound, hi = range.upperBound
    while lo < hi && isSpaceByte(p[lo]) { lo += 1 }
    while hi > lo && isSpaceByte(p[hi - 1]) { hi -= 1 }
    return lo..<hi
}

/// True when `word` occurs in `p` at `i`.
@inline(__always)
func matches(_ p: UnsafeBufferPointer<UInt8>, at i: Int, _ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    guard i >= 0, i + n <= p.count else { return false }
    let w = word.utf8Start
    for k in 0..<n where p[i + k] != w[k] { return false }
    return true
}

/// The last index in `range` where `word` starts, or nil.
func lastIndex(of word: StaticString, in p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    let n = word.utf8CodeUnitCount
    var i = range.upperBound - n
    let first = word.utf8Start[0]
    while i >= range.lowerBound {
        if p[i] == first && matches(p, at: i, word) { return i }
        i -= 1
    }
    return nil
}

/// The first index in `range` where `word` starts, or nil.
func firstIndex(of word: StaticString, in p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    let n = word.utf8CodeUnitCount
    guard range.upperBound - range.lowerBound >= n else { return nil }
    let first = word.utf8Start[0]
    var i = range.lowerBound
    while i <= range.upperBound - n {
        if p[i] == first && matches(p, at: i, word) { return i }
        i += 1
    }
    return nil
}

/// Where a verifier looks for the answer inside a model output.
public enum AnswerExtraction: String, Sendable, CaseIterable {
    /// The first line after leading whitespace (the compact formats: generation stops at a newline).
    case firstLine = "line"
    /// The content of the last `<answer>...</answer>` pair (the chat formats, TinyZero's rule): the
    /// last `</answer>` that closes an `<answer>`, and the nearest `<answer>` before it. Tags are
    /// case-sensitive.
    case answerTags = "tags"
    /// The whole output, trimmed.
    case whole = "whole"

    /// The byte range of the answer in `p`, or a failure reason.
    func extract(_ p: UnsafeBufferPointer<UInt8>) -> Result<Range<Int>, ExtractionFailure> {
        switch self {
        case .whole:
            return .success(trimmed(p, 0..<p.count))
        case .firstLine:
            var lo = 0
            while lo < p.count && isSpaceByte(p[lo]) { lo += 1 }
            var hi = lo
            while hi < p.count && p[hi] != 0x0A { hi += 1 }
            return .success(trimmed(p, lo..<hi))
        case .answerTags:
            // The last closing tag that closes something: a stray `</answer>` after a complete pair
            // (`<answer>1+2</answer> done </answer>`) is skipped, as TinyZero's regex skips it.
            var end = p.count
            while let close = lastIndex(of: "</answer>", in: p, 0..<end) {
                guard let open = lastIndex(of: "<answer>", in: p, 0..<close) else { break }
                if lastIndex(of: "</answer>", in: p, (open + 8)..<close) == nil { return .success(trimmed(p, (open + 8)..<close)) }
                end = close
            }
            return .failure(.noAnswerTag)
        }
    }
}

enum ExtractionFailure: Error {
    case noAnswerTag
    var reason: String { "no <answer>...</answer> in the output" }
}

/// Runs `body` over the UTF-8 bytes of `s` without copying when `s` is native.
@inline(__always)
func withUTF8Bytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let r = try s.utf8.withContiguousStorageIfAvailable(body) { return r }
    var copy = s
    return try copy.withUTF8(body)
}

/// `s` cut to at most `limit` characters, with "…" when cut (for reasons that quote user text).
func abbreviated(_ s: String, limit: Int = 60) -> String {
    guard let cut = s.index(s.startIndex, offsetBy: limit, limitedBy: s.endIndex), cut < s.endIndex else { return s }
    return String(s[..<cut]) + "…"
}

/// Decodes the UTF-8 scalar at `i` (bytes before `end`): (scalar, byte length), or nil when the
/// bytes are not valid UTF-8 (overlong forms and surrogates are invalid).
func decodeUTF8Scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (UInt32, Int)? {
    guard i < end else { return nil }
    let b0 = p[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    let n: Int, initial: UInt32, minimum: UInt32
    switch b0 {
    case 0xC2...0xDF: n = 2; initial = UInt32(b0 & 0x1F); minimum = 0x80
    case 0xE0...0xEF: n = 3; initial = UInt32(b0 & 0x0F); minimum = 0x800
    case 0xF0...0xF4: n = 4; initial = UInt32(b0 & 0x07); minimum = 0x10000
    default: return nil
    }
    guard i + n <= end else { return nil }
    var v = initial
    for k in 1..<n {
        let b = p[i + k]
        guard b & 0xC0 == 0x80 else { return nil }
        v = v << 6 | UInt32(b & 0x3F)
    }
    guard v >= minimum, v <= 0x10FFFF, !(v >= 0xD800 && v < 0xE000) else { return nil }
    return (v, n)
}

/// The character at byte `i` for a message: `'x'`, `'é' (U+00E9)`, `U+0007`, or `invalid UTF-8 byte 0xFF`.
func describeCharacter(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> String {
    guard let (v, _) = decodeUTF8Scalar(p, at: i, end: end), let scalar = Unicode.Scalar(v) else {
        return "invalid UTF-8 byte 0x" + String(p[i], radix: 16, uppercase: true)
    }
    if v >= 0x21 && v < 0x7F { return "'\(Character(scalar))'" }
    if v < 0x20 || v == 0x7F || v == 0x20 { return "U+\(hex4(v))" }
    return "'\(Character(scalar))' (U+\(hex4(v)))"
}

/// The 1-based column (in Unicode scalars) of byte `i` counted from byte `start`.
func columnOf(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, from start: Int) -> Int {
    var c = 1
    var k = start
    while k < i {
        if p[k] & 0xC0 != 0x80 { c += 1 }
        k += 1
    }
    return c
}

/// `s` without leading and trailing whitespace, with each inner whitespace run as one space
/// (Unicode whitespace, as `Character.isWhitespace`).
func collapsingWhitespace(_ s: String) -> String {
    // Fast path: ASCII text that is already collapsed comes back as it is.
    var clean = true
    var previousSpace = true  // a leading space is not clean
    for b in s.utf8 {
        if b >= 0x80 || b < 0x20 || (b == 0x20 && previousSpace) { clean = false; break }
        previousSpace = b == 0x20
    }
    if clean && !previousSpace { return s }
    if clean && s.isEmpty { return s }
    var out = ""
    var pendingSpace = false
    for ch in s {
        if ch.isWhitespace {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
    }
    return out
}
