package io.psicoia.adapter.tcp;

import io.psicoia.adapter.tcp.protocol.JsonProtocol;
import io.psicoia.domain.port.in.EndConversationUseCase;
import io.psicoia.domain.port.in.SubmitMessageUseCase;
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
    }

    ChatSessionHandler create(ConnectionLimiter limiter, TrustedProxies trusted) {
        return new ChatSessionHandler(
                config, chat, conversations, limiter, trusted, json, "Usuario-" + users.incrementAndGet());
    }
}
