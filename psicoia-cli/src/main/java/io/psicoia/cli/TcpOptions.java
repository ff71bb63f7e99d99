package io.psicoia.cli;

import io.psicoia.adapter.tcp.TcpServerConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the TCP chat server listens and how it protects itself. */
final class TcpOptions {

    @Option(
            names = "--host",
            descriptionKey = "APP_HOST",
            paramLabel = "DIRECCIÓN",
            defaultValue = "0.0.0.0",
            converter = Converters.NonBlank.class,
            description = "Dirección donde escucha el servidor TCP. Variable APP_HOST; por defecto ${DEFAULT-VALUE}.")
    String host;

    @Option(
            names = "--port",
            descriptionKey = "APP_PORT",
            paramLabel = "PUERTO",
            defaultValue = "5001",
            converter = Converters.Port.class,
            description = "Puerto del servidor TCP. Variable APP_PORT; por defecto ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--max-connections",
            descriptionKey = "MAX_CONNECTIONS",
            paramLabel = "N",
            defaultValue = "10000",
            converter = Converters.PositiveInt.class,
            description = "Conexiones abiertas en total. Variable MAX_CONNECTIONS; por defecto ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(
            names = "--max-connections-per-ip",
            descriptionKey = "MAX_CONNECTIONS_PER_IP",
            paramLabel = "N",
            defaultValue = "50",
            converter = Converters.PositiveInt.class,
            description =
                    "Conexiones abiertas desde una misma dirección IP. Variable MAX_CONNECTIONS_PER_IP; por defecto"
                            + " ${DEFAULT-VALUE}.")
    int maxConnectionsPerIp;

    @Option(
            names = "--max-message-chars",
            descriptionKey = "MAX_MESSAGE_CHARS",
            paramLabel = "N",
            defaultValue = "4000",
            converter = Converters.PositiveInt.class,
            description = "Largo máximo de un mensaje, en caracteres. Variable MAX_MESSAGE_CHARS; por defecto"
                    + " ${DEFAULT-VALUE}.")
    int maxMessageChars;

    @Option(
            names = "--idle-timeout",
            descriptionKey = "IDLE_TIMEOUT_SECONDS",
            paramLabel = "S",
            defaultValue = "900",
            converter = Converters.PositiveInt.class,
            description =
                    "Segundos sin mensajes del cliente (y sin respuestas pendientes) antes de cerrar una conexión. Variable IDLE_TIMEOUT_SECONDS; por"
                            + " defecto ${DEFAULT-VALUE} (15 min).")
    int idleTimeoutSeconds;

    @Option(
            names = "--shutdown-grace",
            descriptionKey = "SHUTDOWN_GRACE_SECONDS",
            paramLabel = "S",
            defaultValue = "10",
            converter = Converters.NonNegativeInt.class,
            description = "Al detenerse, segundos que se esperan para que terminen las respuestas en curso. Variable"
                    + " SHUTDOWN_GRACE_SECONDS; por defecto ${DEFAULT-VALUE}.")
    int shutdownGraceSeconds;

    @Option(
            names = "--trusted-proxy",
            descriptionKey = "TRUSTED_PROXIES",
            paramLabel = "IP/CIDR",
            defaultValue = "loopback",
            converter = Converters.TrustedProxyList.class,
            description = "Direcciones (IP o bloques CIDR, separados por comas; 'loopback' = 127.0.0.0/8 y ::1) a las"
                    + " que se les cree la IP del cliente que informan (el gateway). Variable TRUSTED_PROXIES; por"
                    + " defecto ${DEFAULT-VALUE}.")
    String trustedProxies;

    TcpServerConfig toConfig(AdmissionOptions admission) {
        return new TcpServerConfig(
                host,
                port,
                maxConnections,
                maxConnectionsPerIp,
                maxMessageChars,
                Duration.ofSeconds(idleTimeoutSeconds),
                Duration.ofSeconds(shutdownGraceSeconds),
                trustedProxyList(trustedProxies),
                admission.rateMaxMessages,
                Duration.ofSeconds(admission.rateWindowSeconds),
                TcpServerConfig.DEFAULTS.backlog(),
                TcpServerConfig.DEFAULTS.maxPendingReplyBytes());
    }

    static List<String> trustedProxyList(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
