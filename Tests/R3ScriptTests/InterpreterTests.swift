import XCTest
@testable import R3Script

final class InterpreterTests: XCTestCase {
    func testPrecedenceTable() {
        XCTAssertEqual(runScript("print(1 + 2 * 3 ** 2, 2 ** 3 ** 2, -2 ** 2, 1 < 2 == true)").output, "19 512 -4 true\n")
        // As in Swift, ?? binds tighter than comparison: (1 ?? 2) > 1.
        XCTAssertEqual(runScript("print(1 ?? 2 > 1 ? \"y\" : \"n\", nil ?? 0..<2)").output, "n 0..<2\n")
    }

    func testResolverAssignsSlotsAndCells() throws {
        let program = try Parser.parse(SourceFile(name: "r", text: "fn f(a) { let b = a; let g = fn() { b }; return g }"))
        let script = try Resolver.resolve(program, globals: Globals(), location: SourceLocation(file: SourceFile(name: "r", text: ""), offset: 0))
        guard case .function(let name, let decl) = script.body[0] else { return XCTFail("not a function") }
        guard case .global = name.slot else { return XCTFail("top-level fn should be global") }
        XCTAssertEqual(decl.slotCount, 3)          // a, b, g
        XCTAssertEqual(decl.cellSlots, [1])        // b is captured by the inner closure
        guard case .declare(_, let value, _, _) = decl.body[1], case .function(let inner) = value else {
            return XCTFail("expected the closure")
        }
        XCTAssertEqual(inner.captures.count, 1)
        XCTAssertTrue(inner.captures[0].fromEnclosingFrame)
    }

    func testClosuresShareCapturedVariables() {
        let r = runScript("""
            fn make() { var n = 0; return [fn() { n += 1 }, fn() { n }] }
            let [inc, get] = make()
            inc(); inc()
            print(get())
            """)
        XCTAssertNil(r.error)
        XCTAssertEqual(r.output, "2\n")
    }

    func testRuntimeErrorCarriesLocationAndStack() {
        let r = runScript("fn f(x) {\n  return x[5]\n}\nf([1])\n", name: "s.r3")
        let e = try! XCTUnwrap(r.error)
        XCTAssertEqual(e.location?.line, 2)
        XCTAssertEqual(e.location?.column, 11)
        XCTAssertEqual(e.stack.first?.function, "f")
        XCTAssertEqual(e.stack.first?.location?.line, 4)
        let text = Diagnostics.render(e, color: false)
        XCTAssertTrue(text.hasPrefix("s.r3:2:11: error: index 5 is out of range for a list of 1 item"), text)
        XCTAssertTrue(text.contains(" 2 |   return x[5]\n   |           ^"), text)
    }

    func testDeepRecursionIsAnErrorNotACrash() {
        let r = runScript("fn r(n) { 1 + r(n + 1) }\nr(0)")
        XCTAssertTrue(r.error?.message.hasPrefix("stack overflow") ?? false, "\(String(describing: r.error))")
    }

    func testDeepRecursionOnASmallStackIsAnError() {
        // Even on a thread with a small stack, the native-stack guard stops recursion cleanly.
        var failure: ScriptError?
        Interpreter.runOnLargeStack(bytes: 4 << 20) {
            let interp = Interpreter()
            do { try interp.run(SourceFile(name: "t", text: "fn r(n) { [1, [2, r(n + 1)]] }\nr(0)")) } catch let e as ScriptError { failure = e } catch {}
        }
        XCTAssertTrue(failure?.message.hasPrefix("stack overflow") ?? false)
    }

    func testDeeplyNestedCollectionsAreComparedAndFreedWithoutRecursion() {
        // On a 16 MB stack, recursing 300,000 levels deep (Swift's recursive release, or a
        // recursive ==) would crash; the work lists keep both flat.
        var output = ""
        var failure: ScriptError?
        Interpreter.runOnLargeStack(bytes: 16 << 20) {
            let interp = Interpreter()
            interp.output = { output += $0 }
            do {
                try interp.run(SourceFile(name: "t", text: """
                    var x = []
                    var y = []
                    for i in 0..<300000 { x = [x]; y = [y] }
                    print(x == y)
                    x = nil
                    var node = nil
                    for i in 0..<300000 { node = ["next": node, "list": [i]] }
                    node = nil
                    print("freed")
                    """))
            } catch let e as ScriptError { failure = e } catch {}
        }
        XCTAssertNil(failure)
        XCTAssertEqual(output, "true\nfreed\n")
    }

    func testInterruptStopsALoopAndClears() {
        let interp = Interpreter()
        nonisolated(unsafe) var failure: ScriptError?  // written by the thread before done.fulfill(), read after the wait
        let done = expectation(description: "interrupted")
        Thread.detachNewThread {
            do { try interp.run(SourceFile(name: "t", text: "while true {}")) } catch let e as ScriptError { failure = e } catch {}
            done.fulfill()
        }
        Thread.sleep(forTimeInterval: 0.2)
        Interrupt.request()
        wait(for: [done], timeout: 10)
        XCTAssertEqual(failure?.kind, .interrupt)
        XCTAssertFalse(Interrupt.isRequested)
        // The session goes on.
        XCTAssertNoThrow(try interp.run(SourceFile(name: "t", text: "let after = 1")))
    }

    func testTryDoesNotCatchInterrupts() {
        let interp = Interpreter()
        var output = ""
        interp.output = { output += $0 }
        Interrupt.request()
        XCTAssertThrowsError(try interp.run(SourceFile(name: "t", text: "try { while true {} } catch e { print(\"caught\") }")))
        XCTAssertEqual(output, "")
    }

    func testHundredMegabyteSingleLineFile() throws {
        // A valid 100 MB line: a huge string literal.
        let n = 100_000_000
        var code = "print(\""
        code += String(repeating: "a", count: n)
        code += "\".count)"
        let ok = runScript(code)
        XCTAssertNil(ok.error)
        XCTAssertEqual(ok.output, "\(n)\n")
        // A broken 100 MB line: a clear error with a short excerpt.
        let broken = "let x = \"" + String(repeating: "b", count: n) + "\" $ 1"
        let r = runScript(broken, name: "big.r3")
        let e = try XCTUnwrap(r.error)
        let text = Diagnostics.render(e, color: false)
        XCTAssertTrue(text.hasPrefix("big.r3:1:"), text)
        XCTAssertTrue(text.contains("unexpected character '$'"))
        XCTAssertLessThan(text.count, 2_000)
    }

    func testNumberFormatting() {
        XCTAssertEqual(Formatter.number(7), "7")
        XCTAssertEqual(Formatter.number(2.5), "2.5")
        XCTAssertEqual(Formatter.number(1e-5), "1e-05")
        XCTAssertEqual(Formatter.number(1e16), "1e+16")
        XCTAssertEqual(Formatter.number(-3), "-3")
        XCTAssertEqual(Formatter.number(.nan), "nan")
    }

    func testSpellingSuggestions() {
        XCTAssertEqual(Spelling.suggest("pritn", among: ["print", "printf", "point"]), "print")
        XCTAssertEqual(Spelling.suggest("lenght", among: ["length", "left"]), "length")
        XCTAssertNil(Spelling.suggest("zzz", among: ["print"]))
    }

    func testLineAndColumnCountCharacters() {
        let f = SourceFile(name: "u", text: "é = 1\nab😀c")
        XCTAssertEqual(f.lineAndColumn(of: 2).line, 1)
        XCTAssertEqual(f.lineAndColumn(of: 2).column, 2)   // the space after the 2-byte é
        let offset = Array("é = 1\nab😀".utf8).count
        XCTAssertEqual(f.lineAndColumn(of: offset).line, 2)
        XCTAssertEqual(f.lineAndColumn(of: offset).column, 4)
    }

    func testBuiltinSignaturesBindArguments() throws {
        var seen: [Value] = []
        let b = Builtin("probe(a, b = 2, c = \"x\")", doc: "test") { a in seen = a.values; return .null }
        let interp = Interpreter()
        interp.define(b)
        try interp.run(SourceFile(name: "t", text: "probe(1, c: \"z\")"))
        XCTAssertEqual(seen, [.number(1), .number(2), .string("z")])
        XCTAssertThrowsError(try interp.run(SourceFile(name: "t", text: "probe(1, d: 3)"))) { e in
            XCTAssertTrue("\(e)".contains("probe() has no parameter named 'd'"), "\(e)")
        }
    }
}
