package io.psicoia.adapter.llm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.psicoia.domain.model.TokenUsage;

/** Token usage as OpenAI-compatible servers report it; missing counts read as 0. */
@JsonIgnoreProperties(ignoreUnknown = true)
record UsageJson(
        @JsonProperty("prompt_tokens") int promptTokens,
        @JsonProperty("completion_tokens") int completionTokens,
        @JsonProperty("total_tokens") int totalTokens) {

    TokenUsage toDomain() {
        int prompt = Math.max(0, promptTokens);
        int completion = Math.max(0, completionTokens);
        int total = totalTokens > 0 ? totalTokens : prompt + completion;
        return new TokenUsage(prompt, completion, total);
    }
}
