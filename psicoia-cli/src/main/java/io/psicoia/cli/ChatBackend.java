package io.psicoia.cli;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.port.in.ReplySink;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a terminal chat sends what the person writes: the chat service in this process ({@link LocalChatBackend}) or
 * a running {@code psicoia app} over TCP ({@link RemoteChatBackend}). {@link ChatSession} owns the loop and the
 * rendering; a backend only delivers a message and reports how its reply ended.
 */
interface ChatBackend extends AutoCloseable {

    /**
     * Sends one message and streams its reply into {@code sink}, on the calling thread; returns when the reply ended.
     * Firing {@code cancellation} (Ctrl-C) cuts the reply short.
     */
    TurnEnd send(String text, ReplySink sink, Cancellation cancellation);

    /** Set when the other side has gone, so the conversation cannot go on; checked before each prompt. */
    default Optional<TurnEnd.Lost> lost() {
        return Optional.empty();
    }

    /** The person is leaving ({@code salir} or the end of input). */
    default void leave() {}

    /** A random or pseudonymous id for logs; never anything the person wrote. */
    String logId();

    @Override
    void close();

    /** How a turn ended, in terms the session can show. */
    sealed interface TurnEnd permits TurnEnd.Replied, TurnEnd.Refused, TurnEnd.Lost {

        /** A short, fixed name for logs (an outcome or error code, never text). */
        String kind();

        /**
         * The reply was streamed.
         *
         * @param complete false when it was cut short
         */
        record Replied(boolean complete) implements TurnEnd {
            @Override
            public String kind() {
                return complete ? "reply" : "reply_interrupted";
            }
        }

        /**
         * No reply, or only part of one: a calm Spanish sentence for the person and, for a local model, a hint for
         * whoever runs PsicoIA.
         *
         * @param kind an outcome or error code, for logs
         * @param sentence shown to the person
         * @param operatorHint shown on stderr when not empty
         */
        record Refused(String kind, String sentence, String operatorHint) implements TurnEnd {
            public Refused {
                Objects.requireNonNull(kind, "kind");
                Objects.requireNonNull(sentence, "sentence");
                Objects.requireNonNull(operatorHint, "operatorHint");
            }

            @Override
            public String toString() {
                return "Refused[kind=" + kind + ", chars=" + sentence.length() + "]";
            }
        }

        /**
         * The connection to PsicoIA closed; the conversation is over.
         *
         * @param notices what the server said before closing (e.g. that it is shutting down), to show as is
         */
        record Lost(List<String> notices) implements TurnEnd {
            public Lost {
                notices = List.copyOf(notices);
            }

            @Override
            public String kind() {
                return "connection_lost";
            }

            @Override
            public String toString() {
                return "Lost[notices=" + notices.size() + "]";
            }
        }
    }
}
