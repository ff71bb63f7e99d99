package io.psicoia.adapter.tcp;

import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.service.AdmissionConfig;
import io.psicoia.domain.service.ChatService;
import io.psicoia.domain.testing.FakeLlmPort;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts a real {@link TcpChatServer} on a loopback port for one test and stops it afterwards. */
final class TcpServerExtension implements AfterEachCallback {

    private TcpChatServer server;
    private LlmPort llm;

    /** Starts the server in front of a chat service over {@code llm}; returns its port. */
    int start(LlmPort llm, TcpServerConfig config, AdmissionConfig admission) throws InterruptedException {
        this.llm = llm;
        ChatService chat = ChatService.builder(llm).admission(admission).build();
        server = new TcpChatServer(config, chat, chat);
        return server.start();
    }

    TcpChatServer server() {
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (llm instanceof FakeLlmPort fake) {
            fake.open();
        }
        if (server != null) {
            server.shutdown(Duration.ZERO);
        }
    }
}
