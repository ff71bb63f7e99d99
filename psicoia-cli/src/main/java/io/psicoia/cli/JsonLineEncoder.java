package io.psicoia.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per log line ({@code --log-format json}): {@code ts}, {@code level}, {@code logger}, {@code thread},
 * then the fields of PsicoIA's {@code event=… key=value} messages as their own members, and the whole message as
 * {@code msg}. An exception is reduced to its type: its message and stack could carry what the code that threw it had
 * at hand. Log messages never hold what people write (the privacy rule), so neither does this.
 */
final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] NOTHING = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField(
                    "ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            String message = event.getFormattedMessage();
            for (Map.Entry<String, String> field : fields(message).entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeStringField("msg", message);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                json.writeStringField("exception", thrown.getClassName());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a log event", e);
        }
        return (out + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The {@code key=value} and {@code key="quoted value"} pairs of a message, in order; words that are not pairs are
     * skipped. Keys are letters, digits, dots and underscores; {@code ts}, {@code level}, {@code logger}, {@code
     * thread}, {@code msg} and {@code exception} are never taken from a message.
     */
    static Map<String, String> fields(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        int n = message.length();
        while (i < n) {
            while (i < n && message.charAt(i) == ' ') {
                i++;
            }
            int keyStart = i;
            while (i < n && isKeyChar(message.charAt(i))) {
                i++;
            }
            if (i == keyStart || i >= n || message.charAt(i) != '=') {
                while (i < n && message.charAt(i) != ' ') {
                    i++;
                }
                continue;
            }
            String key = message.substring(keyStart, i);
            i++;
            String value;
            if (i < n && message.charAt(i) == '"') {
                int close = message.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                value = message.substring(i + 1, end);
                i = close < 0 ? n : close + 1;
            } else {
                // A value runs to the next space outside brackets: "tcp=TcpServerConfig[host=0.0.0.0, port=5001]".
                int valueStart = i;
                int depth = 0;
                while (i < n && (message.charAt(i) != ' ' || depth > 0)) {
                    char c = message.charAt(i);
                    if (c == '[' || c == '(' || c == '{') {
                        depth++;
                    } else if ((c == ']' || c == ')' || c == '}') && depth > 0) {
                        depth--;
                    }
                    i++;
                }
                value = message.substring(valueStart, i);
            }
            if (!reserved(key)) {
                fields.putIfAbsent(key, value);
            }
        }
        return fields;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_';
    }

    private static boolean reserved(String key) {
        return switch (key) {
            case "ts", "level", "logger", "thread", "msg", "exception" -> true;
            default -> false;
        };
    }
}
