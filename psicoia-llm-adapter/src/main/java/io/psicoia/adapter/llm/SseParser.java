package io.psicoia.adapter.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Incremental Server-Sent Events parser (the subset a chat completion stream uses). Fed raw bytes in chunks of any
 * size, split anywhere (inside a UTF-8 sequence, or between the CR and LF of a line end), it hands the data of each
 * complete event to its consumer.
 *
 * <p>Lines end with LF, CRLF or CR. {@code data:} lines (with or without one space after the colon) accumulate, joined
 * by LF; a blank line dispatches the event; lines starting with {@code :} are comments; other fields ({@code event},
 * {@code id}, {@code retry}) are ignored. An event without data is not dispatched, and an unterminated event at the end
 * of the stream is dropped, as the SSE specification says. The {@code [DONE]} terminator arrives as ordinary data.
 *
 * <p>Not thread-safe: one parser per stream.
 */
final class SseParser {

    /** Longest line accepted, so that a server sending no line ends cannot exhaust memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Consumer<String> onEventData;
    private final int maxLineBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean lastWasCr;
    private boolean atStreamStart = true;

    SseParser(Consumer<String> onEventData) {
        this(onEventData, MAX_LINE_BYTES);
    }

    SseParser(Consumer<String> onEventData, int maxLineBytes) {
        this.onEventData = Objects.requireNonNull(onEventData, "onEventData");
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Parses {@code length} bytes of {@code bytes} from {@code offset}, dispatching every event they complete.
     *
     * @throws IOException when a line is longer than the limit (the message quotes nothing)
     */
    void feed(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int lineStart = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == LF && lastWasCr) {
                // Second half of a CRLF whose CR ended the line already (maybe in an earlier chunk).
                lastWasCr = false;
                lineStart = i + 1;
                continue;
            }
            lastWasCr = b == CR;
            if (b == CR || b == LF) {
                appendToLine(bytes, lineStart, i - lineStart);
                endLine();
                lineStart = i + 1;
            }
        }
        appendToLine(bytes, lineStart, end - lineStart);
    }

    private void appendToLine(byte[] bytes, int from, int count) throws IOException {
        if (count <= 0) {
            return;
        }
        if (line.size() + count > maxLineBytes) {
            throw new IOException("SSE line longer than " + maxLineBytes + " bytes");
        }
        line.write(bytes, from, count);
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (atStreamStart) {
            atStreamStart = false;
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
        }
        processLine(text);
    }

    private void processLine(String text) {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        if (!field.equals("data")) {
            return;
        }
        String value = "";
        if (colon >= 0) {
            int valueStart = colon + 1;
            if (valueStart < text.length() && text.charAt(valueStart) == ' ') {
                valueStart++;
            }
            value = text.substring(valueStart);
        }
        if (hasData) {
            data.append('\n');
        }
        data.append(value);
        hasData = true;
    }

    private void dispatch() {
        if (!hasData) {
            return;
        }
        String eventData = data.toString();
        data.setLength(0);
        hasData = false;
        onEventData.accept(eventData);
    }
}
