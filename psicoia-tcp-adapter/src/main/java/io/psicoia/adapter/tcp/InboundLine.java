package io.psicoia.adapter.tcp;

import io.psicoia.adapter.tcp.protocol.InputText;
import java.util.Objects;

/** What {@link BoundedLineDecoder} makes of one line a client sent. */
sealed interface InboundLine permits InboundLine.Text, InboundLine.TooLong, InboundLine.Invalid {

    /** A line over the byte or character limit; its content was discarded as it arrived. */
    InboundLine TOO_LONG = new TooLong();

    /** A line that is not valid UTF-8; its content was discarded. */
    InboundLine INVALID = new Invalid();

    /**
     * A well-formed line, already cleaned by {@link InputText#clean(String)}, without its line terminator. It may be
     * empty or blank: the caller decides what blank means. {@code toString()} shows the length only.
     */
    record Text(String text) implements InboundLine {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Text[chars=" + InputText.characters(text) + "]";
        }
    }

    /** Marker for a line over the limit. */
    record TooLong() implements InboundLine {}

    /** Marker for a line that is not valid UTF-8. */
    record Invalid() implements InboundLine {}
}
