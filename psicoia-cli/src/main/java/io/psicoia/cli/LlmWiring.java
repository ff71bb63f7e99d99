package io.psicoia.cli;

import io.psicoia.adapter.llm.ApiKey;
import io.psicoia.adapter.llm.LlmConfig;
import io.psicoia.adapter.llm.OpenAiCompatibleLlmAdapter;
import io.psicoia.adapter.llm.offline.OfflineLlmAdapter;
import io.psicoia.domain.port.out.LlmPort;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Chooses and builds the model PsicoIA talks to: a real provider, or the offline responder. */
final class LlmWiring {

    /** Variables that may hold the provider key; the provider-neutral one wins when both are set. */
    static final String KEY_VARIABLE = "GROQ_API_KEY";

    static final String NEUTRAL_KEY_VARIABLE = "LLM_API_KEY";

    private LlmWiring() {}

    /**
     * The model to use.
     *
     * @param port the adapter
     * @param description what it is, safe to log and show (no key, no query string)
     */
    record Choice(LlmPort port, String description, boolean offline) {}

    static Choice choose(LlmOptions options, Map<String, String> environment) {
        return choose(options, environment, false);
    }

    /**
     * The model to use; {@code served}: people reach it through a server, so the offline responder keeps setup
     * advice out of its replies (the server logs it instead).
     */
    static Choice choose(LlmOptions options, Map<String, String> environment, boolean served) {
        Optional<ApiKey> key = apiKey(environment);
        if (options.offline || (key.isEmpty() && options.explicitUrl().isEmpty())) {
            OfflineLlmAdapter offline = new OfflineLlmAdapter();
            return new Choice(
                    served ? offline.servingPeople() : offline,
                    "modo sin conexión (respuestas sencillas, sin modelo de lenguaje)",
                    true);
        }
        LlmConfig config = new LlmConfig(
                options.effectiveUrl(),
                options.model,
                key,
                options.temperature,
                options.maxTokens,
                Duration.ofSeconds(options.timeoutSeconds),
                options.maxAttempts,
                LlmConfig.DEFAULT_BACKOFF_INITIAL,
                LlmConfig.DEFAULT_BACKOFF_MAX,
                LlmConfig.DEFAULT_RETRY_AFTER_CAP);
        String where = options.effectiveUrl().getScheme() + "://"
                + options.effectiveUrl().getAuthority() + options.effectiveUrl().getRawPath();
        return new Choice(
                new OpenAiCompatibleLlmAdapter(config),
                "modelo " + options.model + " en " + where + (key.isPresent() ? " (con clave)" : " (sin clave)"),
                false);
    }

    static Optional<ApiKey> apiKey(Map<String, String> environment) {
        Optional<ApiKey> neutral = ApiKey.ofNullable(environment.get(NEUTRAL_KEY_VARIABLE));
        return neutral.isPresent() ? neutral : ApiKey.ofNullable(environment.get(KEY_VARIABLE));
    }
}
