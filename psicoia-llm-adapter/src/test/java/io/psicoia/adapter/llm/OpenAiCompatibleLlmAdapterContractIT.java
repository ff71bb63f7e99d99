package io.psicoia.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmUnavailableException.Reason;
import io.psicoia.domain.testing.AbstractLlmPortContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP adapter keeps the port contract against a WireMock provider: scripted replies are SSE streams of the
 * contract's pieces, the slow reply is dribbled over seconds, and failures are statuses, delays and a closed port.
 */
class OpenAiCompatibleLlmAdapterContractIT extends AbstractLlmPortContractTest {

    private static final String PATH = "/openai/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SLOW_PIECES = 40;
    private static final int SLOW_STREAM_MS = 4000;
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    /** A fresh provider on a free loopback port; stubs, scenarios and the request log reset before each test. */
    @RegisterExtension
    static final WireMockExtension server =
            WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @Override
    protected Scenario answering(List<String> pieces) {
        List<String> events = new ArrayList<>();
        events.add(chunk(delta("role", "assistant"), null));
        pieces.forEach(piece -> events.add(chunk(delta("content", piece), null)));
        events.add(chunk("{}", "stop"));
        events.add("[DONE]");
        server.stubFor(post(urlEqualTo(PATH)).willReturn(sseResponse(sse(events))));
        return Scenario.scripted(new OpenAiCompatibleLlmAdapter(config()), pieces);
    }

    @Override
    protected LlmPort portThatStreamsSlowly() {
        List<String> events =
                new ArrayList<>(Collections.nCopies(SLOW_PIECES, chunk(delta("content", "despacio "), null)));
        events.add(chunk("{}", "stop"));
        events.add("[DONE]");
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(sseResponse(sse(events)).withChunkedDribbleDelay(SLOW_PIECES, SLOW_STREAM_MS)));
        return new OpenAiCompatibleLlmAdapter(config());
    }

    @Override
    protected Optional<LlmPort> portThatFails(Reason reason) {
        switch (reason) {
            case AUTH:
                stubStatus(401);
                return Optional.of(new OpenAiCompatibleLlmAdapter(config()));
            case BAD_REQUEST:
                stubStatus(400);
                return Optional.of(new OpenAiCompatibleLlmAdapter(config()));
            case UPSTREAM_ERROR:
                stubStatus(500);
                return Optional.of(new OpenAiCompatibleLlmAdapter(config()));
            case RATE_LIMITED:
                server.stubFor(
                        post(urlEqualTo(PATH)).willReturn(errorResponse(429).withHeader("Retry-After", "1")));
                return Optional.of(new OpenAiCompatibleLlmAdapter(config()));
            case TIMEOUT:
                server.stubFor(post(urlEqualTo(PATH))
                        .willReturn(sseResponse(sse(List.of(chunk(delta("content", "Tarde."), "stop"), "[DONE]")))
                                .withFixedDelay(
                                        (int) SHORT_TIMEOUT.multipliedBy(5).toMillis())));
                return Optional.of(new OpenAiCompatibleLlmAdapter(config().withTimeout(SHORT_TIMEOUT)));
            case UNREACHABLE:
                URI closed = URI.create("http://127.0.0.1:" + closedPort() + PATH);
                return Optional.of(new OpenAiCompatibleLlmAdapter(config().withUrl(closed)));
            default:
                return Optional.empty();
        }
    }

    /** Retries stay on (3 attempts) but wait only milliseconds, and a {@code Retry-After} is capped at 50 ms. */
    private static LlmConfig config() {
        return LlmConfig.defaults(Optional.empty())
                .withUrl(URI.create(server.baseUrl() + PATH))
                .withTimeout(Duration.ofSeconds(5))
                .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(50));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stubStatus(int status) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(errorResponse(status)));
    }

    private static ResponseDefinitionBuilder errorResponse(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Error sintético de prueba\",\"type\":\"test\"}}");
    }

    private static ResponseDefinitionBuilder sseResponse(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withHeader("Cache-Control", "no-cache")
                .withBody(body);
    }

    /** A chunk's {@code delta} object with one field, JSON-escaped. */
    private static String delta(String field, String value) {
        ObjectNode delta = JSON.createObjectNode();
        delta.put(field, value);
        return delta.toString();
    }

    /** One chunk with a single choice; {@code finishReason} null while the reply goes on. */
    private static String chunk(String delta, String finishReason) {
        String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return "{\"id\":\"chatcmpl-contrato\",\"object\":\"chat.completion.chunk\",\"created\":1764064800,"
                + "\"model\":\"llama-3.1-8b-instant\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"finish_reason\":" + finish + "}]}";
    }

    /** SSE events, one per data value. */
    private static String sse(List<String> data) {
        StringBuilder text = new StringBuilder();
        for (String value : data) {
            text.append("data: ").append(value).append("\n\n");
        }
        return text.toString();
    }
}
