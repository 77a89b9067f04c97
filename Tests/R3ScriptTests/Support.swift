import Foundation
@testable import R3Script

/// Runs code in a fresh interpreter on a large stack and returns what it printed, or the error.
func runScript(_ code: String, name: String = "test.r3") -> (output: String, error: ScriptError?) {
    var output = ""
    var failure: ScriptError?
    Interpreter.runOnLargeStack(bytes: 256 << 20) {
        let interp = Interpreter()
        interp.output = { output += $0 }
        do { try interp.run(SourceFile(name: name, text: code)) } catch let e as ScriptError { failure = e } catch {
            failure = ScriptError("\(error)")
        }
    }
    return (output, failure)
}

func kinds(_ code: String) -> [TokenKind] {
    Lexer.tokenize(SourceFile(name: "t", text: code)).tokens.map(\.kind)
}
