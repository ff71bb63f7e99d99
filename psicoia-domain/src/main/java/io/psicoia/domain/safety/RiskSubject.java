package io.psicoia.domain.safety;

/** Whose danger a message is about. */
public enum RiskSubject {
    /** The person writing. */
    SELF,
    /** Someone else the person is worried about ("mi amiga dice que se quiere matar"). */
    OTHER,
    /** Nobody in particular: statistics, school work, a professional asking in general terms. */
    GENERAL
}
