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
 * @param locale the person's locale as their client reported it ({@code es-AR}), when known: its country chooses the
 *     crisis lines shown, unless the person chose one with {@code /pais}
 */
public record SendMessageCommand(
        ConversationId conversationId,
        String userKey,
        String text,
        Cancellation cancellation,
        Optional<String> clientAddress,
        Optional<String> locale) {

    public SendMessageCommand {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(locale, "locale");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
    }

    /** A message with no known locale. */
    public SendMessageCommand(
            ConversationId conversationId,
            String userKey,
            String text,
            Cancellation cancellation,
            Optional<String> clientAddress) {
        this(conversationId, userKey, text, cancellation, clientAddress, Optional.empty());
    }

    /** A message with no known client address or locale. */
    public SendMessageCommand(ConversationId conversationId, String userKey, String text, Cancellation cancellation) {
        this(conversationId, userKey, text, cancellation, Optional.empty(), Optional.empty());
    }

    /** A message whose limits count against its own conversation. */
    public static SendMessageCommand of(ConversationId conversationId, String text) {
        return new SendMessageCommand(conversationId, conversationId.value(), text, Cancellation.none());
    }

    @Override
    public String toString() {
        return "SendMessageCommand[conversationId=" + conversationId + ", userKey=" + userKey + ", chars="
                + text.length() + ", address=" + (clientAddress.isPresent() ? "known" : "unknown") + ", locale="
                + (locale.isPresent() ? "known" : "unknown")
                + "]";
    }
}
