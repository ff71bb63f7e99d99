package io.psicoia.cli;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.EndConversationUseCase;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.port.in.SendMessageUseCase;
import io.psicoia.domain.text.SpanishTexts;
import java.util.Optional;

/** The chat service in this process: one conversation, ended when the chat closes. */
final class LocalChatBackend implements ChatBackend {

    private final SendMessageUseCase chat;
    private final EndConversationUseCase conversations;
    private final ConversationId conversation;
    private final String locale;

    /**
     * @param locale as {@link ChatBackend#localeTag} gives it: its country, if any, chooses the crisis lines
     */
    LocalChatBackend(
            SendMessageUseCase chat, EndConversationUseCase conversations, ConversationId conversation, String locale) {
        this.chat = chat;
        this.conversations = conversations;
        this.conversation = conversation;
        this.locale = locale;
    }

    @Override
    public TurnEnd send(String text, TurnSink sink, Cancellation cancellation) {
        SendMessageCommand command = new SendMessageCommand(
                conversation, conversation.value(), text, cancellation, Optional.empty(), Optional.of(locale));
        ChatOutcome outcome = chat.send(command, sink);
        if (outcome instanceof ChatOutcome.Reply reply) {
            return new TurnEnd.Replied(reply.complete());
        }
        if (outcome instanceof ChatOutcome.SafeFallback) {
            // The safety notice and a fixed follow-up were streamed: for the person the turn is complete.
            return new TurnEnd.Replied(true);
        }
        String hint = outcome instanceof ChatOutcome.ServiceUnavailable unavailable
                ? SpanishTexts.operatorHint(unavailable.reason())
                : "";
        return new TurnEnd.Refused(outcome.getClass().getSimpleName(), SpanishTexts.refusal(outcome), hint);
    }

    @Override
    public String logId() {
        return conversation.toString();
    }

    @Override
    public void close() {
        conversations.end(conversation);
    }
}
