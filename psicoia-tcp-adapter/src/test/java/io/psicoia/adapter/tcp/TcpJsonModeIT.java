package io.psicoia.adapter.tcp;

import static io.psicoia.adapter.tcp.TcpChatServerIT.admission;
import static io.psicoia.adapter.tcp.TcpChatServerIT.awaitTrue;
import static io.psicoia.adapter.tcp.TcpChatServerIT.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psicoia.domain.service.AdmissionConfig;
import io.psicoia.domain.testing.FakeLlmPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JSON mode (NDJSON) on a real loopback socket. */
class TcpJsonModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TcpServerExtension running = new TcpServerExtension();

    private final FakeLlmPort llm = new FakeLlmPort();

    private int start(TcpServerConfig config, AdmissionConfig admission) throws InterruptedException {
        return running.start(llm, config, admission);
    }

    /** Connects, says hello, and returns the client positioned after {@code welcome}. */
    private static LineClient hello(int port, String helloJson) {
        LineClient client = new LineClient(port).greeted();
        client.send(helloJson);
        return client;
    }

    private static JsonNode frame(LineClient client) {
        try {
            return JSON.readTree(client.line());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void givenAHello_whenChatting_thenWelcomeDeltasAndDoneCarryTheId() throws Exception {
        llm.then(FakeLlmPort.reply("Te ", "escucho."));
        int port = start(config(4000, 50), admission(5, 2, 6));

        try (LineClient client = hello(port, "{\"type\":\"hello\",\"client\":\"prueba/1\",\"locale\":\"es-AR\"}")) {
            JsonNode welcome = frame(client);
            assertThat(welcome.get("type").asText()).isEqualTo("welcome");
            assertThat(welcome.get("user").asText()).startsWith("Usuario-");
            assertThat(welcome.at("/limits/maxChars").asInt()).isEqualTo(4000);
            assertThat(welcome.at("/limits/rateMaxMessages").asInt()).isEqualTo(6);
            assertThat(welcome.at("/limits/rateWindowSeconds").asInt()).isEqualTo(10);

            client.send("{\"type\":\"message\",\"id\":\"a1\",\"text\":\"hola\",\"extra\":true}");
            // The model's two pieces form one sentence, released whole after the output check.
            assertThat(frame(client).toString())
                    .isEqualTo("{\"type\":\"delta\",\"id\":\"a1\",\"text\":\"Te escucho.\"}");
            assertThat(frame(client).toString()).isEqualTo("{\"type\":\"done\",\"id\":\"a1\",\"complete\":true}");

            client.send("{\"type\":\"ping\"}");
            assertThat(frame(client).get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void givenBadFrames_whenSent_thenBadRequestAndTheConnectionStays() throws Exception {
        int port = start(config(20, 50), admission(5, 2, 6));

        try (LineClient client = hello(port, "{\"type\":\"hello\"}")) {
            frame(client);
            for (String bad : List.of(
                    "esto no es json",
                    "[1,2]",
                    "{\"type\":\"teleport\"}",
                    "{\"type\":\"message\",\"text\":\"sin id\"}",
                    "{\"type\":\"message\",\"id\":\"x\"}")) {
                client.send(bad);
                JsonNode error = frame(client);
                assertThat(error.get("type").asText()).isEqualTo("error");
                assertThat(error.get("code").asText()).isEqualTo("bad_request");
                assertThat(error.get("message").asText()).isNotBlank();
            }
            client.send("{\"type\":\"message\",\"id\":\"long\",\"text\":\"" + "a".repeat(21) + "\"}");
            JsonNode tooLong = frame(client);
            assertThat(tooLong.get("code").asText()).isEqualTo("too_long");
            assertThat(tooLong.get("id").asText()).isEqualTo("long");

            client.send("{\"type\":\"message\",\"id\":\"ok\",\"text\":\"hola\"}");
            JsonNode delta = frame(client);
            assertThat(delta.get("id").asText()).isEqualTo("ok");
        }
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenARateLimit_whenExceeded_thenErrorWithExactRetryAfterMs() throws Exception {
        int port = start(config(4000, 50), admission(5, 2, 1));

        try (LineClient client = hello(port, "{\"type\":\"hello\"}")) {
            frame(client);
            client.send("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"hola\"}");
            while (!frame(client).get("type").asText().equals("done")) {
                // deltas
            }
            client.send("{\"type\":\"message\",\"id\":\"m2\",\"text\":\"otra vez\"}");
            JsonNode error = frame(client);
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("id").asText()).isEqualTo("m2");
            assertThat(error.get("code").asText()).isEqualTo("rate_limited");
            assertThat(error.get("retryAfterMs").asLong()).isBetween(9_000L, 10_000L);
            assertThat(error.get("message").asText()).startsWith("Tranca, demasiados mensajes seguidos.");
        }
    }

    @Test
    void givenPerUserMaxTwo_whenAThirdIsSentWhileTwoWait_thenBusyForItAndTheOthersAnswered() throws Exception {
        llm.hold();
        int port = start(config(4000, 50), admission(5, 2, 10));

        try (LineClient client = hello(port, "{\"type\":\"hello\"}")) {
            frame(client);
            client.send("{\"type\":\"message\",\"id\":\"1\",\"text\":\"uno\"}");
            client.send("{\"type\":\"message\",\"id\":\"2\",\"text\":\"dos\"}");
            client.send("{\"type\":\"message\",\"id\":\"3\",\"text\":\"tres\"}");
            JsonNode busy = frame(client);
            assertThat(busy.get("code").asText()).isEqualTo("busy");
            assertThat(busy.get("id").asText()).isEqualTo("3");
            llm.open();
            List<String> terminal = new ArrayList<>();
            while (terminal.size() < 2) {
                JsonNode event = frame(client);
                if (event.get("type").asText().equals("done")) {
                    terminal.add(event.get("id").asText());
                }
            }
            assertThat(terminal).containsExactly("1", "2");
        }
    }

    @Test
    void givenAStreamingReply_whenCancelled_thenDoneIncompleteAndTheModelCallStops() throws Exception {
        llm.hold();
        int port = start(config(4000, 50), admission(5, 2, 10));

        try (LineClient client = hello(port, "{\"type\":\"hello\"}")) {
            frame(client);
            client.send("{\"type\":\"message\",\"id\":\"c1\",\"text\":\"hola\"}");
            awaitTrue(() -> llm.running() == 1);
            client.send("{\"type\":\"cancel\",\"id\":\"c1\"}");
            assertThat(frame(client).toString()).isEqualTo("{\"type\":\"done\",\"id\":\"c1\",\"complete\":false}");
            awaitTrue(() -> llm.running() == 0);
        }
    }

    @Test
    void givenAHelloWithALocale_whenTheyAskForHelp_thenASafetyEventWithThatCountrysLinesThenDone() throws Exception {
        int port = start(config(4000, 50), admission(5, 2, 6));

        try (LineClient client = hello(port, "{\"type\":\"hello\",\"locale\":\"es-MX\"}")) {
            frame(client);
            client.send("{\"type\":\"message\",\"id\":\"h\",\"text\":\"/ayuda\"}");

            JsonNode safety = frame(client);
            assertThat(safety.get("type").asText()).isEqualTo("safety");
            assertThat(safety.get("id").asText()).isEqualTo("h");
            assertThat(safety.get("level").asText()).isEqualTo("none");
            assertThat(safety.get("about").asText()).isEqualTo("self");
            assertThat(safety.get("country").asText()).isEqualTo("MX");
            assertThat(safety.get("message").asText()).contains("800 911 2000", "911");
            JsonNode line = safety.get("resources").get(0);
            assertThat(line.get("name").asText()).startsWith("Línea de la Vida");
            assertThat(line.get("contact").asText()).isEqualTo("800 911 2000");
            assertThat(line.get("hours").asText()).isEqualTo("24 h");
            assertThat(line.get("channel").asText()).isEqualTo("call");
            assertThat(line.get("emergency").asBoolean()).isFalse();
            assertThat(frame(client).toString()).isEqualTo("{\"type\":\"done\",\"id\":\"h\",\"complete\":true}");
        }
        assertThat(llm.calls()).isZero();
    }

    @Test
    void givenEveryModelSlotTaken_whenAMessageWaits_thenQueuedWithItsIdThenItsReply() throws Exception {
        llm.hold();
        int port = start(config(4000, 50), admission(1, 2, 10));

        try (LineClient first = hello(port, "{\"type\":\"hello\"}");
                LineClient second = hello(port, "{\"type\":\"hello\"}")) {
            frame(first);
            frame(second);
            first.send("{\"type\":\"message\",\"id\":\"f\",\"text\":\"hola\"}");
            awaitTrue(() -> llm.running() == 1);
            second.send("{\"type\":\"message\",\"id\":\"s\",\"text\":\"hola\"}");

            assertThat(frame(second).toString()).isEqualTo("{\"type\":\"queued\",\"id\":\"s\"}");
            llm.open();
            List<String> events = new ArrayList<>();
            for (JsonNode event = frame(second); ; event = frame(second)) {
                events.add(event.get("type").asText());
                if (event.get("type").asText().equals("done")) {
                    break;
                }
            }
            assertThat(events).containsExactly("delta", "done");
        }
    }

    @Test
    void givenAHelloWithPeerFromAnUntrustedAddress_whenLimiting_thenThePeerIsIgnored() throws Exception {
        // Nothing is trusted: the claimed peer must not move this connection to another address's window.
        assertThat(secondPeersFirstEvent(List.of())).isEqualTo("rate_limited");
    }

    @Test
    void givenAHelloWithPeerFromATrustedProxy_whenLimiting_thenEachPeerHasItsOwnWindow() throws Exception {
        assertThat(secondPeersFirstEvent(List.of("loopback"))).isEqualTo("delta");
    }

    /**
     * Two connections claiming different peers, with one message per address per window: the first peer's message
     * is answered; returns what the second peer's message gets first ({@code delta} or an error code).
     */
    private String secondPeersFirstEvent(List<String> trustedProxies) throws Exception {
        int port = start(
                config(4000, 50, trustedProxies),
                new AdmissionConfig(5, 2, 6, Duration.ofSeconds(10), 1, Duration.ofMillis(100), Duration.ofSeconds(5)));
        try (LineClient first = hello(port, "{\"type\":\"hello\",\"peer\":\"203.0.113.7\"}");
                LineClient second = hello(port, "{\"type\":\"hello\",\"peer\":\"203.0.113.8\"}")) {
            frame(first);
            frame(second);
            first.send("{\"type\":\"message\",\"id\":\"a\",\"text\":\"hola\"}");
            while (!frame(first).get("type").asText().equals("done")) {
                // deltas
            }
            second.send("{\"type\":\"message\",\"id\":\"b\",\"text\":\"hola\"}");
            JsonNode event = frame(second);
            return event.get("type").asText().equals("error")
                    ? event.get("code").asText()
                    : event.get("type").asText();
        }
    }
}
