package io.psicoia.domain.port.in;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.ConversationId;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a person sends.
 *
 * @param conversationId the conversation it belongs to (created on its first message)
 * @param userKey whose limits it counts against (rate and in-flight); safe to log, never the person's text
 * @param text what they wrote; not blank; never logged ({@link #toString()} shows its length only)
 * @param cancellation fired when the person cancels or leaves
 * @param clientAddress the network address it came from, when known: a second rate window counts per address, so
 *     reconnecting does not reset the limit
 */
public record SendMessageCommand(
        ConversationId conversationId,
        String userKey,
        String text,
        Cancellation cancellation,
        Optional<String> clientAddress) {

    public SendMessageCommand {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
    }

    /** A message with no known client address. */
    public SendMessageCommand(ConversationId conversationId, String userKey, String text, Cancellation cancellation) {
        this(conversationId, userKey, text, cancellation, Optional.empty());
    }

    /** A message whose limits count against its own conversation. */
    public static SendMessageCommand of(ConversationId conversationId, String text) {
        return new SendMessageCommand(conversationId, conversationId.value(), text, Cancellation.none());
    }

    @Override
    public String toString() {
        return "SendMessageCommand[conversationId=" + conversationId + ", userKey=" + userKey + ", chars="
                + text.length() + ", address=" + (clientAddress.isPresent() ? "known" : "unknown") + "]";
    }
}
