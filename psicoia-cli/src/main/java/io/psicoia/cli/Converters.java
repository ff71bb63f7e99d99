package io.psicoia.cli;

import io.psicoia.gateway.ws.WsGatewayConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Typed, checked option values; each failure says in Spanish what was expected. */
final class Converters {

    private Converters() {}

    /** An integer of at least 1. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intInRange(value, 1, Integer.MAX_VALUE, "un número entero mayor o igual a 1");
        }
    }

    /** An integer of at least 0. */
    static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intInRange(value, 0, Integer.MAX_VALUE, "un número entero mayor o igual a 0");
        }
    }

    /** {@code text} or {@code json}. */
    static final class LogFormat implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String format = value.strip().toLowerCase(Locale.ROOT);
            if (!format.equals("text") && !format.equals("json")) {
                throw new TypeConversionException("se esperaba text o json");
            }
            return format;
        }
    }

    /** A comma-separated list of IP addresses, CIDR blocks or {@code loopback}. */
    static final class TrustedProxyList implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            for (String entry : TcpOptions.trustedProxyList(value)) {
                boolean literal = entry.equalsIgnoreCase("loopback")
                        || entry.matches("[0-9A-Fa-f:.]+(/[0-9]{1,3})?")
                                && (entry.contains(".") || entry.contains(":"));
                if (!literal) {
                    throw new TypeConversionException("se esperaban IPs o bloques CIDR separados por comas (por ejemplo"
                            + " loopback,10.0.0.0/8); no reconozco '" + entry + "'");
                }
            }
            return value;
        }
    }

    /** A comma-separated list of web origins ({@code https://host[:port]}), possibly empty. */
    static final class OriginList implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                WsGatewayConfig.normalizeOrigins(GatewayOptions.originList(value));
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("se esperaban orígenes como https://ejemplo.org o"
                        + " http://localhost:8080, separados por comas, sin ruta al final");
            }
        }
    }

    /** A WebSocket message limit: 1024 bytes to 16 MiB. */
    static final class MessageBytes implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intInRange(value, 1024, 16 * 1024 * 1024, "un número de bytes entre 1024 y 16777216");
        }
    }

    /** A TCP port, 1 to 65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intInRange(value, 1, 65_535, "un puerto entre 1 y 65535");
        }
    }

    /** Where a running {@code psicoia app} listens: HOST:PORT, or [IPv6]:PORT. */
    static final class HostPort implements ITypeConverter<ServerAddress> {
        @Override
        public ServerAddress convert(String value) {
            return ServerAddress.parse(value)
                    .orElseThrow(() -> new TypeConversionException("se esperaba HOST:PUERTO con un puerto entre 1 y"
                            + " 65535, por ejemplo localhost:5001 (o [::1]:5001 para IPv6)"));
        }
    }

    /** A sampling temperature, 0 to 2. */
    static final class Temperature implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double parsed = Double.parseDouble(value.trim());
                if (parsed >= 0 && parsed <= 2) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("se esperaba un número entre 0 y 2 (por ejemplo 0.5)");
        }
    }

    /** An absolute http or https URL. */
    static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI uri = new URI(value.trim());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new TypeConversionException(
                    "se esperaba una URL absoluta http(s), por ejemplo http://localhost:11434/v1/chat/completions");
        }
    }

    /** Text that is not blank. */
    static final class NonBlank implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("se esperaba un valor no vacío");
            }
            return value.trim();
        }
    }

    /** A log level name. */
    static final class LogLevel implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String level = value.trim().toUpperCase(Locale.ROOT);
            return switch (level) {
                case "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF" -> level;
                default ->
                    throw new TypeConversionException("se esperaba uno de: trace, debug, info, warn, error, off");
            };
        }
    }

    private static int intInRange(String value, int min, int max, String expected) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("se esperaba " + expected);
    }
}
