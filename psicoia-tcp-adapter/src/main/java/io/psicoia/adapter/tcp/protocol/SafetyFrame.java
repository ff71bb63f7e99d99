package io.psicoia.adapter.tcp.protocol;

import io.psicoia.domain.safety.SafetyNotice;
import java.util.Objects;

/**
 * {@code {"type":"safety","id":"…","level":"high","about":"self","country":"AR","message":"…","resources":[…]}}: the
 * notice for a message that shows risk, or asked for help, sent before any other event about it.
 */
public record SafetyFrame(String id, SafetyNotice notice) implements ServerFrame {

    public SafetyFrame {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notice, "notice");
    }

    @Override
    public String toString() {
        return "SafetyFrame[idChars=" + id.length() + ", notice=" + notice + "]";
    }
}
