import R3Script
import R3Tensor

/// Optimizers, gradient clipping and learning-rate schedules in the language:
///
///     let opt = adamw([w1, b1], lr: 1e-2, weightDecay: 0.01)     // or ["w1": w1, "b1": b1] for names
///     opt.zeroGrad(); loss.backward(); clipGradNorm([w1, b1], maxNorm: 1); opt.step()
///     opt.lr = 3e-3                                              // or a schedule:
///     opt.schedule = schedule.cosine(lr: 1e-2, totalSteps: 500, warmupSteps: 50)
///     print(opt.schedule.lrAt(100))
///
/// Parameters are shared: `step()` writes into the tensors the script holds.
enum TensorOptimizers {
    static let functions: [Builtin] = [
        Builtin("adamw(params, lr = 0.001, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0.01, decays = nil, schedule = nil)",
                doc: "An AdamW optimizer (torch.optim.AdamW: its defaults, bias-corrected moments and decoupled weight decay p *= 1 - lr * weightDecay) over `params`: a list of tensors made with grad: true, or a dictionary of named ones (names appear in errors). decays: one bool per parameter (false: no weight decay, e.g. for biases and norms). schedule: a schedule from schedule.cosine(...) etc. that sets the rate before every step. opt.step() updates the parameters in place (every variable holding them sees it); it first checks that every gradient is finite and otherwise stops with an error naming the parameter, updating nothing.") { a in
            let params = try TensorValues.parameters(a)
            try TensorValues.checkLeaves(params, a)
            let betas = try a.numbers("betas")
            guard betas.count == 2 else { throw a.error("argument 'betas' must be a list of two numbers, got \(betas.count)") }
            let opt = try TensorValues.run(a) {
                try AdamW(params.map(\.tensor), names: params.map(\.name), lr: try TensorValues.float(a, "lr"),
                          betas: (Float(betas[0]), Float(betas[1])), eps: try TensorValues.float(a, "eps"),
                          weightDecay: try TensorValues.float(a, "weightDecay"), decays: try decays(a, count: params.count),
                          schedule: try schedule(a))
            }
            return .native(OptimizerObject(opt, kind: "AdamW"))
        },
        Builtin("sgd(params, lr, momentum = 0, dampening = 0, weightDecay = 0, nesterov = false, schedule = nil)",
                doc: "A stochastic gradient descent optimizer (torch.optim.SGD: momentum buffers, dampening, L2 weight decay added to the gradient, Nesterov momentum) over `params`: a list of tensors made with grad: true, or a dictionary of named ones. schedule: sets the rate before every step. opt.step() updates the parameters in place and first checks that every gradient is finite.") { a in
            let params = try TensorValues.parameters(a)
            try TensorValues.checkLeaves(params, a)
            let opt = try TensorValues.run(a) {
                try SGD(params.map(\.tensor), names: params.map(\.name), lr: try TensorValues.float(a, "lr"),
                        momentum: try TensorValues.float(a, "momentum"), dampening: try TensorValues.float(a, "dampening"),
                        weightDecay: try TensorValues.float(a, "weightDecay"), nesterov: try a.bool("nesterov"), schedule: try schedule(a))
            }
            return .native(OptimizerObject(opt, kind: "SGD"))
        },
        Builtin("clipGradNorm(params, maxNorm)",
                doc: "Scales the gradients of `params` (a list or dictionary of tensors) so that their global L2 norm is at most maxNorm (torch.nn.utils.clip_grad_norm_): each is multiplied by maxNorm / (norm + 1e-6) when that is below 1. Returns the norm before clipping. Tensors without a gradient are skipped.") { a in
            let params = try TensorValues.parameters(a)
            return .number(TensorValues.number(try TensorValues.run(a) { try clipGradNorm(params.map(\.tensor), maxNorm: try TensorValues.float(a, "maxNorm")) }))
        },
    ]

    /// `decays: [true, false]`, one per parameter, or nil.
    static func decays(_ a: Arguments, count: Int) throws -> [Bool]? {
        guard a.isGiven("decays") else { return nil }
        return try a.list("decays").enumerated().map { i, v in
            guard case .bool(let b) = v else { throw a.error("argument 'decays' must be a list of true/false; item \(i) is a \(v.typeName)") }
            return b
        }
    }

    /// The `schedule:` argument, or nil.
    static func schedule(_ a: Arguments) throws -> LRSchedule? {
        a.isGiven("schedule") ? try a.native("schedule", as: ScheduleObject.self, described: "a schedule (schedule.cosine(...) ...)").schedule : nil
    }

    /// The `schedule` namespace: the Hugging Face transformers schedules.
    static let schedules: Namespace = {
        let ns = Namespace("schedule", doc: "Learning-rate schedules for adamw and sgd: constant, linearWarmup, linear, cosine.")
        let make = { (signature: String, doc: String, body: @escaping (Arguments) throws -> LRSchedule) in
            ns.add(Builtin(signature, owner: "schedule", doc: doc) { a in .native(ScheduleObject(try TensorValues.run(a) { try body(a) })) })
        }
        make("constant(lr)", "The same learning rate at every step.") { a in .constant(try TensorValues.float(a, "lr")) }
        make("linearWarmup(lr, warmupSteps)",
             "A rate rising linearly from 0 at step 0 to lr at warmupSteps, then constant (transformers' get_constant_schedule_with_warmup).") { a in
            try .linearWarmup(lr: try TensorValues.float(a, "lr"), warmupSteps: try a.int("warmupSteps"))
        }
        make("linear(lr, totalSteps, warmupSteps = 0)",
             "Linear warmup from 0 to lr over warmupSteps, then linear decay to 0 at totalSteps, where it stays (transformers' get_linear_schedule_with_warmup).") { a in
            try .linear(lr: try TensorValues.float(a, "lr"), warmupSteps: try a.int("warmupSteps"), totalSteps: try a.int("totalSteps"))
        }
        make("cosine(lr, totalSteps, warmupSteps = 0, minLR = 0)",
             "Linear warmup from 0 to lr over warmupSteps, then half a cosine from lr down to minLR at totalSteps, where it stays (transformers' get_cosine_with_min_lr_schedule_with_warmup).") { a in
            try .cosine(lr: try TensorValues.float(a, "lr"), warmupSteps: try a.int("warmupSteps"), totalSteps: try a.int("totalSteps"),
                        minLR: try TensorValues.float(a, "minLR"))
        }
        return ns
    }()
}

/// An optimizer in the language (`adamw(...)`, `sgd(...)`): `opt.step()`, `opt.zeroGrad()`,
/// `opt.lr` (settable), `opt.schedule` (settable, nil for none), `opt.stepCount`, `opt.names`,
/// `opt.parameters`.
final class OptimizerObject: NativeObject {
    let optimizer: any Optimizer
    let kind: String

    init(_ optimizer: any Optimizer, kind: String) {
        self.optimizer = optimizer
        self.kind = kind
    }

    override var typeName: String { "Optimizer" }
    override var description: String {
        let n = optimizer.parameters.count
        return "\(kind)(\(n) parameter\(n == 1 ? "" : "s"), lr: \(Formatter.number(TensorValues.number(optimizer.learningRate))), step: \(optimizer.stepCount)\(optimizer.schedule.map { ", schedule: \($0)" } ?? ""))"
    }

    static let propertyNames = ["lr", "schedule", "stepCount", "names", "parameters", "kind"]
    override var memberNames: [String] { OptimizerObject.propertyNames + Array(OptimizerObject.methodTable.keys) }
    override var methods: [String: Builtin] { OptimizerObject.methodTable }

    override func property(_ name: String) throws -> Value? {
        switch name {
        case "lr": return .number(TensorValues.number(optimizer.learningRate))
        case "schedule": return optimizer.schedule.map { .native(ScheduleObject($0)) } ?? .null
        case "stepCount": return .number(Double(optimizer.stepCount))
        case "names": return .list(ListObject(optimizer.names.map(Value.string)))
        case "parameters": return .list(ListObject(optimizer.parameters.map(TensorValues.value)))
        case "kind": return .string(kind)
        default: return nil
        }
    }

    override func setProperty(_ name: String, _ value: Value) throws {
        switch (name, value) {
        case ("lr", .number(let lr)):
            guard lr >= 0, lr.isFinite else { throw ScriptError("lr must be a finite number >= 0, got \(Formatter.number(lr))") }
            optimizer.learningRate = Float(lr)
        case ("schedule", .null): optimizer.schedule = nil
        case ("schedule", .native(let s as ScheduleObject)): optimizer.schedule = s.schedule
        case ("lr", _): throw ScriptError("lr must be a number, got \(value.typeName)")
        case ("schedule", _): throw ScriptError("schedule must be a schedule (schedule.cosine(...) ...) or nil, got \(value.typeName)")
        default:
            throw ScriptError(OptimizerObject.propertyNames.contains(name) ? "cannot set '\(name)' on an Optimizer: only lr and schedule can be set"
                                                                           : "an Optimizer has no property '\(name)' to set")
        }
    }

    static let methodList: [Builtin] = [
        Builtin("step(loss = nil)", owner: "Optimizer",
                doc: "One update of every parameter that has a gradient, written in place into the parameters (variables holding them see the new values). With a schedule, the rate is first set to schedule.lrAt(stepCount). Checks first that every gradient (and `loss`, when given) is finite; otherwise it is an error naming the parameter and nothing is updated.") { a in
            let o = a.receiver(as: OptimizerObject.self)
            let loss: Tensor? = a.isGiven("loss") ? try TensorValues.tensor(a, "loss") : nil
            try TensorValues.run(a) { try o.optimizer.step(loss: loss) }
            return .null
        },
        Builtin("zeroGrad()", owner: "Optimizer", doc: "Clears the gradients of all the optimizer's parameters (zero_grad(set_to_none=True)); call it before each backward().") { a in
            a.receiver(as: OptimizerObject.self).optimizer.zeroGrad()
            return .null
        },
    ]
    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methodList.map { ($0.shortName, $0) })
}

/// A learning-rate schedule (`schedule.cosine(...)` ...): `s.lrAt(step)`, and the properties
/// `kind`, `lr`, `warmupSteps`, `totalSteps`, `minLR`.
final class ScheduleObject: NativeObject {
    let schedule: LRSchedule

    init(_ schedule: LRSchedule) {
        self.schedule = schedule
    }

    override var typeName: String { "Schedule" }
    override var description: String { "schedule.\(schedule)" }
    override var memberNames: [String] { ["kind", "lr", "warmupSteps", "totalSteps", "minLR"] + Array(ScheduleObject.methodTable.keys) }
    override var methods: [String: Builtin] { ScheduleObject.methodTable }

    override func property(_ name: String) throws -> Value? {
        switch name {
        case "kind": return .string(schedule.kind.rawValue)
        case "lr": return .number(TensorValues.number(schedule.lr))
        case "warmupSteps": return .number(Double(schedule.warmupSteps))
        case "totalSteps": return .number(Double(schedule.totalSteps))
        case "minLR": return .number(TensorValues.number(schedule.minLR))
        default: return nil
        }
    }

    override func isEqual(to other: NativeObject) -> Bool { (other as? ScheduleObject)?.schedule == schedule }

    static let methodList: [Builtin] = [
        Builtin("lrAt(step)", owner: "Schedule",
                doc: "The learning rate of the update that follows `step` completed steps (0 for the first update): what opt.step() uses when this schedule is set.") { a in
            let step = try a.int("step")
            guard step >= 0 else { throw a.error("argument 'step' must be >= 0, got \(step)") }
            return .number(TensorValues.number(a.receiver(as: ScheduleObject.self).schedule.learningRate(at: step)))
        },
    ]
    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methodList.map { ($0.shortName, $0) })
}
