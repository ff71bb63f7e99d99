package io.psicoia.gateway.ws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway's HTTP side: files with their headers, health, Origin rule, per-address cap, slow requests. */
class WsGatewayHttpIT {

    @RegisterExtension
    final GatewayExtension gateway = new GatewayExtension();

    private final FakeApp app = new FakeApp();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopApp() {
        app.close();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenThePage_whenRequested_thenHtmlWithTheStrictPolicyAndRevalidation() throws Exception {
        int port = gateway.start(GatewayExtension.config(app.port()));
        HttpResponse<String> page = get(port, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Página de prueba");
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("content-security-policy"))
                .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                        + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");
        String etag = page.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> again = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<String> css = get(port, "/css/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void givenPathsOutsideTheWebRoot_whenRequested_thenNotFound() throws Exception {
        int port = gateway.start(GatewayExtension.config(app.port()));
        for (String path : List.of(
                "/nada.html",
                "/css",
                "/../logback-test.xml",
                "/%2e%2e/logback-test.xml",
                "/css/..%2f..%2flogback-test.xml",
                "/.hidden.html",
                "/io/psicoia/gateway/ws/GatewayExtension.class",
                "/ws?token=1")) {
            assertThat(rawStatus(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                    .as(path)
                    .isEqualTo(404);
        }
    }

    @Test
    void givenOtherMethods_whenUsed_then405() throws Exception {
        int port = gateway.start(GatewayExtension.config(app.port()));
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    @Test
    void givenTheAppUpOrDown_whenHealthIsAsked_then200Or503() throws Exception {
        int port = gateway.start(GatewayExtension.config(app.port()));
        assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
        gateway.server().shutdown(Duration.ZERO);

        int appPort = app.port();
        app.close();
        int again = gateway.start(GatewayExtension.config(appPort));
        HttpResponse<String> down = get(again, "/healthz");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("app_unreachable");
    }

    @Test
    void givenTheConnectionCap_whenOneMoreConnects_thenItGetsA503InSpanishAndIsClosed_andASlotFreesUp()
            throws Exception {
        int port = gateway.start(GatewayExtension.config(app.port()).withMaxConnections(2));
        try (java.net.Socket first = new java.net.Socket("127.0.0.1", port);
                java.net.Socket second = new java.net.Socket("127.0.0.1", port)) {
            awaitOpenConnections(2);
            try (java.net.Socket third = new java.net.Socket("127.0.0.1", port)) {
                third.setSoTimeout(5_000);
                String answer =
                        new String(third.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer)
                        .startsWith("HTTP/1.1 503")
                        .contains("Retry-After: 60")
                        .contains(GatewayTexts.FULL);
            }
        }
        awaitOpenConnections(0);
        assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
    }

    private void awaitOpenConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (gateway.server().openConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(gateway.server().openConnections()).isEqualTo(expected);
    }

    @Test
    void givenOrigins_whenUpgrading_thenForeignIs403AndOwnListedOrNoneAreAccepted() throws Exception {
        WsGatewayConfig base = GatewayExtension.config(app.port());
        WsGatewayConfig config = new WsGatewayConfig(
                base.host(),
                base.port(),
                base.appHost(),
                base.appPort(),
                List.of("https://psicoia.example.org"),
                base.maxMessageBytes(),
                base.maxConnectionsPerIp(),
                base.handshakeTimeout(),
                base.pingInterval(),
                base.tls(),
                base.staticRoot(),
                base.appConnectTimeout(),
                base.closeTimeout(),
                10_000);
        int port = gateway.start(config);
        try (RawWsClient foreign = RawWsClient.connect(port, "https://evil.example.com")) {
            assertThat(foreign.status()).isEqualTo(403);
        }
        try (RawWsClient nullOrigin = RawWsClient.connect(port, "null")) {
            assertThat(nullOrigin.status()).isEqualTo(403);
        }
        try (RawWsClient own = RawWsClient.connect(port, "http://127.0.0.1:" + port)) {
            assertThat(own.status()).isEqualTo(101);
        }
        try (RawWsClient listed = RawWsClient.connect(port, "https://PSICOIA.example.org")) {
            assertThat(listed.status()).isEqualTo(101);
        }
        try (RawWsClient none = RawWsClient.connect(port, null)) {
            assertThat(none.status()).isEqualTo(101);
        }
    }

    @Test
    void givenTheCapPerAddress_whenOneMoreConnects_thenItGetsOne1013() throws Exception {
        WsGatewayConfig base = GatewayExtension.config(app.port());
        WsGatewayConfig config = new WsGatewayConfig(
                base.host(),
                base.port(),
                base.appHost(),
                base.appPort(),
                base.allowedOrigins(),
                base.maxMessageBytes(),
                2,
                base.handshakeTimeout(),
                base.pingInterval(),
                base.tls(),
                base.staticRoot(),
                base.appConnectTimeout(),
                base.closeTimeout(),
                10_000);
        int port = gateway.start(config);
        // The gateway takes an address's slot when its handshake completes, which may be just after the client read
        // the 101: each session is seen at the app (after its slot was taken) before the next one connects, so the
        // third is the one over the cap.
        try (RawWsClient first = RawWsClient.connect(port, null)) {
            assertThat(first.status()).isEqualTo(101);
            app.connection();
            try (RawWsClient second = RawWsClient.connect(port, null)) {
                assertThat(second.status()).isEqualTo(101);
                app.connection();
                try (RawWsClient third = RawWsClient.connect(port, null)) {
                    assertThat(third.status()).isEqualTo(101);
                    RawWsClient.Frame close = RawWsClient.onlyClose(third.untilClosed(3000));
                    assertThat(close.closeCode()).isEqualTo(1013);
                    assertThat(close.closeReason()).isEqualTo(GatewayTexts.TOO_MANY_FROM_ADDRESS);
                }
            }
            assertThat(app.connectionWithin(300))
                    .as("the refused one never reaches the app")
                    .isFalse();
        }
    }

    @Test
    void givenASlowlorisClient_whenHeadersNeverEnd_thenItIsDroppedAtTheTimeout() throws Exception {
        WsGatewayConfig base = GatewayExtension.config(app.port());
        WsGatewayConfig config = new WsGatewayConfig(
                base.host(),
                base.port(),
                base.appHost(),
                base.appPort(),
                base.allowedOrigins(),
                base.maxMessageBytes(),
                base.maxConnectionsPerIp(),
                Duration.ofMillis(500),
                base.pingInterval(),
                base.tls(),
                base.staticRoot(),
                base.appConnectTimeout(),
                base.closeTimeout(),
                10_000);
        int port = gateway.start(config);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            long start = System.nanoTime();
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(UTF_8));
            for (int i = 0; i < 3; i++) {
                Thread.sleep(100);
                socket.getOutputStream().write(("X-Lento-" + i + ": a\r\n").getBytes(UTF_8));
            }
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("closed without an answer").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(400), Duration.ofSeconds(2));
        }
    }

    private static int rawStatus(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(UTF_8));
            String head = new String(socket.getInputStream().readNBytes(12), UTF_8);
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
