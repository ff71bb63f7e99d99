package io.psicoia.cli;

import io.psicoia.gateway.ws.WsGatewayConfig;
import io.psicoia.gateway.ws.WsGatewayServer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the WebSocket gateway for {@code gateway} and {@code serve}, turning failures into Spanish lines. */
final class GatewayRuntime {

    private GatewayRuntime() {}

    /**
     * Binds the gateway; logs its configuration and {@code event=gateway.ready port=N}.
     *
     * @throws CannotConnectException when the port cannot be bound (exit 3)
     * @throws ConfigException when the TLS files cannot be used (exit 2)
     */
    static WsGatewayServer start(WsGatewayConfig config, String command, int descriptorsPerSession)
            throws InterruptedException {
        Logger log = LoggerFactory.getLogger(GatewayCommand.class);
        config = withinDescriptorLimit(config, descriptorsPerSession, log);
        log.info(
                "event=gateway.config ws={}:{} app={}:{} allowedOrigins={} maxMessageBytes={} maxConnectionsPerIp={}"
                        + " maxConnections={} tls={}",
                config.host(),
                config.port(),
                config.appHost(),
                config.appPort(),
                config.allowedOrigins(),
                config.maxMessageBytes(),
                config.maxConnectionsPerIp(),
                config.maxConnections(),
                config.tls().isPresent());
        WsGatewayServer server = new WsGatewayServer(config);
        int port;
        try {
            port = server.start();
        } catch (IllegalArgumentException e) {
            server.shutdown(Duration.ZERO);
            if (config.tls().isEmpty()
                    || e.getMessage() == null
                    || !e.getMessage().startsWith("TLS")) {
                throw AppRuntime.cannotBind(
                        e, config.host() + ":" + config.port(), "--ws-port (WS_PORT)", "--ws-host (WS_HOST)");
            }
            throw new ConfigException("No pude usar el certificado o la clave TLS (--tls-cert / TLS_CERT, --tls-key /"
                    + " TLS_KEY): tienen que ser archivos PEM legibles, la clave en PKCS#8 (BEGIN PRIVATE KEY). Ver:"
                    + " psicoia " + command + " --help");
        } catch (Exception e) {
            server.shutdown(Duration.ZERO);
            throw AppRuntime.cannotBind(
                    e, config.host() + ":" + config.port(), "--ws-port (WS_PORT)", "--ws-host (WS_HOST)");
        }
        log.info("event=gateway.ready port={}", port);
        return server;
    }

    /** Descriptors kept free for logs, jars, the listeners and the app's own needs. */
    static final long RESERVED_DESCRIPTORS = 200;

    /**
     * The connection cap, lowered when the process may not open enough files for it: each browser session holds
     * {@code descriptorsPerSession} descriptors (its WebSocket and its connection to the app; in {@code serve} also
     * the app's side). A deliberate ceiling with a clear refusal, never "too many open files".
     */
    static WsGatewayConfig withinDescriptorLimit(WsGatewayConfig config, int descriptorsPerSession, Logger log) {
        return withinDescriptorLimit(config, descriptorsPerSession, descriptorLimit(), log);
    }

    static WsGatewayConfig withinDescriptorLimit(
            WsGatewayConfig config, int descriptorsPerSession, long limit, Logger log) {
        if (limit <= 0) {
            return config;
        }
        long fits = Math.max(1, (limit - RESERVED_DESCRIPTORS) / descriptorsPerSession);
        if (fits >= config.maxConnections()) {
            return config;
        }
        log.warn(
                "event=gateway.max_connections_lowered configured={} effective={} openFilesLimit={} perSession={}"
                        + " hint=\"raise ulimit -n (the ./psicoia launcher raises it to the hard limit)\"",
                config.maxConnections(),
                fits,
                limit,
                descriptorsPerSession);
        return config.withMaxConnections((int) fits);
    }

    /** The process's open-files limit, or -1 when the platform does not say. */
    static long descriptorLimit() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }
}
