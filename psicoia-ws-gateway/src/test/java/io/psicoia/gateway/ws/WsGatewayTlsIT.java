package io.psicoia.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS and WSS with a PEM certificate and PKCS#8 key made by openssl for the test (skipped without openssl). */
class WsGatewayTlsIT {

    @RegisterExtension
    final GatewayExtension gateway = new GatewayExtension();

    private final FakeApp app = new FakeApp();

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void givenACertificateAndKey_whenServingOverTls_thenHttpsAndWssWork(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl;
        try {
            openssl = new ProcessBuilder(
                            "openssl",
                            "req",
                            "-x509",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-days",
                            "1",
                            "-subj",
                            "/CN=localhost",
                            "-addext",
                            "subjectAltName=DNS:localhost,IP:127.0.0.1",
                            "-keyout",
                            key.toString(),
                            "-out",
                            cert.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            Assumptions.abort("openssl is not installed");
            return;
        }
        openssl.getInputStream().readAllBytes();
        Assumptions.assumeTrue(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl failed");

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
                base.pingInterval(),
                Optional.of(new WsGatewayConfig.Tls(cert, key)),
                base.staticRoot(),
                base.appConnectTimeout(),
                base.closeTimeout(),
                10_000);
        int port = gateway.start(config);

        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry(
                    "gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trustManagers.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/healthz"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("wss://localhost:" + port + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"hello\"}", true).get(5, TimeUnit.SECONDS);
        assertThat(received.poll(5, TimeUnit.SECONDS)).contains("\"welcome\"");
        // The health probe's connection may or may not have reached the app's queue (it hangs up at once, and the
        // fake app keeps it only if its greeting got out first); it never sends a line, the session does.
        java.util.Optional<String> hello = app.connection().lineWithin(1000);
        if (hello.isEmpty()) {
            hello = app.connection().lineWithin(5000);
        }
        assertThat(hello).hasValueSatisfying(line -> assertThat(line).contains("\"peer\":\"127.0.0.1\""));
        socket.abort();
    }
}
