package io.psicoia.adapter.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.port.out.LlmRequest;
import java.util.List;
import java.util.Locale;

/**
 * Body of a streamed chat completion request. {@code max_tokens} rather than {@code max_completion_tokens}: every
 * OpenAI-compatible server understands it. No {@code user} field: nothing about the person leaves but the messages.
 */
record ChatRequestJson(
        String model,
        List<MessageJson> messages,
        double temperature,
        @JsonProperty("max_tokens") int maxTokens,
        boolean stream,
        @JsonProperty("stream_options") StreamOptionsJson streamOptions) {

    static ChatRequestJson fromDomain(LlmConfig config, LlmRequest request) {
        return new ChatRequestJson(
                config.model(),
                request.messages().stream().map(MessageJson::fromDomain).toList(),
                config.temperature(),
                config.maxTokens(),
                true,
                new StreamOptionsJson(true));
    }

    @Override
    public String toString() {
        return "ChatRequestJson[model=" + model + ", messages=" + messages.size() + "]";
    }

    /** One prompt message; its content is private. */
    record MessageJson(String role, String content) {

        static MessageJson fromDomain(Message message) {
            return new MessageJson(message.role().name().toLowerCase(Locale.ROOT), message.text());
        }

        @Override
        public String toString() {
            return "MessageJson[role=" + role + ", chars=" + content.length() + "]";
        }
    }

    /** Asks for a final chunk carrying the token usage. */
    record StreamOptionsJson(@JsonProperty("include_usage") boolean includeUsage) {}
}
