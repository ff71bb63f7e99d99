package io.psicoia.domain.port.out;

/** Why a model stopped writing. */
public enum FinishReason {
    /** The reply is whole. */
    STOP,
    /** The reply reached the length cap. */
    LENGTH,
    /** The provider filtered the reply. */
    CONTENT_FILTER,
    /** The caller cancelled the call. */
    CANCELLED,
    /** The provider gave no reason, or one this version does not know. */
    UNKNOWN
}
