package io.psicoia.cli;

import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies an option's value from its environment variable when the flag is absent: flag &gt; variable &gt; built-in
 * default. Each option names its variable in {@code descriptionKey}. The environment is passed in, so this is the one
 * place that reads it (besides the API key, which has no flag).
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        String variable = variableOf(argSpec);
        if (variable.isEmpty()) {
            return null;
        }
        String value = environment.get(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The environment variable an option reads, or an empty string when it has none. */
    static String variableOf(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option) {
            String key = option.descriptionKey();
            return key == null ? "" : key;
        }
        return "";
    }
}
