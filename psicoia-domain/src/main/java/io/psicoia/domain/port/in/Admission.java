package io.psicoia.domain.port.in;

import java.util.Objects;

/** Whether a submitted message was taken in. */
public sealed interface Admission permits Admission.Accepted, Admission.Refused {

    /** Taken in: it will be answered, and its outcome reported once. */
    record Accepted() implements Admission {}

    /**
     * Refused at once; it never reaches the model.
     *
     * @param outcome why: {@link ChatOutcome.RateLimited} or {@link ChatOutcome.Busy}
     */
    record Refused(ChatOutcome outcome) implements Admission {
        public Refused {
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
