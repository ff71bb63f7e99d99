package io.psicoia.gateway.ws;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the WebSocket gateway listens, where the app is, and how the gateway protects itself.
 *
 * @param host address to bind ({@code WS_HOST}; 0.0.0.0 = every interface)
 * @param port port to bind ({@code WS_PORT}; 0 = any free port)
 * @param appHost the TCP chat server ({@code TCP_HOST})
 * @param appPort its port ({@code TCP_PORT}, by default {@code APP_PORT})
 * @param allowedOrigins origins besides the page's own that may open a WebSocket ({@code WS_ALLOWED_ORIGINS}),
 *     normalised to lower case {@code scheme://host[:port]} (or {@code null}, the origin of files and sandboxes)
 * @param maxMessageBytes largest WebSocket message, after joining its fragments ({@code WS_MAX_MESSAGE_BYTES})
 * @param maxConnectionsPerIp open WebSockets from one address ({@code WS_MAX_CONNECTIONS_PER_IP})
 * @param handshakeTimeout an HTTP request (or WebSocket upgrade) must arrive whole within this time
 * @param pingInterval a ping is sent this often; a browser that missed two pongs is disconnected
 * @param tls certificate and key (PEM) to serve HTTPS and WSS; empty = plain HTTP
 * @param staticRoot classpath prefix of the web client's files ({@code web/} in the jar)
 * @param appConnectTimeout how long connecting to the app may take before the browser is told it is unreachable
 * @param closeTimeout after the gateway sends a Close frame, how long it waits for the browser's before hanging up
 * @param maxConnections open connections in all ({@code WS_MAX_CONNECTIONS}): beyond it a new connection gets a short
 *     Spanish 503 and is closed, so the gateway never runs out of file descriptors (each browser also costs one
 *     connection to the app)
 */
public record WsGatewayConfig(
        String host,
        int port,
        String appHost,
        int appPort,
        List<String> allowedOrigins,
        int maxMessageBytes,
        int maxConnectionsPerIp,
        Duration handshakeTimeout,
        Duration pingInterval,
        Optional<Tls> tls,
        String staticRoot,
        Duration appConnectTimeout,
        Duration closeTimeout,
        int maxConnections) {

    /** Certificate chain and private key files, PEM encoded (the key in PKCS#8: {@code BEGIN PRIVATE KEY}). */
    public record Tls(Path certificateChain, Path privateKey) {
        public Tls {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /** The defaults: the original's ports, and PsicoIA's limits. */
    public static final WsGatewayConfig DEFAULTS = new WsGatewayConfig(
            "0.0.0.0",
            8765,
            "127.0.0.1",
            5001,
            List.of(),
            64 * 1024,
            50,
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Optional.empty(),
            "web/",
            Duration.ofSeconds(5),
            Duration.ofMillis(500),
            10_000);

    public WsGatewayConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(appHost, "appHost");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(staticRoot, "staticRoot");
        Objects.requireNonNull(appConnectTimeout, "appConnectTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        allowedOrigins = normalizeOrigins(allowedOrigins);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (appPort < 1 || appPort > 65_535) {
            throw new IllegalArgumentException("appPort must be 1-65535");
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be >= 1024");
        }
        if (maxConnectionsPerIp < 1) {
            throw new IllegalArgumentException("maxConnectionsPerIp must be >= 1");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1");
        }
        for (Duration d : List.of(handshakeTimeout, pingInterval, appConnectTimeout, closeTimeout)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts and intervals must be positive");
            }
        }
        if (!staticRoot.isEmpty() && !staticRoot.endsWith("/")) {
            staticRoot = staticRoot + "/";
        }
    }

    /** The same settings with another cap on open connections. */
    public WsGatewayConfig withMaxConnections(int maxConnections) {
        return new WsGatewayConfig(
                host,
                port,
                appHost,
                appPort,
                allowedOrigins,
                maxMessageBytes,
                maxConnectionsPerIp,
                handshakeTimeout,
                pingInterval,
                tls,
                staticRoot,
                appConnectTimeout,
                closeTimeout,
                maxConnections);
    }

    /** The same settings listening on {@code host:port}. */
    public WsGatewayConfig withListener(String host, int port) {
        return new WsGatewayConfig(
                host,
                port,
                appHost,
                appPort,
                allowedOrigins,
                maxMessageBytes,
                maxConnectionsPerIp,
                handshakeTimeout,
                pingInterval,
                tls,
                staticRoot,
                appConnectTimeout,
                closeTimeout,
                maxConnections);
    }

    /** The same settings bridging to the app at {@code appHost:appPort}. */
    public WsGatewayConfig withApp(String appHost, int appPort) {
        return new WsGatewayConfig(
                host,
                port,
                appHost,
                appPort,
                allowedOrigins,
                maxMessageBytes,
                maxConnectionsPerIp,
                handshakeTimeout,
                pingInterval,
                tls,
                staticRoot,
                appConnectTimeout,
                closeTimeout,
                maxConnections);
    }

    /**
     * Parses and normalises origins: {@code http(s)://host[:port]} without path, or {@code null}.
     *
     * @throws IllegalArgumentException naming the entry that is not an origin
     */
    public static List<String> normalizeOrigins(List<String> origins) {
        List<String> normalized = new ArrayList<>();
        for (String raw : origins) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            normalizeOrigin(entry).ifPresentOrElse(normalized::add, () -> {
                throw new IllegalArgumentException("not an origin (expected http(s)://host[:port]): " + entry);
            });
        }
        return List.copyOf(normalized);
    }

    /** {@code scheme://host[:port]} in lower case, without a trailing slash; empty when it is not an origin. */
    static Optional<String> normalizeOrigin(String origin) {
        String value = origin.trim().toLowerCase(Locale.ROOT);
        if (value.equals("null")) {
            return Optional.of(value);
        }
        if (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            URI uri = new URI(value);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            boolean bare = uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
            return http && bare ? Optional.of(value) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
