package io.psicoia.gateway.ws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WebSocket protocol errors on a raw socket with hand-built frames: each ends in exactly one Close frame with the
 * right code, quickly, and the app connection closes with it.
 */
class WsGatewayProtocolIT {

    private static final int LIMIT = 64 * 1024;

    @org.junit.jupiter.api.extension.RegisterExtension
    final GatewayExtension gateway = new GatewayExtension();

    private final FakeApp app = new FakeApp();

    @AfterEach
    void stopApp() {
        app.close();
    }

    private RawWsClient open() throws InterruptedException {
        int port = gateway.start(GatewayExtension.config(app.port()));
        RawWsClient client = RawWsClient.connect(port, null);
        assertThat(client.status()).isEqualTo(101);
        return client;
    }

    /** One Close with {@code code} within 1 s, then the connection ends. */
    private static RawWsClient.Frame closesOnceWith(RawWsClient client, int code) {
        long start = System.nanoTime();
        List<RawWsClient.Frame> frames = client.untilClosed(3000);
        RawWsClient.Frame close = RawWsClient.onlyClose(frames);
        assertThat(close.closeCode()).as("close code, frames %s", frames).isEqualTo(code);
        assertThat(frames.get(frames.size() - 1)).isSameAs(close);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        return close;
    }

    @Test
    void givenABinaryFrame_whenSent_thenOneClose1003AndTheAppConnectionCloses() throws Exception {
        try (RawWsClient client = open()) {
            client.text("{\"type\":\"hello\"}");
            FakeApp.Connection connection = app.connection();
            connection.line();
            client.frame(true, 0x2, new byte[] {1, 2, 3});
            RawWsClient.Frame close = closesOnceWith(client, 1003);
            assertThat(close.closeReason()).isEqualTo(GatewayTexts.TEXT_ONLY);
            WsGatewayBridgeIT.awaitTrue(() -> connection.closedByPeer, Duration.ofSeconds(1));
        }
    }

    @Test
    void givenOneFrameOverTheLimit_whenSent_thenOneClose1009() throws Exception {
        try (RawWsClient client = open()) {
            client.frame(true, 0x1, "a".repeat(LIMIT + 1).getBytes(UTF_8));
            closesOnceWith(client, 1009);
        }
    }

    @Test
    void givenAMessageAtTheLimit_whenSent_thenItIsRelayed() throws Exception {
        try (RawWsClient client = open()) {
            client.text("{\"type\":\"hello\"}");
            FakeApp.Connection connection = app.connection();
            connection.line();
            String big = "{\"type\":\"message\",\"id\":\"m1\",\"text\":\"" + "a".repeat(LIMIT - 40) + "\"}";
            assertThat(big.length()).isLessThanOrEqualTo(LIMIT);
            client.text(big);
            assertThat(connection.line()).isEqualTo(big);
        }
    }

    @Test
    void givenManySmallFragmentsOverTheLimit_whenSent_thenOneClose1009() throws Exception {
        try (RawWsClient client = open()) {
            byte[] kib = "b".repeat(1024).getBytes(UTF_8);
            client.frame(false, 0x1, kib);
            for (int i = 1; i < 199; i++) {
                client.frame(false, 0x0, kib);
            }
            client.frame(true, 0x0, kib);
            RawWsClient.Frame close = closesOnceWith(client, 1009);
            assertThat(close.closeReason()).isEqualTo(GatewayTexts.TOO_BIG);
        }
    }

    @Test
    void givenInvalidUtf8InOneFrame_whenSent_thenOneClose1007() throws Exception {
        try (RawWsClient client = open()) {
            client.frame(true, 0x1, new byte[] {'h', 'o', (byte) 0xC3, 0x28});
            closesOnceWith(client, 1007);
        }
    }

    @Test
    void givenInvalidUtf8SplitOverFragments_whenSent_thenOneClose1007() throws Exception {
        try (RawWsClient client = open()) {
            client.frame(false, 0x1, new byte[] {'h', 'o', 'l', (byte) 0xE2, (byte) 0x82});
            client.frame(true, 0x0, new byte[] {0x28, 'a'});
            closesOnceWith(client, 1007);
        }
    }

    @Test
    void givenAValidCharacterSplitOverFragments_whenSent_thenItIsRelayedWhole() throws Exception {
        try (RawWsClient client = open()) {
            client.text("{\"type\":\"hello\"}");
            FakeApp.Connection connection = app.connection();
            connection.line();
            byte[] euro = "€".getBytes(UTF_8);
            client.frame(false, 0x1, new byte[] {'"', euro[0]});
            client.frame(true, 0x0, new byte[] {euro[1], euro[2], '"'});
            assertThat(connection.line()).isEqualTo("\"€\"");
        }
    }

    @Test
    void givenAPingWithAPayloadOver125Bytes_whenSent_thenOneClose1002() throws Exception {
        try (RawWsClient client = open()) {
            client.frame(true, 0x9, new byte[126]);
            closesOnceWith(client, 1002);
        }
    }

    @Test
    void givenRsv1WithoutAnExtension_whenSent_thenOneClose1002() throws Exception {
        try (RawWsClient client = open()) {
            client.frame(0x80 | 0x40 | 0x1, "hola".getBytes(UTF_8));
            closesOnceWith(client, 1002);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0xB})
    void givenAReservedOpcode_whenSent_thenOneClose1002(int opcode) throws Exception {
        try (RawWsClient client = open()) {
            client.frame(true, opcode, new byte[0]);
            closesOnceWith(client, 1002);
        }
    }

    @Test
    void givenAStrayContinuation_whenSent_thenOneClose1002() throws Exception {
        try (RawWsClient client = open()) {
            client.frame(true, 0x0, "suelto".getBytes(UTF_8));
            closesOnceWith(client, 1002);
        }
    }

    @Test
    void givenACloseWithOneBytePayload_whenSent_thenOneClose1002() throws Exception {
        try (RawWsClient client = open()) {
            client.frame(true, 0x8, new byte[] {0x03});
            closesOnceWith(client, 1002);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1016, 2000, 5000})
    void givenACloseWithAnInvalidCode_whenSent_thenOneClose1002(int code) throws Exception {
        try (RawWsClient client = open()) {
            client.frame(
                    true, 0x8, ByteBuffer.allocate(2).putShort((short) code).array());
            closesOnceWith(client, 1002);
        }
    }

    @Test
    void givenANormalClose_whenSent_thenItIsEchoedOnceAndTheConnectionEnds() throws Exception {
        try (RawWsClient client = open()) {
            client.text("{\"type\":\"hello\"}");
            FakeApp.Connection connection = app.connection();
            connection.line();
            assertThat(client.next(3000).orElseThrow().text()).contains("welcome");
            client.frame(
                    true, 0x8, ByteBuffer.allocate(2).putShort((short) 1000).array());
            closesOnceWith(client, 1000);
            WsGatewayBridgeIT.awaitTrue(() -> connection.closedByPeer, Duration.ofSeconds(1));
        }
    }

    @Test
    void givenAPing_whenSent_thenPongWithTheSamePayload() throws Exception {
        try (RawWsClient client = open()) {
            client.frame(true, 0x9, "¿estás?".getBytes(UTF_8));
            RawWsClient.Frame pong = client.next(3000).orElseThrow();
            assertThat(pong.opcode()).isEqualTo(0xA);
            assertThat(pong.text()).isEqualTo("¿estás?");
        }
    }

    @Test
    void givenABrowserThatNeverAnswersPings_whenTwoAreMissed_thenItIsClosed() throws Exception {
        WsGatewayConfig config = GatewayExtension.config(app.port());
        config = new WsGatewayConfig(
                config.host(),
                config.port(),
                config.appHost(),
                config.appPort(),
                config.allowedOrigins(),
                config.maxMessageBytes(),
                config.maxConnectionsPerIp(),
                config.handshakeTimeout(),
                Duration.ofMillis(200),
                config.tls(),
                config.staticRoot(),
                config.appConnectTimeout(),
                config.closeTimeout(),
                10_000);
        int port = gateway.start(config);
        try (RawWsClient client = RawWsClient.connect(port, null)) {
            List<RawWsClient.Frame> frames = client.untilClosed(3000);
            assertThat(frames.stream().filter(f -> f.opcode() == 0x9).count()).isEqualTo(2);
            RawWsClient.Frame close = RawWsClient.onlyClose(frames);
            assertThat(close.closeCode()).isEqualTo(1001);
        }
    }

    @Test
    void givenABrowserThatAnswersPings_whenTimePasses_thenItStaysOpen() throws Exception {
        WsGatewayConfig base = GatewayExtension.config(app.port());
        WsGatewayConfig config = new WsGatewayConfig(
                base.host(),
                base.port(),
                base.appHost(),
                base.appPort(),
                base.allowedOrigins(),
                base.maxMessageBytes(),
                base.maxConnectionsPerIp(),
                base.handshakeTimeout(),
                Duration.ofMillis(100),
                base.tls(),
                base.staticRoot(),
                base.appConnectTimeout(),
                base.closeTimeout(),
                10_000);
        int port = gateway.start(config);
        try (RawWsClient client = RawWsClient.connect(port, null)) {
            for (int i = 0; i < 6; i++) {
                RawWsClient.Frame ping = client.next(3000).orElseThrow();
                assertThat(ping.opcode()).isEqualTo(0x9);
                client.frame(true, 0xA, Arrays.copyOf(ping.payload(), ping.payload().length));
            }
        }
    }
}
