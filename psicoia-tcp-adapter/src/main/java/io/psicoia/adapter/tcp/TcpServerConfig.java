package io.psicoia.adapter.tcp;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the TCP chat server listens and protects itself.
 *
 * @param host address to bind ({@code APP_HOST}; 0.0.0.0 = every interface)
 * @param port port to bind ({@code APP_PORT}; 0 = any free port)
 * @param maxConnections open connections in all ({@code MAX_CONNECTIONS})
 * @param maxConnectionsPerIp open connections from one client address ({@code MAX_CONNECTIONS_PER_IP})
 * @param maxMessageChars longest message, in Unicode code points ({@code MAX_MESSAGE_CHARS})
 * @param idleTimeout a connection with no traffic either way for this long is closed ({@code IDLE_TIMEOUT_SECONDS})
 * @param shutdownGrace how long replies in progress may finish when the server stops ({@code SHUTDOWN_GRACE_SECONDS})
 * @param trustedProxies addresses or CIDR blocks whose {@code peer} in a JSON hello is believed ({@code
 *     TRUSTED_PROXIES}); {@code loopback} means 127.0.0.0/8 and ::1
 * @param rateMaxMessages shown to JSON clients in {@code welcome.limits}
 * @param rateWindow shown to JSON clients in {@code welcome.limits}
 * @param backlog listen backlog: connections the kernel holds before they are accepted
 * @param maxPendingReplyBytes a client that stops reading is disconnected once this much reply text waits for it
 */
public record TcpServerConfig(
        String host,
        int port,
        int maxConnections,
        int maxConnectionsPerIp,
        int maxMessageChars,
        Duration idleTimeout,
        Duration shutdownGrace,
        List<String> trustedProxies,
        int rateMaxMessages,
        Duration rateWindow,
        int backlog,
        int maxPendingReplyBytes) {

    /** The defaults: the original's host and port, and PsicoIA's limits. */
    public static final TcpServerConfig DEFAULTS = new TcpServerConfig(
            "0.0.0.0",
            5001,
            10_000,
            50,
            4000,
            Duration.ofMinutes(15),
            Duration.ofSeconds(10),
            List.of("loopback"),
            6,
            Duration.ofSeconds(10),
            4096,
            1 << 20);

    public TcpServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(rateWindow, "rateWindow");
        trustedProxies = List.copyOf(trustedProxies);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (maxConnections < 1 || maxConnectionsPerIp < 1 || maxMessageChars < 1 || backlog < 1) {
            throw new IllegalArgumentException("limits must be >= 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be positive and shutdownGrace not negative");
        }
        if (maxPendingReplyBytes < 4096) {
            throw new IllegalArgumentException("maxPendingReplyBytes must be >= 4096");
        }
        TrustedProxies.parse(trustedProxies);
    }
}
