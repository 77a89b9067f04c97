/// One message of a conversation.
public struct ChatMessage: Equatable, Sendable {
    public var role: String
    public var content: String
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// Conversation layouts of the two supported model families.
///
/// - `.chatml` (Qwen): `<|im_start|>{role}\n{content}<|im_end|>\n` per message; the generation
///   prompt is `<|im_start|>assistant\n`. No default system message is added.
/// - `.llama3`: `<|begin_of_text|>` then `<|start_header_id|>{role}<|end_header_id|>\n\n{content}<|eot_id|>`
///   per message (content trimmed, as Llama-3's template does); the generation prompt is
///   `<|start_header_id|>assistant<|end_header_id|>\n\n`.
///
/// The text contains the special tokens literally; `Tokenizer.encode` recognises them.
public enum ChatFormat: String, Sendable {
    case chatml, llama3

    /// Detects the format from a Hugging Face chat template (nil when neither marker is present).
    public init?(template: String) {
        if template.contains("<|im_start|>") { self = .chatml } else if template.contains("<|start_header_id|>") { self = .llama3 } else { return nil }
    }

    /// The conversation as text, with the assistant header appended when `addGenerationPrompt`.
    public func format(_ messages: [ChatMessage], addGenerationPrompt: Bool = true) -> String {
        var s = ""
        switch self {
        case .chatml:
            for m in messages { s += "<|im_start|>\(m.role)\n\(m.content)<|im_end|>\n" }
            if addGenerationPrompt { s += "<|im_start|>assistant\n" }
        case .llama3:
            s = "<|begin_of_text|>"
            for m in messages {
                s += "<|start_header_id|>\(m.role)<|end_header_id|>\n\n\(m.content.trimmingCharacters(in: .whitespacesAndNewlines))<|eot_id|>"
            }
            if addGenerationPrompt { s += "<|start_header_id|>assistant<|end_header_id|>\n\n" }
        }
        return s
    }

    /// The text that continues a conversation after an assistant message that ended with its
    /// `endOfMessage` token: `messages`, then the assistant header when `addGenerationPrompt`.
    /// In `format(history + messages)`, this is the text that follows the last assistant message's
    /// end token (`\n<|im_start|>user\n...` for ChatML, `<|start_header_id|>user...` for Llama-3).
    public func continuation(_ messages: [ChatMessage], addGenerationPrompt: Bool = true) -> String {
        let full = format(messages, addGenerationPrompt: addGenerationPrompt)
        switch self {
        case .chatml: return "\n" + full
        case .llama3: return String(full.dropFirst("<|begin_of_text|>".count))
        }
    }

    /// The token that ends one message (`<|im_end|>` or `<|eot_id|>`): generation should stop there.
    public var endOfMessage: String { self == .chatml ? "<|im_end|>" : "<|eot_id|>" }

    /// A Jinja chat template equivalent to `format`, for tokenizer_config.json.
    var jinjaTemplate: String {
        switch self {
        case .chatml:
            return "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
        case .llama3:
            return "{{ '<|begin_of_text|>' }}{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}"
        }
    }
}

import Foundation

extension Tokenizer {
    /// The conversation as text in this tokenizer's `chatFormat` (or `format` when given).
    public func formatChat(_ messages: [ChatMessage], addGenerationPrompt: Bool = true, format: ChatFormat? = nil) throws -> String {
        guard let f = format ?? chatFormat else {
            throw ModelError("the tokenizer has no chat format (its tokenizer_config.json has no ChatML or Llama-3 chat_template); name a format (chatml or llama3)")
        }
        return f.format(messages, addGenerationPrompt: addGenerationPrompt)
    }
}
