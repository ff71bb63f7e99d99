package io.psicoia.adapter.tcp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineDecoderTest {

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, UTF_8);
    }

    private static ByteBuf bytes(int... values) {
        byte[] array = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            array[i] = (byte) values[i];
        }
        return Unpooled.wrappedBuffer(array);
    }

    private static List<InboundLine> lines(EmbeddedChannel channel) {
        List<InboundLine> lines = new ArrayList<>();
        for (Object msg = channel.readInbound(); msg != null; msg = channel.readInbound()) {
            lines.add((InboundLine) msg);
        }
        return lines;
    }

    private static InboundLine text(String text) {
        return new InboundLine.Text(text);
    }

    @Test
    void givenTwoLinesInOneRead_whenDecoded_thenEmitsOneTextPerLine() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100));

        channel.writeInbound(bytes("Hola, ¿cómo estás?\nMe siento mejor hoy\n"));

        assertThat(lines(channel)).containsExactly(text("Hola, ¿cómo estás?"), text("Me siento mejor hoy"));
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void givenCrLfTerminators_whenDecoded_thenTheCarriageReturnIsDropped() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100));

        channel.writeInbound(bytes("uno\r\ndos\n\r\n"));

        assertThat(lines(channel)).containsExactly(text("uno"), text("dos"), text(""));
        channel.finishAndReleaseAll();
    }

    @Test
    void givenALineSplitAcrossReads_whenTheNewlineArrives_thenEmitsTheWholeLine() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100));
        byte[] encoded = "Estoy cansado 😴\r\n".getBytes(UTF_8);

        for (byte b : encoded) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertThat(lines(channel)).containsExactly(text("Estoy cansado 😴"));
        channel.finishAndReleaseAll();
    }

    @Test
    void givenControlAndBidiCharacters_whenDecoded_thenTheyAreStrippedAndTabIsKept() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100));

        channel.writeInbound(bytes("a\u0000b\u0007c\td\u001be\u007ff\u0085g\u202eh\u2066i\u2069j\ufeffk\n"));

        assertThat(lines(channel)).containsExactly(text("abc\tdefghijk"));
        channel.finishAndReleaseAll();
    }

    @Test
    void givenInvalidUtf8_whenDecoded_thenEmitsInvalidAndTheNextLineWorks() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100));

        channel.writeInbound(bytes('a', 0xC3, '\n')); // truncated sequence
        channel.writeInbound(bytes(0xC0, 0xAF, '\n')); // overlong '/'
        channel.writeInbound(bytes(0xED, 0xA0, 0x80, '\n')); // encoded surrogate
        channel.writeInbound(bytes(0xFF, '\n'));
        channel.writeInbound(bytes("sigo acá\n"));

        assertThat(lines(channel))
                .containsExactly(
                        InboundLine.INVALID,
                        InboundLine.INVALID,
                        InboundLine.INVALID,
                        InboundLine.INVALID,
                        text("sigo acá"));
        assertThat(channel.isActive()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void givenARealReplacementCharacter_whenDecoded_thenItIsValidText() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100));

        channel.writeInbound(bytes("no sé \ufffd qué\n"));
        channel.writeInbound(bytes(0xEF, 0xBF, 0xBD, 0xC3, '\n')); // U+FFFD, then a truncated sequence

        assertThat(lines(channel)).containsExactly(text("no sé \ufffd qué"), InboundLine.INVALID);
        channel.finishAndReleaseAll();
    }

    @Test
    void givenDirectBuffers_whenDecoded_thenTextAndInvalidLinesAsFromHeapBuffers() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100));

        channel.writeInbound(direct(bytes("me siento mejor, gracias 😊\n")));
        channel.writeInbound(direct(bytes(0xED, 0xA0, 0x80, '\n')));

        assertThat(lines(channel)).containsExactly(text("me siento mejor, gracias 😊"), InboundLine.INVALID);
        channel.finishAndReleaseAll();
    }

    private static ByteBuf direct(ByteBuf heap) {
        ByteBuf direct = Unpooled.directBuffer(heap.readableBytes());
        direct.writeBytes(heap);
        heap.release();
        return direct;
    }

    @Test
    void givenALineOverTheCharacterLimit_whenDecoded_thenEmitsTooLong() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(5));

        channel.writeInbound(bytes("ñañaña\nñañañ\n"));

        assertThat(lines(channel)).containsExactly(InboundLine.TOO_LONG, text("ñañañ"));
        channel.finishAndReleaseAll();
    }

    @Test
    void givenEmojiAtTheLimit_whenDecoded_thenCountsCodePointsNotUtf16Units() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(3));

        channel.writeInbound(bytes("😊😊😊\n😊😊😊😊\n"));

        assertThat(lines(channel)).containsExactly(text("😊😊😊"), InboundLine.TOO_LONG);
        channel.finishAndReleaseAll();
    }

    @Test
    void givenStrippedCharacters_whenCounting_thenTheyDoNotCountTowardsTheLimit() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(3));

        channel.writeInbound(bytes("a\u0000b\u0000c\u0000\n"));

        assertThat(lines(channel)).containsExactly(text("abc"));
        channel.finishAndReleaseAll();
    }

    @Test
    void givenALineOverTheByteLimit_whenTheNewlineArrives_thenOneTooLongAndTheNextLineWorks() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100, 8));

        channel.writeInbound(bytes("123456789"));
        assertThat(lines(channel)).isEmpty();
        channel.writeInbound(bytes("0123456789"));
        channel.writeInbound(bytes("01\nbien\n"));

        assertThat(lines(channel)).containsExactly(InboundLine.TOO_LONG, text("bien"));
        channel.finishAndReleaseAll();
    }

    @Test
    void givenContentExactlyAtTheByteLimitWithCrLf_whenDecoded_thenTheLineIsAccepted() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100, 4));

        channel.writeInbound(bytes("abcd\r"));
        channel.writeInbound(bytes("\nabcde\r\n"));

        assertThat(lines(channel)).containsExactly(text("abcd"), InboundLine.TOO_LONG);
        channel.finishAndReleaseAll();
    }

    @Test
    void givenTenMebibytesWithoutNewline_whenStreamed_thenNeverBuffersMoreThanTheLimit() {
        BoundedLineDecoder decoder = new BoundedLineDecoder(4000);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        int maxBuffered = 0;

        for (int sent = 0; sent < 10 * 1024 * 1024; sent += chunk.length) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
            maxBuffered = Math.max(maxBuffered, decoder.bufferedBytes());
        }
        channel.writeInbound(bytes("\nsigo acá\n"));

        assertThat(maxBuffered).isLessThanOrEqualTo(decoder.maxBytes() + 1);
        assertThat(lines(channel)).containsExactly(InboundLine.TOO_LONG, text("sigo acá"));
        assertThat(decoder.bufferedBytes()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void givenALongLineArrivingInSmallPieces_whenStreamed_thenBufferStaysWithinTheLimit() {
        BoundedLineDecoder decoder = new BoundedLineDecoder(10);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        int maxBuffered = 0;

        for (int i = 0; i < 1000; i++) {
            channel.writeInbound(bytes("abc"));
            maxBuffered = Math.max(maxBuffered, decoder.bufferedBytes());
        }
        channel.writeInbound(bytes("\n"));

        assertThat(maxBuffered).isLessThanOrEqualTo(decoder.maxBytes() + 1);
        assertThat(lines(channel)).containsExactly(InboundLine.TOO_LONG);
        channel.finishAndReleaseAll();
    }

    @Test
    void givenAPartialLine_whenTheChannelCloses_thenItIsDropped() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedLineDecoder(100));

        channel.writeInbound(bytes("completa\nincompleta"));
        assertThat(lines(channel)).containsExactly(text("completa"));

        assertThat(channel.finish()).isFalse();
        assertThat(lines(channel)).isEmpty();
    }

    @Test
    void givenNewLimits_whenTheNextLineArrives_thenItIsJudgedByThem() {
        BoundedLineDecoder decoder = new BoundedLineDecoder(3);
        List<InboundLine> seen = new ArrayList<>();
        EmbeddedChannel channel =
                new EmbeddedChannel(decoder, new io.netty.channel.SimpleChannelInboundHandler<InboundLine>() {
                    @Override
                    protected void channelRead0(io.netty.channel.ChannelHandlerContext ctx, InboundLine line) {
                        seen.add(line);
                        decoder.setLimits(10, 40);
                    }
                });

        channel.writeInbound(bytes("abc\nabcdefgh\n"));

        assertThat(seen).containsExactly(text("abc"), text("abcdefgh"));
        channel.finishAndReleaseAll();
    }

    @Test
    void givenInvalidLimits_whenConstructed_thenRejected() {
        assertThatThrownBy(() -> new BoundedLineDecoder(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedLineDecoder(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedLineDecoder(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenATextLine_whenPrinted_thenShowsOnlyItsLength() {
        assertThat(new InboundLine.Text("me siento muy solo").toString())
                .isEqualTo("Text[chars=18]")
                .doesNotContain("solo");
    }
}
