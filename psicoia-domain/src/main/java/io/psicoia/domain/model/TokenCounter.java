package io.psicoia.domain.model;

/**
 * Outbound port: counts the tokens a model would see. Implemented by an adapter with a real tokenizer; it lives beside
 * {@link TokenWindow}, its only user, so that the model package stays free of the port packages.
 */
@FunctionalInterface
public interface TokenCounter {

    /** Tokens the chat format adds around every message (role markers and separators). */
    int MESSAGE_OVERHEAD_TOKENS = 4;

    /** Tokens in {@code text} alone. */
    int count(String text);

    /** Tokens a whole message costs in a prompt: its text plus the per-message overhead. */
    default int count(Message message) {
        return count(message.text()) + MESSAGE_OVERHEAD_TOKENS;
    }

    /**
     * A number never below {@link #count(String)}, cheaper to get (for a byte-level BPE: the UTF-8 length). The
     * window uses it to skip tokenizing messages that fit anyway. By default the exact count.
     */
    default int upperBound(String text) {
        return count(text);
    }

    /** {@link #upperBound(String)} for a whole message, overhead included. */
    default int upperBound(Message message) {
        return upperBound(message.text()) + MESSAGE_OVERHEAD_TOKENS;
    }
}
