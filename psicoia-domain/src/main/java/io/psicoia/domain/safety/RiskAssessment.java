package io.psicoia.domain.safety;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The triage of one message: its level, whom it is about, and the signals that decided it. Holds no text, so it can
 * be logged and counted.
 */
public record RiskAssessment(RiskLevel level, RiskSubject subject, Set<RiskSignal> signals) {

    public RiskAssessment {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(subject, "subject");
        // An unmodifiable EnumSet: one copy, and signals always listed in declaration order.
        signals = signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
    }
}
