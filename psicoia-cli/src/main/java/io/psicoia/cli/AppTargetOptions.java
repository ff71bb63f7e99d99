package io.psicoia.cli;

import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where the gateway finds the app (the TCP chat server). */
final class AppTargetOptions {

    @Option(
            names = "--app-host",
            descriptionKey = "TCP_HOST",
            paramLabel = "DIRECCIÓN",
            defaultValue = "127.0.0.1",
            converter = Converters.NonBlank.class,
            description = "Dirección del servidor de chat TCP ('psicoia app'). Variable TCP_HOST; por defecto"
                    + " ${DEFAULT-VALUE}.")
    String host;

    @Option(
            names = "--app-port",
            descriptionKey = "TCP_PORT",
            paramLabel = "PUERTO",
            converter = Converters.Port.class,
            description = "Puerto del servidor de chat TCP. Variable TCP_PORT; por defecto el de APP_PORT, o 5001.")
    Integer port;

    /** The app's port: the flag, else TCP_PORT, else APP_PORT, else 5001 (as the original). */
    int effectivePort(Map<String, String> environment) {
        if (port != null) {
            return port;
        }
        String appPort = environment.get("APP_PORT");
        if (appPort == null || appPort.isBlank()) {
            return 5001;
        }
        try {
            return new Converters.Port().convert(appPort);
        } catch (TypeConversionException e) {
            throw new ConfigException("Valor inválido para la variable APP_PORT (el puerto de la app, que usa"
                    + " --app-port cuando falta TCP_PORT): " + e.getMessage() + ". Recibí: '" + appPort.trim()
                    + "'.");
        }
    }
}
