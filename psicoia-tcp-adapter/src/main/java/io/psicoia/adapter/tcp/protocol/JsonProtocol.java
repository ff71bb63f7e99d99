package io.psicoia.adapter.tcp.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.netty.util.NetUtil;
import io.psicoia.domain.safety.Helpline;
import io.psicoia.domain.safety.SafetyNotice;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON (NDJSON) mode of the wire protocol: one JSON object per line in both directions. See
 * {@code docs/protocol.md}.
 *
 * <p>Parsing never throws for any input and never lets the input reach an exception or log message: Jackson's
 * {@link StreamReadFeature#INCLUDE_SOURCE_IN_LOCATION} is disabled explicitly and parse exceptions are mapped to a
 * {@link ParseResult.Problem} without reading their message. Size guards ({@link StreamReadConstraints}): nesting
 * {@value #MAX_NESTING_DEPTH}, document length {@link #maxLineBytes()}, numbers {@value #MAX_NUMBER_CHARS} digits,
 * field names {@value #MAX_NAME_CHARS} characters.
 *
 * <p>Thread-safe; one instance per server.
 */
public final class JsonProtocol {

    /** Longest message id accepted, in characters (code points). */
    public static final int MAX_ID_CHARS = 128;
    /** Longest {@code client} or {@code locale} honoured in a hello, in characters. */
    public static final int MAX_HELLO_FIELD_CHARS = 128;

    static final int MAX_NESTING_DEPTH = 16;
    static final int MAX_NUMBER_CHARS = 32;
    static final int MAX_NAME_CHARS = 256;
    /** A JSON escape of one code point takes at most 12 characters ({@code \ud83d\ude0a}). */
    private static final int MAX_ESCAPED_CHARS_PER_CHAR = 12;
    /** Room for the field names, quotes and a few unknown fields. */
    private static final int ENVELOPE_BYTES = 1024;

    private final int maxMessageChars;
    private final int maxLineBytes;
    private final JsonFactory factory;
    private final ObjectReader reader;

    /** A protocol accepting message texts of up to {@code maxMessageChars} code points. */
    public JsonProtocol(int maxMessageChars) {
        if (maxMessageChars < 1 || maxMessageChars > 1_000_000) {
            throw new IllegalArgumentException("maxMessageChars out of range: " + maxMessageChars);
        }
        this.maxMessageChars = maxMessageChars;
        this.maxLineBytes = MAX_ESCAPED_CHARS_PER_CHAR * (maxMessageChars + MAX_ID_CHARS) + ENVELOPE_BYTES;
        this.factory = new JsonFactoryBuilder()
                // Parse errors never quote the input, whatever Jackson's default.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxDocumentLength(maxLineBytes)
                        .maxStringLength(maxLineBytes)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxNameLength(MAX_NAME_CHARS)
                        .build())
                .characterEscapes(new LineSafeEscapes())
                .build();
        this.reader = new ObjectMapper(factory)
                .readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The character limit for message texts. */
    public int maxMessageChars() {
        return maxMessageChars;
    }

    /**
     * The longest line a JSON-mode client can need for a message within the limit (its text and id fully escaped);
     * the line decoder's byte and character limits in JSON mode.
     */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** Whether the first line a client sent switches the connection to JSON mode: an object with {@code "type":"hello"}. */
    public boolean isHello(String firstLine) {
        if (!firstLine.stripLeading().startsWith("{")) {
            return false;
        }
        Optional<JsonNode> tree = readTree(firstLine);
        return tree.isPresent()
                && tree.get().isObject()
                && "hello".equals(tree.get().path("type").textValue());
    }

    /** The client frame on this line, or why it is rejected. Never throws for any input. */
    public ParseResult parse(String line) {
        Optional<JsonNode> tree = readTree(line);
        if (tree.isEmpty()) {
            return rejected(ParseResult.Problem.MALFORMED_JSON, Optional.empty());
        }
        JsonNode node = tree.get();
        if (!node.isObject()) {
            return rejected(ParseResult.Problem.NOT_AN_OBJECT, Optional.empty());
        }
        Optional<String> validId = validId(node.get("id"));
        String type = node.path("type").textValue();
        if (type == null) {
            return rejected(ParseResult.Problem.MISSING_TYPE, validId);
        }
        switch (type) {
            case "hello":
                return ok(hello(node));
            case "message":
                return message(node, validId);
            case "cancel":
                return idProblem(node.get("id"))
                        .map(p -> rejected(p, Optional.empty()))
                        .orElseGet(() -> ok(new CancelFrame(validId.orElseThrow())));
            case "ping":
                return ok(new PingFrame());
            case "bye":
                return ok(new ByeFrame());
            default:
                return rejected(ParseResult.Problem.UNKNOWN_TYPE, validId);
        }
    }

    /** One compact JSON object, without line terminator (the caller adds {@code \n}); never contains a raw line break. */
    public String encode(ServerFrame frame) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            if (frame instanceof WelcomeFrame welcome) {
                json.writeStringField("type", "welcome");
                json.writeStringField("user", welcome.user());
                json.writeObjectFieldStart("limits");
                json.writeNumberField("maxChars", welcome.limits().maxChars());
                json.writeNumberField("rateMaxMessages", welcome.limits().rateMaxMessages());
                json.writeNumberField("rateWindowSeconds", welcome.limits().rateWindowSeconds());
                json.writeEndObject();
            } else if (frame instanceof DeltaFrame delta) {
                json.writeStringField("type", "delta");
                json.writeStringField("id", delta.id());
                json.writeStringField("text", delta.text());
            } else if (frame instanceof DoneFrame done) {
                json.writeStringField("type", "done");
                json.writeStringField("id", done.id());
                json.writeBooleanField("complete", done.complete());
            } else if (frame instanceof ErrorFrame error) {
                json.writeStringField("type", "error");
                if (error.id().isPresent()) {
                    json.writeStringField("id", error.id().get());
                }
                json.writeStringField("code", error.code().wire());
                json.writeStringField("message", error.message());
                if (error.retryAfterMs().isPresent()) {
                    json.writeNumberField("retryAfterMs", error.retryAfterMs().getAsLong());
                }
            } else if (frame instanceof QueuedFrame queued) {
                json.writeStringField("type", "queued");
                json.writeStringField("id", queued.id());
            } else if (frame instanceof PongFrame) {
                json.writeStringField("type", "pong");
            } else if (frame instanceof SafetyFrame safety) {
                writeSafety(json, safety);
            } else {
                throw new IllegalArgumentException(
                        "unknown frame: " + frame.getClass().getSimpleName());
            }
            json.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail; the message names no content.
            throw new UncheckedIOException(
                    "could not encode " + frame.getClass().getSimpleName(), e);
        }
        return out.toString();
    }

    private static void writeSafety(JsonGenerator json, SafetyFrame frame) throws IOException {
        SafetyNotice notice = frame.notice();
        json.writeStringField("type", "safety");
        json.writeStringField("id", frame.id());
        json.writeStringField("level", notice.level().name().toLowerCase(Locale.ROOT));
        json.writeStringField("about", notice.about().name().toLowerCase(Locale.ROOT));
        if (notice.country().isPresent()) {
            json.writeStringField("country", notice.country().get());
        } else {
            json.writeNullField("country");
        }
        json.writeStringField("message", notice.message());
        json.writeArrayFieldStart("resources");
        for (Helpline line : notice.resources()) {
            json.writeStartObject();
            json.writeStringField("name", line.service());
            json.writeStringField("contact", line.contact());
            json.writeStringField("hours", line.hours());
            json.writeStringField("channel", line.channel());
            json.writeStringField("region", line.region());
            json.writeBooleanField("emergency", line.emergency());
            json.writeStringField("cost", line.cost());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private Optional<JsonNode> readTree(String line) {
        try {
            JsonNode node = reader.readValue(line);
            return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
        } catch (JacksonException e) {
            // Deliberately ignored: Jackson's message may quote the input.
            return Optional.empty();
        }
    }

    private ParseResult message(JsonNode node, Optional<String> validId) {
        Optional<ParseResult.Problem> idProblem = idProblem(node.get("id"));
        if (idProblem.isPresent()) {
            return rejected(idProblem.get(), Optional.empty());
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return rejected(ParseResult.Problem.MISSING_TEXT, validId);
        }
        String clean = InputText.cleanKeepingLineBreaks(text.textValue());
        if (clean.isBlank()) {
            return rejected(ParseResult.Problem.BLANK_TEXT, validId);
        }
        if (InputText.characters(clean) > maxMessageChars) {
            return rejected(ParseResult.Problem.TEXT_TOO_LONG, validId);
        }
        return ok(new MessageFrame(validId.orElseThrow(), clean));
    }

    private static HelloFrame hello(JsonNode node) {
        Optional<InetAddress> peer = helloField(node, "peer").map(NetUtil::createInetAddressFromIpAddressString);
        return new HelloFrame(helloField(node, "client"), helloField(node, "locale"), peer);
    }

    private static Optional<String> helloField(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        String clean = InputText.clean(value.textValue()).strip();
        return clean.isEmpty() || InputText.characters(clean) > MAX_HELLO_FIELD_CHARS
                ? Optional.empty()
                : Optional.of(clean);
    }

    private static Optional<ParseResult.Problem> idProblem(JsonNode id) {
        if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
            return Optional.of(ParseResult.Problem.MISSING_ID);
        }
        String value = id.textValue();
        if (InputText.characters(value) > MAX_ID_CHARS
                || !InputText.clean(value).equals(value)) {
            return Optional.of(ParseResult.Problem.INVALID_ID);
        }
        return Optional.empty();
    }

    private static Optional<String> validId(JsonNode id) {
        return idProblem(id).isEmpty() ? Optional.of(id.textValue()) : Optional.empty();
    }

    private static ParseResult ok(ClientFrame frame) {
        return new ParseResult.Ok(frame);
    }

    private static ParseResult rejected(ParseResult.Problem problem, Optional<String> id) {
        return new ParseResult.Rejected(problem, id);
    }

    /**
     * Jackson's standard escapes (quotes, backslash, every control character, so {@code \n} is written as
     * {@code \\n}), plus U+2028 and U+2029, which some line readers treat as line breaks. Other non-ASCII characters
     * (accents, emoji) are written as UTF-8, unescaped.
     */
    private static final class LineSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return LINE_SEPARATOR;
            }
            return ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
        }
    }
}
