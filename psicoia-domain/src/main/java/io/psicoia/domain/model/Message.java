package io.psicoia.domain.model;

import java.util.Objects;

/**
 * One message of a conversation. Its text is private: {@link #toString()} shows the role and the length only.
 *
 * @param role who wrote it
 * @param text what was written; never logged
 */
public record Message(Role role, String text) {

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static Message system(String text) {
        return new Message(Role.SYSTEM, text);
    }

    public static Message user(String text) {
        return new Message(Role.USER, text);
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, text);
    }

    @Override
    public String toString() {
        return "Message[role=" + role + ", chars=" + text.length() + "]";
    }
}
