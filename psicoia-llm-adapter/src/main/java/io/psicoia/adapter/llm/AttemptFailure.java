package io.psicoia.adapter.llm;

import io.psicoia.domain.port.out.LlmUnavailableException;
import io.psicoia.domain.port.out.LlmUnavailableException.Reason;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why one attempt failed, inside the adapter. Its message is safe to log (status codes and fixed phrases only); it
 * carries no cause, because library exceptions may quote response bytes or addresses.
 */
final class AttemptFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Marks a failure that did not come with an HTTP status. */
    static final int NO_STATUS = 0;

    private final Reason reason;
    private final int status;
    private final transient Optional<Duration> retryAfter;
    private final boolean retryable;

    AttemptFailure(Reason reason, String safeMessage, int status, Optional<Duration> retryAfter, boolean retryable) {
        super(Objects.requireNonNull(safeMessage, "safeMessage"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.retryable = retryable;
    }

    /** A failure without a status code and without a provider-requested wait. */
    static AttemptFailure of(Reason reason, String safeMessage, boolean retryable) {
        return new AttemptFailure(reason, safeMessage, NO_STATUS, Optional.empty(), retryable);
    }

    /**
     * Maps a non-2xx status. Never retried: 400, 401, 403, 404, 413, 422. Retried: 408, 409, 429, 498 (capacity) and
     * 5xx. {@code shouldRetry} ({@code x-should-retry}) overrides the choice for the other statuses.
     */
    static AttemptFailure forStatus(int status, Optional<Duration> retryAfter, Optional<Boolean> shouldRetry) {
        String message = "LLM responded " + status;
        switch (status) {
            case 401:
            case 403:
                return new AttemptFailure(Reason.AUTH, message, status, retryAfter, false);
            case 400:
            case 404:
            case 413:
            case 422:
                return new AttemptFailure(Reason.BAD_REQUEST, message, status, retryAfter, false);
            case 429:
                return new AttemptFailure(Reason.RATE_LIMITED, message, status, retryAfter, shouldRetry.orElse(true));
            default:
                boolean transientStatus = status == 408 || status == 409 || status == 498 || status >= 500;
                return new AttemptFailure(
                        Reason.UPSTREAM_ERROR, message, status, retryAfter, shouldRetry.orElse(transientStatus));
        }
    }

    /** The same failure, no longer retryable (part of the reply already reached the person). */
    AttemptFailure notRetryable() {
        return retryable ? new AttemptFailure(reason, getMessage(), status, retryAfter, false) : this;
    }

    Reason reason() {
        return reason;
    }

    /** The HTTP status, or {@link #NO_STATUS}. */
    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    boolean retryable() {
        return retryable;
    }

    LlmUnavailableException toException() {
        return new LlmUnavailableException(reason, getMessage(), retryAfter, null);
    }
}
