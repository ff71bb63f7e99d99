package io.psicoia.adapter.tcp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonProtocolTest {

    private final JsonProtocol protocol = new JsonProtocol(10);

    private ClientFrame parsed(String line) {
        ParseResult result = protocol.parse(line);
        assertThat(result).isInstanceOf(ParseResult.Ok.class);
        return ((ParseResult.Ok) result).frame();
    }

    private ParseResult.Rejected rejected(String line) {
        ParseResult result = protocol.parse(line);
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }

    private static JsonNode read(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    // --- client frames ---

    @Test
    void givenAMessage_whenParsed_thenIdAndTextAreKept() {
        assertThat(parsed("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"Hola 😊\"}"))
                .isEqualTo(new MessageFrame("m1", "Hola 😊"));
    }

    @Test
    void givenUnknownFields_whenParsed_thenTheyAreIgnored() {
        assertThat(parsed("{\"extra\":{\"a\":[1,2]},\"type\":\"message\",\"text\":\"hola\",\"id\":\"m1\",\"v\":2}"))
                .isEqualTo(new MessageFrame("m1", "hola"));
    }

    @Test
    void givenAHelloWithEveryField_whenParsed_thenTheFieldsAreKept() throws Exception {
        HelloFrame hello = (HelloFrame) parsed(
                "{\"type\":\"hello\",\"client\":\"psicoia-chat/0.1\",\"locale\":\"es-AR\",\"peer\":\"203.0.113.7\"}");

        assertThat(hello.client()).contains("psicoia-chat/0.1");
        assertThat(hello.locale()).contains("es-AR");
        assertThat(hello.peer()).contains(InetAddress.getByName("203.0.113.7"));
    }

    @Test
    void givenAHelloWithUnusableFields_whenParsed_thenThoseFieldsAreAbsent() {
        HelloFrame hello = (HelloFrame) parsed("{\"type\":\"hello\",\"client\":7,\"locale\":\"" + "x".repeat(129)
                + "\",\"peer\":\"proxy.example.com\"}");

        assertThat(hello).isEqualTo(new HelloFrame(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void givenAnIpv6Peer_whenParsed_thenItIsKept() throws Exception {
        HelloFrame hello = (HelloFrame) parsed("{\"type\":\"hello\",\"peer\":\"2001:db8::1\"}");

        assertThat(hello.peer()).contains(InetAddress.getByName("2001:db8::1"));
    }

    @Test
    void givenCancelPingAndBye_whenParsed_thenTheirFramesAreReturned() {
        assertThat(parsed("{\"type\":\"cancel\",\"id\":\"m1\"}")).isEqualTo(new CancelFrame("m1"));
        assertThat(parsed(" {\"type\":\"ping\"} ")).isEqualTo(new PingFrame());
        assertThat(parsed("{\"type\":\"bye\"}")).isEqualTo(new ByeFrame());
    }

    @Test
    void givenControlCharactersAndLineBreaksInText_whenParsed_thenControlsAreStrippedAndBreaksNormalised() {
        assertThat(parsed("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"a\\u0000b\\u202Ec\\r\\nd\\re\\tf\"}"))
                .isEqualTo(new MessageFrame("m1", "abc\nd\ne\tf"));
    }

    @Test
    void givenTextAtTheLimitCountedInCodePoints_whenParsed_thenAccepted() {
        assertThat(parsed("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"😊😊😊😊😊ñññññ\"}"))
                .isEqualTo(new MessageFrame("m1", "😊😊😊😊😊ñññññ"));
    }

    // --- rejections ---

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "hola, ¿me escuchás?",
                "{\"type\":\"ping\"",
                "{\"type\":\"ping\"} {\"type\":\"bye\"}",
                "{\"type\":\"ping\",\"type\":\"bye\"}",
                "{'type':'ping'}",
                "{\"type\":\"ping\",}",
                "{\"type\":\"ping\"} // comentario",
                "{\"type\":\"ping\",\"n\":1234567890123456789012345678901234567890}",
            })
    void givenMalformedJson_whenParsed_thenBadRequest(String line) {
        ParseResult.Rejected result = rejected(line);

        assertThat(result.problem()).isEqualTo(ParseResult.Problem.MALFORMED_JSON);
        assertThat(result.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(result.id()).isEmpty();
    }

    @Test
    void givenDeepNesting_whenParsed_thenBadRequestWithoutBlowingTheStack() {
        String deep = "{\"type\":\"ping\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(rejected(deep).problem()).isEqualTo(ParseResult.Problem.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"hello\"", "42", "null", "true"})
    void givenJsonThatIsNotAnObject_whenParsed_thenBadRequest(String line) {
        assertThat(rejected(line).problem()).isEqualTo(ParseResult.Problem.NOT_AN_OBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"type\":null}", "{\"type\":3}", "{\"type\":{\"a\":1}}", "{\"Type\":\"ping\"}"})
    void givenNoStringType_whenParsed_thenBadRequest(String line) {
        assertThat(rejected(line).problem()).isEqualTo(ParseResult.Problem.MISSING_TYPE);
    }

    @Test
    void givenAnUnknownType_whenParsed_thenBadRequestCarryingTheId() {
        ParseResult.Rejected result = rejected("{\"type\":\"typing\",\"id\":\"m7\"}");

        assertThat(result.problem()).isEqualTo(ParseResult.Problem.UNKNOWN_TYPE);
        assertThat(result.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(result.id()).contains("m7");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"message\",\"text\":\"hola\"}",
                "{\"type\":\"message\",\"id\":7,\"text\":\"hola\"}",
                "{\"type\":\"message\",\"id\":null,\"text\":\"hola\"}",
                "{\"type\":\"message\",\"id\":\"\",\"text\":\"hola\"}",
                "{\"type\":\"cancel\"}",
                "{\"type\":\"cancel\",\"id\":[\"m1\"]}",
            })
    void givenAMessageOrCancelWithoutId_whenParsed_thenBadRequest(String line) {
        ParseResult.Rejected result = rejected(line);

        assertThat(result.problem()).isEqualTo(ParseResult.Problem.MISSING_ID);
        assertThat(result.id()).isEmpty();
    }

    @Test
    void givenAnIdOfExactly128Characters_whenParsed_thenAccepted() {
        String id = "i".repeat(128);

        assertThat(parsed("{\"type\":\"cancel\",\"id\":\"" + id + "\"}")).isEqualTo(new CancelFrame(id));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"message\",\"id\":\"%s\",\"text\":\"hola\"}",
                "{\"type\":\"cancel\",\"id\":\"%s\"}",
            })
    void givenAnIdOver128Characters_whenParsed_thenBadRequest(String template) {
        ParseResult.Rejected result = rejected(String.format(template, "i".repeat(129)));

        assertThat(result.problem()).isEqualTo(ParseResult.Problem.INVALID_ID);
        assertThat(result.id()).isEmpty();
    }

    @Test
    void givenAnIdWithControlCharacters_whenParsed_thenBadRequest() {
        assertThat(rejected("{\"type\":\"message\",\"id\":\"m\\n1\",\"text\":\"hola\"}")
                        .problem())
                .isEqualTo(ParseResult.Problem.INVALID_ID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"message\",\"id\":\"m1\"}",
                "{\"type\":\"message\",\"id\":\"m1\",\"text\":null}",
                "{\"type\":\"message\",\"id\":\"m1\",\"text\":42}",
                "{\"type\":\"message\",\"id\":\"m1\",\"text\":[\"hola\"]}",
            })
    void givenAMessageWithoutStringText_whenParsed_thenBadRequestCarryingTheId(String line) {
        ParseResult.Rejected result = rejected(line);

        assertThat(result.problem()).isEqualTo(ParseResult.Problem.MISSING_TEXT);
        assertThat(result.id()).contains("m1");
    }

    @Test
    void givenABlankText_whenParsed_thenBadRequestCarryingTheId() {
        ParseResult.Rejected result = rejected("{\"type\":\"message\",\"id\":\"m1\",\"text\":\" \\u0000\\n\\t \"}");

        assertThat(result.problem()).isEqualTo(ParseResult.Problem.BLANK_TEXT);
        assertThat(result.id()).contains("m1");
    }

    @Test
    void givenATextOverTheLimit_whenParsed_thenTooLongCarryingTheId() {
        ParseResult.Rejected result = rejected("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"ñañañañañañ\"}");

        assertThat(result.problem()).isEqualTo(ParseResult.Problem.TEXT_TOO_LONG);
        assertThat(result.code()).isEqualTo(ErrorCode.TOO_LONG);
        assertThat(result.id()).contains("m1");
    }

    @Test
    void givenAMaximalMessageFullyEscaped_whenParsed_thenItFitsTheLineLimit() {
        JsonProtocol defaults = new JsonProtocol(4000);
        String line = "{\"type\":\"message\",\"id\":\"" + "\\u0069".repeat(128) + "\",\"text\":\""
                + "\\ud83d\\ude0a".repeat(4000) + "\"}";

        assertThat(line.length()).isLessThanOrEqualTo(defaults.maxLineBytes());
        assertThat(defaults.parse(line)).isInstanceOf(ParseResult.Ok.class);
    }

    @Test
    void givenAnyRejectedLine_whenPrinted_thenTheInputNeverAppears() {
        String canary = "CANARIO-7f3c";

        ParseResult bad = protocol.parse("{\"type\":\"message\",\"id\":\"m1\",\"text\":" + canary + "}");
        ParseResult unknown = protocol.parse("{\"type\":\"" + canary + "\"}");

        assertThat(bad.toString()).doesNotContain(canary);
        assertThat(unknown.toString()).doesNotContain(canary);
    }

    // --- hello detection ---

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"hello\"}",
                "  {\"type\":\"hello\",\"client\":\"web/1\",\"x\":[1]}",
                "{\"client\":\"web/1\",\"type\":\"hello\"}"
            })
    void givenAHelloObject_whenCheckingTheFirstLine_thenJsonMode(String line) {
        assertThat(protocol.isHello(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hola",
                "",
                "{\"type\":\"message\",\"id\":\"m1\",\"text\":\"hola\"}",
                "{\"type\":\"HELLO\"}",
                "{\"type\":\"hello\"",
                "[{\"type\":\"hello\"}]",
                "{\"type\":\"hello\"} y algo más",
            })
    void givenAnythingElse_whenCheckingTheFirstLine_thenPlainMode(String line) {
        assertThat(protocol.isHello(line)).isFalse();
    }

    // --- server frames ---

    @Test
    void givenEachServerFrame_whenEncoded_thenOneCompactObjectWithTypeFirst() {
        assertThat(protocol.encode(new WelcomeFrame("Usuario-3", new WelcomeFrame.Limits(4000, 6, 10))))
                .isEqualTo("{\"type\":\"welcome\",\"user\":\"Usuario-3\","
                        + "\"limits\":{\"maxChars\":4000,\"rateMaxMessages\":6,\"rateWindowSeconds\":10}}");
        assertThat(protocol.encode(new DeltaFrame("m1", "Te escucho.")))
                .isEqualTo("{\"type\":\"delta\",\"id\":\"m1\",\"text\":\"Te escucho.\"}");
        assertThat(protocol.encode(new DoneFrame("m1", true)))
                .isEqualTo("{\"type\":\"done\",\"id\":\"m1\",\"complete\":true}");
        assertThat(protocol.encode(new DoneFrame("m1", false)))
                .isEqualTo("{\"type\":\"done\",\"id\":\"m1\",\"complete\":false}");
        assertThat(protocol.encode(new QueuedFrame("m2"))).isEqualTo("{\"type\":\"queued\",\"id\":\"m2\"}");
        assertThat(protocol.encode(new PongFrame())).isEqualTo("{\"type\":\"pong\"}");
    }

    @Test
    void givenAnErrorWithIdAndRetryAfter_whenEncoded_thenBothArePresent() {
        ErrorFrame error = ErrorFrame.about("m7", ErrorCode.RATE_LIMITED, "Tranca.")
                .withRetryAfter(Duration.ofMillis(4200).plusNanos(1));

        assertThat(protocol.encode(error))
                .isEqualTo("{\"type\":\"error\",\"id\":\"m7\",\"code\":\"rate_limited\",\"message\":\"Tranca.\","
                        + "\"retryAfterMs\":4201}");
    }

    @Test
    void givenAnErrorWithoutIdOrRetryAfter_whenEncoded_thenBothAreOmitted() {
        assertThat(protocol.encode(ErrorFrame.of(ErrorCode.BAD_REQUEST, "No entendí.")))
                .isEqualTo("{\"type\":\"error\",\"code\":\"bad_request\",\"message\":\"No entendí.\"}");
    }

    @Test
    void givenEveryErrorCode_whenEncoded_thenItIsLowerCaseSnake() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(protocol.encode(ErrorFrame.of(code, "x"))).contains("\"code\":\"" + code.wire() + "\"");
        }
        assertThat(ErrorCode.values())
                .extracting(ErrorCode::wire)
                .containsExactly("rate_limited", "busy", "too_long", "bad_request", "unavailable", "shutting_down");
    }

    @Test
    void givenQuotesNewlinesEmojiAndAccents_whenEncoded_thenEscapedOnOneLineAndReadBackIntact() throws Exception {
        String text = "Dijiste \"basta\" y\ntambién \\ a\r\n😊 ñandú áéíóú\u0000\u2028fin";

        String json = protocol.encode(new DeltaFrame("m1", text));

        assertThat(json).doesNotContain("\n", "\r", "\u2028").contains("😊 ñandú áéíóú");
        assertThat(json).contains("\\\"basta\\\"", "\\n", "\\\\", "\\r", "\\u0000", "\\u2028");
        assertThat(read(json).get("text").textValue()).isEqualTo(text);
    }

    @Test
    void givenAWelcome_whenEncodedAndRead_thenItRoundTrips() throws Exception {
        JsonNode json = read(protocol.encode(new WelcomeFrame("Usuario-1", new WelcomeFrame.Limits(4000, 6, 10))));

        assertThat(json.get("limits").get("rateWindowSeconds").intValue()).isEqualTo(10);
    }

    // --- privacy ---

    @Test
    void givenFramesCarryingText_whenPrinted_thenOnlyLengthsAppear() throws Exception {
        String secret = "me quiero morir";

        assertThat(new MessageFrame("m1", secret).toString())
                .isEqualTo("MessageFrame[idChars=2, chars=15]")
                .doesNotContain("morir");
        assertThat(new DeltaFrame("m1", secret).toString()).doesNotContain("morir");
        assertThat(new HelloFrame(
                                Optional.of("cliente"),
                                Optional.of("es-AR"),
                                Optional.of(InetAddress.getByName("203.0.113.7")))
                        .toString())
                .doesNotContain("cliente", "es-AR", "203.0.113.7");
        assertThat(new CancelFrame(secret).toString()).doesNotContain("morir");
        assertThat(new QueuedFrame(secret).toString()).doesNotContain("morir");
        assertThat(new DoneFrame(secret, true).toString()).doesNotContain("morir");
        assertThat(ErrorFrame.about(secret, ErrorCode.BUSY, "x").toString()).doesNotContain("morir");
    }
}
