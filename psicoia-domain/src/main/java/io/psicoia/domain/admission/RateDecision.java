package io.psicoia.domain.admission;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a {@link RateLimiter}: allowed, or refused with the exact wait until the next message is allowed.
 *
 * @param allowed whether the message may go on
 * @param retryAfter zero when allowed; otherwise the time until a slot frees up
 */
public record RateDecision(boolean allowed, Duration retryAfter) {

    private static final RateDecision ALLOWED = new RateDecision(true, Duration.ZERO);

    public RateDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (allowed != retryAfter.isZero() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("allowed decisions wait zero; refusals wait a positive time");
        }
    }

    public static RateDecision allow() {
        return ALLOWED;
    }

    public static RateDecision refuse(Duration retryAfter) {
        return new RateDecision(false, retryAfter);
    }
}
