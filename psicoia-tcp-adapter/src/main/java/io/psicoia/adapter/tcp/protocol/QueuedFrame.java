package io.psicoia.adapter.tcp.protocol;

import java.util.Objects;

/** {@code {"type":"queued","id":"…"}}: the message waits for a free slot. */
public record QueuedFrame(String id) implements ServerFrame {

    public QueuedFrame {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return "QueuedFrame[idChars=" + id.length() + "]";
    }
}
