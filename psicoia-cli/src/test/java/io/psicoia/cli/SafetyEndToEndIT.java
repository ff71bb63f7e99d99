package io.psicoia.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The safety promise through every real part: {@code psicoia app} from the jar, a real provider over HTTP (WireMock),
 * a client on a real socket in JSON mode. A message that shows risk gets its safety event, with the country's crisis
 * line, within 500 ms, however full the limits are and whatever the provider does.
 */
class SafetyEndToEndIT {

    private static final String PATH = "/openai/v1/chat/completions";
    private static final String RISKY = "ya no aguanto más, esta noche me quiero matar";
    /** Argentina's national mental-health line, which the hello's locale es-AR selects. */
    private static final String AR_LINE = "0800-999-0091";

    private static final long PROMPT_MILLIS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireMockServer provider;
    private Process app;
    private int port;

    @BeforeEach
    void startProvider() {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        provider.stop();
    }

    private void startApp(String... args) throws Exception {
        port = JarProcess.freePort();
        List<String> all = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(port)));
        all.addAll(List.of(args));
        ProcessBuilder builder = JarProcess.builder("app", all.toArray(String[]::new));
        builder.environment().put("GROQ_API_KEY", "gsk_prueba_no_real");
        builder.environment().put("LLM_URL", "http://127.0.0.1:" + provider.port() + PATH);
        app = builder.start();
        LinkedBlockingQueue<String> log = JarProcess.stderrLines(app);
        JarProcess.awaitLine(log, "event=app.ready");
    }

    private void providerAnswers(int delayMillis) {
        provider.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(delayMillis)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(ProviderStubs.sse("Estoy acá con vos. ", "Contame qué pasa."))));
    }

    /** A client in JSON mode: hello with locale es-AR, then messages; reads one event per line. */
    private final class Client implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Client() throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            send(JSON.createObjectNode()
                    .put("type", "hello")
                    .put("client", "prueba/1")
                    .put("locale", "es-AR"));
            JsonNode event;
            do {
                event = next();
            } while (!event.path("type").asText().equals("welcome"));
        }

        void send(ObjectNode frame) throws IOException {
            out.write((JSON.writeValueAsString(frame) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void message(String id, String text) throws IOException {
            send(JSON.createObjectNode().put("type", "message").put("id", id).put("text", text));
        }

        /** The next event; lines before welcome that are not JSON (the greeting) are skipped. */
        JsonNode next() throws IOException {
            while (true) {
                String line = in.readLine();
                assertThat(line).as("the app closed the connection").isNotNull();
                if (line.startsWith("{")) {
                    return JSON.readTree(line);
                }
            }
        }

        /** Events about {@code id} until its done or error, in order. */
        List<JsonNode> untilEnd(String id) throws IOException {
            List<JsonNode> events = new ArrayList<>();
            while (true) {
                JsonNode event = next();
                if (!event.path("id").asText().equals(id)) {
                    continue;
                }
                events.add(event);
                String type = event.path("type").asText();
                if (type.equals("done") || type.equals("error")) {
                    return events;
                }
            }
        }

        /**
         * Sends the risky message and asserts its first event is the safety event with the Argentine line, read
         * within {@link #PROMPT_MILLIS} of sending; returns every event of the message.
         */
        List<JsonNode> sendRiskyAndExpectPromptSafety(String id) throws IOException {
            long start = System.nanoTime();
            message(id, RISKY);
            JsonNode first;
            do {
                first = next();
            } while (!first.path("id").asText().equals(id));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(first.path("type").asText()).isEqualTo("safety");
            assertThat(first.path("level").asText()).isIn("high", "imminent");
            assertThat(first.path("country").asText()).isEqualTo("AR");
            assertThat(first.path("message").asText()).contains(AR_LINE, "911");
            assertThat(first.path("resources").findValuesAsText("contact")).contains(AR_LINE, "911");
            assertThat(millis)
                    .as("milliseconds from sending to the safety event")
                    .isLessThan(PROMPT_MILLIS);
            List<JsonNode> events = new ArrayList<>(List.of(first));
            events.addAll(untilEnd(id));
            return events;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asText()).toList();
    }

    @Test
    void givenAPersonWhoIsRateLimited_whenTheySendARiskyMessage_thenSafetyAtOnceAndAReplyNotARefusal()
            throws Exception {
        providerAnswers(0);
        startApp("--rate-max-messages", "1");
        try (Client client = new Client()) {
            client.message("m1", "hola");
            assertThat(types(client.untilEnd("m1"))).containsExactly("delta", "delta", "done");
            client.message("m2", "¿seguís ahí?");
            List<JsonNode> refused = client.untilEnd("m2");
            assertThat(refused.get(0).path("code").asText()).isEqualTo("rate_limited");

            List<JsonNode> events = client.sendRiskyAndExpectPromptSafety("m3");

            assertThat(types(events)).startsWith("safety").contains("delta").endsWith("done");
            assertThat(events.get(events.size() - 1).path("complete").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void givenEveryModelSlotTaken_whenARiskyMessageArrives_thenSafetyAtOnceAndNeverQueuedOrBusy() throws Exception {
        providerAnswers(1500);
        startApp("--max-in-flight", "1");
        try (Client holder = new Client();
                Client risky = new Client()) {
            holder.message("h1", "hola, quería charlar un rato");
            Thread.sleep(200); // the holder's call is now waiting on the provider

            List<JsonNode> events = risky.sendRiskyAndExpectPromptSafety("r1");

            assertThat(types(events)).doesNotContain("queued", "error").endsWith("done");
            assertThat(events.get(events.size() - 1).path("complete").asBoolean())
                    .isTrue();
            assertThat(types(holder.untilEnd("h1"))).endsWith("done");
        }
    }

    @Test
    void givenAProviderAnswering503_whenARiskyMessageArrives_thenSafetyAtOnceAndAFollowUpInsteadOfAnError()
            throws Exception {
        provider.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"over capacity\"}}")));
        int admin = JarProcess.freePort();
        startApp("--admin-port", String.valueOf(admin));
        try (Client client = new Client()) {
            List<JsonNode> events = client.sendRiskyAndExpectPromptSafety("r1");

            assertThat(types(events)).doesNotContain("error").endsWith("done");
            // The operator sees what happened, in counts only.
            String scrape = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.1:" + admin + "/metrics"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(scrape)
                    .contains("psicoia_llm_retries_total{process=\"app\",reason=\"upstream_error\"} 2.0")
                    .contains("psicoia_llm_breaker_state{process=\"app\",state=\"closed\"} 1.0")
                    .contains("psicoia_messages_finished_total{outcome=\"safe_fallback\",process=\"app\"} 1.0")
                    .contains("psicoia_safety_notices_total{about=\"self\",level=\"imminent\",process=\"app\"} 1.0")
                    .doesNotContain("aguanto");
            String followUp = events.stream()
                    .filter(event -> event.path("type").asText().equals("delta"))
                    .map(event -> event.path("text").asText())
                    .reduce("", String::concat);
            assertThat(followUp).contains("911", "/ayuda");
            assertThat(events.get(events.size() - 1).path("complete").asBoolean())
                    .isTrue();
        }
    }
}
