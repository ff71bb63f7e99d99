package io.psicoia.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .env} file, the original's habit: {@code NAME=value} lines, {@code #} comments, blank lines, an optional
 * {@code export } prefix, and values optionally in single or double quotes. No interpolation. A missing file is an
 * empty one. A line that cannot be read stops the start with its number, never its content (it may hold a key).
 */
final class DotEnv {

    private DotEnv() {}

    /** The variables in {@code file}; empty when it does not exist. */
    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (MalformedInputException e) {
            throw new ConfigException("No pude leer el archivo " + file + ": no está en UTF-8.");
        } catch (IOException e) {
            throw new ConfigException("No pude leer el archivo " + file + " ("
                    + e.getClass().getSimpleName() + "). Revisá sus permisos.");
        }
        return parse(lines, file.toString());
    }

    static Map<String, String> parse(List<String> lines, String name) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? "" : line.substring(0, equals).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigException("El archivo " + name + " tiene una línea que no entiendo (línea " + (i + 1)
                        + "): se esperaba NOMBRE=valor, por ejemplo APP_PORT=5001.");
            }
            variables.put(key, value(line.substring(equals + 1).strip()));
        }
        return variables;
    }

    /** A value without its quotes; an unquoted value ends at a {@code #} comment after a space. */
    private static String value(String raw) {
        if (raw.length() >= 2
                && (raw.startsWith("\"") && raw.endsWith("\"") || raw.startsWith("'") && raw.endsWith("'"))) {
            return raw.substring(1, raw.length() - 1);
        }
        int comment = raw.indexOf(" #");
        return comment < 0 ? raw : raw.substring(0, comment).strip();
    }
}
