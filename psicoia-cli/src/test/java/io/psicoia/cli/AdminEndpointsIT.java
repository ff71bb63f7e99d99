package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The admin listener of the real jar: health, readiness and a Prometheus scrape after real traffic. */
class AdminEndpointsIT {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a sample, summed over every series whose labels contain {@code labels}. */
    private static double sample(String scrape, String name, String... labels) {
        double sum = 0;
        boolean found = false;
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$")
                .matcher(scrape);
        while (line.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= line.group(1).contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.group(2));
                found = true;
            }
        }
        assertThat(found)
                .as("a sample of %s with %s", name, String.join(",", labels))
                .isTrue();
        return sum;
    }

    @Test
    void givenTheAppWithAnAdminPort_whenPeopleChat_thenHealthReadyAndMetricsThatMovedWithoutAnyText() throws Exception {
        int port = JarProcess.freePort();
        int admin = JarProcess.freePort();
        String canary = "CANARIO-" + Long.toHexString(System.nanoTime());
        Process app = JarProcess.start(
                "app", "--host", "127.0.0.1", "--port", String.valueOf(port), "--admin-port", String.valueOf(admin));
        LinkedBlockingQueue<String> log = JarProcess.stderrLines(app);
        try {
            JarProcess.awaitLine(log, "event=admin.listening");
            assertThat(get(admin, "/healthz").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get(admin, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"", "\"listening\":true", "\"llm\":true");

            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < 3; i++) {
                    in.readLine();
                }
                out.write(("hola " + canary + "\n").getBytes(StandardCharsets.UTF_8));
                assertThat(in.readLine()).isNotNull();
                out.write(("/respirar\n").getBytes(StandardCharsets.UTF_8));
                out.write(("ya no aguanto más, esta noche me quiero matar " + canary + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write("salir\n".getBytes(StandardCharsets.UTF_8));
                while (in.readLine() != null) {
                    // Until the goodbye closes the connection.
                }
            }

            HttpResponse<String> metrics = get(admin, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
            String scrape = metrics.body();
            assertThat(scrape).doesNotContain(canary).doesNotContain("aguanto");
            assertThat(sample(scrape, "psicoia_messages_admitted_total", "urgent=\"false\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(sample(scrape, "psicoia_messages_admitted_total", "urgent=\"true\""))
                    .isGreaterThanOrEqualTo(2);
            assertThat(sample(scrape, "psicoia_safety_notices_total", "about=\"self\""))
                    .isEqualTo(1);
            assertThat(sample(scrape, "psicoia_tools_used_total", "tool=\"respirar\""))
                    .isEqualTo(1);
            // "salir" may cut the last reply short: count every outcome.
            assertThat(sample(scrape, "psicoia_messages_finished_total", "process=\"app\""))
                    .isGreaterThanOrEqualTo(3);
            assertThat(sample(scrape, "psicoia_llm_duration_seconds_count", "outcome=\"reply\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(sample(scrape, "psicoia_queue_wait_seconds_count", "process=\"app\""))
                    .isGreaterThanOrEqualTo(2);
            assertThat(sample(scrape, "psicoia_tcp_connections_open", "process=\"app\""))
                    .isZero();
            assertThat(sample(scrape, "psicoia_tcp_connections_opened_total", "process=\"app\""))
                    .isEqualTo(1);
            assertThat(sample(scrape, "psicoia_tcp_connections_refused_total", "reason=\"too_many_from_address\""))
                    .isZero();
            assertThat(sample(scrape, "jvm_memory_used_bytes", "area=\"heap\"")).isPositive();
            assertThat(scrape).contains("netty_allocator_memory_used");

            assertThat(get(admin, "/otra").statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/metrics"))
                            .POST(HttpRequest.BodyPublishers.ofString("x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        } finally {
            app.toHandle().destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            app.destroyForcibly();
        }
    }

    @Test
    void givenServeWithAnAdminPort_whenAsked_thenReadinessCoversTheAppTheModelAndTheGateway() throws Exception {
        int ws = JarProcess.freePort();
        int port = JarProcess.freePort();
        int admin = JarProcess.freePort();
        Process serve = JarProcess.start(
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--ws-host",
                "127.0.0.1",
                "--ws-port",
                String.valueOf(ws),
                "--admin-port",
                String.valueOf(admin));
        LinkedBlockingQueue<String> log = JarProcess.stderrLines(serve);
        try {
            JarProcess.awaitLine(log, "event=admin.listening");
            HttpResponse<String> ready = get(admin, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"listening\":true", "\"llm\":true", "\"gateway\":true");
            String scrape = get(admin, "/metrics").body();
            assertThat(scrape).contains("psicoia_ws_sessions_open{process=\"serve\"}");
            assertThat(sample(scrape, "psicoia_ws_sessions_opened_total", "process=\"serve\""))
                    .isZero();
            assertThat(sample(scrape, "psicoia_ws_connections_refused_total", "reason=\"origin\""))
                    .isZero();
        } finally {
            serve.toHandle().destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            serve.destroyForcibly();
        }
    }

    @Test
    void givenAChosenAdminPortThatIsTaken_whenStarting_thenExitThreeNamingTheFlag() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Process app = JarProcess.start(
                    "app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(JarProcess.freePort()),
                    "--admin-port",
                    String.valueOf(taken.getLocalPort()));
            LinkedBlockingQueue<String> log = JarProcess.stderrLines(app);
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).isEqualTo(3);
            JarProcess.awaitLine(log, "--admin-port (ADMIN_PORT)");
        }
    }
}
