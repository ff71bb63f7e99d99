package io.psicoia.adapter.tcp.protocol;

import java.util.Objects;

/**
 * {@code {"type":"done","id":"…","complete":true|false}}: the reply ended; {@code complete} is false when it was cut
 * short (cancelled, or the model's length cap).
 */
public record DoneFrame(String id, boolean complete) implements ServerFrame {

    public DoneFrame {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return "DoneFrame[idChars=" + id.length() + ", complete=" + complete + "]";
    }
}
