package io.psicoia.adapter.tcp;

import io.psicoia.adapter.tcp.protocol.DeltaFrame;
import io.psicoia.adapter.tcp.protocol.DoneFrame;
import io.psicoia.adapter.tcp.protocol.JsonProtocol;
import io.psicoia.adapter.tcp.protocol.SafetyFrame;
import io.psicoia.domain.port.in.EndConversationUseCase;
import io.psicoia.domain.port.in.SubmitMessageUseCase;
import io.psicoia.domain.safety.RiskLevel;
import io.psicoia.domain.safety.RiskSubject;
import io.psicoia.domain.safety.SafetyNotice;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Makes one {@link ChatSessionHandler} per connection, numbering people {@code Usuario-1, Usuario-2…}. */
final class SessionFactory {

    private final TcpServerConfig config;
    private final SubmitMessageUseCase chat;
    private final EndConversationUseCase conversations;
    private final AtomicLong users;
    private final JsonProtocol json;

    SessionFactory(
            TcpServerConfig config, SubmitMessageUseCase chat, EndConversationUseCase conversations, AtomicLong users) {
        this.config = config;
        this.chat = chat;
        this.conversations = conversations;
        this.users = users;
        this.json = new JsonProtocol(config.maxMessageChars());
        warmUp();
    }

    /** Reads and writes the frames of a message at risk once, so the first real one does not wait for class loading. */
    private void warmUp() {
        json.parse("{\"type\":\"message\",\"id\":\"warm-up\",\"text\":\"hola\"}");
        json.encode(new SafetyFrame(
                "warm-up", new SafetyNotice(RiskLevel.HIGH, RiskSubject.SELF, "", List.of(), Optional.of("AR"))));
        json.encode(new DeltaFrame("warm-up", ""));
        json.encode(new DoneFrame("warm-up", true));
    }

    ChatSessionHandler create(ConnectionLimiter limiter, TrustedProxies trusted) {
        return new ChatSessionHandler(
                config, chat, conversations, limiter, trusted, json, "Usuario-" + users.incrementAndGet());
    }
}
