package io.psicoia.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** psicoia chat against a real HTTP provider (WireMock on loopback). */
class ChatWithProviderIT {

    private static final String PATH = "/v1/chat/completions";
    private static final String KEY = "gsk_test_canary_key_7Qz";

    private WireMockServer provider;

    @BeforeEach
    void start() {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    private Map<String, String> environment() {
        return Map.of("GROQ_API_KEY", KEY, "LLM_URL", "http://127.0.0.1:" + provider.port() + PATH);
    }

    @Test
    void givenAProvider_whenChatting_thenTheStreamedReplyIsPrinted() {
        provider.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(ProviderStubs.sse("Te ", "escucho. ", "¿Qué te pasa?"))));

        CliRun run = CliRun.of("hola\nsalir\n", environment(), "chat");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(ChatSession.REPLY_PREFIX + "Te escucho. ¿Qué te pasa?\n");
        provider.verify(
                1,
                postRequestedFor(urlEqualTo(PATH))
                        .withHeader("Authorization", equalTo("Bearer " + KEY))
                        .withRequestBody(containing("\"stream\":true")));
    }

    @Test
    void givenARejectedKey_whenChatting_thenOneCallAndACalmSpanishMessage() {
        provider.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Invalid API Key\",\"code\":\"invalid_api_key\"}}")));

        CliRun run = CliRun.of("hola\nsalir\n", environment(), "chat");

        assertThat(run.exitCode()).isZero();
        provider.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(run.out()).contains("No puedo responderte en este momento.").doesNotContain("Invalid API Key");
        assertThat(run.err()).contains("GROQ_API_KEY").doesNotContain(KEY);
    }

    @Test
    void givenEveryLogLevelOn_whenAWholeChatRuns_thenNoLogLineHoldsTheMessageTheReplyOrTheKey(@TempDir Path dir)
            throws Exception {
        String canary = "CANARIO-" + Long.toHexString(System.nanoTime());
        provider.stubFor(post(urlEqualTo(PATH))
                .inScenario("canary")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("failing")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(ProviderStubs.sse("Escucho ", canary, " en lo que decís."))));
        provider.stubFor(post(urlEqualTo(PATH))
                .inScenario("canary")
                .whenScenarioStateIs("failing")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"bad " + canary + "\"}}")));
        Path logFile = dir.resolve("psicoia.log");

        CliRun run = CliRun.of(
                "hola " + canary + "\n" + canary + " otra vez\nsalir\n",
                environment(),
                "chat",
                "--log-level",
                "trace",
                "--log-file",
                logFile.toString());

        String logs = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(canary);
        assertThat(logs).contains("event=chat.start", "event=chat.turn", "event=chat.end");
        assertThat(logs).doesNotContain(canary).doesNotContain(KEY);
        assertThat(run.err()).doesNotContain(canary).doesNotContain(KEY);
    }
}
