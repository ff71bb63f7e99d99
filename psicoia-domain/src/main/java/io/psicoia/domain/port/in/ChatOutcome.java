package io.psicoia.domain.port.in;

import io.psicoia.domain.model.TokenUsage;
import io.psicoia.domain.port.out.LlmUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How a turn ended. Expected outcomes are values, not exceptions. */
public sealed interface ChatOutcome
        permits ChatOutcome.Reply,
                ChatOutcome.RateLimited,
                ChatOutcome.Busy,
                ChatOutcome.ServiceUnavailable,
                ChatOutcome.SafeFallback {

    /**
     * The reply was streamed to the sink.
     *
     * @param complete false when it was cut short by cancellation
     * @param usage tokens the model reported, when it did
     */
    record Reply(boolean complete, Optional<TokenUsage> usage) implements ChatOutcome {
        public Reply {
            Objects.requireNonNull(usage, "usage");
        }
    }

    /**
     * Too many messages in the rate window; nothing reached the model.
     *
     * @param retryAfter exactly how long until the next message is allowed
     */
    record RateLimited(Duration retryAfter) implements ChatOutcome {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * No capacity for this message right now; nothing reached the model.
     *
     * @param reason which limit was full
     */
    record Busy(BusyReason reason) implements ChatOutcome {
        public Busy {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Which limit made a message {@link Busy}. */
    enum BusyReason {
        /** The person already has {@code PER_USER_MAX} messages waiting for an answer. */
        PER_USER,
        /** Every model slot stayed taken for the whole queue timeout. */
        QUEUE_TIMEOUT
    }

    /**
     * The model could not answer (after its retries).
     *
     * @param reason why, in the port's terms
     * @param partial whether part of a reply had already been streamed when it failed
     */
    record ServiceUnavailable(LlmUnavailableException.Reason reason, boolean partial) implements ChatOutcome {
        public ServiceUnavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A message that showed risk got no reply of the model: it failed, or no model slot came free within the queue
     * timeout. The person already had the safety notice and was sent a short fixed follow-up (as deltas) instead of
     * an error; for them the turn is complete.
     *
     * @param modelFailure why the model did not answer; empty when no slot came free in time
     */
    record SafeFallback(Optional<LlmUnavailableException.Reason> modelFailure) implements ChatOutcome {
        public SafeFallback {
            Objects.requireNonNull(modelFailure, "modelFailure");
        }
    }
}
