package io.psicoia.domain.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The only exception an {@link LlmPort} throws: no reply could be had. Its message is safe to log by construction: it
 * never holds user text, upstream bodies or headers.
 */
public final class LlmUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no reply could be had. */
    public enum Reason {
        /** The provider refused because of its own rate limits, even after retries. */
        RATE_LIMITED,
        /** The provider did not answer in time. */
        TIMEOUT,
        /** The provider could not be reached (connection refused, name not resolved, connection reset). */
        UNREACHABLE,
        /** The provider answered with a server error, or broke the stream. */
        UPSTREAM_ERROR,
        /** The provider refused the credentials (401/403). */
        AUTH,
        /** The provider refused the request as malformed (400, 404, 413, 422). */
        BAD_REQUEST
    }

    private final Reason reason;
    private final transient Optional<Duration> retryAfter;

    public LlmUnavailableException(Reason reason, String safeMessage) {
        this(reason, safeMessage, Optional.empty(), null);
    }

    public LlmUnavailableException(Reason reason, String safeMessage, Optional<Duration> retryAfter, Throwable cause) {
        super(Objects.requireNonNull(safeMessage, "safeMessage"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Reason reason() {
        return reason;
    }

    /** How long the provider asked to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
