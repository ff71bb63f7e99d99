package io.psicoia.gateway.ws;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts a real {@link WsGatewayServer} on a loopback port for one test and stops it afterwards. */
final class GatewayExtension implements AfterEachCallback {

    private WsGatewayServer server;

    /** Test settings: loopback, the test web root, short timeouts so tests stay fast. */
    static WsGatewayConfig config(int appPort) {
        return new WsGatewayConfig(
                "127.0.0.1",
                0,
                "127.0.0.1",
                appPort,
                List.of(),
                64 * 1024,
                50,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Optional.empty(),
                "testweb/",
                Duration.ofSeconds(2),
                Duration.ofMillis(300),
                10_000);
    }

    int start(WsGatewayConfig config) throws InterruptedException {
        server = new WsGatewayServer(config);
        return server.start();
    }

    WsGatewayServer server() {
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.shutdown(Duration.ZERO);
        }
    }
}
