package io.psicoia.domain.port.out;

import io.psicoia.domain.model.Message;
import java.util.List;
import java.util.Objects;

/**
 * What is sent to the model: the messages it sees, oldest first, and a trace id safe to log.
 *
 * @param traceId correlates log lines of one turn (for example {@code 7f3c:m2}); carries no user data
 * @param messages the prompt; never logged ({@link #toString()} shows the count only)
 */
public record LlmRequest(String traceId, List<Message> messages) {

    public LlmRequest {
        Objects.requireNonNull(traceId, "traceId");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
    }

    @Override
    public String toString() {
        return "LlmRequest[traceId=" + traceId + ", messages=" + messages.size() + "]";
    }
}
