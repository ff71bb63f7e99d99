package io.psicoia.adapter.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.psicoia.adapter.tcp.protocol.InputText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits the byte stream into lines ({@code \n}; a {@code \r} right before it is dropped) and emits one
 * {@link InboundLine} per line, never more than one per {@code decode} call, so a handler that changes the limits
 * (JSON mode) affects the very next line.
 *
 * <ul>
 *   <li>A line whose content (without terminator) exceeds {@code maxBytes} is discarded as it streams in: the decoder
 *       keeps at most {@code maxBytes + 1} bytes of a pending line (the {@code +1} is a possible {@code \r}) plus the
 *       last socket read, however long the line grows. When its newline arrives, one {@link InboundLine#TOO_LONG} is
 *       emitted and the next line is read normally.
 *   <li>Decoding is strict UTF-8 ({@link CodingErrorAction#REPORT}): malformed or overlong sequences and encoded
 *       surrogates give {@link InboundLine#INVALID} for that line; the connection stays usable.
 *   <li>Valid lines are cleaned with {@link InputText#clean(String)}; if the result has more than {@code maxChars}
 *       code points the line is {@link InboundLine#TOO_LONG}, else {@link InboundLine.Text}.
 *   <li>A partial line still pending when the channel closes is dropped: a message counts only once its newline
 *       arrived.
 * </ul>
 *
 * <p>Stateful: one instance per channel. {@link #setLimits(int, int)} must be called on the channel's event loop.
 */
final class BoundedLineDecoder extends ByteToMessageDecoder {

    /** UTF-8 needs at most four bytes per code point. */
    static final int MAX_BYTES_PER_CHAR = 4;

    private static final char REPLACEMENT = '\uFFFD';

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private int maxChars;
    private int maxBytes;
    /** Bytes after the reader index already searched for a newline. */
    private int scanned;
    /** Whether the current line went over the limit and its bytes are being skipped. */
    private boolean discarding;

    /** A decoder for lines of at most {@code maxChars} code points, allowing {@code maxChars × 4} bytes. */
    BoundedLineDecoder(int maxChars) {
        this(maxChars, bytesFor(maxChars));
    }

    /** A decoder for lines of at most {@code maxChars} code points and {@code maxBytes} bytes of UTF-8. */
    BoundedLineDecoder(int maxChars, int maxBytes) {
        setLimits(maxChars, maxBytes);
    }

    /** {@code maxChars × 4}, the bytes {@code maxChars} code points can take in UTF-8. */
    static int bytesFor(int maxChars) {
        if (maxChars < 1 || maxChars > Integer.MAX_VALUE / MAX_BYTES_PER_CHAR - 1) {
            throw new IllegalArgumentException("maxChars out of range: " + maxChars);
        }
        return maxChars * MAX_BYTES_PER_CHAR;
    }

    /** Changes the limits from the next line on (the line being received, if any, is judged by the new ones). */
    void setLimits(int maxChars, int maxBytes) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1: " + maxChars);
        }
        if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        this.maxChars = maxChars;
        this.maxBytes = maxBytes;
    }

    int maxChars() {
        return maxChars;
    }

    int maxBytes() {
        return maxBytes;
    }

    /** Bytes held for the line being received; never more than {@code maxBytes + 1} between reads. */
    int bufferedBytes() {
        return actualReadableBytes();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int eol = in.indexOf(start + scanned, end, (byte) '\n');
        if (eol < 0) {
            waitForNewline(in);
            return;
        }
        scanned = 0;
        if (discarding) {
            discarding = false;
            in.readerIndex(eol + 1);
            out.add(InboundLine.TOO_LONG);
            return;
        }
        int contentEnd = eol > start && in.getByte(eol - 1) == '\r' ? eol - 1 : eol;
        int length = contentEnd - start;
        out.add(length > maxBytes ? InboundLine.TOO_LONG : decodeLine(in, start, length));
        in.readerIndex(eol + 1);
    }

    private void waitForNewline(ByteBuf in) {
        int readable = in.readableBytes();
        if (discarding) {
            in.skipBytes(readable);
            scanned = 0;
        } else if (readable > maxBytes + 1 || (readable == maxBytes + 1 && in.getByte(in.writerIndex() - 1) != '\r')) {
            discarding = true;
            in.skipBytes(readable);
            scanned = 0;
        } else {
            scanned = readable;
        }
    }

    private InboundLine decodeLine(ByteBuf in, int start, int length) {
        if (length == 0) {
            return new InboundLine.Text("");
        }
        // The JDK's own UTF-8 decoding (through a per-thread array, no buffer views) replaces every malformed
        // sequence with U+FFFD. Without one the line was valid; with one, the strict decoder decides, because a
        // client may also have sent a real U+FFFD.
        String text = in.toString(start, length, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) >= 0) {
            ByteBuffer bytes = in.nioBufferCount() == 1 ? in.nioBuffer(start, length) : copy(in, start, length);
            try {
                text = utf8.decode(bytes).toString();
            } catch (CharacterCodingException e) {
                return InboundLine.INVALID;
            }
        }
        String clean = InputText.clean(text);
        return InputText.characters(clean) > maxChars ? InboundLine.TOO_LONG : new InboundLine.Text(clean);
    }

    private static ByteBuffer copy(ByteBuf in, int start, int length) {
        byte[] array = new byte[length];
        in.getBytes(start, array);
        return ByteBuffer.wrap(array);
    }

    /** A line without its newline when the channel closes is dropped, never delivered. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        in.skipBytes(in.readableBytes());
        scanned = 0;
        discarding = false;
    }
}
