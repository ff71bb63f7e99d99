package io.psicoia.adapter.tcp.protocol;

import java.util.Objects;

/**
 * {@code {"type":"welcome","user":"Usuario-N","limits":{"maxChars":…,"rateMaxMessages":…,"rateWindowSeconds":…}}}.
 */
public record WelcomeFrame(String user, Limits limits) implements ServerFrame {

    public WelcomeFrame {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(limits, "limits");
    }

    /** The limits a client should respect, so it can tell the person before the server refuses. */
    public record Limits(int maxChars, int rateMaxMessages, int rateWindowSeconds) {
        public Limits {
            if (maxChars < 1 || rateMaxMessages < 1 || rateWindowSeconds < 1) {
                throw new IllegalArgumentException("limits must be at least 1");
            }
        }
    }
}
