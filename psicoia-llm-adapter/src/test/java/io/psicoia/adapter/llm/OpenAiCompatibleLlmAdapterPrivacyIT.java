package io.psicoia.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Canaries placed where private text lives (the person's message, the provider's error bodies, the model's reply,
 * the key) must never reach an exception message, a stack trace or a log record.
 */
class OpenAiCompatibleLlmAdapterPrivacyIT {

    private static final String PATH = "/v1/chat/completions";
    private static final String USER_CANARY = "CANARIO-USUARIO-5f1e";
    private static final String BODY_CANARY = "CANARIO-CUERPO-9a7c";
    private static final String REPLY_CANARY = "CANARIO-RESPUESTA-3d2b";
    private static final String KEY_CANARY = "gsk_CANARIO_CLAVE_77";
    private static final LlmRequest REQUEST = new LlmRequest(
            "7f3c:m9",
            List.of(
                    Message.system("Sos un acompañante cálido."),
                    Message.user("Me llamo " + USER_CANARY + " y hoy estoy triste.")));

    /** A fresh provider on a free loopback port; stubs, scenarios and the request log reset before each test. */
    @RegisterExtension
    static final WireMockExtension server =
            WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @BeforeEach
    void reset() {
        CapturingLogProvider.clear();
    }

    @Test
    void givenCanariesInTheMessageAndInErrorBodies_whenEveryErrorStatusIsReturned_thenNoCanaryEscapes() {
        String errorBody = "{\"error\":{\"message\":\"" + BODY_CANARY + " quoted: " + USER_CANARY
                + "\",\"type\":\"invalid_request_error\",\"code\":\"" + BODY_CANARY + "\"}}";
        List<Throwable> thrown = new ArrayList<>();
        for (int status : new int[] {400, 401, 403, 404, 413, 422, 424, 429, 498, 500, 502, 503}) {
            server.resetAll();
            server.stubFor(post(urlEqualTo(PATH))
                    .willReturn(aResponse()
                            .withStatus(status)
                            .withHeader("Content-Type", "application/json")
                            .withHeader("x-debug", BODY_CANARY)
                            .withBody(errorBody)));

            thrown.add(failure());
        }

        assertNoCanaryIn(thrown);
    }

    @Test
    void givenCanariesInBrokenSuccessfulResponses_whenParsed_thenNoCanaryEscapes() {
        Map<String, ResponseDefinitionBuilder> responses = Map.of(
                "error chunk mid-stream",
                sse("data: {\"choices\":[{\"delta\":{\"content\":\"" + REPLY_CANARY + "\"}}]}\n\n"
                        + "data: {\"error\":{\"message\":\"" + BODY_CANARY + "\"}}\n\n"),
                "malformed chunk",
                sse("data: {\"choices\": " + BODY_CANARY + "}\n\n"),
                "malformed whole reply",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"choices\":[{\"message\":{\"content\":" + BODY_CANARY + "}}]}"),
                "error in whole reply",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"" + BODY_CANARY + "\"}}"),
                "cut stream",
                sse("data: {\"choices\":[{\"delta\":{\"content\":\"" + REPLY_CANARY + "\"}}]}\n\n"));
        List<Throwable> thrown = new ArrayList<>();
        responses.forEach((name, response) -> {
            server.resetAll();
            server.stubFor(post(urlEqualTo(PATH)).willReturn(response));

            thrown.add(failure());
        });

        assertThat(thrown).hasSize(responses.size());
        assertNoCanaryIn(thrown);
    }

    @Test
    void givenASuccessfulReplyWithACanary_whenStreamed_thenTheLogsHoldMetadataOnly() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(sse("data: {\"choices\":[{\"delta\":{\"content\":\"" + REPLY_CANARY
                        + "\"},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":5,"
                        + "\"total_tokens\":35}}\n\ndata: [DONE]\n\n")));
        List<String> deltas = new ArrayList<>();

        adapter().complete(REQUEST, deltas::add, Cancellation.none());

        assertThat(deltas).containsExactly(REPLY_CANARY);
        assertThat(CapturingLogProvider.records())
                .anySatisfy(record -> assertThat(record).contains("event=llm.request trace=7f3c:m9 messages=2"))
                .anySatisfy(record -> assertThat(record)
                        .contains("event=llm.done trace=7f3c:m9 finish=STOP")
                        .contains("promptTokens=30 completionTokens=5"));
        assertNoCanaryIn(List.of());
    }

    @Test
    void givenAKey_whenTheConfigIsPrinted_thenTheKeyIsNotShown() {
        assertThat(config().toString()).doesNotContain(KEY_CANARY).contains("ApiKey[****]");
        assertThat(String.valueOf(config().apiKey())).doesNotContain(KEY_CANARY);
    }

    private LlmUnavailableException failure() {
        LlmUnavailableException e = catchThrowableOfType(
                LlmUnavailableException.class, () -> adapter().complete(REQUEST, text -> {}, Cancellation.none()));
        assertThat(e).isNotNull();
        return e;
    }

    private static void assertNoCanaryIn(List<Throwable> thrown) {
        List<String> texts = new ArrayList<>(CapturingLogProvider.records());
        for (Throwable e : thrown) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                texts.add(String.valueOf(cause.getMessage()));
                texts.add(cause.toString());
            }
        }
        assertThat(texts).isNotEmpty();
        for (String text : texts) {
            assertThat(text)
                    .doesNotContain(USER_CANARY)
                    .doesNotContain(BODY_CANARY)
                    .doesNotContain(REPLY_CANARY)
                    .doesNotContain(KEY_CANARY);
        }
    }

    private static OpenAiCompatibleLlmAdapter adapter() {
        return new OpenAiCompatibleLlmAdapter(
                config(),
                OpenAiCompatibleLlmAdapter.defaultHttpClient(),
                (duration, cancellation) -> !cancellation.isCancelled(),
                new Random(1),
                Clock.systemUTC());
    }

    private static LlmConfig config() {
        return LlmConfig.defaults(ApiKey.ofNullable(KEY_CANARY))
                .withUrl(URI.create(server.baseUrl() + PATH))
                .withTimeout(Duration.ofSeconds(5))
                .withRetry(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(2));
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(body);
    }
}
