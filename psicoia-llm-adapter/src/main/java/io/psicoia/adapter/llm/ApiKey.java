package io.psicoia.adapter.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret that authenticates PsicoIA to the model provider. It never shows itself: {@link #toString()} prints a
 * fixed mask, and only the adapter reads the value, to build the {@code Authorization} header.
 */
public final class ApiKey {

    private static final String MASK = "ApiKey[****]";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a key, ignoring surrounding whitespace (a trailing newline from a secrets file, for example).
     *
     * @throws IllegalArgumentException when the key is blank or holds characters an HTTP header cannot carry; the
     *     message never quotes the key
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "apiKey");
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("apiKey must hold visible ASCII characters only");
            }
        }
        return new ApiKey(stripped);
    }

    /** A key when {@code value} holds one; empty when it is null or blank (local servers need none). */
    public static Optional<ApiKey> ofNullable(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(of(value));
    }

    /** The secret itself, for the {@code Authorization} header only. Never log or store it. */
    String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), key.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
