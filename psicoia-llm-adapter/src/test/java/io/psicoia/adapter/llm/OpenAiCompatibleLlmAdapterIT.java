package io.psicoia.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.model.TokenUsage;
import io.psicoia.domain.port.out.FinishReason;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmResult;
import io.psicoia.domain.port.out.LlmUnavailableException;
import io.psicoia.domain.port.out.LlmUnavailableException.Reason;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiCompatibleLlmAdapterIT {

    private static final String PATH = "/openai/v1/chat/completions";
    private static final String KEY = "gsk_test_key_123";
    private static final LlmRequest REQUEST = new LlmRequest(
            "7f3c:m1",
            List.of(
                    Message.system("Sos un acompañante cálido y respetuoso."),
                    Message.user("Hoy me siento un poco sola."),
                    Message.assistant("Lamento que te sientas así."),
                    Message.user("¿Podemos hablar un rato?")));

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A fresh provider on a free loopback port; stubs, scenarios and the request log reset before each test. */
    @RegisterExtension
    static final WireMockExtension server =
            WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final List<String> deltas = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Sleeper recordingSleeper = (duration, cancellation) -> {
        waits.add(duration);
        return !cancellation.isCancelled();
    };

    @Test
    void givenAStreamedCompletion_whenCompleted_thenDeltasArriveInOrderAndTheUsageIsReturned() throws Exception {
        stub(sse(
                chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                chunk("{\"content\":\"Te \"}", null),
                chunk("{\"content\":\"escucho. \"}", null),
                chunk("{}", null),
                chunk("{\"content\":\"¿Qué te preocupa hoy?\"}", null),
                chunk("{}", "\"stop\""),
                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":25,\"completion_tokens\":9,\"total_tokens\":34}}",
                "[DONE]"));

        LlmResult result = adapter(Optional.of(ApiKey.of(KEY))).complete(REQUEST, deltas::add, Cancellation.none());

        assertThat(deltas).containsExactly("Te ", "escucho. ", "¿Qué te preocupa hoy?");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).contains(new TokenUsage(25, 9, 34));
        server.verify(
                1,
                postRequestedFor(urlEqualTo(PATH))
                        .withHeader("Authorization", equalTo("Bearer " + KEY))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withHeader("Accept", equalTo("text/event-stream")));
        JsonNode body =
                JSON.readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(body.path("model").asText()).isEqualTo("llama-3.1-8b-instant");
        assertThat(body.path("stream").isBoolean()).isTrue();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(200);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.has("user")).isFalse();
        assertThat(body.path("messages")).hasSize(4);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(body.path("messages").get(3).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(3).path("content").asText()).isEqualTo("¿Podemos hablar un rato?");
    }

    @Test
    void givenNoApiKey_whenCompleted_thenNoAuthorizationHeaderIsSent() {
        stub(sse(chunk("{\"content\":\"Hola.\"}", "\"stop\""), "[DONE]"));

        adapter(Optional.empty()).complete(REQUEST, deltas::add, Cancellation.none());

        server.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", absent()));
        assertThat(deltas).containsExactly("Hola.");
    }

    @Test
    void givenAStreamEndingAfterTheFinishReasonWithoutDone_whenCompleted_thenTheResultIsWhole() {
        stub(sse(chunk("{\"content\":\"Estoy aquí.\"}", null), chunk("{}", "\"length\"")));

        LlmResult result = adapter(Optional.empty()).complete(REQUEST, deltas::add, Cancellation.none());

        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage()).isEmpty();
        assertThat(deltas).containsExactly("Estoy aquí.");
    }

    @Test
    void givenANonStreamingServer_whenCompleted_thenTheWholeReplyArrivesAsOneDelta() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"id\":\"c2\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"Te escucho. ¿Qué te preocupa hoy?\"},"
                                + "\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":8,\"total_tokens\":28}}")));

        LlmResult result = adapter(Optional.empty()).complete(REQUEST, deltas::add, Cancellation.none());

        assertThat(deltas).containsExactly("Te escucho. ¿Qué te preocupa hoy?");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).contains(new TokenUsage(20, 8, 28));
    }

    @Test
    void givenUnauthorized_whenCompleted_thenOneRequestAndAuth() {
        stubStatus(401, "{\"error\":{\"message\":\"Invalid API Key\",\"code\":\"invalid_api_key\"}}");

        LlmUnavailableException e = failure(adapter(Optional.of(ApiKey.of(KEY))));

        assertThat(e.reason()).isEqualTo(Reason.AUTH);
        assertThat(e.getMessage()).isEqualTo("LLM responded 401");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(waits).isEmpty();
    }

    @Test
    void givenABadRequest_whenCompleted_thenNotRetriedAndTheBodyIsNotInTheMessage() {
        stubStatus(400, "{\"error\":{\"message\":\"messages[0].name is not supported\",\"type\":\"invalid\"}}");

        LlmUnavailableException e = failure(adapter(Optional.empty()));

        assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
        assertThat(e.getMessage()).isEqualTo("LLM responded 400").doesNotContain("not supported");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void givenARateLimitThenSuccess_whenCompleted_thenTheRetryAfterIsHonouredAndTheRetrySucceeds() {
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}"))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("rate limit")
                .whenScenarioStateIs("recovered")
                .willReturn(sseResponse(sse(chunk("{\"content\":\"Aquí estoy.\"}", "\"stop\""), "[DONE]"))));

        // The default 30 s cap lets the requested second through; the recording sleeper does not really wait.
        LlmConfig config = config(Optional.of(ApiKey.of(KEY)), Duration.ofSeconds(5), 3)
                .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(40), LlmConfig.DEFAULT_RETRY_AFTER_CAP);
        OpenAiCompatibleLlmAdapter adapter = new OpenAiCompatibleLlmAdapter(
                config,
                OpenAiCompatibleLlmAdapter.defaultHttpClient(),
                recordingSleeper,
                new Random(1),
                Clock.systemUTC());

        LlmResult result = adapter.complete(REQUEST, deltas::add, Cancellation.none());

        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(deltas).containsExactly("Aquí estoy.");
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        server.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void givenRateLimitsThatDoNotEnd_whenCompleted_thenRateLimitedWithTheRequestedWait() {
        server.stubFor(
                post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("retry-after", "7")));

        LlmUnavailableException e = failure(adapter(Optional.empty()));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        server.verify(3, postRequestedFor(urlEqualTo(PATH)));
        // Capped at the test configuration's 50 ms.
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));
    }

    @Test
    void givenThreeServerErrors_whenCompleted_thenUpstreamErrorAfterExactlyThreeRequests() {
        stubStatus(500, "{\"error\":{\"message\":\"Internal Server Error\"}}");

        LlmUnavailableException e = failure(adapter(Optional.empty()));

        assertThat(e.reason()).isEqualTo(Reason.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("LLM responded 500");
        server.verify(3, postRequestedFor(urlEqualTo(PATH)));
        assertThat(waits).hasSize(2);
    }

    @Test
    void givenAMalformedResponseChunk_whenCompleted_thenUpstreamError() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        LlmUnavailableException e = failure(adapter(Optional.empty()));

        assertThat(e.reason()).isEqualTo(Reason.UPSTREAM_ERROR);
        assertThat(deltas).isEmpty();
    }

    @Test
    void givenAStreamCutAfterSomeDeltas_whenCompleted_thenUpstreamErrorWithoutReplay() {
        stub(sse(chunk("{\"content\":\"Te \"}", null), chunk("{\"content\":\"escucho\"}", null)));

        LlmUnavailableException e = failure(adapter(Optional.empty()));

        assertThat(e.reason()).isEqualTo(Reason.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("LLM stream ended early");
        assertThat(deltas).containsExactly("Te ", "escucho");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void givenAStreamCutBeforeAnyDelta_whenCompleted_thenRetriedAndThenUpstreamError() {
        stub(": keep-alive\n\n");

        LlmUnavailableException e = failure(adapter(Optional.empty()));

        assertThat(e.reason()).isEqualTo(Reason.UPSTREAM_ERROR);
        server.verify(3, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void givenAnErrorChunkMidStream_whenCompleted_thenUpstreamError() {
        stub(sse(
                chunk("{\"content\":\"Te \"}", null),
                "{\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\"}}"));

        LlmUnavailableException e = failure(adapter(Optional.empty()));

        assertThat(e.reason()).isEqualTo(Reason.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("LLM stream reported an error");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void givenAResponseSlowerThanTheTimeout_whenCompleted_thenTimeout() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(sseResponse(sse(chunk("{\"content\":\"Tarde.\"}", "\"stop\""), "[DONE]"))
                        .withFixedDelay(1500)));
        long start = System.nanoTime();

        LlmUnavailableException e = failure(adapter(Optional.empty(), Duration.ofMillis(300), 1));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void givenAStreamThatStalls_whenCompleted_thenTimeoutFromTheIdleWatchdog() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(sseResponse(sse(chunk("{\"content\":\"Lento.\"}", "\"stop\""), "[DONE]"))
                        .withChunkedDribbleDelay(2, 3000)));
        long start = System.nanoTime();

        LlmUnavailableException e = failure(adapter(Optional.empty(), Duration.ofMillis(400), 1));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void givenASlowStreamWithShortGaps_whenCompleted_thenTheTotalTimeIsNotLimitedByTheTimeout() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(sseResponse(sse(
                                chunk("{\"content\":\"Poco \"}", null),
                                chunk("{\"content\":\"a poco.\"}", "\"stop\""),
                                "[DONE]"))
                        .withChunkedDribbleDelay(6, 1200)));

        LlmResult result = adapter(Optional.empty(), Duration.ofMillis(700), 1)
                .complete(REQUEST, deltas::add, Cancellation.none());

        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(String.join("", deltas)).isEqualTo("Poco a poco.");
    }

    @Test
    void givenASlowStream_whenCancelled_thenCancelledIsReturnedPromptly() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append(sse(chunk("{\"content\":\"palabra \"}", null)));
        }
        body.append(sse(chunk("{}", "\"stop\""), "[DONE]"));
        server.stubFor(
                post(urlEqualTo(PATH)).willReturn(sseResponse(body.toString()).withChunkedDribbleDelay(40, 10_000)));
        Cancellation cancellation = new Cancellation();
        ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();
        try {
            canceller.schedule(cancellation::cancel, 700, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();

            LlmResult result = adapter(Optional.empty()).complete(REQUEST, deltas::add, cancellation);

            assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
            assertThat(result.complete()).isFalse();
            assertThat(result.usage()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(deltas.size()).isLessThan(40);
        } finally {
            canceller.shutdownNow();
        }
    }

    @Test
    void givenAResponseThatHasNotStarted_whenCancelled_thenCancelledIsReturnedPromptly() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(sseResponse(sse(chunk("{\"content\":\"Tarde.\"}", "\"stop\""), "[DONE]"))
                        .withFixedDelay(4000)));
        Cancellation cancellation = new Cancellation();
        ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();
        try {
            canceller.schedule(cancellation::cancel, 300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();

            LlmResult result = adapter(Optional.empty()).complete(REQUEST, deltas::add, cancellation);

            assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            assertThat(deltas).isEmpty();
        } finally {
            canceller.shutdownNow();
        }
    }

    @Test
    void givenAnAlreadyCancelledCall_whenCompleted_thenNoRequestIsMade() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        LlmResult result = adapter(Optional.empty()).complete(REQUEST, deltas::add, cancellation);

        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        server.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void givenNothingListening_whenCompleted_thenUnreachableAfterRetries() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LlmConfig config = config(Optional.empty(), Duration.ofSeconds(2), 2)
                .withUrl(URI.create("http://127.0.0.1:" + port + PATH));
        OpenAiCompatibleLlmAdapter adapter = new OpenAiCompatibleLlmAdapter(
                config,
                OpenAiCompatibleLlmAdapter.defaultHttpClient(),
                recordingSleeper,
                new Random(1),
                Clock.systemUTC());

        LlmUnavailableException e = failure(adapter);

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("LLM unreachable").doesNotContain("127.0.0.1");
        assertThat(waits).hasSize(1);
    }

    private LlmUnavailableException failure(OpenAiCompatibleLlmAdapter adapter) {
        return catchThrowableOfType(
                LlmUnavailableException.class, () -> adapter.complete(REQUEST, deltas::add, Cancellation.none()));
    }

    private OpenAiCompatibleLlmAdapter adapter(Optional<ApiKey> key) {
        return adapter(key, Duration.ofSeconds(5), 3);
    }

    private OpenAiCompatibleLlmAdapter adapter(Optional<ApiKey> key, Duration timeout, int maxAttempts) {
        return new OpenAiCompatibleLlmAdapter(
                config(key, timeout, maxAttempts),
                OpenAiCompatibleLlmAdapter.defaultHttpClient(),
                recordingSleeper,
                new Random(1),
                Clock.systemUTC());
    }

    static LlmConfig config(Optional<ApiKey> key, Duration timeout, int maxAttempts) {
        return LlmConfig.defaults(key)
                .withUrl(URI.create(server.baseUrl() + PATH))
                .withTimeout(timeout)
                .withRetry(maxAttempts, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(50));
    }

    private static void stub(String body) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(sseResponse(body)));
    }

    private static void stubStatus(int status, String body) {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private static ResponseDefinitionBuilder sseResponse(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withHeader("Cache-Control", "no-cache")
                .withBody(body);
    }

    /** One chunk's JSON with a single choice. */
    static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1764064800,"
                + "\"model\":\"llama-3.1-8b-instant\",\"system_fingerprint\":\"fp_x\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finishReason == null ? "null" : finishReason) + "}]}";
    }

    /** SSE events, one per data value. */
    static String sse(String... data) {
        StringBuilder text = new StringBuilder();
        for (String value : data) {
            text.append("data: ").append(value).append("\n\n");
        }
        return text.toString();
    }
}
