package io.psicoia.gateway.ws;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The little JSON the gateway reads: whether the browser's first frame is a {@code hello} (to add the browser's
 * address as {@code peer}), and which of the app's lines are {@code welcome} and {@code error}. Everything else is
 * relayed without parsing. Streaming parser only; no message text is ever logged or kept beyond a close reason.
 */
final class JsonLines {

    private static final JsonFactory JSON = JsonFactory.builder()
            // Parse errors must not quote the input (it is a private conversation): off explicitly, as STYLE §7 asks.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The hello the gateway sends itself when the browser's first frame is not one. */
    static final String GATEWAY_CLIENT = "psicoia-gateway";

    private JsonLines() {}

    /**
     * When {@code frame} is a JSON object whose {@code type} is {@code "hello"}: the same object with {@code peer} set
     * to {@code peer} (any {@code peer} the browser sent is dropped), as a new buffer. Otherwise empty.
     */
    static Optional<ByteBuf> helloWithPeer(ByteBuf frame, String peer, ByteBufAllocator alloc) {
        if (!startsWithBrace(frame)) {
            return Optional.empty();
        }
        ByteBuf out = alloc.buffer(frame.readableBytes() + 64);
        boolean ok = false;
        try {
            ok = copyHelloWithPeer(frame, peer, out);
        } catch (IOException e) {
            ok = false;
        } finally {
            if (!ok) {
                out.release();
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** Writes the hello with {@code peer} to {@code out}; false when {@code frame} is not a hello. */
    private static boolean copyHelloWithPeer(ByteBuf frame, String peer, ByteBuf out) throws IOException {
        boolean hello = false;
        try (JsonParser parser = JSON.createParser((InputStream) new ByteBufInputStream(frame.duplicate()));
                JsonGenerator generator =
                        JSON.createGenerator((OutputStream) new ByteBufOutputStream(out), JsonEncoding.UTF8)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            generator.writeStartObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("peer")) {
                    parser.skipChildren();
                    continue;
                }
                if (name.equals("type")) {
                    hello = value == JsonToken.VALUE_STRING && parser.getText().equals("hello");
                }
                generator.writeFieldName(name);
                generator.copyCurrentStructure(parser);
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || !hello) {
                return false;
            }
            generator.writeStringField("peer", peer);
            generator.writeEndObject();
        }
        return true;
    }

    /** {@code {"type":"hello","client":"psicoia-gateway","peer":"…"}}. */
    static String gatewayHello(String peer) {
        StringWriter writer = new StringWriter(80);
        try (JsonGenerator g = JSON.createGenerator(writer)) {
            g.writeStartObject();
            g.writeStringField("type", "hello");
            g.writeStringField("client", GATEWAY_CLIENT);
            g.writeStringField("peer", peer);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString();
    }

    /** The {@code type} of a JSON object line, when it is one. */
    static Optional<String> type(ByteBuf line) {
        return field(line, "type");
    }

    /** A top-level string field of a JSON object line, when the line is one and has it. */
    static Optional<String> field(ByteBuf line, String field) {
        if (!startsWithBrace(line)) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser((InputStream) new ByteBufInputStream(line.duplicate()))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field)) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWithBrace(ByteBuf buf) {
        for (int i = buf.readerIndex(); i < buf.writerIndex(); i++) {
            byte b = buf.getByte(i);
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return false;
    }
}
