package io.psicoia.domain.safety;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The triage of one message: its level, whom it is about, and the signals that decided it. Holds no text, so it can
 * be logged and counted.
 */
public record RiskAssessment(RiskLevel level, RiskSubject subject, Set<RiskSignal> signals) {

    public static final RiskAssessment NONE = new RiskAssessment(RiskLevel.NONE, RiskSubject.SELF, Set.of());

    public RiskAssessment {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(subject, "subject");
        signals = signals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signals));
    }

    /** The person writing is at risk (medium or above). */
    public boolean isSelfCrisis() {
        return subject == RiskSubject.SELF && level.isCrisis();
    }

    /** Someone the person knows is at risk (medium or above). */
    public boolean isOtherCrisis() {
        return subject == RiskSubject.OTHER && level.isCrisis();
    }
}
