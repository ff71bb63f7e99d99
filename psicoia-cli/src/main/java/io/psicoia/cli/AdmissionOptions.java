package io.psicoia.cli;

import io.psicoia.domain.service.AdmissionConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Limits on how many messages a person may send and how many model calls run at once. */
final class AdmissionOptions {

    @Option(
            names = "--max-in-flight",
            descriptionKey = "MAX_IN_FLIGHT",
            paramLabel = "N",
            defaultValue = "50",
            converter = Converters.PositiveInt.class,
            description = "Llamadas simultáneas al modelo, en todo el proceso. Variable MAX_IN_FLIGHT; por defecto"
                    + " ${DEFAULT-VALUE}.")
    int maxInFlight;

    @Option(
            names = "--per-user-max",
            descriptionKey = "PER_USER_MAX",
            paramLabel = "N",
            defaultValue = "2",
            converter = Converters.PositiveInt.class,
            description = "Mensajes de una persona esperando respuesta a la vez. Variable PER_USER_MAX; por defecto"
                    + " ${DEFAULT-VALUE}.")
    int perUserMax;

    @Option(
            names = "--rate-window-seconds",
            descriptionKey = "RATE_WINDOW_SECONDS",
            paramLabel = "S",
            defaultValue = "10",
            converter = Converters.PositiveInt.class,
            description = "Largo de la ventana del límite de mensajes, en segundos. Variable RATE_WINDOW_SECONDS;"
                    + " por defecto ${DEFAULT-VALUE}.")
    int rateWindowSeconds;

    @Option(
            names = "--rate-max-messages",
            descriptionKey = "RATE_MAX_MESSAGES",
            paramLabel = "N",
            defaultValue = "6",
            converter = Converters.PositiveInt.class,
            description = "Mensajes permitidos por ventana y por persona. Variable RATE_MAX_MESSAGES; por defecto"
                    + " ${DEFAULT-VALUE}.")
    int rateMaxMessages;

    @Option(
            names = "--rate-max-messages-per-ip",
            descriptionKey = "RATE_MAX_MESSAGES_PER_IP",
            paramLabel = "N",
            converter = Converters.PositiveInt.class,
            description = "Mensajes permitidos por ventana desde una misma dirección IP, sumando todas sus conexiones"
                    + " (así reconectarse no reinicia el límite). Variable RATE_MAX_MESSAGES_PER_IP; por defecto 5 veces"
                    + " --rate-max-messages.")
    Integer rateMaxMessagesPerIp;

    @Option(
            names = "--queue-timeout",
            descriptionKey = "QUEUE_TIMEOUT_SECONDS",
            paramLabel = "S",
            defaultValue = "30",
            converter = Converters.PositiveInt.class,
            description = "Espera máxima en la fila cuando el modelo está ocupado. Variable QUEUE_TIMEOUT_SECONDS;"
                    + " por defecto ${DEFAULT-VALUE}.")
    int queueTimeoutSeconds;

    AdmissionConfig toConfig() {
        return new AdmissionConfig(
                maxInFlight,
                perUserMax,
                rateMaxMessages,
                Duration.ofSeconds(rateWindowSeconds),
                rateMaxMessagesPerIp != null ? rateMaxMessagesPerIp : 5 * rateMaxMessages,
                Duration.ofSeconds(2),
                Duration.ofSeconds(queueTimeoutSeconds));
    }
}
