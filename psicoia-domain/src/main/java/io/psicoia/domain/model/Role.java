package io.psicoia.domain.model;

/** Who wrote a message in a conversation. */
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
}
