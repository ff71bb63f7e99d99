package io.psicoia.adapter.tcp.protocol;

import java.util.Objects;

/** {@code {"type":"cancel","id":"…"}}: stop answering the message with this id. */
public record CancelFrame(String id) implements ClientFrame {

    public CancelFrame {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return "CancelFrame[idChars=" + id.length() + "]";
    }
}
