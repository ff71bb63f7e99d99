package io.psicoia.domain.safety;

/** What the triage recognised in a message. Names only: a signal never carries the words that raised it. */
public enum RiskSignal {
    DISTRESS,
    PASSIVE_WISH,
    SELF_HARM,
    GIVING_AWAY,
    SUICIDAL_INTENT,
    METHOD_QUESTION,
    RECENT_ATTEMPT,
    FAREWELL,
    GOODBYE,
    PLAN,
    MEANS,
    TIMING,
    PLACE,
    ACT_IN_PROGRESS,
    PAST_RESOLVED,
    NEGATED,
    IDIOM,
    THIRD_PARTY,
    GENERAL_TOPIC,
    /** Raised by the learned model ({@code RiskModel}) where no phrase matched. */
    LEARNED
}
