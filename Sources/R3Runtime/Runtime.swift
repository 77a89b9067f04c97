import Foundation
import R3Script

/// Builds interpreters with the whole R3 library bound in. This module is the only one that knows
/// both the language and the domain: each `*Library` file binds one domain module.
public enum Runtime {
    /// The r3 version, shown by `r3 --version`.
    public static let version = "0.1.0"

    /// An interpreter with every library installed; `arguments` become the global `args`.
    public static func makeInterpreter(arguments: [String] = []) -> Interpreter {
        let interp = Interpreter()
        interp.define("args", .list(ListObject(arguments.map(Value.string))))
        for library in libraries { library(interp) }
        return interp
    }

    /// The installers of the domain libraries, in dependency order.
    static let libraries: [(Interpreter) -> Void] = [
        TaskLibrary.install,
        PlotLibrary.install,
        TensorLibrary.install,
        ModelLibrary.install,
        TrainLibrary.install,
    ]
}
