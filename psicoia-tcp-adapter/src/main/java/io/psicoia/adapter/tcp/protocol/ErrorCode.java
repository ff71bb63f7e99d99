package io.psicoia.adapter.tcp.protocol;

import java.util.Locale;

/** The {@code code} of an {@code error} frame; on the wire in lower case ({@code rate_limited}, ...). */
public enum ErrorCode {
    RATE_LIMITED,
    BUSY,
    TOO_LONG,
    BAD_REQUEST,
    UNAVAILABLE,
    SHUTTING_DOWN;

    /** The value sent on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
