package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code psicoia serve} and {@code psicoia gateway} from the built jar, as separate processes on real ports. */
class PsicoiaServeIT {

    @Test
    void givenServe_whenABrowserChatsAndTheProcessGetsSigterm_thenRepliesThen1001AndExitZero() throws Exception {
        int appPort = JarProcess.freePort();
        int wsPort = JarProcess.freePort();
        Process serve = JarProcess.start(
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(appPort),
                "--ws-host",
                "127.0.0.1",
                "--ws-port",
                String.valueOf(wsPort));
        LinkedBlockingQueue<String> log = JarProcess.stderrLines(serve);
        try {
            JarProcess.awaitLine(log, "event=gateway.ready port=" + wsPort);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wsPort + "/healthz"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            if (Files.exists(Path.of("..", "web", "index.html"))) {
                HttpResponse<String> page = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wsPort + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("content-security-policy")).isPresent();
            }

            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + wsPort + "/ws"), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                received.add(text.toString());
                                text.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
                            received.add("close " + code + " " + reason);
                            return null;
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"hello\",\"client\":\"psicoia-web/1\",\"locale\":\"es-AR\"}", true)
                    .get(5, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("{\"type\":\"welcome\"");
            socket.sendText("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"Hoy me siento sola\"}", true)
                    .get(5, TimeUnit.SECONDS);
            String frame = received.poll(10, TimeUnit.SECONDS);
            assertThat(frame).startsWith("{\"type\":\"delta\",\"id\":\"m1\"");
            while (!frame.startsWith("{\"type\":\"done\"")) {
                frame = received.poll(10, TimeUnit.SECONDS);
                assertThat(frame).isNotNull();
            }

            serve.toHandle().destroy(); // SIGTERM
            String last = received.poll(15, TimeUnit.SECONDS);
            while (last != null && !last.startsWith("close ")) {
                last = received.poll(15, TimeUnit.SECONDS);
            }
            assertThat(last).startsWith("close 1001 ");
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).isZero();
            JarProcess.awaitLine(log, "event=serve.stopped");
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void givenTheWsPortIsTaken_whenTheGatewayStarts_thenExitThreeWithASpanishLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Process gateway = JarProcess.start(
                    "gateway", "--ws-host", "127.0.0.1", "--ws-port", String.valueOf(taken.getLocalPort()));
            LinkedBlockingQueue<String> log = JarProcess.stderrLines(gateway);
            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(gateway.exitValue()).isEqualTo(3);
            JarProcess.awaitLine(log, "No pude escuchar en 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void givenInvalidGatewaySettings_whenStarting_thenExitTwoNamingFlagAndVariable() throws Exception {
        Process gateway = JarProcess.start("gateway", "--ws-max-connections-per-ip", "cero");
        LinkedBlockingQueue<String> log = JarProcess.stderrLines(gateway);
        assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gateway.exitValue()).isEqualTo(2);
        JarProcess.awaitLine(log, "--ws-max-connections-per-ip (variable WS_MAX_CONNECTIONS_PER_IP)");

        Process tls = JarProcess.start("gateway", "--tls-cert", "no-existe.pem");
        LinkedBlockingQueue<String> tlsLog = JarProcess.stderrLines(tls);
        assertThat(tls.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tls.exitValue()).isEqualTo(2);
        JarProcess.awaitLine(tlsLog, "--tls-key (variable TLS_KEY)");

        Process badTls = JarProcess.start(
                "gateway",
                "--ws-host",
                "127.0.0.1",
                "--ws-port",
                String.valueOf(JarProcess.freePort()),
                "--tls-cert",
                "no-existe.pem",
                "--tls-key",
                "tampoco.pem");
        LinkedBlockingQueue<String> badTlsLog = JarProcess.stderrLines(badTls);
        assertThat(badTls.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(badTls.exitValue()).isEqualTo(2);
        JarProcess.awaitLine(badTlsLog, "No pude usar el certificado o la clave TLS");

        Process origins = JarProcess.start("serve", "--ws-allowed-origins", "ejemplo.org/ruta");
        LinkedBlockingQueue<String> originsLog = JarProcess.stderrLines(origins);
        assertThat(origins.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(origins.exitValue()).isEqualTo(2);
        JarProcess.awaitLine(originsLog, "--ws-allowed-origins (variable WS_ALLOWED_ORIGINS)");
    }
}
