package io.psicoia.adapter.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an OpenAI-compatible chat completions endpoint (Groq, OpenAI, Ollama, llama.cpp, vLLM) and how hard to
 * try. Every default equals the original implementation's value.
 *
 * @param url absolute http(s) URL of the chat completions endpoint; no user info
 * @param model model id, for example {@code llama-3.1-8b-instant}
 * @param apiKey bearer key; empty for local servers that need none
 * @param temperature sampling temperature, 0 to 2
 * @param maxTokens cap on the reply's length in tokens, at least 1
 * @param timeout longest wait for the response headers, and longest silence while streaming
 * @param maxAttempts total attempts per reply, first one included, at least 1
 * @param backoffInitial wait before the second attempt when the provider gives no {@code Retry-After}
 * @param backoffMax longest exponential backoff wait
 * @param retryAfterCap longest wait honoured from a {@code Retry-After} header
 */
public record LlmConfig(
        URI url,
        String model,
        Optional<ApiKey> apiKey,
        double temperature,
        int maxTokens,
        Duration timeout,
        int maxAttempts,
        Duration backoffInitial,
        Duration backoffMax,
        Duration retryAfterCap) {

    public static final URI DEFAULT_URL = URI.create("https://api.groq.com/openai/v1/chat/completions");
    public static final String DEFAULT_MODEL = "llama-3.1-8b-instant";
    public static final double DEFAULT_TEMPERATURE = 0.5;
    public static final int DEFAULT_MAX_TOKENS = 200;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(30);

    public LlmConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoffInitial, "backoffInitial");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http or https URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not hold user info; use apiKey");
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (!(temperature >= 0.0 && temperature <= 2.0)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be > 0");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        if (backoffInitial.isNegative()) {
            throw new IllegalArgumentException("backoffInitial must be >= 0");
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax must be >= backoffInitial");
        }
        if (retryAfterCap.isNegative()) {
            throw new IllegalArgumentException("retryAfterCap must be >= 0");
        }
    }

    /** The original's settings (Groq, {@value #DEFAULT_MODEL}) with the given key. */
    public static LlmConfig defaults(Optional<ApiKey> apiKey) {
        return new LlmConfig(
                DEFAULT_URL,
                DEFAULT_MODEL,
                apiKey,
                DEFAULT_TEMPERATURE,
                DEFAULT_MAX_TOKENS,
                DEFAULT_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS,
                DEFAULT_BACKOFF_INITIAL,
                DEFAULT_BACKOFF_MAX,
                DEFAULT_RETRY_AFTER_CAP);
    }

    /** The same settings against another endpoint. */
    public LlmConfig withUrl(URI newUrl) {
        return new LlmConfig(
                newUrl,
                model,
                apiKey,
                temperature,
                maxTokens,
                timeout,
                maxAttempts,
                backoffInitial,
                backoffMax,
                retryAfterCap);
    }

    /** The same settings with another model id. */
    public LlmConfig withModel(String newModel) {
        return new LlmConfig(
                url,
                newModel,
                apiKey,
                temperature,
                maxTokens,
                timeout,
                maxAttempts,
                backoffInitial,
                backoffMax,
                retryAfterCap);
    }

    /** The same settings with another timeout. */
    public LlmConfig withTimeout(Duration newTimeout) {
        return new LlmConfig(
                url,
                model,
                apiKey,
                temperature,
                maxTokens,
                newTimeout,
                maxAttempts,
                backoffInitial,
                backoffMax,
                retryAfterCap);
    }

    /** The same settings with another retry policy. */
    public LlmConfig withRetry(
            int newMaxAttempts, Duration newBackoffInitial, Duration newBackoffMax, Duration newRetryAfterCap) {
        return new LlmConfig(
                url,
                model,
                apiKey,
                temperature,
                maxTokens,
                timeout,
                newMaxAttempts,
                newBackoffInitial,
                newBackoffMax,
                newRetryAfterCap);
    }

    /** Safe to log: the key shows as a mask, the URL without user info, query or fragment. */
    @Override
    public String toString() {
        return "LlmConfig[url=" + safeUrl(url)
                + ", model=" + model
                + ", apiKey=" + apiKey.map(ApiKey::toString).orElse("none")
                + ", temperature=" + temperature
                + ", maxTokens=" + maxTokens
                + ", timeout=" + timeout
                + ", maxAttempts=" + maxAttempts
                + ", backoffInitial=" + backoffInitial
                + ", backoffMax=" + backoffMax
                + ", retryAfterCap=" + retryAfterCap
                + "]";
    }

    /** Scheme, host, port and path only: a query string may carry a secret. */
    static String safeUrl(URI uri) {
        StringBuilder text = new StringBuilder();
        text.append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            text.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            text.append(uri.getRawPath());
        }
        return text.toString();
    }
}
