package io.psicoia.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Settings of the language model and of what it sees. The API key has no flag: it comes from the environment. */
final class LlmOptions {

    static final String DEFAULT_URL = "https://api.groq.com/openai/v1/chat/completions";

    @Option(
            names = "--llm-url",
            descriptionKey = "LLM_URL",
            paramLabel = "URL",
            converter = Converters.HttpUrl.class,
            description = "Endpoint de chat compatible con OpenAI (Groq, OpenAI, Ollama, llama.cpp, vLLM)."
                    + " Variable LLM_URL; por defecto " + DEFAULT_URL + ".")
    URI url;

    @Option(
            names = "--model",
            descriptionKey = "MODEL_NAME",
            paramLabel = "MODELO",
            defaultValue = "llama-3.1-8b-instant",
            converter = Converters.NonBlank.class,
            description = "Modelo a usar. Variable MODEL_NAME; por defecto ${DEFAULT-VALUE}.")
    String model;

    @Option(
            names = "--temperature",
            descriptionKey = "LLM_TEMPERATURE",
            paramLabel = "T",
            defaultValue = "0.5",
            converter = Converters.Temperature.class,
            description = "Temperatura, de 0 a 2. Variable LLM_TEMPERATURE; por defecto ${DEFAULT-VALUE}.")
    double temperature;

    @Option(
            names = "--max-tokens",
            descriptionKey = "LLM_MAX_TOKENS",
            paramLabel = "N",
            defaultValue = "200",
            converter = Converters.PositiveInt.class,
            description = "Largo máximo de cada respuesta, en tokens. Variable LLM_MAX_TOKENS; por defecto"
                    + " ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(
            names = "--llm-timeout-seconds",
            descriptionKey = "LLM_TIMEOUT_SECONDS",
            paramLabel = "S",
            defaultValue = "30",
            converter = Converters.PositiveInt.class,
            description = "Espera máxima por el modelo, por fase (respuesta y cada tramo del texto). Variable"
                    + " LLM_TIMEOUT_SECONDS; por defecto ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(
            names = "--llm-max-retries",
            descriptionKey = "LLM_MAX_RETRIES",
            paramLabel = "N",
            defaultValue = "3",
            converter = Converters.PositiveInt.class,
            description = "Intentos en total ante errores 429/5xx o de red. Variable LLM_MAX_RETRIES; por defecto"
                    + " ${DEFAULT-VALUE}.")
    int maxAttempts;

    @Option(
            names = "--input-token-budget",
            descriptionKey = "LLM_INPUT_TOKEN_BUDGET",
            paramLabel = "N",
            defaultValue = "1000",
            converter = Converters.PositiveInt.class,
            description = "Tokens de conversación que ve el modelo (el historial se recorta para entrar)."
                    + " Variable LLM_INPUT_TOKEN_BUDGET; por defecto ${DEFAULT-VALUE}.")
    int inputTokenBudget;

    @Option(
            names = "--history-max-messages",
            descriptionKey = "LLM_HISTORY_MAX_MESSAGES",
            paramLabel = "N",
            defaultValue = "10",
            converter = Converters.PositiveInt.class,
            description = "Mensajes de historial que se guardan por conversación. Variable"
                    + " LLM_HISTORY_MAX_MESSAGES; por defecto ${DEFAULT-VALUE}.")
    int historyMaxMessages;

    @Option(names = "--offline", description = "Usa el modo sin conexión aunque haya una clave o una URL configuradas.")
    boolean offline;

    /** The URL given by flag or variable; empty when neither was set. */
    Optional<URI> explicitUrl() {
        return Optional.ofNullable(url);
    }

    URI effectiveUrl() {
        return explicitUrl().orElse(URI.create(DEFAULT_URL));
    }
}
