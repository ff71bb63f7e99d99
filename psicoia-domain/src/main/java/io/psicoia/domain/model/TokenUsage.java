package io.psicoia.domain.model;

/** Tokens a model reported for one completion. */
public record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
    }
}
