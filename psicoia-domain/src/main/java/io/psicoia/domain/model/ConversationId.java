package io.psicoia.domain.model;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Identifies one conversation. It is random and carries no user data, so it is safe to log.
 *
 * @param value short lowercase hex or any caller-chosen token of letters, digits, '-' and '_'
 */
public record ConversationId(String value) {

    public ConversationId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("conversation id must be 1-64 letters, digits, '-' or '_'");
        }
    }

    /** A new random id of 8 hex digits. */
    public static ConversationId random(RandomGenerator random) {
        return new ConversationId(String.format("%08x", random.nextInt()));
    }

    @Override
    public String toString() {
        return value;
    }
}
