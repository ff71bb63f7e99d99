package io.psicoia.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmConfigTest {

    private static final String SECRET = "gsk_CanaryConfig42";

    @Test
    void givenDefaults_whenBuilt_thenTheyMatchTheOriginal() {
        LlmConfig config = LlmConfig.defaults(Optional.empty());

        assertThat(config.url()).isEqualTo(URI.create("https://api.groq.com/openai/v1/chat/completions"));
        assertThat(config.model()).isEqualTo("llama-3.1-8b-instant");
        assertThat(config.temperature()).isEqualTo(0.5);
        assertThat(config.maxTokens()).isEqualTo(200);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.backoffInitial()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.backoffMax()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.retryAfterCap()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenAKey_whenConfigPrinted_thenTheKeyIsMasked() {
        LlmConfig config = LlmConfig.defaults(ApiKey.ofNullable(SECRET));

        assertThat(config.toString()).doesNotContain(SECRET).contains("ApiKey[****]");
    }

    @Test
    void givenAUrlWithAQuery_whenConfigPrinted_thenTheQueryIsLeftOut() {
        LlmConfig config = LlmConfig.defaults(Optional.empty())
                .withUrl(URI.create("http://localhost:8000/v1/chat/completions?key=" + SECRET));

        assertThat(config.toString()).doesNotContain(SECRET).contains("http://localhost:8000/v1/chat/completions");
    }

    @Test
    void givenInvalidValues_whenBuilt_thenTheMessageNamesTheField() {
        LlmConfig base = LlmConfig.defaults(Optional.empty());

        assertThatThrownBy(() -> base.withUrl(URI.create("ftp://example.org/x")))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> base.withUrl(URI.create("/v1/chat/completions")))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> base.withUrl(URI.create("https://user:pw@example.org/v1")))
                .hasMessageContaining("url")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> base.withModel(" ")).hasMessageContaining("model");
        assertThatThrownBy(() -> base.withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> base.withRetry(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> base.withRetry(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("backoffMax");
        assertThatThrownBy(() -> new LlmConfig(
                        base.url(),
                        base.model(),
                        base.apiKey(),
                        2.5,
                        200,
                        base.timeout(),
                        3,
                        base.backoffInitial(),
                        base.backoffMax(),
                        base.retryAfterCap()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> new LlmConfig(
                        base.url(),
                        base.model(),
                        base.apiKey(),
                        0.5,
                        0,
                        base.timeout(),
                        3,
                        base.backoffInitial(),
                        base.backoffMax(),
                        base.retryAfterCap()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTokens");
    }
}
