package io.psicoia.adapter.tcp.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code {"type":"error","id":"…","code":"…","message":"…","retryAfterMs":…}}; {@code id} and {@code retryAfterMs}
 * are left out of the JSON when absent. {@code message} is a sentence from the Spanish catalogue, never user text.
 */
public record ErrorFrame(Optional<String> id, ErrorCode code, String message, OptionalLong retryAfterMs)
        implements ServerFrame {

    public ErrorFrame {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(retryAfterMs, "retryAfterMs");
        if (retryAfterMs.isPresent() && retryAfterMs.getAsLong() < 0) {
            throw new IllegalArgumentException("retryAfterMs must not be negative");
        }
    }

    /** An error about the connection or a line without a usable id. */
    public static ErrorFrame of(ErrorCode code, String message) {
        return new ErrorFrame(Optional.empty(), code, message, OptionalLong.empty());
    }

    /** An error about the message with this id. */
    public static ErrorFrame about(String id, ErrorCode code, String message) {
        return new ErrorFrame(Optional.of(id), code, message, OptionalLong.empty());
    }

    /** The same error telling the client how long to wait; the duration is rounded up to whole milliseconds. */
    public ErrorFrame withRetryAfter(Duration retryAfter) {
        long millis = retryAfter.plusNanos(999_999).toMillis();
        return new ErrorFrame(id, code, message, OptionalLong.of(millis));
    }

    @Override
    public String toString() {
        return "ErrorFrame[id=" + id.isPresent() + ", code=" + code.wire() + ", messageChars=" + message.length()
                + ", retryAfterMs=" + (retryAfterMs.isPresent() ? retryAfterMs.getAsLong() : "none") + "]";
    }
}
