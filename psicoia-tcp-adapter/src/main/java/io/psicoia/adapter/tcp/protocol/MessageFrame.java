package io.psicoia.adapter.tcp.protocol;

import java.util.Objects;

/**
 * {@code {"type":"message","id":"…","text":"…"}}. The text is cleaned ({@link InputText#cleanKeepingLineBreaks}),
 * not blank, and within the character limit. {@code toString()} shows lengths only.
 */
public record MessageFrame(String id, String text) implements ClientFrame {

    public MessageFrame {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "MessageFrame[idChars=" + id.length() + ", chars=" + InputText.characters(text) + "]";
    }
}
