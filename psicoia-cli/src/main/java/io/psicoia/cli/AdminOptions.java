package io.psicoia.cli;

import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where the admin HTTP listener (/healthz, /readyz, /metrics) listens, if at all. */
final class AdminOptions {

    @Option(
            names = "--admin-host",
            descriptionKey = "ADMIN_HOST",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Dirección del puerto de administración (/healthz, /readyz, /metrics). Variable ADMIN_HOST;"
                    + " por defecto ${DEFAULT-VALUE}: solo esta máquina, porque las métricas son para quien opera.")
    String host;

    @Option(
            names = "--admin-port",
            descriptionKey = "ADMIN_PORT",
            paramLabel = "PUERTO|off",
            converter = PortOrOff.class,
            description = "Puerto de administración, u off para no abrirlo. Variable ADMIN_PORT; por defecto 9464 en"
                    + " app y serve, 9465 en gateway. Si el puerto por defecto está ocupado se sigue sin él (y se"
                    + " avisa en el registro); uno elegido y ocupado detiene el programa.")
    Integer port;

    /** The port to use: the chosen one (empty when {@code off}), else {@code defaultPort}. */
    Optional<Integer> port(int defaultPort) {
        if (port == null) {
            return Optional.of(defaultPort);
        }
        return port < 0 ? Optional.empty() : Optional.of(port);
    }

    /** Whether the port was chosen (flag or variable) rather than the default. */
    boolean chosen() {
        return port != null;
    }

    /** A TCP port (1–65535) or {@code off}. */
    static final class PortOrOff implements ITypeConverter<Integer> {
        static final Integer OFF = -1;

        @Override
        public Integer convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            if (text.equals("off") || text.equals("no") || text.equals("false")) {
                return OFF;
            }
            try {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            throw new TypeConversionException("se esperaba un puerto entre 1 y 65535, u off");
        }
    }
}
