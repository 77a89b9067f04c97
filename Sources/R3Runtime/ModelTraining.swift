import Foundation
import R3Models
import R3Plot
import R3Script

/// `fit(model, examples, ...)`: supervised fine-tuning in place, with a progress bar, a metrics log
/// and Ctrl-C as a clean stop.
enum ModelTraining {
    static let functions: [Builtin] = [
        Builtin("fit(model, examples, steps = 100, batchSize = 8, lr = 1e-3, warmup = nil, minLrRatio = 0.1, weightDecay = 0.01, clip = 1.0, maxLength = nil, packing = false, seed = 0, checkpointEvery = 0, checkpointDir = nil, keep = 2, resume = nil)",
                doc: "Trains the model in place by supervised fine-tuning and returns a record [\"log\", \"steps\", \"stopped\", \"checkpoint\", \"dropped\", \"loss\"]. examples: a list of [\"prompt\": ..., \"completion\": ...] dictionaries (what ds.demonstrations() returns) or strings (a completion with an empty prompt); each becomes the prompt's tokens (with the tokenizer's template), the completion's and the eos, cut to maxLength (nil: the context); the loss is the mean negative log-likelihood of the completion and eos tokens only. Batches of batchSize examples are padded to their longest (or packed into rows of maxLength with packing: true), in a seeded shuffled order per epoch. AdamW (PyTorch's semantics; weightDecay on matrices and embeddings only), global gradient-norm clipping at clip (nil: none), lr warmed up linearly over warmup steps (nil: 10% of the steps, at most 100) then cosine decay to lr * minLrRatio. log is a Metrics log with one record per step: loss, learning_rate, grad_norm, num_tokens (tokens trained on so far in this call, as TRL counts them), tokens_per_second. checkpointEvery: N writes checkpointDir/checkpoint-<step> (a Hugging Face folder plus optimizer and trainer state) every N steps and at the end, keeping the newest `keep`; resume: a checkpoint (or a directory of them: the newest) to continue from, bit-identically. Ctrl-C stops after the current step (with a checkpoint when checkpointing) and returns stopped: true; the model keeps what it learned. dropped counts examples left with no completion token after truncation. A loss that is not finite is an error naming the step, raised before the weights change.") { a in
            try fit(a)
        },
    ]

    static func fit(_ a: Arguments) throws -> Value {
        let model = try ModelValues.model(a)
        let examples = try ModelValues.examples(a, "examples")
        let config = try fitConfig(a)
        let resume = try a.optionalString("resume")
        if let asked = config.maxLength, asked > model.config.maxPositions {
            throw a.error("argument 'maxLength' (\(asked)) is longer than the model's context of \(model.config.maxPositions) tokens; leave it out to cut examples to the context")
        }
        let length = config.maxLength ?? model.config.maxPositions
        try ModelValues.checkMemory(a, floats: ModelValues.trainingFloats(model.config, batch: config.batchSize, length: length),
                                    "training with batchSize \(config.batchSize) x \(length) tokens")

        let metrics = MetricsObject()
        let bar = ProgressBar.forSession(of: a.interpreter, total: config.steps, label: "fit")
        defer { bar.finish() }
        var tokens = 0
        let result = try ModelValues.run(a) {
            try R3Models.fit(model, examples, config: config, resumeFrom: resume, onStep: { m in
                tokens += m.tokens
                metrics.log.add(step: m.step, [("loss", m.loss), ("learning_rate", m.learningRate), ("grad_norm", m.gradNorm),
                                               ("num_tokens", Double(tokens)), ("tokens_per_second", m.tokensPerSecond)])
                bar.update(completed: m.step, metrics: [("loss", m.loss), ("lr", m.learningRate)])
            }, shouldStop: { Interrupt.isRequested })
        }
        if result.stopped {
            Interrupt.clear()
            bar.finish()
            a.interpreter.output("fit: stopped by Ctrl-C after step \(result.step) of \(config.steps)"
                + (result.lastCheckpoint.map { "; checkpoint \($0)" } ?? "") + "\n")
        }
        return .dict(DictObject([
            ("log", .native(metrics)), ("steps", .number(Double(result.step))), ("stopped", .bool(result.stopped)),
            ("checkpoint", result.lastCheckpoint.map(Value.string) ?? .null),
            ("dropped", .number(Double(result.droppedExamples))),
            ("loss", result.metrics.last.map { .number($0.loss) } ?? .null),
        ]))
    }

    /// The FitConfig of the arguments, each checked with the argument's name.
    static func fitConfig(_ a: Arguments) throws -> FitConfig {
        var o = OptimizerConfig()
        o.learningRate = try ModelValues.number(a, "lr", in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude, "a positive number")
        o.warmupSteps = try ModelValues.optionalInt(a, "warmup", atLeast: 0)
        o.minLearningRateRatio = try ModelValues.number(a, "minLrRatio", in: 0...1, "between 0 and 1")
        o.weightDecay = try ModelValues.number(a, "weightDecay", in: 0...Double.greatestFiniteMagnitude, "0 or more")
        o.maxGradNorm = a.isGiven("clip")
            ? try ModelValues.number(a, "clip", in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude, "a positive number (or nil for no clipping)")
            : nil
        let every = try ModelValues.int(a, "checkpointEvery", atLeast: 0)
        let dir = try a.optionalString("checkpointDir")
        if every > 0 && dir == nil { throw a.error("checkpointEvery: \(every) needs a checkpointDir") }
        return FitConfig(steps: try ModelValues.int(a, "steps", atLeast: 1), batchSize: try ModelValues.int(a, "batchSize", atLeast: 1),
                         maxLength: try ModelValues.optionalInt(a, "maxLength", atLeast: 2), packing: try a.bool("packing"),
                         seed: try TaskValues.seed(a), optimizer: o, checkpointEvery: every, checkpointDirectory: dir,
                         keepCheckpoints: try ModelValues.int(a, "keep", atLeast: 1))
    }
}
