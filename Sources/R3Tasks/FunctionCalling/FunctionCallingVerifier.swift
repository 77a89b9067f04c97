/// Checks a model output against a function-calling task. See docs/tasks.md for the exact rules.
///
/// The output must be a JSON list of `{"name": ..., "arguments": {...}}` (a single object counts as
/// a list of one when `acceptSingleObject`). It passes when every call names an offered tool and the
/// calls equal the expected calls as a multiset: same names, same argument names, equal values, where
/// `1 == 1.0`, key order is ignored, and (with `normalizeWhitespace`) strings compare with leading and
/// trailing whitespace removed and inner runs collapsed to one space. Strings are case-sensitive and
/// a string never equals a number. Score: the fraction of calls matched, over the larger of the two
/// call counts (1 on a pass).
public struct FunctionCallingVerifier: Sendable, Equatable {
    /// Where the JSON is read from in the output.
    public enum Extraction: String, Sendable, CaseIterable {
        /// The whole output (trimmed) must be the JSON: no prose, no code fences.
        case strict
        /// The first line (after leading whitespace) must be the JSON: the compact format, where
        /// generation stops at a newline.
        case firstLine = "line"
        /// Tolerates surrounding text and ``` code fences: the content of the first fence if any, else
        /// the JSON value that starts at the first '[' or '{' (what follows it is ignored).
        case lenient
        /// The content of the last `<answer>...</answer>`, parsed strictly.
        case answerTags = "tags"
        /// Every `<tool_call>...</tool_call>` block (Qwen / Hermes chat templates), each one call or a
        /// list of calls, in order.
        case toolCallTags = "tool_call"
    }

    public var extraction: Extraction
    /// Accept a single call object where a list is expected.
    public var acceptSingleObject: Bool
    /// Compare strings modulo surrounding whitespace and inner whitespace runs.
    public var normalizeWhitespace: Bool

    public init(extraction: Extraction = .strict, acceptSingleObject: Bool = true, normalizeWhitespace: Bool = true) {
        self.extraction = extraction
        self.acceptSingleObject = acceptSingleObject
        self.normalizeWhitespace = normalizeWhitespace
    }

    /// The verdict for `output` on `task`.
    public func verify(_ task: FunctionCallingTask, _ output: String) -> Verdict {
        let calls: [FunctionCall]
        switch parseCalls(output) {
        case .success(let c): calls = c
        case .failure(let f): return .fail(f.reason)
        }
        return compare(calls, with: task)
    }

    /// Why an output could not be read as calls.
    public struct ParseFailure: Error, Equatable {
        public let reason: String
    }

    /// The calls in `output`, or why it is not a list of calls.
    public func parseCalls(_ output: String) -> Result<[FunctionCall], ParseFailure> {
        withUTF8Bytes(output) { p in
            let values: [JSONValue]
            switch extractJSON(p) {
            case .success(let v): values = v
            case .failure(let f): return .failure(f)
            }
            var calls: [FunctionCall] = []
            for value in values {
                switch value {
                case .array(let items):
                    for item in items {
                        switch call(item, index: calls.count) {
                        case .success(let c): calls.append(c)
                        case .failure(let f): return .failure(f)
                        }
                    }
                case .object where acceptSingleObject || extraction == .toolCallTags:
                    switch call(value, index: calls.count) {
                    case .success(let c): calls.append(c)
                    case .failure(let f): return .failure(f)
                    }
                default:
                    return .failure(ParseFailure(reason: "expected a JSON list of calls, got \(value.kindDescription)"))
                }
            }
            return .success(calls)
        }
    }

    private func call(_ v: JSONValue, index: Int) -> Result<FunctionCall, ParseFailure> {
        let label = "call \(index + 1)"
        guard let o = v.objectValue else {
            return .failure(ParseFailure(reason: "\(label) is \(v.kindDescription), not an object with \"name\" and \"arguments\""))
        }
        guard let n = o["name"] else { return .failure(ParseFailure(reason: "\(label) has no \"name\"")) }
        guard let name = n.stringValue else { return .failure(ParseFailure(reason: "\(label): \"name\" is \(n.kindDescription), not a string")) }
        do {
            return .success(try FunctionCall(json: v))
        } catch {
            return .failure(ParseFailure(reason: "\(label) (\(name)): \"arguments\" is not an object"))
        }
    }

    private func parseStrict(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Result<JSONValue, ParseFailure> {
        let r = trimmed(p, range)
        if r.isEmpty { return .failure(ParseFailure(reason: "the output is empty, expected a JSON list of calls")) }
        do {
            return .success(try JSONParser.parse(bytes: UnsafeBufferPointer(rebasing: p[r])))
        } catch {
            return .failure(ParseFailure(reason: "not valid JSON: \(error)"))
        }
    }

    func extractJSON(_ p: UnsafeBufferPointer<UInt8>) -> Result<[JSONValue], ParseFailure> {
        switch extraction {
        case .strict:
            return parseStrict(p, 0..<p.count).map { [$0] }
        case .firstLine:
            switch AnswerExtraction.firstLine.extract(p) {
            case .success(let r): return parseStrict(p, r).map { [$0] }
            case .failure(let f): return .failure(ParseFailure(reason: f.reason))
            }
        case .answerTags:
            switch AnswerExtraction.answerTags.extract(p) {
            case .success(let r): return parseStrict(p, r).map { [$0] }
            case .failure(let f): return .failure(ParseFailure(reason: f.reason))
            }
        case .toolCallTags:
            var values: [JSONValue] = []
            var i = 0
            while let open = firstIndex(of: "<tool_call>", in: p, i..<p.count) {
                let contentStart = open + 11
                guard let close = firstIndex(of: "</tool_call>", in: p, contentStart..<p.count) else {
                    return .failure(ParseFailure(reason: "a <tool_call> is never closed"))
                }
                switch parseStrict(p, contentStart..<close) {
                case .success(let v): values.append(v)
                case .failure(let f): return .failure(ParseFailure(reason: "in <tool_call> \(values.count + 1): \(f.reason)"))
                }
                i = close + 12
            }
            if values.isEmpty { return .failure(ParseFailure(reason: "no <tool_call>...</tool_call> in the output")) }
            return .success(values)
        case .lenient:
            var region = 0..<p.count
            if let fence = firstIndex(of: "```", in: p, region) {
                var s = fence + 3
                // Skip a language tag such as ```json up to the end of its line.
                var k = s
                while k < p.count, p[k] != 0x0A, (p[k] >= 0x61 && p[k] <= 0x7A) || (p[k] >= 0x41 && p[k] <= 0x5A) { k += 1 }
                if k < p.count && (p[k] == 0x0A || p[k] == 0x0D) { s = k }
                let e = firstIndex(of: "```", in: p, s..<p.count) ?? p.count
                region = s..<e
            }
            var starts: [Int] = []
            if let a = firstIndex(of: "[", in: p, region) { starts.append(a) }
            if let o = firstIndex(of: "{", in: p, region) { starts.append(o) }
            starts.sort()
            guard !starts.isEmpty else { return .failure(ParseFailure(reason: "no JSON list or object in the output")) }
            var firstError: Error? = nil
            let sub = UnsafeBufferPointer(rebasing: p[region.lowerBound..<region.upperBound])
            for s in starts {
                do {
                    return .success([try JSONParser.parsePrefix(bytes: sub, from: s - region.lowerBound).value])
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
            return .failure(ParseFailure(reason: "not valid JSON: \(firstError.map { "\($0)" } ?? "")"))
        }
    }

    // MARK: - Comparison

    /// The verdict for already-parsed `calls`.
    public func compare(_ calls: [FunctionCall], with task: FunctionCallingTask) -> Verdict {
        let offered = Set(task.tools.map(\.name))
        var reasons: [String] = []
        var reported = Set<String>()
        for c in calls where !offered.contains(c.name) && reported.insert(c.name).inserted {
            reasons.append("calls \(c.name), which is not offered")
        }
        // Multiset matching: equality is an equivalence relation, so greedy matching is exact.
        var expectedUsed = [Bool](repeating: false, count: task.answers.count)
        var producedUsed = [Bool](repeating: false, count: calls.count)
        var matched = 0
        for (pi, c) in calls.enumerated() {
            for (ei, e) in task.answers.enumerated() where !expectedUsed[ei] && e.name == c.name && argumentsEqual(e.arguments, c.arguments) {
                expectedUsed[ei] = true
                producedUsed[pi] = true
                matched += 1
                break
            }
        }
        let denominator = max(task.answers.count, calls.count, 1)
        if reasons.isEmpty && matched == task.answers.count && matched == calls.count { return .pass() }
        let score = Double(matched) / Double(denominator)

        for c in calls where offered.contains(c.name) {
            guard let tool = task.tool(named: c.name) else { continue }
            for p in tool.parameters where p.required && c.arguments[p.name] == nil {
                reasons.append("call to \(c.name) is missing required argument \(p.name)")
            }
        }
        // Pair the unmatched calls by name and explain the first differences.
        var pairedExpected = expectedUsed
        for (pi, c) in calls.enumerated() where !producedUsed[pi] && offered.contains(c.name) {
            if let ei = task.answers.indices.first(where: { !pairedExpected[$0] && task.answers[$0].name == c.name }) {
                pairedExpected[ei] = true
                reasons.append(contentsOf: differences(expected: task.answers[ei], got: c))
            } else if task.answers.contains(where: { $0.name == c.name }) {
                reasons.append("extra call to \(c.name)")
            } else {
                reasons.append("unexpected call to \(c.name)")
            }
        }
        for (ei, e) in task.answers.enumerated() where !pairedExpected[ei] {
            reasons.append("missing call to \(e.name)")
        }
        var seen = Set<String>()
        let unique = reasons.filter { seen.insert($0).inserted }
        let shown = unique.prefix(3).joined(separator: "; ")
        return .fail(unique.count > 3 ? shown + "; and \(unique.count - 3) more" : shown, score: score)
    }

    private func differences(expected e: FunctionCall, got c: FunctionCall) -> [String] {
        var out: [String] = []
        for (k, ev) in e.arguments {
            if let cv = c.arguments[k] {
                if !valuesEqual(ev, cv) {
                    out.append("\(c.name): argument \(k): expected \(abbreviated(ev.description)), got \(abbreviated(cv.description))")
                }
            } else {
                out.append("\(c.name): missing argument \(k) (expected \(abbreviated(ev.description)))")
            }
        }
        for (k, _) in c.arguments where e.arguments[k] == nil {
            out.append("\(c.name): unexpected argument \(k)")
        }
        return out
    }

    /// Argument objects equal under this verifier's normalisation.
    public func argumentsEqual(_ a: JSONObject, _ b: JSONObject) -> Bool {
        guard a.count == b.count else { return false }
        for (k, v) in a {
            guard let w = b[k], valuesEqual(v, w) else { return false }
        }
        return true
    }

    /// Values equal under this verifier's normalisation (numbers by exact value, strings modulo
    /// whitespace when enabled, arrays in order, objects without regard to key order).
    public func valuesEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            // Scalar by scalar, as the reference's exact comparison: Swift's `==` would also match
            // canonically equivalent spellings ("Caf\u{E9}" and "Cafe\u{301}").
            let (u, v) = normalizeWhitespace ? (collapsingWhitespace(x), collapsingWhitespace(y)) : (x, y)
            return u.unicodeScalars.elementsEqual(v.unicodeScalars)
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for i in x.indices where !valuesEqual(x[i], y[i]) { return false }
            return true
        case (.object(let x), .object(let y)):
            return argumentsEqual(x, y)
        default:
            return a.numericallyEquals(b)
        }
    }
}
