package io.psicoia.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bridge on real sockets: a browser (JDK WebSocket client) ↔ gateway ↔ a scripted app. */
class WsGatewayBridgeIT {

    private static final String WEB_HELLO = "{\"type\":\"hello\",\"client\":\"psicoia-web/1\",\"locale\":\"es-AR\"}";

    @RegisterExtension
    final GatewayExtension gateway = new GatewayExtension();

    private final FakeApp app = new FakeApp();

    @AfterEach
    void stopApp() {
        app.close();
    }

    private int start() throws InterruptedException {
        return gateway.start(GatewayExtension.config(app.port()));
    }

    @Test
    void givenABrowserHello_whenRelayed_thenTheAppGetsItWithPeerAndTheBrowserSeesWelcomeFirst() throws Exception {
        int port = start();
        try (JdkWsClient browser = new JdkWsClient(port)) {
            browser.send("{\"type\":\"hello\",\"client\":\"psicoia-web/1\",\"locale\":\"es-AR\",\"peer\":\"6.6.6.6\"}");
            FakeApp.Connection connection = app.connection();
            assertThat(connection.line())
                    .isEqualTo("{\"type\":\"hello\",\"client\":\"psicoia-web/1\",\"locale\":\"es-AR\","
                            + "\"peer\":\"127.0.0.1\"}");
            // The three greeting lines were not relayed: welcome is the first thing the browser reads.
            assertThat(browser.text()).startsWith("{\"type\":\"welcome\",\"user\":\"Usuario-");

            browser.send("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"Hoy me siento cansada\"}");
            assertThat(connection.line())
                    .isEqualTo("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"Hoy me siento cansada\"}");
            connection.send("{\"type\":\"delta\",\"id\":\"m1\",\"text\":\"Te escucho. \"}");
            connection.send("{\"type\":\"done\",\"id\":\"m1\",\"complete\":true}");
            assertThat(browser.text()).isEqualTo("{\"type\":\"delta\",\"id\":\"m1\",\"text\":\"Te escucho. \"}");
            assertThat(browser.text()).isEqualTo("{\"type\":\"done\",\"id\":\"m1\",\"complete\":true}");
        }
    }

    @Test
    void givenAFirstFrameThatIsNotAHello_whenRelayed_thenTheGatewaySaysHelloFirst() throws Exception {
        int port = start();
        try (JdkWsClient browser = new JdkWsClient(port)) {
            browser.send("{\"type\":\"ping\"}");
            FakeApp.Connection connection = app.connection();
            assertThat(connection.line())
                    .isEqualTo("{\"type\":\"hello\",\"client\":\"psicoia-gateway\",\"peer\":\"127.0.0.1\"}");
            assertThat(connection.line()).isEqualTo("{\"type\":\"ping\"}");
            assertThat(browser.text()).contains("\"welcome\"");
        }
    }

    @Test
    void givenAFrameWithALineBreak_whenSent_thenBadRequestAndNothingReachesTheApp() throws Exception {
        int port = start();
        try (JdkWsClient browser = new JdkWsClient(port)) {
            browser.send(WEB_HELLO);
            FakeApp.Connection connection = app.connection();
            connection.line();
            browser.text();
            browser.send("{\"type\":\"message\",\n\"id\":\"x\",\"text\":\"hola\"}\n{\"type\":\"bye\"}");
            assertThat(browser.text()).contains("\"code\":\"bad_request\"").contains("No entendí");
            browser.send("{\"type\":\"ping\"}");
            assertThat(connection.line()).isEqualTo("{\"type\":\"ping\"}");
        }
    }

    @Test
    void givenTheBrowserCloses_whenBridged_thenTheAppConnectionClosesWithinOneSecond() throws Exception {
        int port = start();
        try (JdkWsClient browser = new JdkWsClient(port)) {
            browser.send(WEB_HELLO);
            FakeApp.Connection connection = app.connection();
            connection.line();
            browser.text();
            long start = System.nanoTime();
            browser.sendClose();
            JdkWsClient.Event close = browser.closeEvent();
            assertThat(close.closeCode()).isEqualTo(1000);
            awaitTrue(() -> connection.closedByPeer, Duration.ofSeconds(1));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
        awaitTrue(() -> gateway.server().openSessions() == 0, Duration.ofSeconds(2));
    }

    @Test
    void givenTheAppCloses_whenBridged_thenTheBrowserGets1000WithinOneSecond() throws Exception {
        int port = start();
        try (JdkWsClient browser = new JdkWsClient(port)) {
            browser.send(WEB_HELLO);
            FakeApp.Connection connection = app.connection();
            connection.line();
            browser.text();
            long start = System.nanoTime();
            connection.close();
            JdkWsClient.Event close = browser.closeEvent();
            assertThat(close.closeCode()).isEqualTo(1000);
            assertThat(Duration.ofNanos(close.atNanos() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void givenTheAppIsShuttingDown_whenItCloses_thenTheBrowserGetsItsNoticeAnd1001() throws Exception {
        int port = start();
        try (JdkWsClient browser = new JdkWsClient(port)) {
            browser.send(WEB_HELLO);
            FakeApp.Connection connection = app.connection();
            connection.line();
            browser.text();
            String notice = "{\"type\":\"error\",\"code\":\"shutting_down\",\"message\":\"PsicoIA se va a detener.\"}";
            connection.send(notice);
            assertThat(browser.text()).isEqualTo(notice);
            connection.close();
            JdkWsClient.Event close = browser.closeEvent();
            assertThat(close.closeCode()).isEqualTo(1001);
            assertThat(close.closeReason()).isEqualTo(GatewayTexts.APP_STOPPING);
        }
    }

    @Test
    void givenTheAppRefusesTheConnection_whenBridged_thenTheBrowserGets1013WithTheAppsSentence() throws Exception {
        String refusal = "Hay demasiadas conexiones abiertas desde tu dirección. Cerrá alguna y probá de nuevo.";
        app.refuseWith(refusal);
        int port = start();
        try (RawWsClient browser = RawWsClient.connect(port, null)) {
            assertThat(browser.status()).isEqualTo(101);
            browser.text(WEB_HELLO);
            List<RawWsClient.Frame> frames = browser.untilClosed(3000);
            RawWsClient.Frame close = RawWsClient.onlyClose(frames);
            assertThat(close.closeCode()).isEqualTo(1013);
            assertThat(close.closeReason()).isEqualTo(refusal);
            assertThat(frames).hasSize(1);
        }
    }

    @Test
    void givenTheAppIsDown_whenABrowserConnects_thenOneClose1011WithASpanishReason() throws Exception {
        int appPort = app.port();
        app.close();
        int port = gateway.start(GatewayExtension.config(appPort));
        try (RawWsClient browser = RawWsClient.connect(port, null)) {
            assertThat(browser.status()).isEqualTo(101);
            List<RawWsClient.Frame> frames = browser.untilClosed(3000);
            RawWsClient.Frame close = RawWsClient.onlyClose(frames);
            assertThat(close.closeCode()).isEqualTo(1011);
            assertThat(close.closeReason()).isEqualTo(GatewayTexts.APP_UNREACHABLE);
            assertThat(close.payload().length - 2).isLessThanOrEqualTo(123);
        }
    }

    @Test
    void givenTheGatewayStops_whenBrowsersAreConnected_thenEachGetsOne1001AndTheAppConnectionCloses() throws Exception {
        int port = start();
        try (RawWsClient browser = RawWsClient.connect(port, null)) {
            browser.text(WEB_HELLO);
            FakeApp.Connection connection = app.connection();
            connection.line();
            assertThat(browser.next(3000).orElseThrow().text()).contains("welcome");
            gateway.server().shutdown(Duration.ofSeconds(1));
            RawWsClient.Frame close = RawWsClient.onlyClose(browser.untilClosed(3000));
            assertThat(close.closeCode()).isEqualTo(1001);
            assertThat(close.closeReason()).isEqualTo(GatewayTexts.GATEWAY_STOPPING);
            awaitTrue(() -> connection.closedByPeer, Duration.ofSeconds(1));
        }
    }

    @Test
    void givenManyMessages_whenRelayedBothWays_thenOrderAndBytesAreKept() throws Exception {
        int port = start();
        try (JdkWsClient browser = new JdkWsClient(port)) {
            browser.send(WEB_HELLO);
            FakeApp.Connection connection = app.connection();
            connection.line();
            browser.text();
            for (int i = 0; i < 200; i++) {
                browser.send("{\"type\":\"message\",\"id\":\"m" + i + "\",\"text\":\"ñandú 😊 " + i + "\"}");
            }
            for (int i = 0; i < 200; i++) {
                String line = connection.line();
                assertThat(line)
                        .isEqualTo("{\"type\":\"message\",\"id\":\"m" + i + "\",\"text\":\"ñandú 😊 " + i + "\"}");
                assertThat(line.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
                connection.send("{\"type\":\"done\",\"id\":\"m" + i + "\",\"complete\":true}");
            }
            for (int i = 0; i < 200; i++) {
                assertThat(browser.text()).isEqualTo("{\"type\":\"done\",\"id\":\"m" + i + "\",\"complete\":true}");
            }
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not met within " + within);
            }
            Thread.sleep(10);
        }
    }
}
