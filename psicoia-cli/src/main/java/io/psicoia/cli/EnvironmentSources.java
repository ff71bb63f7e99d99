package io.psicoia.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The variables PsicoIA reads and where each came from: the real environment wins over the {@code .env} file of the
 * working directory, which fills only what the environment does not set.
 */
final class EnvironmentSources {

    /** Where a value came from, as {@code psicoia config} prints it. */
    enum Source {
        FLAG("opción"),
        ENVIRONMENT("entorno"),
        DOT_ENV(".env"),
        DEFAULT("por defecto");

        private final String spanish;

        Source(String spanish) {
            this.spanish = spanish;
        }

        String spanish() {
            return spanish;
        }
    }

    private final Map<String, String> environment;
    private final Map<String, String> dotEnv;
    private final Map<String, String> merged;

    EnvironmentSources(Map<String, String> environment, Map<String, String> dotEnv) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.dotEnv = Map.copyOf(Objects.requireNonNull(dotEnv, "dotEnv"));
        Map<String, String> all = new HashMap<>(this.dotEnv);
        // A variable set but blank in the environment counts as unset, as everywhere else: .env may fill it.
        this.environment.forEach((name, value) -> {
            if (!value.isBlank() || !all.containsKey(name)) {
                all.put(name, value);
            }
        });
        this.merged = Map.copyOf(all);
    }

    /** Only the real environment (tests, or no {@code .env}). */
    static EnvironmentSources of(Map<String, String> environment) {
        return new EnvironmentSources(environment, Map.of());
    }

    /** What the commands read: the environment, completed by {@code .env}. */
    Map<String, String> merged() {
        return merged;
    }

    /** Where {@code variable}'s value comes from, when it is set (and not blank) anywhere. */
    Optional<Source> sourceOf(String variable) {
        if (present(environment, variable)) {
            return Optional.of(Source.ENVIRONMENT);
        }
        return present(dotEnv, variable) ? Optional.of(Source.DOT_ENV) : Optional.empty();
    }

    private static boolean present(Map<String, String> variables, String name) {
        String value = variables.get(name);
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "EnvironmentSources[environment=" + environment.size() + ", dotEnv=" + dotEnv.size() + "]";
    }
}
