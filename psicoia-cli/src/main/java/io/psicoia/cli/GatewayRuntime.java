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
    static WsGatewayServer start(WsGatewayConfig config, String command) throws InterruptedException {
        Logger log = LoggerFactory.getLogger(GatewayCommand.class);
        log.info(
                "event=gateway.config ws={}:{} app={}:{} allowedOrigins={} maxMessageBytes={} maxConnectionsPerIp={}"
                        + " tls={}",
                config.host(),
                config.port(),
                config.appHost(),
                config.appPort(),
                config.allowedOrigins(),
                config.maxMessageBytes(),
                config.maxConnectionsPerIp(),
                config.tls().isPresent());
        WsGatewayServer server = new WsGatewayServer(config);
        int port;
        try {
            port = server.start();
        } catch (IllegalArgumentException e) {
            server.shutdown(Duration.ZERO);
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
}
