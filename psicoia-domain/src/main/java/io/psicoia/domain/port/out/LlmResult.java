package io.psicoia.domain.port.out;

import io.psicoia.domain.model.TokenUsage;
import java.util.Objects;
import java.util.Optional;

/**
 * How a streamed reply ended.
 *
 * @param finishReason why the model stopped
 * @param usage tokens the model reported, when it did
 */
public record LlmResult(FinishReason finishReason, Optional<TokenUsage> usage) {

    public LlmResult {
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
    }

    /** Whether the person received the whole reply (not cut by cancellation). */
    public boolean complete() {
        return finishReason != FinishReason.CANCELLED;
    }
}
