package io.psicoia.cli;

import io.psicoia.gateway.ws.WsGatewayConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the WebSocket gateway listens, which pages may use it, and its limits. */
final class GatewayOptions {

    @Option(
            names = "--ws-host",
            descriptionKey = "WS_HOST",
            paramLabel = "DIRECCIÓN",
            defaultValue = "0.0.0.0",
            converter = Converters.NonBlank.class,
            description = "Dirección donde escucha el gateway web (HTTP y WebSocket). Variable WS_HOST; por defecto"
                    + " ${DEFAULT-VALUE}.")
    String host;

    @Option(
            names = "--ws-port",
            descriptionKey = "WS_PORT",
            paramLabel = "PUERTO",
            defaultValue = "8765",
            converter = Converters.Port.class,
            description = "Puerto del gateway web: la página en http://localhost:PUERTO/ y el WebSocket en /ws."
                    + " Variable WS_PORT; por defecto ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--ws-allowed-origins",
            descriptionKey = "WS_ALLOWED_ORIGINS",
            paramLabel = "ORÍGENES",
            defaultValue = "",
            converter = Converters.OriginList.class,
            description = "Otros sitios (https://ejemplo.org, separados por comas) cuyas páginas pueden abrir el"
                    + " WebSocket, además de la propia del gateway. Variable WS_ALLOWED_ORIGINS; por defecto"
                    + " ninguno.")
    String allowedOrigins;

    @Option(
            names = "--ws-max-message-bytes",
            descriptionKey = "WS_MAX_MESSAGE_BYTES",
            paramLabel = "BYTES",
            defaultValue = "65536",
            converter = Converters.MessageBytes.class,
            description = "Tamaño máximo de un mensaje WebSocket, con todos sus fragmentos (más grande: cierre 1009)."
                    + " Variable WS_MAX_MESSAGE_BYTES; por defecto ${DEFAULT-VALUE}.")
    int maxMessageBytes;

    @Option(
            names = "--ws-max-connections-per-ip",
            descriptionKey = "WS_MAX_CONNECTIONS_PER_IP",
            paramLabel = "N",
            defaultValue = "50",
            converter = Converters.PositiveInt.class,
            description = "WebSockets abiertos desde una misma dirección IP (el siguiente se cierra con 1013)."
                    + " Variable WS_MAX_CONNECTIONS_PER_IP; por defecto ${DEFAULT-VALUE}.")
    int maxConnectionsPerIp;

    @Option(
            names = "--ws-max-connections",
            descriptionKey = "WS_MAX_CONNECTIONS",
            paramLabel = "N",
            defaultValue = "10000",
            converter = Converters.PositiveInt.class,
            description = "Conexiones abiertas en total en el gateway; las siguientes reciben un 503 con un aviso y se"
                    + " cierran. Nunca más de lo que permite el límite de archivos abiertos del proceso (ulimit -n):"
                    + " si no alcanza, se usa el máximo posible y se avisa al iniciar. Variable WS_MAX_CONNECTIONS;"
                    + " por defecto ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(
            names = "--tls-cert",
            descriptionKey = "TLS_CERT",
            paramLabel = "ARCHIVO",
            description = "Certificado (PEM, con la cadena) para servir HTTPS y WSS; va con --tls-key. Variable"
                    + " TLS_CERT; sin él, HTTP.")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            descriptionKey = "TLS_KEY",
            paramLabel = "ARCHIVO",
            description = "Clave privada del certificado (PEM, PKCS#8: BEGIN PRIVATE KEY). Variable TLS_KEY.")
    Path tlsKey;

    /** The gateway's settings, bridging to {@code appHost:appPort}. */
    WsGatewayConfig toConfig(String appHost, int appPort) {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ConfigException("Para TLS hacen falta los dos: --tls-cert (variable TLS_CERT) y --tls-key"
                    + " (variable TLS_KEY).");
        }
        Optional<WsGatewayConfig.Tls> tls =
                tlsCert == null ? Optional.empty() : Optional.of(new WsGatewayConfig.Tls(tlsCert, tlsKey));
        WsGatewayConfig defaults = WsGatewayConfig.DEFAULTS;
        return new WsGatewayConfig(
                host,
                port,
                appHost,
                appPort,
                originList(allowedOrigins),
                maxMessageBytes,
                maxConnectionsPerIp,
                defaults.handshakeTimeout(),
                defaults.pingInterval(),
                tls,
                defaults.staticRoot(),
                defaults.appConnectTimeout(),
                defaults.closeTimeout(),
                maxConnections);
    }

    static List<String> originList(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
