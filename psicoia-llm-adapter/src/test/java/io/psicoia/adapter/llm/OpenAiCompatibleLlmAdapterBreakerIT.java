package io.psicoia.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The circuit breaker against a real HTTP provider (WireMock): it pauses calls to a failing provider, and only then. */
class OpenAiCompatibleLlmAdapterBreakerIT {

    private static final String PATH = "/openai/v1/chat/completions";
    private static final LlmRequest REQUEST = new LlmRequest("7f3c:m1", List.of(Message.user("hola")));

    @RegisterExtension
    static final WireMockExtension server =
            WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final OpenAiCompatibleLlmAdapter adapter = new OpenAiCompatibleLlmAdapter(
            LlmConfig.defaults(Optional.of(ApiKey.of("gsk_prueba")))
                    .withUrl(URI.create(server.baseUrl() + PATH))
                    .withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)),
            OpenAiCompatibleLlmAdapter.defaultHttpClient(),
            (duration, cancellation) -> !cancellation.isCancelled(),
            new Random(1),
            Clock.systemUTC(),
            Duration.ofMillis(300));

    private static void stubStatus(int status) {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"no\"}}")));
    }

    private static void stubReply() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hola.\"},"
                                + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")));
    }

    private LlmUnavailableException failure() {
        return catchThrowableOfType(
                LlmUnavailableException.class, () -> adapter.complete(REQUEST, text -> {}, Cancellation.none()));
    }

    @Test
    void givenAProviderThatKeepsFailing_whenCallsGoOn_thenTheyPauseThenProbeAndCloseWhenItIsBack() throws Exception {
        stubStatus(503);
        for (int i = 0; i < OpenAiCompatibleLlmAdapter.BREAKER_MINIMUM_CALLS; i++) {
            assertThat(failure().reason()).isEqualTo(LlmUnavailableException.Reason.UPSTREAM_ERROR);
        }
        assertThat(adapter.breakerState()).isEqualTo("open");

        LlmUnavailableException paused = failure();

        assertThat(paused.reason()).isEqualTo(LlmUnavailableException.Reason.UPSTREAM_ERROR);
        assertThat(paused.getMessage()).contains("paused");
        server.verify(OpenAiCompatibleLlmAdapter.BREAKER_MINIMUM_CALLS, postRequestedFor(urlEqualTo(PATH)));

        stubReply();
        Thread.sleep(400); // past the pause
        for (int i = 0; i < OpenAiCompatibleLlmAdapter.BREAKER_PROBES; i++) {
            assertThat(adapter.complete(REQUEST, text -> {}, Cancellation.none())
                            .complete())
                    .isTrue();
        }
        assertThat(adapter.breakerState()).isEqualTo("closed");
    }

    @Test
    void givenARejectedKey_whenEveryCallFails_thenTheBreakerStaysClosedAndEachCallReachesTheProvider() {
        stubStatus(401);
        for (int i = 0; i < 2 * OpenAiCompatibleLlmAdapter.BREAKER_WINDOW; i++) {
            assertThat(failure().reason()).isEqualTo(LlmUnavailableException.Reason.AUTH);
        }

        assertThat(adapter.breakerState()).isEqualTo("closed");
        server.verify(2 * OpenAiCompatibleLlmAdapter.BREAKER_WINDOW, postRequestedFor(urlEqualTo(PATH)));
    }
}
