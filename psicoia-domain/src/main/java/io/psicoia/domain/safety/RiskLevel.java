package io.psicoia.domain.safety;

/** How much danger a message or a conversation shows, in increasing order. */
public enum RiskLevel {
    /** No sign of risk. */
    NONE,
    /** Distress or hopelessness without any thought of death or self-harm, or a crisis told as past. */
    LOW,
    /** Passive wishes to die or disappear, feeling a burden, self-harm without intent to die. */
    MEDIUM,
    /** Active thoughts of suicide, questions about methods, a recent attempt, a farewell. */
    HIGH,
    /** A plan with means or a time, or an act in progress. */
    IMMINENT;

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    /** Whether this level gets the crisis response (never refused, never queued, the crisis line at once). */
    public boolean isCrisis() {
        return atLeast(MEDIUM);
    }

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The next level down, or {@link #NONE}. */
    public RiskLevel lower() {
        return this == NONE ? NONE : values()[ordinal() - 1];
    }
}
