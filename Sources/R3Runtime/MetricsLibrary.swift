import R3Plot
import R3Script

/// `metrics()` and `metrics(csv: path)`.
enum MetricsLibrary {
    static func install(into interp: Interpreter) {
        interp.define(Builtin("metrics(csv = nil)",
                              doc: "A new, empty metrics log (one record per step; see m.add, m[\"loss\"], m.mean, m.last, m.toCSV), or the log read from a CSV file with a `step` column (what m.toCSV and pandas write). Use TRL's names where they exist: loss, reward, reward_std, kl, entropy, completions/mean_length, frac_reward_zero_std. Named `metrics` so that `log` stays the logarithm.") { a in
            guard let path = try a.optionalString("csv") else { return .native(MetricsObject()) }
            do {
                return .native(MetricsObject(log: try MetricsLog.readCSV(from: path)))
            } catch {
                throw a.error("\(error)")
            }
        })
        interp.registerHelp(MetricsObject.methodList)
    }
}
