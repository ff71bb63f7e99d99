package io.psicoia.adapter.tcp.protocol;

import java.util.Objects;

/** {@code {"type":"delta","id":"…","text":"…"}}: the next piece of the reply. {@code toString()} shows lengths only. */
public record DeltaFrame(String id, String text) implements ServerFrame {

    public DeltaFrame {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "DeltaFrame[idChars=" + id.length() + ", chars=" + InputText.characters(text) + "]";
    }
}
