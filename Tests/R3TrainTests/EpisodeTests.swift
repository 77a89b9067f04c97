import XCTest
import R3Models
import R3Tasks
@testable import R3Train

/// The conversation of an episode, token for token, and what GRPO trains in it.
final class EpisodeTests: XCTestCase {
    func testTurnsContinueTheConversationTokenForToken() throws {
        let model = try TrainFixture.countdownModel()
        let sampler = EpisodeSampler(model: model, format: EpisodeFormat(for: model))
        let task = AnyTask.countdown(try CountdownTask(nums: [44, 19, 35], target: 98))
        let t = model.tokenizer
        let a = try sampler.attempts([task], sampling: TurnSampling(maxTokens: 6), seed: 1)[0]
        XCTAssertEqual(a.context, try t.encode("44 19 35>98:", addSpecialTokens: true))
        XCTAssertNotNil(a.verdict)
        let r = try sampler.reflections([task], after: [a], sampling: TurnSampling(maxTokens: 6, temperature: 1), seed: 2)[0]
        // The attempt's own tokens, its line end when it was cut short, then the reflection prompt "?".
        XCTAssertEqual(r.context, a.context + a.tokens + (a.endedNormally ? [] : try t.encode("\n")) + (try t.encode("?")))
        XCTAssertNil(r.verdict)
        let b = try sampler.retries([task], after: [r], sampling: TurnSampling(maxTokens: 6), seed: 3)[0]
        XCTAssertEqual(b.context, r.context + r.tokens + (r.endedNormally ? [] : try t.encode("\n")) + (try t.encode("!")))
        XCTAssertEqual(b.verdict, CountdownVerifier(extraction: .firstLine).verify(try CountdownTask(nums: [44, 19, 35], target: 98), b.text))
    }

    /// A hand-made group: the loss mask covers exactly the reflection tokens (and, in the
    /// reflection+retry ablation, the retry tokens too), each predicted from the position before
    /// it, with the shared context packed once per group.
    func testLossMaskCoversExactlyTheReflectionTokens() throws {
        let attempt = Turn(role: .attempt, context: [1, 2, 3, 4], tokens: [5, 6], logprobs: [-1, -1], text: "", finishReason: .stop("\n"))
        let context = [1, 2, 3, 4, 5, 6, 7]  // task, attempt, reflection prompt
        let r1 = Turn(role: .reflection, context: context, tokens: [8, 9, 10], logprobs: [-0.1, -0.2, -0.3], text: "", finishReason: .stop("\n"))
        let r2 = Turn(role: .reflection, context: context, tokens: [20, 21], logprobs: [-0.6, -0.7], text: "", finishReason: .stop("\n"))
        let y1 = Turn(role: .retry, context: context + [8, 9, 10, 11], tokens: [12, 13], logprobs: [-0.4, -0.5], text: "", finishReason: .stop("\n"))
        let y2 = Turn(role: .retry, context: context + [20, 21, 11], tokens: [30], logprobs: [-0.8], text: "", finishReason: .stop("\n"))
        let group = Group(task: .text(TextTask(prompt: "p")), attempt: attempt, completions: [r1, r2], retries: [y1, y2], rewards: [1, 0])

        let only = [0, 1].map { Rollout(group: group, number: 0, index: $0, span: .reflection, advantage: 1) }
        XCTAssertEqual(only[0].tokens, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(only[0].oldLogprobs, [-0.1, -0.2, -0.3])
        XCTAssertEqual(PackedBatch.sharedLength(only), 7)
        let packed = try PackedBatch(only, members: [0, 1], padToken: 0, rowLimit: 512)
        // One row: the context without its last token, then each reflection led by that token (7).
        XCTAssertEqual(packed.batch.tokens, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 7, 20, 21])
        //                         pos:  0   1   2   3   4   5  6  7  8    9  10  11  12
        XCTAssertEqual(packed.targets, [-1, -1, -1, -1, -1, -1, 8, 9, 10, -1, 20, 21, -1])
        XCTAssertEqual(packed.trained.map(\.at), [[6, 7, 8], [10, 11]])

        let both = [0, 1].map { Rollout(group: group, number: 0, index: $0, span: .reflectionAndRetry, advantage: 1) }
        XCTAssertEqual(both[0].tokens, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
        XCTAssertEqual(both[0].oldLogprobs, [-0.1, -0.2, -0.3, -0.4, -0.5])
        let p2 = try PackedBatch(both, members: [0, 1], padToken: 0, rowLimit: 512)
        XCTAssertEqual(p2.batch.tokens, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 7, 20, 21, 11, 30])
        // The retry prompt token (11) is never a target.
        XCTAssertEqual(p2.targets, [-1, -1, -1, -1, -1, -1, 8, 9, 10, -1, 12, 13, -1, 20, 21, -1, 30, -1])

        // A row limit splits a group into rows that each repeat the context.
        let split = try PackedBatch(only, members: [0, 1], padToken: 0, rowLimit: 10)
        XCTAssertEqual(split.batch.batchSize, 2)
        XCTAssertEqual(Array(split.targets[0..<10]), [-1, -1, -1, -1, -1, -1, 8, 9, 10, -1])

        // A group that needs two rows gets two rows of equal length, not a full row and a short
        // one padded to the full length: 4 branches of 4 tokens after a 6-token prefix, limit 20,
        // give two rows of 6 + 8 (filling the first row would give 18 + 10, both padded to 18).
        let four = (0..<4).map { k in
            Turn(role: .reflection, context: context, tokens: [40 + k, 50 + k, 60 + k], logprobs: [-1, -1, -1], text: "", finishReason: .stop("\n"))
        }
        let retries = (0..<4).map { k in
            Turn(role: .retry, context: context + four[k].tokens + [11], tokens: [30], logprobs: [-1], text: "", finishReason: .stop("\n"))
        }
        let wide = Group(task: .text(TextTask(prompt: "p")), attempt: attempt, completions: four, retries: retries, rewards: [1, 0, 1, 0])
        let fourRollouts = (0..<4).map { Rollout(group: wide, number: 0, index: $0, span: .reflection, advantage: 1) }
        let balanced = try PackedBatch(fourRollouts, members: [0, 1, 2, 3], padToken: 0, rowLimit: 20)
        XCTAssertEqual(balanced.batch.batchSize, 2)
        XCTAssertEqual(balanced.batch.length, 14)
        XCTAssertEqual(balanced.trained.map(\.rollout), [0, 1, 2, 3])
    }

    /// The trained tokens are scored in the exact context they were sampled in: the packed
    /// training forward gives back the sampler's log-probs (the ratio starts at 1).
    func testTrainingForwardReproducesTheSampledLogprobs() throws {
        let model = try TrainFixture.countdownModel(seed: 4)
        let sampler = EpisodeSampler(model: model, format: EpisodeFormat(for: model))
        let tasks = try TrainFixture.countdownTasks(4)
        let attempts = try sampler.attempts(tasks, sampling: TurnSampling(maxTokens: 8, temperature: 1), seed: 1)
        let G = 3
        let reflections = try sampler.reflections(tasks.flatMap { Array(repeating: $0, count: G) },
                                                  after: attempts.flatMap { Array(repeating: $0, count: G) },
                                                  sampling: TurnSampling(maxTokens: 8, temperature: 1), seed: 2)
        var rollouts: [Rollout] = []
        for g in tasks.indices {
            let group = Group(task: tasks[g], attempt: attempts[g], completions: Array(reflections[(g * G)..<((g + 1) * G)]),
                              retries: [], rewards: [0, 0, 0])
            rollouts += (0..<G).map { Rollout(group: group, number: g, index: $0, span: .reflection, advantage: 0) }
        }
        let packed = try PackedBatch(rollouts, members: Array(rollouts.indices), padToken: model.tokenizer.eosTokenId ?? 0, rowLimit: 512)
        XCTAssertEqual(packed.batch.batchSize, tasks.count)
        let out = try model.forwardForTraining(packed.batch, targets: packed.targets)
        var compared = 0
        for (r, at) in packed.trained {
            for (k, p) in at.enumerated() {
                XCTAssertEqual(out.logprobs[p], rollouts[r].oldLogprobs[k], accuracy: 1e-4)
                compared += 1
            }
        }
        XCTAssertEqual(compared, reflections.reduce(0) { $0 + $1.tokens.count })
    }

    /// The primitives on Hugging Face models with chat templates (the tiny fixtures): the turns are
    /// chat messages, and the reflection's context is the chat template's text of the conversation.
    func testChatLayoutOnHuggingFaceFixtures() throws {
        for name in ["qwen2_tiny", "llama_tiny"] {
            let model = try LanguageModel.load(TrainFixture.modelFolder(name))
            let format = EpisodeFormat(for: model)
            guard case .chat(let chat) = format.layout else { return XCTFail("\(name): expected the chat layout") }
            let sampler = EpisodeSampler(model: model, format: format)
            // A short text task: the tiny fixtures have a context of 128 tokens.
            let task = AnyTask.text(TextTask(prompt: "Add 3 and 5.", answer: "8"))
            let a = try sampler.attempts([task], sampling: TurnSampling(maxTokens: 5), seed: 1)[0]
            let r = try sampler.reflections([task], after: [a], sampling: TurnSampling(maxTokens: 5, temperature: 1), seed: 1)[0]
            let b = try sampler.retries([task], after: [r], sampling: TurnSampling(maxTokens: 5), seed: 1)[0]
            XCTAssertFalse(b.passed, name)
            let prompts = format.reflectionPrompts(for: task)
            let text = model.tokenizer.decode(r.context)
            XCTAssertTrue(text.hasPrefix(chat.format([ChatMessage(role: "user", content: format.template.prompt(task))])), name)
            XCTAssertTrue(text.hasSuffix(chat.continuation([ChatMessage(role: "user", content: prompts.reflection)])), name)
            XCTAssertTrue(text.contains(chat.endOfMessage), name)
            if chat == .chatml {
                let attemptText = model.tokenizer.decode(a.tokens.filter { model.tokenizer.token(for: $0) != chat.endOfMessage })
                XCTAssertEqual(text, chat.format([ChatMessage(role: "user", content: format.template.prompt(task)),
                                                  ChatMessage(role: "assistant", content: attemptText),
                                                  ChatMessage(role: "user", content: prompts.reflection)]), name)
            }
            XCTAssertTrue(model.tokenizer.decode(b.context).hasSuffix(chat.continuation([ChatMessage(role: "user", content: prompts.retry)])), name)
        }
    }

    func testPromptLongerThanTheContextIsAClearError() throws {
        let model = try TrainFixture.countdownModel(context: 8)
        let sampler = EpisodeSampler(model: model, format: EpisodeFormat(for: model))
        let task = AnyTask.countdown(try CountdownTask(nums: [44, 19, 35], target: 98))
        assertThrows(try sampler.attempts([task], sampling: TurnSampling(), seed: 0),
                     contains: ["task 0", "12 tokens", "context of 8 tokens"])
    }

    func testAFullContextGivesAnEmptyFailedTurnNotACrash() throws {
        let model = try TrainFixture.countdownModel(context: 16)
        let sampler = EpisodeSampler(model: model, format: EpisodeFormat(for: model))
        let task = AnyTask.countdown(try CountdownTask(nums: [44, 19, 35], target: 98))
        let a = try sampler.attempts([task], sampling: TurnSampling(maxTokens: 64), seed: 0)[0]
        let r = try sampler.reflections([task], after: [a], sampling: TurnSampling(maxTokens: 64), seed: 0)[0]
        let b = try sampler.retries([task], after: [r], sampling: TurnSampling(maxTokens: 64), seed: 0)[0]
        XCTAssertEqual(b.tokens, [])
        XCTAssertEqual(b.verdict?.passed, false)
        let reason = b.verdict?.reason ?? ""
        XCTAssertTrue(reason.hasPrefix("no room left for this turn: the conversation before it has \(b.context.count) tokens"), reason)
        XCTAssertTrue(reason.hasSuffix("the model's context holds 16"), reason)
    }

    /// A turn that runs into the end of the context says so after the verifier's reason (which alone,
    /// "not valid JSON" or a bad expression, would hide why); one stopped by maxTokens does not.
    func testATurnCutOffByTheContextSaysSo() throws {
        let model = try TrainFixture.countdownModel(context: 16)
        let sampler = EpisodeSampler(model: model, format: EpisodeFormat(for: model))
        let task = AnyTask.countdown(try CountdownTask(nums: [44, 19, 35], target: 98))
        let cut = try sampler.attempts([task], sampling: TurnSampling(maxTokens: 64), seed: 0)[0]
        XCTAssertEqual(cut.finishReason, .length)
        XCTAssertEqual(cut.sequence.count, 16)
        XCTAssertEqual(cut.verdict?.passed, false)
        XCTAssertTrue(cut.verdict?.reason.hasSuffix("(the turn was cut off by the end of the model's context, 16 tokens)") ?? false,
                      cut.verdict?.reason ?? "")
        let short = try sampler.attempts([task], sampling: TurnSampling(maxTokens: 2), seed: 0)[0]
        XCTAssertEqual(short.finishReason, .length)
        XCTAssertEqual(short.sequence.count, 14)
        XCTAssertFalse(short.verdict?.reason.contains("cut off") ?? true, short.verdict?.reason ?? "")
    }
}
