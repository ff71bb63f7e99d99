package io.psicoia.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where logs go and how much they say. Logs never carry what people write or what the model answers. */
final class LoggingOptions {

    @Option(
            names = "--log-level",
            descriptionKey = "LOG_LEVEL",
            paramLabel = "NIVEL",
            converter = Converters.LogLevel.class,
            description = "Detalle de los registros: trace, debug, info, warn, error u off. Variable LOG_LEVEL; por"
                    + " defecto warn en el chat.")
    String level;

    @Option(
            names = "--log-file",
            descriptionKey = "LOG_FILE",
            paramLabel = "ARCHIVO",
            description = "Escribe los registros en este archivo en lugar de la salida de error. Variable LOG_FILE.")
    Path file;

    @Option(
            names = "--log-format",
            descriptionKey = "LOG_FORMAT",
            paramLabel = "FORMATO",
            converter = Converters.LogFormat.class,
            description = "Formato de los registros: text (legible) o json (un objeto JSON por línea, para"
                    + " recolectores). Variable LOG_FORMAT; por defecto text.")
    String format;

    boolean json() {
        return "json".equals(format);
    }

    String levelOr(String fallback) {
        return level == null ? fallback : level;
    }

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
