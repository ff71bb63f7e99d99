package io.psicoia.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tiny command-line parser for the bench tools: positional words and {@code --name value} pairs. */
final class Options {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> named = new HashMap<>();

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    named.put(arg.substring(2, eq), arg.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    named.put(arg.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
            } else {
                positional.add(arg);
            }
        }
    }

    String positional(int index, String fallback) {
        return index < positional.size() ? positional.get(index) : fallback;
    }

    int positionalInt(int index, int fallback) {
        return index < positional.size() ? Integer.parseInt(positional.get(index)) : fallback;
    }

    String string(String name, String fallback) {
        return named.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String value = named.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    long longValue(String name, long fallback) {
        String value = named.get(name);
        return value == null ? fallback : Long.parseLong(value);
    }
}
