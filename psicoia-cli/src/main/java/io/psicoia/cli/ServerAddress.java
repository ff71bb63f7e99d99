package io.psicoia.cli;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a running {@code psicoia app} listens, as given to {@code chat --connect}.
 *
 * @param host a name or an IP literal (IPv6 without brackets)
 * @param port 1 to 65535
 */
record ServerAddress(String host, int port) {

    ServerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535");
        }
    }

    /** Parses {@code HOST:PORT} or {@code [IPv6]:PORT}; empty when the text is not one. */
    static Optional<ServerAddress> parse(String value) {
        String text = value.trim();
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                return Optional.empty();
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.indexOf(':');
            if (colon < 0 || colon != text.lastIndexOf(':')) {
                return Optional.empty();
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (host.isEmpty() || !host.chars().allMatch(ServerAddress::isHostChar) || !port.matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65_535) {
            return Optional.empty();
        }
        return Optional.of(new ServerAddress(host, number));
    }

    private static boolean isHostChar(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '%');
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
