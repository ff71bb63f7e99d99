package io.psicoia.gateway.ws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    private static Optional<String> merge(String frame) {
        ByteBuf in = Unpooled.copiedBuffer(frame, UTF_8);
        try {
            return JsonLines.helloWithPeer(in, "203.0.113.7", ByteBufAllocator.DEFAULT)
                    .map(out -> {
                        try {
                            return out.toString(UTF_8);
                        } finally {
                            out.release();
                        }
                    });
        } finally {
            in.release();
        }
    }

    @Test
    void givenAHello_whenMerged_thenPeerIsTheGatewaysAndEverythingElseIsKept() {
        assertThat(
                        merge(
                                "{\"type\":\"hello\",\"peer\":\"1.2.3.4\",\"client\":\"psicoia-web/1\",\"x\":[1,{\"a\":null}]}"))
                .hasValue("{\"type\":\"hello\",\"client\":\"psicoia-web/1\",\"x\":[1,{\"a\":null}],"
                        + "\"peer\":\"203.0.113.7\"}");
    }

    @Test
    void givenSomethingElse_whenMerged_thenEmpty() {
        assertThat(merge("{\"type\":\"message\",\"id\":\"m\",\"text\":\"hola\"}"))
                .isEmpty();
        assertThat(merge("{\"type\":\"hello\"} {}")).isEmpty();
        assertThat(merge("{\"type\":\"hello\",\"type\":\"hello\"}")).isEmpty();
        assertThat(merge("{\"type\":\"hello\"")).isEmpty();
        assertThat(merge("hola")).isEmpty();
        assertThat(merge("[\"hello\"]")).isEmpty();
        assertThat(merge("{\"type\":[\"hello\"]}")).isEmpty();
    }

    @Test
    void givenAppLines_whenTyped_thenOnlyObjectsHaveATypeAndFields() {
        ByteBuf welcome = Unpooled.copiedBuffer("{\"type\":\"welcome\",\"user\":\"Usuario-1\"}", UTF_8);
        ByteBuf greeting = Unpooled.copiedBuffer("Bienvenido a PsicoIA.", UTF_8);
        ByteBuf error = Unpooled.copiedBuffer(
                "{\"type\":\"error\",\"code\":\"busy\",\"message\":\"Cerr\\u00e1 alguna y prob\\u00e1 de nuevo.\"}",
                UTF_8);
        try {
            assertThat(JsonLines.type(welcome)).hasValue("welcome");
            assertThat(JsonLines.type(greeting)).isEmpty();
            assertThat(JsonLines.field(error, "message")).hasValue("Cerrá alguna y probá de nuevo.");
            assertThat(welcome.readerIndex()).isZero();
        } finally {
            welcome.release();
            greeting.release();
            error.release();
        }
    }

    @Test
    void givenTheGatewaysOwnHello_thenItIsCompactJson() {
        assertThat(JsonLines.gatewayHello("::1"))
                .isEqualTo("{\"type\":\"hello\",\"client\":\"psicoia-gateway\",\"peer\":\"::1\"}");
    }

    @Test
    void givenLongSpanishReasons_whenFitted_thenAtMost123BytesOfWholeCharacters() {
        String longReason = "Ñandú está acá. ".repeat(20);
        String fitted = GatewayTexts.fitReason(longReason);
        assertThat(fitted.getBytes(UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(fitted).endsWith("…").startsWith("Ñandú está acá.");
        for (String reason : new String[] {
            GatewayTexts.APP_UNREACHABLE,
            GatewayTexts.TRY_AGAIN_LATER,
            GatewayTexts.TOO_MANY_FROM_ADDRESS,
            GatewayTexts.APP_STOPPING,
            GatewayTexts.GATEWAY_STOPPING,
            GatewayTexts.CLOSED,
            GatewayTexts.TEXT_ONLY,
            GatewayTexts.TOO_BIG,
            GatewayTexts.NO_PONG,
            GatewayTexts.INTERNAL
        }) {
            assertThat(GatewayTexts.fitReason(reason)).isEqualTo(reason);
        }
    }

    @Test
    void givenOrigins_whenNormalized_thenSchemeHostPortOnly() {
        assertThat(WsGatewayConfig.normalizeOrigin("HTTPS://Ejemplo.org/")).hasValue("https://ejemplo.org");
        assertThat(WsGatewayConfig.normalizeOrigin("http://localhost:8765")).hasValue("http://localhost:8765");
        assertThat(WsGatewayConfig.normalizeOrigin("https://ejemplo.org/ruta")).isEmpty();
        assertThat(WsGatewayConfig.normalizeOrigin("ftp://ejemplo.org")).isEmpty();
        assertThat(WsGatewayConfig.normalizeOrigin("ejemplo.org")).isEmpty();
    }
}
