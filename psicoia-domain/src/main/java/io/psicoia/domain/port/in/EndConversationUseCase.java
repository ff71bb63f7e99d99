package io.psicoia.domain.port.in;

import io.psicoia.domain.model.ConversationId;

/** Inbound port: the person left; their conversation is forgotten once its last message is answered. */
public interface EndConversationUseCase {

    void end(ConversationId id);
}
