package io.psicoia.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    /** A realistic chat completion stream: mixed line ends, comments, a usage chunk with empty choices, [DONE]. */
    private static final String STREAM = ": OPENROUTER PROCESSING\r\n"
            + "\r\n"
            + "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\r\n"
            + "\r\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\"Te escucho. \"}}]}\n"
            + "\n"
            + "data:{\"choices\":[{\"delta\":{\"content\":\"¿Qué te preocupa hoy, niña? 🌱\"}}]}\r"
            + "\r"
            + "event: message\n"
            + "id: 7\n"
            + "data: {\"choices\":[{\"delta\":{},\n"
            + "data: \"finish_reason\":\"stop\"}]}\n"
            + "\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":9,\"total_tokens\":21}}\r\n"
            + "\r\n"
            + "data: [DONE]\r\n"
            + "\r\n";

    private static final List<String> EXPECTED = List.of(
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"Te escucho. \"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"¿Qué te preocupa hoy, niña? 🌱\"}}]}",
            "{\"choices\":[{\"delta\":{},\n\"finish_reason\":\"stop\"}]}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":9,\"total_tokens\":21}}",
            "[DONE]");

    @Test
    void givenAWholeStream_whenFedAtOnce_thenEveryEventIsDispatchedInOrder() throws IOException {
        assertThat(parse(List.of(bytes(STREAM)))).isEqualTo(EXPECTED);
    }

    @Test
    void givenAStreamSplitInTwo_whenSplitAtEveryBytePosition_thenTheEventsAreTheSame() throws IOException {
        byte[] all = bytes(STREAM);
        for (int split = 0; split <= all.length; split++) {
            List<byte[]> chunks = List.of(slice(all, 0, split), slice(all, split, all.length));

            assertThat(parse(chunks)).as("split at byte %d", split).isEqualTo(EXPECTED);
        }
    }

    @Test
    void givenAStreamSplitInThree_whenTheMiddleChunkIsAtMostFiveBytes_thenTheEventsAreTheSame() throws IOException {
        byte[] all = bytes(STREAM);
        for (int first = 0; first < all.length; first++) {
            for (int second = first; second <= Math.min(all.length, first + 5); second++) {
                List<byte[]> chunks =
                        List.of(slice(all, 0, first), slice(all, first, second), slice(all, second, all.length));

                assertThat(parse(chunks))
                        .as("split at %d and %d", first, second)
                        .isEqualTo(EXPECTED);
            }
        }
    }

    @Test
    void givenAStreamFedOneByteAtATime_whenParsed_thenTheEventsAreTheSame() throws IOException {
        byte[] all = bytes(STREAM);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            chunks.add(slice(all, i, i + 1));
        }

        assertThat(parse(chunks)).isEqualTo(EXPECTED);
    }

    @Test
    void givenCommentsAndFieldsWithoutData_whenParsed_thenNoEventIsDispatched() throws IOException {
        String stream = ": keep-alive\n\nevent: ping\n\n:\r\n\r\nid: 3\nretry: 100\n\n";

        assertThat(parse(List.of(bytes(stream)))).isEmpty();
    }

    @Test
    void givenAnEmptyDataLine_whenParsed_thenAnEmptyEventIsDispatched() throws IOException {
        assertThat(parse(List.of(bytes("data\n\ndata:\n\n")))).containsExactly("", "");
    }

    @Test
    void givenAnEventWithoutItsBlankLine_whenTheStreamEnds_thenItIsNotDispatched() throws IOException {
        assertThat(parse(List.of(bytes("data: uno\n\ndata: dos\n")))).containsExactly("uno");
    }

    @Test
    void givenAByteOrderMark_whenParsed_thenItIsIgnored() throws IOException {
        assertThat(parse(List.of(bytes("\uFEFFdata: hola\n\n")))).containsExactly("hola");
    }

    @Test
    void givenALineLongerThanTheLimit_whenParsed_thenAnIOExceptionQuotesNothing() {
        SseParser parser = new SseParser(data -> {}, 16);
        byte[] longLine = bytes("data: secreto-secreto-secreto");

        assertThatThrownBy(() -> parser.feed(longLine, 0, longLine.length))
                .isInstanceOf(IOException.class)
                .hasMessageNotContaining("secreto");
    }

    private static List<String> parse(List<byte[]> chunks) throws IOException {
        List<String> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        for (byte[] chunk : chunks) {
            // Pad the chunk so that offsets other than zero are exercised too.
            byte[] padded = new byte[chunk.length + 2];
            System.arraycopy(chunk, 0, padded, 1, chunk.length);
            parser.feed(padded, 1, chunk.length);
        }
        return events;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] slice(byte[] all, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(all, from, part, 0, part.length);
        return part;
    }
}
